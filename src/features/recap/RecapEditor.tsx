import { useRef, useState, type ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RecapPreview } from "../../../contracts/recap";
import { recapWithIntro } from "../../../contracts/recapIntro";
import { api, ApiError } from "../../api/client";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { RecipientsField, type Recipient } from "../../ui/RecipientsField";
import { useDates } from "../panel/dates/useDates";

import { inlineErrorText } from "../../ui/explainError";

export type { Recipient } from "../../ui/RecipientsField";

const useStyles = makeStyles({
  // One column that may shrink below its content's width: nothing in the editor is wider than the 320 px panel.
  root: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS, minWidth: 0, maxWidth: "100%" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  preview: {
    width: "100%",
    height: "320px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxSizing: "border-box",
  },
});

/** What the host around the editor adds: how consent is asked, and extra actions (Outlook's "open as draft"). */
export interface RecapHostSeam {
  /** Asks the user to let Callbook send mail; null when this host cannot ask. */
  requestConsent: (() => Promise<void>) | null;
  consentLabel: string;
  /** Rendered beside "Send recap", with what the editor currently shows. */
  extraActions?: (state: { preview: RecapPreview; subject: string; intro: string }) => ReactNode;
}

/** The URL of the preview for the chosen recipients (null = the attendees, as the server picks them). */
export function recapPreviewPath(meetingId: string, chosen: readonly Recipient[] | null): string {
  return chosen && chosen.length > 0 ? `/meetings/${meetingId}/recap?to=${encodeURIComponent(chosen.map((r) => r.email).join(","))}` : `/meetings/${meetingId}/recap`;
}

type Confirming = "before_start" | "again";

/**
 * The recap of a call, one component for Teams and Outlook: preview, choose the recipients (remove
 * any, add a project person or any address; the server's audience rule makes the recap customer-safe
 * as soon as one of them is outside the organisation), edit the subject and a personal message, send.
 * Sending before the call's start and sending a second copy both ask first, in a dialog that is
 * closed (its exit motion finished, Fluent's modal layer released) before it is unmounted; the
 * editor keeps its last preview on screen while it reloads, so nothing unmounts under an open dialog.
 * Dates are the panel's one formatter's (viewer's locale and zone from the host context).
 */
export function RecapEditor({ meetingId, host }: { meetingId: string; host: RecapHostSeam }) {
  const styles = useStyles();
  const dates = useDates();
  const [chosen, setChosen] = useState<Recipient[] | null>(null);
  const [preview, reload] = useApi<RecapPreview>(recapPreviewPath(meetingId, chosen));
  const shown = useRef<RecapPreview | null>(null);
  const [subject, setSubject] = useState<string | null>(null);
  const [intro, setIntro] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsConsent, setNeedsConsent] = useState(false);
  /** The confirmation asked, and whether it is still open (closing = its exit motion is running). */
  const [dialog, setDialog] = useState<{ kind: Confirming; open: boolean } | null>(null);
  const [recapId, setRecapId] = useState(() => crypto.randomUUID());

  if (preview.state === "ready") shown.current = preview.data;
  if (preview.state === "error") return <ErrorState title={preview.explained.title} message={preview.message} onRetry={reload} />;
  const p = shown.current;
  if (!p) return <Loading label="Composing the recap…" />;
  const refreshing = preview.state === "loading";
  const recipients: Recipient[] = chosen ?? [...p.to, ...p.cc];
  const finalSubject = (subject ?? p.subject).trim() || p.subject;
  const sentBefore = p.lastSent?.status === "sent";
  const startsAt = `${dates.dayOf(p.startsAt)} at ${dates.time(p.startsAt)}`;

  const ask = (kind: Confirming) => setDialog({ kind, open: true });
  const closeDialog = () => setDialog((d) => (d ? { ...d, open: false } : null));
  const send = async (sendBeforeStart: boolean) => {
    closeDialog();
    setSending(true);
    setError(null);
    setNeedsConsent(false);
    try {
      await api(`/meetings/${meetingId}/recap/send`, {
        method: "POST",
        json: {
          id: recapId,
          ...(subject?.trim() ? { subject: subject.trim() } : {}),
          ...(intro.trim() ? { intro } : {}),
          ...(chosen ? { to: chosen.map((r) => r.email) } : {}),
          ...(sendBeforeStart ? { sendBeforeStart: true } : {}),
        },
      });
      setRecapId(crypto.randomUUID());
      setIntro("");
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === "recap_before_start") {
        ask("before_start");
        return;
      }
      // The same id is kept: "Try again" can never send a second copy.
      setError(e instanceof ApiError ? e.message : "The recap could not be sent. Try again.");
      setNeedsConsent(host.requestConsent !== null && e instanceof ApiError && e.code === "consent_required");
    } finally {
      setSending(false);
    }
  };
  const startSend = () => {
    if (error) return void send(p.beforeStart);
    if (p.beforeStart) return ask("before_start");
    if (sentBefore) return ask("again");
    void send(false);
  };

  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const remove = (email: string) => setChosen(recipients.filter((r) => !same(r.email, email)));
  const add = (person: Recipient) => setChosen([...recipients, person]);

  return (
    <section aria-labelledby="recap-heading" aria-busy={refreshing} className={styles.root}>
      <Text as="h2" id="recap-heading" weight="semibold" size={400}>
        Recap
      </Text>
      {sentBefore && p.lastSent?.sentAt ? (
        <Text role="status">
          Sent {dates.dayTime(p.lastSent.sentAt)} by {p.lastSent.by}
          {p.mailMode === "outbox" ? " (local outbox)" : ""}.
        </Text>
      ) : null}
      {p.lastSent?.status === "failed" ? <Text role="alert">Last attempt failed: {p.lastSent.error}</Text> : null}
      {p.beforeStart ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>This call has not happened yet: it starts {startsAt}. A recap usually goes out after the call.</MessageBarBody>
        </MessageBar>
      ) : null}
      {p.attendance.missingRequired && p.attendance.missingRequired.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="recap-missing-required">
          <MessageBarBody>
            Required but did not attend (only you see this): {p.attendance.missingRequired.map((m) => m.name).join(", ")}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <RecipientsField
        label="Recipients"
        addLabel="Add a recipient"
        data-testid="recap-recipients"
        hint={
          p.audience === "external"
            ? "Customer-safe: someone outside the organisation receives it, so internal-only notes and items are left out."
            : "Internal: everyone is in the organisation, so internal-only notes and items are included."
        }
        recipients={recipients}
        candidates={p.candidates}
        onAdd={add}
        onRemove={remove}
      />
      {recipients.length === 0 ? <Text role="alert">Add at least one recipient.</Text> : null}
      {p.omittedInternal > 0 && p.audience === "external" ? <Text size={200}>{p.omittedInternal} internal-only notes or items left out.</Text> : null}
      <Field label="Subject">
        <Input value={subject ?? p.subject} onChange={(_e, d) => setSubject(d.value)} />
      </Field>
      <Field label="Personal message (optional)">
        <Textarea value={intro} onChange={(_e, d) => setIntro(d.value)} resize="vertical" />
      </Field>
      {refreshing ? <Text size={200}>Updating the preview…</Text> : null}
      <iframe title="Recap preview" sandbox="" srcDoc={recapWithIntro(p.html, intro)} className={styles.preview} />
      {error ? (
        <Text role="alert" data-testid="recap-error">
          {error}
        </Text>
      ) : null}
      <div className={styles.row}>
        {needsConsent && host.requestConsent ? (
          <Button
            onClick={() =>
              void host.requestConsent?.()
                .then(() => send(p.beforeStart))
                .catch((e: unknown) => setError(inlineErrorText(e)))
            }
          >
            {host.consentLabel}
          </Button>
        ) : null}
        <Button appearance="primary" disabled={sending || refreshing || recipients.length === 0} onClick={startSend}>
          {sending ? "Sending…" : error ? "Try again" : sentBefore ? "Send again" : "Send recap"}
        </Button>
        {host.extraActions?.({ preview: p, subject: finalSubject, intro })}
      </div>
      {dialog ? (
        <Dialog
          open={dialog.open}
          onOpenChange={(_e, d) => {
            if (!d.open) closeDialog();
          }}
          surfaceMotion={{
            onMotionFinish: (_e, d) => {
              // Unmounted only once closed: unmounting an open modal left #root aria-hidden.
              if (d.direction === "exit") setDialog((cur) => (cur && !cur.open ? null : cur));
            },
          }}
        >
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{dialog.kind === "again" ? "Send a second copy?" : "Send before the call?"}</DialogTitle>
              <DialogContent>
                {dialog.kind === "again"
                  ? `The recap was already sent${p.lastSent?.sentAt ? ` on ${dates.dayTime(p.lastSent.sentAt)}` : ""}. Everyone on the list gets it again.`
                  : `The call starts ${startsAt}. Nothing discussed in it will be in this recap.`}
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={closeDialog}>
                  Cancel
                </Button>
                <Button appearance="primary" disabled={!dialog.open} onClick={() => void send(p.beforeStart)}>
                  {dialog.kind === "again" ? "Send again" : "Send anyway"}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </section>
  );
}
