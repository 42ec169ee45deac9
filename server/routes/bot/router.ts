import { Router } from "express";
import { parse } from "../../http/validate";
import { unauthorized } from "../../errors";
import { botActivity, meetingEventNames, meetingEventValue, participantJoinValue } from "../../../contracts/bot";
import { BotActivityRejected } from "../../bot/verifyBotActivity";
import type { MeetingEvent } from "../../services/bot/meetingBot";
import type { BotEndpointDeps } from "../../services/bot/botEndpointDeps";

/**
 * `POST /api/messages`: the Bot Connector's calls. Verifies the connector's token first (401
 * otherwise, nothing read), then hands meeting start, participant join and end events of linked
 * meetings to the meeting bot. Any other activity answers 200 and is ignored.
 */
export function botRouter(deps: BotEndpointDeps): Router {
  const r = Router();
  r.post("/", async (req, res) => {
    const activity = parse(botActivity, req.body);
    const tenantId = activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? null;
    try {
      await deps.verify(req.headers.authorization, { serviceUrl: activity.serviceUrl, tenantId });
    } catch (err) {
      if (err instanceof BotActivityRejected) {
        deps.logger.warn({ reason: err.reason }, "bot activity refused");
        throw unauthorized("Bot Connector token refused");
      }
      throw err;
    }
    if (activity.type === "event" && tenantId) {
      const event: MeetingEvent = {
        tenantId,
        serviceUrl: activity.serviceUrl,
        conversationId: activity.conversation.id,
        teamsMeetingId: activity.channelData?.meeting?.id ?? "",
      };
      if (activity.name === meetingEventNames.start || activity.name === meetingEventNames.end) {
        const { Id } = parse(meetingEventValue, activity.value);
        const withId = { ...event, teamsMeetingId: Id };
        await (activity.name === meetingEventNames.start ? deps.bot.meetingStarted(withId) : deps.bot.meetingEnded(withId));
      } else if (activity.name === meetingEventNames.participantJoin) {
        const joined = parse(participantJoinValue, activity.value);
        const ids = joined.members.flatMap((m) => (m.user.aadObjectId ? [m.user.aadObjectId] : []));
        await deps.bot.participantsJoined(event, ids);
      }
    }
    res.status(200).json({});
  });
  return r;
}
