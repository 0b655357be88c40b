// A music share's Metadata object (docs/protocol.md §11): read defensively, since it is relayed
// byte for byte from whatever the broadcaster posted.

export interface ShareMetadata {
  title: string | null;
  artist: string | null;
  /** LRC text when hasSyncedLyrics, else plain text; null until the sharer found lyrics. */
  lyrics: string | null;
  hasSyncedLyrics: boolean;
  elapsedSeconds: number;
  totalSeconds: number;
  /** Base64 of the cover (a JPEG), or null. */
  thumbnailData: string | null;
  /** The sender's clock, ms. */
  timestamp: number;
}

/** The Metadata in a share_metadata payload, or null when it is not one. */
export function readMetadata(raw: unknown): ShareMetadata | null {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const record = raw as Record<string, unknown>;
  return {
    title: text(record.title),
    artist: text(record.artist),
    lyrics: text(record.lyrics),
    hasSyncedLyrics: record.hasSyncedLyrics === true,
    elapsedSeconds: Math.max(0, number(record.elapsedSeconds)),
    totalSeconds: Math.max(0, number(record.totalSeconds)),
    thumbnailData: text(record.thumbnailData),
    timestamp: number(record.timestamp),
  };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** The desktop client accepts numbers as JSON numbers or numeric strings; so does this. */
function number(value: unknown): number {
  const parsed = typeof value === "string" ? Number(value) : value;
  return typeof parsed === "number" && Number.isFinite(parsed) ? parsed : 0;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A data URL for the cover, typed by its first bytes; null when there is none or it is not base64. */
export function coverDataUrl(thumbnailData: string | null): string | null {
  if (!thumbnailData) return null;
  const compact = thumbnailData.replace(/\s+/g, "");
  if (!BASE64.test(compact)) return null;
  const type = compact.startsWith("iVBORw0KGgo") ? "image/png"
    : compact.startsWith("UklGR") ? "image/webp"
      : compact.startsWith("R0lGOD") ? "image/gif"
        : "image/jpeg";
  return `data:${type};base64,${compact}`;
}

