// Create a room: public (listed here for anyone) or private (only those with the code, and the
// password when it has one). The name is checked first so a taken one is said plainly.
import { useEffect, useState, type FormEvent } from "react";
import { ApiError, describe } from "../../lib/api";
import { checkRoomName } from "./roomLinks";
import { createRoom, findRoom } from "./roomsApi";
import { rememberRoomPassword } from "../../lib/protocol/roomPasswords";

export function CreateRoomCard({ suggestedName, onCreated }: {
  suggestedName: string | null;
  onCreated: (roomId: string, requiresPassword: boolean) => void;
}) {
  const [name, setName] = useState("");
  const [isPublic, setIsPublic] = useState(true);
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (suggestedName) setName(suggestedName);
  }, [suggestedName]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkRoomName(name);
    if ("problem" in checked) {
      setMessage(checked.problem);
      return;
    }
    const secret = isPublic ? "" : password;
    setBusy(true);
    setMessage(null);
    try {
      if (await findRoom(checked.name)) {
        setMessage(`“${checked.name}” is taken. Choose another name, or join it with the code above.`);
        return;
      }
      const room = await createRoom(checked.name, isPublic, secret);
      rememberRoomPassword(room.id, secret);
      setName("");
      setPassword("");
      onCreated(room.id, room.requires_password);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && /already exists/i.test(error.message)) {
        setMessage(`“${checked.name}” is taken. Choose another name.`);
      } else {
        setMessage(describe(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack" aria-labelledby="create-heading">
      <h2 id="create-heading">Create a room</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <div>
          <label htmlFor="create-room-name">Room name</label>
          <input
            id="create-room-name"
            data-testid="create-room-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. fridaynight"
            autoCapitalize="none"
            autoCorrect="off"
            autoComplete="off"
            spellCheck={false}
            maxLength={128}
            aria-describedby="create-room-hint"
          />
          <p id="create-room-hint" className="muted home-hint">Guests type this name to join, so keep it short.</p>
        </div>
        <fieldset className="home-visibility">
          <legend>Who can find it</legend>
          <label className="home-choice">
            <input type="radio" name="visibility" checked={isPublic} onChange={() => setIsPublic(true)} />
            <span><strong>Public</strong> <span className="muted">listed on this page</span></span>
          </label>
          <label className="home-choice">
            <input type="radio" name="visibility" checked={!isPublic} onChange={() => setIsPublic(false)} />
            <span><strong>Private</strong> <span className="muted">only people with the code</span></span>
          </label>
        </fieldset>
        {!isPublic && (
          <div>
            <label htmlFor="create-room-password">Password <span className="muted">(optional)</span></label>
            <input
              id="create-room-password"
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="new-password"
            />
          </div>
        )}
        {message && <p className="home-message" role="alert">{message}</p>}
        <button type="submit" className="primary home-wide" data-testid="create-room" aria-disabled={busy}>
          {busy ? "Creating…" : "Create room"}
        </button>
      </form>
    </section>
  );
}
