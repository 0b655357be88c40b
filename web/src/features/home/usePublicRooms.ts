// The public room list, polled every 5 s while the page is visible. Its success or failure is
// also the home page's connection status: the page has no socket, and this is how it talks to
// the server.
import { useEffect, useState } from "react";
import { describe } from "../../lib/api";
import type { ConnectionStatus } from "../../lib/protocol/ChorusSocket";
import { listPublicRooms, type RoomSummary } from "./roomsApi";

export const PUBLIC_ROOMS_POLL_MS = 5000;

export function usePublicRooms(): { rooms: RoomSummary[] | null; status: ConnectionStatus } {
  const [rooms, setRooms] = useState<RoomSummary[] | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>({ state: "connecting", attempt: 0 });

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let controller: AbortController | null = null;
    let failures = 0;

    const poll = async () => {
      timer = null;
      if (document.visibilityState === "hidden") return;
      controller = new AbortController();
      try {
        const list = await listPublicRooms(controller.signal);
        if (stopped) return;
        failures = 0;
        setRooms(list);
        setStatus({ state: "online" });
      } catch (error) {
        if (stopped || controller.signal.aborted) return;
        failures += 1;
        setStatus({ state: "offline", attempt: failures, retryAt: Date.now() + PUBLIC_ROOMS_POLL_MS, reason: describe(error) });
      }
      if (!stopped) timer = setTimeout(poll, PUBLIC_ROOMS_POLL_MS);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible" && timer === null && !stopped) void poll();
    };
    document.addEventListener("visibilitychange", onVisible);
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);

  return { rooms, status };
}
