package app.chorus.loadtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The header of a music share audio frame pushed over /ws:
 * {@code [header length: uint16 big-endian][header: UTF-8 JSON][payload]}, the header being
 * {@code {"sessionId","sequenceNumber","timestamp","sampleRate","channels","format"}} (the
 * server's {@code ShareCodec}). Parsed from the start of the frame only, since the listener
 * never keeps the PCM behind it.
 *
 * @param payloadBytes the audio bytes behind the header
 */
record ShareAudioHeader(String sessionId, int sequenceNumber, long timestamp, int sampleRate, int channels,
                        String format, long payloadBytes) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Reads the header at the start of a binary message.
     *
     * @param prefix the message's first bytes (position unchanged), at least the whole header
     * @param length the whole message's length
     * @throws IllegalArgumentException when it is not a well-formed audio frame, saying why
     */
    static ShareAudioHeader parse(ByteBuffer prefix, long length) {
        if (prefix.remaining() < 2 || length < 2) {
            throw new IllegalArgumentException("audio frame of " + length + " bytes has no header length");
        }
        int start = prefix.position();
        int headerLength = (prefix.get(start) & 0xFF) << 8 | prefix.get(start + 1) & 0xFF;
        if (headerLength == 0 || 2L + headerLength > length) {
            throw new IllegalArgumentException("header length " + headerLength + " does not fit a frame of "
                    + length + " bytes");
        }
        if (2 + headerLength > prefix.remaining()) {
            throw new IllegalArgumentException("header of " + headerLength + " bytes is longer than the "
                    + prefix.remaining() + " bytes kept of the frame");
        }
        byte[] header = new byte[headerLength];
        prefix.get(start + 2, header);
        try {
            return fields(header, length - 2 - headerLength);
        } catch (IOException e) {
            throw new IllegalArgumentException("header is not JSON: " + e.getMessage());
        }
    }

    private static ShareAudioHeader fields(byte[] header, long payloadBytes) throws IOException {
        String sessionId = null;
        String format = null;
        long sequenceNumber = -1;
        long timestamp = -1;
        long sampleRate = -1;
        long channels = -1;
        try (JsonParser p = JSON.createParser(header)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("header is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "sessionId" -> sessionId = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "format" -> format = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "sequenceNumber" -> sequenceNumber = integer(p, value);
                    case "timestamp" -> timestamp = integer(p, value);
                    case "sampleRate" -> sampleRate = integer(p, value);
                    case "channels" -> channels = integer(p, value);
                    default -> p.skipChildren();
                }
            }
        }
        if (sessionId == null || sequenceNumber < 0 || sequenceNumber > Integer.MAX_VALUE || timestamp < 0) {
            throw new IllegalArgumentException("header lacks sessionId, sequenceNumber or timestamp: "
                    + new String(header, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (payloadBytes == 0) {
            throw new IllegalArgumentException("audio frame without audio");
        }
        return new ShareAudioHeader(sessionId, (int) sequenceNumber, timestamp, (int) sampleRate, (int) channels,
                format, payloadBytes);
    }

    private static long integer(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
    }
}
