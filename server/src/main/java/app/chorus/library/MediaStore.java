package app.chorus.library;

import app.chorus.files.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The media files of the library: {@code <root>/<song id>/<kind>.<extension>}. Every path is
 * built from a song id (a UUID) and a name this class generated, so nothing a user sends (a file
 * name, a title) ever becomes part of a path. A file appears whole or not at all: it is written
 * under a temporary name and moved into place. Thread-safe.
 */
public final class MediaStore {
    private static final Pattern SONG_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern STORED_NAME = Pattern.compile("[a-z]+\\.[a-z0-9]+");

    private final Path root;

    public MediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Writes {@code content} as the song's file of this kind; returns the stored name. */
    String store(String songId, MediaKind kind, MediaFormat format, InputStream content) throws IOException {
        Path folder = folder(songId);
        Files.createDirectories(folder);
        String name = kind.wireName() + "." + format.extension();
        Path partial = Files.createTempFile(folder, kind.wireName() + "-", ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.transferTo(out);
            }
            Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return name;
    }

    /** The stored file, if it exists. */
    java.util.Optional<StoredMedia> find(String songId, String storedName) {
        if (storedName == null || !STORED_NAME.matcher(storedName).matches()) {
            return java.util.Optional.empty();
        }
        Path file = folder(songId).resolve(storedName);
        try {
            long size = Files.size(file);
            return MediaFormat.ofStoredName(storedName).map(format -> new StoredMedia(file, format, size));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes one stored file (a replaced file of another format, say). */
    void remove(String songId, String storedName) throws IOException {
        if (storedName != null && STORED_NAME.matcher(storedName).matches()) {
            Files.deleteIfExists(folder(songId).resolve(storedName));
        }
    }

    /** Removes the song's folder and everything in it. */
    void removeAll(String songId) throws IOException {
        Folders.delete(folder(songId));
    }

    private Path folder(String songId) {
        if (songId == null || !SONG_ID.matcher(songId).matches()) {
            throw new IllegalArgumentException("Not a song id: " + songId);
        }
        return root.resolve(songId);
    }
}
