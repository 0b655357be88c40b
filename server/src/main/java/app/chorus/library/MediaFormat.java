package app.chorus.library;

import java.util.Optional;

/**
 * The formats a stored media file can have. The importer decides the format by decoding the
 * content, never from a user's file name; the stored file gets this format's extension.
 */
public enum MediaFormat {
    MP3("mp3", "audio/mpeg"),
    M4A("m4a", "audio/mp4"),
    OGG("ogg", "audio/ogg"),
    OPUS("opus", "audio/ogg"),
    FLAC("flac", "audio/flac"),
    WAV("wav", "audio/wav"),
    MP4("mp4", "video/mp4"),
    WEBM("webm", "video/webm"),
    MKV("mkv", "video/x-matroska"),
    JPEG("jpg", "image/jpeg"),
    PNG("png", "image/png"),
    WEBP("webp", "image/webp"),
    CDG("cdg", "application/octet-stream");

    private final String extension;
    private final String contentType;

    MediaFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of a file the server named itself (by its extension). */
    /** The stored format of a picture whose type ({@code jpeg}, {@code png}, {@code webp}) was read from its bytes. */
    public static MediaFormat ofImageType(String type) {
        return switch (type) {
            case "png" -> PNG;
            case "webp" -> WEBP;
            default -> JPEG;
        };
    }

    static Optional<MediaFormat> ofStoredName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1);
        for (MediaFormat format : values()) {
            if (format.extension.equals(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
