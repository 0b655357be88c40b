// Deleting a song, after an explicit second step: its files go too and cannot come back.
import { useState } from "react";
import { describe } from "../../../lib/api";
import { navigate } from "../../../app/router";
import { deleteSong } from "../libraryApi";

export function DeleteSong({ songId, title }: { songId: string; title: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteSong(songId);
      navigate("/library");
    } catch (failure) {
      setError(`The song could not be deleted: ${describe(failure)}`);
      setBusy(false);
    }
  };

  if (!confirming) {
    return <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete song…</button>;
  }
  return (
    <div className="delete-confirm" role="alertdialog" aria-labelledby="delete-question">
      <p id="delete-question"><strong>Delete “{title}”?</strong> Its audio, stems and lyrics are removed for good.</p>
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={() => void remove()} autoFocus data-testid="confirm-delete">
          {busy ? "Deleting…" : "Delete for good"}
        </button>
        <button type="button" disabled={busy} onClick={() => setConfirming(false)}>Keep it</button>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
    </div>
  );
}
