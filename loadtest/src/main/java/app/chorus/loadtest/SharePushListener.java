package app.chorus.loadtest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One push listener: a /ws connection that sends {@code share_listen} as soon as it is open (no
 * handshake is needed for music share) and then receives the session's metadata as
 * {@code share_metadata} text frames and its audio as binary frames. Every callback comes from
 * the client's single I/O thread; nothing here blocks. A chunk's receipt time is the read that
 * brought its last byte.
 */
final class SharePushListener implements WsListener {

    private static final byte[] METADATA_FRAME_START = "[\"share_metadata\"".getBytes(StandardCharsets.US_ASCII);

    private final String sessionId;
    private final String requestId;
    private final ShareJson json;
    private final ShareRunStats stats;
    private final BenchClock clock;
    final ReceiptLedger ledger = new ReceiptLedger();
    /** True once the server acknowledged the subscription, false when it refused it or the socket failed. */
    final CompletableFuture<Boolean> subscribed = new CompletableFuture<>();
    /** Completes when the connection is gone. */
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Set before the benchmark closes the sockets itself, so those closes are not errors. */
    private volatile boolean closing;
    private volatile WsConnection socket;

    SharePushListener(int index, String sessionId, ShareJson json, ShareRunStats stats, BenchClock clock) {
        this.sessionId = sessionId;
        this.requestId = "listen-" + index;
        this.json = json;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public void onOpen(WsConnection connection) {
        socket = connection;
        connection.sendText("[\"share_listen\",{\"session_id\":\"" + sessionId + "\",\"request_id\":\"" + requestId + "\"}]");
    }

    @Override
    public void onText(ByteBuffer payload, long receivedAt) {
        int length = payload.remaining();
        stats.bytesReceived.add(length);
        try {
            if (startsWith(payload, METADATA_FRAME_START)) {
                // Metadata frames carry a 30 KB cover: only their end, where the timestamp is, is read.
                int tail = Math.min(length, ShareJson.TAIL_BYTES);
                byte[] end = new byte[tail];
                payload.get(payload.limit() - tail, end);
                long timestamp = ShareJson.trailingTimestamp(end, 0, tail);
                if (timestamp == ShareJson.NO_TIMESTAMP) {
                    stats.errors.count("push: share_metadata without timestamp", FrameReader.text(payload));
                } else {
                    stats.metadata(ledger, timestamp, clock.micros(receivedAt));
                }
                return;
            }
            byte[] bytes = new byte[length];
            payload.get(payload.position(), bytes);
            String name = json.frameName(bytes, 0, length);
            switch (name == null ? "" : name) {
                case "ack" -> onAck(json.ack(bytes, 0, length), payload);
                case "ping" -> socket.sendText(OutgoingMessages.pong(System.currentTimeMillis()));
                case "share_ended" -> {
                    if (!closing) {
                        stats.errors.count("push: share_ended before the run ended", FrameReader.text(payload));
                    }
                }
                case "error" -> stats.errors.count("push: error frame", FrameReader.text(payload));
                default -> stats.errors.count("push: unexpected frame", FrameReader.text(payload));
            }
        } catch (IOException | RuntimeException e) {
            stats.errors.count("push: unparseable frame", FrameReader.text(payload));
        }
    }

    private void onAck(ShareJson.Ack ack, ByteBuffer payload) {
        if (ack == null || !requestId.equals(ack.requestId())) {
            stats.errors.count("push: unexpected ack", FrameReader.text(payload));
        } else if (ack.success()) {
            subscribed.complete(true);
        } else {
            stats.errors.count("push: share_listen refused", FrameReader.text(payload));
            subscribed.complete(false);
        }
    }

    @Override
    public void onBinary(ByteBuffer prefix, long length, long receivedAt) {
        stats.bytesReceived.add(length);
        ShareAudioHeader header;
        try {
            header = ShareAudioHeader.parse(prefix, length);
        } catch (IllegalArgumentException e) {
            stats.errors.count("push: bad audio frame", e.getMessage());
            return;
        }
        if (!sessionId.equals(header.sessionId())) {
            stats.foreign.increment();
            return;
        }
        stats.chunk(ledger, header.sequenceNumber(), header.timestamp(), clock.micros(receivedAt));
    }

    @Override
    public void onClosed(String reason) {
        if (!closing) {
            stats.errors.count("push: connection lost", reason);
        }
        subscribed.complete(false);
        closed.complete(null);
    }

    /** A connect that failed before the socket opened. */
    void connectFailed(Throwable error) {
        stats.errors.count("push: connect failed", String.valueOf(error));
        subscribed.complete(false);
        closed.complete(null);
    }

    /** Closes the socket normally; {@link #closed} completes when it is gone. */
    void close() {
        closing = true;
        WsConnection s = socket;
        if (s != null && s.isOutputOpen()) {
            s.close(WsFrames.CLOSE_NORMAL, "benchmark done");
        } else if (s == null) {
            closed.complete(null);
        }
    }

    private static boolean startsWith(ByteBuffer payload, byte[] start) {
        if (payload.remaining() < start.length) {
            return false;
        }
        for (int i = 0; i < start.length; i++) {
            if (payload.get(payload.position() + i) != start[i]) {
                return false;
            }
        }
        return true;
    }
}
