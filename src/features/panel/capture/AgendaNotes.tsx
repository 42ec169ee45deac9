import { useState, type FormEvent } from "react";
import { Badge, Button, Checkbox, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useLayoutStyles } from "../../../ui/layoutStyles";
import type { NoteView } from "../live/captureModel";
import { useCaptureContext } from "./captureContext";
import { ConflictNotice } from "./ConflictNotice";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalSNudge, margin: `${tokens.spacingVerticalXS} 0` },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  note: { padding: `${tokens.spacingVerticalXXS} 0` },
  noteLine: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start", justifyContent: "space-between" },
  notes: { marginTop: tokens.spacingVerticalXS },
});

function NoteForm(props: { label: string; initial: string; internal?: boolean; onSave: (body: string, internalOnly: boolean) => void; onCancel: () => void }) {
  const [body, setBody] = useState(props.initial);
  const [internalOnly, setInternalOnly] = useState(props.internal ?? false);
  const [error, setError] = useState<string | null>(null);
  const styles = useStyles();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError("Write the note first");
      return;
    }
    props.onSave(body.trim(), internalOnly);
  };
  return (
    <form onSubmit={submit} className={styles.form}>
      <Field label={props.label} validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
        <Textarea value={body} onChange={(_e, d) => setBody(d.value)} resize="vertical" autoFocus />
      </Field>
      {props.internal !== undefined ? <Checkbox label="Internal only" checked={internalOnly} onChange={(_e, d) => setInternalOnly(d.checked === true)} /> : null}
      <div className={styles.buttons}>
        <Button type="submit" size="small" appearance="primary">
          Save note
        </Button>
        <Button size="small" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function NoteRow({ note, itemTitle }: { note: NoteView; itemTitle: string }) {
  const { store, snap } = useCaptureContext();
  const [editing, setEditing] = useState<{ version: number } | null>(null);
  const conflict = snap.conflicts[note.id];
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <li data-testid="note" className={styles.note}>
      {editing ? (
        <NoteForm
          label={`Edit note on ${itemTitle}`}
          initial={note.body}
          internal={snap.canMarkInternal ? note.internalOnly : undefined}
          onSave={(body, internalOnly) => {
            const changes = { ...(body !== note.body ? { body } : {}), ...(internalOnly !== note.internalOnly ? { internalOnly } : {}) };
            if (Object.keys(changes).length) store.editNote(note.id, editing.version, changes);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className={styles.noteLine}>
          <Text size={200} className={layout.preWrap}>
            {note.body}{" "}
            {note.pending ? (
              <Badge size="small" appearance="outline" color="warning">
                Not yet saved
              </Badge>
            ) : null}{" "}
            {note.internalOnly ? (
              <Badge size="small" appearance="tint" color="informative">
                Internal
              </Badge>
            ) : null}
          </Text>
          <Button size="small" appearance="subtle" aria-label={`Edit note: ${note.body.slice(0, 40)}`} onClick={() => setEditing({ version: note.version })}>
            Edit
          </Button>
        </div>
      )}
      {conflict ? <ConflictNotice conflict={conflict} current={note} /> : null}
    </li>
  );
}

/** The notes taken on one agenda item, by anyone in the call. */
export function AgendaNotes({ agendaKey, itemTitle }: { agendaKey: string; itemTitle: string }) {
  const { store, snap } = useCaptureContext();
  const [adding, setAdding] = useState(false);
  const notes = (snap.view?.notes ?? []).filter((n) => n.agendaItemKey === agendaKey);
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    <div className={styles.notes}>
      {notes.length ? (
        <Text size={200} weight="semibold" block>
          Notes
        </Text>
      ) : null}
      {notes.length ? (
        <ul aria-label={`Notes on ${itemTitle}`} className={layout.bulletList}>
          {notes.map((n) => (
            <NoteRow key={n.id} note={n} itemTitle={itemTitle} />
          ))}
        </ul>
      ) : null}
      {adding ? (
        <NoteForm
          label={`Note on ${itemTitle}`}
          initial=""
          internal={snap.canMarkInternal ? snap.internalByDefault : undefined}
          onSave={(body, internalOnly) => {
            store.addNote(agendaKey, body, internalOnly);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button size="small" appearance="subtle" disabled={!snap.view} aria-label={`Add note on ${itemTitle}`} onClick={() => setAdding(true)}>
          Add note
        </Button>
      )}
    </div>
  );
}
