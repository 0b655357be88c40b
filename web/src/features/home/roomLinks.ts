// Where a room's pages live, and what makes a usable room name.

export function displayPath(roomId: string): string {
  return `/display/${encodeURIComponent(roomId)}`;
}

export function controllerPath(roomId: string): string {
  return `/controller/${encodeURIComponent(roomId)}`;
}

/** The link to hand to guests: the controller of the room, on this server. */
export function controllerUrl(roomId: string, origin: string): string {
  return `${origin.replace(/\/+$/, "")}${controllerPath(roomId)}`;
}

export const ROOM_NAME_MAX = 128;

/** The name to use (trimmed), or why it cannot be one (the server's rule: 1–128, no control characters). */
export function checkRoomName(text: string): { name: string } | { problem: string } {
  const name = text.trim();
  if (name === "") return { problem: "Give the room a name" };
  if (name.length > ROOM_NAME_MAX) return { problem: `A room name has at most ${ROOM_NAME_MAX} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return { problem: "A room name cannot contain control characters" };
  if (name.includes("/")) return { problem: "A room name cannot contain “/”" };
  return { name };
}
