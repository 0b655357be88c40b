// What the controller's buttons do, each with a clear message on success or failure.
import { useEffect, useState } from "react";
import type { KaraokeEntry, QueueItem } from "../../lib/protocol/types";
import { entryLabel, queueSongPayload } from "./entries";
import { INTENT_HOLD_MS, effectivePlaying, type PlayIntent } from "./playback";
import type { Commands } from "./useCommands";
import type { Notify } from "./useToasts";

export function useControllerActions({ commands, notify, singer, reportedPlaying }: {
  commands: Commands;
  notify: Notify;
  singer: string;
  reportedPlaying: boolean;
}) {
  const [intent, setIntent] = useState<PlayIntent | null>(null);
  useEffect(() => {
    if (!intent) return;
    const timer = setTimeout(() => setIntent(null), INTENT_HOLD_MS);
    return () => clearTimeout(timer);
  }, [intent]);
  const playing = effectivePlaying(reportedPlaying, intent, Date.now());

  return {
    playing,
    async add(entry: KaraokeEntry): Promise<boolean> {
      const added = await commands.request("queue_song", queueSongPayload(entry, singer), `Add ${entryLabel(entry)}`);
      if (added) notify.info(`Added ${entryLabel(entry)}`);
      return added;
    },
    playNext(item: QueueItem): void {
      commands.send("queue_next_song", { entry_id: item.id }, `Move ${entryLabel(item.entry)}`);
      notify.info(`${entryLabel(item.entry)} plays next`);
    },
    async remove(item: QueueItem): Promise<boolean> {
      const removed = await commands.request("remove_song", { entry_id: item.id }, `Remove ${entryLabel(item.entry)}`);
      if (removed) notify.info(`Removed ${entryLabel(item.entry)}`);
      return removed;
    },
    async clear(): Promise<boolean> {
      const cleared = await commands.request("clear_queue", {}, "Clear the queue");
      if (cleared) notify.info("Queue cleared");
      return cleared;
    },
    async playPause(): Promise<void> {
      const play = !playing;
      setIntent({ playing: play, at: Date.now() });
      const done = await commands.request(play ? "playback_play" : "playback_pause", {}, play ? "Play" : "Pause");
      if (!done) setIntent(null);
    },
    async skip(current: KaraokeEntry | null): Promise<void> {
      const skipped = await commands.request("play_next", {}, current ? "Skip" : "Start the next song");
      if (skipped && current) notify.info(`Skipped ${entryLabel(current)}`);
    },
  };
}
