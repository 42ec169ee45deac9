import { useState } from "react";
import { Button, Field, Input, Text, Textarea } from "@fluentui/react-components";
import type { RecapPreview } from "../../../contracts/recap";
import { api, ApiError } from "../../api/client";
import { requestConsent } from "../../host/host";
import { useApi } from "../../ui/useApi";
import { ErrorState, Loading } from "../../ui/states";
import { formatDay, formatTime } from "../../ui/format";

/** Preview, edit and send the recap of this call; shows when and by whom it was sent, or why it failed. */
export function RecapSection({ meetingId }: { meetingId: string }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <section aria-label="Recap" style={{ display: "grid", gap: 8, marginTop: 12 }}>
        <Text as="h2" weight="semibold" size={400}>
          Recap
        </Text>
        <Button onClick={() => setOpen(true)}>Prepare the recap</Button>
      </section>
    );
  return <RecapEditor meetingId={meetingId} />;
}

/** The recap composed from what was captured: preview, edit, send. */
function RecapEditor({ meetingId }: { meetingId: string }) {
  const [preview, reload] = useApi<RecapPreview>(`/meetings/${meetingId}/recap`);
  const [subject, setSubject] = useState<string | null>(null);
  const [intro, setIntro] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsConsent, setNeedsConsent] = useState(false);
  const [recapId, setRecapId] = useState(() => crypto.randomUUID());

  if (preview.state === "loading") return <Loading label="Composing the recap…" />;
  if (preview.state === "error") return <ErrorState title={preview.explained.title} message={preview.message} onRetry={reload} />;
  const p = preview.data;
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await api(`/meetings/${meetingId}/recap/send`, {
        method: "POST",
        json: { id: recapId, ...(subject ? { subject } : {}), ...(intro.trim() ? { intro } : {}) },
      });
      setRecapId(crypto.randomUUID());
      setIntro("");
      reload();
    } catch (e) {
      // The same id is kept: "Try again" can never send a second copy.
      setError(e instanceof ApiError ? e.message : "The recap could not be sent. Try again.");
      setNeedsConsent(e instanceof ApiError && e.code === "consent_required");
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-label="Recap" style={{ display: "grid", gap: 8 }}>
      <Text as="h2" weight="semibold" size={400}>
        Recap
      </Text>
      {p.lastSent?.status === "sent" && p.lastSent.sentAt ? (
        <Text role="status" data-testid="recap-sent">
          Sent {formatDay(p.lastSent.sentAt)} {formatTime(p.lastSent.sentAt)} by {p.lastSent.by}
          {p.mailMode === "outbox" ? " (local outbox)" : ""}.
        </Text>
      ) : null}
      {p.lastSent?.status === "failed" ? (
        <Text role="alert">Last attempt failed: {p.lastSent.error}</Text>
      ) : null}
      <Text size={200}>
        To: {p.to.map((r) => r.name).join(", ") || "nobody yet"}
        {p.audience === "external" ? " · Customer-safe: internal-only notes and items are left out" : " · Internal"}
        {p.omittedInternal > 0 ? ` (${p.omittedInternal} left out)` : ""}
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
        srcDoc={p.html}
        style={{ width: "100%", height: 320, border: "1px solid var(--colorNeutralStroke1)", borderRadius: 4, background: "#fff" }}
      />
      {error ? (
        <Text role="alert" data-testid="recap-error">
          {error}
        </Text>
      ) : null}
      {needsConsent ? (
        <Button
          onClick={() =>
            void requestConsent()
              .then(() => {
                setNeedsConsent(false);
                return send();
              })
              .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
          }
        >
          Grant access to Outlook
        </Button>
      ) : null}
      <Button appearance="primary" disabled={sending} onClick={() => void send()}>
        {sending ? "Sending…" : error ? "Try again" : p.lastSent?.status === "sent" ? "Send again" : "Send recap"}
      </Button>
    </section>
  );
}
