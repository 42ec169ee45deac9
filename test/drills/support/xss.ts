import ICAL from "ical.js";
import { simpleParser } from "mailparser";

// Payloads for the output-safety drill, and the checks that they stayed text: in HTML (no tag
// carries them), in an .eml (no injected header, HTML part as above) and in an .ics (RFC 5545
// escaping: a parser reads back exactly the text that was put in, and nothing more).

/** Script vectors, tagged so that a dialog names the field that let it through. Under 300 characters. */
export const xss = (tag: string): string =>
  `<img src=x onerror=alert("${tag}")><script>alert("${tag}")</script>"><svg onload=alert("${tag}")>'-alert("${tag}")-'</textarea><a href="javascript:alert('${tag}')">${tag}</a>`;

/** A shorter set, for fields of at most 200 characters. */
export const xssShort = (tag: string): string => `<img src=x onerror=alert("${tag}")><svg onload=alert("${tag}")>`;

/** What a browser shows for a payload rendered as text (its start suffices to find it). */
export const visibleStart = (tag: string): string => `<img src=x onerror=alert("${tag}")>`;

/** Every tag in an HTML string that carries an event handler, a javascript: URL, or is a script/svg/iframe/object/embed. */
export function dangerousTags(html: string): string[] {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return tags.filter((tag) => /^<(script|svg|iframe|object|embed)\b/i.test(tag) || /\son[a-z]+\s*=/i.test(tag) || /javascript:/i.test(tag));
}

/** Raw payload pieces that must never appear in HTML unescaped ("onerror=" as escaped text is fine: dangerousTags looks inside tags). */
export function unescapedPayloads(html: string): string[] {
  return ["<script", "<img src=x", "<svg onload", "</textarea>", `"><svg`].filter((p) => html.toLowerCase().includes(p.toLowerCase()));
}

export interface EmlCheck {
  headerNames: string[];
  html: string;
}

/** The header names of an .eml's top-level header block, and its HTML part as mailparser (a real MIME parser) decodes it. */
export async function readEml(eml: string): Promise<EmlCheck> {
  const head = eml.slice(0, eml.search(/\r?\n\r?\n/));
  const headerNames = head
    .split(/\r?\n/)
    .filter((line) => !/^\s/.test(line))
    .map((line) => line.split(":")[0]?.toLowerCase() ?? "");
  const mail = await simpleParser(eml);
  return { headerNames, html: typeof mail.html === "string" ? mail.html : "" };
}

export interface IcsCheck {
  summary: string;
  altDescription: string;
  attendeeNames: string[];
  attendeeCount: number;
  propertyNames: string[];
  componentNames: string[];
}

/** What a calendar client reads from an .ics: the event's properties after RFC 5545 unescaping. */
export function readIcs(ics: string): IcsCheck {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const attendees = vevent.getAllProperties("attendee");
  return {
    summary: String(vevent.getFirstPropertyValue("summary") ?? ""),
    altDescription: String(vevent.getFirstPropertyValue("x-alt-desc") ?? ""),
    attendeeNames: attendees.map((a) => String(a.getParameter("cn") ?? "")),
    attendeeCount: attendees.length,
    propertyNames: vevent.getAllProperties().map((p) => p.name),
    componentNames: [...calendar.getAllSubcomponents(), ...vevent.getAllSubcomponents()].map((c) => c.name),
  };
}

/** The text buildIcs puts in a TEXT value: C0 controls other than tab and line breaks dropped. */
export const icsText = (value: string): string => [...value].filter((c) => c === "\t" || c === "\n" || c === "\r" || (c >= " " && c !== "\u007f")).join("").replace(/\r\n|\r/g, "\n");
