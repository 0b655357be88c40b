package app.chorus.metadata;

import app.chorus.audio.MediaProbe;
import app.chorus.library.Library;
import app.chorus.library.MediaFormat;
import app.chorus.library.MediaKind;
import app.chorus.library.Provenance;
import app.chorus.library.Song;
import app.chorus.library.SongField;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The enrichment step: works out who sang what from the song's names (tags, a video title, a
 * file name), then asks iTunes (names, album, genre, year, large artwork), MusicBrainz (recording
 * and release ids, Cover Art Archive art) and LRCLIB (synced lyrics, else plain), in that order.
 * Each answer is matched against the song (title, artist, duration) and used only above the
 * threshold; a field a person edited is never touched, and every field set records its source.
 * A service that fails costs only its fields and leaves a note. Thread-safe.
 */
public final class Enricher implements Enrichment {
    /** Candidates below this score are not the song. */
    public static final double THRESHOLD = CandidateMatch.DEFAULT_THRESHOLD;
    private static final int CANDIDATES = 10;
    private static final long MAX_ART_BYTES = 10L * 1024 * 1024;

    private final Library library;
    private final ItunesClient itunes;
    private final MusicBrainzClient musicBrainz;
    private final LrclibClient lrclib;
    private final HttpJson http;

    public Enricher(Library library, ItunesClient itunes, MusicBrainzClient musicBrainz, LrclibClient lrclib, HttpJson http) {
        this.library = library;
        this.itunes = itunes;
        this.musicBrainz = musicBrainz;
        this.lrclib = lrclib;
        this.http = http;
    }

    @Override
    public List<String> enrich(String songId, Consumer<String> progress) throws InterruptedException {
        List<String> notes = new ArrayList<>();
        Song song = library.get(songId);
        Map<String, String> sources = library.fieldSources(songId);
        TrackName wanted = wanted(song, sources);
        song = applyParsedNames(song, sources, wanted);

        progress.accept("Looking up iTunes");
        try {
            Optional<ItunesTrack> track = matchItunes(wanted, song.durationMs());
            if (track.isPresent()) {
                song = applyItunes(song, sources, track.get());
            } else {
                notes.add("iTunes knows no match");
            }
        } catch (IOException unavailable) {
            notes.add(unavailable.getMessage()); // It names the service.
        } catch (RuntimeException unexpected) {
            // An answer that does not fit (a name too long, say) costs only this service.
            notes.add("iTunes: " + "unusable answer (" + unexpected.getMessage() + ")");
        }

        progress.accept("Looking up MusicBrainz");
        try {
            Optional<MbRecording> recording = matchMusicBrainz(wanted, song.durationMs());
            if (recording.isPresent()) {
                song = applyMusicBrainz(song, recording.get());
            } else {
                notes.add("MusicBrainz knows no match");
            }
        } catch (IOException unavailable) {
            notes.add(unavailable.getMessage()); // It names the service.
        } catch (RuntimeException unexpected) {
            // An answer that does not fit (a name too long, say) costs only this service.
            notes.add("MusicBrainz: " + "unusable answer (" + unexpected.getMessage() + ")");
        }

        progress.accept("Looking up lyrics");
        try {
            notes.addAll(applyLyrics(library.get(songId)));
        } catch (IOException unavailable) {
            notes.add(unavailable.getMessage()); // It names the service.
        } catch (RuntimeException unexpected) {
            // An answer that does not fit (a name too long, say) costs only this service.
            notes.add("LRCLIB: " + "unusable answer (" + unexpected.getMessage() + ")");
        }
        return notes;
    }

    /**
     * The Open Karaoke Studio's "auto metadata": matches the artist and title a person chose
     * against iTunes and fills the song from the best match (names only where they were guesses,
     * album, genre and year where missing, the artwork when it has none). False when nothing matched.
     *
     * @throws MetadataUnavailable when iTunes cannot be asked
     */
    public boolean matchItunes(String songId, String artist, String title, String album)
            throws MetadataUnavailable, InterruptedException {
        Song song = library.get(songId);
        Optional<ItunesTrack> track;
        try {
            track = matchItunes(TrackNames.fromTags(artist, title).orElseGet(() -> new TrackName(artist, title)),
                    song.durationMs());
        } catch (MetadataUnavailable unavailable) {
            throw unavailable;
        } catch (IOException other) {
            throw new MetadataUnavailable("iTunes", MetadataUnavailable.Reason.NETWORK, other.getMessage(), other);
        }
        if (track.isEmpty()) {
            return false;
        }
        applyItunes(song, library.fieldSources(songId), track.get());
        return true;
    }

    /** The artist and title to look for: the song's, or read out of a video title or file name. */
    static TrackName wanted(Song song, Map<String, String> sources) {
        String titleSource = sources.get(SongField.TITLE.wireName());
        String artistSource = sources.get(SongField.ARTIST.wireName());
        if (FieldSources.VIDEO_PAGE.equals(titleSource) && FieldSources.isWeak(artistSource)) {
            // A video title ("Artist - Title (Karaoke Version)") with the channel as its artist.
            TrackName parsed = TrackNames.fromVideoTitle(song.title(), song.provenance().channel() != null
                    ? song.provenance().channel() : song.artist());
            if (parsed.artist() != null) {
                return parsed;
            }
        }
        if (FieldSources.FILE_NAME.equals(titleSource) || FieldSources.DEFAULT.equals(artistSource)) {
            TrackName parsed = TrackNames.fromFileName(song.title());
            if (parsed.artist() != null || FieldSources.DEFAULT.equals(artistSource)) {
                return parsed;
            }
        }
        String artist = FieldSources.DEFAULT.equals(artistSource) ? null : song.artist();
        return TrackNames.fromTags(artist, song.title()).orElseGet(() -> new TrackName(artist, song.title()));
    }

    /** Names read out of a video title or a file name are better than the raw title they came from. */
    private Song applyParsedNames(Song song, Map<String, String> sources, TrackName wanted) {
        Map<SongField, Object> names = new EnumMap<>(SongField.class);
        if (wanted.title() != null && !wanted.title().equals(song.title())
                && FieldSources.isWeak(sources.get(SongField.TITLE.wireName()))) {
            names.put(SongField.TITLE, wanted.title());
        }
        if (wanted.artist() != null && !wanted.artist().equals(song.artist())
                && FieldSources.isWeak(sources.get(SongField.ARTIST.wireName()))) {
            names.put(SongField.ARTIST, wanted.artist());
        }
        if (names.isEmpty()) {
            return song;
        }
        Song updated = library.applyFound(song.id(), names, FieldSources.TITLE_PARSER);
        names.keySet().forEach(field -> sources.put(field.wireName(), FieldSources.TITLE_PARSER));
        return updated;
    }

    private Optional<ItunesTrack> matchItunes(TrackName wanted, Long durationMs) throws IOException, InterruptedException {
        String term = (wanted.artist() == null ? "" : wanted.artist() + " ") + wanted.title();
        List<Candidate<ItunesTrack>> candidates = itunes.search(term.strip(), CANDIDATES).stream()
                .map(track -> new Candidate<>(track.title(), track.artist(), track.durationMs(), track)).toList();
        return CandidateMatch.best(wanted, durationMs, candidates, THRESHOLD).map(scored -> scored.candidate().payload());
    }

    private Song applyItunes(Song song, Map<String, String> sources, ItunesTrack track) throws InterruptedException {
        Map<SongField, Object> found = new EnumMap<>(SongField.class);
        // The matched names replace guesses only; a tagged or typed name stays as it is.
        if (FieldSources.isWeak(sources.get(SongField.TITLE.wireName()))) {
            found.put(SongField.TITLE, track.title());
        }
        if (FieldSources.isWeak(sources.get(SongField.ARTIST.wireName()))) {
            found.put(SongField.ARTIST, track.artist());
        }
        putIfMissing(found, SongField.ALBUM, song.album(), track.album());
        putIfMissing(found, SongField.GENRE, song.genre(), track.genre());
        putIfMissing(found, SongField.YEAR, song.year(), Library.yearOf(track.releaseDate()));
        Song updated = library.applyFound(song.id(), found, FieldSources.ITUNES);
        if (updated.media().cover() == null && track.artworkUrl() != null) {
            updated = attachArt(updated, URI.create(track.artworkUrl()), FieldSources.ITUNES);
        }
        return updated;
    }

    private Optional<MbRecording> matchMusicBrainz(TrackName wanted, Long durationMs) throws IOException, InterruptedException {
        List<Candidate<MbRecording>> candidates = musicBrainz.searchRecordings(wanted.title(), wanted.artist(), CANDIDATES)
                .stream().map(recording -> new Candidate<>(recording.title(), recording.artist(), recording.durationMs(),
                        recording)).toList();
        return CandidateMatch.best(wanted, durationMs, candidates, THRESHOLD).map(scored -> scored.candidate().payload());
    }

    private Song applyMusicBrainz(Song song, MbRecording recording) throws IOException, InterruptedException {
        MbRelease release = recording.releases().isEmpty() ? null : recording.releases().getFirst();
        Song updated = library.addProvenance(song.id(), new Provenance(null, null, null, null, null, null, null,
                recording.mbid(), release == null ? null : release.id(), release == null ? null : release.title(),
                release == null ? null : release.date()));
        if (updated.media().cover() == null && release != null) {
            Optional<URI> art = musicBrainz.frontCover(release.id());
            if (art.isPresent()) {
                updated = attachArt(updated, art.get(), FieldSources.COVER_ART_ARCHIVE);
            }
        }
        return updated;
    }

    /** Synced lyrics preferred, plain as fallback; an instrumental says so; lyrics already there stay. */
    private List<String> applyLyrics(Song song) throws IOException, InterruptedException {
        if (song.syncedLyrics() != null || song.editedFields().contains(SongField.SYNCED_LYRICS)) {
            return List.of();
        }
        Integer seconds = song.durationMs() == null ? null : (int) Math.round(song.durationMs() / 1000.0);
        Optional<LrclibRecord> record = lrclib.find(song.artist(), song.title(), song.album(), seconds);
        if (record.isEmpty()) {
            return List.of("LRCLIB has no lyrics for it");
        }
        if (record.get().instrumental()) {
            return List.of("LRCLIB lists it as an instrumental");
        }
        Map<SongField, Object> lyrics = new EnumMap<>(SongField.class);
        if (record.get().syncedLyrics() != null && !record.get().syncedLyrics().isBlank()) {
            lyrics.put(SongField.SYNCED_LYRICS, record.get().syncedLyrics());
        }
        if (song.plainLyrics() == null && record.get().plainLyrics() != null && !record.get().plainLyrics().isBlank()) {
            lyrics.put(SongField.PLAIN_LYRICS, record.get().plainLyrics());
        }
        library.applyFound(song.id(), lyrics, FieldSources.LRCLIB);
        return lyrics.containsKey(SongField.SYNCED_LYRICS) ? List.of() : List.of("LRCLIB has only plain lyrics");
    }

    private Song attachArt(Song song, URI address, String source) throws InterruptedException {
        try {
            Optional<byte[]> image = http.image(address, MAX_ART_BYTES);
            String type = image.map(MediaProbe::imageType).orElse(null);
            if (type == null) {
                return song;
            }
            Song updated = library.attachMedia(song.id(), MediaKind.COVER, MediaFormat.ofImageType(type),
                    new ByteArrayInputStream(image.get()));
            library.noteSource(song.id(), MediaKind.COVER.wireName(), source);
            return updated;
        } catch (IOException unavailable) {
            return song; // The song keeps going without art; the names are what matters.
        }
    }

    private static void putIfMissing(Map<SongField, Object> found, SongField field, Object current, Object value) {
        if (current == null && value != null) {
            found.put(field, value);
        }
    }
}
