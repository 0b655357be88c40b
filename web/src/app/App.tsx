// The routes: `/` home, `/display/{roomId}` the TV, `/controller/{roomId}` the phone, `/library`
// (and `/library/songs/{id}`), `/share` and `/share/{code}`.
import { HomePage } from "../features/home/HomePage";
import { DisplayPage } from "../features/display/DisplayPage";
import { ControllerPage } from "../features/controller/ControllerPage";
import { LibraryPage } from "../features/library/LibraryPage";
import { SongPage } from "../features/library/SongPage";
import { SharePage } from "../features/share/SharePage";
import { Link, matchPath, useLocation } from "./router";

export function App() {
  const { path } = useLocation();
  let params: Record<string, string> | null;
  if ((params = matchPath("/display/:roomId", path))) return <DisplayPage key={params.roomId} roomId={params.roomId} />;
  if ((params = matchPath("/controller/:roomId", path))) return <ControllerPage key={params.roomId} roomId={params.roomId} />;
  if ((params = matchPath("/library/songs/:songId", path))) return <SongPage key={params.songId} songId={params.songId} />;
  if (matchPath("/library", path)) return <LibraryPage />;
  if ((params = matchPath("/share/:code", path))) return <SharePage key={params.code} code={params.code} />;
  if (matchPath("/share", path)) return <SharePage code={null} />;
  if (path === "/" || path === "/index.html") return <HomePage />;
  return (
    <main className="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at <code>{path}</code>.</p>
      <p><Link to="/">Back to the start</Link></p>
    </main>
  );
}
