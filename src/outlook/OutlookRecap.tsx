import { useMemo, useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import type { OutlookHost } from "../host/outlook/officeHost";
import type { NaaSession } from "../host/outlook/naaSignIn";
import { recapWithIntro } from "../../contracts/recapIntro";
import { RecapEditor, type RecapHostSeam } from "../features/recap/RecapEditor";

/**
 * The recap in Outlook: the same editor as in Teams (features/recap/RecapEditor), with consent asked
 * through MSAL (nested app authentication) and an extra action that opens the edited recap as a draft
 * in Outlook, where the host allows it. Dates follow the DatesProvider AppointmentPane sets: Outlook's
 * display language and the zone of the machine the pane runs on.
 */
export function OutlookRecap({ meetingId, host, naa }: { meetingId: string; host: OutlookHost; naa: NaaSession | null }) {
  const [draftNote, setDraftNote] = useState<{ ok: boolean; text: string } | null>(null);
  const seam = useMemo<RecapHostSeam>(
    () => ({
      requestConsent: naa ? () => naa.requestGraphConsent().then(() => undefined) : null,
      consentLabel: "Allow Callbook to send mail",
      extraActions: ({ preview, subject, intro }) => (
        <>
          {host.supports("openDraft") ? (
            <Button
              onClick={() => {
                try {
                  host.openDraft({ to: preview.to, cc: preview.cc, subject, html: recapWithIntro(preview.html, intro) });
                  setDraftNote({ ok: true, text: "Opened in Outlook as a new message. Send it from there." });
                } catch (e) {
                  setDraftNote({ ok: false, text: e instanceof Error ? e.message : String(e) });
                }
              }}
            >
              Open as draft in Outlook
            </Button>
          ) : (
            <Text size={200} block>
              Outlook lets add-ins open a draft only from a meeting&apos;s read view, not from the organizer&apos;s form: send the recap from here.
            </Text>
          )}
          {draftNote ? (
            <Text role={draftNote.ok ? "status" : "alert"} size={200} data-testid="draft-note">
              {draftNote.text}
            </Text>
          ) : null}
        </>
      ),
    }),
    [host, naa, draftNote],
  );
  return <RecapEditor meetingId={meetingId} host={seam} />;
}
