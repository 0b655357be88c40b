package app.chorus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigLoaderTest {

    @TempDir
    Path folder;

    private static Config load(List<String> args, Map<String, String> environment) {
        return ConfigLoader.load(args, environment);
    }

    private Path configFile(String... lines) throws IOException {
        Path file = folder.resolve("chorus-" + System.nanoTime() + ".properties");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void defaultsListenOnPort8000WithSqliteInTheDataFolder() {
        Config config = load(List.of(), Map.of());

        assertThat(config.server().port()).isEqualTo(8000);
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
        assertThat(config.server().dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.server().webDir()).isNull();
        assertThat(config.server().allowedOrigins()).isEmpty();
        assertThat(config.server().anyOrigin()).isFalse();
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:" + Path.of("./data").resolve("chorus.db"));
        assertThat(config.database().isPostgres()).isFalse();
        assertThat(config.websocket().pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.websocket().pongTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.rooms().proofTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(config.rooms().verifyAttemptsPerMinute()).isEqualTo(10);
    }

    @Test
    void theSqliteFileFollowsAChangedDataFolder() {
        Config config = load(List.of("--data-dir", "/srv/chorus"), Map.of());

        assertThat(config.server().dataDir()).isEqualTo(Path.of("/srv/chorus"));
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:" + Path.of("/srv/chorus", "chorus.db"));
    }

    @Test
    void aConfigFileGivenOnTheCommandLineOverridesTheDefaults() throws IOException {
        Path file = configFile("port=8100", "# a comment", "room-max-queue = 7");

        Config config = load(List.of("--config", file.toString()), Map.of());

        assertThat(config.server().port()).isEqualTo(8100);
        assertThat(config.rooms().maxQueueLength()).isEqualTo(7);
        assertThat(config.server().host()).isEqualTo("0.0.0.0");
    }

    @Test
    void aConfigFileNamedByCHORUSCONFIGIsReadToo() throws IOException {
        Path file = configFile("port=8200");

        Config config = load(List.of(), Map.of("CHORUS_CONFIG", file.toString()));

        assertThat(config.server().port()).isEqualTo(8200);
    }

    @Test
    void theEnvironmentOverridesTheConfigFile() throws IOException {
        Path file = configFile("port=8100", "host=10.0.0.1");

        Config config = load(List.of("--config", file.toString()), Map.of("CHORUS_PORT", "8300"));

        assertThat(config.server().port()).isEqualTo(8300);
        assertThat(config.server().host()).isEqualTo("10.0.0.1");
    }

    @Test
    void theCommandLineOverridesTheEnvironmentAndTheConfigFile() throws IOException {
        Path file = configFile("port=8100", "room-max-clients=11");

        Config config = load(List.of("--config", file.toString(), "--port", "9000"),
                Map.of("CHORUS_PORT", "8300", "CHORUS_ROOM_MAX_CLIENTS", "12"));

        assertThat(config.server().port()).isEqualTo(9000);
        assertThat(config.rooms().maxClientsPerRoom()).isEqualTo(12);
    }

    @Test
    void theCommandLineAcceptsNameEqualsValue() {
        Config config = load(List.of("--port=9000", "--allowed-origins=https://a.example, https://b.example"),
                Map.of("CHORUS_PORT", "8300"));

        assertThat(config.server().port()).isEqualTo(9000);
        assertThat(config.server().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
    }

    @Test
    void environmentVariablesUseUnderscoresForDashes() {
        Config config = load(List.of(), Map.of("CHORUS_WS_MAX_CONNECTIONS", "77", "PATH", "/usr/bin", "HOME", "/root"));

        assertThat(config.websocket().maxConnections()).isEqualTo(77);
    }

    @Test
    void aStarInAllowedOriginsAllowsAnyOrigin() {
        Config config = load(List.of("--allowed-origins", "*"), Map.of());

        assertThat(config.server().anyOrigin()).isTrue();
    }

    @Test
    void aPostgresqlUrlSelectsPostgresql() {
        Config config = load(List.of("--db-url", "jdbc:postgresql://db.example:5432/chorus", "--db-user", "chorus"),
                Map.of());

        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.example:5432/chorus");
        assertThat(config.database().isPostgres()).isTrue();
        assertThat(config.database().user()).isEqualTo("chorus");
    }

    @Test
    void anExplicitSqliteUrlIsKeptAsGiven() {
        Config config = load(List.of("--db-url", "jdbc:sqlite:/tmp/other.db"), Map.of());

        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:/tmp/other.db");
        assertThat(config.database().isPostgres()).isFalse();
    }

    @Test
    void durationsAcceptMillisecondsSecondsMinutesAndHours() {
        Config config = load(List.of("--ws-ping-interval", "500ms", "--ws-pong-timeout", "2m",
                "--shutdown-grace", "3s", "--room-proof-ttl", "1h"), Map.of());

        assertThat(config.websocket().pingInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.websocket().pongTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.server().shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.rooms().proofTtl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anUnknownSettingInTheConfigFileNamesTheSettingAndTheFile() throws IOException {
        Path file = configFile("port=8100", "colour=blue");

        assertThatThrownBy(() -> load(List.of("--config", file.toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'colour'")
                .hasMessageContaining("config file " + file);
    }

    @Test
    void anUnknownCHORUSEnvironmentVariableNamesTheVariable() {
        assertThatThrownBy(() -> load(List.of(), Map.of("CHORUS_COLOUR", "blue")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'colour'")
                .hasMessageContaining("environment variable CHORUS_COLOUR");
    }

    @Test
    void anUnknownCommandLineSettingNamesTheOption() {
        assertThatThrownBy(() -> load(List.of("--colour", "blue"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'colour'")
                .hasMessageContaining("command line --colour");
    }

    @Test
    void aMissingConfigFileIsReported() {
        Path missing = folder.resolve("missing.properties");

        assertThatThrownBy(() -> load(List.of("--config", missing.toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aCommandLineOptionWithoutAValueIsRejected() {
        assertThatThrownBy(() -> load(List.of("--port"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--port");
    }

    @Test
    void aBareWordOnTheCommandLineIsRejected() {
        assertThatThrownBy(() -> load(List.of("9000"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'9000'");
    }

    @Test
    void aPortAbove65535IsInvalid() {
        assertThatThrownBy(() -> load(List.of("--port", "70000"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'port'")
                .hasMessageContaining("command line --port")
                .hasMessageContaining("70000");
    }

    @Test
    void aPortThatIsNotANumberIsInvalidAndNamesItsSource() {
        assertThatThrownBy(() -> load(List.of(), Map.of("CHORUS_PORT", "abc")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'port'")
                .hasMessageContaining("environment variable CHORUS_PORT")
                .hasMessageContaining("abc");
    }

    @Test
    void anInvalidValueFromTheConfigFileNamesTheFile() throws IOException {
        Path file = configFile("db-pool-size=0");

        assertThatThrownBy(() -> load(List.of("--config", file.toString()), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'db-pool-size'")
                .hasMessageContaining("config file " + file);
    }

    @Test
    void aDurationWrittenInWordsIsInvalid() {
        assertThatThrownBy(() -> load(List.of("--shutdown-grace", "5 minutes"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'shutdown-grace'")
                .hasMessageContaining("5 minutes");
    }

    @Test
    void aZeroDurationIsInvalid() {
        assertThatThrownBy(() -> load(List.of("--room-proof-ttl", "0s"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'room-proof-ttl'")
                .hasMessageContaining("greater than zero");
    }

    @Test
    void aPongTimeoutNotLongerThanThePingIntervalIsInvalid() {
        assertThatThrownBy(() -> load(List.of("--ws-ping-interval", "30s", "--ws-pong-timeout", "30s"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'ws-pong-timeout'")
                .hasMessageContaining("ws-ping-interval");
    }

    @Test
    void socketIoDefaultsFollowTheProtocolAndEveryLimitCanBeSet() {
        Config.SocketIo defaults = load(List.of(), Map.of()).socketIo();
        assertThat(defaults).isEqualTo(new Config.SocketIo(Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000,
                1024, 10_000));

        Config.SocketIo set = load(List.of("--socketio-ping-interval", "5s", "--socketio-ping-timeout", "3s",
                "--socketio-max-message-bytes", "4096", "--socketio-max-pending-frames", "64",
                "--socketio-outbox-size", "100"), Map.of()).socketIo();
        assertThat(set).isEqualTo(new Config.SocketIo(Duration.ofSeconds(5), Duration.ofSeconds(3), 4096, 64, 100));
    }

    @Test
    void musicShareDefaultsFollowTheSeedAndEveryLimitCanBeSet() {
        Config defaults = load(List.of(), Map.of());
        assertThat(defaults.share()).isEqualTo(new Config.Share(List.of(), "", 8_000_000, 60, 4,
                app.chorus.share.ShareLimits.defaults()));
        assertThat(defaults.server().redisUrl()).isEmpty();

        Config set = load(List.of("--share-tokens", " one , Bearer Token ", "--share-path-prefix", "/songrequests/",
                "--share-max-sessions", "3", "--share-session-timeout", "2m", "--share-grace", "30s",
                "--share-metadata-ttl", "5s", "--share-audio-ttl", "4s", "--share-buffer-chunks", "20",
                "--share-join-chunks", "5", "--share-listener-window", "3s", "--share-max-body-bytes", "2000000",
                "--share-max-chunk-bytes", "300000", "--share-max-thumbnail-bytes", "100000",
                "--share-broadcast-messages-per-second", "30", "--share-max-listens-per-connection", "2"),
                Map.of("CHORUS_REDIS_URL", "redis://cache:6379/1"));
        assertThat(set.share()).isEqualTo(new Config.Share(List.of("one", "Bearer Token"), "/songrequests", 2_000_000, 30, 2,
                new app.chorus.share.ShareLimits(3, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(5),
                        Duration.ofSeconds(4), 20, 5, Duration.ofSeconds(3), 300_000, 100_000)));
        assertThat(set.server().redisUrl()).isEqualTo("redis://cache:6379/1");
    }

    @Test
    void badMusicShareSettingsStopStartUpNamingTheSetting() {
        assertThatThrownBy(() -> load(List.of("--share-path-prefix", "songrequests"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'share-path-prefix'");
        assertThatThrownBy(() -> load(List.of("--share-join-chunks", "60"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'share-join-chunks'");
        assertThatThrownBy(() -> load(List.of("--share-max-sessions", "0"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'share-max-sessions'");
        assertThatThrownBy(() -> load(List.of("--redis-url", "http://cache:6379"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'redis-url'");
    }

    @Test
    void aSocketIoPingBelowOneSecondOrATinyMessageLimitIsInvalid() {
        assertThatThrownBy(() -> load(List.of("--socketio-ping-timeout", "500ms"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'socketio-ping-interval'")
                .hasMessageContaining("at least 1s");
        assertThatThrownBy(() -> load(List.of("--socketio-max-message-bytes", "100"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'socketio-max-message-bytes'");
    }

    @Test
    void aDatabaseUrlThatIsNeitherSqliteNorPostgresqlIsInvalid() {
        assertThatThrownBy(() -> load(List.of("--db-url", "jdbc:mysql://db.example/chorus"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'db-url'")
                .hasMessageContaining("command line --db-url");
    }

    @Test
    void everySettingHasAnEnvironmentVariableAndAppearsInTheHelp() {
        String help = Settings.helpText();

        for (Setting setting : Settings.ALL) {
            assertThat(setting.environmentVariable()).startsWith("CHORUS_").doesNotContain("-");
            assertThat(help).contains("--" + setting.name()).contains(setting.environmentVariable());
        }
    }

    @Test
    void jobSettingsHaveDefaultsAndTheDemoFlagNeedsNoValue() {
        Config defaults = load(List.of(), Map.of());
        assertThat(defaults.jobs().maxConcurrent()).isEqualTo(1);
        assertThat(defaults.jobs().uploadMaxBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(defaults.jobs().demoSong()).isEqualTo(Config.Jobs.DemoSong.FIRST_RUN);

        Config demo = load(List.of("--demo", "--upload-max-mb", "5"), Map.of());
        assertThat(demo.jobs().demoSong()).isEqualTo(Config.Jobs.DemoSong.ALWAYS);
        assertThat(demo.jobs().uploadMaxBytes()).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void badJobSettingsStopStartUpNamingTheSetting() {
        assertThatThrownBy(() -> load(List.of("--demo-song", "sometimes"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("demo-song");
        assertThatThrownBy(() -> load(List.of("--jobs-lease", "1s"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jobs-lease");
        assertThatThrownBy(() -> load(List.of("--upload-max-mb", "0"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("upload-max-mb");
        assertThatThrownBy(() -> load(List.of("--jobs-max-concurrent", "100"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jobs-max-concurrent");
    }

    @Test
    void searchDefaultsPutTheLibraryFirstAndPluginsInTheDataFolder() {
        Config.Search search = load(List.of("--data-dir", "/srv/chorus"), Map.of()).search();
        assertThat(search.providerOrder()).containsExactly("library", "youtube", "*");
        assertThat(search.disabled()).isEmpty();
        assertThat(search.pluginsDir()).isEqualTo(Path.of("/srv/chorus/plugins"));
        assertThat(search.timeout()).isEqualTo(java.time.Duration.ofSeconds(8));
        assertThat(search.videoUrlTtl()).isEqualTo(java.time.Duration.ofHours(4));
        assertThat(search.videoUrlFailureTtl()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(search.youtube()).isEqualTo(new Config.Search.YouTube(10, true, 4, 720));
        assertThat(search.publicUrl()).isEmpty();
    }

    @Test
    void providerSettingsAreAcceptedInEachSpellingAndReadOneWay() throws IOException {
        Path file = configFile("provider.basic.url=https://catalogue.example");
        Config config = load(List.of("--config", file.toString(), "--provider.lazy.url=https://lazy.example",
                "--provider.lazy.api-key", "secret"), Map.of("CHORUS_PROVIDER_OTHER_TOKEN", "t0ken"));

        assertThat(config.search().providerSettings()).containsOnly(
                Map.entry("provider-basic-url", "https://catalogue.example"),
                Map.entry("provider-lazy-url", "https://lazy.example"),
                Map.entry("provider-lazy-api-key", "secret"),
                Map.entry("provider-other-token", "t0ken"));
        assertThatThrownBy(() -> load(List.of("--provider.basic", "x"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Unknown setting 'provider.basic'");
    }

    @Test
    void badSearchSettingsStopStartUpNamingTheSetting() {
        assertThatThrownBy(() -> load(List.of("--search-providers", "library,YouTube"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("search-providers").hasMessageContaining("YouTube");
        assertThatThrownBy(() -> load(List.of("--search-providers", "library,library"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> load(List.of("--search-providers", " , "), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> load(List.of("--public-url", "karaoke.example"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("public-url");
        assertThatThrownBy(() -> load(List.of("--youtube-search-results", "500"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("youtube-search-results");
        assertThat(load(List.of("--public-url", "https://karaoke.example/"), Map.of()).search().publicUrl())
                .isEqualTo("https://karaoke.example");
    }

    @Test
    void metadataServicesDefaultToTheRealOnesAndTheirAddressesCanBeMovedByEnvironment() {
        Config.Metadata defaults = load(List.of(), Map.of()).metadata();
        assertThat(defaults.onImport()).isTrue();
        assertThat(defaults.itunesUrl()).hasToString("https://itunes.apple.com");
        assertThat(defaults.musicBrainzUrl()).hasToString("https://musicbrainz.org");
        assertThat(defaults.lrclibUrl()).hasToString("https://lrclib.net");
        assertThat(defaults.musicBrainzInterval()).isEqualTo(java.time.Duration.ofSeconds(1));

        Config.Metadata moved = load(List.of(), Map.of("CHORUS_ITUNES_URL", "http://127.0.0.1:9000/itunes/",
                "CHORUS_MUSICBRAINZ_URL", "http://mb.local", "CHORUS_LRCLIB_URL", "https://lyrics.example")).metadata();
        assertThat(moved.itunesUrl()).hasToString("http://127.0.0.1:9000/itunes");
        assertThat(moved.musicBrainzUrl()).hasToString("http://mb.local");
        assertThat(moved.lrclibUrl()).hasToString("https://lyrics.example");
        assertThatThrownBy(() -> load(List.of("--lrclib-url", "ftp://lrclib.net"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lrclib-url");
        assertThatThrownBy(() -> load(List.of("--metadata-retries", "11"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metadata-retries");
    }
}
