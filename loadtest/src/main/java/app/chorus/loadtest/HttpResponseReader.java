package app.chorus.loadtest;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response at a time from the bytes of a keep-alive connection, as they
 * arrive, handing the body on in pieces instead of collecting it: a poll's answer (up to a few
 * hundred KB of base64 audio) is looked at once, on the way through, and never stored. Bodies
 * with a Content-Length and chunked ones (which Jetty sends for large answers) are understood;
 * 1xx, 204 and 304 answers have none. Not thread-safe: one connection's reading thread.
 */
final class HttpResponseReader {

    /** Receives one response; body pieces are only valid during the call. */
    interface Handler {
        void status(int code);

        void body(ByteBuffer piece);
    }

    /** A longer status line and header block means this is not the server we are looking for. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_CHUNK_LINE = 256;

    private enum State { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private State state = State.HEAD;
    private final byte[] line = new byte[MAX_HEAD_BYTES];
    private int lineLength;
    private long remaining;
    private boolean closeAfter;

    /** Readies the reader for the next response on the connection. */
    void reset() {
        state = State.HEAD;
        lineLength = 0;
        remaining = 0;
        closeAfter = false;
    }

    /** Whether the server said it closes the connection after this response. */
    boolean closeAfter() {
        return closeAfter;
    }

    /**
     * Consumes bytes of the current response.
     *
     * @return true once the response is complete; bytes after it stay in {@code in}
     * @throws ProtocolException when the bytes are not a valid HTTP/1.1 response
     */
    boolean feed(ByteBuffer in, Handler handler) throws ProtocolException {
        while (state != State.DONE) {
            switch (state) {
                case HEAD -> {
                    if (!readHead(in, handler)) {
                        return false;
                    }
                }
                case FIXED_BODY -> {
                    if (!passBody(in, handler)) {
                        return false;
                    }
                    state = State.DONE;
                }
                case CHUNK_SIZE -> {
                    if (!readLine(in, MAX_CHUNK_LINE)) {
                        return false;
                    }
                    remaining = chunkSize();
                    state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                }
                case CHUNK_DATA -> {
                    if (!passBody(in, handler)) {
                        return false;
                    }
                    state = State.CHUNK_END;
                }
                case CHUNK_END -> {
                    if (!readLine(in, MAX_CHUNK_LINE)) {
                        return false;
                    }
                    boolean empty = lineLength == 0;
                    lineLength = 0;
                    if (!empty) {
                        throw new ProtocolException("chunk data longer than its size");
                    }
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    if (!readLine(in, MAX_HEAD_BYTES)) {
                        return false;
                    }
                    boolean empty = lineLength == 0;
                    lineLength = 0; // a trailer field: not needed
                    if (empty) {
                        state = State.DONE;
                    }
                }
                case DONE -> { }
            }
        }
        return true;
    }

    /** Reads the status line and headers; once complete, decides how the body is framed. */
    private boolean readHead(ByteBuffer in, Handler handler) throws ProtocolException {
        while (in.hasRemaining()) {
            if (lineLength == line.length) {
                throw new ProtocolException("response head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            line[lineLength++] = in.get();
            if (lineLength >= 4 && line[lineLength - 4] == '\r' && line[lineLength - 3] == '\n'
                    && line[lineLength - 2] == '\r' && line[lineLength - 1] == '\n') {
                startBody(new String(line, 0, lineLength - 4, StandardCharsets.ISO_8859_1), handler);
                lineLength = 0;
                return true;
            }
        }
        return false;
    }

    private void startBody(String head, Handler handler) throws ProtocolException {
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP/1.x response: " + lines[0]);
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad status line: " + lines[0]);
        }
        long contentLength = -1;
        boolean chunked = false;
        closeAfter = status[0].equals("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new ProtocolException("bad Content-Length: " + value);
                    }
                }
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> closeAfter |= value.contains("close");
                default -> { }
            }
        }
        handler.status(code);
        if (code / 100 == 1 || code == 204 || code == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = State.FIXED_BODY;
        } else {
            throw new ProtocolException("response " + code + " without Content-Length or chunked encoding");
        }
    }

    /** Hands on what {@code in} holds of the {@code remaining} body bytes; true when none remain. */
    private boolean passBody(ByteBuffer in, Handler handler) {
        int n = (int) Math.min(remaining, in.remaining());
        if (n > 0) {
            int limit = in.limit();
            int end = in.position() + n;
            in.limit(end);
            handler.body(in);
            in.limit(limit).position(end);
            remaining -= n;
        }
        return remaining == 0;
    }

    /**
     * Collects a line up to CRLF into {@code line} (without it); true once it is complete, and
     * the caller then clears {@code lineLength} for the next one.
     */
    private boolean readLine(ByteBuffer in, int maxLength) throws ProtocolException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n' && lineLength > 0 && line[lineLength - 1] == '\r') {
                lineLength--;
                return true;
            }
            if (lineLength == maxLength) {
                throw new ProtocolException("line longer than " + maxLength + " bytes in a chunked body");
            }
            line[lineLength++] = b;
        }
        return false;
    }

    /** The hex size of the chunk line just read (extensions after ';' ignored); clears the line. */
    private long chunkSize() throws ProtocolException {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < lineLength && line[i] != ';'; i++) {
            int digit = Character.digit(line[i], 16);
            if (digit < 0) {
                if (line[i] == ' ' || line[i] == '\t') {
                    continue;
                }
                throw new ProtocolException("bad chunk size line");
            }
            if (++digits > 15) {
                throw new ProtocolException("chunk size too large");
            }
            size = size * 16 + digit;
        }
        if (digits == 0) {
            throw new ProtocolException("empty chunk size line");
        }
        lineLength = 0;
        return size;
    }
}
