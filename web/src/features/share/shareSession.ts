// What a listener knows of a share, built from the server's answers by one pure reducer: the
// status (share_listen's ack), the latest metadata with its clock anchor, and how it ended.
import { anchorFor, type MetadataAnchor } from "./lyricsClock";
import { readMetadata, type ShareMetadata } from "./metadata";

export const SHARE_CODE = /^\d{6}$/;

export interface ShareStatus {
  session_id: string;
  is_active: boolean;
  start_time: number;
  listener_count: number;
  current_metadata: { title: string | null; artist: string | null } | null;
}

export type SharePhase = "connecting" | "live" | "ended" | "not_found" | "failed";

export interface ShareSessionView {
  phase: SharePhase;
  status: ShareStatus | null;
  metadata: ShareMetadata | null;
  anchor: MetadataAnchor | null;
  endedReason: string | null;
  error: string | null;
  /** Between a (re)listen and the first metadata after it: that metadata is taken whatever its time. */
  resyncing: boolean;
}

export const INITIAL_SHARE: ShareSessionView = {
  phase: "connecting", status: null, metadata: null, anchor: null, endedReason: null, error: null, resyncing: false,
};

export type ShareAction =
  | { type: "listening" }
  | { type: "status"; status: unknown }
  | { type: "metadata"; payload: unknown; receivedAtMs: number }
  | { type: "ended"; payload: unknown }
  | { type: "refused"; errorType: string; message: string };

export function shareReducer(view: ShareSessionView, action: ShareAction): ShareSessionView {
  switch (action.type) {
    case "listening":
      return { ...view, resyncing: true };
    case "status": {
      const status = readStatus(action.status);
      if (!status) return view;
      if (view.phase === "ended") return { ...view, status };
      return status.is_active
        ? { ...view, status, phase: "live", error: null }
        : { ...view, status, phase: "ended", endedReason: view.endedReason ?? "stopped" };
    }
    case "metadata": {
      if (view.phase === "ended") return view;
      const payload = action.payload as { metadata?: unknown } | null;
      const metadata = readMetadata(payload?.metadata);
      if (!metadata) return view;
      // The server keeps stale posts out, but two arrivals can still cross; an older one would rewind.
      if (!view.resyncing && view.metadata && metadata.timestamp < view.metadata.timestamp) return view;
      const previous = view.resyncing ? null : view.anchor;
      return { ...view, metadata, anchor: anchorFor(metadata, action.receivedAtMs, previous), resyncing: false };
    }
    case "ended": {
      const reason = (action.payload as { reason?: unknown } | null)?.reason;
      return { ...view, phase: "ended", endedReason: typeof reason === "string" ? reason : "stopped" };
    }
    case "refused":
      if (view.phase === "ended") return view;
      return action.errorType === "not_found"
        ? { ...view, phase: "not_found", error: action.message }
        : { ...view, phase: "failed", error: action.message };
  }
}

function readStatus(raw: unknown): ShareStatus | null {
  if (!raw || typeof raw !== "object") return null;
  const record = raw as Record<string, unknown>;
  if (typeof record.session_id !== "string" || typeof record.is_active !== "boolean") return null;
  const current = record.current_metadata as Record<string, unknown> | null | undefined;
  return {
    session_id: record.session_id,
    is_active: record.is_active,
    start_time: typeof record.start_time === "number" ? record.start_time : 0,
    listener_count: typeof record.listener_count === "number" ? record.listener_count : 0,
    current_metadata: current && typeof current === "object"
      ? { title: stringOrNull(current.title), artist: stringOrNull(current.artist) }
      : null,
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** What to tell a listener about why a share ended. */
export function endedExplanation(reason: string | null): string {
  switch (reason) {
    case "expired":
      return "Nothing was shared for a long while, so the share expired.";
    case "stopped":
    case null:
      return "The broadcaster stopped sharing.";
    default:
      return `The share ended (${reason}).`;
  }
}
