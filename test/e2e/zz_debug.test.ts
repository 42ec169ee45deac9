import { it } from "vitest";
import { openParticipant, startTeamsSession, waitUntilLive } from "./teamsSession";

it("debug", async () => {
  const s = await startTeamsSession();
  try {
    const p = await openParticipant(s, "dana", { height: 1700 });
    await waitUntilLive(p.frame);
    await p.frame.locator("[data-agenda-item]").first().waitFor();
    console.log(await p.frame.evaluate(() => {
      const out: string[] = [`doc ${document.documentElement.scrollWidth} ${document.documentElement.clientWidth}`];
      for (const el of Array.from(document.querySelectorAll("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > 321) out.push(`${el.tagName}.${el.className.toString().slice(0, 30)} ${Math.round(r.left)}-${Math.round(r.right)} ${(el.textContent ?? "").slice(0, 30)}`);
      }
      return out.slice(0, 30).join("\n");
    }));
  } finally {
    await s.close();
  }
}, 60000);
