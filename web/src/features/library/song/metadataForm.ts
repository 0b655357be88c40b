// The song's metadata form: what the person typed, checked as the server checks it, turned into
// the PATCH body of only what changed; and where each value came from. Pure, so it is unit-tested.
import type { Song } from "../types";

export type MetadataField = "title" | "artist" | "album" | "year" | "genre" | "language";

export const METADATA_FIELDS: { name: MetadataField; label: string; maxLength?: number; required?: boolean }[] = [
  { name: "title", label: "Title", maxLength: 200, required: true },
  { name: "artist", label: "Artist", maxLength: 200, required: true },
  { name: "album", label: "Album", maxLength: 200 },
  { name: "year", label: "Year" },
  { name: "genre", label: "Genre", maxLength: 100 },
  { name: "language", label: "Language", maxLength: 50 },
];

export type MetadataForm = Record<MetadataField, string>;
export type FieldErrors = Partial<Record<MetadataField, string>>;

export function formFromSong(song: Pick<Song, MetadataField>): MetadataForm {
  const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  return {
    title: text(song.title), artist: text(song.artist), album: text(song.album),
    year: text(song.year), genre: text(song.genre), language: text(song.language),
  };
}

/** The PATCH body of the changed fields (`null` clears one), or the problems that stop it. */
export function patchFromForm(form: MetadataForm, song: Pick<Song, MetadataField>): {
  changes: Partial<Record<MetadataField, string | number | null>>;
  errors: FieldErrors;
} {
  const saved = formFromSong(song);
  const changes: Partial<Record<MetadataField, string | number | null>> = {};
  const errors: FieldErrors = {};
  for (const field of METADATA_FIELDS) {
    const value = form[field.name].trim();
    if (field.required && value === "") {
      errors[field.name] = `${field.label} cannot be empty.`;
      continue;
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) {
      errors[field.name] = `${field.label} can be at most ${field.maxLength} characters (it has ${value.length}).`;
      continue;
    }
    if (field.name === "year" && value !== "") {
      const year = Number(value);
      if (!/^\d+$/.test(value) || year < 1000 || year > 2999) {
        errors.year = "Year must be a whole number from 1000 to 2999.";
        continue;
      }
    }
    if (value === saved[field.name].trim()) continue;
    if (field.name === "year") changes.year = value === "" ? null : Number(value);
    else changes[field.name] = value === "" ? null : value;
  }
  return { changes, errors };
}

const SOURCE_NAMES: Record<string, string> = {
  tags: "the file's tags",
  "video page": "the video page",
  request: "the import request",
  "file name": "the file name",
  default: "a default",
  "title parser": "the video title",
  "lyrics file": "the lyrics file",
  "picture file": "the picture file",
  itunes: "iTunes",
  musicbrainz: "MusicBrainz",
  coverartarchive: "the Cover Art Archive",
  lrclib: "LRCLIB",
};

/** "edited" for a value a person set, "from iTunes" and the like otherwise, "" when unknown. */
export function sourceLabel(song: Pick<Song, "fieldSources" | "editedFields">, field: string): string {
  const source = song.fieldSources?.[field];
  if (source === "user" || (song.editedFields ?? []).includes(field)) return "edited";
  if (!source) return "";
  return `from ${SOURCE_NAMES[source] ?? source}`;
}

export function formChanged(form: MetadataForm, song: Pick<Song, MetadataField>): boolean {
  const saved = formFromSong(song);
  return METADATA_FIELDS.some((field) => form[field.name].trim() !== saved[field.name].trim());
}

/** The form after the song changed on the server: see rebaseEdit, field by field. */
export function rebaseForm(form: MetadataForm, before: Pick<Song, MetadataField>, after: Pick<Song, MetadataField>): MetadataForm {
  const old = formFromSong(before);
  const fresh = formFromSong(after);
  const next = { ...form };
  for (const { name } of METADATA_FIELDS) {
    if (form[name] === old[name] || form[name] === fresh[name]) next[name] = fresh[name];
  }
  return next;
}
