package app.chorus.transport.websocket;

import static app.chorus.transport.websocket.WireFrames.BINARY;
import static app.chorus.transport.websocket.WireFrames.CLOSE;
import static app.chorus.transport.websocket.WireFrames.PING;
import static app.chorus.transport.websocket.WireFrames.ascii;
import static app.chorus.transport.websocket.WireFrames.client;
import static app.chorus.transport.websocket.WireFrames.clientClose;
import static app.chorus.transport.websocket.WireFrames.clientText;
import static app.chorus.transport.websocket.WireFrames.concat;
import static app.chorus.transport.websocket.WireFrames.decode;
import static app.chorus.transport.websocket.WireFrames.frame;
import static app.chorus.transport.websocket.WireFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.transport.websocket.WebSocketChannel.SendResult;
import app.chorus.transport.websocket.WireFrames.ServerFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A WebSocketChannel on Jetty's in-memory endpoint: what it writes, what it reads, the close handshake and the send queue. */
class WebSocketChannelTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int MAX_QUEUED = 3;
    private static final WebSocketLimits LIMITS =
            new WebSocketLimits(4096, Duration.ofSeconds(30), Duration.ofSeconds(10), MAX_QUEUED, 1024);

    private ScheduledExecutorScheduler scheduler;
    private ExecutorService executor;
    private final RecordingListener listener = new RecordingListener();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private SelectorLikeEndPoint endPoint;
    private WebSocketChannel channel;

    @BeforeEach
    void startScheduler() throws Exception {
        scheduler = new ScheduledExecutorScheduler("ws-channel-test", true);
        scheduler.start();
        executor = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws Exception {
        if (endPoint != null) {
            endPoint.close();
        }
        executor.shutdownNow();
        scheduler.stop();
    }

    // ---- Opening and sending -----------------------------------------------------------------

    @Test
    void openHandsTheChannelToTheListener() {
        open(LIMITS, -1);

        assertThat(listener.opened).containsExactly(channel);
        assertThat(channel.isClosing()).isFalse();
        assertThat(endPoint.getIdleTimeout()).isEqualTo(LIMITS.idleTimeout().toMillis());
    }

    @Test
    void sentTextAppearsAsTheExactFrameBytes() {
        open(LIMITS, -1);
        OutgoingFrame frame = OutgoingFrame.text(utf8("{\"hello\":\"Grüße\"}"));

        assertThat(channel.send(frame, false)).isEqualTo(SendResult.SENT);

        assertThat(takeOutput()).isEqualTo(frame.bytes());
    }

    @Test
    void batchedFramesWaitForTheNextUnbatchedOne() {
        open(LIMITS, -1);
        OutgoingFrame first = OutgoingFrame.text(utf8("one"));
        OutgoingFrame second = OutgoingFrame.text(utf8("two"));
        OutgoingFrame third = OutgoingFrame.text(utf8("three"));

        assertThat(channel.send(first, true)).isEqualTo(SendResult.SENT);
        assertThat(channel.send(second, true)).isEqualTo(SendResult.SENT);
        assertThat(takeOutput()).isEmpty();

        assertThat(channel.send(third, false)).isEqualTo(SendResult.SENT);
        assertThat(takeOutput()).isEqualTo(concat(first.bytes(), second.bytes(), third.bytes()));
    }

    @Test
    void theSameFrameCanBeSentRepeatedly() {
        open(LIMITS, -1);
        OutgoingFrame frame = OutgoingFrame.text(utf8("shared"));

        channel.send(frame, true);
        channel.send(frame, false);
        channel.send(frame, false);

        assertThat(takeOutput()).isEqualTo(concat(frame.bytes(), frame.bytes(), frame.bytes()));
    }

    @Test
    void concurrentSendersNeverInterleaveFrameBytes() throws Exception {
        open(new WebSocketLimits(4096, Duration.ofSeconds(30), Duration.ofSeconds(10), 100_000, 1024), -1);
        int threads = 4;
        int perThread = 500;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> senders = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int id = thread;
            senders.add(executor.submit(() -> {
                start.await();
                for (int index = 0; index < perThread; index++) {
                    String text = id + ":" + index + ":" + "x".repeat(index % 200);
                    assertThat(channel.send(OutgoingFrame.text(utf8(text)), index % 3 == 0)).isEqualTo(SendResult.SENT);
                }
                channel.send(OutgoingFrame.text(utf8(id + ":end")), false);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> sender : senders) {
            sender.get();
        }

        List<ServerFrame> frames = decode(takeOutput());
        assertThat(frames).hasSize(threads * (perThread + 1));
        for (int thread = 0; thread < threads; thread++) {
            String prefix = thread + ":";
            List<String> own = frames.stream().map(ServerFrame::text).filter(text -> text.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int index = 0; index < perThread; index++) {
                expected.add(prefix + index + ":" + "x".repeat(index % 200));
            }
            expected.add(prefix + "end");
            assertThat(own).as("frames of sender %d, in order", thread).isEqualTo(expected);
        }
    }

    // ---- Reading -----------------------------------------------------------------------------

    @Test
    void clientTextReachesTheListener() {
        open(LIMITS, -1);

        endPoint.addInput(ByteBuffer.wrap(clientText("hello, server")));

        await().atMost(WAIT).until(() -> listener.texts.size() == 1);
        assertThat(listener.texts).containsExactly("hello, server");
    }

    @Test
    void messagesSplitAcrossReadsAndPackedInOneReadAllArrive() {
        open(LIMITS, -1);
        byte[] wire = concat(clientText("first"), client(BINARY, new byte[42]), clientText("Grüße 🎤"));

        endPoint.addInput(ByteBuffer.wrap(Arrays.copyOfRange(wire, 0, 9)));
        endPoint.addInput(ByteBuffer.wrap(Arrays.copyOfRange(wire, 9, wire.length)));

        await().atMost(WAIT).until(() -> listener.texts.size() == 2);
        assertThat(listener.texts).containsExactly("first", "Grüße 🎤");
        assertThat(listener.binaries).containsExactly(42);
    }

    @Test
    void messageLargerThanOneReadBufferArrives() {
        open(LIMITS, -1);
        String text = new String(ascii(3000));

        endPoint.addInput(ByteBuffer.wrap(clientText(text)));

        await().atMost(WAIT).until(() -> listener.texts.size() == 1);
        assertThat(listener.texts).containsExactly(text);
    }

    @Test
    void pingIsAnsweredWithAPongCarryingTheSamePayload() {
        open(LIMITS, -1);

        endPoint.addInput(ByteBuffer.wrap(client(PING, utf8("are you there?"))));

        byte[] expected = concat(new byte[] {(byte) 0x8A, 14}, utf8("are you there?"));
        assertThat(awaitOutput(expected.length)).isEqualTo(expected);
        assertThat(listener.texts).isEmpty();
        assertThat(endPoint.isOpen()).isTrue();
    }

    // ---- Close handshake ---------------------------------------------------------------------

    @Test
    void clientCloseIsEchoedThenTheSocketIsClosed() {
        open(LIMITS, -1);

        endPoint.addInput(ByteBuffer.wrap(clientClose(1000, "bye")));

        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        assertThat(takeOutput()).containsExactly(0x88, 2, 0x03, 0xE8);
        awaitExactlyOneClose(1000, "bye");
        assertThat(channel.isClosing()).isTrue();
        assertThat(channel.send(OutgoingFrame.text(utf8("late")), false)).isEqualTo(SendResult.CLOSED);
    }

    @Test
    void clientCloseWithoutCodeIsEchoedWithoutCode() {
        open(LIMITS, -1);

        endPoint.addInput(ByteBuffer.wrap(client(CLOSE, new byte[0])));

        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        assertThat(takeOutput()).containsExactly(0x88, 0);
        awaitExactlyOneClose(CloseCodes.NO_STATUS, "");
    }

    @Test
    void framesQueuedBeforeTheClientsCloseAreWrittenBeforeTheEcho() {
        open(LIMITS, -1);
        OutgoingFrame pending = OutgoingFrame.text(utf8("batched"));
        channel.send(pending, true);

        endPoint.addInput(ByteBuffer.wrap(concat(clientClose(1001, "leaving"), clientText("ignored"))));

        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        assertThat(takeOutput()).isEqualTo(concat(pending.bytes(), new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xE9}));
        assertThat(listener.texts).isEmpty();
        awaitExactlyOneClose(1001, "leaving");
    }

    @Test
    void serverCloseWritesACloseFrameAndRefusesLaterSends() {
        open(LIMITS, -1);

        channel.close(4001, "slow");

        ServerFrame close = single(decode(takeOutput()));
        assertThat(close.opcode()).isEqualTo(CLOSE);
        assertThat(close.closeCode()).isEqualTo(4001);
        assertThat(close.closeReason()).isEqualTo("slow");
        assertThat(channel.isClosing()).isTrue();
        assertThat(channel.send(OutgoingFrame.text(utf8("after close")), false)).isEqualTo(SendResult.CLOSED);
        assertThat(channel.send(OutgoingFrame.text(utf8("batched after close")), true)).isEqualTo(SendResult.CLOSED);
        // Waiting for the client's answer: output is shut, the socket is not closed yet.
        assertThat(endPoint.isOutputShutdown()).isTrue();
        assertThat(endPoint.isOpen()).isTrue();
        assertThat(listener.closes).isEmpty();

        channel.close(1000, "again");
        assertThat(takeOutput()).isEmpty();
    }

    @Test
    void clientAnswerCompletesTheServerInitiatedClose() {
        open(LIMITS, -1);
        channel.close(4001, "slow");
        takeOutput();

        endPoint.addInput(ByteBuffer.wrap(concat(clientText("in flight, dropped"), clientClose(4001, ""))));

        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        assertThat(listener.texts).isEmpty();
        assertThat(takeOutput()).as("no second close frame").isEmpty();
        awaitExactlyOneClose(4001, "slow");
    }

    @Test
    void clientThatNeverAnswersIsDroppedAfterTheCloseTimeout() {
        open(new WebSocketLimits(4096, Duration.ofSeconds(30), Duration.ofMillis(300), MAX_QUEUED, 1024), -1);

        channel.close(CloseCodes.GOING_AWAY, "shutting down");

        assertThat(single(decode(takeOutput())).closeCode()).isEqualTo(CloseCodes.GOING_AWAY);
        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        awaitExactlyOneClose(CloseCodes.GOING_AWAY, "shutting down");
    }

    @Test
    void streamEndingWithoutACloseFrameIsAbnormal() {
        open(LIMITS, -1);

        endPoint.addInputEOF();

        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        assertThat(takeOutput()).isEmpty();
        awaitExactlyOneClose(CloseCodes.ABNORMAL, "");
    }

    @Test
    void unmaskedClientFrameIsAnsweredWith1002AndTheSocketClosed() {
        open(LIMITS, -1);

        endPoint.addInput(ByteBuffer.wrap(concat(frame(0x81, false, 5, utf8("hello")), clientText("never read"))));

        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        ServerFrame close = single(decode(takeOutput()));
        assertThat(close.opcode()).isEqualTo(CLOSE);
        assertThat(close.closeCode()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        assertThat(listener.texts).isEmpty();
        awaitExactlyOneClose(CloseCodes.PROTOCOL_ERROR, close.closeReason());
    }

    @Test
    void messageOverTheLimitIsAnsweredWith1009() {
        open(LIMITS, -1);

        endPoint.addInput(ByteBuffer.wrap(frame(0x81, true, LIMITS.maxMessageBytes() + 1, new byte[0])));

        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        assertThat(single(decode(takeOutput())).closeCode()).isEqualTo(CloseCodes.MESSAGE_TOO_BIG);
        assertThat(listener.closes).singleElement().extracting(Close::code).isEqualTo(CloseCodes.MESSAGE_TOO_BIG);
    }

    @Test
    void invalidUtf8IsAnsweredWith1007() {
        open(LIMITS, -1);

        endPoint.addInput(ByteBuffer.wrap(client(WireFrames.TEXT, new byte[] {'o', 'k', (byte) 0xC3, 0x28})));

        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        assertThat(single(decode(takeOutput())).closeCode()).isEqualTo(CloseCodes.INVALID_PAYLOAD);
        assertThat(listener.texts).isEmpty();
    }

    @Test
    void listenerFailureClosesWith1011() {
        open(new WebSocketLimits(4096, Duration.ofSeconds(30), Duration.ofMillis(300), MAX_QUEUED, 1024), -1);
        listener.failOnText = "boom";

        endPoint.addInput(ByteBuffer.wrap(clientText("boom")));

        ServerFrame close = single(decode(awaitOutput(2 + 2 + "Internal server error".length())));
        assertThat(close.closeCode()).isEqualTo(CloseCodes.SERVER_ERROR);
        assertThat(close.closeReason()).isEqualTo("Internal server error");
        await().atMost(WAIT).until(() -> !endPoint.isOpen());
        awaitExactlyOneClose(CloseCodes.SERVER_ERROR, "Internal server error");
    }

    @Test
    void clientAnswerCompletesTheCloseAfterAListenerFailure() {
        open(LIMITS, -1); // close timeout 10 s: only the client's answer can close the socket in time
        listener.failOnText = "boom";
        endPoint.addInput(ByteBuffer.wrap(clientText("boom")));
        assertThat(single(decode(awaitOutput(25))).closeCode()).isEqualTo(CloseCodes.SERVER_ERROR);

        endPoint.addInput(ByteBuffer.wrap(clientClose(CloseCodes.SERVER_ERROR, "")));

        await().atMost(Duration.ofSeconds(3)).until(() -> !endPoint.isOpen());
        awaitExactlyOneClose(CloseCodes.SERVER_ERROR, "Internal server error");
    }

    @Test
    void aClientThatKeepsSendingButNeverAnswersTheCloseIsDroppedAfterTheCloseTimeout() {
        open(new WebSocketLimits(4096, Duration.ofSeconds(30), Duration.ofMillis(400), MAX_QUEUED, 1024), -1);
        channel.close(CloseCodes.GOING_AWAY, "bye");
        assertThat(single(decode(awaitOutput(2 + 2 + 3))).closeCode()).isEqualTo(CloseCodes.GOING_AWAY);

        long start = System.nanoTime();
        // Traffic keeps the idle timer fresh; only the close deadline can end this socket.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (endPoint.isOpen()) {
                endPoint.addInput(ByteBuffer.wrap(clientText("still here")));
            }
            return !endPoint.isOpen();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(listener.texts).as("messages after our close are dropped").isEmpty();
        awaitExactlyOneClose(CloseCodes.GOING_AWAY, "bye");
    }

    // ---- Queue limit -------------------------------------------------------------------------

    @Test
    void sendsBeyondTheQueueLimitAreRefusedUntilTheSocketDrains() {
        open(LIMITS, 64); // the "socket" takes 64 bytes, then nothing until the output is taken
        OutgoingFrame first = OutgoingFrame.text(ascii(100));
        OutgoingFrame second = OutgoingFrame.text(utf8("second"));
        OutgoingFrame third = OutgoingFrame.text(utf8("third"));

        assertThat(channel.send(first, false)).isEqualTo(SendResult.SENT); // partly written, rest pending
        assertThat(channel.send(second, false)).isEqualTo(SendResult.SENT);
        assertThat(channel.send(third, true)).isEqualTo(SendResult.SENT);
        assertThat(channel.send(OutgoingFrame.text(utf8("refused")), false)).isEqualTo(SendResult.QUEUE_FULL);
        assertThat(channel.send(OutgoingFrame.text(utf8("refused too")), true)).isEqualTo(SendResult.QUEUE_FULL);

        byte[] expected = concat(first.bytes(), second.bytes(), third.bytes());
        assertThat(endPoint.getOutput().remaining()).as("bytes the full socket took").isEqualTo(64);
        assertThat(awaitOutput(expected.length)).isEqualTo(expected);

        OutgoingFrame later = OutgoingFrame.text(utf8("later"));
        assertThat(channel.send(later, false)).isEqualTo(SendResult.SENT);
        assertThat(takeOutput()).isEqualTo(later.bytes());
    }

    @Test
    void closeFrameIsQueuedEvenWhenTheQueueIsFull() {
        open(LIMITS, 64);
        OutgoingFrame big = OutgoingFrame.text(ascii(200));
        for (int index = 0; index < MAX_QUEUED; index++) {
            assertThat(channel.send(big, false)).isEqualTo(SendResult.SENT);
        }
        assertThat(channel.send(big, false)).isEqualTo(SendResult.QUEUE_FULL);

        channel.close(4002, "too slow");

        List<ServerFrame> frames = decode(awaitOutput(MAX_QUEUED * big.length() + 2 + 2 + 8));
        assertThat(frames).hasSize(MAX_QUEUED + 1);
        assertThat(frames.getLast().closeCode()).isEqualTo(4002);
        assertThat(frames.getLast().closeReason()).isEqualTo("too slow");
    }

    // ---- Helpers -----------------------------------------------------------------------------

    /** Wires a channel to a fresh endpoint as Jetty would after an upgrade; {@code outputCapacity} -1 is unbounded. */
    private void open(WebSocketLimits limits, int outputCapacity) {
        endPoint = new SelectorLikeEndPoint(scheduler, outputCapacity); // its constructor already opens it
        channel = new WebSocketChannel(endPoint, executor, scheduler, new ArrayByteBufferPool(), listener, limits);
        endPoint.setConnection(channel);
        channel.onOpen();
    }

    /** Everything written since the last call (the test's side of the socket reads it). */
    private byte[] takeOutput() {
        return BufferUtil.toArray(endPoint.takeOutput());
    }

    /** Reads from the endpoint until {@code length} bytes in total have been written; returns them. */
    private byte[] awaitOutput(int length) {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            written.writeBytes(takeOutput());
            return written.size() >= length;
        });
        byte[] bytes = written.toByteArray();
        written.reset();
        return bytes;
    }

    private void awaitExactlyOneClose(int code, String reason) {
        await().atMost(WAIT).until(() -> !listener.closes.isEmpty());
        // Stays at one: nothing reports the close a second time.
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> listener.closes.size() == 1);
        assertThat(listener.closes).containsExactly(new Close(code, reason));
    }

    private static ServerFrame single(List<ServerFrame> frames) {
        assertThat(frames).hasSize(1);
        return frames.getFirst();
    }

    record Close(int code, String reason) {
    }

    /** Records every listener call; written from Jetty's threads, read by the test. */
    private static final class RecordingListener implements WebSocketListener {
        final List<WebSocketChannel> opened = new CopyOnWriteArrayList<>();
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<Integer> binaries = new CopyOnWriteArrayList<>();
        final List<Close> closes = new CopyOnWriteArrayList<>();
        /** A text message that makes {@link #onText} throw, as a buggy application handler would. */
        volatile String failOnText;

        @Override
        public void onOpen(WebSocketChannel channel) {
            opened.add(channel);
        }

        @Override
        public void onText(String text) {
            if (text.equals(failOnText)) {
                throw new IllegalStateException("listener failed on purpose");
            }
            texts.add(text);
        }

        @Override
        public void onBinary(byte[] data) {
            binaries.add(data.length);
        }

        @Override
        public void onClose(int code, String reason) {
            closes.add(new Close(code, reason));
        }
    }

    /**
     * Jetty's in-memory endpoint, plus what Jetty's selector does for a socket endpoint: tell the
     * connection once the endpoint has closed. Output is not growable, so a bounded capacity
     * behaves like a full socket send buffer until the test takes the output.
     */
    private static final class SelectorLikeEndPoint extends ByteArrayEndPoint {
        SelectorLikeEndPoint(Scheduler scheduler, int outputCapacity) {
            super(scheduler, 30_000, null, outputCapacity, false);
        }

        @Override
        public void onClose(Throwable cause) {
            super.onClose(cause);
            Connection connection = getConnection();
            if (connection != null) {
                connection.onClose(cause);
            }
        }
    }
}
