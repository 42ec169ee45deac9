import { it } from "vitest";
import { openParticipant, startTeamsSession } from "./teamsSession";
import { hostState } from "../support/teamsHost/teamsHost";

it("debug", async () => {
  const s = await startTeamsSession();
  try {
    const p = await openParticipant(s, "dana");
    const logs: string[] = [];
    p.page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
    await new Promise((r) => setTimeout(r, 6000));
    console.log("HOST", JSON.stringify(await hostState(p.page)));
    console.log("TEXT", (await p.frame.locator("body").innerText()).slice(0, 1500));
    console.log("URL", p.frame.url());
    console.log("LS", await p.frame.evaluate(() => { try { localStorage.setItem("x", "1"); return "ok " + localStorage.getItem("callbook.credential") + " " + location.origin; } catch (e) { return String(e); } }));
    console.log(logs.slice(0, 30).join("\n"));
    console.log(s.server.logs.join("").split("\n").filter((l) => l.includes("statusCode")).slice(-20).map((l) => l.slice(0, 250)).join("\n"));
  } finally {
    await s.close();
  }
}, 60000);
