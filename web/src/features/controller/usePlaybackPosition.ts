// The song's position, moved on locally between the display's ~1 Hz reports.
import { useEffect, useRef, useState } from "react";
import type { PlayerState } from "../../lib/protocol/types";
import { interpolatePosition, type PositionReport } from "./playback";

const TICK_MS = 250;

export function usePlaybackPosition(player: PlayerState | null, playing: boolean): { position: number; duration: number } {
  const [report, setReport] = useState<PositionReport>({ currentTime: 0, duration: 0, playing: false, receivedAt: Date.now() });
  const [now, setNow] = useState(() => Date.now());
  const lastPlayer = useRef<PlayerState | null>(null);

  useEffect(() => {
    const at = Date.now();
    const fresh = lastPlayer.current !== player;
    lastPlayer.current = player;
    setReport((previous) => ({
      // A tap on play/pause (no new report) continues from where the bar is, not from the last report.
      currentTime: fresh ? player?.current_time ?? 0 : interpolatePosition(previous, at),
      duration: player?.duration || player?.entry?.duration || 0,
      playing: playing && player?.play_state === "playing",
      receivedAt: at,
    }));
    setNow(at);
  }, [player, playing]);

  useEffect(() => {
    if (!report.playing) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [report]);

  return { position: interpolatePosition(report, now), duration: report.duration };
}
