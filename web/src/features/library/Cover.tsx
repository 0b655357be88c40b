// A song's cover, or a placeholder with its initials when it has none (or the image fails).
import { useState } from "react";
import { thumbnailUrl } from "./libraryApi";

export function Cover({ songId, hasCover, title, size, version }: {
  songId: string;
  hasCover: boolean;
  title: string;
  size: "small" | "large";
  /** Changes when the cover may have changed (after a lookup), to load it again. */
  version?: string | null;
}) {
  const [failed, setFailed] = useState(false);
  if (!hasCover || failed) {
    const initials = title.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => word[0]?.toUpperCase()).join("");
    return <div className={`cover cover-${size} cover-empty`} aria-hidden="true">{initials || "♪"}</div>;
  }
  const src = version ? `${thumbnailUrl(songId)}?v=${encodeURIComponent(version)}` : thumbnailUrl(songId);
  return (
    <img className={`cover cover-${size}`} src={src} alt={size === "large" ? `Cover of ${title}` : ""}
      loading="lazy" decoding="async" onError={() => setFailed(true)} />
  );
}
