package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling client against a small real HTTP server on a random port. */
class HttpPollLoopTest {

    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private Thread acceptor;

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        acceptor.join(2000);
    }

    /** Answers each request by its path, on one keep-alive connection, until the client goes. */
    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String path = head.split(" ")[1];
                switch (path) {
                    case "/chunked" -> out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    case "/none" -> out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    case "/close" -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nbye"
                                .getBytes(StandardCharsets.ISO_8859_1));
                        return;
                    }
                    case "/hang" -> {
                        Thread.sleep(5000);
                        return;
                    }
                    default -> out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The client went away.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return null;
    }

    /** Writes what became of each request into a queue, one line each. */
    private static final class Recorder implements HttpPollConnection.Exchange {
        final BlockingQueue<String> results = new ArrayBlockingQueue<>(16);
        private int status;
        private final StringBuilder body = new StringBuilder();

        @Override
        public void status(int code) {
            status = code;
        }

        @Override
        public void body(ByteBuffer piece) {
            body.append(StandardCharsets.ISO_8859_1.decode(piece));
        }

        @Override
        public void completed(long receivedAt) {
            results.add(status + " " + body);
            body.setLength(0);
        }

        @Override
        public void failed(String reason) {
            results.add("failed " + reason);
            body.setLength(0);
        }
    }

    @Test
    void sendsRequestsOneAtATimeOnAKeepAliveConnectionAndReconnectsWhenTheServerCloses() throws Exception {
        HttpPollConnection connection = new HttpPollConnection(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        HttpPollLoop loop = new HttpPollLoop(List.of(connection), TimeUnit.MILLISECONDS.toNanos(300));
        Recorder recorder = new Recorder();
        List<String> paths = List.of("/chunked", "/none", "/missing", "/close", "/chunked", "/hang", "/none");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        loop.every(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(10), () -> {
            if (connection.busy()) {
                skipped.incrementAndGet();
            } else if (next.get() < paths.size()) {
                String request = "GET " + paths.get(next.getAndIncrement()) + " HTTP/1.1\r\nHost: test\r\n\r\n";
                connection.start(loop.selector(), request.getBytes(StandardCharsets.ISO_8859_1), recorder);
            }
        });
        loop.start();
        try {
            for (String expected : List.of("200 abcdefg", "204 ", "404 ", "200 bye", "200 abcdefg")) {
                assertThat(recorder.results.poll(5, TimeUnit.SECONDS)).isEqualTo(expected);
            }
            assertThat(recorder.results.poll(5, TimeUnit.SECONDS)).startsWith("failed no complete response within 300 ms");
            assertThat(recorder.results.poll(5, TimeUnit.SECONDS)).isEqualTo("204 ");
        } finally {
            loop.stop();
        }
        // One connection for the first four, one after the server closed it, one after the time-out.
        assertThat(accepted.get()).isEqualTo(3);
        assertThat(skipped.get()).isPositive();
    }
}
