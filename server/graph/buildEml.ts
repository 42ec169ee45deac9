import MailComposer from "nodemailer/lib/mail-composer";
import type { Recipient } from "./MailCalendarGateway";

// An RFC 5322 / MIME message (.eml) built by nodemailer's MailComposer: multipart/alternative with a
// text and an HTML part (multipart/mixed around it when there are attachments); RFC 2047 encoded
// words for non-ASCII subjects and names, long header words folded, international (IDN) domains
// punycoded, CRLF line breaks. Our part is the checks before it: addresses, the Message-ID, the
// extra header names and header injection.

export interface EmlAttachment {
  /** Shown to the reader, e.g. "invite.ics". */
  filename: string;
  /** e.g. "text/calendar; method=REQUEST; charset=utf-8". */
  contentType: string;
  content: string | Buffer;
}

export interface EmlInput {
  from: Recipient;
  to: Recipient[];
  cc: Recipient[];
  subject: string;
  text: string;
  html: string;
  date: Date;
  /** Without angle brackets: "recap.123@callbook.local". */
  messageId: string;
  /** Extra headers; names must start with "X-". */
  headers?: Record<string, string>;
  /** Files attached beside the text (e.g. an .ics invite). */
  attachments?: EmlAttachment[];
  /** Shared part of the multipart boundaries; fixed in tests, random otherwise. */
  boundary?: string;
}

/**
 * The message as .eml text (CRLF line breaks). Throws "buildEml: …" for an address that is not one
 * (angle brackets, line breaks, commas…), an invalid Message-ID or boundary, no To recipient, or an
 * extra header not named X-…. Line breaks in the subject, names and header values become spaces.
 */
export async function buildEml(input: EmlInput): Promise<string> {
  if (input.boundary !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(input.boundary)) throw new Error("buildEml: invalid boundary");
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(input.messageId)) throw new Error("buildEml: invalid Message-ID");
  if (input.to.length === 0) throw new Error("buildEml: at least one To recipient is required");
  const headers = Object.entries(input.headers ?? {}).map(([key, value]) => {
    if (!/^X-[A-Za-z0-9-]+$/.test(key)) throw new Error(`buildEml: extra header names must start with X-: ${key}`);
    return { key, value: singleLine(value) };
  });
  const composer = new MailComposer({
    from: address(input.from),
    to: input.to.map(address),
    ...(input.cc.length > 0 ? { cc: input.cc.map(address) } : {}),
    subject: singleLine(input.subject),
    date: input.date,
    messageId: `<${input.messageId}>`,
    headers,
    text: input.text,
    html: input.html,
    attachments: (input.attachments ?? []).map((a) => ({ filename: singleLine(a.filename), contentType: a.contentType, content: a.content })),
    ...(input.boundary !== undefined ? { baseBoundary: input.boundary } : {}),
    newline: "win",
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return (await composer.compile().build()).toString("utf8");
}

function address(recipient: Recipient): { name: string; address: string } {
  const email = recipient.email.trim();
  if (!/^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+$/.test(email)) {
    throw new Error(`buildEml: not an e-mail address: ${JSON.stringify(recipient.email)}`);
  }
  return { name: singleLine(recipient.name ?? "").trim(), address: email };
}

/** Header values cannot carry line breaks (header injection): they become spaces. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ");
}
