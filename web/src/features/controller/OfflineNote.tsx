// While the connection is down: what waits to be sent (changes here are kept, not lost) and a way
// to try again at once. The page's counts include control changes merged while offline, which
// the socket's own count does not know about, so this note (not ConnectionStatus) gives it.
export function OfflineNote({ waiting, canRetry, onRetry }: { waiting: number; canRetry: boolean; onRetry: () => void }) {
  return (
    <div className="ctl-offline" role="status">
      <span>
        {waiting > 0
          ? `${waiting} change${waiting === 1 ? "" : "s"} waiting, sent once connected`
          : "You can keep going: changes wait here until the connection is back"}
      </span>
      {canRetry && <button type="button" className="ctl-small" onClick={onRetry}>Retry now</button>}
    </div>
  );
}
