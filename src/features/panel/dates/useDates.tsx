import { createContext, useContext, useMemo, type ReactNode } from "react";
import { panelDates, type PanelDates, type ViewerZone } from "./panelDates";

const ZoneContext = createContext<ViewerZone>({ locale: undefined, timeZone: undefined });

/** Gives the panel's components the viewer's locale and zone (from the host context). */
export function DatesProvider({ zone, children }: { zone: ViewerZone; children: ReactNode }) {
  return <ZoneContext.Provider value={zone}>{children}</ZoneContext.Provider>;
}

/** The viewer's zone as the host gives it: Teams' locale and time zone, else the browser's (undefined). */
export function zoneOf(host: { locale?: string | null; timeZone?: string | null }): ViewerZone {
  return { locale: host.locale ?? undefined, timeZone: host.timeZone ?? undefined };
}

/** The panel's one date formatter, in the viewer's locale and time zone. */
export function useDates(): PanelDates {
  const zone = useContext(ZoneContext);
  return useMemo(() => panelDates(zone), [zone]);
}

/** The viewer's locale and IANA zone as the host gave them (undefined = the browser's), for text the formatter does not cover. */
export function useViewerZone(): ViewerZone {
  return useContext(ZoneContext);
}
