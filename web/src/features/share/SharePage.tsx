// /share asks for a code; /share/{code} listens to that share.
import { ConnectionStatus } from "../../components/ConnectionStatus";
import { useChorusSocket } from "../../lib/protocol/hooks";
import { ShareCodeForm } from "./ShareCodeForm";
import { ShareHeader } from "./ShareHeader";
import { ShareListener } from "./ShareListener";
import { SHARE_CODE } from "./shareSession";
import "./share.css";

export function SharePage({ code }: { code: string | null }) {
  if (code !== null && SHARE_CODE.test(code)) return <ShareListener code={code} />;
  return <ShareCodePage badCode={code} />;
}

function ShareCodePage({ badCode }: { badCode: string | null }) {
  // No session: the socket is only there to show whether the server can be reached.
  const { socket, status } = useChorusSocket({}, "share-entry");
  return (
    <main className="page narrow share-page">
      <ShareHeader status={<ConnectionStatus status={status} socket={socket} />} />
      <section className="card stack share-entry" aria-labelledby="share-entry-title">
        <h1 id="share-entry-title">Listen to a music share</h1>
        <p className="muted">
          Someone is playing music and sharing it live: hear it here, with the cover and the lyrics in time.
        </p>
        {badCode !== null && (
          <p className="error-text" role="alert">
            “{badCode}” is not a share code: codes are six digits.
          </p>
        )}
        <ShareCodeForm autoFocus />
      </section>
    </main>
  );
}
