import { useState, type FormEvent } from "react";
import { Button, Checkbox, Field, Input, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { ItemChanges, ItemView } from "../live/captureModel";
import { useCaptureContext } from "./captureContext";
import { PersonSelect } from "./PersonSelect";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalSNudge, margin: `${tokens.spacingVerticalSNudge} 0` },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

export type EditableField = "title" | "description" | "owner" | "due" | "internal";

/**
 * Edits some fields of an item. The version is the one shown when the editor opened: if someone
 * saves in between, the server answers 409 and the row shows the conflict instead of losing either change.
 */
export function ItemEditor({ item, fields, onDone }: { item: ItemView; fields: EditableField[]; onDone: () => void }) {
  const { store, snap } = useCaptureContext();
  const [base] = useState(() => ({
    version: item.version,
    title: item.title,
    description: item.description ?? "",
    ownerId: item.ownerId ?? "",
    dueDate: item.dueDate ?? "",
    internalOnly: item.internalOnly,
  }));
  const [draft, setDraft] = useState(base);
  const [error, setError] = useState<string | null>(null);
  const styles = useStyles();
  const has = (f: EditableField) => fields.includes(f);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (has("title") && !draft.title.trim()) {
      setError("Enter a title");
      return;
    }
    const changes: ItemChanges = {};
    if (has("title") && draft.title.trim() !== base.title) changes.title = draft.title.trim();
    if (has("description") && draft.description.trim() !== base.description) changes.description = draft.description.trim() || null;
    if (has("owner") && draft.ownerId !== base.ownerId) changes.ownerId = draft.ownerId || null;
    if (has("due") && draft.dueDate !== base.dueDate) changes.dueDate = draft.dueDate || null;
    if (has("internal") && draft.internalOnly !== base.internalOnly) changes.internalOnly = draft.internalOnly;
    if (Object.keys(changes).length > 0) store.editItem(item.id, base.version, changes);
    onDone();
  };

  return (
    <form onSubmit={submit} className={styles.form} aria-label={`Edit ${item.title}`}>
      {has("title") ? (
        <Field label="Title" required validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
          <Input value={draft.title} onChange={(_e, d) => setDraft({ ...draft, title: d.value })} />
        </Field>
      ) : null}
      {has("description") ? (
        <Field label="Description">
          <Textarea value={draft.description} onChange={(_e, d) => setDraft({ ...draft, description: d.value })} resize="vertical" />
        </Field>
      ) : null}
      {has("owner") ? <PersonSelect label="Owner" value={draft.ownerId} people={snap.people} onChange={(ownerId) => setDraft({ ...draft, ownerId })} /> : null}
      {has("due") ? (
        <Field label="Due date">
          <Input type="date" value={draft.dueDate} onChange={(_e, d) => setDraft({ ...draft, dueDate: d.value })} />
        </Field>
      ) : null}
      {has("internal") && snap.canMarkInternal ? (
        <Checkbox label="Internal only" checked={draft.internalOnly} onChange={(_e, d) => setDraft({ ...draft, internalOnly: d.checked === true })} />
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" size="small">
          Save
        </Button>
        <Button size="small" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
