// Who sings the song that is playing. The player state carries the entry but not the queue item
// it came from, so the singer is read from the queue's head just before "next" popped it. Fed in
// the order the socket delivers messages: play_next sends the new player_state before the queue
// without that item. Chorus's queue never holds the playing item, so its head is what plays next.
import type { PlayerState, QueueUpdate } from "../../lib/protocol/types";

export class NowSingerTracker {
  private nextUp: { entryId: string; singer: string | null } | null = null;
  private playingEntryId: string | null = null;
  private singer: string | null = null;

  onQueue(update: QueueUpdate): void {
    const head = update.items?.[0];
    this.nextUp = head?.entry ? { entryId: head.entry.id, singer: head.singer ?? null } : null;
  }

  onPlayer(state: PlayerState): void {
    const entryId = state.entry?.id ?? null;
    const ownSinger = (state.entry as { singer?: unknown } | null)?.singer;
    if (entryId !== this.playingEntryId || (entryId !== null && isFreshPop(state) && this.nextUp?.entryId === entryId)) {
      this.singer = entryId && this.nextUp?.entryId === entryId ? this.nextUp.singer : null;
      this.playingEntryId = entryId;
      // The popped head is gone: the same song queued again later must not reuse it.
      if (entryId && this.nextUp?.entryId === entryId) this.nextUp = null;
    }
    if (typeof ownSinger === "string" && ownSinger) this.singer = ownSinger;
  }

  /** The singer of the playing song, when known. */
  get current(): string | null {
    return this.playingEntryId ? this.singer : null;
  }
}

/** The state play_next makes (position and length zero), as opposed to a display's report. */
function isFreshPop(state: PlayerState): boolean {
  return state.play_state === "playing" && state.current_time === 0 && state.duration === 0;
}
