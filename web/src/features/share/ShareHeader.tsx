import type { ReactNode } from "react";
import { Link } from "../../app/router";

export function ShareHeader({ status }: { status: ReactNode }) {
  return (
    <header className="share-header">
      <Link to="/" className="share-home">Chorus</Link>
      <span className="share-header-title">Music share</span>
      {status}
    </header>
  );
}
