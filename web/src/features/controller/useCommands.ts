// The controller's way to send commands: every failure becomes a message, commands made offline
// wait in the socket's queue, and control changes made offline are merged to their last value.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChorusSocket, ConnectionStatus } from "../../lib/protocol/ChorusSocket";
import type { ErrorObject } from "../../lib/protocol/types";
import { commandErrorMessage, refusalMessage } from "./commandErrors";
import { PendingControls } from "./pendingControls";
import type { Notify } from "./useToasts";

export interface Commands {
  /** Sends with an ack; resolves true once the server accepted it, false (and says why) if not. */
  request(name: string, payload: Record<string, unknown>, action: string): Promise<boolean>;
  /** Sends without an ack (the server answers only with an error frame, if at all). */
  send(name: string, payload: Record<string, unknown>, action: string): void;
  /** A control change: sent now when connected, else kept as the control's latest value. */
  control(key: string, name: string, payload: Record<string, unknown>, action: string): void;
  /** Changes made but not yet sent to the server. */
  waiting: number;
}

export function useCommands(socket: ChorusSocket | null, status: ConnectionStatus, notify: Notify): Commands {
  const pending = useRef(new PendingControls());
  const lastAction = useRef<string>("The last change");
  const [, setTick] = useState(0);
  const refresh = useCallback(() => setTick((tick) => tick + 1), []);

  const request = useCallback(async (name: string, payload: Record<string, unknown>, action: string) => {
    if (!socket) {
      notify.error(`${action}: not connected yet`);
      return false;
    }
    const answer = socket.request(name, payload);
    refresh();
    try {
      await answer;
      return true;
    } catch (error) {
      notify.error(commandErrorMessage(error, action));
      return false;
    } finally {
      refresh();
    }
  }, [socket, notify, refresh]);

  const send = useCallback((name: string, payload: Record<string, unknown>, action: string) => {
    if (!socket) {
      notify.error(`${action}: not connected yet`);
      return;
    }
    lastAction.current = action;
    socket.send(name, payload);
    refresh();
  }, [socket, notify, refresh]);

  const control = useCallback((key: string, name: string, payload: Record<string, unknown>, action: string) => {
    if (socket?.isReady) {
      void request(name, payload, action);
    } else {
      pending.current.set(key, () => void request(name, payload, action));
      refresh();
    }
  }, [socket, request, refresh]);

  useEffect(() => {
    if (status.state !== "online" || pending.current.size === 0) return;
    pending.current.flush();
    // The session's join_performance was answered with the state from before these changes;
    // asking again after them (the server keeps order) leaves this page showing what was sent.
    socket?.send("join_performance", {});
    refresh();
  }, [status.state, socket, refresh]);

  // Commands sent without an ack report failures as error frames.
  useEffect(() => {
    if (!socket) return;
    return socket.on("error", (payload) => {
      const error = payload as Partial<ErrorObject> | null;
      if (!error || typeof error.error_type !== "string") return;
      notify.error(refusalMessage(error.error_type, error.message ?? "", lastAction.current));
    });
  }, [socket, notify]);

  const waiting = (socket?.queuedCount ?? 0) + pending.current.size;
  return { request, send, control, waiting };
}
