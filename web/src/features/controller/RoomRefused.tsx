// The room said no: a password room asks for its password (checked by /rooms/verify, which also
// sets the cookie the socket is admitted by); anything else (a full room) can be tried again.
import { useState, type FormEvent } from "react";
import { Link } from "../../app/router";
import { describe } from "../../lib/api";
import { rememberRoomPassword } from "../../lib/protocol/roomPasswords";
import { verifyRoom } from "../home/roomsApi";

export function RoomRefused({ roomId, reason, onRetry }: { roomId: string; reason: string; onRetry: () => void }) {
  const needsPassword = /password/i.test(reason);
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<string | null>(needsPassword && /invalid/i.test(reason) ? "That password is not right." : null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setMessage("Type the room's password");
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await verifyRoom(roomId, password);
      if (outcome.kind === "ok") {
        rememberRoomPassword(roomId, password);
        onRetry();
      } else if (outcome.kind === "password") {
        setMessage("That password is not right. Try again.");
      } else {
        setMessage(`There is no room called “${roomId}” any more.`);
      }
    } catch (error) {
      setMessage(describe(error));
    } finally {
      setBusy(false);
    }
  };

  if (!needsPassword) {
    return (
      <section className="card stack ctl-refused" role="alert">
        <h2>Could not join {roomId}</h2>
        <p>{reason}</p>
        <div className="row">
          <button type="button" className="primary" onClick={onRetry}>Try again</button>
          <Link to="/" className="button">Other rooms</Link>
        </div>
      </section>
    );
  }
  return (
    <section className="card stack ctl-refused">
      <h2>{roomId} has a password</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <div>
          <label htmlFor="ctl-room-password">Room password</label>
          <input id="ctl-room-password" type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoFocus autoComplete="current-password" />
        </div>
        {message && <p className="error-text" role="alert">{message}</p>}
        <button type="submit" className="primary" aria-disabled={busy}>{busy ? "Checking…" : "Join"}</button>
      </form>
    </section>
  );
}
