package app.chorus.cli;

import app.chorus.Chorus;
import app.chorus.config.Config;
import app.chorus.config.ConfigLoader;
import app.chorus.persistence.DatabaseInUse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code chorus import [--server URL] [--setting value ...] <file|folder>...}: imports files
 * (folders recursively) through the same upload and jobs as the web app, with a progress bar per
 * job. With {@code --server} it talks to that running server; without, it runs a server of its
 * own on the data folder for the time of the import, or uses the one already running there.
 * Exit code 0 when every file was imported, 1 when some failed, 2 for bad arguments.
 */
public final class ImportCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int BAR = 24;

    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ImportCommand(PrintStream out) {
        this.out = out;
    }

    public int run(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
        String server = null;
        List<String> settings = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int failures = 0;
        for (int index = 0; index < args.size(); index++) {
            String argument = args.get(index);
            if (argument.equals("--server") && index + 1 < args.size()) {
                server = args.get(++index);
            } else if (argument.startsWith("--")) {
                settings.add(argument);
                if (!argument.contains("=") && index + 1 < args.size()) {
                    settings.add(args.get(++index));
                }
            } else if (argument.startsWith("http://") || argument.startsWith("https://")) {
                out.println(argument + ": URL import is not available yet; download the file and import it");
                failures++;
            } else {
                Path path = Path.of(argument);
                if (!Files.exists(path)) {
                    out.println(argument + ": no such file or folder");
                    failures++;
                } else if (Files.isDirectory(path)) {
                    try (Stream<Path> found = Files.walk(path)) {
                        found.filter(Files::isRegularFile)
                                .filter(file -> !file.getFileName().toString().startsWith("."))
                                .sorted().forEach(files::add);
                    }
                } else {
                    files.add(path);
                }
            }
        }
        if (files.isEmpty()) {
            out.println("Nothing to import. Usage: chorus import [--server URL] <file|folder>...");
            return 2;
        }
        if (server != null) {
            return importInto(URI.create(server.endsWith("/") ? server : server + "/"), files, failures);
        }
        Config config = ConfigLoader.load(withPortZero(settings), environment);
        Chorus chorus;
        try {
            chorus = Chorus.start(config);
        } catch (DatabaseInUse inUse) {
            URI running = URI.create("http://127.0.0.1:" + ConfigLoader.load(settings, environment).server().port() + "/");
            out.println("A server is running on " + config.server().dataDir() + "; importing through it (" + running + ")");
            return importInto(running, files, failures);
        }
        try {
            return importInto(URI.create("http://127.0.0.1:" + chorus.port() + "/"), files, failures);
        } finally {
            chorus.close();
        }
    }

    private static List<String> withPortZero(List<String> settings) {
        List<String> local = new ArrayList<>(settings);
        local.addAll(List.of("--port", "0", "--host", "127.0.0.1", "--demo-song", "never"));
        return local;
    }

    /** Uploads each file, then follows the jobs until every one has ended. */
    private int importInto(URI server, List<Path> files, int failures) throws IOException, InterruptedException {
        Map<String, Path> jobs = new LinkedHashMap<>();
        for (Path file : files) {
            HttpResponse<String> response = upload(server.resolve("api/songs/upload"), file);
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 202) {
                out.println(file + ": refused (" + response.statusCode() + ") " + body.path("error").asText(response.body()));
                failures++;
                continue;
            }
            jobs.put(body.get("jobs").get(0).get("id").asText(), file);
        }
        Map<String, String> shown = new LinkedHashMap<>();
        while (!jobs.isEmpty()) {
            for (var iterator = jobs.entrySet().iterator(); iterator.hasNext(); ) {
                var entry = iterator.next();
                JsonNode job = JSON.readTree(http.send(HttpRequest.newBuilder(server.resolve("api/jobs/" + entry.getKey()))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                String status = job.path("status").asText();
                String line = line(entry.getValue(), job);
                if (!line.equals(shown.get(entry.getKey()))) {
                    out.println(line);
                    shown.put(entry.getKey(), line);
                }
                if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
                    if (!status.equals("completed")) {
                        failures++;
                    }
                    iterator.remove();
                }
            }
            if (!jobs.isEmpty()) {
                Thread.sleep(POLL.toMillis());
            }
        }
        out.println(failures == 0 ? "All imported." : failures + " file(s) not imported.");
        return failures == 0 ? 0 : 1;
    }

    /** {@code name [#######.........]  45%  processing: Separating vocals}. */
    private static String line(Path file, JsonNode job) {
        int progress = job.path("progress").asInt();
        int filled = progress * BAR / 100;
        String status = job.path("status").asText();
        String detail = status.equals("failed") ? job.path("error").asText() : job.path("status_message").asText("");
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %s%s", file.getFileName(), "#".repeat(filled),
                ".".repeat(BAR - filled), progress, status, detail.isEmpty() ? "" : ": " + detail);
    }

    private HttpResponse<String> upload(URI url, Path file) throws IOException, InterruptedException {
        String boundary = "chorus-" + UUID.randomUUID();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                + file.getFileName().toString().replace("\"", "'") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
