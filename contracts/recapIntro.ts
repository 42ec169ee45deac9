import { escapeHtml } from "../../contracts/escapeHtml";

/** The personal message above the recap, placed and styled as the server does when it sends. */
export function recapWithIntro(html: string, intro: string): string {
  const text = intro.trim();
  if (!text) return html;
  const paragraph = `<div style="max-width:640px;margin:16px auto 0;font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:20px;color:#111827;white-space:pre-wrap;">${escapeHtml(text)}</div>`;
  return /<body[^>]*>/i.test(html) ? html.replace(/<body[^>]*>/i, (b) => `${b}${paragraph}`) : `${paragraph}${html}`;
}
