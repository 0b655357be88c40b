// Join by code: the room must exist; a password room asks for its password, which is then kept
// for this tab so the room's socket can join with it.
import { useState, type FormEvent } from "react";
import { describe } from "../../lib/api";
import { verifyRoom } from "./roomsApi";
import { rememberRoomPassword } from "../../lib/protocol/roomPasswords";

export function JoinRoomCard({ onJoined, onMissing }: {
  onJoined: (roomId: string, requiresPassword: boolean) => void;
  onMissing: (roomId: string) => void;
}) {
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [askPassword, setAskPassword] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const roomId = code.trim();
    if (!roomId) {
      setMessage("Type the room's code (its name)");
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await verifyRoom(roomId, askPassword ? password : undefined);
      if (outcome.kind === "ok") {
        if (askPassword) rememberRoomPassword(roomId, password);
        setAskPassword(false);
        setPassword("");
        onJoined(roomId, outcome.room.requires_password);
      } else if (outcome.kind === "password") {
        const wrong = askPassword && password !== "";
        setAskPassword(true);
        setMessage(wrong ? "That password is not right. Try again." : "This room needs a password.");
      } else {
        setMessage(`There is no room called “${roomId}”. Check the code, or create it below.`);
        onMissing(roomId);
      }
    } catch (error) {
      setMessage(describe(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="join-heading">
      <h2 id="join-heading">Join a room</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <div>
          <label htmlFor="join-code">Room code</label>
          <input
            id="join-code"
            data-testid="join-code"
            value={code}
            onChange={(event) => {
              setCode(event.target.value);
              if (askPassword) setAskPassword(false);
            }}
            placeholder="e.g. party"
            autoCapitalize="none"
            autoCorrect="off"
            autoComplete="off"
            spellCheck={false}
            maxLength={128}
            enterKeyHint="go"
          />
        </div>
        {askPassword && (
          <div>
            <label htmlFor="join-password">Password</label>
            <input
              id="join-password"
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="current-password"
              autoFocus
            />
          </div>
        )}
        {message && <p className="home-message" role="alert">{message}</p>}
        <button type="submit" className="primary home-wide" aria-disabled={busy}>
          {busy ? "Checking…" : "Join"}
        </button>
      </form>
    </section>
  );
}
