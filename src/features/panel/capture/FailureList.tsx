import { Button, Text } from "@fluentui/react-components";
import { useLayoutStyles } from "../../../ui/layoutStyles";
import type { Op } from "../live/captureModel";
import { useCaptureContext } from "./captureContext";

function describeOp(op: Op): string {
  switch (op.type) {
    case "createItem":
      return `New ${op.body.kind}: ${op.body.title}`;
    case "createNote":
      return `New note: ${op.body.body}`;
    case "updateItem":
      return `Change to an item${op.changes.title ? `: ${op.changes.title}` : ""}`;
    case "updateNote":
      return `Change to a note${op.changes.body ? `: ${op.changes.body}` : ""}`;
    case "agendaState":
      return `Agenda change (${op.body.agendaItemKey})`;
  }
}

/** Changes the server refused (not network trouble, which is retried): kept until the user decides. */
export function FailureList() {
  const { store, snap } = useCaptureContext();
  const layout = useLayoutStyles();
  if (snap.failures.length === 0) return null;
  return (
    <section aria-label="Not saved" role="alert" className={layout.alertBox}>
      <Text weight="semibold" block>
        Not saved
      </Text>
      <ul className={layout.bulletList}>
        {snap.failures.map((f) => (
          <li key={f.op.opId}>
            <Text size={200} block>
              {describeOp(f.op)}: {f.message}
            </Text>
            <Button size="small" onClick={() => store.retryFailure(f.op.opId)}>
              Try again
            </Button>{" "}
            <Button size="small" appearance="subtle" onClick={() => store.discardFailure(f.op.opId)}>
              Discard
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
