// Small text helpers of the TV screen.

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
