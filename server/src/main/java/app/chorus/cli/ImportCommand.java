package app.chorus.cli;

import app.chorus.Chorus;
import app.chorus.config.Config;
import app.chorus.config.ConfigLoader;
import app.chorus.persistence.DatabaseInUse;
import app.chorus.pipeline.ImportBatch;
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
 * {@code chorus import [--server URL] [--setting value ...] <file|folder|url>...}: imports files
 * (folders recursively; an MP3 goes with its CD+G graphics and lyrics) and video-page URLs through
 * the same upload, URL import and jobs as the web app, with a progress bar per job. With {@code --server} it talks to that running server; without, it runs a server of its
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
        List<Upload> files = new ArrayList<>();
        List<String> urls = new ArrayList<>();
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
                urls.add(argument);
            } else {
                Path path = Path.of(argument);
                if (!Files.exists(path)) {
                    out.println(argument + ": no such file or folder");
                    failures++;
                } else if (Files.isDirectory(path)) {
                    files.addAll(folder(path));
                } else {
                    files.add(new Upload(path, path.getFileName().toString(), false));
                }
            }
        }
        if (files.isEmpty() && urls.isEmpty()) {
            out.println("Nothing to import. Usage: chorus import [--server URL] <file|folder|url>...");
            return 2;
        }
        return importAll(server, settings, environment, files, urls, failures);
    }

    /** A file to send, with the name the server sees (relative to the folder given, for pairing). */
    private record Upload(Path file, String name, boolean fromFolder) {
    }

    /** The song files of a library folder, hidden files and files that are no songs left out. */
    private List<Upload> folder(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        String prefix = base.getFileName() == null ? "" : base.getFileName() + "/";
        try (Stream<Path> found = Files.walk(base)) {
            return found.filter(Files::isRegularFile)
                    .filter(file -> !ImportBatch.isHidden(base.relativize(file)))
                    .filter(file -> ImportBatch.isSongCandidate(file.getFileName().toString()))
                    .sorted()
                    .map(file -> new Upload(file, prefix + base.relativize(file).toString().replace('\\', '/'), true))
                    .toList();
        }
    }

    private int importAll(String server, List<String> settings, Map<String, String> environment, List<Upload> files,
                          List<String> urls, int failures) throws IOException, InterruptedException {
        if (server != null) {
            return importInto(URI.create(server.endsWith("/") ? server : server + "/"), files, urls, failures);
        }
        Config config = ConfigLoader.load(withPortZero(settings), environment);
        Chorus chorus;
        try {
            chorus = Chorus.start(config);
        } catch (DatabaseInUse inUse) {
            URI running = URI.create("http://127.0.0.1:" + ConfigLoader.load(settings, environment).server().port() + "/");
            out.println("A server is running on " + config.server().dataDir() + "; importing through it (" + running + ")");
            return importInto(running, files, urls, failures);
        }
        try {
            return importInto(URI.create("http://127.0.0.1:" + chorus.port() + "/"), files, urls, failures);
        } finally {
            chorus.close();
        }
    }

    private static List<String> withPortZero(List<String> settings) {
        List<String> local = new ArrayList<>(settings);
        local.addAll(List.of("--port", "0", "--host", "127.0.0.1", "--demo-song", "never"));
        return local;
    }

    /**
     * Uploads the files, a song's files together (an MP3 with its CD+G graphics and lyrics), and
     * queues the URLs; then follows the jobs until every one has ended.
     */
    private int importInto(URI server, List<Upload> files, List<String> urls, int failures)
            throws IOException, InterruptedException {
        Map<String, String> jobs = new LinkedHashMap<>();
        Map<String, List<Upload>> songs = new LinkedHashMap<>();
        for (Upload file : files) {
            songs.computeIfAbsent(ImportBatch.key(file.name()), key -> new ArrayList<>()).add(file);
        }
        for (List<Upload> song : songs.values()) {
            String label = song.getFirst().name();
            HttpResponse<String> response = upload(server.resolve("api/songs/upload"), song);
            JsonNode body = parse(response.body());
            if (response.statusCode() != 202) {
                out.println(label + ": refused (" + response.statusCode() + ") " + body.path("error").asText(response.body()));
                failures++;
                continue;
            }
            body.path("skipped").forEach(skipped -> out.println(skipped.path("name").asText() + ": skipped, "
                    + skipped.path("reason").asText()));
            body.path("jobs").forEach(job -> jobs.put(job.get("id").asText(), job.path("filename").asText(label)));
        }
        for (String url : urls) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve("api/youtube/download"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("url", url).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = parse(response.body());
            if (response.statusCode() != 202) {
                out.println(url + ": refused (" + response.statusCode() + ") " + body.path("error").asText(response.body()));
                failures++;
                continue;
            }
            jobs.put(body.get("data").get("jobId").asText(), url);
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

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** {@code name [#######.........]  45%  processing: Separating vocals}. */
    private static String line(String label, JsonNode job) {
        int progress = job.path("progress").asInt();
        int filled = progress * BAR / 100;
        String status = job.path("status").asText();
        String detail = status.equals("failed") ? job.path("error").asText() : job.path("status_message").asText("");
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %s%s", label, "#".repeat(filled),
                ".".repeat(BAR - filled), progress, status, detail.isEmpty() ? "" : ": " + detail);
    }

    private HttpResponse<String> upload(URI url, List<Upload> files) throws IOException, InterruptedException {
        String boundary = "chorus-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        for (Upload file : files) {
            parts.add(HttpRequest.BodyPublishers.ofByteArray(("--" + boundary + "\r\nContent-Disposition: form-data; "
                    + "name=\"files\"; filename=\"" + file.name().replace("\"", "'").replaceAll("[\r\n]", " ")
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
            parts.add(HttpRequest.BodyPublishers.ofFile(file.file()));
            parts.add(HttpRequest.BodyPublishers.ofByteArray("\r\n".getBytes(StandardCharsets.UTF_8)));
        }
        if (files.getFirst().fromFolder()) {
            parts.add(HttpRequest.BodyPublishers.ofByteArray(("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nfolder\r\n").getBytes(StandardCharsets.UTF_8)));
        }
        parts.add(HttpRequest.BodyPublishers.ofByteArray(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
