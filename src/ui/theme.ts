import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeName } from "../host/host";

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? teamsDarkTheme : name === "contrast" ? teamsHighContrastTheme : teamsLightTheme;
}
