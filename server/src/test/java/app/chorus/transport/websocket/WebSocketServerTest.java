package app.chorus.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket layer on the wire, against a running server, with a client made of a plain
 * socket: the opening handshake and its refusals (RFC 6455 section 4), fragmentation, ping, the
 * close handshake from both sides and protocol errors, byte for byte.
 */
class WebSocketServerTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theHandshakeAnswersTheRfcExampleKeyWith101() throws IOException {
        try (RawClient client = new RawClient()) {
            Response response = client.upgrade("dGhlIHNhbXBsZSBub25jZQ==", "13");
            assertThat(response.status).isEqualTo(101);
            assertThat(response.headers.get("upgrade")).isEqualToIgnoringCase("websocket");
            assertThat(response.headers.get("connection")).isEqualToIgnoringCase("upgrade");
            assertThat(response.headers.get("sec-websocket-accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            assertThat(response.headers).doesNotContainKey("sec-websocket-extensions");
        }
    }

    @Test
    void anUnsupportedVersionIsRefusedWith426NamingVersion13() throws IOException {
        try (RawClient client = new RawClient()) {
            Response response = client.upgrade(RawClient.newKey(), "8");
            assertThat(response.status).isEqualTo(426);
            assertThat(response.headers.get("sec-websocket-version")).isEqualTo("13");
            assertThat(response.body).contains("\"detail\"").contains("version 13");
        }
    }

    @Test
    void aMissingOrMalformedKeyIsRefusedWith400() throws IOException {
        try (RawClient client = new RawClient()) {
            Response response = client.upgrade(null, "13");
            assertThat(response.status).isEqualTo(400);
            assertThat(response.body).contains("Sec-WebSocket-Key");
        }
        try (RawClient client = new RawClient()) {
            assertThat(client.upgrade("c2hvcnQ=", "13").status).isEqualTo(400);
        }
    }

    @Test
    void aPlainRequestToTheSocketPathGets426() throws IOException {
        try (RawClient client = new RawClient()) {
            client.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Response response = client.readResponse();
            assertThat(response.status).isEqualTo(426);
            assertThat(response.headers.get("upgrade")).isEqualToIgnoringCase("websocket");
            assertThat(response.body).startsWith("{\"detail\":");
        }
    }

    @Test
    void aFragmentedMessageWithAPingBetweenItsPartsIsReassembledAndThePingAnswered() throws IOException {
        try (RawClient client = new RawClient()) {
            assertThat(client.upgrade(RawClient.newKey(), "13").status).isEqualTo(101);
            byte[] message = "[\"sing\", {}]".getBytes(StandardCharsets.UTF_8);
            client.write(WireFrames.client(false, WireFrames.TEXT, java.util.Arrays.copyOfRange(message, 0, 5)));
            client.write(WireFrames.client(WireFrames.PING, WireFrames.utf8("are you there")));
            client.write(WireFrames.client(true, WireFrames.CONTINUATION, java.util.Arrays.copyOfRange(message, 5, message.length)));

            Frame pong = client.readFrame();
            assertThat(pong.opcode).isEqualTo(0xA);
            assertThat(pong.text()).isEqualTo("are you there");
            // The reassembled message reached the /ws protocol: a command before the handshake is refused.
            Frame reply = client.readFrame();
            assertThat(reply.opcode).isEqualTo(0x1);
            assertThat(reply.text()).startsWith("[\"error\",").contains("\"error_type\":\"handshake_failed\"");
        }
    }

    @Test
    void aFrameSentTogetherWithTheUpgradeRequestIsRead() throws IOException {
        try (RawClient client = new RawClient()) {
            byte[] request = RawClient.upgradeRequest(RawClient.newKey(), "13");
            byte[] frame = WireFrames.clientText("[\"sing\", {}]");
            byte[] both = new byte[request.length + frame.length];
            System.arraycopy(request, 0, both, 0, request.length);
            System.arraycopy(frame, 0, both, request.length, frame.length);
            client.write(both);

            assertThat(client.readResponse().status).isEqualTo(101);
            assertThat(client.readFrame().text()).contains("\"error_type\":\"handshake_failed\"");
        }
    }

    @Test
    void aClientCloseIsAnsweredWithTheSameCodeAndTheSocketThenEnds() throws IOException {
        try (RawClient client = new RawClient()) {
            assertThat(client.upgrade(RawClient.newKey(), "13").status).isEqualTo(101);
            client.write(WireFrames.clientClose(1000, "done"));

            Frame close = client.readFrame();
            assertThat(close.opcode).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(client.endOfStream()).isTrue();
        }
    }

    @Test
    void anUnmaskedFrameIsAProtocolErrorClosedWith1002() throws IOException {
        try (RawClient client = new RawClient()) {
            assertThat(client.upgrade(RawClient.newKey(), "13").status).isEqualTo(101);
            byte[] unmasked = WireFrames.utf8("[\"ping\", {}]");
            client.write(WireFrames.frame(0x80 | WireFrames.TEXT, false, unmasked.length, unmasked));

            Frame close = client.readFrame();
            assertThat(close.opcode).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(close.closeReason()).contains("masked");
            assertThat(client.endOfStream()).isTrue();
        }
    }

    @Test
    void invalidUtf8InATextMessageIsClosedWith1007() throws IOException {
        try (RawClient client = new RawClient()) {
            assertThat(client.upgrade(RawClient.newKey(), "13").status).isEqualTo(101);
            client.write(WireFrames.client(WireFrames.TEXT, new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'}));

            Frame close = client.readFrame();
            assertThat(close.closeCode()).isEqualTo(1007);
            assertThat(client.endOfStream()).isTrue();
        }
    }

    @Test
    void serverFramesAreUnmaskedAndFinal() throws IOException {
        try (RawClient client = new RawClient()) {
            assertThat(client.upgrade(RawClient.newKey(), "13").status).isEqualTo(101);
            client.write(WireFrames.clientText("[\"handshake\", {\"client_type\": \"display\"}]"));
            client.write(WireFrames.clientText("[\"unknown\", {\"request_id\": \"r1\"}]"));

            Frame reply = client.readFrame();
            assertThat(reply.fin).isTrue();
            assertThat(reply.masked).isFalse();
            assertThat(reply.text()).startsWith("[\"ack\",").contains("\"request_id\":\"r1\"").contains("\"success\":false");
        }
    }

    private record Response(int status, Map<String, String> headers, String body) {
    }

    private record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String closeReason() {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    /** A WebSocket client on a plain socket: writes what a test gives it, parses what comes back. */
    private static final class RawClient implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final DataInputStream in;

        RawClient() throws IOException {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(5_000);
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
        }

        static String newKey() {
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            return java.util.Base64.getEncoder().encodeToString(key);
        }

        static byte[] upgradeRequest(String key, String version) {
            StringBuilder request = new StringBuilder("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Version: ").append(version).append("\r\n");
            if (key != null) {
                request.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
            }
            return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        }

        Response upgrade(String key, String version) throws IOException {
            write(upgradeRequest(key, version));
            return readResponse();
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** The status line and headers, and the body when Content-Length says there is one. */
        Response readResponse() throws IOException {
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String body = "";
            if (headers.containsKey("content-length")) {
                byte[] content = new byte[Integer.parseInt(headers.get("content-length"))];
                in.readFully(content);
                body = new String(content, StandardCharsets.UTF_8);
            }
            return new Response(status, headers, body);
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int next = in.read();
                if (next < 0) {
                    throw new EOFException("Connection ended inside the HTTP response");
                }
                if (previous == '\r' && next == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
                }
                line.write(next);
                previous = next;
            }
        }

        Frame readFrame() throws IOException {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            boolean masked = (second & 0x80) != 0;
            byte[] mask = new byte[4];
            if (masked) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int index = 0; index < payload.length; index++) {
                payload[index] ^= mask[index & 3];
            }
            return new Frame((first & 0x80) != 0, first & 0x0F, masked, payload);
        }

        /** Whether the server ended the connection (nothing more arrives). */
        boolean endOfStream() throws IOException {
            InputStream raw = socket.getInputStream();
            try {
                return raw.read() == -1;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
