import { Badge, Text } from "@fluentui/react-components";
import { useCaptureContext } from "./captureContext";

const connectionText = { live: "Live", reconnecting: "Reconnecting…", connecting: "Connecting…" } as const;
const connectionColor = { live: "success", reconnecting: "warning", connecting: "informative" } as const;

/** Whether changes from others arrive, and how many of mine are not on the server yet. */
export function SyncStatus() {
  const { snap } = useCaptureContext();
  return (
    <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap", margin: "4px 0 8px" }}>
      <Badge appearance="tint" color={connectionColor[snap.connection]} role="status" aria-live="polite" data-testid="connection">
        {connectionText[snap.connection]}
      </Badge>
      <Text size={200} role="status" aria-live="polite" data-testid="unsynced">
        {snap.unsynced > 0 ? `${snap.unsynced} unsynced` : "All changes saved"}
      </Text>
      {!snap.stored ? (
        <Text size={200} role="alert">
          This browser is not keeping unsaved changes: stay on this page until they are saved.
        </Text>
      ) : null}
    </div>
  );
}
