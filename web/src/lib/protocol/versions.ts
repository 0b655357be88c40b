// The version rule every client applies (docs/protocol.md §5): a queue_update or player_state
// replaces what a client holds when its version is greater, or equal with a greater timestamp.

export interface Versioned {
  version: number;
  timestamp: number;
}

/** Whether `incoming` should replace `current` (always, when nothing is held yet). */
export function isNewer(incoming: Versioned, current: Versioned | null | undefined): boolean {
  if (!current) return true;
  if (incoming.version !== current.version) return incoming.version > current.version;
  return incoming.timestamp > current.timestamp;
}
