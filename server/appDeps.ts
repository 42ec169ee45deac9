import type { Logger } from "pino";
import type { Clock } from "./clock";
import type { Database } from "./db/database";
import type { Authenticator } from "./http/requestContext";
import type { LiveBus } from "./live/liveBus";
import type { RevisionWatch } from "./db/revisionWatch";
import type { LiveClients } from "./live/liveClients";
import type { AttendancePending } from "./services/recap/attendancePending";
import type { MailCalendarGateway } from "./graph/MailCalendarGateway";
import type { RequestContext } from "./http/requestContext";
import type { ConsentConfig } from "./auth/consentConfig";
import type { BotEndpointDeps } from "./services/bot/botEndpointDeps";
import type { PlannerAccess } from "./graph/plannerClient";
import type { StoredConsent } from "./auth/storedConsent";
import type { ChatMeetingLookups } from "./services/meetings/chatMeetingLookups";

/** What createApp needs. server/index.ts builds the real ones; tests pass plain objects. */
export interface AppDeps {
  database: Database;
  logger: Logger;
  /** The one clock of every runbook rule and route (CALLBOOK_NOW sets it; see server/clock.ts). */
  clock: Clock;
  /** Tried in order; the first that recognises the request wins. */
  authenticators: Authenticator[];
  /** False until migrations are applied, and again while shutting down. */
  isReady: () => boolean;
  devSignIn: boolean;
  /** Tells live streams that a meeting has new events (in-process, or across instances). */
  bus: LiveBus;
  liveClients?: LiveClients;
  /** Who was told "no attendance report yet" by Graph, until when (services/recap/attendancePending.ts); absent: made by createApp. */
  attendancePending?: AttendancePending;
  /** Graph's online meeting per (tenant, user, chat), briefly (services/meetings/chatMeetingLookups.ts); absent: made by createApp. */
  chatMeetings?: ChatMeetingLookups;
  /** Told when a project's revision moves on any instance (migration 0013's NOTIFY); absent: caches re-check by query. */
  revisions?: RevisionWatch;
  /** Mail and calendar for one caller: Microsoft Graph, or the local outbox. */
  mail: (ctx: RequestContext, scope: { projectId: string | null }) => MailCalendarGateway;
  /** Microsoft Planner (issue 17 §4): as the caller, or as a PM with no request present; absent in outbox mode. */
  planner?: PlannerAccess;
  /**
   * Graph mode's sending with no user present (issue 17 §5): a gateway whose identity is a PM
   * (`userId` = their person id) and whose tokens come from that PM's stored consent.
   */
  unattended?: { mail: MailCalendarGateway; consent: StoredConsent };
  /** "graph" or "outbox": shown to users where it matters ("Sent" vs "In the local outbox"). */
  mailMode: "graph" | "outbox";
  /** Callbook's Entra app as clients see it (client id, API resource); null when none is configured. */
  entra?: { clientId: string; apiResource: string } | null;
  /** Entra consent pop-up settings; null when no Entra app is configured. */
  consent?: ConsentConfig | null;
  /** HS256 key of stage tickets (config STAGE_TICKET_SECRET); absent: a random one per process. */
  stageTicketSecret?: Uint8Array;
  /** Built front end (dist/web); absent in API-only tests. */
  webRoot?: string;
  /** The Teams bot's messaging endpoint (`POST /api/messages`); absent: no bot configured. */
  botEndpoint?: BotEndpointDeps;
  /** The Teams app id (manifest `id`) for dialog deep links; absent: a placeholder in previews. */
  teamsAppId?: string;
  /** NODE_ENV=production: HSTS on, test host origins never allowed to frame the app. */
  production?: boolean;
  /** Extra parent origins the front end passes to teams-js (test host pages only). */
  teamsHostOrigins?: string[];
  /** Key of the signed links in reminder digests (config LINK_SECRET); absent: `/api/reminders/*` answers 404. */
  linkSecret?: string;
}
