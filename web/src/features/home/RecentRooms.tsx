// Rooms this browser opened lately; each can be forgotten.
import { useEffect, useState } from "react";
import { RoomActions } from "./RoomActions";
import type { RecentRoom } from "./recentRooms";
import { timeAgo } from "./timeAgo";
import { Icon } from "../controller/Icon";

export function RecentRooms({ rooms, onOpen, onForget }: {
  rooms: RecentRoom[];
  onOpen: (roomId: string) => void;
  onForget: (roomId: string) => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (rooms.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Your recent rooms</h2>
      <ul className="home-rooms">
        {rooms.map((room) => (
          <li key={room.id} className="home-room" data-testid="recent-room" data-room-id={room.id}>
            <div className="home-room-head">
              <h3 className="home-room-name">
                {room.requiresPassword && <span role="img" aria-label="Password protected" className="home-lock"><Icon name="lock" /></span>}
                {room.id}
              </h3>
              <span className="home-room-meta">{timeAgo(room.lastUsed, now)}</span>
              <button
                type="button"
                className="ghost home-forget"
                onClick={() => onForget(room.id)}
                aria-label={`Forget ${room.id}`}
                title="Forget this room"
              >
                <Icon name="close" />
              </button>
            </div>
            <RoomActions roomId={room.id} onOpen={onOpen} compact />
          </li>
        ))}
      </ul>
    </section>
  );
}
