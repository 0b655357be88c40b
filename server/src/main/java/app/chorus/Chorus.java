package app.chorus;

import app.chorus.accounts.PasswordHasher;
import app.chorus.config.Config;
import app.chorus.events.EventBus;
import app.chorus.events.InProcessEventBus;
import app.chorus.jobs.JobRepository;
import app.chorus.jobs.JobSettings;
import app.chorus.jobs.Jobs;
import app.chorus.pipeline.DemoSong;
import app.chorus.pipeline.EnrichSong;
import app.chorus.metadata.Enrichment;
import app.chorus.metadata.MetadataServices;
import app.chorus.pipeline.FolderImport;
import app.chorus.pipeline.ImportFile;
import app.chorus.pipeline.ImportUrl;
import app.chorus.pipeline.Imports;
import app.chorus.sources.UrlPolicy;
import app.chorus.sources.YtDlp;
import app.chorus.sources.Sources;
import app.chorus.sources.UrlLookup;
import app.chorus.audio.DemucsSeparator;
import app.chorus.audio.Separator;
import app.chorus.pipeline.Uploads;
import app.chorus.audio.MediaProbe;
import app.chorus.audio.StemSplitter;
import app.chorus.json.Json;
import app.chorus.library.Library;
import app.chorus.library.MediaStore;
import app.chorus.library.SongRepository;
import app.chorus.persistence.Database;
import app.chorus.persistence.ServerSecrets;
import app.chorus.rooms.RoomAccess;
import app.chorus.rooms.RoomLimits;
import app.chorus.rooms.RoomRepository;
import app.chorus.rooms.Rooms;
import app.chorus.rooms.VideoUrlResolver;
import app.chorus.share.MemoryShareStore;
import app.chorus.share.RedisShare;
import app.chorus.share.ShareRelay;
import app.chorus.share.ShareTokens;
import app.chorus.share.Shares;
import app.chorus.transport.http.HttpServer;
import app.chorus.transport.socketio.SocketAuthenticator;
import app.chorus.transport.socketio.SocketIoGateway;
import app.chorus.transport.ws.WsGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled server: every part constructed by hand, in dependency order. {@link Main} runs
 * one from the command line; tests start one per class on a free port.
 */
public final class Chorus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Chorus.class);

    private final Database database;
    private final Rooms rooms;
    private final Library library;
    private final Jobs jobs;
    private final Sources sources;
    private final MetadataServices metadata;
    private final Shares shares;
    private final HttpServer http;
    private final int port;

    private Chorus(Database database, Rooms rooms, Library library, Jobs jobs, Sources sources, MetadataServices metadata,
                   Shares shares, HttpServer http, int port) {
        this.shares = shares;
        this.database = database;
        this.metadata = metadata;
        this.sources = sources;
        this.jobs = jobs;
        this.rooms = rooms;
        this.library = library;
        this.http = http;
        this.port = port;
    }

    /** Builds everything from the configuration and starts listening. */
    public static Chorus start(Config config) {
        InstantSource clock = InstantSource.system();
        ObjectMapper json = Json.newMapper();
        Database database = Database.open(config.database());
        Jobs jobs = null;
        Sources sources = null;
        MetadataServices metadata = null;
        Shares shares = null;
        try {
            Library library = new Library(new SongRepository(database.jdbi()),
                    new MediaStore(config.server().dataDir().resolve("library")), clock);
            sources = Sources.load(config.search(), Map.of(Library.class, library, Config.class, config,
                    ObjectMapper.class, json), clock);
            RoomAccess access = new RoomAccess(new ServerSecrets(database.jdbi()).getOrCreate("room-proof"),
                    config.rooms().proofTtl());
            Rooms rooms = new Rooms(new RoomRepository(database.jdbi(), json), new PasswordHasher(), access,
                    videoUrlResolver(sources, config.search().publicUrl()), clock,
                    new RoomLimits(config.rooms().maxClientsPerRoom(), config.rooms().maxQueueLength()),
                    config.rooms().maxRooms());
            EventBus events = new InProcessEventBus();
            Uploads uploads = new Uploads(config.server().dataDir().resolve("uploads"), config.jobs().uploadMaxBytes());
            MediaProbe probe = new MediaProbe();
            String separatorName = separatorName(config.imports());
            Separator separator = separatorName.equals("demucs")
                    ? new DemucsSeparator(config.imports().demucsCommand(), config.imports().demucsModel(), ProcessBuilder::start)
                    : new StemSplitter();
            metadata = MetadataServices.create(config.metadata(), library);
            Enrichment onImport = config.metadata().onImport() ? metadata.enricher() : Enrichment.NONE;
            EnrichSong enrichJobs = new EnrichSong(library, metadata.enricher(), json);
            ImportFile importer = new ImportFile(library, uploads, probe, separator, onImport, json);
            ImportUrl urlImporter = new ImportUrl(library, probe, separator, onImport,
                    new YtDlp(config.imports().ytDlpPath(), config.imports().downloadTimeout(), config.jobs().uploadMaxBytes(), json),
                    new UrlPolicy(config.imports().allowPrivateUrls()), json);
            Imports imports = new Imports(uploads, importer, urlImporter,
                    new FolderImport(config.imports().folders(), uploads), separatorName);
            jobs = new Jobs(new JobRepository(database.jdbi()), events, clock, config.server().dataDir().resolve("jobs"),
                    new JobSettings(config.jobs().maxConcurrent(), config.jobs().lease(), config.jobs().maxAttempts()),
                    List.of(importer, urlImporter, enrichJobs), database.dialect() == Database.Dialect.SQLITE);
            removeAbandonedUploads(jobs, uploads, importer);
            jobs.start();
            addDemoSong(config.jobs().demoSong(), new DemoSong(library, jobs, uploads, importer));
            shares = shares(config, clock);
            ShareTokens shareTokens = ShareTokens.load(config.share().tokens(), config.server().dataDir());
            WsGateway gateway = new WsGateway(rooms, jobs, events, shares, shareTokens, json, clock, config);
            HttpServer http = new HttpServer(config, json, clock, rooms, library, jobs, imports, sources, metadata, enrichJobs,
                    gateway, new SocketIoGateway(config.socketIo(), jobs, library, events, json, rooms, config.rooms().oksRoom(),
                            shares, config.share().maxListensPerConnection(), SocketAuthenticator.OPEN),
                    shares, shareTokens, database.dialect().name().toLowerCase());
            int port = http.start();
            LOG.info("Chorus listening on http://{}:{} (database: {})", config.server().host(), port,
                    database.dialect().name().toLowerCase());
            return new Chorus(database, rooms, library, jobs, sources, metadata, shares, http, port);
        } catch (RuntimeException e) {
            if (shares != null) {
                shares.close();
            }
            if (jobs != null) {
                jobs.close();
            }
            if (sources != null) {
                sources.close();
            }
            if (metadata != null) {
                metadata.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * The room prefetch's resolver: the same lookup (and cache) as {@code /get_video_url}. A path
     * on this server becomes absolute only when the public address is configured; the displays
     * that play it are served from this server, so a path works for them.
     */
    private static VideoUrlResolver videoUrlResolver(Sources sources, String publicUrl) {
        return entry -> {
            UrlLookup lookup = sources.videoUrl(Sources.lookupEntry(entry.source(), entry.id(), entry.title(),
                    entry.artist(), entry.uploader(), entry.duration(), entry.videoUrl()));
            return java.util.Optional.ofNullable(Sources.absolute(lookup.url(), publicUrl));
        };
    }

    /** Music share on Redis when {@code redis-url} is set (several nodes serve one session), else in this process. */
    private static Shares shares(Config config, InstantSource clock) {
        String redisUrl = config.server().redisUrl();
        if (redisUrl.isEmpty()) {
            return new Shares(new MemoryShareStore(), ShareRelay::local, config.share().limits(), clock).startTicking();
        }
        RedisShare redis = RedisShare.connect(redisUrl, config.share().limits());
        return new Shares(redis.store(), redis.relays(), config.share().limits(), clock).startTicking();
    }

    /**
     * The separator imports use: Demucs when configured and installed; configured but missing,
     * the built-in one, with a warning, rather than failing every import.
     */
    private static String separatorName(Config.Imports imports) {
        if (imports.separator() != Config.Imports.Separator.DEMUCS) {
            return "builtin";
        }
        if (DemucsSeparator.isAvailable(imports.demucsCommand())) {
            return "demucs";
        }
        LOG.warn("separator=demucs, but '{}' was not found; imports use the built-in separator",
                String.join(" ", imports.demucsCommand()));
        return "builtin (demucs not found)";
    }

    /** The demo song for a newcomer (or on --demo); a failure to make it never stops the server. */
    private static void addDemoSong(Config.Jobs.DemoSong mode, DemoSong demo) {
        try {
            java.util.Optional<app.chorus.jobs.Job> queued = switch (mode) {
                case FIRST_RUN -> demo.addOnFirstRun();
                case ALWAYS -> demo.addUnlessPresent();
                case NEVER -> java.util.Optional.empty();
            };
            queued.ifPresent(job -> LOG.info("Importing the demo song (job {})", job.id()));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not add the demo song", e);
        }
    }

    /** Staged uploads whose job is gone or finished (a crash between upload and queue, say). */
    private static void removeAbandonedUploads(Jobs jobs, Uploads uploads, ImportFile importer) {
        java.util.Set<java.nio.file.Path> waiting = jobs.list(null, true).stream()
                .filter(job -> job.kind().equals(ImportFile.KIND) && !job.status().isTerminal())
                .flatMap(job -> importer.uploadsOf(job).stream())
                .collect(java.util.stream.Collectors.toSet());
        try {
            uploads.removeAllBut(waiting);
        } catch (java.io.IOException e) {
            LOG.warn("Could not remove abandoned uploads", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** The song library (the import pipeline and tests add media through it). */
    public Library library() {
        return library;
    }

    /** The background jobs. */
    public Jobs jobs() {
        return jobs;
    }

    /** The HTTP server, for checks of its routes. */
    public HttpServer http() {
        return http;
    }

    /** Graceful stop: sockets closed with "going away", in-flight requests finished, database closed. */
    @Override
    public void close() {
        http.stop();
        jobs.close();
        sources.close();
        metadata.close();
        rooms.close();
        shares.close();
        database.close();
        LOG.info("Chorus stopped");
    }
}
