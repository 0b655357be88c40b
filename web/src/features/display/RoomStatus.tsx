// The connection and who else is in the room, in a corner of the TV.
import { ConnectionStatus } from "../../components/ConnectionStatus";
import type { ChorusSocket, ConnectionStatus as Status } from "../../lib/protocol/ChorusSocket";
import { othersConnected } from "./format";

export function RoomStatus({ status, socket, clientCount }: { status: Status; socket: ChorusSocket | null; clientCount: number }) {
  return (
    <div className="room-status">
      <ConnectionStatus status={status} socket={socket} />
      {status.state === "online" && <span className="client-count">{othersConnected(clientCount)}</span>}
    </div>
  );
}
