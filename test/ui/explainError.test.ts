import { describe, expect, it } from "vitest";
import { explainError } from "../../src/ui/explainError";
import { ApiError } from "../../src/api/client";

// Issue 15 §4: every host and sign-in error reads as a sentence a PM understands, with the next step.

describe("explainError", () => {
  it("a Teams sign-in refused with resourceDisabled names the administrator's consent as the next step", () => {
    const e = explainError(new Error("resourceDisabled"));
    expect(e.title).toBe("Teams did not sign you in to Callbook");
    expect(e.nextStep).toMatch(/administrator to grant admin consent/);
    expect(`${e.title} ${e.message}`).not.toContain("resourceDisabled");
  });

  it("the API's consent_required asks for permission, not a code", () => {
    const e = explainError(new ApiError(403, "consent_required", "consent_required", null));
    expect(e.title).toBe("Callbook needs your permission to use your mail and calendar");
    expect(e.nextStep).toMatch(/Grant permission/);
  });

  it.each([new TypeError("Failed to fetch"), new TypeError("NetworkError when attempting to fetch resource."), new Error("Load failed")])(
    "a network failure (%s) says the server could not be reached and to try again",
    (error) => {
      const e = explainError(error);
      expect(e.title).toBe("Callbook could not reach its server");
      expect(e.nextStep).toBe("Check your network connection, then choose Try again.");
    },
  );

  it("an unknown bare code still gets a sentence and a next step, never the code as the message", () => {
    const e = explainError("someNewHostCode");
    expect(e.message).toBe("An unexpected error stopped this step.");
    expect(e.nextStep).toMatch(/Try again/);
    expect(e.code).toBe("someNewHostCode");
  });
});
