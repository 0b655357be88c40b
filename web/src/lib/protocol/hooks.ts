// React bindings of the page's one socket: its status, and the room a display or controller is in.
import { useEffect, useReducer, useState } from "react";
import { ChorusSocket, socketUrl, type ChorusSocketOptions, type ConnectionStatus } from "./ChorusSocket";
import { roomPassword } from "./roomPasswords";
import { INITIAL_ROOM, roomReducer, type RoomMessage, type RoomView } from "./roomState";
import type { ClientType } from "./types";

/** One socket for the page's lifetime, connected while the component is mounted. */
export function useChorusSocket(options: Omit<ChorusSocketOptions, "url">, key: string): {
  socket: ChorusSocket | null;
  status: ConnectionStatus;
} {
  const [socket, setSocket] = useState<ChorusSocket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>({ state: "connecting", attempt: 0 });
  useEffect(() => {
    const created = new ChorusSocket({ url: socketUrl(), ...options });
    const stopStatus = created.onStatus(setStatus);
    const online = () => created.reconnectNow();
    window.addEventListener("online", online);
    setSocket(created);
    created.connect();
    return () => {
      window.removeEventListener("online", online);
      stopStatus();
      created.close();
      setSocket(null);
    };
    // The options are read once per key: a new key (another room) makes a new socket.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { socket, status };
}

const ROOM_MESSAGES: RoomMessage["name"][] = [
  "client_count", "queue_update", "player_state", "performance_state", "control_updated",
  "playback_play", "playback_pause", "leader_status",
];

/**
 * Joins `roomId` as a display or controller, again after every reconnect (handshake, join_room,
 * join_performance), and keeps the room's state by the version rule.
 */
export function useRoom(roomId: string, clientType: ClientType): {
  view: RoomView;
  status: ConnectionStatus;
  socket: ChorusSocket | null;
  dispatch: (message: RoomMessage) => void;
} {
  const [view, dispatch] = useReducer(roomReducer, INITIAL_ROOM);
  const { socket, status } = useChorusSocket({
    clientType,
    onSession: async (session) => {
      dispatch({ name: "resync" });
      const password = roomPassword(roomId);
      await session.request("join_room", password ? { room_id: roomId, password } : { room_id: roomId });
      dispatch({ name: "synced" });
      session.send("join_performance", {});
    },
  }, `${clientType}:${roomId}`);
  useEffect(() => {
    if (!socket) return;
    const stops = ROOM_MESSAGES.map((name) =>
      socket.on(name, (payload) => dispatch({ name, payload } as RoomMessage)));
    return () => stops.forEach((stop) => stop());
  }, [socket]);
  return { view, status, socket, dispatch };
}
