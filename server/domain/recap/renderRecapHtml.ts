import type { Rag } from "../../../contracts/types";
import { escapeHtml } from "../../../contracts/escapeHtml";
import { ragWords, type RecapBlock, type RecapBullet, type RecapDocument, type RecapSection } from "./recapDocument";

// E-mail-safe HTML: a complete document, table layout, inline styles only (mail clients
// drop <style> blocks), no scripts, no images. Every string of the document is escaped
// here and nowhere else; the markup around it is constant.

const FONT = "font-family:'Segoe UI',Helvetica,Arial,sans-serif;";
const TEXT = "#1f2328";
const MUTED = "#57606a";

const pillColours: Record<Rag, { background: string; color: string }> = {
  green: { background: "#107c10", color: "#ffffff" },
  amber: { background: "#ffb900", color: "#1f2328" },
  red: { background: "#c50f1f", color: "#ffffff" },
};

const e = escapeHtml;
/** Escaped text with its line breaks kept. */
const lines = (s: string): string => e(s).replace(/\r\n|\r|\n/g, "<br>");

function ragPill(rag: Rag): string {
  const { background, color } = pillColours[rag];
  return (
    `<span style="display:inline-block;padding:2px 12px;border-radius:12px;background:${background};color:${color};` +
    `font-weight:bold;font-size:13px;line-height:20px;">${e(ragWords[rag])}</span>`
  );
}

function tag(word: string): string {
  return (
    `<span style="display:inline-block;padding:0 6px;margin-right:6px;border:1px solid #8c959f;border-radius:4px;` +
    `color:${MUTED};font-size:11px;line-height:16px;text-transform:uppercase;">${e(word)}</span>`
  );
}

function bullet(b: RecapBullet): string {
  const tags = (b.tags ?? []).map(tag).join("");
  const details = (b.details ?? []).map((d) => `<br><span style="color:${MUTED};font-size:13px;">${lines(d)}</span>`).join("");
  const text = b.href && /^https:\/\//i.test(b.href) ? `<a href="${e(b.href)}" style="color:#0f6cbd;">${lines(b.text)}</a>` : lines(b.text);
  return `<li style="margin:0 0 8px 0;">${tags}${text}${details}</li>`;
}

function block(b: RecapBlock): string {
  switch (b.kind) {
    case "subheading":
      return `<h3 style="margin:16px 0 6px 0;font-size:15px;color:${TEXT};">${e(b.text)}</h3>`;
    case "paragraph":
      return `<p style="margin:0 0 8px 0;">${b.lead ? `<strong>${e(b.lead)}</strong> ` : ""}${lines(b.text)}</p>`;
    case "bullets":
      return `<ul style="margin:0 0 8px 0;padding:0 0 0 20px;">${b.bullets.map(bullet).join("")}</ul>`;
    case "rag":
      return `<p style="margin:0 0 8px 0;"><strong>RAG status:</strong> ${ragPill(b.rag)}</p>`;
    case "empty":
      return `<p style="margin:0 0 8px 0;color:${MUTED};font-style:italic;">${e(b.text)}</p>`;
  }
}

function section(s: RecapSection): string {
  return (
    `<tr><td style="padding:16px 24px 0 24px;">` +
    `<h2 style="margin:0 0 10px 0;padding:0 0 6px 0;border-bottom:2px solid #d0d7de;font-size:17px;color:${TEXT};">${e(s.heading)}</h2>` +
    s.blocks.map(block).join("") +
    `</td></tr>`
  );
}

export function renderRecapHtml(doc: RecapDocument): string {
  const notice = doc.notice
    ? `<tr><td style="padding:12px 24px;background:#fff4ce;border-left:4px solid #8a6d00;color:${TEXT};font-size:13px;">` +
      `<strong>${e(doc.notice)}</strong></td></tr>`
    : "";
  const meta = doc.meta.map((m) => `<p style="margin:0 0 4px 0;color:${MUTED};font-size:13px;">${e(m)}</p>`).join("");
  const footer = doc.footer.map((f) => `<p style="margin:0 0 4px 0;">${e(f)}</p>`).join("");
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(doc.title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;">`,
    `<tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" ` +
      `style="width:100%;max-width:640px;background:#ffffff;border:1px solid #d0d7de;${FONT}font-size:14px;line-height:1.5;color:${TEXT};">`,
    notice,
    `<tr><td style="padding:20px 24px 4px 24px;">`,
    `<h1 style="margin:0 0 8px 0;font-size:20px;line-height:1.3;color:${TEXT};">${e(doc.title)}</h1>${meta}</td></tr>`,
    ...doc.sections.map(section),
    `<tr><td style="padding:20px 24px 20px 24px;color:${MUTED};font-size:12px;">${footer}</td></tr>`,
    "</table></td></tr></table></body></html>",
  ].join("\n");
}
