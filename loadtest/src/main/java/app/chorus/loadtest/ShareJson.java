package app.chorus.loadtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what the music share listeners receive, taking only what the benchmark needs. Metadata
 * carries a 30 KB cover and 500 listeners receive thousands per second, so a metadata object's
 * timestamp is found at its end without parsing the rest; the small /ws frames (acks, pings) go
 * through a streaming parser. Audio answers are read by {@link ChunkStampScanner}. Thread-safe
 * (the factory is).
 */
final class ShareJson {

    /** Receives each chunk of an audio answer, in the answer's order (see {@link ChunkStampScanner}). */
    @FunctionalInterface
    interface ChunkVisitor {
        void chunk(int sequenceNumber, long timestamp);
    }

    /** Where a metadata object's timestamp is looked for: its last field, within this many bytes of the end. */
    static final int TAIL_BYTES = 64;
    private static final byte[] TIMESTAMP_KEY = "\"timestamp\":".getBytes(StandardCharsets.US_ASCII);
    static final long NO_TIMESTAMP = -1;

    private final JsonFactory factory = new JsonFactory();

    /**
     * The {@code timestamp} of a metadata object that ends the text: a {@code GET .../metadata}
     * answer, or a {@code share_metadata} frame around one. The server writes the contract's
     * fields in order, timestamp last; a string cannot hide the key there, since neither the
     * base64 cover nor our own lyrics contain a quote.
     *
     * @return the timestamp, or {@link #NO_TIMESTAMP} when the end of the text holds none
     */
    static long trailingTimestamp(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int from = Math.max(offset, end - TAIL_BYTES);
        for (int at = end - TIMESTAMP_KEY.length; at >= from; at--) {
            if (matchesKey(bytes, at)) {
                long value = 0;
                int digits = 0;
                for (int i = at + TIMESTAMP_KEY.length; i < end && bytes[i] >= '0' && bytes[i] <= '9' && digits < 18; i++) {
                    value = value * 10 + (bytes[i] - '0');
                    digits++;
                }
                return digits > 0 ? value : NO_TIMESTAMP;
            }
        }
        return NO_TIMESTAMP;
    }

    private static boolean matchesKey(byte[] bytes, int at) {
        for (int i = 0; i < TIMESTAMP_KEY.length; i++) {
            if (bytes[at + i] != TIMESTAMP_KEY[i]) {
                return false;
            }
        }
        return true;
    }

    /** The name of a /ws frame {@code [name, payload]}, or null; only the start of the text is read. */
    String frameName(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            return p.getText();
        }
    }

    /** An ack frame's {@code request_id} and {@code success}. */
    record Ack(String requestId, boolean success) {
    }

    /** Reads an {@code ["ack", {...}]} frame; null when it is not one. */
    Ack ack(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING
                    || !p.getText().equals("ack") || p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String requestId = null;
            boolean success = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("request_id") && value == JsonToken.VALUE_STRING) {
                    requestId = p.getText();
                } else if (field.equals("success")) {
                    success = value == JsonToken.VALUE_TRUE;
                } else {
                    p.skipChildren();
                }
            }
            return new Ack(requestId, success);
        }
    }
}
