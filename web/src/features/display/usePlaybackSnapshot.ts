// What the screen shows of a playback, read 5×/s (the clock moves continuously) and at once on
// every change of its state.
import { useEffect, useState } from "react";
import type { LoadProgress } from "../../lib/audio/loadStems";
import type { Playback, PlaybackStatus } from "./playback/Playback";

export interface PlaybackSnapshot {
  status: PlaybackStatus;
  error: string | null;
  loadProgress: LoadProgress | null;
  blocked: boolean;
  reportsProgress: boolean;
  element: HTMLElement | null;
  time: number;
  duration: number;
  vocalLevel: number | null;
  volume: number;
}

function read(playback: Playback): PlaybackSnapshot {
  const levels = playback.appliedLevels();
  return {
    status: playback.status,
    error: playback.error,
    loadProgress: playback.loadProgress,
    blocked: playback.blocked,
    reportsProgress: playback.reportsProgress,
    element: playback.element,
    time: playback.currentTime(),
    duration: playback.duration(),
    vocalLevel: levels.vocal,
    volume: levels.volume,
  };
}

export function usePlaybackSnapshot(playback: Playback | null): PlaybackSnapshot | null {
  const [snapshot, setSnapshot] = useState<PlaybackSnapshot | null>(() => (playback ? read(playback) : null));
  useEffect(() => {
    if (!playback) {
      setSnapshot(null);
      return;
    }
    const refresh = () => setSnapshot(read(playback));
    refresh();
    const stop = playback.subscribe(refresh);
    const timer = setInterval(refresh, 200);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [playback]);
  return snapshot;
}
