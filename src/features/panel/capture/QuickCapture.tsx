import { useRef, useState, type FormEvent } from "react";
import { Button, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { CaptureDto, CreateItemBody } from "../../../../contracts/capture";
import { useDates } from "../dates/useDates";
import { PersonCombobox } from "./PersonCombobox";
import { useNow } from "../../../ui/useNow";
import { serverNow } from "../../../api/serverClock";
import { useCaptureContext } from "./captureContext";
import { PersonSelect } from "./PersonSelect";
import type { Added } from "./CaptureLine";
import { dependencySentence, fromLocalInput, itemKinds, kindLabels, toLocalInput, type ItemKind } from "./describeItem";

interface Draft {
  title: string;
  description: string;
  ownerId: string;
  dueDate: string;
  dependency: boolean;
  provider: string;
  deliverable: string;
  recipient: string;
  neededFor: string;
  by: string;
  /** "" until the user picks a time: then it is "now" when the item is added. */
  at: string;
  location: string;
  reproSteps: string;
  internalOnly: boolean;
}

const blank = (internalOnly: boolean): Draft => ({
  title: "",
  description: "",
  ownerId: "",
  dueDate: "",
  dependency: false,
  provider: "",
  deliverable: "",
  recipient: "",
  neededFor: "",
  by: "",
  at: "",
  location: "",
  reproSteps: "",
  internalOnly,
});

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL, minWidth: 0 },
  form: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "grid",
    gap: tokens.spacingVerticalSNudge,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: 0,
  },
});

const titleLabel: Record<ItemKind, string> = { action: "Action", decision: "Decision", risk: "Risk", issue: "What happened" };
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/**
 * The item to create. A dependency ("<provider> provides <deliverable> to <recipient> before <date>")
 * names both people from the project, and its provider becomes the owner and its "before" date the due date.
 */
function toBody(kind: ItemKind, d: Draft, agendaItemKey: string | null, people: CaptureDto["people"]): Omit<CreateItemBody, "id"> {
  const body: Omit<CreateItemBody, "id"> = { kind, title: d.title.trim(), internalOnly: d.internalOnly, agendaItemKey };
  if (kind === "action" || kind === "risk") {
    body.ownerId = d.ownerId || null;
    body.dueDate = d.dueDate || null;
    body.description = opt(d.description);
  }
  if (kind === "action" && d.dependency) {
    const name = (id: string) => people.find((p) => p.id === id)?.name;
    Object.assign(body, {
      provider: name(d.provider) ?? null,
      deliverable: opt(d.deliverable),
      recipient: name(d.recipient) ?? null,
      neededFor: opt(d.neededFor) ?? (d.dueDate || undefined),
      ownerId: d.provider || null,
      dueDate: d.dueDate || null,
    });
  }
  if (kind === "decision") Object.assign(body, { decidedBy: opt(d.by), decidedAt: fromLocalInput(d.at) ?? new Date(serverNow()).toISOString() });
  if (kind === "issue") {
    Object.assign(body, { reportedBy: opt(d.by), reportedAt: fromLocalInput(d.at) ?? new Date(serverNow()).toISOString(), location: opt(d.location), reproSteps: opt(d.reproSteps) });
  }
  return body;
}

/** The full capture form, opened on demand from the capture line. Saved locally at once, sent when possible. */
export function QuickCapture({ onAdded, onClose }: { onAdded: (a: Added) => void; onClose: () => void }) {
  const { store, snap, currentAgendaKey } = useCaptureContext();
  const now = useNow(30_000);
  const dates = useDates();
  const styles = useStyles();
  const [kind, setKind] = useState<ItemKind>("action");
  const [draft, setDraft] = useState<Draft>(() => blank(snap.internalByDefault));
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.title.trim()) {
      setError("Enter what to capture");
      titleRef.current?.focus();
      return;
    }
    const itemId = store.addItem(toBody(kind, draft, currentAgendaKey, snap.people));
    onAdded({ itemId, text: `Added ${kindLabels[kind].one.toLowerCase()} “${draft.title.trim()}”.` });
    setError(null);
    setDraft(blank(snap.internalByDefault));
    titleRef.current?.focus();
  };
  const text = (label: string, key: keyof Draft, hint?: string) => (
    <Field label={label} hint={hint}>
      <Input value={String(draft[key])} onChange={(_e, d) => set({ [key]: d.value })} />
    </Field>
  );
  const who = (id: string) => snap.people.find((p) => p.id === id)?.name ?? "";
  const sentence = dependencySentence({
    provider: who(draft.provider),
    deliverable: draft.deliverable,
    recipient: who(draft.recipient),
    neededFor: draft.neededFor || (draft.dueDate ? dates.day(draft.dueDate) : ""),
  });

  return (
    <section aria-labelledby="capture-heading" className={styles.section}>
      <Text as="h2" id="capture-heading" weight="semibold" size={400} block>
        Capture with all fields
      </Text>
      <form onSubmit={submit} className={styles.form} aria-labelledby="capture-heading">
        <Field label="Kind">
          <Select value={kind} onChange={(_e, d) => setKind(d.value as ItemKind)}>
            {itemKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabels[k].one}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={titleLabel[kind]} required validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
          <Input ref={titleRef} value={draft.title} onChange={(_e, d) => set({ title: d.value })} />
        </Field>
        {(kind === "action" && !draft.dependency) || kind === "risk" ? (
          <>
            <PersonSelect label="Owner" value={draft.ownerId} people={snap.people} onChange={(ownerId) => set({ ownerId })} />
            <Field label="Due date">
              <Input type="date" value={draft.dueDate} onChange={(_e, d) => set({ dueDate: d.value })} />
            </Field>
          </>
        ) : null}
        {kind === "risk" ? (
          <Field label="Description">
            <Textarea value={draft.description} onChange={(_e, d) => set({ description: d.value })} resize="vertical" />
          </Field>
        ) : null}
        {kind === "action" ? (
          <Checkbox label="Someone depends on this" checked={draft.dependency} onChange={(_e, d) => set({ dependency: d.checked === true })} />
        ) : null}
        {kind === "action" && draft.dependency ? (
          <fieldset className={styles.fieldset}>
            <legend>Dependency</legend>
            <PersonCombobox label="Provider (becomes the owner)" value={draft.provider} people={snap.people} onChange={(provider) => set({ provider })} />
            {text("Deliverable", "deliverable")}
            <PersonCombobox label="Recipient" value={draft.recipient} people={snap.people} onChange={(recipient) => set({ recipient })} />
            <Field label="Before (becomes the due date)">
              <Input type="date" value={draft.dueDate} onChange={(_e, d) => set({ dueDate: d.value })} />
            </Field>
            {text("Needed for", "neededFor", "A milestone, if there is one")}
            {sentence ? <Text size={200} data-testid="dependency-preview">{sentence}</Text> : null}
          </fieldset>
        ) : null}
        {kind === "decision" || kind === "issue" ? (
          <>
            {text(kind === "decision" ? "Decided by" : "Reported by", "by", "Leave empty for yourself")}
            <Field label="When">
              <Input type="datetime-local" value={draft.at || toLocalInput(new Date(now))} onChange={(_e, d) => set({ at: d.value })} />
            </Field>
          </>
        ) : null}
        {kind === "issue" ? (
          <>
            {text("Where", "location", "Screen, file or system")}
            <Field label="How to reproduce">
              <Textarea value={draft.reproSteps} onChange={(_e, d) => set({ reproSteps: d.value })} resize="vertical" />
            </Field>
          </>
        ) : null}
        {snap.canMarkInternal ? (
          <Checkbox label="Internal only" checked={draft.internalOnly} onChange={(_e, d) => set({ internalOnly: d.checked === true })} />
        ) : null}
        <Button type="submit" appearance="primary">
          Add {kindLabels[kind].one.toLowerCase()}
        </Button>
        <Button onClick={onClose}>Close the form</Button>
      </form>
    </section>
  );
}
