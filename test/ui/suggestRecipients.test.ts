import { describe, expect, it } from "vitest";
import { suggestRecipients } from "../../src/ui/RecipientsField";

const people = [
  { name: "Dana Whitfield", email: "dana.whitfield@contoso.com" },
  { name: "Grace Kim", email: "grace.kim@contoso.com" },
  { name: "Rachel Stone", email: "rstone@riverbendutilities.com" },
];

describe("the recipients field's suggestions", () => {
  it("lists only the people whose name or address contains what is typed (the new user typed 'Grace' and got Dana first)", () => {
    expect(suggestRecipients("Grace", people).map((p) => p.name)).toEqual(["Grace Kim"]);
    expect(suggestRecipients(" grace ", people).map((p) => p.name)).toEqual(["Grace Kim"]);
    expect(suggestRecipients("riverbend", people).map((p) => p.name)).toEqual(["Rachel Stone"]);
    expect(suggestRecipients("nobody", people)).toEqual([]);
    expect(suggestRecipients("", people)).toHaveLength(3);
  });
});
