import { lazy, Suspense, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { requestConsent } from "../../host/host";
import { api } from "../../api/client";
import type { StartUnattendedDto } from "../../../contracts/unattended";
import { Loading } from "../../ui/states";
import type { RecapHostSeam } from "./RecapEditor";

// The editor is its own chunk (issue 19): the panel's first paint shows only the button that opens it.
const RecapEditor = lazy(() => import("./RecapEditor").then((m) => ({ default: m.RecapEditor })));

const useStyles = makeStyles({
  closed: { display: "grid", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
});

/** Teams asks for Graph consent through its own authentication prompt (src/host/host.ts). */
const teamsSeam: RecapHostSeam = {
  // The consent's code also lets reminders and Planner updates run without the PM (issue 17 §5);
  // a server without that (outbox mode, no TOKEN_CACHE_KEY) answers 503, which changes nothing here.
  requestConsent: async () => {
    // With PKCE and a state bound to this person when the server can store consent; else plain consent.
    const start = await api<StartUnattendedDto>("/me/unattended/start", { method: "POST" }).catch(() => null);
    const { code, state } = await requestConsent(start?.consentUrl);
    if (code && state) await api("/me/unattended", { method: "POST", json: { code, state } }).catch(() => undefined);
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
  return (
    <Suspense fallback={<Loading label="Opening the recap…" />}>
      <RecapEditor meetingId={meetingId} host={teamsSeam} />
    </Suspense>
  );
}
