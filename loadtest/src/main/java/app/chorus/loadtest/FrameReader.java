package app.chorus.loadtest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts from an incoming {@code [name, payload]} frame only what the generator needs.
 *
 * <p>A streaming parser is used instead of a Jackson tree because the generator must keep
 * up with tens of thousands of broadcast frames per second on a single core; skipping the
 * parts we do not need avoids building a node per JSON value. For the same reason it reads
 * the frame's UTF-8 bytes directly instead of a decoded String: profiling showed decoding
 * frames to Strings (byte by byte, in the WebSocket library used then) costing as much as the
 * JSON parsing. The factory is thread safe, so one instance serves every connection.
 */
final class FrameReader {

    enum Type { PING, ACK, ERROR, PLAYER_STATE, QUEUE_UPDATE, OTHER }

    /** What one frame told us. Fields that do not apply to the frame type stay null/false. */
    static final class Frame {
        Type type = Type.OTHER;
        /** ack: request_id and success. */
        String requestId;
        boolean success;
        /** player_state: entry.title. */
        String entryTitle;
        /** queue_update: ids of all items in order, and the title of the last item. */
        List<String> itemIds;
        String lastItemTitle;

        String lastItemId() {
            return itemIds == null || itemIds.isEmpty() ? null : itemIds.get(itemIds.size() - 1);
        }
    }

    private final JsonFactory factory = new JsonFactory();
    /** Copy target for payloads in direct (off-heap) buffers, which Jackson cannot read in place. */
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[8192]);

    /** Parses a complete text message; the buffer's position is left unchanged. */
    Frame read(ByteBuffer payload) throws IOException {
        int length = payload.remaining();
        if (payload.hasArray()) {
            return read(payload.array(), payload.arrayOffset() + payload.position(), length);
        }
        byte[] bytes = scratch.get();
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
            scratch.set(bytes);
        }
        payload.get(payload.position(), bytes, 0, length);
        return read(bytes, 0, length);
    }

    /** Decodes a payload for diagnostics only; the hot path never builds Strings of frames. */
    static String text(ByteBuffer payload) {
        return StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
    }

    Frame read(byte[] bytes, int offset, int length) throws IOException {
        Frame frame = new Frame();
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING) {
                return frame;
            }
            frame.type = switch (p.getText()) {
                case "ping" -> Type.PING;
                case "ack" -> Type.ACK;
                case "error" -> Type.ERROR;
                case "player_state" -> Type.PLAYER_STATE;
                case "queue_update" -> Type.QUEUE_UPDATE;
                default -> Type.OTHER;
            };
            // Types whose payload we do not inspect are done as soon as the name is known.
            if (frame.type == Type.PING || frame.type == Type.ERROR || frame.type == Type.OTHER) {
                return frame;
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return frame;
            }
            switch (frame.type) {
                case ACK -> readAck(p, frame);
                case PLAYER_STATE -> frame.entryTitle = readPlayerStateTitle(p);
                case QUEUE_UPDATE -> readQueueUpdate(p, frame);
                default -> { }
            }
        }
        return frame;
    }

    private static void readAck(JsonParser p, Frame frame) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("request_id".equals(field) && value == JsonToken.VALUE_STRING) {
                frame.requestId = p.getText();
            } else if ("success".equals(field)) {
                frame.success = value == JsonToken.VALUE_TRUE;
            } else {
                p.skipChildren();
            }
        }
    }

    private static String readPlayerStateTitle(JsonParser p) throws IOException {
        String title = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("entry".equals(field) && value == JsonToken.START_OBJECT) {
                title = readEntryTitle(p);
            } else {
                p.skipChildren();
            }
        }
        return title;
    }

    private static void readQueueUpdate(JsonParser p, Frame frame) throws IOException {
        frame.itemIds = new ArrayList<>(6);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (!"items".equals(field) || value != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            for (JsonToken item = p.nextToken(); item != null && item != JsonToken.END_ARRAY;
                    item = p.nextToken()) {
                if (item != JsonToken.START_OBJECT) {
                    p.skipChildren(); // tolerate odd items without losing our place in the array
                    continue;
                }
                String id = null;
                String title = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String itemField = p.currentName();
                    JsonToken itemValue = p.nextToken();
                    if ("id".equals(itemField) && itemValue.isScalarValue()) {
                        id = p.getText();
                    } else if ("entry".equals(itemField) && itemValue == JsonToken.START_OBJECT) {
                        title = readEntryTitle(p);
                    } else {
                        p.skipChildren();
                    }
                }
                frame.itemIds.add(id);
                frame.lastItemTitle = title;
            }
        }
    }

    /** Called with the parser on an entry's START_OBJECT; leaves it on the matching END_OBJECT. */
    private static String readEntryTitle(JsonParser p) throws IOException {
        String title = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("title".equals(field) && value == JsonToken.VALUE_STRING) {
                title = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return title;
    }
}
