import { describe, expect, it } from "vitest";
import { checkRoomName, controllerPath, controllerUrl, displayPath } from "./roomLinks";
import { passwordKey } from "../../lib/protocol/roomPasswords";

describe("room links", () => {
  it("encodes the room id into the page paths", () => {
    expect(displayPath("party")).toBe("/display/party");
    expect(controllerPath("Bo's party")).toBe("/controller/Bo's%20party");
    expect(controllerUrl("a b", "http://192.168.1.5:8000/")).toBe("http://192.168.1.5:8000/controller/a%20b");
    expect(passwordKey("party")).toBe("room-password-party");
  });
});

describe("checkRoomName", () => {
  it("accepts a trimmed name", () => {
    expect(checkRoomName("  Friday night ")).toEqual({ name: "Friday night" });
  });

  it("refuses blank, too long, control characters and slashes with a reason", () => {
    expect(checkRoomName("   ")).toEqual({ problem: "Give the room a name" });
    expect(checkRoomName("x".repeat(129))).toEqual({ problem: "A room name has at most 128 characters" });
    expect(checkRoomName("a\tb")).toEqual({ problem: "A room name cannot contain control characters" });
    expect(checkRoomName("a/b")).toEqual({ problem: "A room name cannot contain “/”" });
  });
});
