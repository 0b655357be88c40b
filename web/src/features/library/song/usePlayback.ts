// The song page's one <audio>: its clock (read every frame while playing, so the lyrics preview and
// the waveform's playhead move smoothly), seeking, and switching tracks at the same position.
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { Track } from "./tracks";

export interface Playback {
  audioRef: RefObject<HTMLAudioElement | null>;
  timeMs: number;
  durationMs: number;
  playing: boolean;
  seek: (ms: number) => void;
  togglePlay: () => void;
  /** Call before the `src` changes to another track: the new one starts where this one was. */
  keepPosition: () => void;
  audioEvents: {
    onPlay: () => void;
    onPause: () => void;
    onEnded: () => void;
    onTimeUpdate: () => void;
    onSeeked: () => void;
    onLoadedMetadata: () => void;
    onDurationChange: () => void;
  };
}

export function usePlayback(knownDurationMs: number | null, track: Track | null): Playback {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [timeMs, setTimeMs] = useState(0);
  const [mediaDurationMs, setMediaDurationMs] = useState(0);
  const [playing, setPlaying] = useState(false);
  const resume = useRef<{ timeMs: number; play: boolean } | null>(null);

  const read = useCallback(() => {
    const audio = audioRef.current;
    if (audio) setTimeMs(Math.round(audio.currentTime * 1000));
  }, []);

  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function tick() {
      read();
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, read]);

  const seek = useCallback((ms: number) => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.currentTime = Math.max(0, ms / 1000);
    setTimeMs(Math.max(0, Math.round(ms)));
  }, []);

  const togglePlay = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    if (audio.paused) void audio.play().catch(() => undefined);
    else audio.pause();
  }, []);

  const keepPosition = useCallback(() => {
    const audio = audioRef.current;
    if (audio) resume.current = { timeMs: audio.currentTime * 1000, play: !audio.paused };
  }, []);

  // A new track starts out paused at 0 until its metadata is known.
  useEffect(() => {
    setPlaying(false);
  }, [track]);

  const readDuration = () => {
    const seconds = audioRef.current?.duration;
    if (seconds && Number.isFinite(seconds)) setMediaDurationMs(Math.round(seconds * 1000));
  };

  return {
    audioRef,
    timeMs,
    durationMs: mediaDurationMs || knownDurationMs || 0,
    playing,
    seek,
    togglePlay,
    keepPosition,
    audioEvents: {
      onPlay: () => setPlaying(true),
      onPause: () => { setPlaying(false); read(); },
      onEnded: () => { setPlaying(false); read(); },
      onTimeUpdate: read,
      onSeeked: read,
      onDurationChange: readDuration,
      onLoadedMetadata: () => {
        readDuration();
        const audio = audioRef.current;
        const pending = resume.current;
        resume.current = null;
        if (!audio || !pending) return;
        audio.currentTime = pending.timeMs / 1000;
        read();
        if (pending.play) void audio.play().catch(() => undefined);
      },
    },
  };
}
