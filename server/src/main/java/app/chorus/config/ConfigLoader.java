package app.chorus.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves settings from defaults &lt; config file &lt; environment &lt; command line, and validates
 * them. Any unknown setting or invalid value stops start-up with a {@link ConfigException} that
 * names the setting and where it came from.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param args        command-line arguments after the subcommand ({@code --port 9000} or {@code --port=9000})
     * @param environment the process environment
     */
    public static Config load(List<String> args, Map<String, String> environment) {
        Map<String, String> commandLine = parseArguments(args);
        Map<String, String> fromEnvironment = parseEnvironment(environment);
        Map<String, String> values = Settings.defaults();
        Map<String, String> sources = new LinkedHashMap<>();
        values.keySet().forEach(name -> sources.put(name, "default"));

        String configFile = commandLine.getOrDefault("config", fromEnvironment.getOrDefault("config", ""));
        if (!configFile.isBlank()) {
            readFile(Path.of(configFile)).forEach((name, value) -> {
                values.put(name, value);
                sources.put(name, "config file " + configFile);
            });
        }
        fromEnvironment.forEach((name, value) -> {
            values.put(name, value);
            sources.put(name, "environment variable CHORUS_" + name.toUpperCase().replace('-', '_'));
        });
        commandLine.forEach((name, value) -> {
            values.put(name, value);
            sources.put(name, "command line --" + name);
        });
        return build(new Values(values, sources));
    }

    private static Map<String, String> parseArguments(List<String> args) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int index = 0; index < args.size(); index++) {
            String argument = args.get(index);
            if (!argument.startsWith("--")) {
                throw new ConfigException("Unexpected argument '" + argument + "': settings are given as --name value");
            }
            String name = argument.substring(2);
            if (name.equals("demo")) {
                // The one flag without a value: add the demo song now (unless it is there).
                result.put("demo-song", "always");
                continue;
            }
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (index + 1 < args.size()) {
                value = args.get(++index);
            } else {
                throw new ConfigException("Setting --" + name + " needs a value");
            }
            requireKnown(name, "command line --" + name);
            result.put(canonical(name), value);
        }
        return result;
    }

    private static Config.Jobs.DemoSong demoSong(Values values) {
        return switch (values.text("demo-song")) {
            case "first-run" -> Config.Jobs.DemoSong.FIRST_RUN;
            case "always" -> Config.Jobs.DemoSong.ALWAYS;
            case "never" -> Config.Jobs.DemoSong.NEVER;
            default -> throw values.invalid("demo-song", "must be first-run, always or never");
        };
    }

    private static Map<String, String> parseEnvironment(Map<String, String> environment) {
        Map<String, String> result = new LinkedHashMap<>();
        environment.forEach((variable, value) -> {
            if (!variable.startsWith("CHORUS_")) {
                return;
            }
            String name = variable.substring("CHORUS_".length()).toLowerCase().replace('_', '-');
            requireKnown(name, "environment variable " + variable);
            result.put(canonical(name), value);
        });
        return result;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            requireKnown(name, "config file " + file);
            if (name.equals("config")) {
                throw new ConfigException("Setting 'config' cannot be set inside config file " + file);
            }
            result.put(canonical(name), properties.getProperty(name).trim());
        }
        return result;
    }

    private static String canonical(String name) {
        return Settings.isProviderSetting(name) ? Settings.providerKey(name) : name;
    }

    private static void requireKnown(String name, String source) {
        if (!Settings.isKnown(name)) {
            throw new ConfigException("Unknown setting '" + name + "' (from " + source + "); run 'chorus serve --help' for the list");
        }
    }

    private static Config build(Values values) {
        Path dataDir = Path.of(values.text("data-dir"));
        String webDir = values.text("web-dir");
        String dbUrl = values.text("db-url");
        if (dbUrl.isBlank()) {
            dbUrl = "jdbc:sqlite:" + dataDir.resolve("chorus.db");
        } else if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw values.invalid("db-url", "must be a jdbc:sqlite: or jdbc:postgresql: URL");
        }
        List<String> origins = Arrays.stream(values.text("allowed-origins").split(","))
                .map(String::trim).filter(origin -> !origin.isEmpty()).toList();

        Config.Server server = new Config.Server(values.text("host"), values.integer("port", 0, 65535),
                values.integer("accept-backlog", 1, 65535), dataDir,
                webDir.isBlank() ? null : Path.of(webDir), origins, values.duration("shutdown-grace"), redisUrl(values));
        Config.Database database = new Config.Database(dbUrl, values.text("db-user"), values.text("db-password"),
                values.integer("db-pool-size", 1, 200));
        Config.WebSocket websocket = new Config.WebSocket(
                values.integer("ws-max-frame-bytes", 256, 16 * 1024 * 1024),
                values.integer("ws-messages-per-second", 1, 100_000),
                values.integer("ws-message-burst", 1, 100_000),
                values.integer("ws-max-connections", 1, 1_000_000),
                values.integer("ws-max-pending-frames", 8, 1_000_000),
                values.duration("ws-ping-interval"),
                values.duration("ws-pong-timeout"));
        if (websocket.pongTimeout().compareTo(websocket.pingInterval()) <= 0) {
            throw values.invalid("ws-pong-timeout", "must be longer than ws-ping-interval (" + values.text("ws-ping-interval") + ")");
        }
        Config.SocketIo socketIo = new Config.SocketIo(values.duration("socketio-ping-interval"),
                values.duration("socketio-ping-timeout"),
                values.integer("socketio-max-message-bytes", 1024, 64 * 1024 * 1024),
                values.integer("socketio-max-pending-frames", 8, 1_000_000),
                values.integer("socketio-outbox-size", 16, 10_000_000));
        if (socketIo.pingInterval().toMillis() < 1000 || socketIo.pingTimeout().toMillis() < 1000) {
            throw values.invalid("socketio-ping-interval", "socketio-ping-interval and socketio-ping-timeout must be at least 1s");
        }
        Config.Rooms rooms = new Config.Rooms(
                values.integer("rooms-max", 1, 10_000_000),
                values.integer("room-max-clients", 1, 100_000),
                values.integer("room-max-queue", 1, 100_000),
                values.duration("room-proof-ttl"),
                values.integer("room-verify-per-minute", 1, 100_000),
                oksRoom(values));
        Config.Jobs jobs = new Config.Jobs(
                values.integer("jobs-max-concurrent", 1, 64),
                values.duration("jobs-lease"),
                values.integer("jobs-max-attempts", 1, 100),
                values.integer("upload-max-mb", 1, 1_048_576) * 1024L * 1024L,
                demoSong(values));
        if (jobs.lease().toMillis() < 3_000) {
            throw values.invalid("jobs-lease", "must be at least 3s");
        }
        List<Path> folders = Arrays.stream(values.text("import-folders").split(","))
                .map(String::trim).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder).toAbsolutePath().normalize()).toList();
        List<String> demucs = Arrays.stream(values.text("demucs-command").split("\\s+")).filter(word -> !word.isEmpty()).toList();
        if (demucs.isEmpty()) {
            throw values.invalid("demucs-command", "must name a program");
        }
        String ytDlp = values.text("ytdlp-path");
        if (ytDlp.isEmpty()) {
            throw values.invalid("ytdlp-path", "must name a program");
        }
        String model = values.text("demucs-model");
        if (!model.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw values.invalid("demucs-model", "must be a model name (letters, digits, . _ -)");
        }
        Config.Imports imports = new Config.Imports(ytDlp, values.bool("url-import-allow-private"),
                values.duration("url-import-timeout"), folders, switch (values.text("separator")) {
                    case "builtin" -> Config.Imports.Separator.BUILTIN;
                    case "demucs" -> Config.Imports.Separator.DEMUCS;
                    default -> throw values.invalid("separator", "must be builtin or demucs");
                }, demucs, model);
        return new Config(server, database, websocket, socketIo, rooms, jobs, imports, SearchSettings.read(values, dataDir),
                new Config.Metadata(values.bool("enrichment"), serviceUrl(values, "itunes-url"),
                        serviceUrl(values, "musicbrainz-url"), serviceUrl(values, "coverart-url"), serviceUrl(values, "lrclib-url"),
                        values.text("metadata-contact"), values.duration("metadata-timeout"), values.integer("metadata-retries", 0, 10),
                        values.duration("metadata-max-retry-wait"), values.duration("metadata-cache-ttl"),
                        values.integer("metadata-cache-size", 1, 1_000_000), values.duration("musicbrainz-interval")),
                share(values));
    }

    private static String redisUrl(Values values) {
        String url = values.text("redis-url");
        if (!url.isEmpty() && !url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw values.invalid("redis-url", "must be a redis:// or rediss:// URL");
        }
        return url;
    }

    private static Config.Share share(Values values) {
        List<String> tokens = Arrays.stream(values.text("share-tokens").split(","))
                .map(String::trim).filter(token -> !token.isEmpty()).toList();
        String prefix = values.text("share-path-prefix").replaceAll("/+$", "");
        if (!prefix.isEmpty() && !prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw values.invalid("share-path-prefix", "must be a path like /songrequests (letters, digits, . _ ~ -), was '" + prefix + "'");
        }
        int bufferChunks = values.integer("share-buffer-chunks", 1, 10_000);
        int joinChunks = values.integer("share-join-chunks", 1, 10_000);
        if (joinChunks > bufferChunks) {
            throw values.invalid("share-join-chunks", "must not exceed share-buffer-chunks (" + bufferChunks + ")");
        }
        app.chorus.share.ShareLimits limits = new app.chorus.share.ShareLimits(
                values.integer("share-max-sessions", 1, 100_000),
                values.duration("share-session-timeout"), values.duration("share-grace"),
                values.duration("share-metadata-ttl"), values.duration("share-audio-ttl"),
                bufferChunks, joinChunks, values.duration("share-listener-window"),
                values.integer("share-max-chunk-bytes", 1024, 64 * 1024 * 1024),
                values.integer("share-max-thumbnail-bytes", 1024, 64 * 1024 * 1024));
        return new Config.Share(tokens, prefix, values.integer("share-max-body-bytes", 1024, 256 * 1024 * 1024),
                values.integer("share-broadcast-messages-per-second", 1, 100_000),
                values.integer("share-max-listens-per-connection", 1, 1000), limits);
    }

    private static java.net.URI serviceUrl(Values values, String name) {
        String text = values.text(name).replaceAll("/+$", "");
        try {
            java.net.URI address = java.net.URI.create(text);
            if (("http".equals(address.getScheme()) || "https".equals(address.getScheme())) && address.getHost() != null) {
                return address;
            }
        } catch (IllegalArgumentException invalid) {
            // Reported below with the setting's name.
        }
        throw values.invalid(name, "must be an http(s) address, was '" + text + "'");
    }

    /** A room id as join_room accepts it: 1 to 128 characters, no control characters. */
    private static String oksRoom(Values values) {
        String room = values.text("oks-room");
        if (room.isEmpty() || room.length() > 128 || room.chars().anyMatch(Character::isISOControl)) {
            throw values.invalid("oks-room", "must be a room id of 1 to 128 characters, was '" + room + "'");
        }
        return room;
    }
}
