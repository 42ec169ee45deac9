import { useState } from "react";
import { Button, Field, Input, Text, Textarea } from "@fluentui/react-components";
import type { RecapPreview } from "../../contracts/recap";
import { api, ApiError } from "../api/client";
import type { OutlookHost } from "../host/outlook/officeHost";
import type { NaaSession } from "../host/outlook/naaSignIn";
import { useApi } from "../ui/useApi";
import { ErrorState, Loading } from "../ui/states";
import { formatDay, formatTime } from "../ui/format";
import { recapWithIntro } from "../../contracts/recapIntro";

/**
 * The recap in Outlook: preview and edit, send through Callbook (Graph or the local outbox, sent
 * once per click whatever the retries), or open it as a draft in Outlook to send from there.
 * Its own component rather than the side panel's RecapSection: the draft needs the edited subject
 * and message, and consent goes through MSAL here, not through Teams.
 */
export function OutlookRecap({ meetingId, host, naa }: { meetingId: string; host: OutlookHost; naa: NaaSession | null }) {
  const [preview, reload] = useApi<RecapPreview>(`/meetings/${meetingId}/recap`);
  const [subject, setSubject] = useState<string | null>(null);
  const [intro, setIntro] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsConsent, setNeedsConsent] = useState(false);
  const [draftNote, setDraftNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [recapId, setRecapId] = useState(() => crypto.randomUUID());

  if (preview.state === "loading") return <Loading label="Composing the recap…" />;
  if (preview.state === "error") return <ErrorState title={preview.explained.title} message={preview.message} onRetry={reload} />;
  const p = preview.data;
  const finalSubject = (subject ?? p.subject).trim() || p.subject;

  const send = async () => {
    setSending(true);
    setError(null);
    setNeedsConsent(false);
    try {
      await api(`/meetings/${meetingId}/recap/send`, {
        method: "POST",
        json: { id: recapId, ...(subject?.trim() ? { subject: subject.trim() } : {}), ...(intro.trim() ? { intro } : {}) },
      });
      setRecapId(crypto.randomUUID());
      setIntro("");
      reload();
    } catch (e) {
      // The same id is kept: "Try again" can never send a second copy.
      setError(e instanceof ApiError ? e.message : "The recap could not be sent. Try again.");
      setNeedsConsent(Boolean(naa) && e instanceof ApiError && e.code === "consent_required");
    } finally {
      setSending(false);
    }
  };

  const grantAndSend = async () => {
    if (!naa) return;
    try {
      await naa.requestGraphConsent();
      await send();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const openDraft = () => {
    try {
      host.openDraft({ to: p.to, cc: p.cc, subject: finalSubject, html: recapWithIntro(p.html, intro) });
      setDraftNote({ ok: true, text: "Opened in Outlook as a new message. Send it from there." });
    } catch (e) {
      setDraftNote({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-labelledby="recap-heading" style={{ display: "grid", gap: 8 }}>
      <Text as="h2" id="recap-heading" weight="semibold" size={400}>
        Recap
      </Text>
      {p.lastSent?.status === "sent" && p.lastSent.sentAt ? (
        <Text role="status" data-testid="recap-sent">
          Sent {formatDay(p.lastSent.sentAt)} {formatTime(p.lastSent.sentAt)} by {p.lastSent.by}
          {p.mailMode === "outbox" ? " (local outbox)" : ""}.
        </Text>
      ) : null}
      {p.lastSent?.status === "failed" ? <Text role="alert">Last attempt failed: {p.lastSent.error}</Text> : null}
      <Text size={200} data-testid="recap-recipients">
        To: {p.to.map((r) => r.name).join(", ") || "nobody yet"}
        {p.cc.length ? ` · Cc: ${p.cc.map((r) => r.name).join(", ")}` : ""}
        {p.audience === "external" ? " · Customer-safe: internal-only notes and items are left out" : " · Internal"}
      </Text>
      <Field label="Subject">
        <Input value={subject ?? p.subject} onChange={(_e, d) => setSubject(d.value)} />
      </Field>
      <Field label="Personal message (optional)">
        <Textarea value={intro} onChange={(_e, d) => setIntro(d.value)} resize="vertical" />
      </Field>
      <iframe
        title="Recap preview"
        sandbox=""
        srcDoc={recapWithIntro(p.html, intro)}
        style={{ width: "100%", height: 300, border: "1px solid var(--colorNeutralStroke1)", borderRadius: 4, background: "#fff" }}
      />
      {error ? (
        <Text role="alert" data-testid="recap-error">
          {error}
        </Text>
      ) : null}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        {needsConsent ? (
          <Button onClick={() => void grantAndSend()}>Allow Callbook to send mail</Button>
        ) : null}
        <Button appearance="primary" disabled={sending || p.to.length === 0} onClick={() => void send()}>
          {sending ? "Sending…" : error ? "Try again" : p.lastSent?.status === "sent" ? "Send again" : "Send recap"}
        </Button>
        {host.supports("openDraft") ? <Button onClick={openDraft}>Open as draft in Outlook</Button> : null}
      </div>
      {draftNote ? (
        <Text role={draftNote.ok ? "status" : "alert"} size={200} data-testid="draft-note">
          {draftNote.text}
        </Text>
      ) : null}
      {!host.supports("openDraft") ? (
        <Text size={200} block>
          Outlook lets add-ins open a draft only from a meeting's read view, not from the organizer's form: send the recap from here.
        </Text>
      ) : null}
    </section>
  );
}
