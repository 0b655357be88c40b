import { describe, expect, it } from "vitest";
import { joinUrl, othersConnected, shortUrl } from "./format";

describe("format", () => {
  it("builds the join URL with the room id escaped", () => {
    expect(joinUrl("http://tv.local:8000", "test-room")).toBe("http://tv.local:8000/controller/test-room");
    expect(joinUrl("https://x", "a b/c")).toBe("https://x/controller/a%20b%2Fc");
    expect(shortUrl("https://x/controller/r")).toBe("x/controller/r");
  });

  it("counts the other devices", () => {
    expect(othersConnected(0)).toBe("0 devices connected");
    expect(othersConnected(2)).toBe("1 device connected");
    expect(othersConnected(4)).toBe("3 devices connected");
  });
});
