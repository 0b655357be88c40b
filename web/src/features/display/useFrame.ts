// Runs a drawing step every animation frame, and at least 4×/s even when the browser holds frames
// back (a hidden or throttled tab), so what tests and controllers read never freezes.
import { useEffect, useRef } from "react";

export function useFrame(step: () => void, active = true): void {
  const latest = useRef(step);
  latest.current = step;
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const loop = () => {
      latest.current();
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    const fallback = setInterval(() => latest.current(), 250);
    return () => {
      cancelAnimationFrame(frame);
      clearInterval(fallback);
    };
  }, [active]);
}
