import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OfficeMockObject } from "office-addin-mock";
import { connectOutlook } from "../../src/host/outlook/connectOutlook";
import {
  createOutlookHost,
  findTeamsJoinUrl,
  OutlookHostError,
  type OfficeLike,
  type OutlookHost,
} from "../../src/host/outlook/officeHost";

// The adapter against office-addin-mock's Outlook object: the mock keeps functions, Dates and
// arrays as given and turns nested objects into mock objects whose fields read as plain values.

type Host = ConstructorParameters<typeof OfficeMockObject>[1];
const outlook = "outlook" as Host;

interface Result<T> {
  status: "succeeded" | "failed";
  value?: T;
  error?: { code: number; name: string; message: string };
}
type Callback<T> = (result: Result<T>) => void;
const ok = <T>(value: T): Result<T> => ({ status: "succeeded", value });
const failed = (message: string, code = 9002): Result<never> => ({ status: "failed", error: { code, name: "InternalServerError", message } });
/** Office's (…args, options?, callback) signature: the callback is the last function. */
const lastCallback = <T>(args: unknown[]): Callback<T> => args.filter((a): a is Callback<T> => typeof a === "function").pop() ?? (() => {});

const joinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_m_cust%40thread.v2/0";
const dana = { emailAddress: "dana.whitfield@contoso.com", displayName: "Dana Whitfield" };
const rachel = { emailAddress: "rachel.stone@riverbendutilities.com", displayName: "Rachel Stone" };
const priya = { emailAddress: "priya.raman@contoso.com", displayName: "Priya Raman" };
const start = new Date("2026-11-23T19:45:00.000Z");
const end = new Date("2026-11-23T20:30:00.000Z");

function officeData(item: Record<string, unknown>, extra: { mailboxVersion?: string; mailbox?: Record<string, unknown> } = {}) {
  const version = extra.mailboxVersion ?? "1.8";
  return {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Outlook", platform: "PC" };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      mailbox: {
        item,
        convertToRestId: (id: string, version: string) => `rest(${version}):${id.replace(/\//g, "-")}`,
        ...extra.mailbox,
      },
      requirements: {
        isSetSupported: (name: string, min?: string) => name === "Mailbox" && Number(min ?? "1.1") <= Number(version),
      },
    },
    CoercionType: { Html: "html", Text: "text" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { RestVersion: { v2_0: "v2.0" }, ItemType: { Appointment: "appointment", Message: "message" } },
  };
}

const asOffice = (mock: OfficeMockObject) => mock as unknown as OfficeLike;

/** Organizer (compose) mode: every field behind getAsync; records what was set. */
function organizerMock(options: { failures?: Record<string, string>; itemId?: string | null; mailboxVersion?: string; body?: string } = {}) {
  const set: { required?: unknown; optional?: unknown; prepended?: { html: unknown; options: unknown }[] } = { prepended: [] };
  const get = (field: string, value: unknown) => ({
    getAsync: (...args: unknown[]) => {
      const failure = options.failures?.[field];
      lastCallback(args)(failure ? failed(failure) : ok(value));
    },
  });
  const item = {
    itemType: "appointment",
    subject: get("subject", "Riverbend weekly status sync"),
    start: get("start", start),
    end: get("end", end),
    location: get("location", "Microsoft Teams Meeting"),
    organizer: get("organizer", dana),
    requiredAttendees: {
      ...get("requiredAttendees", [rachel]),
      setAsync: (list: unknown, ...args: unknown[]) => {
        set.required = list;
        lastCallback(args)(ok(undefined));
      },
    },
    optionalAttendees: {
      ...get("optionalAttendees", [priya]),
      setAsync: (list: unknown, ...args: unknown[]) => {
        set.optional = list;
        lastCallback(args)(ok(undefined));
      },
    },
    body: {
      getAsync: (coercion: unknown, ...args: unknown[]) =>
        lastCallback(args)(coercion === "text" ? ok(options.body ?? `Join the meeting now<${joinUrl}>`) : ok("<p>html</p>")),
      prependAsync: (html: unknown, opts: unknown, ...args: unknown[]) => {
        set.prepended?.push({ html, options: opts });
        lastCallback(args)(ok(undefined));
      },
    },
    getItemIdAsync: (...args: unknown[]) => {
      const id = options.itemId === undefined ? "AAMkAD/abc+1=" : options.itemId;
      lastCallback(args)(id ? ok(id) : failed("The item has not been saved.", 9053));
    },
  };
  const mock = new OfficeMockObject(officeData(item, { mailboxVersion: options.mailboxVersion ?? "1.8" }), outlook);
  return { mock, set };
}

/** Attendee (read) mode: plain properties; displayNewMessageForm records its argument. */
function attendeeMock(options: { mailboxVersion?: string; location?: string; body?: string } = {}) {
  const forms: unknown[] = [];
  const item = {
    itemType: "appointment",
    subject: "Riverbend weekly status",
    start,
    end,
    location: options.location ?? "Microsoft Teams Meeting",
    organizer: dana,
    requiredAttendees: [dana, rachel],
    optionalAttendees: [priya],
    itemId: "AAMkAD/read+2=",
    body: { getAsync: (_coercion: unknown, ...args: unknown[]) => lastCallback(args)(ok(options.body ?? `Hello\nJoin: ${joinUrl}\n`)) },
  };
  const mock = new OfficeMockObject(
    officeData(item, { mailboxVersion: options.mailboxVersion ?? "1.8", mailbox: { displayNewMessageForm: (p: unknown) => forms.push(p) } }),
    outlook,
  );
  return { mock, forms };
}

async function connected(mock: OfficeMockObject): Promise<OutlookHost> {
  const c = await connectOutlook({ office: asOffice(mock), timeoutMs: 200 });
  if (c.status !== "ready") throw new Error(`not ready: ${c.reason}`);
  return c.host;
}

async function rejection(p: Promise<unknown> | (() => unknown)): Promise<OutlookHostError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(OutlookHostError);
    return e as OutlookHostError;
  }
  throw new Error("expected an OutlookHostError");
}

describe("organizer mode (async getters)", () => {
  it("reads subject, times, attendees, organizer, the item id (as a REST id) and the join link from the body", async () => {
    const { mock } = organizerMock();
    const host = await connected(mock);
    expect(host.mode).toBe("organizer");
    const a = await host.readAppointment();
    expect(a).toEqual({
      mode: "organizer",
      subject: "Riverbend weekly status sync",
      start: "2026-11-23T19:45:00.000Z",
      end: "2026-11-23T20:30:00.000Z",
      requiredAttendees: [{ email: "rachel.stone@riverbendutilities.com", name: "Rachel Stone" }],
      optionalAttendees: [{ email: "priya.raman@contoso.com", name: "Priya Raman" }],
      organizer: { email: "dana.whitfield@contoso.com", name: "Dana Whitfield" },
      location: "Microsoft Teams Meeting",
      itemId: "AAMkAD/abc+1=",
      restItemId: "rest(v2.0):AAMkAD-abc+1=",
      iCalUId: null,
      joinUrl,
      joinMeetingId: null,
    });
  });

  it("turns a getAsync error into an OutlookHostError naming the field", async () => {
    const { mock } = organizerMock({ failures: { subject: "The mailbox is busy." } });
    const host = await connected(mock);
    const e = await rejection(host.readAppointment());
    expect(e.code).toBe("field_failed");
    expect(e.field).toBe("subject");
    expect(e.officeCode).toBe(9002);
    expect(e.message).toBe("Outlook could not read the subject: The mailbox is busy.");
  });

  it("names the attendee list when its getAsync fails", async () => {
    const { mock } = organizerMock({ failures: { requiredAttendees: "Access denied." } });
    const e = await rejection((await connected(mock)).readAppointment());
    expect([e.code, e.field, e.message]).toEqual(["field_failed", "requiredAttendees", "Outlook could not read the required attendees: Access denied."]);
  });

  it("goes on without an id for a new appointment that is not saved yet", async () => {
    const { mock } = organizerMock({ itemId: null, body: "" });
    const a = await (await connected(mock)).readAppointment();
    expect([a.itemId, a.restItemId, a.joinUrl]).toEqual([null, null, null]);
  });

  it("sets attendees with setAsync and puts HTML at the top of the body with prependAsync", async () => {
    const { mock, set } = organizerMock();
    const host = await connected(mock);
    expect(host.supports("setAttendees")).toBe(true);
    expect(host.supports("prependBody")).toBe(true);
    await host.setAttendees([{ email: "dana.whitfield@contoso.com", name: "Dana Whitfield" }], [{ email: "priya.raman@contoso.com", name: "Priya Raman" }]);
    expect(set.required).toEqual([dana]);
    expect(set.optional).toEqual([priya]);
    await host.prependBodyHtml("<ol><li>Status report</li></ol>");
    expect(set.prepended).toEqual([{ html: "<ol><li>Status report</li></ol>", options: { coercionType: "html" } }]);
  });

  it("does not offer displayNewMessageForm (documented for read mode only)", async () => {
    const { mock } = organizerMock();
    const host = await connected(mock);
    expect(host.supports("openDraft")).toBe(false);
    const e = await rejection(() => host.openDraft({ to: [], subject: "s", html: "<p>x</p>" }));
    expect([e.code, e.field]).toEqual(["unsupported", "displayNewMessageForm"]);
  });

  it("refuses a requirement set the host does not support, and leaves the organizer out below Mailbox 1.7", async () => {
    const { mock } = organizerMock({ mailboxVersion: "1.5" });
    const host = await connected(mock);
    expect(host.supports("organizer")).toBe(false);
    expect(host.supports("itemId")).toBe(false);
    const a = await host.readAppointment();
    expect([a.organizer, a.itemId]).toEqual([null, null]);
  });
});

describe("attendee mode (properties)", () => {
  it("reads the appointment's properties and finds the join link", async () => {
    const { mock } = attendeeMock();
    const host = await connected(mock);
    expect(host.mode).toBe("attendee");
    const a = await host.readAppointment();
    expect(a).toMatchObject({
      mode: "attendee",
      subject: "Riverbend weekly status",
      start: "2026-11-23T19:45:00.000Z",
      end: "2026-11-23T20:30:00.000Z",
      requiredAttendees: [
        { email: "dana.whitfield@contoso.com", name: "Dana Whitfield" },
        { email: "rachel.stone@riverbendutilities.com", name: "Rachel Stone" },
      ],
      optionalAttendees: [{ email: "priya.raman@contoso.com", name: "Priya Raman" }],
      organizer: { email: "dana.whitfield@contoso.com", name: "Dana Whitfield" },
      itemId: "AAMkAD/read+2=",
      restItemId: "rest(v2.0):AAMkAD-read+2=",
      joinUrl,
    });
  });

  it("takes the join link from the location before the body", async () => {
    const other = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_other%40thread.v2/0";
    const { mock } = attendeeMock({ location: `Teams: ${other}.` });
    expect((await (await connected(mock)).readAppointment()).joinUrl).toBe(other);
  });

  it("is read-only: writes fail with a typed error", async () => {
    const host = await connected(attendeeMock().mock);
    expect(host.supports("setAttendees")).toBe(false);
    const e = await rejection(host.setAttendees([], []));
    expect([e.code, e.field]).toEqual(["read_only", "requiredAttendees"]);
    expect((await rejection(host.prependBodyHtml("<p>x</p>"))).code).toBe("read_only");
  });

  it("opens a draft with displayNewMessageForm: recipients, subject and HTML body", async () => {
    const { mock, forms } = attendeeMock();
    const host = await connected(mock);
    expect(host.supports("openDraft")).toBe(true);
    host.openDraft({
      to: [{ email: "rachel.stone@riverbendutilities.com", name: "Rachel Stone" }],
      cc: [{ email: "priya.raman@contoso.com", name: "Priya Raman" }],
      subject: "Recap: Riverbend weekly status",
      html: "<p>Recap</p>",
    });
    expect(forms).toEqual([
      {
        toRecipients: [rachel],
        ccRecipients: [priya],
        subject: "Recap: Riverbend weekly status",
        htmlBody: "<p>Recap</p>",
      },
    ]);
  });

  it("refuses a draft over Outlook's 32 KB body limit, and a host below Mailbox 1.6", async () => {
    const { mock, forms } = attendeeMock();
    const host = await connected(mock);
    const big = await rejection(() => host.openDraft({ to: [], subject: "s", html: "x".repeat(33 * 1024) }));
    expect([big.code, big.field]).toEqual(["too_large", "htmlBody"]);
    const old = await connected(attendeeMock({ mailboxVersion: "1.5" }).mock);
    expect(old.supports("openDraft")).toBe(false);
    expect((await rejection(() => old.openDraft({ to: [], subject: "s", html: "<p/>" }))).code).toBe("unsupported");
    expect(forms).toEqual([]);
  });
});

describe("connecting", () => {
  it("says 'not in Outlook' when Office.js did not load", async () => {
    expect(await connectOutlook({ office: null })).toMatchObject({ status: "unavailable", reason: "not_in_outlook" });
  });

  it("gives up on an Office.onReady that never settles", async () => {
    const office = { onReady: () => new Promise<never>(() => {}) } as OfficeLike;
    const began = Date.now();
    expect(await connectOutlook({ office, timeoutMs: 50 })).toMatchObject({ status: "unavailable", reason: "not_in_outlook" });
    expect(Date.now() - began).toBeLessThan(1000);
  });

  it("says 'not in Outlook' when Office is ready without a mailbox (a plain browser tab)", async () => {
    const mock = new OfficeMockObject({ onReady: () => Promise.resolve({ host: null, platform: null }), context: { document: {} } }, outlook);
    expect(await connectOutlook({ office: asOffice(mock), timeoutMs: 200 })).toMatchObject({ status: "unavailable", reason: "not_in_outlook" });
  });

  it("tells a message from an appointment, and no item from either", async () => {
    const message = new OfficeMockObject(officeData({ itemType: "message", subject: "Hi" }), outlook);
    expect(await connectOutlook({ office: asOffice(message) })).toMatchObject({ status: "unavailable", reason: "not_an_appointment" });
    const mailbox = { ...officeData({}), context: { mailbox: { item: null } } };
    expect(() => createOutlookHost(mailbox as unknown as OfficeLike)).toThrow(OutlookHostError);
    expect(await connectOutlook({ office: mailbox as unknown as OfficeLike })).toMatchObject({ status: "unavailable", reason: "no_item" });
  });
});

describe("findTeamsJoinUrl", () => {
  it("finds the join link in text, in Outlook's <link> form, and inside a Safe Links redirect", () => {
    expect(findTeamsJoinUrl(`Join the meeting now<${joinUrl}?context=%7b%22Tid%22%3a%221%22%7d>`)).toBe(`${joinUrl}?context=%7b%22Tid%22%3a%221%22%7d`);
    expect(findTeamsJoinUrl(`See ${joinUrl}.`)).toBe(joinUrl);
    const wrapped = `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(joinUrl)}&data=05%7C01&reserved=0`;
    expect(findTeamsJoinUrl(`Join <${wrapped}>`)).toBe(joinUrl);
    expect(findTeamsJoinUrl("Conference room 4")).toBeNull();
    expect(findTeamsJoinUrl(null)).toBeNull();
  });
});

describe("Teams meetings of every cloud and link form in the appointment (test/fixtures/realworld/teams-links)", () => {
  const fixture = (name: string) => readFileSync(join(__dirname, "../fixtures/realworld/teams-links", name), "utf8");
  const gcch = "https://gov.teams.microsoft.us/l/meetup-join/19%3agcch%3ameeting_5f2a9c0d4b1e4f7a8c3d6e9b0a1f2c3d%40thread.v2/0?context=%7b%22Tid%22%3a%2200000000-0000-4000-8000-00000000a001%22%7d";

  it("reads a GCC High join link from the body in Outlook's text form, with the block's Meeting ID", async () => {
    const body = `Program review\n\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting<${gcch}>\nMeeting ID: 271 044 359 870\nPasscode: gP7xQ2\n`;
    const a = await (await connected(attendeeMock({ body }).mock)).readAppointment();
    expect(a).toMatchObject({ joinUrl: gcch, joinMeetingId: "271044359870" });
  });

  it("reads a short link wrapped by Safe Links from the plain-text body fixture", async () => {
    const a = await (await connected(attendeeMock({ body: fixture("outlook-body-plain.txt") }).mock)).readAppointment();
    expect(a).toMatchObject({ joinUrl: "https://teams.microsoft.com/meet/3527139412392?p=Ab12Cd34Ef", joinMeetingId: "3527139412392" });
  });

  it("prefers the location's link (teams.cloud.microsoft) and still takes the Meeting ID from the body", async () => {
    const location = "https://teams.cloud.microsoft/meet/3527139412392?p=Ab12Cd34Ef";
    const a = await (await connected(attendeeMock({ location, body: "Meeting ID: 352 713 941 239 2" }).mock)).readAppointment();
    expect(a).toMatchObject({ joinUrl: location, joinMeetingId: "3527139412392" });
  });

  it("finds no Teams meeting in another app's invitation", async () => {
    const body = "Join Zoom Meeting\nhttps://zoom.us/j/2414128301?pwd=abc\nMeeting ID: 241 412 8301\n";
    const a = await (await connected(attendeeMock({ body }).mock)).readAppointment();
    expect(a).toMatchObject({ joinUrl: null, joinMeetingId: null });
  });
});
