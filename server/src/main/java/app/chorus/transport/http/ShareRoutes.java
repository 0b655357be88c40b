package app.chorus.transport.http;

import app.chorus.config.Config;
import app.chorus.share.BufferedChunk;
import app.chorus.share.SessionInfo;
import app.chorus.share.ShareCodec;
import app.chorus.share.ShareRejection;
import app.chorus.share.ShareTokens;
import app.chorus.share.Shares;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The music share HTTP API exactly as the SongRequest desktop client uses it (see
 * docs/protocol.md, "Music share"): camelCase JSON, the whole {@code Authorization} header as the
 * secret, 204 with an empty body when no audio is new. Served at {@code /api/share} and also
 * under the configured path prefix. Thread-safe.
 */
final class ShareRoutes {
    private final Shares shares;
    private final ShareTokens tokens;
    private final InstantSource clock;
    private final String prefix;
    private final int maxBodyBytes;
    /** The contract's names are camelCase, unlike the rest of the API: a mapper of Jackson's defaults. */
    private final ObjectMapper json = new ObjectMapper();

    ShareRoutes(Shares shares, ShareTokens tokens, Config.Share settings, InstantSource clock) {
        this.shares = shares;
        this.tokens = tokens;
        this.clock = clock;
        this.prefix = settings.pathPrefix();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    /** A request body over the limit; answered with 413. */
    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    void register(RouteTable routes) {
        register(routes, "");
        if (!prefix.isEmpty()) {
            register(routes, prefix);
        }
    }

    private void register(RouteTable routes, String base) {
        String api = base + "/api/share";
        routes.post(api + "/start", guarded(this::start));
        routes.post(api + "/{id}/metadata", guarded(this::postMetadata));
        routes.post(api + "/{id}/audio", guarded(this::postAudio));
        routes.post(api + "/{id}/stop", guarded(this::stop));
        routes.get(api + "/{id}/status", guarded(this::status));
        routes.get(api + "/{id}/metadata", guarded(this::getMetadata));
        routes.get(api + "/{id}/audio", guarded(this::getAudio));
    }

    @FunctionalInterface
    private interface Route {
        void handle(Context context) throws IOException, TooLarge;
    }

    /** Every route: the token first, then the handler, with rejections turned into the contract's errors. */
    private io.javalin.http.Handler guarded(Route route) {
        return context -> {
            if (!tokens.accepts(context.header("Authorization"))) {
                error(context, 401, "UNAUTHORIZED", "Unauthorized: the Authorization header is missing or wrong", null);
                return;
            }
            try {
                route.handle(context);
            } catch (ShareRejection rejection) {
                reject(context, rejection);
            } catch (TooLarge tooLarge) {
                error(context, 413, "PAYLOAD_TOO_LARGE", "The request body is larger than the limit of " + maxBodyBytes + " bytes", null);
            }
        };
    }

    private void start(Context context) throws IOException, TooLarge {
        JsonNode body = body(context);
        JsonNode id = body.get("sessionId");
        SessionInfo session = shares.start(id != null && id.isTextual() ? id.textValue() : null);
        Map<String, Object> answer = success();
        answer.put("sessionId", session.id());
        answer.put("timestamp", session.startTime());
        send(context, answer);
    }

    private void postMetadata(Context context) throws IOException, TooLarge {
        String id = ShareCodec.sessionId(context.pathParam("id"));
        int listeners = shares.metadata(id, shares.codec().metadata(body(context)));
        Map<String, Object> answer = success();
        answer.put("listenersNotified", listeners);
        send(context, answer);
    }

    private void postAudio(Context context) throws IOException, TooLarge {
        String id = ShareCodec.sessionId(context.pathParam("id"));
        ShareCodec.ParsedChunk chunk = shares.codec().chunk(body(context));
        boolean buffered = shares.audio(id, chunk.chunk(), chunk.base64());
        Map<String, Object> answer = success();
        answer.put("buffered", buffered);
        send(context, answer);
    }

    private void stop(Context context) throws IOException {
        Shares.Stopped stopped = shares.stop(ShareCodec.sessionId(context.pathParam("id")));
        Map<String, Object> answer = success();
        answer.put("sessionDuration", stopped.durationSeconds());
        answer.put("bytesTransferred", stopped.bytesTransferred());
        send(context, answer);
    }

    private void status(Context context) throws IOException {
        SessionInfo session = shares.status(ShareCodec.sessionId(context.pathParam("id")), listener(context));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("isActive", session.active());
        answer.put("startTime", session.startTime());
        answer.put("listenerCount", session.listenerCount());
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("title", session.title());
        current.put("artist", session.artist());
        answer.put("currentMetadata", current);
        send(context, answer);
    }

    private void getMetadata(Context context) {
        byte[] metadata = shares.latestMetadata(ShareCodec.sessionId(context.pathParam("id")), listener(context)).json();
        context.status(200).contentType("application/json").result(metadata);
    }

    private void getAudio(Context context) {
        String id = ShareCodec.sessionId(context.pathParam("id"));
        List<BufferedChunk> chunks = shares.audioSince(id, since(context.queryParam("since")), listener(context));
        if (chunks.isEmpty()) {
            // The client parses every 200; an empty one would throw. 204 is the documented "nothing new".
            context.status(204);
            return;
        }
        // Each chunk's JSON was encoded once when it arrived; an answer only joins them: two
        // brackets, and a comma between neighbours.
        int size = 1 + chunks.size();
        for (BufferedChunk chunk : chunks) {
            size += chunk.json().length;
        }
        byte[] array = new byte[size];
        int at = 0;
        array[at++] = '[';
        for (int index = 0; index < chunks.size(); index++) {
            if (index > 0) {
                array[at++] = ',';
            }
            byte[] chunk = chunks.get(index).json();
            System.arraycopy(chunk, 0, array, at, chunk.length);
            at += chunk.length;
        }
        array[at++] = ']';
        context.status(200).contentType("application/json").result(array);
    }

    private static long since(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        try {
            return Math.max(-1, Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new ShareRejection(ShareRejection.Reason.INVALID, "since must be a whole number (-1 for the newest chunks)", "since");
        }
    }

    /** A poller, as well as one can tell without registration: its address and program. */
    private static String listener(Context context) {
        String agent = context.header("User-Agent");
        return context.ip() + "|" + (agent == null ? "" : agent);
    }

    /** The JSON body, read up to the limit (a declared larger length is refused before reading). */
    private JsonNode body(Context context) throws IOException, TooLarge {
        long declared = context.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw new TooLarge();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        try (InputStream input = context.req().getInputStream()) {
            byte[] buffer = new byte[16384];
            int read;
            while ((read = input.read(buffer)) >= 0) {
                if (bytes.size() + read > maxBodyBytes) {
                    throw new TooLarge();
                }
                bytes.write(buffer, 0, read);
            }
        }
        try {
            JsonNode body = json.readTree(bytes.toByteArray());
            if (body == null || !body.isObject()) {
                throw new ShareRejection(ShareRejection.Reason.INVALID, "The body must be a JSON object", "body");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ShareRejection(ShareRejection.Reason.INVALID, "The body is not valid JSON", "body");
        }
    }

    private static Map<String, Object> success() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        return answer;
    }

    private void send(Context context, Map<String, Object> answer) throws IOException {
        context.status(200).contentType("application/json").result(json.writeValueAsBytes(answer));
    }

    private void reject(Context context, ShareRejection rejection) {
        switch (rejection.reason()) {
            case INVALID -> error(context, 400, rejection.field() != null && rejection.field().equals("sessionId")
                    ? "INVALID_SESSION_ID" : "VALIDATION_ERROR", rejection.getMessage(), rejection.field());
            case NOT_FOUND -> error(context, 404, "SESSION_NOT_FOUND", "Session not found", null);
            case ENDED -> error(context, 404, "SESSION_ENDED", "Session has ended", null);
            case NO_METADATA -> error(context, 404, "NO_METADATA", "Session not found or no metadata available", null);
            case CONFLICT -> error(context, 409, "SESSION_EXISTS", "Session ID already in use", null);
            case FULL -> error(context, 503, "TOO_MANY_SESSIONS", rejection.getMessage(), null);
        }
    }

    /**
     * The contract's error body, {@code {"success":false,"error","code","timestamp"}} (a superset of
     * the seed's {@code {"error"}}), with {@code isActive:false} on a 404 as the spec's status has it.
     */
    private void error(Context context, int status, String code, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        if (status == 404) {
            body.put("isActive", false);
        }
        body.put("error", message);
        body.put("code", code);
        if (field != null) {
            body.put("field", field);
        }
        body.put("timestamp", clock.millis());
        try {
            context.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
