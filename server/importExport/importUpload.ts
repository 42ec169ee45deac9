import express, { type RequestHandler } from "express";
import { AppError } from "../errors";
import { limitMessages, type ImportLimits } from "./importLimits";

/** The import's raw body reader: over the upload limit answers 413 naming the limit. */
export function importUpload(limits: ImportLimits): RequestHandler {
  const raw = express.raw({ type: () => true, limit: limits.uploadBytes });
  return (req, res, next) => {
    raw(req, res, (err?: unknown) => {
      if (err && typeof err === "object" && (err as { type?: string }).type === "entity.too.large") {
        const message = limitMessages.upload(limits);
        next(new AppError(413, "import_too_large", message, { fields: [message] }));
        return;
      }
      next(err);
    });
  };
}

/** What the log may say about a failed import: the error's kind and code, never the SQL or its row data. */
export function importFailureCause(cause: unknown): { name: string; code: string | null } {
  let c: unknown = cause;
  for (let i = 0; i < 3 && c && typeof c === "object"; i++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === "string") return { name: (c as Error).name ?? "Error", code };
    c = (c as { cause?: unknown }).cause;
  }
  return { name: cause instanceof Error ? cause.name : "unknown", code: null };
}
