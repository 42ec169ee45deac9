import { describe, expect, it } from "vitest";
import { newSignedInContext, useServerAndChromium } from "../support/browser";
import { demoProjectId, devAuth } from "../support/testApp";

// Issue 15 §5: under CALLBOOK_NOW the browser shows the server's moment, not its own clock.
// The set clock (Thu 3 Dec 2026, 4 pm New York) is days after the machine's real date, so a
// page reading the browser's clock would show another "today". Needs the built front end.
describe("the UI on a set clock (CALLBOOK_NOW=2026-12-03T16:00:00-05:00)", () => {
  const e2e = useServerAndChromium({ env: { CALLBOOK_NOW: "2026-12-03T16:00:00-05:00" }, timeoutMs: 180_000 });

  it("the project page counts down from 3 Dec and a RAID item due 2 Dec is past due; a new series starts on 3 Dec", async () => {
    const projectId = demoProjectId();
    const res = await fetch(`${e2e.server.url}/api/projects/${projectId}/raid`, {
      method: "POST",
      headers: { authorization: devAuth("dana"), "content-type": "application/json" },
      body: JSON.stringify({ kind: "action", title: "Send the UAT test accounts", dueDate: "2026-12-02" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-callbook-now")?.slice(0, 13)).toBe("2026-12-03T21");

    const context = await newSignedInContext(e2e.browser, devAuth("dana"), { viewport: { width: 1100, height: 900 }, timezoneId: "America/New_York" });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/projects/${projectId}`);
    await page.getByText("42 days to go-live (").waitFor();
    const row = page.getByRole("table", { name: "RAID log" }).getByRole("row").filter({ hasText: "Send the UAT test accounts" });
    await row.waitFor();
    expect(await row.getByText("Past due").count()).toBe(1);

    await page.goto(`${e2e.server.url}/projects/${projectId}/series`);
    const firstDay = page.getByLabel("First day");
    await firstDay.waitFor();
    expect(await firstDay.inputValue()).toBe("2026-12-03");
    await context.close();
  });
});
