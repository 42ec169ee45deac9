import { useState, type ReactNode } from "react";
import {
  Button,
  Combobox,
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
  Option,
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
import { formatDay, formatTime } from "../../ui/format";

const useStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: 0 },
  recipients: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  recipient: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    maxWidth: "100%",
    minWidth: 0,
  },
  preview: {
    width: "100%",
    height: "320px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxSizing: "border-box",
  },
});

/** A recipient of the recap: a name and an address. */
export interface Recipient {
  name: string;
  email: string;
}

/** What the host around the editor adds: how consent is asked, and extra actions (Outlook's "open as draft"). */
export interface RecapHostSeam {
  /** Asks the user to let Callbook send mail; null when this host cannot ask. */
  requestConsent: (() => Promise<void>) | null;
  consentLabel: string;
  /** Rendered beside "Send recap", with what the editor currently shows. */
  extraActions?: (state: { preview: RecapPreview; subject: string; intro: string }) => ReactNode;
}

const looksLikeAddress = (s: string): boolean => /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(s.trim());

/** The URL of the preview for the chosen recipients (null = the attendees, as the server picks them). */
export function recapPreviewPath(meetingId: string, chosen: readonly Recipient[] | null): string {
  return chosen && chosen.length > 0 ? `/meetings/${meetingId}/recap?to=${encodeURIComponent(chosen.map((r) => r.email).join(","))}` : `/meetings/${meetingId}/recap`;
}

type Confirming = null | "before_start" | "again";

/**
 * The recap of a call, one component for Teams and Outlook: preview, choose the recipients (remove
 * any, add a project person or any address; the server's audience rule makes the recap customer-safe
 * as soon as one of them is outside the organisation), edit the subject and a personal message, send.
 * Sending before the call's start and sending a second copy both ask first.
 */
export function RecapEditor({ meetingId, host }: { meetingId: string; host: RecapHostSeam }) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Recipient[] | null>(null);
  const [preview, reload] = useApi<RecapPreview>(recapPreviewPath(meetingId, chosen));
  const [subject, setSubject] = useState<string | null>(null);
  const [intro, setIntro] = useState("");
  const [adding, setAdding] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsConsent, setNeedsConsent] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [recapId, setRecapId] = useState(() => crypto.randomUUID());

  if (preview.state === "loading") return <Loading label="Composing the recap…" />;
  if (preview.state === "error") return <ErrorState title={preview.explained.title} message={preview.message} onRetry={reload} />;
  const p = preview.data;
  const recipients: Recipient[] = chosen ?? [...p.to, ...p.cc];
  const finalSubject = (subject ?? p.subject).trim() || p.subject;
  const sentBefore = p.lastSent?.status === "sent";

  const send = async (sendBeforeStart: boolean) => {
    setConfirming(null);
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
        setConfirming("before_start");
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
    if (p.beforeStart) return setConfirming("before_start");
    if (sentBefore) return setConfirming("again");
    void send(false);
  };

  const remove = (email: string) => setChosen(recipients.filter((r) => r.email.toLowerCase() !== email.toLowerCase()));
  const add = (value: string) => {
    const text = value.trim();
    const person = p.candidates.find((c) => c.name.toLowerCase() === text.toLowerCase() || c.email.toLowerCase() === text.toLowerCase());
    const next = person ?? (looksLikeAddress(text) ? { name: text, email: text } : null);
    if (!next) return setAddError("Pick a person from the list or type an e-mail address.");
    setAddError(null);
    setAdding("");
    if (recipients.some((r) => r.email.toLowerCase() === next.email.toLowerCase())) return;
    setChosen([...recipients, next]);
  };
  const addable = p.candidates.filter((c) => !recipients.some((r) => r.email.toLowerCase() === c.email.toLowerCase()));

  return (
    <section aria-labelledby="recap-heading" className={styles.root}>
      <Text as="h2" id="recap-heading" weight="semibold" size={400}>
        Recap
      </Text>
      {sentBefore && p.lastSent?.sentAt ? (
        <Text role="status" data-testid="recap-sent">
          Sent {formatDay(p.lastSent.sentAt)} {formatTime(p.lastSent.sentAt)} by {p.lastSent.by}
          {p.mailMode === "outbox" ? " (local outbox)" : ""}.
        </Text>
      ) : null}
      {p.lastSent?.status === "failed" ? <Text role="alert">Last attempt failed: {p.lastSent.error}</Text> : null}
      {p.beforeStart ? (
        <MessageBar intent="warning" data-testid="recap-before-start">
          <MessageBarBody>
            This call has not happened yet: it starts {formatDay(p.startsAt)} at {formatTime(p.startsAt)}. A recap usually goes out after the call.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {p.attendance.missingRequired && p.attendance.missingRequired.length > 0 ? (
        <MessageBar intent="warning" data-testid="recap-missing-required">
          <MessageBarBody>
            Required but did not attend (only you see this): {p.attendance.missingRequired.map((m) => m.name).join(", ")}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label="Recipients" hint={p.audience === "external" ? "Customer-safe: someone outside the organisation receives it, so internal-only notes and items are left out." : "Internal: everyone is in the organisation, so internal-only notes and items are included."}>
        <ul aria-label="Recipients" data-testid="recap-recipients" className={styles.recipients}>
          {recipients.map((r) => (
            <li key={r.email} className={styles.recipient} title={r.email}>
              <Text>{r.name}</Text>
              <Button size="small" appearance="subtle" aria-label={`Remove ${r.name}`} onClick={() => remove(r.email)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      </Field>
      {recipients.length === 0 ? <Text role="alert">Add at least one recipient.</Text> : null}
      {p.omittedInternal > 0 && p.audience === "external" ? <Text size={200}>{p.omittedInternal} internal-only notes or items left out.</Text> : null}
      <div className={styles.row}>
        <Field label="Add a recipient" validationMessage={addError ?? undefined} className={styles.grow}>
          <Combobox
            freeform
            placeholder="A project person or any e-mail address"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            onOptionSelect={(_e, d) => {
              if (d.optionValue) add(d.optionValue);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && adding.trim()) add(adding);
            }}
          >
            {addable.map((c) => (
              <Option key={c.email} value={c.email} text={c.name}>
                {`${c.name} (${c.email})`}
              </Option>
            ))}
          </Combobox>
        </Field>
        <Button disabled={!adding.trim()} onClick={() => add(adding)}>
          Add
        </Button>
      </div>
      <Field label="Subject">
        <Input value={subject ?? p.subject} onChange={(_e, d) => setSubject(d.value)} />
      </Field>
      <Field label="Personal message (optional)">
        <Textarea value={intro} onChange={(_e, d) => setIntro(d.value)} resize="vertical" />
      </Field>
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
                .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            }
          >
            {host.consentLabel}
          </Button>
        ) : null}
        <Button appearance="primary" disabled={sending || recipients.length === 0} onClick={startSend}>
          {sending ? "Sending…" : error ? "Try again" : sentBefore ? "Send again" : "Send recap"}
        </Button>
        {host.extraActions?.({ preview: p, subject: finalSubject, intro })}
      </div>
      {confirming !== null ? (
      <Dialog open onOpenChange={(_e, d) => !d.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{confirming === "again" ? "Send a second copy?" : "Send before the call?"}</DialogTitle>
            <DialogContent>
              {confirming === "again"
                ? `The recap was already sent${p.lastSent?.sentAt ? ` on ${formatDay(p.lastSent.sentAt)} at ${formatTime(p.lastSent.sentAt)}` : ""}. Everyone on the list gets it again.`
                : `The call starts ${formatDay(p.startsAt)} at ${formatTime(p.startsAt)}. Nothing discussed in it will be in this recap.`}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button appearance="primary" onClick={() => void send(p.beforeStart)}>
                {confirming === "again" ? "Send again" : "Send anyway"}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      ) : null}
    </section>
  );
}
