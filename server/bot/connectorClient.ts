import type { IAdaptiveCard } from "@microsoft/teams.cards";

// The Bot Connector REST API as Teams serves it (Microsoft Learn, "Bot Connector API reference";
// "Send in-meeting notifications"): send and update activities in a conversation, list its
// members, and a targeted meeting notification. Every call carries a bot token
// (client credentials for https://api.botframework.com/.default).

/** One member of a conversation, as `GET /v3/conversations/{id}/members` answers (TeamsChannelAccount). */
export interface ConnectorMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  userRole?: string;
  tenantId?: string;
}

/** The targeted in-meeting notification body (`type: "targetedMeetingNotification"`). */
export interface TargetedMeetingNotification {
  type: "targetedMeetingNotification";
  value: {
    recipients: string[];
    surfaces: { surface: "meetingStage"; contentType: "task"; content: { value: { height: number; width: number; title: string; url: string } } }[];
  };
}

export interface ConnectorClient {
  /** Posts an Adaptive Card message; answers the new activity id. */
  sendCard(serviceUrl: string, conversationId: string, card: IAdaptiveCard, summary: string): Promise<string>;
  /** Replaces a posted card in place (`PUT …/activities/{activityId}`). */
  updateCard(serviceUrl: string, conversationId: string, activityId: string, card: IAdaptiveCard, summary: string): Promise<void>;
  members(serviceUrl: string, conversationId: string): Promise<ConnectorMember[]>;
  /** `POST /v1/meetings/{meetingId}/notification` with the Teams meeting id (base64) of the event. */
  notify(serviceUrl: string, teamsMeetingId: string, body: TargetedMeetingNotification): Promise<void>;
}

/** Thrown on a non-2xx answer; `status` is the connector's. */
export class ConnectorError extends Error {
  override readonly name = "ConnectorError";
  constructor(
    readonly status: number,
    readonly path: string,
  ) {
    super(`Bot Connector ${status} on ${path}`);
  }
}

const cardMessage = (card: IAdaptiveCard, summary: string) => ({
  type: "message",
  summary,
  attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
});

/** A fetch-based connector client; `token()` answers a bot access token. */
export function createConnectorClient(token: () => Promise<string>): ConnectorClient {
  const call = async (method: string, serviceUrl: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${serviceUrl.replace(/\/+$/, "")}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token()}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new ConnectorError(res.status, path);
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : null;
  };
  const conv = (id: string) => `/v3/conversations/${encodeURIComponent(id)}`;
  return {
    async sendCard(serviceUrl, conversationId, card, summary) {
      const answer = (await call("POST", serviceUrl, `${conv(conversationId)}/activities`, cardMessage(card, summary))) as { id?: unknown } | null;
      if (typeof answer?.id !== "string") throw new ConnectorError(502, "activities (no id)");
      return answer.id;
    },
    async updateCard(serviceUrl, conversationId, activityId, card, summary) {
      await call("PUT", serviceUrl, `${conv(conversationId)}/activities/${encodeURIComponent(activityId)}`, { ...cardMessage(card, summary), id: activityId });
    },
    async members(serviceUrl, conversationId) {
      const answer = await call("GET", serviceUrl, `${conv(conversationId)}/members`);
      return Array.isArray(answer) ? (answer as ConnectorMember[]) : [];
    },
    async notify(serviceUrl, teamsMeetingId, body) {
      await call("POST", serviceUrl, `/v1/meetings/${encodeURIComponent(teamsMeetingId)}/notification`, body);
    },
  };
}
