import { randomBytes } from "node:crypto";
import type { Recipient } from "./MailCalendarGateway";

// An RFC 5322 / MIME message (.eml): multipart/alternative with a text and an HTML part, both
// quoted-printable UTF-8; RFC 2047 encoded-words for non-ASCII subjects and names. Pure apart from
// the default boundary.

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
  /** Fixed in tests; random otherwise. */
  boundary?: string;
}

export function buildEml(input: EmlInput): string {
  const boundary = input.boundary ?? `callbook-${randomBytes(12).toString("hex")}`;
  if (!/^[A-Za-z0-9'()+_,./:=?-]{1,70}$/.test(boundary)) throw new Error("buildEml: invalid boundary");
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(input.messageId)) throw new Error("buildEml: invalid Message-ID");
  if (input.to.length === 0) throw new Error("buildEml: at least one To recipient is required");
  const headers: string[] = [
    header("From", address(input.from)),
    header("To", input.to.map(address).join(", ")),
    ...(input.cc.length > 0 ? [header("Cc", input.cc.map(address).join(", "))] : []),
    encodedHeader("Subject", input.subject),
    header("Date", rfc5322Date(input.date)),
    header("Message-ID", `<${input.messageId}>`),
    ...Object.entries(input.headers ?? {}).map(([name, value]) => {
      if (!/^X-[A-Za-z0-9-]+$/.test(name)) throw new Error(`buildEml: extra header names must start with X-: ${name}`);
      return encodedHeader(name, value);
    }),
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, "Content-Transfer-Encoding: quoted-printable", "", quotedPrintable(body)].join("\r\n");
  return [
    ...headers,
    "",
    "This is a multi-part message in MIME format.",
    part("text/plain", input.text),
    part("text/html", input.html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

/** Quoted-printable (RFC 2045 6.7) of UTF-8 text; line breaks become CRLF, lines stay within 76 characters. */
export function quotedPrintable(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const bytes = Buffer.from(line, "utf8");
      const tokens: string[] = [];
      bytes.forEach((byte, index) => {
        const last = index === bytes.length - 1;
        const literal =
          (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        tokens.push(literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`);
      });
      const out: string[] = [];
      let current = "";
      for (const token of tokens) {
        if (current.length + token.length > 75) {
          out.push(`${current}=`);
          current = "";
        }
        current += token;
      }
      out.push(current);
      return out.join("\r\n");
    })
    .join("\r\n");
}

/** RFC 2047 B-encoded words (each at most 75 characters), split on character boundaries. */
export function encodedWords(value: string): string[] {
  const words: string[] = [];
  let chunk = "";
  const maxBytes = 39; // base64 of 39 bytes is 52 chars: with "=?UTF-8?B?…?=" a word is 64, leaving room for "Subject: "
  for (const char of value) {
    if (Buffer.byteLength(chunk + char, "utf8") > maxBytes) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`);
}

function encodedHeader(name: string, value: string): string {
  const clean = singleLine(value);
  if (/^[\x20-\x7e]*$/.test(clean) && !/=\?/.test(clean)) return header(name, clean);
  return header(name, encodedWords(clean).join(" "));
}

/** A header line, folded at spaces to stay near 78 characters. */
function header(name: string, value: string): string {
  const words = singleLine(value).split(" ");
  const lines: string[] = [];
  let current = `${name}:`;
  for (const word of words) {
    if (current.length + 1 + word.length > 78 && current.length > name.length + 1) {
      lines.push(current);
      current = "";
    }
    current += ` ${word}`;
  }
  lines.push(current);
  return lines.join("\r\n");
}

function address(recipient: Recipient): string {
  const email = recipient.email.trim();
  if (!/^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+$/.test(email)) {
    throw new Error(`buildEml: not an e-mail address: ${JSON.stringify(recipient.email)}`);
  }
  const name = singleLine(recipient.name ?? "").trim();
  if (!name) return email;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : encodedWords(name).join(" ");
  return `${display} <${email}>`;
}

/** Header values cannot carry line breaks (header injection): they become spaces. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ");
}

function rfc5322Date(date: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n: number) => String(n).padStart(2, "0");
  return `${days[date.getUTCDay()] ?? ""}, ${two(date.getUTCDate())} ${months[date.getUTCMonth()] ?? ""} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}
