import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { setCredential } from "../api/client";
import { navigate } from "./navigate";

const go = (path: string) => (e: React.MouseEvent) => {
  e.preventDefault();
  navigate(path);
};

const useStyles = makeStyles({
  nav: {
    display: "flex",
    gap: tokens.spacingHorizontalL,
    alignItems: "center",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flexGrow: 1 },
});

/** Browser mode's top bar: the pages Teams and Outlook give their own places to. */
export function BrowserNav({ onSignOut }: { onSignOut: () => void }) {
  const styles = useStyles();
  return (
    <nav aria-label="Callbook" className={styles.nav}>
      <Link href="/" onClick={go("/")}>
        Calls
      </Link>
      <Link href="/actions" onClick={go("/actions")}>
        My actions
      </Link>
      <Link href="/outbox" onClick={go("/outbox")}>
        Outbox
      </Link>
      <span className={styles.spacer} />
      <Button
        appearance="subtle"
        size="small"
        onClick={() => {
          setCredential(null);
          onSignOut();
        }}
      >
        Switch user
      </Button>
    </nav>
  );
}
