package app.chorus.share;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the music share's values look in Redis hashes, both ways. Hash values are strings: text as
 * UTF-8, numbers in Java's own decimal form (which reads back to the same double or long), flags
 * as "true"/"false", and a null string as an absent field. Reading converts back to typed values
 * so the contract's JSON, rebuilt by {@link ShareCodec}, is the same bytes as was stored.
 * Thread-safe.
 */
final class RedisShareFields {
    private final JsonFactory json = new JsonFactory();
    private final ShareCodec codec;

    RedisShareFields(ShareCodec codec) {
        this.codec = codec;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(long number) {
        return bytes(Long.toString(number));
    }

    /** The metadata hash's field/value pairs, in the seed's names, plus {@code receivedAt}. */
    static List<byte[]> metadataFields(StoredMetadata stored) {
        ShareMetadata metadata = stored.metadata();
        List<byte[]> pairs = new ArrayList<>(18);
        text(pairs, "title", metadata.title());
        text(pairs, "artist", metadata.artist());
        text(pairs, "lyrics", metadata.lyrics());
        text(pairs, "hasSyncedLyrics", Boolean.toString(metadata.hasSyncedLyrics()));
        text(pairs, "elapsedSeconds", Double.toString(metadata.elapsedSeconds()));
        text(pairs, "totalSeconds", Double.toString(metadata.totalSeconds()));
        text(pairs, "thumbnailData", metadata.thumbnailData());
        text(pairs, "timestamp", Long.toString(metadata.timestamp()));
        text(pairs, "receivedAt", Long.toString(stored.receivedAt()));
        return pairs;
    }

    private static void text(List<byte[]> pairs, String field, String value) {
        if (value != null) {
            pairs.add(bytes(field));
            pairs.add(bytes(value));
        }
    }

    /** Metadata read back from its hash, typed again, with its JSON encoded as when it arrived. */
    StoredMetadata metadata(Map<String, byte[]> hash) {
        ShareMetadata metadata = new ShareMetadata(text(hash, "title"), text(hash, "artist"), text(hash, "lyrics"),
                "true".equals(text(hash, "hasSyncedLyrics")), decimal(hash, "elapsedSeconds"), decimal(hash, "totalSeconds"),
                text(hash, "thumbnailData"), number(hash, "timestamp"));
        return codec.stored(metadata, number(hash, "receivedAt"));
    }

    /** A session read from its hash; {@code listeners} counted by the script. */
    static SessionInfo session(String id, Map<String, byte[]> hash, long listeners) {
        return new SessionInfo(id, "true".equals(text(hash, "active")), number(hash, "startTime"), number(hash, "lastActivity"),
                number(hash, "expiresAt"), number(hash, "bytesTransferred"), (int) listeners, text(hash, "title"),
                text(hash, "artist"));
    }

    /** A flat HGETALL reply (field, value, field, value...) as a map. */
    static Map<String, byte[]> hash(Object reply) {
        List<?> flat = (List<?>) reply;
        Map<String, byte[]> hash = new HashMap<>(flat.size());
        for (int index = 0; index + 1 < flat.size(); index += 2) {
            hash.put(new String((byte[]) flat.get(index), StandardCharsets.UTF_8), (byte[]) flat.get(index + 1));
        }
        return hash;
    }

    static String text(Map<String, byte[]> hash, String field) {
        byte[] value = hash.get(field);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    static long number(Map<String, byte[]> hash, String field) {
        String value = text(hash, field);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static double decimal(Map<String, byte[]> hash, String field) {
        String value = text(hash, field);
        return value == null ? 0 : Double.parseDouble(value);
    }

    /**
     * The decoded size of a buffered chunk, from the length of its base64 {@code data}: the
     * sorted set keeps only the JSON, and decoding a whole chunk to count it would be waste.
     */
    int dataBytes(byte[] chunkJson) {
        try (JsonParser parser = json.createParser(chunkJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("A buffered chunk is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("data".equals(field) && parser.currentToken() == JsonToken.VALUE_STRING) {
                    char[] text = parser.getTextCharacters();
                    int end = parser.getTextOffset() + parser.getTextLength();
                    int padding = 0;
                    while (padding < 2 && end - padding > parser.getTextOffset() && text[end - padding - 1] == '=') {
                        padding++;
                    }
                    return (int) ((parser.getTextLength() - padding) * 3L / 4);
                }
                parser.skipChildren();
            }
            throw new IllegalStateException("A buffered chunk has no data");
        } catch (IOException e) {
            throw new UncheckedIOException("A buffered chunk is not JSON", e);
        }
    }
}
