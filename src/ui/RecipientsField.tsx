import { useState, type ReactNode } from "react";
import { Button, Combobox, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";

/** A person who receives something: a name and an address. */
export interface Recipient {
  name: string;
  email: string;
}

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  chip: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    maxWidth: "100%",
    minWidth: 0,
  },
  rows: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Text that wraps, then the row's controls and Remove: three columns that fit 288 px.
  rowItem: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto auto", alignItems: "center", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  // 10rem + the Add button (Fluent's 96 px minimum) fit on one line in a 320 px panel.
  grow: { flexGrow: 1, flexBasis: "10rem", minWidth: 0 },
  // Fluent's Combobox is 250 px at least, and its input keeps its intrinsic width unless allowed to shrink.
  combobox: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  comboInput: { minWidth: 0, width: "100%" },
  // The suggestions stay inside a 320 px panel: never wider than the viewport less its margins, addresses wrap.
  listbox: { maxWidth: "calc(100vw - 16px)", boxSizing: "border-box" },
  option: { minWidth: 0, overflowWrap: "anywhere" },
  optionText: { display: "grid", minWidth: 0 },
});

/**
 * The candidates a typed text suggests: those whose name or address contains it (case-insensitive,
 * surrounding spaces ignored); all of them when nothing is typed. Order kept.
 */
export function suggestRecipients<C extends Recipient>(typed: string, candidates: readonly C[]): C[] {
  const text = typed.trim().toLowerCase();
  if (text === "") return [...candidates];
  return candidates.filter((c) => c.name.toLowerCase().includes(text) || c.email.toLowerCase().includes(text));
}

const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "name@domain.tld", one address, no spaces or commas: what the add field accepts besides a listed person. */
export const looksLikeAddress = (s: string): boolean => /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(s.trim());

/**
 * The person a typed or picked value means: a candidate whose name or address matches (case-insensitive),
 * else the value itself when it looks like an address, else null.
 */
export function resolveRecipient(value: string, candidates: readonly Recipient[]): Recipient | null {
  const text = value.trim();
  if (text === "") return null;
  const person = candidates.find((c) => sameAddress(c.email, text) || c.name.trim().toLowerCase() === text.toLowerCase());
  return person ? { name: person.name, email: person.email } : looksLikeAddress(text) ? { name: text, email: text } : null;
}

export interface RecipientsFieldProps<R extends Recipient> {
  /** Label of the list ("Recipients", "Attendees"); also its accessible name. */
  label: string;
  /** Label of the add field ("Add a recipient", "Add an attendee"). */
  addLabel: string;
  hint?: string | undefined;
  recipients: readonly R[];
  /** People the add field proposes (project people, attendees); anyone already in the list is left out. */
  candidates: readonly Recipient[];
  onAdd: (person: Recipient) => void;
  onRemove: (email: string) => void;
  /** What a row shows beside its Remove button; default: the name (its address on hover). */
  renderItem?: (r: R) => ReactNode;
  /** "chips" (wrap on one line, for names) or "rows" (one per line, for rows with controls). */
  layout?: "chips" | "rows";
  "data-testid"?: string;
}

/**
 * One list of people with a Remove button each, and an add field that takes a project person
 * (picked or typed by name) or any e-mail address. The suggestions are the people whose name or address
 * contains what is typed; they close once someone is added. Used by the recap (its recipients) and by
 * "Create series" (its attendees). Adding someone already listed does nothing; the audience rule
 * is the caller's (the server decides it from the addresses).
 */
export function RecipientsField<R extends Recipient>(props: RecipientsFieldProps<R>) {
  const styles = useStyles();
  const [adding, setAdding] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const { recipients, candidates } = props;
  const listed = (email: string) => recipients.some((r) => sameAddress(r.email, email));
  const addable = suggestRecipients(adding, candidates.filter((c) => !listed(c.email)));

  const add = (value: string) => {
    const next = resolveRecipient(value, candidates);
    if (!next) return setError("Pick a person from the list or type an e-mail address.");
    setError(null);
    setAdding("");
    setOpen(false);
    if (!listed(next.email)) props.onAdd(next);
  };

  return (
    <div className={styles.root}>
      <Field label={props.label} hint={props.hint}>
        <ul aria-label={props.label} data-testid={props["data-testid"]} className={props.layout === "rows" ? styles.rows : styles.list}>
          {recipients.map((r) => (
            <li key={r.email.toLowerCase()} className={props.layout === "rows" ? styles.rowItem : styles.chip} title={r.email}>
              {props.renderItem ? props.renderItem(r) : <Text className={styles.name}>{r.name}</Text>}
              <Button size="small" appearance="subtle" aria-label={`Remove ${r.name}`} onClick={() => props.onRemove(r.email)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      </Field>
      <div className={styles.row}>
        <Field label={props.addLabel} validationMessage={error ?? undefined} className={styles.grow}>
          <Combobox
            freeform
            className={styles.combobox}
            input={{ className: styles.comboInput }}
            placeholder="A project person or any e-mail address"
            listbox={{ className: styles.listbox }}
            value={adding}
            open={open && addable.length > 0}
            onOpenChange={(_e, d) => setOpen(d.open)}
            onChange={(e) => {
              setAdding(e.target.value);
              setOpen(true);
            }}
            onOptionSelect={(_e, d) => {
              if (d.optionValue) add(d.optionValue);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && adding.trim()) add(adding);
            }}
          >
            {addable.map((c) => (
              <Option key={c.email} value={c.email} text={c.name} className={styles.option}>
                <span className={styles.optionText}>
                  <span>{c.name}</span>
                  <Text size={200}>{c.email}</Text>
                </span>
              </Option>
            ))}
          </Combobox>
        </Field>
        <Button disabled={!adding.trim()} onClick={() => add(adding)}>
          Add
        </Button>
      </div>
    </div>
  );
}
