import { describe, expect, it } from "vitest";
import { formChanged, formFromSong, patchFromForm, rebaseForm, sourceLabel } from "./metadataForm";

const song = { title: "Chorus Demo", artist: "Chorus", album: "Chorus", year: null, genre: "Demo", language: null };

describe("patchFromForm", () => {
  it("sends only what changed, with cleared fields as null and the year as a number", () => {
    const form = { ...formFromSong(song), album: "Demo Album ", genre: "", year: "2024" };
    expect(patchFromForm(form, song)).toEqual({ changes: { album: "Demo Album", genre: null, year: 2024 }, errors: {} });
  });

  it("sends nothing when nothing changed", () => {
    expect(patchFromForm(formFromSong(song), song).changes).toEqual({});
    expect(formChanged(formFromSong(song), song)).toBe(false);
    expect(formChanged({ ...formFromSong(song), title: "Other" }, song)).toBe(true);
  });

  it("refuses an empty title, a bad year and an over-long genre, per field", () => {
    const form = { ...formFromSong(song), title: "  ", year: "20x4", genre: "g".repeat(101) };
    const { errors } = patchFromForm(form, song);
    expect(errors.title).toMatch(/cannot be empty/);
    expect(errors.year).toMatch(/1000 to 2999/);
    expect(errors.genre).toMatch(/at most 100/);
    expect(patchFromForm({ ...formFromSong(song), year: "999" }, song).errors.year).toBeDefined();
  });
});

describe("sourceLabel", () => {
  it("says edited for a person's value and names the service otherwise", () => {
    const sources = { fieldSources: { album: "itunes", title: "tags", genre: "user" }, editedFields: ["artist"] };
    expect(sourceLabel(sources, "album")).toBe("from iTunes");
    expect(sourceLabel(sources, "title")).toBe("from the file's tags");
    expect(sourceLabel(sources, "genre")).toBe("edited");
    expect(sourceLabel(sources, "artist")).toBe("edited");
    expect(sourceLabel(sources, "year")).toBe("");
    expect(sourceLabel({ fieldSources: { year: "somewhere" } }, "year")).toBe("from somewhere");
  });
});

describe("rebaseForm", () => {
  it("takes new values from the server but keeps fields being edited", () => {
    const form = { ...formFromSong(song), album: "Mine" };
    const after = { ...song, album: "From iTunes", genre: "Pop", year: 2020 };
    expect(rebaseForm(form, song, after)).toEqual({ ...formFromSong(after), album: "Mine" });
  });
});
