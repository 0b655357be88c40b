export function SongPage({ songId }: { songId: string }) {
  return <main className="page"><h1>Song {songId}</h1></main>;
}
