import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The workspace's Fluent `Table`s: columns sized by their content (Fluent's default is a fixed
 * layout of equal columns, which squeezes a 6-column log into 55 px slivers at 360 px; the
 * section scrolls a wide table sideways instead), cells aligned to the top so multi-line
 * entries read as rows.
 */
export const useTableStyles = makeStyles({
  table: { tableLayout: "auto" },
  cell: { verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  head: { fontWeight: tokens.fontWeightSemibold, verticalAlign: "bottom" },
  labelColumn: { width: "30%" },
  actionColumn: { width: "4rem" },
  wideInput: { width: "100%" },
  hours: { width: "6rem" },
  caseNumber: { width: "7rem" },
});
