// Editing title, artist, album, year, genre and language; each field says where its value came
// from, and the server's objections show at the field they are about.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { describe } from "../../../lib/api";
import { ApiError } from "../../../lib/api";
import { patchSong } from "../libraryApi";
import type { Song } from "../types";
import { formChanged, formFromSong, METADATA_FIELDS, patchFromForm, rebaseForm, sourceLabel, type FieldErrors, type MetadataField } from "./metadataForm";

export function MetadataEditor({ song, onSaved }: { song: Song; onSaved: (song: Song) => void }) {
  const [form, setForm] = useState(() => formFromSong(song));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const previous = useRef(song);

  useEffect(() => {
    setForm((current) => rebaseForm(current, previous.current, song));
    previous.current = song;
  }, [song]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    const { changes, errors: problems } = patchFromForm(form, song);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(changes).length === 0) return;
    setSaving(true);
    try {
      onSaved(await patchSong(song.id, changes));
      setSaved(true);
    } catch (error) {
      const field = error instanceof ApiError ? error.field : null;
      if (field && METADATA_FIELDS.some((item) => item.name === field)) {
        setErrors({ [field as MetadataField]: describe(error) });
      } else {
        setFailure(`The changes could not be saved: ${describe(error)}`);
      }
    } finally {
      setSaving(false);
    }
  };

  const changed = formChanged(form, song);
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">Details</h2>
      <div className="metadata-grid">
        {METADATA_FIELDS.map((field) => {
          const id = `song-${field.name}`;
          const source = sourceLabel(song, field.name);
          const error = errors[field.name];
          return (
            <div key={field.name} className="metadata-field">
              <div className="metadata-label">
                <label htmlFor={id}>{field.label}</label>
                {source && <span className="field-source" data-testid={`source-${field.name}`}>{source}</span>}
              </div>
              <input
                id={id}
                data-testid={`song-${field.name}`}
                value={form[field.name]}
                inputMode={field.name === "year" ? "numeric" : undefined}
                maxLength={field.maxLength ? field.maxLength + 50 : undefined}
                required={field.required}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(event) => {
                  const value = event.target.value;
                  setForm((current) => ({ ...current, [field.name]: value }));
                  setErrors((current) => ({ ...current, [field.name]: undefined }));
                  setSaved(false);
                }}
              />
              {error && <p id={`${id}-error`} className="error-text field-error">{error}</p>}
            </div>
          );
        })}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={!changed || saving} data-testid="save-metadata">
          {saving ? "Saving…" : "Save details"}
        </button>
        <button type="button" className="ghost" disabled={!changed || saving}
          onClick={() => { setForm(formFromSong(song)); setErrors({}); setFailure(null); }}>
          Revert
        </button>
        <span aria-live="polite" className="ok-text">{saved && !changed ? "Saved." : ""}</span>
      </div>
      {failure && <p className="error-text" role="alert">{failure}</p>}
    </form>
  );
}
