package app.chorus.loadtest;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP/1.1 upgrade of one connection (RFC 6455, section 4.1): the request, and the
 * response read up to its blank line and checked. The key needs no cryptographic randomness:
 * it only proves that the server understood the upgrade.
 */
final class WsHandshake {

    /** A longer response header means this is not the server we are looking for. */
    static final int MAX_RESPONSE_HEADER = 8192;
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String key;
    private byte[] header = new byte[512];
    private int headerLength;

    WsHandshake() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        key = Base64.getEncoder().encodeToString(nonce);
    }

    ByteBuffer request(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n";
        return ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Consumes response bytes up to the end of the header (CRLFCRLF), leaving whatever follows
     * it in {@code in}: those are the first frame bytes.
     *
     * @return true once the whole header was read and accepted, false if more bytes are needed
     * @throws ProtocolException if the upgrade was refused or the response is not a valid upgrade
     */
    boolean consume(ByteBuffer in) throws ProtocolException {
        while (in.hasRemaining()) {
            if (headerLength == header.length) {
                if (headerLength == MAX_RESPONSE_HEADER) {
                    throw new ProtocolException("upgrade response header exceeds " + MAX_RESPONSE_HEADER + " bytes");
                }
                header = Arrays.copyOf(header, Math.min(2 * headerLength, MAX_RESPONSE_HEADER));
            }
            header[headerLength++] = in.get();
            if (headerLength >= 4 && header[headerLength - 4] == '\r' && header[headerLength - 3] == '\n'
                    && header[headerLength - 2] == '\r' && header[headerLength - 1] == '\n') {
                check(new String(header, 0, headerLength - 4, StandardCharsets.ISO_8859_1));
                return true;
            }
        }
        return false;
    }

    private void check(String response) throws ProtocolException {
        String[] lines = response.split("\r\n");
        String statusLine = lines[0];
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new ProtocolException("not an HTTP response: " + statusLine);
        }
        if (!status[1].equals("101")) {
            throw new ProtocolException("upgrade refused: " + statusLine);
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        if (!"websocket".equalsIgnoreCase(headers.get("upgrade"))) {
            throw new ProtocolException("101 response without Upgrade: websocket");
        }
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        if (Arrays.stream(connection.split(",")).noneMatch(token -> token.trim().equals("upgrade"))) {
            throw new ProtocolException("101 response without Connection: Upgrade");
        }
        String expected = acceptFor(key);
        String accept = headers.get("sec-websocket-accept");
        if (!expected.equals(accept)) {
            throw new ProtocolException("Sec-WebSocket-Accept is " + accept + ", expected " + expected);
        }
    }

    /** The Sec-WebSocket-Accept a server must answer to {@code key}. */
    static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
