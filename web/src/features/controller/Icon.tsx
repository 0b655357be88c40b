// Small line icons drawn inline, so they look the same everywhere: TVs and some phones have no
// emoji or symbol fonts.

const FILLED = { play: "M8 5.5v13l10.5-6.5z", pause: "M6.5 5h4v14h-4zM13.5 5h4v14h-4z", skip: "M5.5 6v12l9-6zM16 6h2.5v12H16z" };

const STROKED: Record<string, string> = {
  close: "M6 6l12 12M18 6L6 18",
  top: "M5 4h14M12 20V9M6.5 14.5L12 9l5.5 5.5",
  mic: "M12 3a3 3 0 0 1 3 3v5a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M8.5 21h7",
  tv: "M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zM8 21h8M12 17v4",
  music: "M9 18V5.5L19 3.5v12.5M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0zM19 16a3 3 0 1 1-6 0 3 3 0 0 1 6 0z",
  headphones: "M4 15v-3a8 8 0 0 1 16 0v3M4 15h3v5H5a1 1 0 0 1-1-1zM20 15h-3v5h2a1 1 0 0 0 1-1z",
  search: "M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM15.5 15.5L20 20",
  list: "M9 6h11M9 12h11M9 18h11M4.5 6h.5M4.5 12h.5M4.5 18h.5",
  sliders: "M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4",
  lock: "M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3",
  back: "M15 5l-7 7 7 7",
  share: "M12 15V3.5M7.5 8L12 3.5 16.5 8M5 12.5V20h14v-7.5",
  check: "M5 12.5l4.5 4.5L19 7.5",
};

export type IconName = keyof typeof FILLED | keyof typeof STROKED;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  const filled = name in FILLED;
  const path = filled ? FILLED[name as keyof typeof FILLED] : STROKED[name];
  return (
    <svg
      className={`icon${className ? ` ${className}` : ""}`}
      viewBox="0 0 24 24"
      width="1.25em"
      height="1.25em"
      aria-hidden="true"
      focusable="false"
      fill={filled ? "currentColor" : "none"}
      stroke={filled ? "none" : "currentColor"}
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}
