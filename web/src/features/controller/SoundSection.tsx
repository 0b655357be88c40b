// The performance controls: guide vocals, volume, lyrics timing and size. Each change shows at
// once here, goes out at most every 100 ms while a slider moves (always ending with the final
// value), and reaches the other devices through the server.
import { useEffect, useMemo, useRef, useState } from "react";
import type { RoomMessage } from "../../lib/protocol/roomState";
import type { LyricsSize, PerformanceState, PlayerState } from "../../lib/protocol/types";
import { LevelSlider } from "./LevelSlider";
import { LyricsControls } from "./LyricsControls";
import { clampOffset, nudgeOffset } from "./lyricsOffset";
import { LEVEL_HOLD_MS, shownLevel, type LocalLevel } from "./playback";
import { throttle } from "./rateLimit";
import type { Commands } from "./useCommands";

export const SLIDER_SEND_MS = 100;

export function SoundSection({ performance, player, commands, dispatch }: {
  performance: PerformanceState;
  player: PlayerState | null;
  commands: Commands;
  dispatch: (message: RoomMessage) => void;
}) {
  const latest = useRef(commands);
  latest.current = commands;
  const [localVolume, setLocalVolume] = useState<LocalLevel | null>(null);
  const [, setExpired] = useState(0);

  const sendVocal = useMemo(() => throttle((level: number) => latest.current.control(
    "vocal_volume", "update_performance_control", { control: "vocal_volume", value: level }, "Change the guide vocals",
  ), SLIDER_SEND_MS), []);
  const sendVolume = useMemo(() => throttle((level: number) => latest.current.control(
    "volume", "set_volume", { volume: level }, "Change the volume",
  ), SLIDER_SEND_MS), []);
  useEffect(() => () => {
    sendVocal.flush();
    sendVolume.flush();
  }, [sendVocal, sendVolume]);

  // Once the hold is over, show what the display reports even if no new report comes.
  useEffect(() => {
    if (!localVolume) return;
    const timer = setTimeout(() => setExpired((tick) => tick + 1), LEVEL_HOLD_MS + 50);
    return () => clearTimeout(timer);
  }, [localVolume]);

  const setPerformance = (control: "vocal_volume" | "lyrics_offset" | "lyrics_size", value: number | LyricsSize, action: string) => {
    dispatch({ name: "local_control", payload: { [control]: value } });
    commands.control(control, "update_performance_control", { control, value }, action);
  };

  const volume = shownLevel(player ? player.volume : null, localVolume, Date.now());

  return (
    <section id="ctl-sound" className="ctl-section" aria-labelledby="ctl-sound-heading">
      <h2 id="ctl-sound-heading">Sound &amp; lyrics</h2>
      <LevelSlider
        label="Guide vocals"
        hint="How much of the original singer you hear"
        value={performance.vocal_volume}
        testId="vocal-level"
        onChange={(level) => {
          dispatch({ name: "local_control", payload: { vocal_volume: level } });
          sendVocal(level);
        }}
        onRelease={sendVocal.flush}
      />
      <LevelSlider
        label="Volume"
        value={volume}
        testId="volume"
        onChange={(level) => {
          setLocalVolume({ value: level, at: Date.now() });
          sendVolume(level);
        }}
        onRelease={sendVolume.flush}
      />
      <LyricsControls
        offsetMs={performance.lyrics_offset}
        size={performance.lyrics_size}
        onNudge={(delta) => setPerformance("lyrics_offset", nudgeOffset(performance.lyrics_offset, delta), "Change the lyrics timing")}
        onResetOffset={() => {
          if (performance.lyrics_offset !== 0) setPerformance("lyrics_offset", clampOffset(0), "Reset the lyrics timing");
        }}
        onSize={(size) => setPerformance("lyrics_size", size, "Change the lyrics size")}
      />
    </section>
  );
}
