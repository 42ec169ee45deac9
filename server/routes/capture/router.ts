import { Router, type Response } from "express";
import { syncPlannerAfterWrite } from "../../services/planner/pollPlanner";
import { fieldError } from "../../errors";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { byChatQuery } from "../../../contracts/meetings";
import { meetingIdForChat } from "../../services/meetings/findMeetingByChat";
import { agendaStateBody, createItemBody, createNoteBody, itemParams, noteParams, updateItemBody, updateNoteBody, type CaptureDto } from "../../../contracts/capture";
import { loadMeetingContext, loadMeetingForWrite, type MeetingWriteContext } from "../../services/meetings/loadMeetingContext";
import { agendaState, carriedOverItems, isInternalCall, lastEventId, meetingItems, meetingNotes, openProjectRaid } from "../../services/capture/captureQueries";
import { itemDto, nameIndex, noteDto } from "../../presenters/capture";
import { createItem, createNote, setAgendaState, updateItem, updateNote, type WriteScope } from "../../services/capture/writeCapture";
import { resolveCallType } from "../../domain/resolveCallType";
import { streamMeetingEvents } from "./streamMeetingEvents";
import { MeetingFeeds } from "../../live/meetingFeeds";
import { callerAudience, requireMayFlagInternal, requireRowVisible } from "../../services/audience/callerAudience";
import { createLiveClients } from "../../live/liveClients";
import { WrittenRows } from "../../services/capture/writtenRows";
import { MeetingAnswerCache } from "../../services/meetings/meetingAnswerCache";
import { sendAnswer } from "../meetings/sendAnswer";
import type { LiveBus } from "../../live/liveBus";
import { DirectoryCache } from "../../services/meetings/directoryCache";

/**
 * Live capture in a call (`feeds`: the meetings' shared readers, also used by the stage stream;
 * `answers`: the app's cache of meeting answers, shared with the meetings routers): action items,
 * decisions, risks, issues, notes, agenda ticks; and the live stream.
 */
export function captureRouter(
  deps: AppDeps,
  feeds: MeetingFeeds = new MeetingFeeds(deps.database.db, deps.bus),
  answers = new MeetingAnswerCache(deps.revisions, deps.bus),
): Router {
  const r = Router();
  const { db } = deps.database;
  const liveClients = deps.liveClients ?? createLiveClients();
  // The rows this app's writes just committed, for its live streams' reader (one read less per event).
  const written = new WrittenRows();
  // A committed write moves the meeting's cached capture here at once; other instances hear the bus.
  const bus: Pick<LiveBus, "publish"> = {
    publish: (meetingId) => {
      answers.touch(meetingId);
      deps.bus.publish(meetingId);
    },
  };
  // The projects' directories, keyed on their counter (migration 0024): a write's context is one query.
  const directories = new DirectoryCache();
  const scope = (mc: MeetingWriteContext, res: Parameters<typeof contextOf>[0]): WriteScope => ({
    database: deps.database,
    bus,
    ctx: contextOf(res),
    meetingId: mc.meeting.id,
    projectId: mc.project.id,
    now: deps.clock(),
    written,
  });
  // An external caller's captures are never internal only by default (they could not see them).
  const internalDefault = (mc: MeetingWriteContext, res: Parameters<typeof contextOf>[0]) =>
    callerAudience(contextOf(res)) === "internal" && isInternalCall(resolveCallType(mc.meeting, mc.snapshot.project, mc.directory).callType);

  /**
   * Meeting `id`'s capture for the caller as JSON (access by loadMeetingContext, rows by the
   * caller's audience). Holds no per-person field: what it shows depends on the project's data
   * and audience (the revision) and on the meeting's capture rows and events (the live generation).
   */
  const buildCapture = async (ctx: ReturnType<typeof contextOf>, id: string): Promise<string> => {
    const mc = await loadMeetingContext(db, ctx, id);
    const { callType } = resolveCallType(mc.meeting, mc.snapshot.project, mc.directory);
    const earlier = mc.history.filter(
      (m) => m.id !== id && Date.parse(m.startsAt) < Date.parse(mc.meeting.startsAt) && (m.callTypeOverride ?? m.callType) === callType,
    );
    const names = nameIndex(mc.snapshot.people);
    const attendeeEmails = new Set(mc.meeting.attendees.map((a) => a.email.toLowerCase()));
    const [eventId, items, carried, notes, state, projectRaid] = await Promise.all([
      lastEventId(db, ctx.tenantId, id),
      meetingItems(db, ctx.tenantId, id),
      carriedOverItems(db, ctx.tenantId, mc.project.id, id, earlier.map((m) => m.id)),
      meetingNotes(db, ctx.tenantId, id),
      agendaState(db, ctx.tenantId, id),
      openProjectRaid(db, ctx.tenantId, mc.project.id, id),
    ]);
    const body: CaptureDto = {
      meetingId: id,
      internalByDefault: callerAudience(ctx) === "internal" && isInternalCall(callType),
      canMarkInternal: callerAudience(ctx) === "internal",
      items: items.map((i) => itemDto(i, names)),
      carriedOver: carried.map((i) => itemDto(i, names)),
      projectRaid: projectRaid.map((i) => itemDto(i, names)),
      notes: notes.map(noteDto),
      agendaState: state,
      people: mc.snapshot.people
        .map((p) => ({ id: p.id, name: p.name, organisation: p.organisation, attendee: attendeeEmails.has(p.email.toLowerCase()) }))
        .sort((a, b) => Number(b.attendee) - Number(a.attendee) || a.name.localeCompare(b.name)),
      lastEventId: eventId,
    };
    return JSON.stringify(body);
  };

  /** Answers meeting `id`'s capture, from the cache when it may be (MeetingAnswerCache, "capture"). */
  const sendCapture = async (res: Response, id: string) => {
    const ctx = contextOf(res);
    await sendAnswer(res, answers, await answers.keyFor(db, ctx, id, "capture", deps.clock()), () => buildCapture(ctx, id));
  };

  // The capture of the meeting behind a Teams chat (same query as GET /by-chat; reads only), asked
  // for with the meeting on a Teams panel's first open (issue 19). Before /:id/capture.
  r.get("/by-chat/capture", async (req, res) => {
    await sendCapture(res, await meetingIdForChat(deps, contextOf(res), parse(byChatQuery, req.query)));
  });

  r.get("/:id/capture", async (req, res) => {
    const { id } = parse(idParams, req.params);
    await sendCapture(res, id);
  });

  r.post("/:id/items", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(createItemBody, req.body);
    const mc = await loadMeetingForWrite(db, contextOf(res), id, directories);
    requireMayFlagInternal(contextOf(res), body.internalOnly);
    if (body.ownerId && !mc.snapshot.people.some((p) => p.id === body.ownerId)) {
      throw fieldError("ownerId", "is not a person of this project");
    }
    const { row, created } = await createItem(scope(mc, res), body, internalDefault(mc, res));
    if (created) syncPlannerAfterWrite(deps, contextOf(res), row.projectId, row.kind);
    res.status(created ? 201 : 200).json(itemDto(row, nameIndex(mc.snapshot.people)));
  });

  r.patch("/:id/items/:itemId", async (req, res) => {
    const { id, itemId } = parse(itemParams, req.params);
    const body = parse(updateItemBody, req.body);
    const mc = await loadMeetingForWrite(db, contextOf(res), id, directories);
    await requireRowVisible(db, contextOf(res), "item", itemId);
    requireMayFlagInternal(contextOf(res), body.internalOnly);
    if (body.ownerId && !mc.snapshot.people.some((p) => p.id === body.ownerId)) {
      throw fieldError("ownerId", "is not a person of this project");
    }
    const names = nameIndex(mc.snapshot.people);
    const row = await updateItem(scope(mc, res), itemId, body, (r) => itemDto(r, names));
    syncPlannerAfterWrite(deps, contextOf(res), row.projectId, row.kind);
    res.json(itemDto(row, names));
  });

  r.post("/:id/notes", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(createNoteBody, req.body);
    const mc = await loadMeetingForWrite(db, contextOf(res), id, directories);
    requireMayFlagInternal(contextOf(res), body.internalOnly);
    const { row, created } = await createNote(scope(mc, res), body, internalDefault(mc, res));
    res.status(created ? 201 : 200).json(noteDto(row));
  });

  r.patch("/:id/notes/:noteId", async (req, res) => {
    const { id, noteId } = parse(noteParams, req.params);
    const body = parse(updateNoteBody, req.body);
    const mc = await loadMeetingForWrite(db, contextOf(res), id, directories);
    await requireRowVisible(db, contextOf(res), "note", noteId);
    requireMayFlagInternal(contextOf(res), body.internalOnly);
    res.json(noteDto(await updateNote(scope(mc, res), noteId, body, noteDto)));
  });

  r.put("/:id/agenda-state", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(agendaStateBody, req.body);
    const ctx = contextOf(res);
    const mc = await loadMeetingForWrite(db, ctx, id, directories);
    await setAgendaState(scope(mc, res), body);
    res.json(await agendaState(db, ctx.tenantId, id));
  });

  r.get("/:id/events", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const ctx = contextOf(res);
    // Reserved before the first await, so a client that leaves during set-up releases everything.
    const slot = liveClients.open(res, { tenantId: ctx.tenantId, userId: ctx.userId, meetingId: id });
    try {
      const mc = await loadMeetingForWrite(db, ctx, id, directories);
      if (slot.released) return;
      await streamMeetingEvents(deps, feeds, req, res, { tenantId: ctx.tenantId, meetingId: id, people: mc.snapshot.people, audience: callerAudience(ctx), written }, slot);
    } catch (e) {
      slot.release();
      throw e;
    }
  });

  return r;
}
