import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { buildEml, type EmlInput } from "../../../server/graph/buildEml";

function recap(overrides: Partial<EmlInput> = {}): EmlInput {
  return {
    from: { email: "pat@contoso.example", name: "Pat Manager" },
    to: [{ email: "dana@customer.example", name: "Dana Customer" }],
    cc: [{ email: "lee@contoso.example" }],
    subject: "Riverbend weekly status — recap",
    text: "Decisions:\n- Go-live moves to 12 Jan\n",
    html: '<p>Decisions: <b>go-live</b> moves to 12&nbsp;Jan</p>\n<script>alert("x")</script>',
    date: new Date("2026-11-24T15:04:05Z"),
    messageId: "recap.r-1@callbook.local",
    headers: { "X-Callbook-Recap-Id": "r-1" },
    ...overrides,
  };
}

/** The .eml as a mail client reads it: mailparser (a real MIME parser, independent of nodemailer's composer). */
async function read(eml: string): Promise<ParsedMail> {
  return simpleParser(eml);
}

const people = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));

/** The names of the top-level header lines, as a mail server splits them (lower case). */
const headerNames = (eml: string) =>
  eml
    .slice(0, eml.indexOf("\r\n\r\n"))
    .split("\r\n")
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(":")).toLowerCase());

describe("buildEml (nodemailer MailComposer, read back with mailparser)", () => {
  it("writes a message with the sender, recipients, date, Message-ID, a text and an HTML part", async () => {
    const input = recap();
    const eml = await buildEml(input);
    const mail = await read(eml);

    expect(people(mail.from)).toEqual([{ name: "Pat Manager", address: "pat@contoso.example" }]);
    expect(people(mail.to)).toEqual([{ name: "Dana Customer", address: "dana@customer.example" }]);
    expect(people(mail.cc)).toEqual([{ name: "", address: "lee@contoso.example" }]);
    expect(mail.subject).toBe(input.subject);
    expect(mail.date?.toISOString()).toBe("2026-11-24T15:04:05.000Z");
    expect(mail.messageId).toBe("<recap.r-1@callbook.local>");
    expect(mail.headers.get("x-callbook-recap-id")).toBe("r-1");
    expect(mail.headers.get("mime-version")).toBe("1.0");
    expect(mail.text).toBe(input.text);
    expect(mail.html).toBe(input.html);
    expect(mail.attachments).toEqual([]);
    expect(eml).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(eml.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("round-trips a non-ASCII subject and display names, and punycodes an international domain", async () => {
    const subject = "Récap: comité de pilotage — 🚀 ".repeat(3).trim();
    const eml = await buildEml(
      recap({ subject, to: [{ email: "zoe@bücher.example", name: "Zoë Ångström" }, { email: "kenji@example.jp", name: "山田 健二" }] }),
    );
    const mail = await read(eml);

    expect(mail.subject).toBe(subject);
    expect(people(mail.to)).toEqual([
      { name: "Zoë Ångström", address: "zoe@bücher.example" },
      { name: "山田 健二", address: "kenji@example.jp" },
    ]);
    expect(eml).toContain("<zoe@xn--bcher-kva.example>");
    for (const line of eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
  });

  it("folds long header words and long body lines within the line limits, and they read back whole", async () => {
    const word = `Supercalifragilistic${"x".repeat(120)}`;
    const text = `${"a=b ".repeat(40)}\n${"日本語のテキスト".repeat(30)}\nend `;
    const eml = await buildEml(recap({ subject: `Status ${word} done`, text }));
    // RFC 5322 2.1.1: folding happens at white space, so a 140-character ASCII word keeps a line of its
    // own (within the 998 limit); every other line stays within 78.
    for (const line of eml.split("\r\n")) {
      expect(line.length).toBeLessThanOrEqual(998);
      if (line.trim() !== word) expect(line.length, line).toBeLessThanOrEqual(78);
    }
    const mail = await read(eml);
    expect(mail.subject).toBe(`Status ${word} done`);
    expect(mail.text).toBe(text);
  });

  it("attaches an .ics invite beside the text and HTML", async () => {
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Riverbend weekly status\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const input = recap({ attachments: [{ filename: "invite.ics", contentType: "text/calendar; method=REQUEST; charset=utf-8", content: ics }] });
    const mail = await read(await buildEml(input));
    expect(mail.text).toBe(input.text);
    expect(mail.html).toBe(input.html);
    expect(mail.attachments.map((a) => ({ filename: a.filename, type: a.contentType, content: a.content.toString("utf8") }))).toEqual([
      { filename: "invite.ics", type: "text/calendar", content: ics },
    ]);
  });

  it("does not let line breaks in a subject, name or extra header start new headers", async () => {
    const eml = await buildEml(
      recap({
        subject: "Hello\r\nBcc: victim@evil.example",
        from: { email: "pat@contoso.example", name: "Pat\nX-Injected: 1" },
        headers: { "X-Callbook-Recap-Id": "r-1\r\nBcc: other@evil.example" },
      }),
    );
    expect(headerNames(eml)).not.toContain("bcc");
    expect(headerNames(eml)).not.toContain("x-injected");
    const mail = await read(eml);
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has("x-injected")).toBe(false);
    expect(mail.subject).toBe("Hello Bcc: victim@evil.example");
    expect(people(mail.from)).toEqual([{ name: "Pat X-Injected: 1", address: "pat@contoso.example" }]);
  });

  it("refuses an address that smuggles a header, a bad Message-ID, no recipient and a non-X- extra header", async () => {
    await expect(buildEml(recap({ to: [{ email: "a@b.example>\r\nBcc: c@d.example" }] }))).rejects.toThrow(/not an e-mail/);
    await expect(buildEml(recap({ cc: [{ email: "a@b.example, c@d.example" }] }))).rejects.toThrow(/not an e-mail/);
    await expect(buildEml(recap({ messageId: "two words@x" }))).rejects.toThrow(/invalid Message-ID/);
    await expect(buildEml(recap({ to: [] }))).rejects.toThrow(/at least one To/);
    await expect(buildEml(recap({ headers: { Bcc: "c@d.example" } }))).rejects.toThrow(/must start with X-/);
  });
});
