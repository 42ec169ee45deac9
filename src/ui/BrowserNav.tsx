import { Button, Link } from "@fluentui/react-components";
import { setCredential } from "../api/client";
import { navigate } from "./navigate";

const go = (path: string) => (e: React.MouseEvent) => {
  e.preventDefault();
  navigate(path);
};

/** Browser mode's top bar: the pages Teams and Outlook give their own places to. */
export function BrowserNav({ onSignOut }: { onSignOut: () => void }) {
  return (
    <nav aria-label="Callbook" style={{ display: "flex", gap: 16, alignItems: "center", padding: "8px 16px", borderBottom: "1px solid var(--colorNeutralStroke2)" }}>
      <Link href="/" onClick={go("/")}>
        Calls
      </Link>
      <Link href="/actions" onClick={go("/actions")}>
        My actions
      </Link>
      <Link href="/outbox" onClick={go("/outbox")}>
        Outbox
      </Link>
      <span style={{ flex: 1 }} />
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
