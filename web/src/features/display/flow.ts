// What the display does when the room's player state changes: play a new song, carry on with the
// one it has, go idle, or put right a stale report of its own. Pure, so the rules are tested.
import type { KaraokeEntry, PlayerState } from "../../lib/protocol/types";

/** The song the display has loaded. */
export interface ActiveSong {
  entryId: string;
  /** Where it is (s) by the display's own clock. */
  position: number;
  /** It played to its end (or failed) and the display asked for the next song. */
  advanceRequested: boolean;
}

/** A progress report the display sent for a song it has since left. */
export interface SentReport {
  entryId: string;
  currentTime: number;
}

export type EntryDecision =
  | { action: "idle" }
  | { action: "keep" }
  | { action: "load"; startAt: number; paused: boolean }
  | { action: "reassert" };

/** How far into a song a "from the start" state must find the display to mean a new start. */
const RESTART_THRESHOLD_S = 2;

/** A state the server built for a song it just started (play_next): at 0, length not known yet. */
export function isFreshStart(state: PlayerState): boolean {
  return state.play_state === "playing" && state.current_time === 0 && state.duration === 0;
}

export function decideOnPlayerState(
  state: PlayerState | null,
  active: ActiveSong | null,
  leftReports: readonly SentReport[],
): EntryDecision {
  const entry = state?.entry ?? null;
  if (!state || !entry) return { action: "idle" };
  if (active && entry.id === active.entryId) {
    const startedAgain = isFreshStart(state) && (active.advanceRequested || active.position > RESTART_THRESHOLD_S);
    return startedAgain ? { action: "load", startAt: 0, paused: false } : { action: "keep" };
  }
  // One of the display's own progress reports for the song it left, reaching the server after the
  // next song (or the end of the queue): the room would go back to the old song unless the display
  // says otherwise.
  if (!isFreshStart(state) && leftReports.some((report) => report.entryId === entry.id && report.currentTime === state.current_time)) {
    return { action: "reassert" };
  }
  if (state.play_state === "finished") return { action: "idle" };
  return {
    action: "load",
    startAt: isFreshStart(state) ? 0 : Math.max(0, state.current_time || 0),
    paused: state.play_state === "paused",
  };
}

/**
 * Whether the room has already left the song that ended here (`endedVersion` is the player
 * state's version when it ended): another display, or a controller, asked for the next song, so
 * asking again would skip one.
 */
export function roomMovedOn(state: PlayerState | null, endedEntryId: string, endedVersion: number | null): boolean {
  if (!state?.entry || state.entry.id !== endedEntryId) return true;
  return isFreshStart(state) && state.version !== endedVersion;
}

/** The reports kept to recognise stale echoes: the last few sent. */
export function rememberReport(reports: readonly SentReport[], report: SentReport, limit = 8): SentReport[] {
  return [...reports, report].slice(-limit);
}

export type ReportedPlayState = PlayerState["play_state"];

/** The DisplayPlayerState the display reports (`update_player_state`), stamped now. */
export function playerReport(
  entry: KaraokeEntry,
  playState: ReportedPlayState,
  currentTime: number,
  duration: number,
  volume: number,
  now = Date.now(),
): PlayerState {
  return {
    entry,
    play_state: playState,
    current_time: roundTime(currentTime),
    duration: roundTime(duration),
    volume: Math.min(1, Math.max(0, volume)),
    version: now,
    timestamp: now,
  };
}

/** Milliseconds are plenty, and a short number keeps the 1 Hz reports small. */
function roundTime(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) / 1000 : 0;
}
