// Control changes made while offline, one per control: a slider dragged for ten seconds without a
// connection is one change to send, not a hundred (which would trip the server's rate limit).

export class PendingControls {
  private readonly changes = new Map<string, () => void>();

  /** Keeps `send` for `key`, replacing an earlier change of the same control. */
  set(key: string, send: () => void): void {
    this.changes.delete(key);
    this.changes.set(key, send);
  }

  get size(): number {
    return this.changes.size;
  }

  /** Sends every kept change, in the order they were last made, and forgets them. */
  flush(): number {
    const sends = [...this.changes.values()];
    this.changes.clear();
    sends.forEach((send) => send());
    return sends.length;
  }
}
