import { describe, expect, it } from "vitest";
import { explainError } from "../../src/ui/explainError";
import { ApiError } from "../../src/api/client";
import { HostCapabilityError } from "../../src/host/hostCapabilityError";
import { inlineErrorText } from "../../src/ui/explainError";

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

  it("a host that lacks a capability (teams-js isSupported() false) reads as a sentence with where to go instead, never the code", () => {
    const e = explainError(new HostCapabilityError("tab-config", "not_supported", "settings"));
    expect(e.title).toBe("Teams cannot do this here");
    expect(e.message).toBe("Setting up the Callbook tab is not something this Teams app version or device offers.");
    expect(e.nextStep).toMatch(/Update Teams/);
    expect(`${e.title} ${e.message} ${e.nextStep}`).not.toMatch(/not_supported|tab-config|host_capability/);
    expect(e.code).toBe("host_capability:tab-config:not_supported");
  });

  it("the consent prompt asked for outside Teams says so inline, in words", () => {
    expect(inlineErrorText(new HostCapabilityError("consent", "not_in_teams", "browser"))).toBe(
      "Asking for your permission only works inside Microsoft Teams, and this page is open in a browser. Open Callbook from a Teams meeting, then choose the permission button again.",
    );
    expect(inlineErrorText(new Error("cancelledByUser"))).toBe("cancelledByUser");
  });
});
