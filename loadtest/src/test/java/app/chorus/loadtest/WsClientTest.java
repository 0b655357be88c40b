package app.chorus.loadtest;

import static app.chorus.loadtest.TestFrames.concat;
import static app.chorus.loadtest.TestFrames.server;
import static app.chorus.loadtest.TestFrames.serverClose;
import static app.chorus.loadtest.TestFrames.serverText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a hand-written server on a loopback socket. */
class WsClientTest {

    /** Records the listener calls, in order. */
    private static final class Events implements WsListener {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        volatile WsConnection connection;

        @Override
        public void onOpen(WsConnection c) {
            connection = c;
            queue.add("open");
        }

        @Override
        public void onText(ByteBuffer payload, long receivedAt) {
            queue.add("text " + StandardCharsets.UTF_8.decode(payload.duplicate()));
        }

        @Override
        public void onClosed(String reason) {
            queue.add("closed " + reason);
        }

        String next() throws InterruptedException {
            String event = queue.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("next listener event").isNotNull();
            return event;
        }
    }

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final URI uri = URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/ws");
    private final Events events = new Events();
    private WsClient client = new WsClient(Duration.ofSeconds(5));

    WsClientTest() throws IOException {
        client.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        client.stop();
        server.close();
    }

    @Test
    void upgradesThenReceivesTextAnswersPingsAndEchoesTheServersClose() throws Exception {
        CompletableFuture<Void> upgraded = client.connect(events, uri);
        try (Socket socket = accept()) {
            String key = readUpgradeRequest(socket.getInputStream());
            // The first frames arrive in the same packet as the 101: they must not be lost.
            write(socket, concat(switchingProtocols(key), serverText("hello"),
                    server(true, WsFrames.PING, "p1".getBytes(StandardCharsets.UTF_8))));

            upgraded.get(5, TimeUnit.SECONDS);
            assertThat(events.next()).isEqualTo("open");
            assertThat(events.next()).isEqualTo("text hello");
            TestFrames.Frame pong = TestFrames.read(socket.getInputStream());
            assertThat(pong.opcode()).isEqualTo(WsFrames.PONG);
            assertThat(pong.masked()).isTrue();
            assertThat(pong.text()).isEqualTo("p1");

            assertThat(events.connection.sendText("[\"pong\",{}]")).isTrue();
            TestFrames.Frame text = TestFrames.read(socket.getInputStream());
            assertThat(text.masked()).isTrue();
            assertThat(text.text()).isEqualTo("[\"pong\",{}]");

            write(socket, serverClose(1001, "bye"));
            TestFrames.Frame close = TestFrames.read(socket.getInputStream());
            assertThat(close.opcode()).isEqualTo(WsFrames.CLOSE);
            assertThat(close.closeCode()).isEqualTo(1001);
            assertThat(events.next()).isEqualTo("closed close 1001 bye");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(events.connection.sendText("late")).isFalse();
        }
    }

    @Test
    void closeSendsACloseFrameAndEndsWhenTheServerAnswers() throws Exception {
        try (Socket socket = openConnection()) {
            events.connection.close(WsFrames.CLOSE_NORMAL, "load test done");

            assertThat(events.connection.isOutputOpen()).isFalse();
            assertThat(events.connection.sendText("after close")).isFalse();
            TestFrames.Frame close = TestFrames.read(socket.getInputStream());
            assertThat(close.opcode()).isEqualTo(WsFrames.CLOSE);
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(close.closeReason()).isEqualTo("load test done");

            write(socket, serverClose(1000, ""));
            assertThat(events.next()).isEqualTo("closed close 1000");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void socketEndingIsReported() throws Exception {
        openConnection().close();

        assertThat(events.next()).isEqualTo("closed socket closed by the server without a close frame");
    }

    @Test
    void frameLargerThanTheReadBufferArrivesWhole() throws Exception {
        String big = "z".repeat(1_000_000);
        try (Socket socket = openConnection()) {
            byte[] bytes = concat(serverText("before"), serverText(big), serverText("after"));
            for (int from = 0; from < bytes.length; from += 100_000) { // in pieces, so that reads see partial frames
                socket.getOutputStream().write(bytes, from, Math.min(100_000, bytes.length - from));
                socket.getOutputStream().flush();
            }

            assertThat(events.next()).isEqualTo("text before");
            assertThat(events.next()).isEqualTo("text " + big);
            assertThat(events.next()).isEqualTo("text after");
        }
    }

    @Test
    void framesTheSocketCannotTakeAtOnceAreQueuedAndSentInOrder() throws Exception {
        int frames = 40;
        String filler = "f".repeat(1 << 20);
        try (Socket socket = openConnection()) {
            // 40 MiB while the server reads nothing: far more than the socket buffers hold.
            for (int i = 0; i < frames; i++) {
                assertThat(events.connection.sendText(i + " " + filler)).isTrue();
            }
            for (int i = 0; i < frames; i++) {
                TestFrames.Frame frame = TestFrames.read(socket.getInputStream());
                assertThat(frame.text()).startsWith(i + " f").hasSize(filler.length() + (i + " ").length());
            }
        }
    }

    @Test
    void maskedServerFrameIsAProtocolError() throws Exception {
        try (Socket socket = openConnection()) {
            write(socket, WsFrames.text("masked").array());

            assertThat(events.next()).isEqualTo("closed protocol error: masked frame from the server");
            TestFrames.Frame close = TestFrames.read(socket.getInputStream());
            assertThat(close.closeCode()).isEqualTo(WsFrames.CLOSE_PROTOCOL_ERROR);
        }
    }

    @Test
    void stoppingTheClientClosesItsConnections() throws Exception {
        try (Socket socket = openConnection()) {
            client.stop();

            assertThat(events.next()).isEqualTo("closed client stopped");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void refusedUpgradeFailsTheConnect() throws Exception {
        CompletableFuture<Void> upgraded = client.connect(events, uri);
        try (Socket socket = accept()) {
            readUpgradeRequest(socket.getInputStream());
            write(socket, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThatThrownBy(() -> upgraded.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ProtocolException.class)
                    .hasMessage("upgrade refused: HTTP/1.1 503 Service Unavailable");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(events.queue).isEmpty(); // never opened, so never "closed" either
        }
    }

    @Test
    @SuppressWarnings("try") // the accepted socket only has to stay open, silent
    void silentServerTimesOut() throws Exception {
        client.stop();
        client = new WsClient(Duration.ofMillis(300));
        client.start();

        CompletableFuture<Void> upgraded = client.connect(events, uri);
        try (Socket socket = accept()) {
            assertThatThrownBy(() -> upgraded.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void nothingListeningFailsTheConnect() throws Exception {
        server.close();

        CompletableFuture<Void> upgraded = client.connect(events, uri);

        assertThatThrownBy(() -> upgraded.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(ConnectException.class);
    }

    /** Connects and completes the upgrade; {@link Events#connection} is set on return. */
    private Socket openConnection() throws Exception {
        CompletableFuture<Void> upgraded = client.connect(events, uri);
        Socket socket = accept();
        write(socket, switchingProtocols(readUpgradeRequest(socket.getInputStream())));
        upgraded.get(5, TimeUnit.SECONDS);
        assertThat(events.next()).isEqualTo("open");
        return socket;
    }

    private Socket accept() throws IOException {
        server.setSoTimeout(5000);
        Socket socket = server.accept();
        socket.setSoTimeout(5000);
        return socket;
    }

    /** Reads the request header and returns its Sec-WebSocket-Key. */
    private static String readUpgradeRequest(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("request byte").isNotNegative();
            header.write(b);
        }
        String request = header.toString(StandardCharsets.ISO_8859_1);
        assertThat(request).startsWith("GET /ws HTTP/1.1\r\n");
        Matcher key = Pattern.compile("\r\nSec-WebSocket-Key: (\\S+)\r\n").matcher(request);
        assertThat(key.find()).isTrue();
        return key.group(1);
    }

    private static byte[] switchingProtocols(String key) {
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WsHandshake.acceptFor(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }
}
