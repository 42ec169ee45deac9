import type { ReactNode } from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  section: { margin: `${tokens.spacingVerticalXL} 0`, display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // A wide table scrolls inside its section on a phone instead of widening the page.
  body: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0, overflowX: "auto" },
  problem: { color: tokens.colorPaletteRedForeground1 },
  pager: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** A titled block of the project page, reachable from the page's contents by its id. */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  const styles = useStyles();
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={styles.section}>
      <div className={styles.head}>
        <Text as="h2" id={`${id}-title`} size={500} weight="semibold">
          {title}
        </Text>
        {actions}
      </div>
      <div className={styles.body}>{children}</div>
    </section>
  );
}

export function Problem({ message }: { message: string | null }) {
  const styles = useStyles();
  return message ? (
    <Text role="alert" block className={styles.problem}>
      {message}
    </Text>
  ) : null;
}

export interface PersonOption {
  id: string;
  name: string;
}

/** A Fluent Select of the project's people; `label` "" leaves the visible label out (give `ariaLabel` then). */
export function PersonSelect(props: { label: string; value: string; people: PersonOption[]; onChange: (id: string) => void; allowNone?: string; ariaLabel?: string }) {
  const select = (
    <Select value={props.value} aria-label={props.ariaLabel} onChange={(_e, d) => props.onChange(d.value)}>
      <option value="">{props.allowNone ?? "—"}</option>
      {props.people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </Select>
  );
  return props.label ? <Field label={props.label}>{select}</Field> : select;
}

/** Previous/next through a keyset-paged list. */
export function Pager({ list, previous = "Previous", next = "Next", showPage = true }: { list: { page: number; hasNext: boolean; previous: () => void; next: () => void }; previous?: string; next?: string; showPage?: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.pager}>
      <Button size="small" disabled={list.page === 1} onClick={list.previous}>
        {previous}
      </Button>
      {showPage ? <Text size={200}>Page {list.page}</Text> : null}
      <Button size="small" disabled={!list.hasNext} onClick={list.next}>
        {next}
      </Button>
    </div>
  );
}
