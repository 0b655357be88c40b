package app.chorus.transport.http;

import app.chorus.config.Config;
import app.chorus.jobs.Jobs;
import app.chorus.pipeline.Imports;
import app.chorus.library.Library;
import app.chorus.rooms.Rooms;
import app.chorus.share.ShareTokens;
import app.chorus.share.Shares;
import app.chorus.sources.Sources;
import app.chorus.metadata.MetadataServices;
import app.chorus.pipeline.EnrichSong;
import app.chorus.transport.socketio.SocketIoGateway;
import app.chorus.transport.ws.WsGateway;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.config.StaticFilesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server: REST routes, /ws, the web front end with SPA fallback, OpenAPI and
 * Swagger UI, and CORS. The only class that builds Javalin. Start once, stop once.
 */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;
    private final Config.Server settings;
    private final WsGateway gateway;
    private final SocketIoGateway socketIo;
    private List<RouteTable.Route> routes = List.of();

    public HttpServer(Config config, ObjectMapper json, InstantSource clock, Rooms rooms, Library library, Jobs jobs,
                      Imports imports, Sources sources, MetadataServices metadata, EnrichSong enrichJobs, WsGateway gateway,
                      SocketIoGateway socketIo, Shares shares, ShareTokens shareTokens, String databaseKind) {
        this.settings = config.server();
        this.gateway = gateway;
        this.socketIo = socketIo;
        RoomRoutes roomRoutes = new RoomRoutes(rooms, json, clock, config.rooms().verifyAttemptsPerMinute());
        SystemRoutes systemRoutes = new SystemRoutes(rooms, gateway, clock, databaseKind, imports::describe, sources::describe,
                socketIo::describe, shares::describe, config.share().pathPrefix());
        ShareRoutes shareRoutes = new ShareRoutes(shares, shareTokens, config.share(), clock);
        SearchRoutes searchRoutes = new SearchRoutes(sources, json, config.search().publicUrl());
        MetadataRoutes metadataRoutes = new MetadataRoutes(metadata.enricher(), metadata.itunes(), metadata.lrclib(),
                enrichJobs, library, jobs, json);
        LibraryRoutes libraryRoutes = new LibraryRoutes(library, json);
        LyricsRoutes lyricsRoutes = new LyricsRoutes(library, json);
        JobRoutes jobRoutes = new JobRoutes(jobs);
        KaraokeQueueRoutes queueRoutes = new KaraokeQueueRoutes(rooms, library, json, config.rooms().oksRoom(),
                config.search().publicUrl());
        UploadRoutes uploadRoutes = new UploadRoutes(imports.uploads(), imports.files(), jobs);
        ImportRoutes importRoutes = new ImportRoutes(imports.urls(), imports.files(), imports.folders(), library, jobs, json);
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.concurrency.useVirtualThreads = true;
            javalin.jsonMapper(new JavalinJackson(json, true));
            javalin.http.maxRequestSize = 1024 * 1024;
            // Uploads stream to disk beside the data (never into memory), each up to the upload limit.
            javalin.jetty.multipartConfig.cacheDirectory(config.server().dataDir().resolve("uploads").resolve("incoming")
                    .toAbsolutePath().toString());
            javalin.jetty.multipartConfig.maxFileSize(config.jobs().uploadMaxBytes(), io.javalin.config.SizeUnit.BYTES);
            javalin.jetty.addConnector((server, httpConfiguration) -> {
                // Our own connector only to set the accept backlog: Jetty's default leaves it to the
                // JDK's 50, and a burst of phones (or a load test) then times out in connect().
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
                connector.setHost(settings.host());
                connector.setPort(settings.port());
                connector.setAcceptQueueSize(settings.acceptBacklog());
                return connector;
            });
            javalin.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.shutdownGrace().toMillis());
                // /ws is served ahead of Javalin by our own WebSocket layer (transport/websocket): a
                // broadcast there costs one shared frame and a queue slot per recipient.
                server.insertHandler(gateway.upgradeHandler());
                // Socket.IO's WebSocket upgrades the same way; its polling requests pass on to the servlet below.
                server.insertHandler(socketIo.upgradeHandler());
            });
            javalin.jetty.modifyServletContextHandler(socketIo::registerPolling);
            serveWebApp(javalin.staticFiles);
            javalin.staticFiles.enableWebjars();

            Cors.register(javalin.routes);
            RouteTable table = new RouteTable(javalin.routes);
            systemRoutes.register(table);
            roomRoutes.register(table);
            libraryRoutes.register(table);
            lyricsRoutes.register(table);
            jobRoutes.register(table);
            queueRoutes.register(table);
            uploadRoutes.register(table);
            importRoutes.register(table);
            searchRoutes.register(table);
            metadataRoutes.register(table);
            shareRoutes.register(table);
            routes = table.routes();

            javalin.routes.exception(HttpErrors.InvalidBody.class, (problem, context) -> HttpErrors.invalid(context, problem));
            javalin.routes.exception(ApiErrors.BadParameter.class, (problem, context) ->
                    ApiErrors.invalid(context, "INVALID_PARAMETERS", problem.getMessage(), problem.parameter));
            javalin.routes.exception(Exception.class, (failure, context) -> {
                LOG.error("{} {} failed", context.method(), context.path(), failure);
                HttpErrors.detail(context, 500, "Internal server error");
            });
            javalin.routes.error(404, this::notFound);
        });
    }

    /**
     * The web app's files: the bundled build (or {@code web-dir}). Vite names the files under
     * {@code /assets} by their content hash, so browsers may keep them for a year; the rest
     * (index.html, sw.js, the manifest) is checked on every load.
     */
    private void serveWebApp(StaticFilesConfig files) {
        boolean external = settings.webDir() != null;
        String directory = external ? settings.webDir().toString() : "/web";
        Location location = external ? Location.EXTERNAL : Location.CLASSPATH;
        boolean hasAssets = external ? Files.isDirectory(settings.webDir().resolve("assets"))
                : HttpServer.class.getResource("/web/assets") != null;
        if (hasAssets) {
            files.add(assets -> {
                assets.hostedPath = "/assets";
                assets.directory = directory + "/assets";
                assets.location = location;
                assets.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
            });
        }
        boolean hasApp = external ? Files.isDirectory(settings.webDir())
                : HttpServer.class.getResource("/web/index.html") != null;
        if (hasApp) {
            files.add(app -> {
                app.directory = directory;
                app.location = location;
                app.mimeTypes.add("application/manifest+json", "webmanifest");
            });
        }
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start() {
        app.start();
        return app.port();
    }

    /** The routes registered, for the OpenAPI check. */
    public List<RouteTable.Route> routes() {
        return routes;
    }

    /** Closes sockets with "going away", then stops Jetty, letting in-flight requests finish. */
    public void stop() {
        gateway.close();
        socketIo.close();
        app.stop();
    }

    /** Unknown GET paths get the front end's index.html (SPA routing); the rest a JSON 404. */
    private void notFound(Context context) {
        if (context.attribute(RouteTable.ROUTE_ATTRIBUTE) != null) {
            return;
        }
        if (context.method() == HandlerType.GET || context.method() == HandlerType.HEAD) {
            byte[] index = indexPage();
            if (index != null) {
                context.status(200).contentType("text/html; charset=utf-8").result(index);
                return;
            }
        }
        HttpErrors.detail(context, 404, "Not Found");
    }

    private byte[] indexPage() {
        try {
            if (settings.webDir() != null) {
                Path index = settings.webDir().resolve("index.html");
                return Files.isRegularFile(index) ? Files.readAllBytes(index) : null;
            }
            try (InputStream input = HttpServer.class.getResourceAsStream("/web/index.html")) {
                return input == null ? null : input.readAllBytes();
            }
        } catch (IOException e) {
            LOG.warn("Cannot read index.html", e);
            return null;
        }
    }
}
