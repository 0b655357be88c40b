// The display's part of the room protocol: load and play what the room's player state names,
// report progress (update_player_state + report_performance ~1×/s and on every change), follow
// play/pause/reset/volume from the controllers, and ask for the next song at the end.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChorusSocket, ConnectionStatus } from "../../lib/protocol/ChorusSocket";
import type { RoomView } from "../../lib/protocol/roomState";
import type { KaraokeEntry } from "../../lib/protocol/types";
import {
  decideOnPlayerState, playerReport, rememberReport, roomMovedOn, type ReportedPlayState, type SentReport,
} from "./flow";
import { LibraryPlayback } from "./playback/LibraryPlayback";
import type { MixRequest, Playback, PlaybackStatus } from "./playback/Playback";
import { UrlPlayback } from "./playback/UrlPlayback";
import { describe } from "../../lib/api";

export interface CurrentSong {
  entry: KaraokeEntry;
  playback: Playback;
  singer: string | null;
}

/** How long a failed song stays on screen before the display moves on. */
export const SKIP_FAILED_AFTER_MS = 8_000;
/** How long the display watches for its own late reports of a song it left. */
const STALE_REPORT_WINDOW_MS = 15_000;
const ADVANCE_RETRY_MS = 3_000;
/**
 * Asking for the next song waits a random moment first: with two displays in a room both reach the
 * end, and the later one then sees that the room has moved on instead of skipping a song.
 */
const ADVANCE_JITTER_MS = [150, 750] as const;

function reportedState(status: PlaybackStatus): ReportedPlayState {
  switch (status) {
    case "loading":
      return "buffering";
    case "playing":
      return "playing";
    case "ended":
      return "finished";
    default:
      return "paused";
  }
}

function clampVolume(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1;
}

export function usePlaybackFlow(options: {
  view: RoomView;
  socket: ChorusSocket | null;
  status: ConnectionStatus;
  context: AudioContext | null;
  singerFor: (entryId: string) => string | null;
}): { current: CurrentSong | null; volume: number; notice: string | null } {
  const { view, socket, status, context, singerFor } = options;
  const [current, setCurrent] = useState<CurrentSong | null>(null);
  const [volume, setVolume] = useState(() => clampVolume(view.player?.volume ?? 1));
  const [notice, setNotice] = useState<string | null>(null);
  const currentRef = useRef<CurrentSong | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  const volumeRef = useRef(volume);
  const reports = useRef<SentReport[]>([]);
  const left = useRef<{ reports: SentReport[]; until: number }>({ reports: [], until: 0 });
  /** A song that ended here: `due` once its wait is over, `sent` while play_next is on its way. */
  const advance = useRef<{ entryId: string; endedVersion: number | null; due: boolean; sent: boolean } | null>(null);

  const mixRequest = useCallback((): MixRequest => ({
    vocal: viewRef.current.performance.vocal_volume,
    instrumental: viewRef.current.performance.instrumental_volume,
    volume: volumeRef.current,
  }), []);

  const report = useCallback((playState?: ReportedPlayState) => {
    const song = currentRef.current;
    if (!song || !socket?.isReady) return;
    const { playback, entry } = song;
    const state = playerReport(
      entry, playState ?? reportedState(playback.status), playback.currentTime(),
      playback.duration() || entry.duration || 0, volumeRef.current,
    );
    socket.send("update_player_state", state);
    socket.send("report_performance", {
      is_playing: state.play_state === "playing", current_time: state.current_time, duration: state.duration,
    });
    reports.current = rememberReport(reports.current, { entryId: entry.id, currentTime: state.current_time });
  }, [socket]);

  /** Asks for the next song once the room still names the one that ended (and the socket is up). */
  const tryAdvance = useCallback(() => {
    const pending = advance.current;
    if (!pending || !pending.due || pending.sent || !socket?.isReady || viewRef.current.resyncing) return;
    if (roomMovedOn(viewRef.current.player, pending.entryId, pending.endedVersion)) return;
    pending.sent = true;
    socket.request("play_next").catch((error: unknown) => {
      pending.sent = false;
      setNotice(`Could not start the next song: ${describe(error)}. Trying again…`);
      setTimeout(() => {
        if (advance.current === pending) tryAdvance();
      }, ADVANCE_RETRY_MS);
    });
  }, [socket]);

  const requestAdvance = useCallback((entryId: string) => {
    const pending = { entryId, endedVersion: viewRef.current.player?.version ?? null, due: false, sent: false };
    advance.current = pending;
    const [least, most] = ADVANCE_JITTER_MS;
    setTimeout(() => {
      pending.due = true;
      if (advance.current === pending) tryAdvance();
    }, least + Math.random() * (most - least));
  }, [tryAdvance]);

  const switchTo = useCallback((next: CurrentSong | null) => {
    const previous = currentRef.current;
    if (previous) {
      previous.playback.dispose();
      left.current = { reports: reports.current, until: Date.now() + STALE_REPORT_WINDOW_MS };
    }
    reports.current = [];
    advance.current = null;
    currentRef.current = next;
    setCurrent(next);
    setNotice(null);
  }, []);

  // The room's player state decides what plays.
  useEffect(() => {
    if (view.resyncing || !context) return;
    const song = currentRef.current;
    const active = song
      ? { entryId: song.entry.id, position: song.playback.currentTime(), advanceRequested: advance.current !== null }
      : null;
    const staleWindow = Date.now() < left.current.until ? left.current.reports : [];
    const decision = decideOnPlayerState(view.player, active, staleWindow);
    if (decision.action === "keep") return;
    if (decision.action === "reassert") {
      if (song) report();
      else if (socket?.isReady) {
        const now = Date.now();
        socket.send("update_player_state", {
          entry: null, play_state: "finished", current_time: 0, duration: 0, volume: volumeRef.current, version: now, timestamp: now,
        });
      }
      return;
    }
    if (decision.action === "idle") {
      if (song) switchTo(null);
      return;
    }
    const entry = view.player!.entry!;
    if (view.player && Number.isFinite(view.player.volume)) {
      volumeRef.current = clampVolume(view.player.volume);
      setVolume(volumeRef.current);
    }
    const start = { startAt: decision.startAt, paused: decision.paused, mix: mixRequest() };
    const playback = entry.source === "library"
      ? new LibraryPlayback(context, entry.id, start)
      : new UrlPlayback(entry, start);
    switchTo({ entry, playback, singer: singerFor(entry.id) });
    report("buffering");
  }, [view.player, view.resyncing, context, socket, report, switchTo, mixRequest, singerFor]);

  // Reports on every change of the song's state; the end (or a failure) moves the room on.
  useEffect(() => {
    if (!current) return;
    const { playback, entry } = current;
    let last = playback.status;
    let skipTimer: ReturnType<typeof setTimeout> | null = null;
    const stop = playback.subscribe(() => {
      if (playback.status === last) return;
      last = playback.status;
      report();
      if (playback.status === "ended") {
        requestAdvance(entry.id);
      } else if (playback.status === "error" && !skipTimer) {
        skipTimer = setTimeout(() => requestAdvance(entry.id), SKIP_FAILED_AFTER_MS);
      }
    });
    const ticker = setInterval(() => {
      if (playback.status === "playing") report();
    }, 1000);
    return () => {
      stop();
      clearInterval(ticker);
      if (skipTimer) clearTimeout(skipTimer);
    };
  }, [current, report, requestAdvance]);

  // An end reached while offline is acted on once the room is back.
  useEffect(() => {
    if (status.state === "online" && !view.resyncing) tryAdvance();
  }, [status.state, view.resyncing, view.player, tryAdvance]);

  // The room's levels and the master volume, into whatever plays.
  useEffect(() => {
    current?.playback.setMix({ vocal: view.performance.vocal_volume, instrumental: view.performance.instrumental_volume, volume });
  }, [current, view.performance.vocal_volume, view.performance.instrumental_volume, volume]);

  // Commands for the display: the original controller's and Chorus's.
  useEffect(() => {
    if (!socket) return;
    const play = () => {
      const song = currentRef.current;
      if (song && song.playback.status !== "ended" && song.playback.status !== "error") song.playback.play();
    };
    const pause = () => currentRef.current?.playback.pause();
    const reset = () => {
      const song = currentRef.current;
      if (!song || song.playback.status === "error") return;
      // Back to the start, playing on if it was playing: the report that follows also puts the
      // room's is_playing (which reset_performance cleared) right again.
      song.playback.seek(0);
      report();
    };
    const changeVolume = (payload: unknown) => {
      if (typeof payload !== "number" || !Number.isFinite(payload)) return;
      volumeRef.current = clampVolume(payload);
      setVolume(volumeRef.current);
      const song = currentRef.current;
      if (song) {
        song.playback.setMix(mixRequest());
        report();
      } else if (viewRef.current.player && socket.isReady) {
        const now = Date.now();
        socket.send("update_player_state", { ...viewRef.current.player, volume: volumeRef.current, version: now, timestamp: now });
      }
    };
    const stops = [
      socket.on("play_song", play),
      socket.on("playback_play", play),
      socket.on("pause_song", pause),
      socket.on("playback_pause", pause),
      socket.on("reset_player_state", reset),
      socket.on("set_volume", changeVolume),
    ];
    return () => stops.forEach((stop) => stop());
  }, [socket, report, mixRequest]);

  useEffect(() => () => currentRef.current?.playback.dispose(), []);

  return { current, volume, notice };
}
