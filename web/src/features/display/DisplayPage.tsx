export function DisplayPage({ roomId }: { roomId: string }) {
  return <main className="page"><h1>Display {roomId}</h1></main>;
}
