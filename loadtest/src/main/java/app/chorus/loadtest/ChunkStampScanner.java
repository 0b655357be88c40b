package app.chorus.loadtest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Finds each chunk's {@code sequenceNumber} and {@code timestamp} in a {@code GET .../audio}
 * answer (a JSON array of flat chunk objects) while its body streams by, in pieces cut anywhere.
 * Nothing is stored or decoded but those two numbers: a string value (the base64 audio, nearly
 * all of the bytes) is only scanned for its closing quote. A general JSON parser fed in pieces
 * would copy each 47-235 KB string into a buffer of its own first.
 *
 * <p>It understands as much JSON as needed to stay in step: strings with escapes, nested values
 * (skipped), numbers and literals. Not thread-safe; {@link #reset} between answers.
 */
final class ChunkStampScanner {

    private static final byte[] SEQUENCE_NUMBER = "sequenceNumber".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIMESTAMP = "timestamp".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_KEY = 32;
    private static final int NONE = 0;
    private static final int SEQUENCE = 1;
    private static final int STAMP = 2;
    private static final int OTHER = 3;

    private final ShareJson.ChunkVisitor visitor;
    /** 0 outside the answer, 1 inside the array, 2 inside a chunk object, more inside a nested value. */
    private int depth;
    private boolean done;
    private String error;
    private int chunks;

    private boolean inString;
    private boolean escaped;
    /** Whether the string being read is a chunk object's key (captured) rather than a value (skipped). */
    private boolean stringIsKey;
    private final byte[] key = new byte[MAX_KEY];
    private int keyLength;
    private boolean expectingKey;
    /** Which of our two keys the value being read belongs to. */
    private int field = NONE;

    private boolean inNumber;
    private boolean numberValid;
    private long number;
    private long sequenceNumber = -1;
    private long timestamp = -1;

    ChunkStampScanner(ShareJson.ChunkVisitor visitor) {
        this.visitor = visitor;
    }

    void reset() {
        depth = 0;
        done = false;
        error = null;
        chunks = 0;
        inString = false;
        escaped = false;
        expectingKey = false;
        field = NONE;
        inNumber = false;
        sequenceNumber = -1;
        timestamp = -1;
    }

    /** Scans a piece of the body (consumed entirely). */
    void feed(ByteBuffer piece) {
        int end = piece.limit();
        int at = piece.position();
        while (at < end && error == null) {
            if (inString) {
                at = scanString(piece, at, end);
                continue;
            }
            byte b = piece.get(at++);
            if (done) {
                if (!isWhitespace(b)) {
                    error = "bytes after the end of the array";
                }
                continue;
            }
            if (inNumber) {
                if (b >= '0' && b <= '9') {
                    number = number * 10 + (b - '0');
                    numberValid &= number >= 0;
                    continue;
                }
                if (b == '.' || b == 'e' || b == 'E' || b == '+' || b == '-') {
                    numberValid = false; // not a whole number: not one of ours
                    continue;
                }
                endNumber();
            }
            handle(b);
        }
        piece.position(end);
    }

    /** Handles one byte outside strings and numbers. */
    private void handle(byte b) {
        switch (b) {
            case '"' -> {
                if (depth < 2) {
                    error = depth == 0 ? "the answer is not a JSON array" : "the array holds something other than chunk objects";
                    return;
                }
                inString = true;
                stringIsKey = depth == 2 && expectingKey;
                keyLength = 0;
            }
            case '[', '{' -> {
                if (depth == 0 && b != '[') {
                    error = "the answer is not a JSON array";
                    return;
                }
                if (depth == 1 && b != '{') {
                    error = "the array holds something other than chunk objects";
                    return;
                }
                depth++;
                if (depth == 2) {
                    expectingKey = true;
                    sequenceNumber = -1;
                    timestamp = -1;
                }
            }
            case ']', '}' -> {
                if (depth == 0) {
                    error = "unbalanced " + (char) b;
                    return;
                }
                if (depth == 2) {
                    endChunk();
                }
                depth--;
                if (depth == 0) {
                    done = true;
                }
            }
            case ',' -> {
                if (depth == 2) {
                    expectingKey = true;
                    field = NONE;
                }
            }
            case ':' -> expectingKey = false;
            default -> {
                if (depth < 2 && !isWhitespace(b)) {
                    error = depth == 0 ? "the answer is not a JSON array" : "the array holds something other than chunk objects";
                    return;
                }
                if (depth == 2 && !expectingKey && (b == '-' || b >= '0' && b <= '9')) {
                    inNumber = true;
                    numberValid = b != '-';
                    number = b == '-' ? 0 : b - '0';
                }
                // Whitespace and the letters of true, false and null need nothing.
            }
        }
    }

    /** Moves through a string from {@code at}; returns where scanning goes on. */
    private int scanString(ByteBuffer piece, int at, int end) {
        while (at < end) {
            byte b = piece.get(at++);
            if (escaped) {
                escaped = false;
                appendKey(b);
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
                if (stringIsKey) {
                    field = keyIs(SEQUENCE_NUMBER) ? SEQUENCE : keyIs(TIMESTAMP) ? STAMP : OTHER;
                }
                return at;
            } else {
                appendKey(b);
            }
        }
        return at;
    }

    private void appendKey(byte b) {
        if (stringIsKey && keyLength < MAX_KEY) {
            key[keyLength++] = b;
        }
    }

    private boolean keyIs(byte[] name) {
        if (keyLength != name.length) {
            return false;
        }
        for (int i = 0; i < keyLength; i++) {
            if (key[i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private void endNumber() {
        inNumber = false;
        if (numberValid && field == SEQUENCE) {
            sequenceNumber = number;
        } else if (numberValid && field == STAMP) {
            timestamp = number;
        }
    }

    private void endChunk() {
        if (sequenceNumber < 0 || sequenceNumber > Integer.MAX_VALUE || timestamp < 0) {
            error = "a chunk without a whole sequenceNumber and timestamp";
            return;
        }
        chunks++;
        visitor.chunk((int) sequenceNumber, timestamp);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /**
     * Called after the body's last piece.
     *
     * @return null when the answer was a complete, well-formed array, else what was wrong
     */
    String finish() {
        if (error == null && !done) {
            error = "the answer ended before its array did";
        }
        return error;
    }

    /** Chunks found so far. */
    int chunks() {
        return chunks;
    }
}
