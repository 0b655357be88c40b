// Typed room passwords, kept for this tab only (sessionStorage, under the original front end's
// key `room-password-<ID>`): the pages that ask for one write it, the room socket reads it back
// when it joins.

/** The session key under which a room's typed password is kept. */
export function passwordKey(roomId: string): string {
  return `room-password-${roomId}`;
}

/** The password a user typed for a room, or null. */
export function roomPassword(roomId: string): string | null {
  try {
    return sessionStorage.getItem(passwordKey(roomId));
  } catch {
    return null;
  }
}

/** Keeps (or, for an empty one, forgets) the password typed for a room. */
export function rememberRoomPassword(roomId: string, password: string): void {
  try {
    if (password) sessionStorage.setItem(passwordKey(roomId), password);
    else sessionStorage.removeItem(passwordKey(roomId));
  } catch {
    /* the proof cookie from /rooms/verify still admits this browser */
  }
}
