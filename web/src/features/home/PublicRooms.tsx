// Public rooms with people in them, busiest first (the server's order).
import { RoomActions } from "./RoomActions";
import type { RoomSummary } from "./roomsApi";

export function PublicRooms({ rooms, onOpen }: { rooms: RoomSummary[] | null; onOpen: (roomId: string) => void }) {
  return (
    <section className="card stack" aria-labelledby="public-heading">
      <h2 id="public-heading">Public rooms</h2>
      {rooms === null && <p className="muted">Looking for rooms…</p>}
      {rooms?.length === 0 && <p className="muted">No public room has anyone in it right now. Create one!</p>}
      {rooms && rooms.length > 0 && (
        <ul className="home-rooms">
          {rooms.map((room) => (
            <li key={room.id} className="home-room" data-testid="public-room" data-room-id={room.id}>
              <div className="home-room-head">
                <h3 className="home-room-name">{room.name || room.id}</h3>
                <span className="home-room-meta">
                  {room.client_count} {room.client_count === 1 ? "person" : "people"}
                  {room.queue_length > 0 && ` · ${room.queue_length} queued`}
                </span>
              </div>
              <p className="home-room-song">
                {room.current_song ? <>Now playing <strong>{room.current_song}</strong></> : <span className="muted">Nothing playing</span>}
              </p>
              <RoomActions roomId={room.id} onOpen={onOpen} compact />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
