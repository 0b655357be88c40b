// The listener's audio: the tap browsers need before they play sound, the volume, and how the
// buffer is doing (also the test hook: data-buffered-ms, data-chunks-played).
import { useId, useState } from "react";
import { bufferHealth, describeStream } from "./bufferHealth";
import type { PlayerSnapshot, SharePlayer } from "./SharePlayer";

export function ShareAudioPanel({ player, snapshot, volume, onVolume }: {
  player: SharePlayer | null;
  snapshot: PlayerSnapshot | null;
  volume: number;
  onVolume: (volume: number) => void;
}) {
  const id = useId();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const output = snapshot?.output ?? "suspended";
  // "suspended" until a gesture; Safari also says "interrupted" after a phone call.
  const blocked = snapshot !== null && output !== "running" && output !== "closed" && output !== "unavailable";
  const health = snapshot ? bufferHealth(snapshot.jitter, blocked) : null;
  const stream = snapshot ? describeStream(snapshot.format, snapshot.sampleRate, snapshot.channels) : null;

  const listen = async () => {
    if (!player) return;
    setStarting(true);
    setStartError(null);
    try {
      await player.resume();
    } catch (error) {
      setStartError(`The browser did not start the audio: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="card stack share-audio-panel" aria-label="Audio">
      {blocked && (
        <button type="button" className="primary share-tap" onClick={() => void listen()} disabled={starting}>
          <span aria-hidden="true">▶</span> Tap to listen
        </button>
      )}
      {blocked && <p className="muted share-hint">Your browser keeps pages quiet until you tap.</p>}
      {startError && <p className="error-text" role="alert">{startError}</p>}
      {output === "unavailable" && <p className="error-text" role="alert">This browser cannot play audio here.</p>}
      {snapshot?.problem && <p className="error-text" role="alert">{snapshot.problem}</p>}
      <div>
        <label htmlFor={`${id}-volume`}>Volume</label>
        <input
          id={`${id}-volume`}
          type="range"
          min={0}
          max={100}
          step={1}
          value={Math.round(volume * 100)}
          aria-valuetext={`${Math.round(volume * 100)} %`}
          onChange={(event) => onVolume(Number(event.target.value) / 100)}
        />
      </div>
      <div
        className={`share-buffer share-buffer-${health?.level ?? "waiting"}`}
        data-testid="share-audio"
        data-state={snapshot?.jitter.state ?? "waiting"}
        data-output={output}
        data-buffered-ms={Math.round((snapshot?.jitter.bufferedSec ?? 0) * 1000)}
        data-chunks-played={snapshot?.jitter.chunksPlayed ?? 0}
      >
        <div className="share-buffer-meter" aria-hidden="true">
          <span style={{ width: `${Math.round((health?.fill ?? 0) * 100)}%` }} />
        </div>
        <p className="share-buffer-label" aria-live="polite">{health?.label ?? "Waiting for audio…"}</p>
        {stream && <p className="muted share-buffer-stream">{stream}</p>}
      </div>
    </section>
  );
}
