import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { requestConsent } from "../../host/host";
import { api } from "../../api/client";
import { RecapEditor, type RecapHostSeam } from "./RecapEditor";

const useStyles = makeStyles({
  closed: { display: "grid", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
});

/** Teams asks for Graph consent through its own authentication prompt (src/host/host.ts). */
const teamsSeam: RecapHostSeam = {
  // The consent's code also lets reminders and Planner updates run without the PM (issue 17 §5);
  // a server without that (outbox mode, no TOKEN_CACHE_KEY) answers 503, which changes nothing here.
  requestConsent: async () => {
    const code = await requestConsent();
    if (code) await api("/me/unattended", { method: "POST", json: { code } }).catch(() => undefined);
  },
  consentLabel: "Grant access to Outlook",
};

/** Preview, edit and send the recap of this call; shows when and by whom it was sent, or why it failed. */
export function RecapSection({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <section aria-label="Recap" className={styles.closed}>
        <Text as="h2" weight="semibold" size={400}>
          Recap
        </Text>
        <Button onClick={() => setOpen(true)}>Prepare the recap</Button>
      </section>
    );
  return <RecapEditor meetingId={meetingId} host={teamsSeam} />;
}
