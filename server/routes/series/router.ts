import { Router } from "express";
import type { AppDeps } from "../../appDeps";
import { contextOf } from "../../http/requestContext";
import { parse } from "../../http/validate";
import { idParams } from "../../../contracts/common";
import { createSeriesBody, seriesDraftQuery } from "../../../contracts/recap";
import { requireProjectAccess } from "../../db/projectAccess";
import { loadSnapshot } from "../../db/loadSnapshot";
import { badRequest } from "../../errors";
import { idTaken } from "../../services/ids/idTaken";
import { callTypeDefinitions } from "../../../contracts/callTypeDefinitions";
import { agendaOutlineHtml } from "../../presenters/series";
import { identityOf } from "../../graph/identityOf";
import { EASTERN_TIME_ZONE } from "../../domain/zonedTime";
import { draftSeries, seriesTimingIn } from "../../services/series/draftSeries";
import { organiserZone } from "../../services/series/organiserZone";
import { presentSeriesDraft } from "../../services/series/presentSeriesDraft";
import { addSeriesMeetings } from "../../services/series/addSeriesMeetings";
import { seriesJoinColumns } from "../../services/series/seriesJoinColumns";
import { recordSeriesInvite } from "../../services/series/recordSeriesInvite";
import { findOutboxHolder } from "../../services/outbox/findOutboxHolder";

export function seriesRouter(deps: AppDeps): Router {
  const r = Router();
  const { db } = deps.database;

  /** What "Create series" proposes: subject, timing and attendees with a reason each, all editable. */
  r.get("/:id/series/draft", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const q = parse(seriesDraftQuery, req.query);
    const ctx = contextOf(res);
    const project = await requireProjectAccess(db, ctx, id);
    const snapshot = await loadSnapshot(db, ctx.tenantId, project);
    const from = q.from ?? deps.clock().toISOString().slice(0, 10);
    const { callType, timeZone, from: _from, ...choices } = q;
    const plan = await draftSeries(deps, ctx, snapshot, { callType, from, timeZone, organiserZone: await organiserZone(deps, ctx), choices });
    const d = callTypeDefinitions[callType];
    res.json(
      presentSeriesDraft(plan, {
        callType,
        from,
        subject: `${project.customerName} ${d.label.toLowerCase()}`,
        bodyHtml: agendaOutlineHtml(callType, project.name),
        people: snapshot.people,
      }),
    );
  });

  r.post("/:id/series", async (req, res) => {
    const { id } = parse(idParams, req.params);
    const body = parse(createSeriesBody, req.body);
    const ctx = contextOf(res);
    const project = await requireProjectAccess(db, ctx, id);
    const zone = body.timeZone ?? (await organiserZone(deps, ctx)) ?? EASTERN_TIME_ZONE;
    let timing;
    try {
      timing = seriesTimingIn(body.callType, zone, {
        from: body.from,
        ...(body.startTime ? { startTime: body.startTime } : {}),
        ...(body.durationMinutes ? { durationMinutes: body.durationMinutes } : {}),
        ...(body.occurrences ? { occurrences: body.occurrences } : {}),
        ...(body.until ? { until: body.until } : {}),
        ...(body.weekday ? { weekday: body.weekday } : {}),
      });
    } catch (e) {
      throw badRequest(e instanceof Error ? e.message.replace(/^recurrenceFor: /, "") : "Invalid series timing");
    }
    // An id already used by a recap or another project's series: refused before Graph is asked.
    const holder = await findOutboxHolder(db, ctx.tenantId, body.id);
    if (holder && (holder.kind !== "invite" || holder.projectId !== project.id)) throw idTaken();
    const created = await deps.mail(ctx, { projectId: project.id }).createSeries(identityOf(ctx), {
      transactionId: body.id,
      subject: body.subject,
      bodyHtml: agendaOutlineHtml(body.callType, project.name),
      ...timing,
      attendees: body.attendees,
      ...(body.occurrenceAttendees ? { occurrenceAttendees: body.occurrenceAttendees } : {}),
    });
    if (deps.mailMode === "graph") {
      // Graph keeps the event; the outbox row is Callbook's record of it.
      await recordSeriesInvite(db, {
        id: body.id, tenantId: ctx.tenantId, projectId: project.id, subject: body.subject, fromEmail: ctx.email,
        recipients: body.attendees, html: agendaOutlineHtml(body.callType, project.name), graphId: created.eventId,
        createdBy: ctx.name, sentAt: deps.clock().toISOString(),
      });
    }
    if (created.iCalUId) {
      // Graph mode: the Teams meeting's join link and join meeting id go on the calls, so its links find them.
      const join = deps.mailMode === "graph" ? await seriesJoinColumns(deps, ctx, created.joinUrl) : {};
      await addSeriesMeetings(db, {
        tenantId: ctx.tenantId, projectId: project.id, callType: body.callType, subject: body.subject, organizerEmail: ctx.email,
        attendees: body.attendees, timing, iCalUId: created.iCalUId, now: deps.clock(), join,
        ...(body.occurrenceAttendees ? { occurrenceAttendees: body.occurrenceAttendees } : {}),
      });
    }
    const row = await findOutboxHolder(db, ctx.tenantId, body.id);
    // Nothing stored under this id for us (another tenant holds it): no 2xx for a write that did not happen.
    if (!row) throw idTaken();
    res.status(201).json({ id: row.id, eventId: created.eventId, joinUrl: created.joinUrl, iCalUId: created.iCalUId, timing });
  });
  return r;
}
