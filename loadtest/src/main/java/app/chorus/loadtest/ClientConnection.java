package app.chorus.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One simulated client (controller or display), written against Jetty's core WebSocket API.
 *
 * <p>Why not the higher-level {@code Session.Listener} API: it dispatches every frame through a
 * MethodHandle bound to the listener instance, and after ~127 calls the JVM "customizes" each
 * such handle into a class of its own. With 10,000 connections that is 10,000 generated
 * classes appearing in the middle of the measured window, with metaspace-triggered full GCs
 * and a burst of JIT work. The core {@link FrameHandler} is a plain interface call.
 *
 * <p>Jetty delivers a session's frames one at a time, and the next only after {@link
 * CoreSession#demand()}, so the per-client fields below are only touched by one thread at a
 * time and need no locking. Nothing here blocks: a receiving thread parses, counts and maybe
 * replies.
 */
public final class ClientConnection implements FrameHandler {

    /** Enough to remember every queue item id of a 5-item queue plus the auto-started song. */
    private static final int SEEN_ITEM_IDS = 8;
    /**
     * The server pings only every 30 s and the idle phase is silent, so Jetty's default idle
     * timeout (30 s) would close healthy connections; the server's own 90 s rule applies instead.
     */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    private static final int MAX_FRAME_BYTES = 4 << 20;

    private final RunContext ctx;
    final int roomIndex;
    final boolean controller;
    private final String joinMessage;
    private final String joinRequestId;

    private volatile CoreSession session;
    private volatile boolean joined;
    private boolean closeCounted;

    /** Ring of recently seen queue item ids: a queue_update is "fresh" if its last id is new. */
    private final String[] seenItemIds = new String[SEEN_ITEM_IDS];
    private int seenNext;
    /** A fragmented text message being reassembled (servers rarely fragment; usually null). */
    private ByteArrayOutputStream fragments;
    /** Newest send time seen in a player_state entry; repeats of an old state carry no latency. */
    private long newestPlayerStateStamp = Long.MIN_VALUE;

    /** Completes with true once the join was acknowledged, false on any failure. */
    final CompletableFuture<Boolean> joinResult = new CompletableFuture<>();
    /** Completes when the connection is gone, so shutdown can wait for clean closes. */
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    ClientConnection(RunContext ctx, int clientIndex, int roomIndex, boolean controller, String roomIdJson) {
        this.ctx = ctx;
        this.roomIndex = roomIndex;
        this.controller = controller;
        this.joinRequestId = "join-" + clientIndex;
        this.joinMessage = OutgoingMessages.joinRoom(roomIdJson, joinRequestId);
    }

    boolean isJoined() {
        CoreSession s = session;
        return joined && s != null && s.isOutputOpen();
    }

    /**
     * Queues a text frame; Jetty writes it asynchronously and we only count failures. Each
     * call builds a new frame because Jetty masks client payloads in place.
     */
    void send(String text) {
        CoreSession s = session;
        if (s != null && s.isOutputOpen()) {
            s.sendFrame(new Frame(OpCode.TEXT, text), ctx.sendCallback, false);
        }
    }

    /** Starts a clean close; completion is signalled through {@link #closed}. */
    void close() {
        CoreSession s = session;
        if (s != null && s.isOutputOpen()) {
            s.close(CloseStatus.NORMAL, "load test done", Callback.NOOP);
        } else {
            closed.complete(null);
        }
    }

    @Override
    public void onOpen(CoreSession s, Callback callback) {
        s.setIdleTimeout(IDLE_TIMEOUT);
        s.setMaxFrameSize(MAX_FRAME_BYTES);
        session = s;
        ctx.stats.open.incrementAndGet();
        ctx.stats.opened.increment();
        // The server handles a connection's frames in order, so the join can follow the
        // handshake immediately instead of waiting a round trip (a successful handshake has no reply).
        send(controller ? OutgoingMessages.HANDSHAKE_CONTROLLER : OutgoingMessages.HANDSHAKE_DISPLAY);
        send(joinMessage);
        callback.succeeded();
        s.demand();
    }

    /**
     * Receives raw frames. Messages are not assembled or decoded into Strings by Jetty: the
     * frame's UTF-8 bytes go straight to the parser (see {@link FrameReader} for why), and the
     * rare fragmented message is reassembled here. Pings and close frames are answered by
     * Jetty itself once the callback completes.
     */
    @Override
    public void onFrame(Frame frame, Callback callback) {
        long receivedAt = System.nanoTime(); // before parsing: our parsing is not the server's latency
        byte opCode = frame.getOpCode();
        try {
            ByteBuffer payload = frame.hasPayload() ? frame.getPayload() : ByteBuffer.allocate(0);
            if (opCode == OpCode.TEXT) {
                if (frame.isFin()) {
                    onMessage(payload, receivedAt);
                } else {
                    fragments = new ByteArrayOutputStream();
                    appendFragment(payload);
                }
            } else if (opCode == OpCode.CONTINUATION && fragments != null) {
                appendFragment(payload);
                if (frame.isFin()) {
                    ByteBuffer whole = ByteBuffer.wrap(fragments.toByteArray());
                    fragments = null;
                    onMessage(whole, receivedAt);
                }
            }
        } catch (RuntimeException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
        if (opCode != OpCode.CLOSE) {
            session.demand(); // after a close frame there is nothing more to read
        }
    }

    private void appendFragment(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(payload.position(), bytes);
        fragments.writeBytes(bytes);
    }

    private void onMessage(ByteBuffer payload, long receivedAt) {
        FrameReader.Frame frame;
        try {
            frame = ctx.reader.read(payload);
        } catch (IOException | RuntimeException e) {
            ctx.stats.unparseableFrames.increment();
            ctx.stats.sample("unparseable frame", FrameReader.text(payload));
            return;
        }
        switch (frame.type) {
            case PING -> {
                send(OutgoingMessages.pong(System.currentTimeMillis()));
                ctx.stats.pingsAnswered.increment();
            }
            case ACK -> onAck(frame, payload);
            case ERROR -> {
                ctx.stats.errorFrames.increment();
                ctx.stats.sample("error frame", FrameReader.text(payload));
            }
            case PLAYER_STATE -> onPlayerState(frame, receivedAt);
            case QUEUE_UPDATE -> onQueueUpdate(frame, receivedAt);
            default -> { }
        }
    }

    private void onAck(FrameReader.Frame frame, ByteBuffer payload) {
        if (!joined && joinRequestId.equals(frame.requestId)) {
            if (frame.success) {
                // A join acknowledged after the ramp gave up on it stays out of the run.
                if (joinResult.complete(true)) {
                    joined = true;
                    ctx.stats.joined.increment();
                }
            } else {
                ctx.stats.joinFailed.increment();
                ctx.stats.sample("failed join", FrameReader.text(payload));
                joinResult.complete(false);
            }
            return;
        }
        if (frame.success) {
            ctx.stats.acksOk.increment();
        } else {
            ctx.stats.acksFailed.increment();
            ctx.stats.sample("failed ack", FrameReader.text(payload));
        }
    }

    private void onPlayerState(FrameReader.Frame frame, long receivedAt) {
        long stamp = ctx.parseStamp(frame.entryTitle);
        // The server re-sends the current (unchanged) player state to displays after every
        // queue change; only the first sight of a send time is a latency sample.
        boolean fresh = stamp != RunContext.NO_STAMP && stamp > newestPlayerStateStamp;
        if (fresh) {
            newestPlayerStateStamp = stamp;
        }
        if (joined) { // frames before the join ack are the join snapshot: not deliveries
            ctx.stats.delivery(false, fresh ? receivedAt - stamp : -1);
        }
    }

    private void onQueueUpdate(FrameReader.Frame frame, long receivedAt) {
        String lastId = frame.lastItemId();
        boolean fresh = lastId != null && !seen(lastId);
        for (String id : frame.itemIds) {
            if (id != null && !seen(id)) {
                seenItemIds[seenNext] = id;
                seenNext = (seenNext + 1) % SEEN_ITEM_IDS;
            }
        }
        long latency = -1;
        if (fresh) {
            long stamp = ctx.parseStamp(frame.lastItemTitle);
            if (stamp != RunContext.NO_STAMP) {
                latency = receivedAt - stamp;
            }
        }
        if (joined) {
            ctx.stats.delivery(true, latency);
        }
    }

    private boolean seen(String id) {
        for (String s : seenItemIds) {
            if (id.equals(s)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        // Jetty follows an error with onClosed, which does the counting.
        if (!ctx.shuttingDown) {
            ctx.stats.sample("connection error", String.valueOf(cause));
        }
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus status, Callback callback) {
        connectionGone("close " + status);
        callback.succeeded();
    }

    private synchronized void connectionGone(String why) {
        if (!closeCounted) { // onClosed is documented to come once; this guards the counters anyway
            closeCounted = true;
            ctx.stats.open.decrementAndGet();
            if (!ctx.shuttingDown) {
                ctx.stats.closedByServer.increment();
                ctx.stats.sample("connection lost", why);
            }
        }
        joinResult.complete(false);
        closed.complete(null);
    }
}
