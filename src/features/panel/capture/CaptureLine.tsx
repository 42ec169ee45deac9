import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { parseCaptureLine, type CaptureKind } from "../../../../contracts/captureLine";
import { useNow } from "../../../ui/useNow";
import { serverNow } from "../../../api/serverClock";
import { useDates } from "../dates/useDates";
import { useCaptureContext } from "./captureContext";
import { PersonSelect } from "./PersonSelect";
import { itemKinds, kindLabels } from "./describeItem";

/** The keyboard shortcut that puts the cursor in the capture line, from anywhere in the panel. */
export const CAPTURE_SHORTCUT = { label: "Alt+Shift+C", code: "KeyC" } as const;

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // The input and "Add" share one row; the field's hint and error go under both, so the button lines up with the input.
  row: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", minWidth: 0 },
  grow: { flexGrow: 1, minWidth: 0 },
  preview: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  wide: { gridColumn: "1 / -1", minWidth: 0 },
  full: { minWidth: 0, width: "100%" },
});

export interface Added {
  itemId: string;
  text: string;
}

/**
 * Capture in one line: "Rachel: send the rota by Fri" is an action item for Rachel due the coming
 * Friday. What was understood is shown (kind, owner, due date) and can be changed before "Add".
 */
export function CaptureLine({ onAdded, onMore }: { onAdded: (a: Added) => void; onMore: () => void }) {
  const { store, snap, currentAgendaKey } = useCaptureContext();
  const styles = useStyles();
  const dates = useDates();
  const now = useNow(60_000);
  const [text, setText] = useState("");
  const [kind, setKind] = useState<CaptureKind | undefined>(undefined);
  const [owner, setOwner] = useState<string | undefined>(undefined);
  const [due, setDue] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === CAPTURE_SHORTCUT.code) {
        e.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const parsed = parseCaptureLine(text, snap.people, dates.today(now));
  const k = kind ?? parsed.kind;
  const ownerId = owner ?? parsed.ownerId ?? "";
  const dueDate = k === "decision" ? "" : (due ?? parsed.dueDate ?? "");
  const reset = () => {
    setText("");
    setKind(undefined);
    setOwner(undefined);
    setDue(undefined);
    setError(null);
  };

  // The people to parse owners against and the default audience come with the capture.
  const waiting = !snap.view;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (waiting) return;
    if (!parsed.title) {
      setError("Type what to capture, e.g. “Rachel: send the rota by Fri”");
      inputRef.current?.focus();
      return;
    }
    const body = {
      kind: k,
      title: parsed.title,
      internalOnly: snap.internalByDefault,
      agendaItemKey: currentAgendaKey,
      ...(k === "action" || k === "risk" ? { ownerId: ownerId || null, dueDate: dueDate || null } : {}),
      ...(k === "decision" ? { decidedAt: new Date(serverNow()).toISOString() } : {}),
      ...(k === "issue" ? { reportedAt: new Date(serverNow()).toISOString() } : {}),
    };
    const itemId = store.addItem(body);
    const who = snap.people.find((p) => p.id === body.ownerId)?.name;
    const facts = [who ? `owner ${who}` : null, body.dueDate ? `due ${dates.day(body.dueDate)}` : null].filter(Boolean).join(", ");
    onAdded({ itemId, text: `Added ${kindLabels[k].one.toLowerCase()} “${parsed.title}”${facts ? ` (${facts})` : ""}.` });
    reset();
    inputRef.current?.focus();
  };

  const hasOwnerAndDate = k === "action" || k === "risk";
  return (
    <form onSubmit={submit} className={styles.form} aria-label="Capture">
      <Field
        label="Capture"
        hint={`“Rachel: send the rota by Fri” · ${CAPTURE_SHORTCUT.label} jumps here`}
        validationMessage={error ?? undefined}
        validationState={error ? "error" : "none"}
      >
        {(control) => (
          <div className={styles.row}>
            <Input
              {...control}
              ref={inputRef}
              className={styles.grow}
              value={text}
              aria-keyshortcuts="Alt+Shift+C"
              disabled={waiting}
              placeholder={waiting ? "Loading…" : "Name: what, by when"}
              onChange={(_e, d) => {
                setText(d.value);
                if (!d.value) reset();
              }}
            />
            <Button type="submit" appearance="primary" disabled={waiting}>
              Add
            </Button>
          </div>
        )}
      </Field>
      {text.trim() ? (
        <div className={styles.preview} data-testid="capture-preview" aria-label="What will be added" role="group">
          <Field label="Kind" size="small">
            <Select size="small" value={k} onChange={(_e, d) => setKind(d.value as CaptureKind)}>
              {itemKinds.map((x) => (
                <option key={x} value={x}>
                  {kindLabels[x].one}
                </option>
              ))}
            </Select>
          </Field>
          {hasOwnerAndDate ? (
            <Field label="Due" size="small" hint={dueDate ? dates.day(dueDate) : "No date"}>
              <Input size="small" type="date" className={styles.full} value={dueDate} onChange={(_e, d) => setDue(d.value)} />
            </Field>
          ) : null}
          {hasOwnerAndDate ? (
            <div className={styles.wide}>
              <PersonSelect label="Owner" size="small" value={ownerId} people={snap.people} onChange={setOwner} />
              {parsed.unknownOwner && owner === undefined ? (
                <Text size={200} block>
                  “{parsed.unknownOwner}” is not one person on this project: pick the owner.
                </Text>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      <Button appearance="subtle" size="small" disabled={waiting} onClick={onMore}>
        More fields
      </Button>
    </form>
  );
}
