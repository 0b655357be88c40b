// What to tell a person when a command fails: the server's own words when it refused, and an
// honest "may not have happened" when the answer never came.
import { CommandError, ConnectionError } from "../../lib/protocol/ChorusSocket";

/** A sentence for a failed command; `action` says what was tried ("Add the song"). */
export function commandErrorMessage(error: unknown, action: string): string {
  if (error instanceof CommandError) return refusalMessage(error.error.error_type, error.error.message, action);
  if (error instanceof ConnectionError) {
    if (/closed its connection/.test(error.message)) return `${action}: cancelled, the page was closed`;
    return `${action}: no answer from the server, it may not have happened`;
  }
  return `${action} failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** A server error frame or a refused ack, by its error_type. */
export function refusalMessage(errorType: string, message: string, action: string): string {
  switch (errorType) {
    case "limit_exceeded":
      return message || `${action}: a limit was reached`;
    case "rate_limit_exceeded":
      return "Too many changes at once: wait a moment and try again";
    case "authorization_error":
      return `${action}: ${message || "not allowed in this room"}`;
    case "validation_error":
      return `${action}: the server could not accept it (${stripPrefix(message)})`;
    default:
      return `${action} failed: ${stripPrefix(message) || "the server refused it"}`;
  }
}

function stripPrefix(message: string): string {
  return message.replace(/^(Invalid message format|Command execution failed):\s*/, "");
}
