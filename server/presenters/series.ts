import { callTypeDefinitions } from "../../contracts/callTypeDefinitions";
import { escapeHtml } from "../../contracts/escapeHtml";
import type { CallType } from "../../contracts/types";

/**
 * A series invite's HTML body: what the call is for (callTypeDefinitions) and its agenda outline,
 * every text HTML-escaped.
 */
export function agendaOutlineHtml(callType: CallType, projectName: string): string {
  const d = callTypeDefinitions[callType];
  const items = d.agenda.map((i) => `<li>${escapeHtml(i.title)}</li>`).join("");
  return `<p>${escapeHtml(d.purpose)}</p><p><b>${escapeHtml(projectName)}</b> — ${escapeHtml(d.label)}</p><ol>${items}</ol><p>The live agenda opens in Callbook in the meeting's side panel.</p>`;
}
