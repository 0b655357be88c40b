export function SharePage({ code }: { code: string | null }) {
  return <main className="page"><h1>Share {code}</h1></main>;
}
