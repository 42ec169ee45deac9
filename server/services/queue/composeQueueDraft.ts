import type { Db } from "../../db/database";
import type { ProjectRow } from "../../db/projectAccess";
import type { RequestContext } from "../../http/requestContext";
import { buildQueueDraft, defaultRecipients } from "../../domain/queue/buildQueueDrafts";
import { audienceOfRecipients } from "../../domain/queue/draftInput";
import { renderDraftHtml, renderDraftText, type DraftRecipient, type QueueDraft, type QueueKind } from "../../domain/queue/queueMessage";
import { directoryFor } from "../meetings/loadMeetingContext";
import { draftIdOf, loadProjectQueue } from "./loadProjectQueue";

export interface DraftEdits {
  subject?: string | undefined;
  intro?: string | undefined;
  to?: DraftRecipient[] | undefined;
  cc?: DraftRecipient[] | undefined;
}

export interface ComposedDraft {
  id: string;
  draft: QueueDraft;
  subject: string;
  html: string;
  text: string;
  /** When the owed occurrence is due; null when nothing of this kind is owed now (sent ahead). */
  dueAt: string | null;
  /** The project's people with an address, whom the PM may add as recipients. */
  candidates: DraftRecipient[];
}

/**
 * The draft of one owed message of a project, from live data at `now`, with the caller's edits
 * (subject, personal message, recipients) applied. The audience is what the final recipients
 * make, so adding a customer to an internal list filters the content again.
 */
export async function composeQueueDraft(db: Db, ctx: RequestContext, project: ProjectRow, kind: QueueKind, now: Date, edits: DraftEdits = {}): Promise<ComposedDraft> {
  const { snapshot, meetings, lastSent, owed } = await loadProjectQueue(db, ctx.tenantId, project, now);
  const entry = owed.find((o) => o.kind === kind);
  const defaults = defaultRecipients(kind, snapshot, meetings, now, ctx.email);
  const to = edits.to ?? defaults.to;
  const cc = edits.cc ?? defaults.cc;
  const { internalDomains } = directoryFor(snapshot);
  const audience = audienceOfRecipients([...to, ...cc], snapshot, internalDomains);
  const sent = lastSent[kind];
  const draft = buildQueueDraft(kind, { snapshot, meetings, now, lastSentAt: sent ? new Date(sent) : null, audience, to, cc });
  const signOff = `${ctx.name}\n${project.name}`;
  const dueAt = entry?.dueAt ?? null;
  return {
    id: draftIdOf(ctx.tenantId, project.id, kind, dueAt ?? `ahead:${now.toISOString().slice(0, 10)}`),
    draft,
    subject: edits.subject ?? draft.subject,
    html: renderDraftHtml(draft, edits.intro, signOff),
    text: renderDraftText(draft, edits.intro, signOff),
    dueAt,
    candidates: snapshot.people.filter((p) => p.email !== "").map((p) => ({ name: p.name, email: p.email })),
  };
}
