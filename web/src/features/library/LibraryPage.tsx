export function LibraryPage() {
  return <main className="page"><h1>Library</h1></main>;
}
