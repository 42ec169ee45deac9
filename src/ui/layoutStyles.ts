import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The few layouts every page repeats, as Fluent v9 `makeStyles` classes on theme `tokens`, so
 * spacing, strokes and colours follow the light, dark and high-contrast themes (no inline
 * `style={{}}`, no raw `var(--…)`; the lint rule in eslint.config.js keeps it so).
 * - `page`: a page's `<main>` with the standard padding; `pageNarrow`/`pageMedium`/`pageWide`
 *   cap its width (30 rem sign-in/config, 47.5 rem lists, 56 rem home, 69 rem project page).
 * - `stack*`: a vertical grid with a small (8 px), XS (4), XXS (2) or medium (12) gap.
 * - `row`/`rowCenter`/`rowStart`: a wrapping flex row aligned at the end/centre/start.
 * - `plainList`: a `<ul>` without bullets or indent; `listItem`: an entry divided by a thin stroke.
 * - `bulletList`: a compact indented list.
 * - `grow`: takes the free space of a flex row; `preWrap`: keeps the line breaks people typed.
 * - `alertBox`: a red-bordered box for what needs the user's decision (conflicts, refused changes).
 */
export const useLayoutStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, minWidth: 0 },
  pageNarrow: { maxWidth: "30rem" },
  pageMedium: { maxWidth: "47.5rem" },
  pageHome: { maxWidth: "56rem" },
  pageWide: { maxWidth: "69rem" },
  stack: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  stackXXS: { display: "grid", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  stackXS: { display: "grid", gap: tokens.spacingVerticalXS, minWidth: 0 },
  stackM: { display: "grid", gap: tokens.spacingVerticalM, alignContent: "start", minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  rowCenter: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  rowStart: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "start", minWidth: 0 },
  rowTight: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  plainList: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  bareList: { listStyleType: "none", margin: 0, padding: 0 },
  listItem: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS, minWidth: 0 },
  bulletList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  grow: { flexGrow: 1, minWidth: 0 },
  preWrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  alertBox: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
});
