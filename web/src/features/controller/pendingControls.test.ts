import { describe, expect, it } from "vitest";
import { PendingControls } from "./pendingControls";

describe("PendingControls", () => {
  it("keeps only the latest change per control and sends them in order", () => {
    const sent: string[] = [];
    const pending = new PendingControls();
    pending.set("volume", () => sent.push("volume 0.2"));
    pending.set("vocal", () => sent.push("vocal 0.5"));
    pending.set("volume", () => sent.push("volume 0.9"));
    expect(pending.size).toBe(2);
    expect(pending.flush()).toBe(2);
    expect(sent).toEqual(["vocal 0.5", "volume 0.9"]);
    expect(pending.size).toBe(0);
    expect(pending.flush()).toBe(0);
  });
});
