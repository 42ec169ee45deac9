import { useState } from "react";
import { Badge, Button, Link, Text, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLayoutStyles } from "../../ui/layoutStyles";
import { api, authorization } from "../../api/client";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { useDates } from "../panel/dates/useDates";
import { TeamsCardsSection } from "./TeamsCardsSection";

interface OutboxRow {
  id: string;
  kind: "message" | "invite";
  subject: string;
  recipients: { email: string; name: string; type: string }[];
  status: "draft" | "sending" | "sent" | "failed";
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface OutboxDetail extends OutboxRow {
  html: string;
  hasFile: boolean;
}

/** Downloads through fetch, so the credential goes in a header, not a URL. */
async function download(id: string, kind: OutboxRow["kind"]): Promise<void> {
  const res = await fetch(`/api/outbox/${id}/file`, { headers: { Authorization: (await authorization()) ?? "" } });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `${kind === "invite" ? "invite" : "recap"}-${id.slice(0, 8)}.${kind === "invite" ? "ics" : "eml"}`;
  a.click();
  URL.revokeObjectURL(url);
}

const useStyles = makeStyles({
  intro: { margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalM}` },
  message: { marginTop: tokens.spacingVerticalL },
  // An e-mail is drawn on white in every mail client, whatever the app's theme: so is its preview.
  preview: { width: "100%", height: "32.5rem", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, backgroundColor: "#ffffff" },
});

/** Where mail and invites land when no Microsoft tenant is configured. */
export function OutboxPage() {
  const dates = useDates();
  const [list, reload] = useApi<{ items: OutboxRow[]; mailMode: string }>("/outbox");
  const [open, setOpen] = useState<OutboxDetail | null>(null);
  const layout = useLayoutStyles();
  const styles = useStyles();
  return (
    <main className={mergeClasses(layout.page, layout.pageHome)}>
      <Title2 as="h1">Outbox</Title2>
      <Text block className={styles.intro}>
        Recaps and invitations Callbook sent. {list.state === "ready" && list.data.mailMode === "outbox" ? "No Microsoft tenant is configured: they stay here, as .eml and .ics files you can open in Outlook or Thunderbird." : ""}
      </Text>
      {list.state === "loading" ? <Loading label="Loading the outbox…" /> : null}
      {list.state === "error" ? <ErrorState title={list.explained.title} message={list.message} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.items.length === 0 ? <Empty>Nothing sent yet.</Empty> : null}
      {list.state === "ready" ? (
        <ul aria-label="Outbox" className={layout.plainList}>
          {list.data.items.map((m) => (
            <li key={m.id} className={layout.listItem}>
              <Badge appearance="tint" color={m.kind === "invite" ? "brand" : "informative"}>
                {m.kind === "invite" ? "Invite" : "E-mail"}
              </Badge>{" "}
              <Link onClick={() => void api<OutboxDetail>(`/outbox/${m.id}`).then(setOpen)}>{m.subject}</Link>{" "}
              <Badge appearance="outline" color={m.status === "sent" ? "success" : m.status === "failed" ? "danger" : "warning"}>
                {m.status}
              </Badge>
              <Text size={200} block>
                {dates.dayTime(m.sentAt ?? m.createdAt)} · from {m.createdBy} · to {m.recipients.map((r) => r.name).join(", ")}
              </Text>
              {m.error ? <Text size={200} block role="alert">{m.error}</Text> : null}
              <Button size="small" onClick={() => void download(m.id, m.kind)}>
                Download .{m.kind === "invite" ? "ics" : "eml"}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <TeamsCardsSection />
      {open ? (
        <section aria-label="Message" className={styles.message}>
          <Text as="h2" weight="semibold" size={400} block>
            {open.subject}
          </Text>
          <Text size={200} block>
            To: {open.recipients.map((r) => `${r.name} <${r.email}>${r.type === "optional" ? " (optional)" : ""}`).join(", ")}
          </Text>
          <iframe title="Message preview" sandbox="" srcDoc={open.html} className={styles.preview} />
        </section>
      ) : null}
    </main>
  );
}
