// A 0–100 % slider for a 0–1 level; tells when a drag ends so the final value goes out at once.
import { useId } from "react";

export function LevelSlider({ label, hint, value, testId, onChange, onRelease }: {
  label: string;
  hint?: string;
  value: number;
  testId: string;
  onChange: (level: number) => void;
  onRelease: () => void;
}) {
  const id = useId();
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="ctl-level">
      <div className="ctl-level-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} className="ctl-level-value">{percent} %</output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={percent}
        data-testid={testId}
        aria-valuetext={`${percent} %`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(Number(event.target.value) / 100)}
        onPointerUp={onRelease}
        onKeyUp={onRelease}
        onBlur={onRelease}
      />
      {hint && <p id={`${id}-hint`} className="ctl-hint">{hint}</p>}
    </div>
  );
}
