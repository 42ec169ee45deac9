import { describe, expect, it } from "vitest";
import { buildEml, encodedWords, quotedPrintable, type EmlInput } from "../../../server/graph/buildEml";

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
    boundary: "b-123",
    ...overrides,
  };
}

/** A small MIME reader for the test: unfolded headers and the decoded parts of multipart/alternative. */
function read(eml: string) {
  const [head = "", body = ""] = eml.split("\r\n\r\n", 2).length === 2 ? [eml.slice(0, eml.indexOf("\r\n\r\n")), eml.slice(eml.indexOf("\r\n\r\n") + 4)] : [];
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers.get("content-type") ?? "")?.[1] ?? "";
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((raw) => {
      const split = raw.indexOf("\r\n\r\n");
      const partHead = raw.slice(0, split);
      const content = raw.slice(split + 4).replace(/\r\n$/, "");
      return { type: /Content-Type: ([^;]+)/.exec(partHead)?.[1], text: decodeQuotedPrintable(content) };
    });
  return { headers, parts, ended: body.includes(`--${boundary}--`) };
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const source = value.replace(/=\r\n/g, "");
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "=") {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(source.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8").replace(/\r\n/g, "\n");
}

function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_m, b64: string) => Buffer.from(b64, "base64").toString("utf8"));
}

describe("buildEml", () => {
  it("writes a multipart/alternative message with a text and an HTML part", () => {
    const input = recap();
    const { headers, parts, ended } = read(buildEml(input));

    expect(headers.get("from")).toBe('"Pat Manager" <pat@contoso.example>');
    expect(headers.get("to")).toBe('"Dana Customer" <dana@customer.example>');
    expect(headers.get("cc")).toBe("lee@contoso.example");
    expect(headers.get("date")).toBe("Tue, 24 Nov 2026 15:04:05 +0000");
    expect(headers.get("message-id")).toBe("<recap.r-1@callbook.local>");
    expect(headers.get("mime-version")).toBe("1.0");
    expect(headers.get("x-callbook-recap-id")).toBe("r-1");
    expect(headers.get("content-type")).toBe('multipart/alternative; boundary="b-123"');
    expect(parts.map((p) => p.type)).toEqual(["text/plain", "text/html"]);
    expect(parts[0]?.text).toBe(input.text);
    expect(parts[1]?.text).toBe(input.html);
    expect(ended).toBe(true);
  });

  it("encodes a non-ASCII subject and display name as RFC 2047 words", () => {
    const subject = "Récap: comité de pilotage — 🚀 ".repeat(3).trim();
    const eml = buildEml(recap({ subject, to: [{ email: "zoe@customer.example", name: "Zoë Ångström" }] }));
    const { headers } = read(eml);

    expect(headers.get("subject")).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(headers.get("subject") ?? "")).toBe(subject);
    expect(decodeWords(headers.get("to") ?? "")).toBe("Zoë Ångström<zoe@customer.example>");
    for (const line of eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
  });

  it("does not let line breaks in a subject or name start new headers", () => {
    const eml = buildEml(recap({ subject: "Hello\r\nBcc: victim@evil.example", from: { email: "pat@contoso.example", name: "Pat\nX-Injected: 1" } }));
    const { headers } = read(eml);
    expect(headers.has("bcc")).toBe(false);
    expect(headers.has("x-injected")).toBe(false);
    expect(headers.get("subject")).toBe("Hello Bcc: victim@evil.example");
    expect(() => buildEml(recap({ to: [{ email: "a@b.example>\r\nBcc: c@d.example" }] }))).toThrow(/not an e-mail/);
  });

  it("quoted-printable keeps lines within 76 characters and encodes '=' and trailing spaces", () => {
    const encoded = quotedPrintable(`${"a=b ".repeat(40)}\nend `);
    for (const line of encoded.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    expect(encoded).toContain("a=3Db");
    expect(encoded.endsWith("end=20")).toBe(true);
    expect(decodeQuotedPrintable(encoded)).toBe(`${"a=b ".repeat(40)}\nend `);
  });

  it("encoded words stay within 75 characters and never split a character", () => {
    for (const word of encodedWords("日本語のテキスト".repeat(10))) {
      expect(word.length).toBeLessThanOrEqual(75);
      expect(decodeWords(word)).not.toContain("\uFFFD");
    }
  });
});
