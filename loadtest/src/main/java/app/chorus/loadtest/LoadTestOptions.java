package app.chorus.loadtest;

import java.net.URI;
import java.util.Map;

/**
 * Command-line options of the load generator. Every option has a default so that a bare
 * {@code java -jar chorus-loadtest.jar} runs the reference scenario (10,000 connections).
 */
final class LoadTestOptions {

    URI url = URI.create("ws://127.0.0.1:8000/ws");
    int rooms = 1000;
    int clientsPerRoom = 10;
    double rate = 5;
    double warmupSeconds = 10;
    double durationSeconds = 30;
    double connectRate = 500;
    double idleSeconds = 10;
    long serverPid = -1;
    URI healthUrl;
    String roomPrefix = "lt";
    boolean help;

    /** Option name, value placeholder and description, in the order --help prints them. */
    private static final String[][] HELP = {
        {"--url", "URL", "WebSocket endpoint, plain ws:// only (default ws://127.0.0.1:8000/ws)"},
        {"--rooms", "N", "number of rooms (default 1000)"},
        {"--clients-per-room", "N", "clients per room: 1 controller, the rest displays (default 10)"},
        {"--rate", "R", "commands per second sent by each room's controller (default 5)"},
        {"--warmup", "S", "seconds of traffic before measuring (default 10)"},
        {"--duration", "S", "seconds of measured traffic (default 30)"},
        {"--connect-rate", "R", "new connections per second while ramping up (default 500)"},
        {"--idle-seconds", "S", "idle time after ramp-up before the memory reading (default 10)"},
        {"--server-pid", "PID", "server process id: forces a GC with jcmd and reads its RSS (optional)"},
        {"--health-url", "URL", "server health URL (default: http://host:port/health of --url)"},
        {"--room-prefix", "P", "prefix of the room ids (default lt)"},
        {"--help", "", "print this help"},
    };

    static String usage() {
        return CommandLineOptions.usage("java -jar chorus-loadtest.jar", HELP, 24);
    }

    static LoadTestOptions parse(String[] args) {
        LoadTestOptions o = new LoadTestOptions();
        Map<String, String> values = CommandLineOptions.read(args, HELP);
        if (values == null) {
            o.help = true;
            return o;
        }
        values.forEach(o::apply);
        o.validate();
        if (o.healthUrl == null) {
            o.healthUrl = deriveHealthUrl(o.url);
        }
        return o;
    }

    private void apply(String name, String value) {
        try {
            switch (name) {
                case "--url" -> url = URI.create(value);
                case "--rooms" -> rooms = Integer.parseInt(value);
                case "--clients-per-room" -> clientsPerRoom = Integer.parseInt(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--warmup" -> warmupSeconds = Double.parseDouble(value);
                case "--duration" -> durationSeconds = Double.parseDouble(value);
                case "--connect-rate" -> connectRate = Double.parseDouble(value);
                case "--idle-seconds" -> idleSeconds = Double.parseDouble(value);
                case "--server-pid" -> serverPid = Long.parseLong(value);
                case "--health-url" -> healthUrl = URI.create(value);
                case "--room-prefix" -> roomPrefix = value;
                default -> throw new IllegalArgumentException("unknown option: " + name);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad value for " + name + ": " + value);
        }
    }

    private void validate() {
        // The generator's own WebSocket client (WsClient) speaks no TLS.
        if (!"ws".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be ws://host:port/path (wss is not supported), got " + url);
        }
        require(rooms >= 1, "--rooms must be >= 1");
        require(clientsPerRoom >= 1, "--clients-per-room must be >= 1");
        require(rate > 0, "--rate must be > 0");
        require(warmupSeconds >= 0, "--warmup must be >= 0");
        require(durationSeconds > 0, "--duration must be > 0");
        require(connectRate > 0, "--connect-rate must be > 0");
        require(idleSeconds >= 0, "--idle-seconds must be >= 0");
        require(!roomPrefix.isEmpty(), "--room-prefix must not be empty");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** ws://host:port/anything becomes http://host:port/health. */
    static URI deriveHealthUrl(URI ws) {
        int port = ws.getPort();
        String authority = ws.getHost() + (port > 0 ? ":" + port : "");
        if (ws.getHost().contains(":") && !ws.getHost().startsWith("[")) {
            authority = "[" + ws.getHost() + "]" + (port > 0 ? ":" + port : "");
        }
        return URI.create("http://" + authority + "/health");
    }

    int totalClients() {
        return rooms * clientsPerRoom;
    }
}
