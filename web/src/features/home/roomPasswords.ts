// Typed room passwords, kept for this tab only (sessionStorage) as the original front end keeps
// them; the room socket reads them back when it joins.
import { passwordKey } from "./roomLinks";

export function rememberRoomPassword(roomId: string, password: string): void {
  try {
    if (password) sessionStorage.setItem(passwordKey(roomId), password);
    else sessionStorage.removeItem(passwordKey(roomId));
  } catch {
    /* the proof cookie from /rooms/verify still admits this browser */
  }
}
