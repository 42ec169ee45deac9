// Teams meeting identity from any join link, appointment body or teams-js context. Pure: no Node,
// no DOM beyond the WHATWG URL parser (global in Node 20 and every browser), so the Outlook pane
// and the server read a link the same way.

/**
 * Which Teams cloud a link belongs to, by host. Sources (checked): Microsoft Teams platform docs,
 * "Sovereign clouds" (Teams client hosts: teams.microsoft.com, gov.teams.microsoft.us,
 * dod.teams.microsoft.us, teams.microsoftonline.cn); Teams free meets on teams.live.com; the
 * Microsoft 365 domain teams.cloud.microsoft. GCC tenants use teams.microsoft.com for meeting
 * links; gcc.teams.microsoft.com is Microsoft's GCC service domain and is read as GCC too.
 */
export type TeamsCloud = "commercial" | "gcc" | "gccHigh" | "dod" | "china" | "consumer";

/** Host (lower case) → cloud. Exact hosts only: a look-alike such as teams.microsoft.com.evil.example never matches. */
export const teamsMeetingHosts: Readonly<Record<string, TeamsCloud>> = {
  "teams.microsoft.com": "commercial",
  "teams.cloud.microsoft": "commercial",
  "gcc.teams.microsoft.com": "gcc",
  "gov.teams.microsoft.us": "gccHigh",
  "dod.teams.microsoft.us": "dod",
  "teams.microsoftonline.cn": "china",
  "teams.live.com": "consumer",
};

/** What identifies one Teams meeting. Every field but joinWebUrl and cloud may be missing. */
export interface TeamsMeetingIdentity {
  /**
   * The meeting's chat thread, decoded: "19:meeting_…@thread.v2", "19:gcch:meeting_…@thread.v2",
   * "19:dod:meeting_…@thread.v2", a channel's "19:…@thread.tacv2" / "19:…@thread.skype", or a
   * group/private chat's "19:…@thread.v2" / "19:…@unq.gbl.spaces". Absent in short links.
   */
  threadId?: string;
  /** The message the meeting hangs off: "0" for a scheduled meeting, the post's id for a channel meeting. */
  messageId?: string;
  /** The numeric join meeting id, digits only ("2414128301281"), from a /meet/ link or a "Meeting ID:" line. */
  joinMeetingId?: string;
  /** The meeting passcode (`?p=` of a short link, or the "Passcode:" line of the Teams block). */
  passcode?: string;
  /** The link itself, unwrapped from Safe Links and trailing punctuation; "" when only a body's "Meeting ID:" line was found. */
  joinWebUrl: string;
  cloud: TeamsCloud;
}

/** A chat thread id as Teams writes it; also the channel and private-chat forms. */
const threadPattern = /^19:[A-Za-z0-9_\-:.=+]+@(?:thread\.v2|thread\.tacv2|thread\.skype|unq\.gbl\.spaces)$/;
const meetingIdDigits = /^\d{9,16}$/;

/**
 * Reads one URL: a Teams join link on any host in `teamsMeetingHosts`, a Teams web launcher link
 * whose `url` parameter holds the join path, or a Safe Links redirect
 * (`*.safelinks.protection.outlook.com/?url=…`) around either. Handles percent-encoded and
 * double-encoded thread segments. Returns null for anything else (never throws).
 */
export function parseTeamsMeetingLink(link: string, depth = 0): TeamsMeetingIdentity | null {
  if (depth > 3) return null;
  const url = toUrl(trimLink(link)) ?? toUrl(decodeRepeatedly(trimLink(link)) ?? "");
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  if (host.endsWith(".safelinks.protection.outlook.com")) {
    const inner = url.searchParams.get("url");
    return inner ? parseTeamsMeetingLink(inner, depth + 1) : null;
  }
  const cloud = teamsMeetingHosts[host];
  if (!cloud || url.protocol !== "https:") return null;
  const joinWebUrl = trimLink(link);
  const segments = url.pathname.split("/").filter(Boolean);
  // /l/meetup-join/<thread>/<messageId>
  const join = segments.indexOf("meetup-join");
  if (join >= 0) {
    const threadId = decodeThread(segments[join + 1]);
    if (!threadId) return null;
    const messageId = decodeRepeatedly(segments[join + 2] ?? "") ?? "";
    return { threadId, ...(/^\d+$/.test(messageId) ? { messageId } : {}), joinWebUrl, cloud };
  }
  // /meet/<join meeting id>?p=<passcode> (MC772556; Teams free)
  if (segments[0] === "meet" && segments[1]) {
    const joinMeetingId = segments[1].replace(/\D/g, "");
    if (!meetingIdDigits.test(joinMeetingId)) return null;
    const passcode = url.searchParams.get("p");
    return { joinMeetingId, ...(passcode ? { passcode } : {}), joinWebUrl, cloud };
  }
  // The web launcher: /dl/launcher/launcher.html?url=/_#/l/meetup-join/…
  const launched = url.searchParams.get("url");
  if (launched) {
    const inner = decodeRepeatedly(launched) ?? launched;
    const path = /\/l\/meetup-join\/[^?#\s]+/.exec(inner)?.[0];
    if (path) {
      const found = parseTeamsMeetingLink(`https://${host}${path}`, depth + 1);
      return found ? { ...found, joinWebUrl } : null;
    }
  }
  return null;
}

/**
 * The Teams meeting in a text: an appointment's location, its plain-text body, or its HTML body
 * (Outlook's "Microsoft Teams meeting / Join the meeting now / Meeting ID: … / Passcode: …"
 * block). The first link that is a Teams meeting wins; the block's "Meeting ID" and "Passcode"
 * lines fill in what the link lacks. A block with a Meeting ID but no link still answers (joinWebUrl "").
 * Returns null when the text holds no Teams meeting.
 */
export function findTeamsMeeting(text: string | null | undefined): TeamsMeetingIdentity | null {
  if (!text) return null;
  const plain = decodeEntities(text.replace(/<(?:br|\/p|\/div|\/tr)[^>]*>/gi, "\n").replace(/<[^>]*>/g, " "));
  let found: TeamsMeetingIdentity | null = null;
  for (const candidate of linksIn(text)) {
    found = parseTeamsMeetingLink(candidate);
    if (found) break;
  }
  const idLine = /Meeting ID\s*:?[ \t\u00a0]*(\d[\d \u00a0]{7,24}\d)/i.exec(plain)?.[1]?.replace(/\D/g, "");
  const passLine = /Passcode\s*:?[ \t\u00a0]*([A-Za-z0-9]{4,20})/i.exec(plain)?.[1];
  if (!found) {
    if (!idLine || !meetingIdDigits.test(idLine) || !/Microsoft Teams/i.test(plain)) return null;
    return { joinMeetingId: idLine, ...(passLine ? { passcode: passLine } : {}), joinWebUrl: "", cloud: "commercial" };
  }
  if (!found.joinMeetingId && idLine && meetingIdDigits.test(idLine)) found = { ...found, joinMeetingId: idLine };
  if (!found.passcode && passLine && found.joinMeetingId === idLine) found = { ...found, passcode: passLine };
  return found;
}

/**
 * A chat or meeting thread id in canonical form ("19:…@thread.v2"), from itself, its percent-encoded
 * or double-encoded form; null when it is not a Teams thread id.
 */
export function normaliseTeamsThread(raw: string | null | undefined): string | null {
  return raw ? decodeThread(raw.trim()) : null;
}

/**
 * The thread behind a teams-js `meeting.id`: base64 of "<n>#<thread>#<messageId>", e.g.
 * "MCMxOTptZWV0aW5nX…IzA=" = "0#19:meeting_…@thread.v2#0" (OfficeDev/microsoft-teams-library-js
 * issue 539; microsoft-graph-docs issue 11696: it is not the Graph onlineMeeting id). Also accepts
 * a thread id given as is. Returns null for anything else; never throws.
 */
export function threadOfTeamsMeetingId(meetingId: string | null | undefined): { threadId: string; messageId?: string } | null {
  if (!meetingId) return null;
  const direct = normaliseTeamsThread(meetingId);
  if (direct) return { threadId: direct };
  const decoded = decodeBase64(meetingId.trim());
  if (!decoded) return null;
  const parts = decoded.split("#");
  const threadId = normaliseTeamsThread(parts.find((p) => p.startsWith("19:")) ?? "");
  if (!threadId) return null;
  const last = parts[parts.length - 1] ?? "";
  return { threadId, ...(parts.length >= 3 && /^\d+$/.test(last) ? { messageId: last } : {}) };
}

/**
 * The key a meeting's thread is stored and matched under: the thread id, plus ";messageid=<id>"
 * for a channel meeting (many meetings share one channel thread and differ by their post).
 */
export function teamsThreadKey(identity: { threadId?: string | undefined; messageId?: string | undefined }): string | null {
  if (!identity.threadId) return null;
  const channel = /@thread\.(?:tacv2|skype)$/.test(identity.threadId);
  return channel && identity.messageId && identity.messageId !== "0" ? `${identity.threadId};messageid=${identity.messageId}` : identity.threadId;
}

function decodeThread(segment: string | undefined): string | null {
  if (!segment) return null;
  const decoded = decodeRepeatedly(segment);
  return decoded && threadPattern.test(decoded) ? decoded : null;
}

/** Percent-decodes up to three times (links pasted through mail and Safe Links get encoded twice). */
function decodeRepeatedly(value: string): string | null {
  let current = value;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(current); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return null;
    }
  }
  return current;
}

function toUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Drops what a sentence or markup leaves stuck to the end of a link. */
function trimLink(link: string): string {
  return link.trim().replace(/[.,;:!?>)\]'"]+$/, "");
}

/** Every http(s) link in a text or HTML, in order; href values decoded from HTML entities. */
function linksIn(text: string): string[] {
  const links: string[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s"'<>()[\]{}|\\^`]+/gi)) links.push(decodeEntities(m[0]));
  return links;
}

const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return namedEntities[name.toLowerCase()] ?? whole;
  });
}

function decodeBase64(text: string): string | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text) || text.length < 8) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
