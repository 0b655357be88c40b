// The lyrics editor: synced (LRC) and plain text, saved together; tap-to-sync; the timing shift;
// and a live preview against the player.
import { useEffect, useMemo, useRef, useState } from "react";
import { describe } from "../../../lib/api";
import { parseLrc } from "../../../lib/lyrics/timing";
import { ApiError } from "../../../lib/api";
import { putLyrics } from "../libraryApi";
import type { LyricsResponse } from "../types";
import { isStampable, lineAt, lineIndexAt, nextStampable, previousStampable, rebaseEdit, stampLine } from "./lrcEdit";
import { LyricsOffset } from "./LyricsOffset";
import { LyricsPreview } from "./LyricsPreview";
import { StampBar } from "./StampBar";

const orNull = (text: string) => (text.trim() === "" ? null : text);

export function LyricsEditor({ songId, lyrics, durationMs, timeMs, playing, onSeek, onTogglePlay, onSaved }: {
  songId: string;
  lyrics: LyricsResponse;
  durationMs: number;
  timeMs: number;
  playing: boolean;
  onSeek: (ms: number) => void;
  onTogglePlay: () => void;
  onSaved: (lyrics: LyricsResponse) => void;
}) {
  const savedSynced = lyrics.syncedLyrics ?? "";
  const savedPlain = lyrics.plainLyrics ?? "";
  const [synced, setSynced] = useState(savedSynced);
  const [plain, setPlain] = useState(savedPlain);
  const [stampIndex, setStampIndex] = useState(() => nextStampable(savedSynced, -1));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; problems: string[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement | null>(null);

  const previous = useRef({ synced: savedSynced, plain: savedPlain });
  useEffect(() => {
    const before = previous.current;
    previous.current = { synced: savedSynced, plain: savedPlain };
    const nextSynced = rebaseEdit(synced, before.synced, savedSynced);
    const nextPlain = rebaseEdit(plain, before.plain, savedPlain);
    setSynced(nextSynced.value);
    setPlain(nextPlain.value);
    if (nextSynced.keptEdit || nextPlain.keptEdit) {
      setNotice("The saved lyrics changed (a lookup or another device); your unsaved edits are kept. Revert to see the saved ones.");
    }
    // Only a new answer from the server rebases; typing must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lyrics]);

  const dirty = synced !== savedSynced || plain !== savedPlain;
  const previewLines = useMemo(() => {
    const timed = parseLrc(synced, durationMs || null);
    if (timed.length > 0) return timed;
    return plain.split(/\r?\n/).filter((line) => line.trim() !== "").map((text) => ({ startMs: null, endMs: null, text, words: [] }));
  }, [synced, plain, durationMs]);

  const save = async () => {
    setSaving(true);
    setError(null);
    setNotice(null);
    // Synced lyrics sent alone make the server derive the plain words from them.
    const body: { syncedLyrics?: string | null; plainLyrics?: string | null } = {};
    if (synced !== savedSynced) body.syncedLyrics = orNull(synced);
    if (plain !== savedPlain) body.plainLyrics = orNull(plain);
    try {
      const answer = await putLyrics(songId, body as { syncedLyrics: string | null; plainLyrics: string | null });
      onSaved(answer);
      setNotice(answer.problems.length > 0
        ? `Saved. ${answer.problems.length} line${answer.problems.length === 1 ? " was" : "s were"} skipped: ${answer.problems.slice(0, 5).join("; ")}`
        : "Lyrics saved.");
    } catch (failure) {
      const problems = failure instanceof ApiError ? failure.problems : [];
      setError({ message: describe(failure), problems });
    } finally {
      setSaving(false);
    }
  };

  // The marked line, or the next one that can take a time once edits moved the lines around it.
  const markedLine = isStampable(lineAt(synced, stampIndex))
    ? stampIndex
    : [nextStampable(synced, stampIndex), nextStampable(synced, -1)].find((index) => index >= 0) ?? -1;

  const markLine = (index: number) => {
    if (index < 0) return;
    setStampIndex(index);
    const box = textarea.current;
    if (box && document.activeElement !== box) {
      // Keeps the marked line in sight in the text box without taking the focus from the button.
      const lineHeight = parseFloat(getComputedStyle(box).lineHeight) || 20;
      box.scrollTop = Math.max(0, index * lineHeight - box.clientHeight / 2);
    }
  };

  const stamp = () => {
    if (markedLine < 0) return;
    const next = stampLine(synced, markedLine, timeMs);
    setSynced(next);
    const following = nextStampable(next, markedLine);
    markLine(following >= 0 ? following : markedLine);
  };

  const readCaret = () => {
    const box = textarea.current;
    if (!box) return;
    const index = lineIndexAt(box.value, box.selectionStart);
    setStampIndex(index);
  };

  return (
    <div className="lyrics-editor">
      <div className="stack">
        <StampBar text={synced} index={markedLine} timeMs={timeMs} playing={playing} onStamp={stamp} onTogglePlay={onTogglePlay}
          onMove={(direction) => markLine(direction < 0 ? previousStampable(synced, markedLine) : nextStampable(synced, markedLine))} />
        <div>
          <label htmlFor="synced-lyrics">Synced lyrics (LRC: <code>[mm:ss.xx]</code> before each line)</label>
          {/* Unwrapped, as LRC editors show it: one line of text per timed line. */}
          <textarea id="synced-lyrics" ref={textarea} className="lyrics-text" rows={12} spellCheck={false} wrap="off"
            value={synced} data-testid="synced-lyrics"
            onChange={(event) => setSynced(event.target.value)}
            onSelect={readCaret} onClick={readCaret} onKeyUp={readCaret} />
          {synced.trim() === "" && plain.trim() !== "" && (
            <button type="button" className="ghost" onClick={() => { setSynced(plain); setStampIndex(nextStampable(plain, -1)); }}>
              Start syncing from the plain lyrics
            </button>
          )}
        </div>
        <div>
          <label htmlFor="plain-lyrics">Plain lyrics</label>
          <textarea id="plain-lyrics" className="lyrics-text" rows={5} value={plain} data-testid="plain-lyrics"
            onChange={(event) => setPlain(event.target.value)}
            aria-describedby="plain-lyrics-hint" />
          <p id="plain-lyrics-hint" className="muted small">Left as it is, it follows the synced lyrics when they are saved.</p>
        </div>
        <div className="row">
          <button type="button" className="primary" disabled={!dirty || saving} onClick={() => void save()} data-testid="save-lyrics">
            {saving ? "Saving…" : "Save lyrics"}
          </button>
          <button type="button" className="ghost" disabled={!dirty || saving}
            onClick={() => { setSynced(savedSynced); setPlain(savedPlain); setError(null); }}>
            Revert
          </button>
          {dirty && <span className="muted small">Unsaved changes</span>}
        </div>
        <div aria-live="polite">
          {notice && <p className="ok-text">{notice}</p>}
          {error && (
            <div role="alert">
              <p className="error-text">{error.message}</p>
              {error.problems.length > 0 && (
                <ul className="job-notes error-text">{error.problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
              )}
            </div>
          )}
        </div>
        <LyricsOffset songId={songId} savedSynced={lyrics.syncedLyrics} onShifted={onSaved}
          blockedReason={dirty ? "Save or revert your edits before shifting the timing." : null} />
      </div>
      <div className="stack lyrics-preview-column">
        <h3>Preview</h3>
        <LyricsPreview lines={previewLines} timeMs={timeMs} onSeek={onSeek} />
      </div>
    </div>
  );
}
