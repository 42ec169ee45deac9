import { Button, Text } from "@fluentui/react-components";
import { useLayoutStyles } from "../../../ui/layoutStyles";
import type { Conflict, ItemView, NoteView } from "../live/captureModel";
import { useCaptureContext } from "./captureContext";

const fieldNames: Record<string, string> = {
  title: "title",
  body: "text",
  description: "description",
  ownerId: "owner",
  dueDate: "due date",
  status: "status",
  internalOnly: "internal only",
};

function shown(field: string, value: unknown, people: { id: string; name: string }[]): string {
  if (value === null || value === undefined || value === "") return "none";
  if (field === "ownerId") return people.find((p) => p.id === value)?.name ?? String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** Someone else saved this row after I opened it: show both and let me choose. Never overwrite silently. */
export function ConflictNotice({ conflict, current }: { conflict: Conflict; current: ItemView | NoteView }) {
  const { store, snap } = useCaptureContext();
  // The row as it is now (it may have moved on again since the conflict).
  const theirs = current as unknown as Record<string, unknown>;
  const currentText = "title" in current ? current.title : current.body;
  const layout = useLayoutStyles();
  const mine = Object.entries(conflict.mine as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return (
    <div role="alert" data-testid="conflict" className={layout.alertBox}>
      <Text weight="semibold">Changed by someone else: now &lsquo;{currentText}&rsquo;</Text>
      <ul className={layout.bulletList}>
        {mine.map(([field, value]) => (
          <li key={field}>
            <Text size={200}>
              Your {fieldNames[field] ?? field}: &lsquo;{shown(field, value, snap.people)}&rsquo;; theirs: &lsquo;{shown(field, theirs[field], snap.people)}&rsquo;
            </Text>
          </li>
        ))}
      </ul>
      <div className={layout.rowCenter}>
        <Button size="small" onClick={() => store.keepTheirs(conflict.id)}>
          Keep theirs
        </Button>
        <Button size="small" appearance="primary" onClick={() => store.applyMineAgain(conflict.id)}>
          Apply mine again
        </Button>
      </div>
    </div>
  );
}
