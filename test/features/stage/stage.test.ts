import { describe, expect, it } from "vitest";
import type { CapturedItemDto } from "../../../contracts/capture";
import type { StageCaptureDto } from "../../../contracts/stage";
import { applyStageEvent } from "../../../src/features/stage/stageModel";
import { stageUrl, ticketFromHash } from "../../../src/features/stage/stageLink";
import { explainStageShareError } from "../../../src/features/stage/stageErrors";
import { StageShareError } from "../../../src/host/host";
import { ApiError } from "../../../src/api/client";

const meetingId = "0b3f7a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
const item = (over: Partial<CapturedItemDto>): CapturedItemDto => ({
  id: "i1",
  kind: "action",
  title: "Send the cutover checklist",
  description: null,
  ownerId: null,
  ownerName: null,
  dueDate: null,
  status: "open",
  internalOnly: false,
  agendaItemKey: null,
  raisedInMeetingId: meetingId,
  provider: null,
  deliverable: null,
  recipient: null,
  neededFor: null,
  decidedBy: null,
  decidedAt: null,
  reportedBy: null,
  reportedAt: null,
  location: null,
  reproSteps: null,
  createdBy: null,
  version: 1,
  updatedAt: "2026-11-18T20:00:00.000Z",
  ...over,
});
const empty: StageCaptureDto = { meetingId, subject: "Riverbend weekly status", items: [], carriedOver: [], notes: [], agendaState: { currentAgendaItemKey: null, discussed: [] }, lastEventId: 4 };

describe("the stage's live model", () => {
  it("adds this meeting's new items, replaces changed ones, and ignores other meetings' items", () => {
    const added = applyStageEvent(empty, { id: 5, type: "item", entity: item({}) });
    expect(added.items.map((i) => i.title)).toEqual(["Send the cutover checklist"]);
    const closed = applyStageEvent(added, { id: 6, type: "item", entity: item({ status: "closed", version: 2 }) });
    expect(closed.items).toMatchObject([{ status: "closed", version: 2 }]);
    expect(applyStageEvent(closed, { id: 7, type: "item", entity: item({ id: "i2", raisedInMeetingId: "another" }) }).items).toHaveLength(1);
  });
  it("follows the agenda's current item, and drops an item that arrives flagged internal only", () => {
    expect(applyStageEvent(empty, { id: 5, type: "agenda", entity: { currentAgendaItemKey: "rag", discussed: [] } }).agendaState.currentAgendaItemKey).toBe("rag");
    const added = applyStageEvent(empty, { id: 5, type: "item", entity: item({}) });
    expect(applyStageEvent(added, { id: 6, type: "item", entity: item({ internalOnly: true }) }).items).toEqual([]);
  });
  it("drops an item the stream says was removed (it became internal only), and keeps the others", () => {
    const two = applyStageEvent(applyStageEvent(empty, { id: 5, type: "item", entity: item({}) }), { id: 6, type: "item", entity: item({ id: "i2", title: "Book the UAT room" }) });
    const after = applyStageEvent(two, { id: 7, type: "removed", entity: { kind: "item", id: "i1" } });
    expect(after.items.map((i) => i.title)).toEqual(["Book the UAT room"]);
    expect(applyStageEvent(after, { id: 8, type: "removed", entity: { kind: "note", id: "n1" } })).toEqual(after);
  });
});

describe("the stage link", () => {
  it("carries the ticket in the fragment, and reads it back", () => {
    const url = stageUrl("https://callbook.example.com", meetingId, "a.b-c_d");
    expect(url).toBe(`https://callbook.example.com/stage/${meetingId}#ticket=a.b-c_d`);
    expect(ticketFromHash(new URL(url).hash)).toBe("a.b-c_d");
    expect(ticketFromHash("")).toBeNull();
  });
});

describe("share-to-stage failures in PM words", () => {
  it.each([
    ["no permission (PERMISSION_DENIED)", new StageShareError("no-permission", 1000, "denied"), "Only the organiser and presenters can share to the stage."],
    ["not supported here", new StageShareError("unsupported", 501, "x"), "works from the Callbook side panel during the meeting"],
    ["cancelled (USER_ABORT)", new StageShareError("declined", 8000, "x"), "Sharing was cancelled."],
    ["any other host error", new StageShareError("failed", 500, "x"), "Teams did not start the share."],
    ["a ticket refused for an internal call", new ApiError(403, "forbidden", "x", null), "an internal call has none"],
  ])("%s", (_what, err, sentence) => {
    expect(explainStageShareError(err).message).toContain(sentence);
  });
});
