import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { navigate } from "../../ui/navigate";

const useStyles = makeStyles({
  done: { display: "grid", gap: tokens.spacingVerticalS, justifyItems: "start", minWidth: 0 },
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
});

/** A link that moves the single-page app (no reload). */
function GoTo({ to, children }: { to: string; children: string }) {
  return (
    <Link
      href={to}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Link>
  );
}

/**
 * Where "See the new calls" goes: the project page's Meeting history showing only this series'
 * calls (`?series=<iCalUId>`, MeetingsSection), or all the project's calls when the series has no
 * iCalUId.
 */
export function seriesCallsPath(projectId: string, iCalUId: string | null): string {
  return `/projects/${projectId}${iCalUId ? `?series=${encodeURIComponent(iCalUId)}` : ""}#meetings`;
}

/** The result of "Create series": what happened, and links to the Outbox, the series' calls and the project. */
export function SeriesCreated({ projectId, subject, iCalUId, onStartNew }: { projectId: string; subject: string; iCalUId: string | null; onStartNew: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.done}>
      <Text role="status">Series created: “{subject}”. The invitation is in the Outbox and its calls are listed under Calls.</Text>
      <div className={styles.links}>
        <GoTo to="/outbox">Open the Outbox</GoTo>
        <GoTo to={seriesCallsPath(projectId, iCalUId)}>See the new calls</GoTo>
        <GoTo to={`/projects/${projectId}`}>Back to the project</GoTo>
      </div>
      <Button onClick={onStartNew}>Create another series</Button>
    </div>
  );
}
