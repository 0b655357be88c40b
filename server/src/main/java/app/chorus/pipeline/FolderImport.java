package app.chorus.pipeline;

import app.chorus.library.SongSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports an existing karaoke library from a folder on the server: every song file under it
 * (recursively, without following links, hidden files left out), MP3+CDG pairs and zips
 * recognised by {@link ImportBatch}. Only folders inside the configured {@code import-folders}
 * may be read, so the API cannot be used to read the server's other files. The files are copied
 * to the staging folder first: the library never points at files it does not own. Thread-safe.
 */
public final class FolderImport {
    /** Most files one scan takes; the rest are reported as left out. */
    public static final int MAX_FILES = 10_000;

    private final List<Path> roots;
    private final Uploads uploads;
    private final ImportBatch batch;

    public FolderImport(List<Path> roots, Uploads uploads) {
        this.roots = List.copyOf(roots);
        this.uploads = uploads;
        this.batch = new ImportBatch(uploads);
    }

    /** Whether any folder is open to import. */
    public boolean isEnabled() {
        return !roots.isEmpty();
    }

    /** Stages and groups the songs under {@code requested}, an absolute path inside an allowed folder. */
    public ImportBatch.Result scan(String requested) throws IOException {
        if (!isEnabled()) {
            throw new Refused(403, "FOLDER_IMPORT_DISABLED",
                    "Folder import is turned off; list the folders it may read in the import-folders setting");
        }
        if (requested == null || requested.isBlank() || !Path.of(requested).isAbsolute()) {
            throw new Refused(400, "INVALID_PATH", "Give the folder as an absolute path on the server");
        }
        Path folder;
        try {
            folder = Path.of(requested).toRealPath();
        } catch (NoSuchFileException missing) {
            throw new Refused(404, "FOLDER_NOT_FOUND", "There is no folder " + requested);
        }
        if (!isAllowed(folder)) {
            throw new Refused(403, "FOLDER_NOT_ALLOWED", "The folder " + requested
                    + " is outside the folders open to import (import-folders)");
        }
        if (!Files.isDirectory(folder)) {
            throw new Refused(400, "NOT_A_FOLDER", requested + " is not a folder");
        }
        List<ImportBatch.Entry> entries = new ArrayList<>();
        List<ImportBatch.Skipped> skipped = new ArrayList<>();
        try {
            for (Path file : files(folder)) {
                String name = folder.getFileName() + "/" + separatorsAsSlashes(folder.relativize(file));
                if (!ImportBatch.isSongCandidate(name)) {
                    skipped.add(new ImportBatch.Skipped(name, "not a song (" + ImportBatch.extension(name) + ")"));
                } else if (entries.size() >= MAX_FILES) {
                    skipped.add(new ImportBatch.Skipped(name, "more than " + MAX_FILES + " files in one import"));
                } else {
                    try (InputStream content = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                        entries.add(new ImportBatch.Entry(name, uploads.stage(content)));
                    } catch (Uploads.UploadTooLarge tooLarge) {
                        skipped.add(new ImportBatch.Skipped(name, tooLarge.getMessage()));
                    }
                }
            }
            ImportBatch.Result result = batch.group(entries, SongSource.FOLDER, false);
            skipped.addAll(result.skipped());
            return new ImportBatch.Result(result.songs(), skipped);
        } catch (IOException | RuntimeException failure) {
            for (ImportBatch.Entry entry : entries) {
                uploads.remove(entry.staged());
            }
            throw failure;
        }
    }

    private boolean isAllowed(Path folder) throws IOException {
        for (Path root : roots) {
            if (Files.isDirectory(root) && folder.startsWith(root.toRealPath())) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .filter(file -> !ImportBatch.isHidden(folder.relativize(file)))
                    .sorted().toList();
        }
    }

    private static String separatorsAsSlashes(Path relative) {
        return relative.toString().replace(java.io.File.separatorChar, '/');
    }

    /** A folder import that cannot be done: the HTTP status, a stable code and the reason. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }
}
