// Teams join links read out of an appointment's location or body.

const teamsJoin = /https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^\s<>"'()[\]]+/i;
const safeLinks = /https:\/\/[a-z0-9.-]*safelinks\.protection\.outlook\.com\/[^\s<>"'()[\]]+/gi;

/**
 * The first Teams join link in a text (an appointment's location or plain-text body), also when
 * Defender for Office has wrapped it in a Safe Links redirect. Trailing punctuation is dropped.
 */
export function findTeamsJoinUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  const direct = teamsJoin.exec(text);
  if (direct) return trimUrl(direct[0]);
  for (const wrapped of text.match(safeLinks) ?? []) {
    try {
      const inner = new URL(wrapped).searchParams.get("url");
      const m = inner ? teamsJoin.exec(inner) : null;
      if (m) return trimUrl(m[0]);
    } catch {
      // not a URL after all
    }
  }
  return null;
}

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?>]+$/, "");
}

