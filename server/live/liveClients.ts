import type { Response } from "express";
import { AppError } from "../errors";

/** Caps on open live streams (config LIVE_STREAMS_PER_USER, LIVE_STREAMS_PER_MEETING). */
export interface StreamCaps {
  perUser: number;
  perMeeting: number;
}

export const DEFAULT_STREAM_CAPS: StreamCaps = { perUser: 10, perMeeting: 1000 };

/** Who opens a stream: the caller and the meeting (both within a tenant). */
export interface StreamOwner {
  tenantId: string;
  userId: string;
  meetingId: string;
}

/**
 * One reserved stream. It is released exactly once — when the response closes (client gone at any
 * point of set-up or later, or the stream ended) or by release() — and then runs every cleanup
 * registered with onRelease; a cleanup registered after the release runs at once.
 */
export interface StreamSlot {
  readonly released: boolean;
  onRelease(cleanup: () => void): void;
  release(): void;
}

/** Open live streams: caps them, and lets a shutting-down instance tell each client to reconnect elsewhere. */
export interface LiveClients {
  /** Reserves a stream for `owner` on `res`. Throws AppError 429 when a cap is reached. */
  open(res: Response, owner: StreamOwner): StreamSlot;
  /** Sends a "reconnect" event to every stream and ends it. */
  closeAll(): number;
  /** Streams reserved and not yet released (set-up included). */
  size(): number;
}

export function createLiveClients(caps: StreamCaps = DEFAULT_STREAM_CAPS): LiveClients {
  const open = new Map<Response, StreamSlot>();
  const perUser = new Map<string, number>();
  const perMeeting = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string, by: number) => {
    const n = (m.get(key) ?? 0) + by;
    if (n <= 0) m.delete(key);
    else m.set(key, n);
  };
  return {
    open(res, owner) {
      const userKey = `${owner.tenantId}/${owner.userId}`;
      const meetingKey = `${owner.tenantId}/${owner.meetingId}`;
      if ((perUser.get(userKey) ?? 0) >= caps.perUser) {
        throw new AppError(429, "too_many_streams", `You already have ${caps.perUser} live streams open (the limit per person). Close another Callbook window, then try again.`);
      }
      if ((perMeeting.get(meetingKey) ?? 0) >= caps.perMeeting) {
        throw new AppError(429, "too_many_streams", `This call already has ${caps.perMeeting} live streams open (the limit per call). Try again in a minute.`);
      }
      bump(perUser, userKey, 1);
      bump(perMeeting, meetingKey, 1);
      const cleanups: (() => void)[] = [];
      let released = false;
      const slot: StreamSlot = {
        get released() {
          return released;
        },
        onRelease(cleanup) {
          if (released) cleanup();
          else cleanups.push(cleanup);
        },
        release() {
          if (released) return;
          released = true;
          res.off("close", slot.release);
          open.delete(res);
          bump(perUser, userKey, -1);
          bump(perMeeting, meetingKey, -1);
          for (const cleanup of cleanups.splice(0)) cleanup();
        },
      };
      open.set(res, slot);
      // "close" fires once the connection is gone, whether the client left during set-up or later.
      res.on("close", slot.release);
      if (res.closed || res.req.destroyed) slot.release();
      return slot;
    },
    closeAll() {
      const n = open.size;
      for (const [res, slot] of [...open]) {
        if (res.headersSent && !res.writableEnded) res.write(`event: reconnect\ndata: {"reason":"server shutting down"}\n\n`);
        res.end();
        slot.release();
      }
      return n;
    },
    size: () => open.size,
  };
}
