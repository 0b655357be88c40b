export function HomePage() {
  return <main className="page"><h1>Chorus</h1></main>;
}
