import { useEffect, useState } from "react";
import { serverNow } from "../api/serverClock";

/** The server's clock (see api/serverClock), re-read every `everyMs`: for countdowns and time boxes. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const t = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
