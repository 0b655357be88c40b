// Moving every synced line earlier or later at once, stored on the server (lyrics/shift).
import { useEffect, useState, type FormEvent } from "react";
import { ApiError, describe } from "../../../lib/api";
import { shiftLyrics } from "../libraryApi";
import type { LyricsResponse } from "../types";

const STEPS = [-500, -100, 100, 500];
const LIMIT_MS = 600_000;

function explain(error: unknown): string {
  if (error instanceof ApiError && error.code === "NO_SYNCED_LYRICS") {
    return "This song has no synced lyrics to shift. Add time stamps first (paste LRC or use Stamp below) and save.";
  }
  return `The lyrics could not be shifted: ${describe(error)}`;
}

export function LyricsOffset({ songId, savedSynced, blockedReason, onShifted }: {
  songId: string;
  /** The stored synced lyrics: once they change, an old "nothing to shift" no longer holds. */
  savedSynced: string | null;
  /** Why shifting is not possible right now (unsaved edits), or null. */
  blockedReason: string | null;
  onShifted: (lyrics: LyricsResponse) => void;
}) {
  const [amount, setAmount] = useState("0");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [total, setTotal] = useState(0);

  useEffect(() => {
    setError(null);
  }, [savedSynced]);

  const shift = async (offsetMs: number) => {
    if (!Number.isInteger(offsetMs) || Math.abs(offsetMs) > LIMIT_MS) {
      setError(`Give a whole number of milliseconds from −${LIMIT_MS} to ${LIMIT_MS}.`);
      return;
    }
    if (offsetMs === 0) return;
    setBusy(true);
    setError(null);
    try {
      onShifted(await shiftLyrics(songId, offsetMs));
      setTotal((sum) => sum + offsetMs);
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void shift(Number(amount));
  };

  const disabled = busy || blockedReason !== null;
  return (
    <fieldset className="lyrics-offset stack" data-testid="song-lyrics-offset">
      <legend>Timing</legend>
      <p className="muted small">Lyrics ahead of the singing? Move them later. Behind? Move them earlier. This is saved for everyone.</p>
      <div className="row">
        {STEPS.map((step) => (
          <button key={step} type="button" disabled={disabled} onClick={() => void shift(step)}
            aria-label={`Show the lyrics ${Math.abs(step)} ms ${step < 0 ? "earlier" : "later"}`}>
            {step < 0 ? "−" : "+"}{Math.abs(step)} ms
          </button>
        ))}
      </div>
      <form className="input-with-button offset-form" onSubmit={submit}>
        <label htmlFor="lyrics-shift-ms" className="visually-hidden">Shift by milliseconds (positive is later)</label>
        <input id="lyrics-shift-ms" type="number" inputMode="numeric" step={1} min={-LIMIT_MS} max={LIMIT_MS}
          value={amount} onChange={(event) => setAmount(event.target.value)} disabled={disabled} />
        <button type="submit" disabled={disabled}>Shift by ms</button>
      </form>
      <p className="muted small" aria-live="polite">
        {blockedReason ?? (total !== 0 ? `Moved ${total > 0 ? "later" : "earlier"} by ${Math.abs(total)} ms so far.` : "Positive numbers show the lyrics later.")}
      </p>
      {error && <p className="error-text" role="alert">{error}</p>}
    </fieldset>
  );
}
