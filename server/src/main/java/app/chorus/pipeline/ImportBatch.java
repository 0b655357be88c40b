package app.chorus.pipeline;

import app.chorus.library.SongSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Turns the files of one import (the files of an upload request, or of a scanned folder) into
 * songs to import. A karaoke library keeps its tracks as pairs: {@code Song.mp3} with
 * {@code Song.cdg} (CD+G graphics), sometimes with {@code Song.lrc} (synced lyrics), each pair
 * loose in a folder or packed in a zip. Files are paired by folder and base name, ignoring case;
 * a zip (recognised by its content, not its name) is opened and its entries are paired the same
 * way. A graphics or lyrics file without its audio is reported, not imported. Names only group
 * files: every file is staged under a name the server makes up.
 */
public final class ImportBatch {
    /** Most entries read from one zip. */
    public static final int MAX_ZIP_ENTRIES = 1000;
    /** Largest lyrics file read beside a song. */
    public static final int MAX_LYRICS_BYTES = 1024 * 1024;
    private static final Set<String> NOT_SONGS = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp", "txt", "nfo",
            "m3u", "m3u8", "pls", "cue", "xml", "json", "ini", "db", "log", "pdf", "html", "htm", "ds_store", "sfv",
            "md5", "url", "exe", "dll");

    private final Uploads uploads;

    public ImportBatch(Uploads uploads) {
        this.uploads = uploads;
    }

    /** Whether a file of this name can be (part of) a song: not a picture, playlist or text file. */
    public static boolean isSongCandidate(String name) {
        return !NOT_SONGS.contains(extension(name));
    }

    /** Whether a path inside a library folder is hidden: any of its names starts with a dot. */
    public static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** One file of the batch: the name it had (a relative path, for grouping and showing) and where it is staged. */
    public record Entry(String name, Path staged) {
    }

    /** What the batch became: the songs to import, and the files left out with the reason. */
    public record Result(List<ImportFile.Staged> songs, List<Skipped> skipped) {
    }

    /** A file not imported, and why. */
    public record Skipped(String name, String reason) {
    }

    /**
     * Groups staged files into songs. Staged files that are not part of a song (left-out
     * graphics, lyrics read into their song, opened zips) are removed. {@code attemptAll} (an
     * upload: the user chose each file) tries every other file as media; a folder scan leaves out
     * files whose names say they are no songs (pictures, playlists, text).
     */
    public Result group(List<Entry> entries, SongSource source, boolean attemptAll) throws IOException {
        List<Entry> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Entry entry : entries) {
            if (isZip(entry.staged())) {
                files.addAll(expand(entry, skipped));
                uploads.remove(entry.staged());
            } else {
                files.add(entry);
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Entry file : files) {
            groups.computeIfAbsent(key(file.name()), key -> new Group()).add(file);
        }
        List<ImportFile.Staged> songs = new ArrayList<>();
        for (Group group : groups.values()) {
            group.resolve(source, attemptAll, songs, skipped);
        }
        return new Result(songs, skipped);
    }

    /** The files that share a folder and a base name. */
    private final class Group {
        private final List<Entry> media = new ArrayList<>();
        private Entry cdg;
        private Entry lyrics;
        private final List<Entry> extra = new ArrayList<>();

        void add(Entry file) {
            String extension = extension(file.name());
            if (extension.equals("cdg") && cdg == null) {
                cdg = file;
            } else if (extension.equals("lrc") && lyrics == null) {
                lyrics = file;
            } else if (extension.equals("cdg") || extension.equals("lrc")) {
                extra.add(file);
            } else {
                media.add(file);
            }
        }

        void resolve(SongSource source, boolean attemptAll, List<ImportFile.Staged> songs, List<Skipped> skipped)
                throws IOException {
            List<Entry> candidates = new ArrayList<>();
            for (Entry file : media) {
                if (attemptAll || !NOT_SONGS.contains(extension(file.name()))) {
                    candidates.add(file);
                } else {
                    skip(file, "not a song (" + extension(file.name()) + ")", skipped);
                }
            }
            for (Entry file : extra) {
                skip(file, "a second " + extension(file.name()) + " file for the same song", skipped);
            }
            if (candidates.isEmpty()) {
                if (cdg != null) {
                    skip(cdg, "CD+G graphics without their audio file (same name, .mp3)", skipped);
                }
                if (lyrics != null) {
                    skip(lyrics, "lyrics without their audio file (same name)", skipped);
                }
                return;
            }
            // The graphics belong to the MP3 of the pair when there is one.
            Entry paired = candidates.stream().filter(file -> extension(file.name()).equals("mp3")).findFirst()
                    .orElse(candidates.getFirst());
            String syncedLyrics = lyrics == null ? null : readLyrics(lyrics);
            for (Entry file : candidates) {
                boolean withExtras = file == paired;
                String origin = source == SongSource.FOLDER || file.name().contains("!/") ? file.name() : null;
                songs.add(new ImportFile.Staged(file.staged(), baseName(file.name()),
                        withExtras && cdg != null ? cdg.staged() : null, withExtras ? syncedLyrics : null, source, origin));
            }
        }
    }

    private void skip(Entry file, String reason, List<Skipped> skipped) throws IOException {
        skipped.add(new Skipped(file.name(), reason));
        uploads.remove(file.staged());
    }

    private String readLyrics(Entry file) throws IOException {
        try {
            if (Files.size(file.staged()) > MAX_LYRICS_BYTES) {
                return null;
            }
            String text = Files.readString(file.staged(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.MalformedInputException notUtf8) {
            return new String(Files.readAllBytes(file.staged()), StandardCharsets.ISO_8859_1);
        } finally {
            uploads.remove(file.staged());
        }
    }

    /** Stages the entries of a zip that can be part of a song; nothing is written outside the uploads folder. */
    private List<Entry> expand(Entry zip, List<Skipped> skipped) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String prefix = zip.name() + "!/";
        try (ZipInputStream input = new ZipInputStream(Files.newInputStream(zip.staged()))) {
            int count = 0;
            for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                if (entry.isDirectory() || hidden(entry.getName())) {
                    continue;
                }
                if (++count > MAX_ZIP_ENTRIES) {
                    skipped.add(new Skipped(zip.name(), "only the first " + MAX_ZIP_ENTRIES + " entries of the zip were read"));
                    break;
                }
                String name = prefix + entry.getName().replace('\\', '/');
                if (NOT_SONGS.contains(extension(name))) {
                    skipped.add(new Skipped(name, "not a song (" + extension(name) + ")"));
                    continue;
                }
                try {
                    entries.add(new Entry(name, uploads.stage(input)));
                } catch (Uploads.UploadTooLarge tooLarge) {
                    skipped.add(new Skipped(name, tooLarge.getMessage()));
                }
            }
        } catch (ZipException | java.io.EOFException broken) {
            skipped.add(new Skipped(zip.name(), "the zip is damaged (" + broken.getMessage() + ")"));
        } catch (IOException | RuntimeException failure) {
            for (Entry staged : entries) {
                uploads.remove(staged.staged());
            }
            throw failure;
        }
        return entries;
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            byte[] head = input.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private static boolean hidden(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.startsWith(".") || name.startsWith("__MACOSX/");
    }

    /** Folder and base name, lower-cased: what pairs a file with its graphics and lyrics. */
    public static String key(String name) {
        String normalized = name.replace('\\', '/');
        int dot = normalized.lastIndexOf('.');
        int slash = normalized.lastIndexOf('/');
        return (dot > slash ? normalized.substring(0, dot) : normalized).toLowerCase(Locale.ROOT);
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return dot > slash ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static String baseName(String name) {
        String normalized = name.replace('\\', '/');
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }
}
