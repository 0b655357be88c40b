import { describe, expect, it } from "vitest";
import { formatDuration, pageInfo, readListParams, writeListParams } from "./songListQuery";

describe("list params", () => {
  it("reads defaults from an empty query", () => {
    expect(readListParams(new URLSearchParams(""))).toEqual({ q: "", sortBy: "date_added", direction: "desc", page: 1 });
  });

  it("round-trips a query and leaves defaults out of the URL", () => {
    const params = { q: "grüße", sortBy: "title" as const, direction: "desc" as const, page: 3 };
    const text = writeListParams(params);
    expect(readListParams(new URLSearchParams(text))).toEqual(params);
    expect(writeListParams({ q: "", sortBy: "title", direction: "asc", page: 1 })).toBe("?sort=title");
    expect(writeListParams({ q: " ", sortBy: "date_added", direction: "desc", page: 1 })).toBe("");
  });

  it("ignores an unknown sort and a bad page", () => {
    expect(readListParams(new URLSearchParams("sort=rating&page=-4"))).toMatchObject({ sortBy: "date_added", page: 1 });
    expect(readListParams(new URLSearchParams("page=abc")).page).toBe(1);
  });
});

describe("pageInfo", () => {
  it("numbers the rows of a page", () => {
    expect(pageInfo(60, 2, 25)).toEqual({ page: 2, pages: 3, from: 26, to: 50, hasPrevious: true, hasNext: true });
    expect(pageInfo(60, 3, 25)).toMatchObject({ from: 51, to: 60, hasNext: false });
  });

  it("keeps the page within the list, also when it is empty", () => {
    expect(pageInfo(0, 4, 25)).toEqual({ page: 1, pages: 1, from: 0, to: 0, hasPrevious: false, hasNext: false });
    expect(pageInfo(30, 9, 25).page).toBe(2);
  });
});

describe("formatDuration", () => {
  it("writes minutes and seconds, and hours when there are some", () => {
    expect(formatDuration(48_018)).toBe("0:48");
    expect(formatDuration(3_725_000)).toBe("1:02:05");
    expect(formatDuration(null)).toBe("");
  });
});
