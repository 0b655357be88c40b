// A progress bar people and tests can read: role=progressbar with its value 0-100.
export function ProgressBar({ value, label, tone }: { value: number; label: string; tone?: "ok" | "danger" | "muted" }) {
  const clamped = Math.max(0, Math.min(100, Math.round(Number.isFinite(value) ? value : 0)));
  return (
    <div
      className={`progress library-progress${tone ? ` tone-${tone}` : ""}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={`${clamped} %`}
    >
      <span style={{ width: `${clamped}%` }} />
    </div>
  );
}
