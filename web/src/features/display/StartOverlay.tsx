// Browsers keep a page silent until someone interacts with it: one click (or the remote's OK,
// the button has focus) lets this TV play sound for the rest of the evening.
export function StartOverlay({ onStart }: { onStart: () => void }) {
  return (
    <div className="start-overlay" role="dialog" aria-modal="true" aria-labelledby="start-display-title">
      <h2 id="start-display-title">This TV needs one click to play sound</h2>
      <button type="button" className="primary start-button" data-testid="start-display" onClick={onStart} autoFocus>
        Start the display
      </button>
      <p className="muted">Your browser blocks sound until the page is clicked once.</p>
    </div>
  );
}
