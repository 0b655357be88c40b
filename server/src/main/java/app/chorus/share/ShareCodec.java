package app.chorus.share;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The music share formats, in one place: the contract's JSON objects (camelCase names, real
 * booleans and integers, nullable strings) read with validation and written in a fixed field
 * order, and the binary audio frame that push delivery, the /ws broadcaster and the Redis relay
 * use. Thread-safe.
 *
 * <p>The audio frame is {@code [header length: uint16 big-endian][header: UTF-8 JSON][payload]},
 * the header being {@code {"sessionId","sequenceNumber","timestamp","sampleRate","channels","format"}}.
 */
public final class ShareCodec {
    /** The largest frame header accepted. */
    static final int MAX_HEADER_BYTES = 1024;
    private static final int MAX_SAMPLE_RATE = 384_000;
    private static final int MAX_CHANNELS = 8;

    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = json.getFactory();
    private final ShareLimits limits;

    public ShareCodec(ShareLimits limits) {
        this.limits = limits;
    }

    /** A session id as the contract has them: exactly six digits. */
    public static boolean isSessionId(String id) {
        if (id == null || id.length() != 6) {
            return false;
        }
        for (int index = 0; index < 6; index++) {
            char digit = id.charAt(index);
            if (digit < '0' || digit > '9') {
                return false;
            }
        }
        return true;
    }

    /** Checks a session id; a bad one is INVALID. */
    public static String sessionId(String id) {
        if (!isSessionId(id)) {
            throw ShareRejection.invalid("sessionId", "sessionId must be exactly 6 digits");
        }
        return id;
    }

    // ---- metadata ----

    /** Reads a metadata object; strings may be null, numbers and the flag default to 0 and false. */
    public ShareMetadata metadata(JsonNode body) {
        requireObject(body);
        String thumbnail = text(body, "thumbnailData");
        if (thumbnail != null) {
            decodeBase64(thumbnail, "thumbnailData", limits.maxThumbnailBytes());
        }
        return new ShareMetadata(text(body, "title"), text(body, "artist"), text(body, "lyrics"),
                bool(body, "hasSyncedLyrics"), number(body, "elapsedSeconds"), number(body, "totalSeconds"), thumbnail,
                integer(body, "timestamp", 0, Long.MAX_VALUE, 0));
    }

    /** The metadata as the contract's JSON object, fields in the contract's order. */
    public byte[] metadataJson(ShareMetadata metadata) {
        return write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("title", metadata.title());
            generator.writeStringField("artist", metadata.artist());
            generator.writeStringField("lyrics", metadata.lyrics());
            generator.writeBooleanField("hasSyncedLyrics", metadata.hasSyncedLyrics());
            generator.writeNumberField("elapsedSeconds", metadata.elapsedSeconds());
            generator.writeNumberField("totalSeconds", metadata.totalSeconds());
            generator.writeStringField("thumbnailData", metadata.thumbnailData());
            generator.writeNumberField("timestamp", metadata.timestamp());
            generator.writeEndObject();
        });
    }

    /** Metadata as a store keeps it: the value, when it arrived, and its JSON. */
    public StoredMetadata stored(ShareMetadata metadata, long receivedAt) {
        return new StoredMetadata(metadata, receivedAt, metadataJson(metadata));
    }

    /** Metadata JSON back as stored metadata, keeping those very bytes (another node's event). */
    public StoredMetadata storedFromJson(byte[] metadataJson, long receivedAt) {
        try {
            return new StoredMetadata(metadata(json.readTree(metadataJson)), receivedAt, metadataJson);
        } catch (IOException e) {
            throw new UncheckedIOException("Relayed metadata is not JSON", e);
        }
    }

    // ---- audio chunks ----

    /** A chunk of the HTTP API: its base64 data checked and decoded, the rest checked. */
    public ParsedChunk chunk(JsonNode body) {
        requireObject(body);
        JsonNode data = body.get("data");
        if (data == null || data.isNull()) {
            throw ShareRejection.invalid("data", "data is required");
        }
        if (!data.isTextual()) {
            throw ShareRejection.invalid("data", "data must be a base64 string");
        }
        String base64 = data.textValue();
        byte[] bytes = decodeBase64(base64, "data", limits.maxChunkBytes());
        AudioChunk chunk = checked(new AudioChunk(
                (int) required(body, "sequenceNumber", 0, Integer.MAX_VALUE),
                integer(body, "timestamp", 0, Long.MAX_VALUE, 0),
                (int) integer(body, "sampleRate", 1, MAX_SAMPLE_RATE, 44_100),
                (int) integer(body, "channels", 1, MAX_CHANNELS, 2),
                format(body.get("format")), bytes));
        return new ParsedChunk(chunk, base64);
    }

    /** A chunk read from JSON with its data as given, for {@link #chunkJson(AudioChunk, String)}. */
    public record ParsedChunk(AudioChunk chunk, String base64) {
    }

    /** The chunk as the contract's JSON object; {@code base64} is its data already encoded, or null. */
    public byte[] chunkJson(AudioChunk chunk, String base64) {
        String data = base64 != null ? base64 : Base64.getEncoder().encodeToString(chunk.data());
        return write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("data", data);
            generator.writeNumberField("sampleRate", chunk.sampleRate());
            generator.writeNumberField("channels", chunk.channels());
            generator.writeNumberField("timestamp", chunk.timestamp());
            generator.writeNumberField("sequenceNumber", chunk.sequenceNumber());
            generator.writeStringField("format", chunk.format().wireName());
            generator.writeEndObject();
        });
    }

    /** The buffered form of a chunk. */
    public BufferedChunk buffered(AudioChunk chunk, String base64) {
        return new BufferedChunk(chunk.sequenceNumber(), chunk.data().length, chunkJson(chunk, base64));
    }

    /** A buffered chunk back as a value (a late push subscriber's backlog, a Redis member). */
    public AudioChunk fromJson(byte[] chunkJson) {
        try {
            return chunk(json.readTree(chunkJson)).chunk();
        } catch (IOException e) {
            throw new UncheckedIOException("A stored chunk is not JSON", e);
        }
    }

    // ---- binary frames ----

    /** A session's chunk as one binary frame. */
    public byte[] frame(String sessionId, AudioChunk chunk) {
        byte[] header = write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("sessionId", sessionId);
            generator.writeNumberField("sequenceNumber", chunk.sequenceNumber());
            generator.writeNumberField("timestamp", chunk.timestamp());
            generator.writeNumberField("sampleRate", chunk.sampleRate());
            generator.writeNumberField("channels", chunk.channels());
            generator.writeStringField("format", chunk.format().wireName());
            generator.writeEndObject();
        });
        ByteBuffer frame = ByteBuffer.allocate(2 + header.length + chunk.data().length);
        frame.putShort((short) header.length).put(header).put(chunk.data());
        return frame.array();
    }

    /** A binary frame's session and chunk; a malformed frame is INVALID. */
    public Frame frame(byte[] frame) {
        if (frame.length < 2) {
            throw ShareRejection.invalid("frame", "an audio frame starts with a 2-byte header length");
        }
        int headerLength = ((frame[0] & 0xFF) << 8) | (frame[1] & 0xFF);
        if (headerLength == 0 || headerLength > MAX_HEADER_BYTES || 2 + headerLength > frame.length) {
            throw ShareRejection.invalid("frame", "the audio frame's header length " + headerLength
                    + " does not fit the frame (at most " + MAX_HEADER_BYTES + " bytes)");
        }
        JsonNode header;
        try {
            header = json.readTree(new String(frame, 2, headerLength, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ShareRejection.invalid("frame", "the audio frame's header is not JSON");
        }
        requireObject(header);
        JsonNode session = header.get("sessionId");
        String sessionId = sessionId(session != null && session.isTextual() ? session.textValue() : null);
        int dataLength = frame.length - 2 - headerLength;
        if (dataLength > limits.maxChunkBytes()) {
            throw ShareRejection.invalid("data", "the chunk's " + dataLength + " bytes exceed the limit of "
                    + limits.maxChunkBytes() + " bytes");
        }
        byte[] data = java.util.Arrays.copyOfRange(frame, 2 + headerLength, frame.length);
        AudioChunk chunk = checked(new AudioChunk(
                (int) required(header, "sequenceNumber", 0, Integer.MAX_VALUE),
                integer(header, "timestamp", 0, Long.MAX_VALUE, 0),
                (int) integer(header, "sampleRate", 1, MAX_SAMPLE_RATE, 44_100),
                (int) integer(header, "channels", 1, MAX_CHANNELS, 2),
                format(header.get("format")), data));
        return new Frame(sessionId, chunk);
    }

    /** A decoded binary frame. */
    public record Frame(String sessionId, AudioChunk chunk) {
    }

    // ---- field readers ----

    private static AudioChunk checked(AudioChunk chunk) {
        if (chunk.data().length == 0) {
            throw ShareRejection.invalid("data", "data must not be empty");
        }
        if (chunk.format() == AudioFormat.PCM_F32LE && chunk.data().length % (4 * chunk.channels()) != 0) {
            throw ShareRejection.invalid("data", "pcm_f32le data of " + chunk.data().length + " bytes is not whole frames of "
                    + chunk.channels() + " float32 samples");
        }
        return chunk;
    }

    private static AudioFormat format(JsonNode value) {
        if (value == null || value.isNull()) {
            return AudioFormat.PCM_F32LE;
        }
        if (!value.isTextual()) {
            throw ShareRejection.invalid("format", "format must be pcm_f32le or opus");
        }
        return AudioFormat.fromWireName(value.textValue())
                .orElseThrow(() -> ShareRejection.invalid("format", "format must be pcm_f32le or opus, was '" + value.textValue() + "'"));
    }

    private static byte[] decodeBase64(String text, String field, int maxBytes) {
        long decodedAtMost = (long) text.length() / 4 * 3;
        if (decodedAtMost > maxBytes + 2L) {
            throw ShareRejection.invalid(field, field + " is larger than the limit of " + maxBytes + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ShareRejection.invalid(field, field + " is not valid base64");
        }
        if (bytes.length > maxBytes) {
            throw ShareRejection.invalid(field, field + " is larger than the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ShareRejection.invalid("body", "the body must be a JSON object");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ShareRejection.invalid(field, field + " must be a string or null");
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ShareRejection.invalid(field, field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw ShareRejection.invalid(field, field + " must be a number");
        }
        return value.doubleValue();
    }

    private static long required(JsonNode body, String field, long min, long max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ShareRejection.invalid(field, field + " is required");
        }
        return integer(body, field, min, max, 0);
    }

    private static long integer(JsonNode body, String field, long min, long max, long fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ShareRejection.invalid(field, field + " must be a whole number");
        }
        long number = value.longValue();
        if (number < min || number > max) {
            throw ShareRejection.invalid(field, field + " must be between " + min + " and " + max + ", was " + number);
        }
        return number;
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    private byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = factory.createGenerator(bytes)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
