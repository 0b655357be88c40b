// The start page: join or create a room, pick up a recent or public one, and the ways to the
// library and to music shares.
import { useState } from "react";
import { Link } from "../../app/router";
import { ConnectionStatus } from "../../components/ConnectionStatus";
import { CreateRoomCard } from "./CreateRoomCard";
import { JoinRoomCard } from "./JoinRoomCard";
import { PublicRooms } from "./PublicRooms";
import { ReadyRoom } from "./ReadyRoom";
import { RecentRooms } from "./RecentRooms";
import { usePublicRooms } from "./usePublicRooms";
import { useRecentRooms } from "./useRecentRooms";
import "./home.css";
import { Icon } from "../controller/Icon";

export function HomePage() {
  const recent = useRecentRooms();
  const publicRooms = usePublicRooms();
  const [ready, setReady] = useState<{ roomId: string; created: boolean } | null>(null);
  const [missingName, setMissingName] = useState<string | null>(null);

  const opened = (roomId: string, requiresPassword?: boolean) => recent.remember(roomId, requiresPassword);

  return (
    <main className="page home">
      <header className="home-header">
        <div className="home-brand">
          <h1>Chorus</h1>
          <p className="muted">Karaoke for your party: the TV shows the lyrics, every phone picks songs.</p>
        </div>
        <ConnectionStatus status={publicRooms.status} compact />
      </header>
      <nav className="home-nav" aria-label="More">
        <Link to="/library" className="button"><Icon name="music" /> Library</Link>
        <Link to="/share" className="button"><Icon name="headphones" /> Listen to a share</Link>
      </nav>

      {ready && (
        <ReadyRoom roomId={ready.roomId} created={ready.created} onOpen={opened} onClose={() => setReady(null)} />
      )}

      <div className="home-grid">
        <JoinRoomCard
          onJoined={(roomId, requiresPassword) => {
            opened(roomId, requiresPassword);
            setReady({ roomId, created: false });
          }}
          onMissing={setMissingName}
        />
        <CreateRoomCard
          suggestedName={missingName}
          onCreated={(roomId, requiresPassword) => {
            opened(roomId, requiresPassword);
            setReady({ roomId, created: true });
          }}
        />
      </div>

      <div className="home-grid">
        <RecentRooms rooms={recent.rooms} onOpen={opened} onForget={recent.forget} />
        <PublicRooms rooms={publicRooms.rooms} onOpen={opened} />
      </div>
    </main>
  );
}
