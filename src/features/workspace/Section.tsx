import type { ReactNode } from "react";
import { Button, Text } from "@fluentui/react-components";

/** A titled block of the project page, reachable from the page's contents by its id. */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} style={{ margin: "20px 0", display: "grid", gap: 8 }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
        <Text as="h2" id={`${id}-title`} size={500} weight="semibold">
          {title}
        </Text>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Problem({ message }: { message: string | null }) {
  return message ? (
    <Text role="alert" block style={{ color: "var(--colorPaletteRedForeground1)" }}>
      {message}
    </Text>
  ) : null;
}

export interface PersonOption {
  id: string;
  name: string;
}

/** A native select of the project's people (light: no Fluent Combobox in this bundle). */
export function PersonSelect(props: { label: string; value: string; people: PersonOption[]; onChange: (id: string) => void; allowNone?: string }) {
  return (
    <label style={{ display: "grid", fontSize: 12 }}>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} style={{ minHeight: 30 }}>
        <option value="">{props.allowNone ?? "—"}</option>
        {props.people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Previous/next through a keyset-paged list. */
export function Pager({ list, previous = "Previous", next = "Next", showPage = true }: { list: { page: number; hasNext: boolean; previous: () => void; next: () => void }; previous?: string; next?: string; showPage?: boolean }) {
  return (
    <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
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
