// The Outlook task pane's only door to Office.js. Components ask this module, never `Office`.
// Every call checks that the host offers it (function present, requirement set supported, right
// mode) and fails with an OutlookHostError that names what was missing.

export * from "./officeTypes";
export { findTeamsJoinUrl } from "./teamsJoinUrl";
import {
  draftLimits,
  fieldLabels,
  fn,
  isObject,
  OutlookHostError,
  requirementFor,
  type AppointmentInfo,
  type AsyncCallback,
  type DraftMessage,
  type EmailAddressLike,
  type OfficeLike,
  type OutlookCapability,
  type OutlookMode,
  type Person,
} from "./officeTypes";
import { findAppointmentTeamsMeeting } from "./teamsJoinUrl";

// ---- The host ----

export interface OutlookHost {
  readonly mode: OutlookMode;
  /** Outlook's own theme, for the pane's colours. */
  readonly theme: "default" | "dark";
  /** Outlook's display language (`Office.context.displayLanguage`, e.g. "en-GB"), for dates; null when the host does not say. */
  readonly locale?: string | null;
  supports(capability: OutlookCapability): boolean;
  readAppointment(): Promise<AppointmentInfo>;
  /** Organizer mode: replaces the required and optional attendee lists (setAsync). */
  setAttendees(required: Person[], optional: Person[]): Promise<void>;
  /**
   * Organizer mode: puts HTML at the top of the body (prependAsync). Not setAsync: that would
   * replace the whole body, including the Teams join block Outlook puts in an online meeting's body
   * and anything the organizer wrote.
   */
  prependBodyHtml(html: string): Promise<void>;
  /** Opens a new message form with the recap (displayNewMessageForm): the user sends it from Outlook. */
  openDraft(draft: DraftMessage): void;
}

/** Builds the host for the item Outlook has open. Throws OutlookHostError (no_item, not_an_appointment). */
export function createOutlookHost(office: OfficeLike, options: { callTimeoutMs?: number | undefined } = {}): OutlookHost {
  const mailbox = office.context?.mailbox;
  if (!mailbox) throw new OutlookHostError("not_in_outlook", "This page is not running inside Outlook.");
  const item = mailbox.item;
  if (!isObject(item)) throw new OutlookHostError("no_item", "Outlook has no item open. Open a meeting, then open Callbook.");
  const appointmentType = office.MailboxEnums?.ItemType?.Appointment ?? "appointment";
  if (item.itemType !== undefined && item.itemType !== appointmentType) {
    throw new OutlookHostError("not_an_appointment", "Callbook works on calendar items. Open a meeting, then open Callbook.");
  }
  const mode: OutlookMode = typeof item.subject === "string" ? "attendee" : fn(item.subject, "getAsync") ? "organizer" : "attendee";
  const callTimeoutMs = options.callTimeoutMs ?? 15_000;
  const succeeded = office.AsyncResultStatus?.Succeeded ?? "succeeded";

  const requirementMet = (capability: OutlookCapability): boolean => {
    const check = office.context?.requirements?.isSetSupported;
    if (typeof check !== "function") return true; // the function's presence is the check then
    try {
      return check.call(office.context?.requirements, "Mailbox", requirementFor[capability]);
    } catch {
      return false;
    }
  };

  const callAsync = <T>(field: string, verb: "read" | "change", invoke: (callback: AsyncCallback<T>) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const label = fieldLabels[field] ?? field;
      const timer = setTimeout(
        () => reject(new OutlookHostError("field_failed", `Outlook did not answer when asked to ${verb} the ${label}.`, field)),
        callTimeoutMs,
      );
      try {
        invoke((result) => {
          clearTimeout(timer);
          if (result && (result.status === succeeded || result.status === "succeeded")) resolve(result.value);
          else {
            const detail = result?.error?.message ?? result?.error?.name ?? "no reason given";
            reject(new OutlookHostError("field_failed", `Outlook could not ${verb} the ${label}: ${detail}`, field, result?.error?.code ?? null));
          }
        });
      } catch (e) {
        clearTimeout(timer);
        reject(new OutlookHostError("field_failed", `Outlook could not ${verb} the ${label}: ${e instanceof Error ? e.message : String(e)}`, field));
      }
    });

  /** Organizer mode: `item[field].getAsync`, promisified. */
  const getField = <T>(field: string, ...args: unknown[]): Promise<T> => {
    const owner = item[field];
    const getAsync = fn(owner, "getAsync");
    if (!getAsync) return Promise.reject(new OutlookHostError("unsupported", `This Outlook cannot read the ${fieldLabels[field] ?? field}.`, field));
    return callAsync<T>(field, "read", (cb) => getAsync.call(owner, ...args, cb));
  };

  const bodyText = async (): Promise<string> => {
    const body = item.body;
    const getAsync = fn(body, "getAsync");
    if (!getAsync || !requirementMet("bodyText")) return "";
    const text = office.CoercionType?.Text ?? "text";
    return (await callAsync<string>("body", "read", (cb) => getAsync.call(body, text, cb))) ?? "";
  };

  const itemIdNow = async (): Promise<string | null> => {
    if (typeof item.itemId === "string" && item.itemId) return item.itemId;
    const getItemIdAsync = fn(item, "getItemIdAsync");
    if (mode !== "organizer" || !getItemIdAsync || !requirementMet("itemId")) return null;
    try {
      return await callAsync<string>("itemId", "read", (cb) => getItemIdAsync.call(item, cb));
    } catch (e) {
      // Documented: a new appointment has no id until it is saved. Saving for an id would put a
      // draft in the organizer's calendar, so the pane goes on without one.
      if (e instanceof OutlookHostError && e.code === "field_failed") return null;
      throw e;
    }
  };

  const toRestId = (itemId: string | null): string | null => {
    const convert = mailbox.convertToRestId;
    const v2 = office.MailboxEnums?.RestVersion?.v2_0;
    if (!itemId || typeof convert !== "function" || v2 === undefined || !requirementMet("restId")) return null;
    try {
      return convert.call(mailbox, itemId, v2);
    } catch {
      return null;
    }
  };

  const requireOrganizer = (what: string, field: string) => {
    if (mode !== "organizer") throw new OutlookHostError("read_only", `${what} needs the organizer's view of the meeting.`, field);
  };

  const host: OutlookHost = {
    mode,
    theme: isDark(office.context?.officeTheme?.bodyBackgroundColor) ? "dark" : "default",
    locale: typeof office.context?.displayLanguage === "string" && office.context.displayLanguage !== "" ? office.context.displayLanguage : null,

    supports(capability) {
      if (!requirementMet(capability)) return false;
      switch (capability) {
        case "setAttendees":
          return mode === "organizer" && Boolean(fn(item.requiredAttendees, "setAsync") && fn(item.optionalAttendees, "setAsync"));
        case "prependBody":
          return mode === "organizer" && Boolean(fn(item.body, "prependAsync"));
        case "openDraft":
          // Documented for read mode only (Mailbox 1.6, "Applicable Outlook mode: Read").
          return mode === "attendee" && typeof mailbox.displayNewMessageForm === "function";
        case "bodyText":
          return Boolean(fn(item.body, "getAsync"));
        case "organizer":
          return mode === "attendee" ? isObject(item.organizer) : Boolean(fn(item.organizer, "getAsync"));
        case "itemId":
          return typeof item.itemId === "string" || Boolean(fn(item, "getItemIdAsync"));
        case "restId":
          return typeof mailbox.convertToRestId === "function";
      }
    },

    async readAppointment() {
      let subject: string, start: unknown, end: unknown, required: unknown, optional: unknown, organizer: unknown, location: unknown;
      if (mode === "organizer") {
        [subject, start, end, required, optional, organizer, location] = await Promise.all([
          getField<string>("subject"),
          getField<Date>("start"),
          getField<Date>("end"),
          getField<EmailAddressLike[]>("requiredAttendees"),
          getField<EmailAddressLike[]>("optionalAttendees"),
          fn(item.organizer, "getAsync") && requirementMet("organizer") ? getField<EmailAddressLike>("organizer") : Promise.resolve(null),
          fn(item.location, "getAsync") ? getField<string>("location") : Promise.resolve(""),
        ]);
      } else {
        subject = typeof item.subject === "string" ? item.subject : "";
        ({ start, end, requiredAttendees: required, optionalAttendees: optional, organizer, location } = item);
      }
      const [text, itemId] = await Promise.all([bodyText(), itemIdNow()]);
      const where = typeof location === "string" ? location : "";
      const teams = findAppointmentTeamsMeeting(where, text);
      return {
        mode,
        subject: subject ?? "",
        start: isoOf(start),
        end: isoOf(end),
        requiredAttendees: people(required),
        optionalAttendees: people(optional),
        organizer: isObject(organizer) ? (person(organizer) ?? null) : null,
        location: where,
        itemId,
        restItemId: toRestId(itemId),
        iCalUId: typeof item.iCalUId === "string" && item.iCalUId ? item.iCalUId : null,
        joinUrl: teams?.joinWebUrl || null,
        joinMeetingId: teams?.joinMeetingId ?? null,
      };
    },

    async setAttendees(requiredPeople, optionalPeople) {
      requireOrganizer("Changing attendees", "requiredAttendees");
      if (!requirementMet("setAttendees")) throw new OutlookHostError("unsupported", "This Outlook cannot change attendees.", "requiredAttendees");
      const write = async (field: "requiredAttendees" | "optionalAttendees", list: Person[]) => {
        const owner = item[field];
        const setAsync = fn(owner, "setAsync");
        if (!setAsync) throw new OutlookHostError("unsupported", `This Outlook cannot change the ${fieldLabels[field]}.`, field);
        const recipients: EmailAddressLike[] = list.map((p) => ({ emailAddress: p.email, displayName: p.name }));
        await callAsync<void>(field, "change", (cb) => setAsync.call(owner, recipients, cb));
      };
      await write("requiredAttendees", requiredPeople);
      await write("optionalAttendees", optionalPeople);
    },

    async prependBodyHtml(html) {
      requireOrganizer("Adding to the invitation", "body");
      const body = item.body;
      const prependAsync = fn(body, "prependAsync");
      if (!prependAsync || !requirementMet("prependBody")) throw new OutlookHostError("unsupported", "This Outlook cannot add to the body.", "body");
      const coercionType = office.CoercionType?.Html ?? "html";
      await callAsync<void>("body", "change", (cb) => prependAsync.call(body, html, { coercionType }, cb));
    },

    openDraft(draft) {
      const display = mailbox.displayNewMessageForm;
      if (typeof display !== "function" || !requirementMet("openDraft")) {
        throw new OutlookHostError("unsupported", "This Outlook cannot open a new message from an add-in.", "displayNewMessageForm");
      }
      if (mode !== "attendee") {
        throw new OutlookHostError("unsupported", "Outlook opens drafts from add-ins only in the meeting's read view.", "displayNewMessageForm");
      }
      const bytes = new TextEncoder().encode(draft.html).length;
      if (bytes > draftLimits.htmlBodyBytes) {
        throw new OutlookHostError(
          "too_large",
          `The message is ${Math.ceil(bytes / 1024)} KB; Outlook opens drafts of up to 32 KB. Send it from Callbook instead.`,
          "htmlBody",
        );
      }
      if (draft.subject.length > draftLimits.subjectChars) throw new OutlookHostError("too_large", "The subject is over 255 characters.", "subject");
      const cc = draft.cc ?? [];
      if (draft.to.length > draftLimits.recipients || cc.length > draftLimits.recipients) {
        throw new OutlookHostError("too_large", "Outlook opens drafts with up to 100 recipients per line.", "toRecipients");
      }
      try {
        display.call(mailbox, {
          toRecipients: draft.to.map((p) => ({ emailAddress: p.email, displayName: p.name })),
          ...(cc.length ? { ccRecipients: cc.map((p) => ({ emailAddress: p.email, displayName: p.name })) } : {}),
          subject: draft.subject,
          htmlBody: draft.html,
        });
      } catch (e) {
        // Documented: it throws when a parameter is over a limit or unknown.
        throw new OutlookHostError("field_failed", `Outlook could not open the draft: ${e instanceof Error ? e.message : String(e)}`, "displayNewMessageForm");
      }
    },
  };
  return host;
}

function person(value: unknown): Person | undefined {
  if (!isObject(value)) return undefined;
  const email = typeof value.emailAddress === "string" ? value.emailAddress.trim() : "";
  if (!email) return undefined;
  const name = typeof value.displayName === "string" && value.displayName.trim() ? value.displayName.trim() : email;
  return { email, name };
}

function people(value: unknown): Person[] {
  return Array.isArray(value) ? value.map(person).filter((p): p is Person => p !== undefined) : [];
}

function isoOf(value: unknown): string | null {
  const d = value instanceof Date ? value : typeof value === "string" || typeof value === "number" ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

function isDark(colour: string | undefined): boolean {
  const m = colour ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour) : null;
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
