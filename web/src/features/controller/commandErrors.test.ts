import { describe, expect, it } from "vitest";
import { CommandError, ConnectionError } from "../../lib/protocol/ChorusSocket";
import { commandErrorMessage, refusalMessage } from "./commandErrors";

function refused(error_type: string, message: string) {
  return new CommandError({ error_type, message, details: null, timestamp: 0, request_id: "r" });
}

describe("commandErrorMessage", () => {
  it("passes a full queue on in the server's words", () => {
    expect(commandErrorMessage(refused("limit_exceeded", "Queue is full (100 songs)"), "Add the song")).toBe("Queue is full (100 songs)");
  });

  it("explains validation errors without the protocol prefix", () => {
    expect(commandErrorMessage(refused("validation_error", "Invalid message format: volume: must be at most 1"), "Set the volume"))
      .toBe("Set the volume: the server could not accept it (volume: must be at most 1)");
  });

  it("says a lost answer may not have happened", () => {
    expect(commandErrorMessage(new ConnectionError("No answer to play_next within 10 s"), "Skip"))
      .toBe("Skip: no answer from the server, it may not have happened");
  });

  it("asks to slow down on the rate limit, and falls back to the message", () => {
    expect(refusalMessage("rate_limit_exceeded", "Too many messages: the limit is 20 per second", "Set the volume"))
      .toBe("Too many changes at once: wait a moment and try again");
    expect(refusalMessage("command_execution_failed", "Command execution failed: Room ID is required", "Skip"))
      .toBe("Skip failed: Room ID is required");
    expect(commandErrorMessage(new Error("boom"), "Skip")).toBe("Skip failed: boom");
  });
});
