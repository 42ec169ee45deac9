import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCaptureContext } from "./captureContext";

const connectionText = { live: "Live", reconnecting: "Reconnecting…", connecting: "Connecting…" } as const;
const connectionColor = { live: "success", reconnecting: "warning", connecting: "informative" } as const;

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS}` },
});

/** Whether changes from others arrive, and how many of mine are not on the server yet. */
export function SyncStatus() {
  const { snap } = useCaptureContext();
  const styles = useStyles();
  return (
    <div className={styles.root}>
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
