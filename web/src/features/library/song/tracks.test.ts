import { describe, expect, it } from "vitest";
import { availableTracks, chooseTrack } from "./tracks";

const all = { originalPath: "/o", instrumentalPath: "/i", vocalPath: "/v" };

describe("tracks", () => {
  it("lists the tracks the song has, instrumental first, without failed ones", () => {
    expect(availableTracks(all, new Set())).toEqual(["instrumental", "original", "vocals"]);
    expect(availableTracks({ ...all, vocalPath: null }, new Set(["instrumental"]))).toEqual(["original"]);
  });

  it("keeps the chosen track while it plays and falls back when it cannot", () => {
    expect(chooseTrack(["instrumental", "original"], "original")).toBe("original");
    expect(chooseTrack(["original", "vocals"], "instrumental")).toBe("original");
    expect(chooseTrack(["instrumental", "original"], null)).toBe("instrumental");
    expect(chooseTrack([], "original")).toBeNull();
  });
});
