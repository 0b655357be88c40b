package app.chorus.sources;

import app.chorus.library.Library;
import app.chorus.library.MediaKind;
import app.chorus.library.Song;
import app.chorus.library.SongStatus;
import app.chorus.sources.spi.ProviderContext;
import app.chorus.sources.spi.SearchResult;
import app.chorus.sources.spi.SourceEntry;
import app.chorus.sources.spi.SourceProvider;
import app.chorus.sources.spi.SourceProviderFactory;
import app.chorus.sources.spi.VideoUrl;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The songs in Chorus's own library, found with typo-tolerant ranking ({@link Library#findSongs}).
 * Entries carry the URL of Chorus's own stream of the song (the instrumental when it has one, so
 * the singer is not drowned out) as a path on this server, which the HTTP layer makes absolute.
 * Never cached: an import changes the answer. Thread-safe.
 */
public final class LibraryProvider implements SourceProvider {
    /** The provider's id, and the {@code source} of its entries. */
    public static final String ID = "library";
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");

    private final Library library;
    private final int maxResults;

    public LibraryProvider(Library library, int maxResults) {
        this.library = library;
        this.maxResults = maxResults;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public SearchResult search(String query) {
        return SearchResult.uncached(library.findSongs(query, maxResults).stream().map(LibraryProvider::entry).toList());
    }

    /** An entry queued without its URL (by a client that dropped it) gets it again. */
    @Override
    public Optional<VideoUrl> videoUrl(SourceEntry entry) {
        return library.find(entry.id()).filter(song -> song.status() == SongStatus.READY)
                .flatMap(LibraryProvider::streamPath).map(VideoUrl::uncached);
    }

    /**
     * The entry for a library song: its title, artist, album and duration, and the path of
     * Chorus's own stream of it (relative to this server; {@link Sources#absolute} makes it whole).
     */
    public static SourceEntry entry(Song song) {
        SourceEntry.Builder entry = SourceEntry.builder(ID, song.id()).title(song.title()).artist(song.artist())
                .uploader(uploader(song)).album(song.album())
                .duration(song.durationMs() == null ? null : song.durationMs() / 1000.0)
                .videoUrl(streamPath(song).orElse(null))
                .thumbnailUrl(song.media().cover() == null ? null : "/api/songs/" + song.id() + "/thumbnail");
        String sourceId = song.provenance().sourceId();
        String sourceUrl = song.provenance().sourceUrl();
        // A song imported from a video is the same recording as that video in YouTube's results.
        if (sourceId != null && VIDEO_ID.matcher(sourceId).matches() && sourceUrl != null
                && (sourceUrl.contains("youtube.com/") || sourceUrl.contains("youtu.be/"))) {
            entry.sameAs(YouTubeProvider.ID, sourceId);
        }
        return entry.build();
    }

    private static Optional<String> streamPath(Song song) {
        MediaKind track = song.media().instrumental() != null ? MediaKind.INSTRUMENTAL
                : song.media().original() != null ? MediaKind.ORIGINAL : null;
        return Optional.ofNullable(track).map(kind -> "/api/songs/" + song.id() + "/download/" + kind.wireName());
    }

    private static String uploader(Song song) {
        if (song.provenance().channel() != null) {
            return song.provenance().channel();
        }
        return song.provenance().uploader() != null ? song.provenance().uploader() : "Chorus library";
    }

    /** Registered in META-INF/services like any provider; takes the library from the context. */
    public static final class Factory implements SourceProviderFactory {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public SourceProvider create(ProviderContext context) {
            Library library = context.service(Library.class)
                    .orElseThrow(() -> new IllegalStateException("the song library is not available"));
            int maxResults = context.service(app.chorus.config.Config.class)
                    .map(config -> config.search().maxResults()).orElse(20);
            return new LibraryProvider(library, maxResults);
        }
    }
}
