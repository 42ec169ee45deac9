import { escapeHtml } from "./escapeHtml";

/**
 * The personal message above the recap's HTML: trimmed, escaped, styled, and placed right after
 * `<body …>` (any case), or in front when the HTML has no body tag. A blank message changes
 * nothing. One function for both sides: the Outlook pane's preview/draft and the server's send.
 */
export function recapWithIntro(html: string, intro: string): string {
  const text = intro.trim();
  if (!text) return html;
  const paragraph = `<div style="max-width:640px;margin:16px auto 0;font-family:Segoe UI,Arial,sans-serif;font-size:14px;line-height:20px;color:#111827;white-space:pre-wrap;">${escapeHtml(text)}</div>`;
  return /<body[^>]*>/i.test(html) ? html.replace(/<body[^>]*>/i, (b) => `${b}${paragraph}`) : `${paragraph}${html}`;
}

/** The same message above the recap's plain-text part, separated by a blank line; blank changes nothing. */
export function recapTextWithIntro(text: string, intro: string): string {
  const message = intro.trim();
  return message ? `${message}\n\n${text}` : text;
}
