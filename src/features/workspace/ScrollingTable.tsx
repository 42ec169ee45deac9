import { useEffect, useRef, useState, type ReactNode } from "react";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  wrap: { display: "grid", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // A visible scrollbar (headless and phone browsers otherwise hide it until touched) and a
  // keyboard-reachable region (axe scrollable-region-focusable).
  region: {
    overflowX: "auto",
    minWidth: 0,
    scrollbarWidth: "thin",
    scrollbarColor: `${tokens.colorNeutralStroke1} transparent`,
    paddingBottom: tokens.spacingVerticalXS,
    borderRight: `${tokens.strokeWidthThin} solid transparent`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // While columns are hidden on the right, an edge line shows there is more.
  overflowing: { borderRightColor: tokens.colorNeutralStroke1 },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * A wide workspace table that scrolls sideways inside its own labelled region (role "region",
 * name "`label` table", focusable so keyboard users can scroll it) instead of being cut
 * off or widening the page. While its columns do not fit (scrollWidth > clientWidth, measured with a
 * ResizeObserver), it shows "Scroll sideways to see every column" above the table and an edge line
 * on the right — the visible affordance a phone's hidden scrollbar does not give.
 */
export function ScrollingTable({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver !== "function") return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div className={styles.wrap}>
      {overflowing ? (
        <Text size={200} className={styles.hint} data-scroll-hint="">
          Scroll sideways to see every column →
        </Text>
      ) : null}
      <div ref={ref} role="region" aria-label={`${label} table`} tabIndex={0} className={mergeClasses(styles.region, overflowing && styles.overflowing)}>
        {children}
      </div>
    </div>
  );
}
