package app.chorus.pipeline;

import app.chorus.audio.CdgGraphics;
import app.chorus.audio.MediaInfo;
import app.chorus.audio.MediaProbe;
import app.chorus.audio.Separator;
import app.chorus.audio.StemSplitter;
import app.chorus.audio.UnsupportedMedia;
import app.chorus.jobs.Job;
import app.chorus.jobs.JobContext;
import app.chorus.jobs.JobStatus;
import app.chorus.library.Library;
import app.chorus.library.MediaFormat;
import app.chorus.library.MediaKind;
import app.chorus.library.NewSong;
import app.chorus.library.Provenance;
import app.chorus.library.Song;
import app.chorus.library.SongField;
import app.chorus.library.SongSource;
import app.chorus.library.SongStatus;
import app.chorus.lyrics.Lrc;
import app.chorus.metadata.Enrichment;
import app.chorus.metadata.FieldSources;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every import does once its media file is on disk, wherever it came from: decode it whole
 * to learn what it is (a name says nothing), then fill a song with the file as its original, the
 * tags it carries, its cover, its CD+G graphics when it came with some, and its separated stems.
 * The song is either new (made here, removed again if the import does not finish) or one a client
 * made beforehand (it keeps what it had; what this import stored is taken back on failure and the
 * song is marked failed). Thread-safe; each call works on its own job.
 */
final class MediaImport {
    private static final Logger LOG = LoggerFactory.getLogger(MediaImport.class);
    private static final int SEPARATION_END = 90;
    private static final List<MediaKind> IMPORTED_KINDS = List.of(MediaKind.ORIGINAL, MediaKind.INSTRUMENTAL,
            MediaKind.VOCALS, MediaKind.CDG);

    private static final int ENRICHMENT_START = 95;

    private final Library library;
    private final MediaProbe probe;
    private final Separator separator;
    private final Enrichment enrichment;

    MediaImport(Library library, MediaProbe probe, Separator separator, Enrichment enrichment) {
        this.library = library;
        this.probe = probe;
        this.separator = separator;
        this.enrichment = enrichment;
    }

    /** What an import made: the song, and notes on what the lookups could not find. */
    record Imported(Song song, List<String> notes) {
        /** The job's last message: done, and what is missing and why, if anything. */
        String completion() {
            return notes.isEmpty() ? "Processing complete" : "Processing complete; " + String.join("; ", notes);
        }
    }

    /**
     * What is known about the file besides its content. {@code title}, {@code artist} and
     * {@code album} (from a video page, say) win over the file's tags; {@code fallbackTitle} is
     * used when neither has a title. {@code cdg} and {@code cover} are files beside the media.
     */
    record Known(SongSource source, Provenance provenance, String title, String artist, String album,
                 String fallbackTitle, String syncedLyrics, Path cdg, Path cover) {
    }

    /**
     * Imports {@code media} into the song {@code existingSongId} (null: a new song). Progress runs
     * from {@code from} percent; {@code prefix} starts every progress message.
     */
    Imported run(JobContext context, Path media, String existingSongId, Known known, int from, String prefix)
            throws IOException, InterruptedException {
        int decodeEnd = from + (SEPARATION_END - from) / 4;
        MediaInfo info;
        try {
            info = probe.probe(media, share -> context.progress(JobStatus.PROCESSING,
                    from + (int) (share * (decodeEnd - from)), prefix + "Decoding"));
            if (known.cdg() != null) {
                CdgGraphics.check(known.cdg());
            }
        } catch (UnsupportedMedia unsupported) {
            throw new IOException(unsupported.getMessage() + " [" + unsupported.reason() + "]");
        }
        MediaFormat format = formatOf(info);
        context.progress(JobStatus.PROCESSING, decodeEnd + 1, prefix + "Adding to the library");
        Song song = existingSongId == null ? library.create(newSong(info, known)) : reuse(existingSongId);
        if (existingSongId == null) {
            noteNameSources(song.id(), info, known);
        }
        Set<MediaKind> stored = EnumSet.noneOf(MediaKind.class);
        try {
            context.describe(song.id(), song.title(), song.artist());
            store(song.id(), MediaKind.ORIGINAL, format, media, stored);
            library.setWaveform(song.id(), info.peaks());
            storeCover(song, info, known.cover(), stored);
            if (known.cdg() != null) {
                store(song.id(), MediaKind.CDG, MediaFormat.CDG, known.cdg(), stored);
            }
            context.checkCancelled();
            int separationStart = decodeEnd + 4;
            context.progress(JobStatus.PROCESSING, separationStart, prefix + "Separating vocals");
            StemSplitter.Stems stems = separator.split(media, context.workDir(), context::start, share -> context.progress(
                    JobStatus.PROCESSING, separationStart + (int) (share * (SEPARATION_END - separationStart)),
                    prefix + "Separating vocals"));
            context.progress(JobStatus.FINALIZING, SEPARATION_END + 2, "Storing the stems");
            store(song.id(), MediaKind.INSTRUMENTAL, MediaFormat.M4A, stems.accompaniment(), stored);
            store(song.id(), MediaKind.VOCALS, MediaFormat.M4A, stems.vocals(), stored);
            library.setAnalysis(song.id(), stems.originalLufs(), stems.durationMs());
            Map<SongField, Object> found = found(info, known);
            if (existingSongId != null) {
                // A song a client made keeps what it has; only its gaps are filled.
                Song current = library.get(song.id());
                found.keySet().removeIf(field -> hasValue(current, field));
            }
            Map<SongField, Object> lyrics = new EnumMap<>(SongField.class);
            lyrics.put(SongField.SYNCED_LYRICS, found.remove(SongField.SYNCED_LYRICS));
            lyrics.put(SongField.PLAIN_LYRICS, found.remove(SongField.PLAIN_LYRICS));
            library.applyFound(song.id(), found, known.source() == SongSource.URL ? FieldSources.VIDEO_PAGE : FieldSources.TAGS);
            library.applyFound(song.id(), lyrics, FieldSources.LYRICS_FILE);
            library.addProvenance(song.id(), known.provenance());
            context.progress(JobStatus.FINALIZING, ENRICHMENT_START, "Looking up metadata and lyrics");
            // A cancel interrupts this thread, which ends the lookups' requests.
            List<String> notes = enrichment.enrich(song.id(),
                    step -> context.progress(JobStatus.FINALIZING, ENRICHMENT_START + 1, step));
            context.checkCancelled();
            return new Imported(library.setStatus(song.id(), SongStatus.READY), notes);
        } catch (Exception | Error failure) {
            if (existingSongId == null) {
                // A cancel or failure after the song was added takes the song (and its files) away again.
                library.delete(song.id());
            } else {
                takeBack(song.id(), stored);
            }
            throw failure;
        }
    }

    /**
     * Makes ready for a (new or repeated) attempt of {@code job}: a song an earlier attempt made
     * and left unfinished (a crash cut it short) is removed; a client's song loses what an earlier
     * attempt stored and shows it is being imported. Fails when the client's song is gone.
     */
    void startOver(Job job, String existingSongId) throws IOException {
        if (existingSongId == null) {
            undo(job, null);
            return;
        }
        if (library.find(existingSongId).isEmpty()) {
            throw new IOException("The song " + existingSongId + " was deleted before its import ran");
        }
        for (MediaKind kind : IMPORTED_KINDS) {
            library.detachMedia(existingSongId, kind);
        }
        library.setStatus(existingSongId, SongStatus.PROCESSING);
    }

    /**
     * Undoes what an unfinished attempt of {@code job} left: a song it made is removed unless it
     * got as far as ready; a client's song loses the media the import stored and is marked failed.
     */
    void undo(Job job, String existingSongId) {
        String songId = existingSongId != null ? existingSongId : job.songId();
        if (songId == null) {
            return;
        }
        library.find(songId).filter(song -> song.status() != SongStatus.READY).ifPresent(song -> {
            if (existingSongId == null) {
                LOG.info("Removing song {} left half-imported by an interrupted run of job {}", song.id(), job.id());
                library.delete(song.id());
            } else {
                takeBack(song.id(), EnumSet.copyOf(IMPORTED_KINDS));
            }
        });
    }

    private Song reuse(String songId) {
        return library.setStatus(songId, SongStatus.PROCESSING);
    }

    private void takeBack(String songId, Set<MediaKind> stored) {
        if (library.find(songId).isEmpty()) {
            return;
        }
        for (MediaKind kind : stored) {
            library.detachMedia(songId, kind);
        }
        library.setStatus(songId, SongStatus.FAILED);
    }

    private void store(String songId, MediaKind kind, MediaFormat format, Path file, Set<MediaKind> stored)
            throws IOException {
        try (InputStream content = Files.newInputStream(file)) {
            library.attachMedia(songId, kind, format, content);
        }
        stored.add(kind);
    }

    /** The cover embedded in the file, else the picture that came with it; a song's own cover stays. */
    private void storeCover(Song song, MediaInfo info, Path coverFile, Set<MediaKind> stored) throws IOException {
        if (song.media().cover() != null) {
            return;
        }
        MediaInfo.CoverArt cover = info.cover() != null || coverFile == null ? info.cover()
                : MediaProbe.pictureFile(coverFile).orElse(null);
        if (cover != null) {
            library.attachMedia(song.id(), MediaKind.COVER, MediaFormat.ofImageType(cover.type()), new ByteArrayInputStream(cover.bytes()));
            library.noteSource(song.id(), MediaKind.COVER.wireName(), info.cover() != null ? FieldSources.TAGS
                    : song.source() == SongSource.URL ? FieldSources.VIDEO_PAGE : FieldSources.PICTURE_FILE);
            stored.add(MediaKind.COVER);
        }
    }

    private static NewSong newSong(MediaInfo info, Known known) {
        String title = first(known.title(), info.tag("title"), known.fallbackTitle(), "Untitled");
        String artist = first(known.artist(), info.tag("artist"), info.tag("album_artist"), "Unknown Artist");
        return new NewSong(clip(title), clip(artist), clip(first(known.album(), info.tag("album"))), info.durationMs(),
                known.source(), Provenance.NONE);
    }

    /** Records where the new song's title and artist came from, so enrichment knows how far to trust them. */
    private void noteNameSources(String songId, MediaInfo info, Known known) {
        String given = known.source() == SongSource.URL ? FieldSources.VIDEO_PAGE : FieldSources.REQUEST;
        library.noteSource(songId, SongField.TITLE.wireName(), known.title() != null ? given
                : info.tag("title") != null ? FieldSources.TAGS : known.fallbackTitle() != null ? FieldSources.FILE_NAME : FieldSources.DEFAULT);
        library.noteSource(songId, SongField.ARTIST.wireName(), known.artist() != null ? given
                : info.tag("artist") != null || info.tag("album_artist") != null ? FieldSources.TAGS : FieldSources.DEFAULT);
    }

    private static Map<SongField, Object> found(MediaInfo info, Known known) {
        Map<SongField, Object> found = new EnumMap<>(SongField.class);
        found.put(SongField.ALBUM, clip(first(known.album(), info.tag("album"))));
        found.put(SongField.GENRE, clip(info.tag("genre")));
        found.put(SongField.YEAR, Library.yearOf(info.tag("date")));
        if (known.syncedLyrics() != null) {
            found.put(SongField.SYNCED_LYRICS, known.syncedLyrics());
            found.put(SongField.PLAIN_LYRICS, Lrc.parse(known.syncedLyrics()).plainText());
        }
        found.values().removeIf(java.util.Objects::isNull);
        return found;
    }

    private static boolean hasValue(Song song, SongField field) {
        return switch (field) {
            case TITLE -> song.title() != null;
            case ARTIST -> song.artist() != null;
            case ALBUM -> song.album() != null;
            case GENRE -> song.genre() != null;
            case LANGUAGE -> song.language() != null;
            case YEAR -> song.year() != null;
            case DURATION_MS -> song.durationMs() != null;
            case PLAIN_LYRICS -> song.plainLyrics() != null;
            case SYNCED_LYRICS -> song.syncedLyrics() != null;
        };
    }

    /** The stored format for what FFmpeg found (container and codec, never a file name). */
    static MediaFormat formatOf(MediaInfo info) {
        String container = info.container() == null ? "" : info.container().toLowerCase(Locale.ROOT);
        String codec = info.audioCodec() == null ? "" : info.audioCodec().toLowerCase(Locale.ROOT);
        if (container.contains("mp4") || container.contains("mov")) {
            return info.hasVideo() ? MediaFormat.MP4 : MediaFormat.M4A;
        }
        if (container.contains("webm") || container.contains("matroska")) {
            return info.hasVideo() ? MediaFormat.WEBM : MediaFormat.MKV;
        }
        if (container.equals("ogg")) {
            return codec.contains("opus") ? MediaFormat.OPUS : MediaFormat.OGG;
        }
        if (container.equals("flac")) {
            return MediaFormat.FLAC;
        }
        if (container.equals("wav")) {
            return MediaFormat.WAV;
        }
        if (container.equals("mp3") || codec.equals("mp3")) {
            return MediaFormat.MP3;
        }
        throw new IllegalArgumentException("Unsupported container " + info.container());
    }

    static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    static String clip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.length() > Library.MAX_NAME_CHARS ? trimmed.substring(0, Library.MAX_NAME_CHARS) : trimmed;
    }
}
