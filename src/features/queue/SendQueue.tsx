import { useEffect, useState } from "react";
import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Link, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { QueueDraftDto, QueueDto, QueueEntryDto } from "../../../contracts/queue";
import { api, ApiError } from "../../api/client";
import { useApi } from "../../ui/useApi";
import { Empty, ErrorState, Loading } from "../../ui/states";
import { RecipientsField, type Recipient } from "../../ui/RecipientsField";
import { useDates } from "../panel/dates/useDates";
import { serverNow } from "../../api/serverClock";
import { groupForViewer, viewerGroupOf } from "./groupForViewer";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0, display: "grid" },
  // One row per entry, read top to bottom at 360 px: the title as a link on its own line, then its state and date.
  entry: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { justifySelf: "start", textAlign: "start", overflowWrap: "anywhere" },
  meta: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  group: { display: "grid", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  preview: { width: "100%", height: "320px", border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: "#fff" },
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS, minWidth: 0 },
  // The body scrolls inside the viewport; the title and the Send/Close actions stay in view.
  body: { maxHeight: `calc(100dvh - 2 * ${tokens.spacingVerticalXXL})` },
  content: { overflowY: "auto", minHeight: 0 },
});

const stateColor = { late: "danger", due: "warning", upcoming: "informative" } as const;


/**
 * The send queue: what the runbook owes, late / due today / upcoming. Each entry opens its draft
 * in one click (a recap opens its meeting). `projectId` limits it to one project; without it,
 * every project of the signed-in user (home page).
 */
export function SendQueue({ projectId, onMarkSent }: { projectId?: string; onMarkSent?: (kind: string) => (() => void) | null }) {
  const styles = useStyles();
  const dates = useDates();
  const [queue, reload] = useApi<QueueDto>(projectId ? `/projects/${projectId}/queue` : "/queue");
  const [open, setOpen] = useState<QueueEntryDto | null>(null);
  if (queue.state === "loading") return <Loading label="Loading what is owed…" />;
  if (queue.state === "error") return <ErrorState message={queue.message} onRetry={reload} />;
  const nowMs = serverNow();
  const mine = groupForViewer(queue.data, nowMs, dates);
  const groups: [string, QueueEntryDto[]][] = [
    ["Late", mine.late],
    ["Due today", mine.dueToday],
    ["Upcoming", mine.upcoming],
  ];
  const openEntry = (e: QueueEntryDto) => {
    if (e.kind === "recap" && e.meetingId) window.location.assign(`/meetings/${e.meetingId}`);
    else setOpen(e);
  };
  return (
    <section aria-label="Send queue">
      {groups.every(([, list]) => list.length === 0) ? <Empty>Nothing owed.</Empty> : null}
      {groups.map(([label, list]) =>
        list.length ? (
          <div key={label} className={styles.group}>
            <Text weight="semibold">{label}</Text>
            <ul aria-label={label} className={styles.list}>
              {list.map((e) => (
                <li key={`${e.projectId}-${e.kind}-${e.meetingId ?? ""}-${e.dueAt}`} data-follow-up={e.kind} className={styles.entry}>
                  {e.kind === "recap" && e.meetingId ? (
                    <Link href={`/meetings/${e.meetingId}`} className={styles.title} title={e.reason} data-testid="follow-up-title">
                      {e.title}
                    </Link>
                  ) : (
                    <Link as="button" onClick={() => openEntry(e)} className={styles.title} title={e.reason} data-testid="follow-up-title">
                      {e.title}
                    </Link>
                  )}
                  <div className={styles.meta}>
                    <Badge appearance="tint" color={stateColor[viewerGroupOf(e, nowMs, dates)]}>
                      {viewerGroupOf(e, nowMs, dates)}
                    </Badge>
                    <Text size={200}>
                      {projectId ? "" : `${e.projectName} · `}by {dates.dayTimeZone(e.dueAt)}
                    </Text>
                    {e.state !== "upcoming" ? <MarkSent action={onMarkSent?.(e.kind) ?? null} /> : null}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {open ? (
        <DraftDialog
          entry={open}
          onClose={(sent) => {
            setOpen(null);
            if (sent) reload();
          }}
        />
      ) : null}
    </section>
  );
}

function MarkSent({ action }: { action: (() => void) | null }) {
  return action ? (
    <Button size="small" onClick={action} title="Record a message sent outside Callbook">
      Mark sent
    </Button>
  ) : null;
}

/** Preview, edit (subject, personal message, recipients) and send one owed message. */
function DraftDialog({ entry, onClose }: { entry: QueueEntryDto; onClose: (sent: boolean) => void }) {
  const styles = useStyles();
  /** The recipients as edited; null = the draft's own. Edited lists re-draft: the audience is what they make. */
  const [to, setTo] = useState<Recipient[] | null>(null);
  const [cc, setCc] = useState<Recipient[] | null>(null);
  const edited = new URLSearchParams({ ...(to ? { to: JSON.stringify(to) } : {}), ...(cc ? { cc: JSON.stringify(cc) } : {}) }).toString();
  const [loaded, reload] = useApi<QueueDraftDto>(`/projects/${entry.projectId}/queue/${entry.kind}/draft${edited ? `?${edited}` : ""}`);
  /** The last draft shown, kept while an edited list is re-drafted (the form stays put). */
  const [shown, setShown] = useState<QueueDraftDto | null>(null);
  useEffect(() => {
    if (loaded.state === "ready") setShown(loaded.data);
  }, [loaded]);
  const draft: typeof loaded = loaded.state === "loading" && shown ? { state: "ready", data: shown } : loaded;
  const [subject, setSubject] = useState<string | null>(null);
  const [intro, setIntro] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (d: QueueDraftDto) => {
    setSending(true);
    setError(null);
    try {
      await api(`/projects/${entry.projectId}/queue/${entry.kind}/send`, {
        method: "POST",
        json: {
          id: d.id,
          ...(subject ? { subject } : {}),
          ...(intro.trim() ? { intro } : {}),
          ...(to !== null ? { to } : {}),
          ...(cc !== null ? { cc } : {}),
        },
      });
      onClose(true);
    } catch (e) {
      // The draft id stays: "Try again" never sends a second copy.
      setError(e instanceof ApiError ? e.message : "The message could not be sent. Try again.");
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_e, d) => (d.open ? undefined : onClose(false))}>
      <DialogSurface aria-label={entry.title}>
        <DialogBody className={styles.body}>
          <DialogTitle>{entry.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {draft.state === "loading" ? <Loading label="Drafting from the project's data…" /> : null}
            {draft.state === "error" ? <ErrorState message={draft.message} onRetry={reload} /> : null}
            {draft.state === "ready" ? (
              <div className={styles.form}>
                <Text size={200}>
                  {draft.data.audience === "internal" ? "Internal: everything is shown" : draft.data.audience === "vendor" ? "Vendor-safe" : "Customer-safe"}
                  {draft.data.omittedInternal > 0 ? ` · ${draft.data.omittedInternal} internal-only left out` : ""}
                  {draft.data.mailMode === "outbox" ? " · goes to the local outbox" : ""}
                </Text>
                <RecipientsField
                  label="To"
                  addLabel="Add a recipient"
                  recipients={to ?? draft.data.to}
                  candidates={draft.data.candidates}
                  onAdd={(p) => setTo([...(to ?? draft.data.to), p])}
                  onRemove={(email) => setTo((to ?? draft.data.to).filter((r) => r.email.toLowerCase() !== email.toLowerCase()))}
                />
                <RecipientsField
                  label="Cc"
                  addLabel="Add a Cc recipient"
                  recipients={cc ?? draft.data.cc}
                  candidates={draft.data.candidates}
                  onAdd={(p) => setCc([...(cc ?? draft.data.cc), p])}
                  onRemove={(email) => setCc((cc ?? draft.data.cc).filter((r) => r.email.toLowerCase() !== email.toLowerCase()))}
                />
                <Field label="Subject">
                  <Input value={subject ?? draft.data.subject} onChange={(_e, d) => setSubject(d.value)} />
                </Field>
                <Field label="Personal message (optional)">
                  <Textarea value={intro} onChange={(_e, d) => setIntro(d.value)} resize="vertical" />
                </Field>
                <iframe title="Message preview" sandbox="" srcDoc={draft.data.html} className={styles.preview} />
                {error ? <Text role="alert">{error}</Text> : null}
              </div>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={sending || draft.state !== "ready" || (to !== null && to.length === 0)}
              onClick={() => draft.state === "ready" && void send(draft.data)}
            >
              {sending ? "Sending…" : error ? "Try again" : "Send"}
            </Button>
            <Button onClick={() => onClose(false)}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
