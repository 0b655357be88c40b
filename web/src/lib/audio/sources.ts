/** Stops and disconnects scheduled buffer sources at once, without firing their `onended`. */
export function silence(sources: Iterable<AudioScheduledSourceNode>): void {
  for (const source of sources) {
    source.onended = null;
    try {
      source.stop();
    } catch {
      /* never started */
    }
    source.disconnect();
  }
}
