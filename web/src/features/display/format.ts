// Small text helpers of the TV screen.

/** 83.4 → "1:23"; an hour or more → "1:02:03"; unknown → "–:––". */
export function formatTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "–:––";
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** The controller page of a room, which the QR code and the join text carry. */
export function joinUrl(origin: string, roomId: string): string {
  return `${origin}/controller/${encodeURIComponent(roomId)}`;
}

/** The join URL without its scheme, easier to type from across a room. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, "");
}

/** "1 device" / "3 devices": the other clients in the room (the display itself not counted). */
export function othersConnected(clientCount: number): string {
  const others = Math.max(0, clientCount - 1);
  return `${others} ${others === 1 ? "device" : "devices"} connected`;
}
