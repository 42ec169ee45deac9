import type { Logger } from "pino";
import type { BotActivityVerifier } from "../../bot/verifyBotActivity";
import type { MeetingBot } from "./meetingBot";

/** What the bot's messaging endpoint (`POST /api/messages`) needs: the token check and the meeting bot. */
export interface BotEndpointDeps {
  verify: BotActivityVerifier;
  bot: MeetingBot;
  logger: Logger;
}
