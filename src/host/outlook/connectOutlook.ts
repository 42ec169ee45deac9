import { createOutlookHost, fn, isObject, OutlookHostError, type OfficeLike, type OutlookErrorCode, type OutlookHost } from "./officeHost";

// Connecting to Outlook: Office.onReady raced with a timeout, then an appointment must be open.

export type OutlookConnection =
  | { status: "ready"; host: OutlookHost }
  | { status: "unavailable"; reason: Exclude<OutlookErrorCode, "unsupported" | "read_only" | "field_failed" | "too_large">; message: string };

export interface ConnectOptions {
  /** The Office object; defaults to the global one that office.js defines. Pass null to mean "not loaded". */
  office?: OfficeLike | null;
  /** How long to wait for Office.onReady. Outside an Office host it may never settle. */
  timeoutMs?: number;
  /** How long a single getAsync / setAsync may take. */
  callTimeoutMs?: number;
}

function globalOffice(): OfficeLike | null {
  const g = globalThis as { Office?: OfficeLike };
  return isObject(g.Office) ? g.Office : null;
}

/**
 * Waits for Office.onReady (raced with a timeout) and checks that an Outlook appointment is open.
 * Never throws: anything short of "an appointment in Outlook" is an `unavailable` state with a reason.
 */
export async function connectOutlook(options: ConnectOptions = {}): Promise<OutlookConnection> {
  const office = "office" in options ? (options.office ?? null) : globalOffice();
  const notInOutlook = (message: string): OutlookConnection => ({ status: "unavailable", reason: "not_in_outlook", message });
  if (!office) return notInOutlook("Office.js is not loaded: this page is not running inside Outlook.");
  const onReady = fn(office, "onReady");
  if (!onReady) return notInOutlook("Office.js has no onReady: this page is not running inside Outlook.");

  const ready = new Promise<{ host: unknown } | null>((resolve) => {
    try {
      const maybe = onReady.call(office, (info: { host: unknown }) => resolve(info ?? null)) as PromiseLike<{ host: unknown }> | undefined;
      if (maybe && typeof maybe.then === "function") maybe.then((info) => resolve(info ?? null), () => resolve(null));
    } catch {
      resolve(null);
    }
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs ?? 8000);
  });
  const info = await Promise.race([ready, timeout]);
  clearTimeout(timer);
  if (info === "timeout") return notInOutlook("Office did not answer: this page is not running inside Outlook.");

  const mailbox = office.context?.mailbox;
  const host = info && isObject(info) ? info.host : undefined;
  if (!mailbox || (host !== undefined && host !== null && String(host).toLowerCase() !== "outlook")) {
    return notInOutlook(host ? `This pane runs in Outlook, not in ${String(host)}.` : "This page is not running inside Outlook.");
  }
  try {
    return { status: "ready", host: createOutlookHost(office, { callTimeoutMs: options.callTimeoutMs }) };
  } catch (e) {
    if (e instanceof OutlookHostError && (e.code === "no_item" || e.code === "not_an_appointment" || e.code === "not_in_outlook")) {
      return { status: "unavailable", reason: e.code, message: e.message };
    }
    throw e;
  }
}

