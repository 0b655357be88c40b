// The phone's lock screen and notification show what is shared, like any music player's.
import { useEffect } from "react";
import { coverDataUrl } from "./metadata";

export function useMediaSession(title: string | null, artist: string | null, thumbnailData: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Chorus share` : "Music share · Chorus";
    if (!("mediaSession" in navigator) || typeof MediaMetadata === "undefined") return;
    const cover = coverDataUrl(thumbnailData);
    navigator.mediaSession.metadata = title
      ? new MediaMetadata({ title, artist: artist ?? "", artwork: cover ? [{ src: cover }] : [] })
      : null;
  }, [title, artist, thumbnailData]);
  useEffect(() => () => {
    document.title = "Chorus";
    if ("mediaSession" in navigator) navigator.mediaSession.metadata = null;
  }, []);
}
