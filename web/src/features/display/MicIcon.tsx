// A microphone drawn inline: emoji fonts are missing on many TV browsers.
export function MicIcon() {
  return (
    <svg className="mic-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="8" y="2" width="8" height="13" rx="4" fill="currentColor" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v4M8 22h8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
