// The page's one AudioContext, and whether the browser holds it back until someone clicks
// (autoplay policy). A TV is set up once: one click on "Start the display" unlocks the evening.
import { useCallback, useEffect, useState } from "react";

/** A context is "suspended" for a moment even when allowed to run; only a lasting one is blocked. */
const BLOCKED_AFTER_MS = 600;

export function useAudioUnlock(): { context: AudioContext | null; blocked: boolean; unlock: () => Promise<void> } {
  const [context, setContext] = useState<AudioContext | null>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const created = new AudioContext({ latencyHint: "playback" });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (created.state === "running" || created.state === "closed") {
        setBlocked(false);
      } else {
        timer = setTimeout(() => setBlocked(created.state === "suspended"), BLOCKED_AFTER_MS);
      }
    };
    created.addEventListener("statechange", check);
    void created.resume().catch(() => undefined);
    check();
    setContext(created);
    return () => {
      if (timer) clearTimeout(timer);
      created.removeEventListener("statechange", check);
      void created.close();
    };
  }, []);

  const unlock = useCallback(async () => {
    if (!context) return;
    await context.resume();
    setBlocked(context.state !== "running");
  }, [context]);

  return { context, blocked, unlock };
}
