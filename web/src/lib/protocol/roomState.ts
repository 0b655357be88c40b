// What a page knows of its room, built from the server's messages by one pure reducer, so the
// version rule and the resync after a reconnect can be tested without a socket.
import { isNewer } from "./versions";
import type { PerformanceState, PlayerState, QueueItem, QueueUpdate } from "./types";

export interface RoomView {
  clientCount: number;
  queue: QueueUpdate | null;
  player: PlayerState | null;
  performance: PerformanceState;
  isLeader: boolean;
  /**
   * Between a reconnect's join_room and its ack: the snapshot replaces what is held, whatever its
   * version, and a player state the snapshot leaves out is gone.
   */
  resyncing: boolean;
  resyncSawPlayer: boolean;
}

export const INITIAL_PERFORMANCE: PerformanceState = {
  vocal_volume: 0,
  instrumental_volume: 1,
  lyrics_size: "medium",
  lyrics_offset: 0,
  current_time: 0,
  duration: 0,
  is_playing: false,
};

export const INITIAL_ROOM: RoomView = {
  clientCount: 0,
  queue: null,
  player: null,
  performance: INITIAL_PERFORMANCE,
  isLeader: false,
  resyncing: false,
  resyncSawPlayer: false,
};

export type RoomMessage =
  | { name: "client_count"; payload: number }
  | { name: "queue_update"; payload: QueueUpdate }
  | { name: "player_state"; payload: PlayerState }
  | { name: "performance_state"; payload: PerformanceState }
  | { name: "control_updated"; payload: { control: keyof PerformanceState; value: unknown } }
  | { name: "playback_play" | "playback_pause"; payload: unknown }
  | { name: "leader_status"; payload: { is_leader: boolean } }
  | { name: "resync" }
  | { name: "synced" }
  | { name: "local_control"; payload: Partial<PerformanceState> };

/** The room after one message. Unknown or malformed messages leave it as it was. */
export function roomReducer(view: RoomView, message: RoomMessage): RoomView {
  switch (message.name) {
    case "client_count":
      return typeof message.payload === "number" ? { ...view, clientCount: message.payload } : view;
    case "queue_update": {
      const update = message.payload;
      if (!update || !Array.isArray(update.items)) return view;
      if (!view.resyncing && !isNewer(update, view.queue)) return view;
      return { ...view, queue: update };
    }
    case "player_state": {
      const state = message.payload;
      if (!state || typeof state.version !== "number") return view;
      if (!view.resyncing && !isNewer(state, view.player)) return view;
      return { ...view, player: state, resyncSawPlayer: view.resyncing || view.resyncSawPlayer };
    }
    case "performance_state":
      return message.payload ? { ...view, performance: { ...view.performance, ...message.payload } } : view;
    case "control_updated": {
      const { control, value } = message.payload ?? {};
      if (!control || !(control in INITIAL_PERFORMANCE)) return view;
      return { ...view, performance: { ...view.performance, [control]: value } };
    }
    case "playback_play":
    case "playback_pause":
      return { ...view, performance: { ...view.performance, is_playing: message.name === "playback_play" } };
    case "leader_status":
      return { ...view, isLeader: Boolean(message.payload?.is_leader) };
    case "resync":
      return { ...view, resyncing: true, resyncSawPlayer: false };
    case "synced":
      return { ...view, resyncing: false, resyncSawPlayer: false, player: view.resyncSawPlayer ? view.player : null };
    case "local_control":
      return { ...view, performance: { ...view.performance, ...message.payload } };
  }
}

/**
 * The songs waiting, in order. Chorus never keeps the playing item in the queue (play_next pops
 * it), so nothing is filtered: the same library song queued again by someone else must show.
 */
export function upcoming(view: RoomView): QueueItem[] {
  return view.queue?.items ?? [];
}
