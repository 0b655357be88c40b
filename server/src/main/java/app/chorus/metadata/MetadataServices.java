package app.chorus.metadata;

import app.chorus.config.Config;
import app.chorus.library.Library;
import java.time.Duration;

/**
 * The metadata and lyrics services as the server uses them: one client each, built from the
 * configuration, and the enrichment step over them. Closing it closes the clients.
 */
public record MetadataServices(Enricher enricher, ItunesClient itunes, MusicBrainzClient musicBrainz, LrclibClient lrclib,
                               HttpJson art) implements AutoCloseable {
    /** The version sent in the User-Agent. */
    public static final String VERSION = "0.1.0";

    /** The clients for the configured base URLs, polite to MusicBrainz (one request per interval). */
    public static MetadataServices create(Config.Metadata config, Library library) {
        String contact = config.contact().isBlank() ? "self-hosted karaoke server" : config.contact();
        MetadataSettings settings = new MetadataSettings(MetadataSettings.userAgentFor(VERSION, contact), config.timeout(),
                config.retries(), config.maxRetryWait(), config.cacheTtl(), config.cacheSize());
        ItunesClient itunes = new ItunesClient(new HttpJson("iTunes", settings), config.itunesUrl());
        MusicBrainzClient musicBrainz = new MusicBrainzClient(
                new HttpJson("MusicBrainz", settings, config.musicBrainzInterval()), config.musicBrainzUrl(),
                new HttpJson("Cover Art Archive", settings, Duration.ZERO), config.coverArtUrl());
        LrclibClient lrclib = new LrclibClient(new HttpJson("LRCLIB", settings), config.lrclibUrl());
        HttpJson art = new HttpJson("cover art", settings);
        return new MetadataServices(new Enricher(library, itunes, musicBrainz, lrclib, art), itunes, musicBrainz, lrclib, art);
    }

    @Override
    public void close() {
        itunes.close();
        musicBrainz.close();
        lrclib.close();
        art.close();
    }
}
