package app.chorus.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where uploaded files wait for their import job: {@code <root>/<uuid>.upload}, a name the server
 * makes up, never the user's. A file larger than the limit is refused while it is being written
 * and removed. Thread-safe.
 */
public final class Uploads {
    private static final Pattern STAGED = Pattern.compile("[0-9a-f-]{36}\\.upload");

    private final Path root;
    private final long maxBytes;

    public Uploads(Path root, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Copies {@code content} to a new staged file; throws {@link UploadTooLarge} past the limit, leaving nothing. */
    public Path stage(InputStream content) throws IOException {
        Files.createDirectories(root);
        Path staged = root.resolve(UUID.randomUUID() + ".upload");
        boolean complete = false;
        try (OutputStream out = Files.newOutputStream(staged)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw new UploadTooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(staged);
            }
        }
        return staged;
    }

    /** A new, empty staged file for content the server makes itself (the demo song). */
    public Path newStagedFile() throws IOException {
        Files.createDirectories(root);
        return Files.createFile(root.resolve(UUID.randomUUID() + ".upload"));
    }

    /** Whether {@code path} is a file this class staged (so a job payload cannot point elsewhere). */
    boolean isStaged(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        return normalized.getParent() != null && normalized.getParent().equals(root)
                && STAGED.matcher(normalized.getFileName().toString()).matches();
    }

    void remove(Path path) throws IOException {
        if (isStaged(path)) {
            Files.deleteIfExists(path);
        }
    }

    /** Removes staged files no waiting or running job refers to (left by a crash between upload and queue). */
    public void removeAllBut(Set<Path> inUse) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    // The servlet container's multipart spool: nothing in it outlives a request.
                    try (DirectoryStream<Path> spooled = Files.newDirectoryStream(file)) {
                        for (Path leftover : spooled) {
                            Files.deleteIfExists(leftover);
                        }
                    }
                } else if (!inUse.contains(file.toAbsolutePath().normalize())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The upload is larger than the configured limit. */
    public static final class UploadTooLarge extends IOException {
        public UploadTooLarge(long maxBytes) {
            super("The file is larger than the upload limit of " + maxBytes + " bytes");
        }
    }
}
