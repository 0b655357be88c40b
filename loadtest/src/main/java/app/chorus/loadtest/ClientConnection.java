package app.chorus.loadtest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated client (controller or display) on a {@link WsClient} connection.
 *
 * <p>The client's single I/O thread delivers a connection's messages one at a time, so the
 * per-client fields below are only touched by that thread and need no locking. Nothing here
 * blocks: the I/O thread parses, counts and maybe replies. Sends also come from the pacer
 * thread (the controller's commands); {@link WsConnection} serialises them.
 */
public final class ClientConnection implements WsListener {

    /** Enough to remember every queue item id of a 5-item queue plus the auto-started song. */
    private static final int SEEN_ITEM_IDS = 8;

    private final RunContext ctx;
    final int roomIndex;
    final boolean controller;
    private final String joinMessage;
    private final String joinRequestId;

    private volatile WsConnection socket;
    private volatile boolean joined;
    private boolean closeCounted;

    /** Ring of recently seen queue item ids: a queue_update is "fresh" if its last id is new. */
    private final String[] seenItemIds = new String[SEEN_ITEM_IDS];
    private int seenNext;
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
        WsConnection s = socket;
        return joined && s != null && s.isOutputOpen();
    }

    /**
     * Writes a text frame now (or queues it behind unwritten ones). Nothing is sent once our
     * close frame is out (a ping answered while closing is not a failure); a send that still
     * fails, because the socket went at that moment, is counted.
     */
    void send(String text) {
        WsConnection s = socket;
        if (s != null && s.isOutputOpen() && !s.sendText(text)) {
            ctx.stats.sendFailures.increment();
        }
    }

    /** Starts a clean close; completion is signalled through {@link #closed}. */
    void close() {
        WsConnection s = socket;
        if (s != null && s.isOutputOpen()) {
            s.close(WsFrames.CLOSE_NORMAL, "load test done");
        } else {
            closed.complete(null);
        }
    }

    @Override
    public void onOpen(WsConnection s) {
        socket = s;
        ctx.stats.open.incrementAndGet();
        ctx.stats.opened.increment();
        // The server handles a connection's frames in order, so the join can follow the
        // handshake immediately instead of waiting a round trip (a successful handshake has no reply).
        send(controller ? OutgoingMessages.HANDSHAKE_CONTROLLER : OutgoingMessages.HANDSHAKE_DISPLAY);
        send(joinMessage);
    }

    /**
     * Receives complete text messages as UTF-8 bytes, not decoded into Strings: they go
     * straight to the parser (see {@link FrameReader} for why).
     */
    @Override
    public void onText(ByteBuffer payload, long receivedAt) {
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
    public void onClosed(String reason) {
        connectionGone(reason);
    }

    private synchronized void connectionGone(String why) {
        if (!closeCounted) { // onClosed comes once; this guards the counters anyway
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
