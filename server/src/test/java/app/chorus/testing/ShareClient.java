package app.chorus.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;

/**
 * Talks to the music share API the way the SongRequest desktop client does: relative
 * {@code api/share/...} paths under a base URL, the raw token as the whole Authorization header,
 * its User-Agent, JSON bodies with {@code application/json; charset=utf-8}, and {@code stop} with
 * no body and no Content-Type.
 */
public final class ShareClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    /** {@code base} ends with "/" (the client adds it when missing). */
    public ShareClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** An answer: status, raw body and its JSON (null when empty or not JSON). */
    public record Answer(int status, String body, JsonNode json, HttpResponse<String> response) {
    }

    public Answer post(String path, String json) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json; charset=utf-8");
        return send(request.build());
    }

    /** POST with no body and no Content-Type, as the client stops a session. */
    public Answer postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public Answer get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "SongRequest Desktop v2.1.0");
        if (token != null) {
            builder.header("Authorization", token);
        }
        return builder;
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (!response.body().isEmpty()) {
                try {
                    json = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new Answer(response.statusCode(), response.body(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The desktop sharer's chunk: 44100 float32 samples (22050 stereo frames, 0.5 s), marked by its sequence number. */
    public static byte[] pcmChunk(int sequence, int floats) {
        ByteBuffer samples = ByteBuffer.allocate(floats * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int index = 0; index < floats; index++) {
            samples.putFloat((float) Math.sin((sequence * floats + index) / 20.0) * 0.5f);
        }
        return samples.array();
    }

    /** An AudioChunk body as the client serialises it. */
    public static String chunkJson(int sequence, byte[] data, long timestamp) {
        return JSON.createObjectNode().put("data", Base64.getEncoder().encodeToString(data)).put("sampleRate", 44100)
                .put("channels", 2).put("timestamp", timestamp).put("sequenceNumber", sequence).toString();
    }
}
