// Lyrics timing (nudged in 250 ms steps) and size, for the room's display.
import { useId } from "react";
import type { LyricsSize } from "../../lib/protocol/types";
import { OFFSET_STEP_MS, describeOffset, formatOffset } from "./lyricsOffset";

const SIZES: Array<{ value: LyricsSize; label: string }> = [
  { value: "small", label: "Small" },
  { value: "medium", label: "Medium" },
  { value: "large", label: "Large" },
];

export function LyricsControls({ offsetMs, size, onNudge, onResetOffset, onSize }: {
  offsetMs: number;
  size: LyricsSize;
  onNudge: (deltaMs: number) => void;
  onResetOffset: () => void;
  onSize: (size: LyricsSize) => void;
}) {
  const sizeId = useId();
  const labelId = useId();
  return (
    <>
      <div className="ctl-lyrics-offset" role="group" aria-labelledby={labelId} data-testid="lyrics-offset" data-offset-ms={offsetMs}>
        <span id={labelId} className="ctl-label">Lyrics timing</span>
        <div className="ctl-stepper">
          <button type="button" onClick={() => onNudge(-OFFSET_STEP_MS)} aria-label="Show lyrics 0.25 seconds earlier">
            − Earlier
          </button>
          <output className="ctl-offset-value" aria-live="polite" aria-label={describeOffset(offsetMs)}>{formatOffset(offsetMs)}</output>
          <button type="button" onClick={() => onNudge(OFFSET_STEP_MS)} aria-label="Show lyrics 0.25 seconds later">
            Later +
          </button>
        </div>
        <div className="ctl-offset-foot">
          <span className="ctl-hint">{describeOffset(offsetMs)}</span>
          <button type="button" className="ghost ctl-small" onClick={onResetOffset} aria-disabled={offsetMs === 0}>Reset</button>
        </div>
      </div>
      <div className="ctl-lyrics-size">
        <label htmlFor={sizeId}>Lyrics size</label>
        <select id={sizeId} data-testid="lyrics-size" value={size} onChange={(event) => onSize(event.target.value as LyricsSize)}>
          {SIZES.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      </div>
    </>
  );
}
