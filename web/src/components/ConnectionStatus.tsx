// The connection's state, always visible: a person at a party must see at once whether their
// phone is talking to the server, and that it is trying again when it is not.
import { useEffect, useState } from "react";
import type { ChorusSocket, ConnectionStatus as Status } from "../lib/protocol/ChorusSocket";

export function connectionLabel(status: Status, now: number, queued = 0): string {
  const waiting = queued > 0 ? ` · ${queued} change${queued === 1 ? "" : "s"} waiting` : "";
  switch (status.state) {
    case "online":
      return "Connected";
    case "connecting":
      return status.attempt === 0 ? "Connecting…" : `Reconnecting… (attempt ${status.attempt + 1})${waiting}`;
    case "offline": {
      const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      const what = status.attempt >= 2 ? "Server unreachable" : "Connection lost";
      return `${what} · retrying in ${seconds} s${waiting}`;
    }
    case "rejected":
      return `Not connected: ${status.reason}`;
  }
}

export function ConnectionStatus({ status, socket, queued, compact = false }: {
  status: Status;
  socket?: ChorusSocket | null;
  /** Changes waiting for the connection, when the page keeps its own (else the socket's queue). */
  queued?: number;
  compact?: boolean;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.state !== "offline") return;
    // From the moment the status changes: the last tick may be seconds old.
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [status]);
  const label = connectionLabel(status, now, queued ?? socket?.queuedCount ?? 0);
  return (
    <div
      className={`connection connection-${status.state}${compact ? " connection-compact" : ""}`}
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-state={status.state}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{label}</span>
      {status.state === "offline" && socket && (
        <button type="button" className="connection-retry" onClick={() => socket.reconnectNow()}>
          Retry now
        </button>
      )}
    </div>
  );
}
