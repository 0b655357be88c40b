package app.chorus.library;

import java.nio.file.Path;

/** A media file on disk: where it is, its format and its size in bytes. */
public record StoredMedia(Path path, MediaFormat format, long size) {
}
