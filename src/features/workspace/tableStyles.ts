import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The workspace's Fluent `Table`s: columns sized by their content (Fluent's default is a fixed
 * layout of equal columns, which squeezes a 6-column log into 55 px slivers at 360 px). A log
 * (`wide`) keeps 36 rem so a date stays on one line; on a phone its section scrolls it sideways
 * (Section's body), the page does not widen. Cells align to the top so multi-line entries read as rows.
 */
export const useTableStyles = makeStyles({
  table: { tableLayout: "auto" },
  wide: { minWidth: "36rem" },
  cell: { verticalAlign: "top", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  head: { fontWeight: tokens.fontWeightSemibold, verticalAlign: "bottom" },
  labelColumn: { width: "30%" },
  actionColumn: { width: "4rem" },
  wideInput: { width: "100%" },
  hours: { width: "6rem" },
  caseNumber: { width: "7rem" },
});
