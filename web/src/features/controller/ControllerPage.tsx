export function ControllerPage({ roomId }: { roomId: string }) {
  return <main className="page"><h1>Controller {roomId}</h1></main>;
}
