// A small stand-in for Office.js in Outlook, served by e2e tests in place of Microsoft's CDN script
// (Playwright `route.fulfill`). It speaks the parts of the API the pane uses, with Office's own
// shapes: AsyncResult callbacks (called later, as Outlook does), Date values, EmailAddressDetails.
//
// Configure it before it loads (page.addInitScript) with globalThis.__officeStandIn:
//   { mode: "attendee" | "organizer" | "none",      // "none": Office.js loaded, but not inside Outlook
//     item: { subject, start, end, location, body (HTML), requiredAttendees, optionalAttendees,
//             organizer, itemId, itemType },          // dates as ISO strings, people as { emailAddress, displayName }
//     mailboxVersion: "1.8",                           // highest Mailbox requirement set supported
//     failures: { subject: "message", ... } }        // getAsync of these fields fails (organizer mode)
// It records what the pane did in globalThis.__officeStandInRecord.
(function () {
  const g = globalThis;
  const config = g.__officeStandIn || { mode: "none" };
  const mode = config.mode || "none";
  const record = { requiredAttendees: null, optionalAttendees: null, bodyPrepends: [], bodySets: [], newMessageForms: [], calls: [] };
  g.__officeStandInRecord = record;

  const later = (fn) => g.setTimeout(fn, 5);
  const ok = (value) => ({ status: "succeeded", value, error: null, asyncContext: undefined });
  const failed = (message) => ({
    status: "failed",
    value: undefined,
    error: { code: 9002, name: "InternalServerError", message },
    asyncContext: undefined,
  });
  /** Office's optional-options signature: (…args, options?, callback?). */
  const callbackOf = (args) => {
    const last = args[args.length - 1];
    return typeof last === "function" ? last : () => {};
  };
  const versionAtLeast = (have, want) => {
    const a = String(have).split(".").map(Number);
    const b = String(want).split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
    }
    return true;
  };
  const people = (list) =>
    (list || []).map((p) => ({ emailAddress: p.emailAddress, displayName: p.displayName || p.emailAddress, recipientType: "user" }));
  const fromRecipients = (list) =>
    (list || []).map((r) => (typeof r === "string" ? { emailAddress: r, displayName: r } : { emailAddress: r.emailAddress, displayName: r.displayName || r.emailAddress }));
  /** Outlook's text coercion keeps link targets in angle brackets after the link text. */
  const htmlToText = (html) =>
    String(html)
      .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_m, href, text) => `${text}<${href.replace(/&amp;/g, "&")}>`)
      .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, "\n")
      .replace(/<(?!https?:)[^>]+>/g, "")
      .replace(/&amp;/g, "&");

  const source = config.item || {};
  const state = {
    subject: source.subject || "",
    start: source.start ? new Date(source.start) : null,
    end: source.end ? new Date(source.end) : null,
    location: source.location || "",
    body: source.body || "",
    requiredAttendees: people(source.requiredAttendees),
    optionalAttendees: people(source.optionalAttendees),
    organizer: source.organizer ? people([source.organizer])[0] : null,
    itemId: source.itemId || null,
  };
  const failures = config.failures || {};

  const getter = (field) => ({
    getAsync(...args) {
      const cb = callbackOf(args);
      record.calls.push(`${field}.getAsync`);
      later(() => cb(failures[field] ? failed(failures[field]) : ok(state[field])));
    },
  });
  const attendees = (field) => ({
    ...getter(field),
    setAsync(list, ...args) {
      const cb = callbackOf(args);
      record.calls.push(`${field}.setAsync`);
      state[field] = fromRecipients(list);
      record[field] = state[field];
      later(() => cb(ok(undefined)));
    },
  });

  const organizerItem = () => ({
    itemType: source.itemType || "appointment",
    subject: {
      ...getter("subject"),
      setAsync(value, ...args) {
        state.subject = value;
        later(() => callbackOf(args)(ok(undefined)));
      },
    },
    start: getter("start"),
    end: getter("end"),
    location: getter("location"),
    organizer: getter("organizer"),
    requiredAttendees: attendees("requiredAttendees"),
    optionalAttendees: attendees("optionalAttendees"),
    body: {
      getAsync(coercionType, ...args) {
        const cb = callbackOf(args);
        record.calls.push("body.getAsync");
        later(() => cb(failures.body ? failed(failures.body) : ok(coercionType === "html" ? state.body : htmlToText(state.body))));
      },
      getTypeAsync(...args) {
        later(() => callbackOf(args)(ok("html")));
      },
      prependAsync(data, ...args) {
        const options = typeof args[0] === "object" && args[0] !== null ? args[0] : {};
        record.calls.push("body.prependAsync");
        record.bodyPrepends.push({ data, coercionType: options.coercionType || "text" });
        state.body = `${data}${state.body}`;
        later(() => callbackOf(args)(ok(undefined)));
      },
      setAsync(data, ...args) {
        const options = typeof args[0] === "object" && args[0] !== null ? args[0] : {};
        record.calls.push("body.setAsync");
        record.bodySets.push({ data, coercionType: options.coercionType || "text" });
        state.body = data;
        later(() => callbackOf(args)(ok(undefined)));
      },
    },
    getItemIdAsync(...args) {
      const cb = callbackOf(args);
      later(() => cb(state.itemId ? ok(state.itemId) : failed("The item has not been saved.")));
    },
  });

  const attendeeItem = () => ({
    itemType: source.itemType || "appointment",
    subject: state.subject,
    start: state.start,
    end: state.end,
    location: state.location,
    organizer: state.organizer,
    requiredAttendees: state.requiredAttendees,
    optionalAttendees: state.optionalAttendees,
    itemId: state.itemId,
    body: {
      getAsync(coercionType, ...args) {
        const cb = callbackOf(args);
        record.calls.push("body.getAsync");
        later(() => cb(ok(coercionType === "html" ? state.body : htmlToText(state.body))));
      },
    },
  });

  const mailboxVersion = config.mailboxVersion || "1.8";
  const inOutlook = mode === "attendee" || mode === "organizer";
  const mailbox = inOutlook
    ? {
        item: mode === "organizer" ? organizerItem() : attendeeItem(),
        userProfile: { displayName: "Stand-in user", emailAddress: "user@example.com" },
        convertToRestId(itemId) {
          return String(itemId).replace(/\//g, "-").replace(/\+/g, "_");
        },
        displayNewMessageForm(parameters) {
          record.calls.push("displayNewMessageForm");
          record.newMessageForms.push(JSON.parse(JSON.stringify(parameters)));
        },
      }
    : undefined;

  const info = inOutlook ? { host: "Outlook", platform: "OfficeOnline" } : { host: null, platform: null };
  g.Office = {
    onReady(callback) {
      return new Promise((resolve) => {
        later(() => {
          if (typeof callback === "function") callback(info);
          resolve(info);
        });
      });
    },
    context: {
      mailbox,
      requirements: {
        isSetSupported(name, minVersion) {
          return inOutlook && name === "Mailbox" && versionAtLeast(mailboxVersion, minVersion || "1.1");
        },
      },
      officeTheme: config.officeTheme || { bodyBackgroundColor: "#ffffff" },
      displayLanguage: config.displayLanguage || "en-US",
    },
    HostType: { Outlook: "Outlook" },
    CoercionType: { Html: "html", Text: "text" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: {
      RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
      ItemType: { Message: "message", Appointment: "appointment" },
    },
  };
})();
