package app.chorus.loadtest;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One client WebSocket of a {@link WsClient}: connect, upgrade, frames in and out, close.
 *
 * <p>Everything except sending happens on the client's I/O thread, so that state needs no
 * locks. Sending may come from any thread (the pacer's commands, the I/O thread's replies):
 * a frame is written to the socket directly by the sending thread, under a per-connection
 * lock. A socket that does not take it all (rare: the kernel's send buffer is full) leaves
 * the rest in a queue, which the I/O thread flushes when the socket becomes writable; while
 * anything is queued, later frames queue behind it so that frames stay in order.
 */
final class WsConnection implements WsFrameDecoder.Sink {

    private enum State { CONNECTING, UPGRADING, OPEN, CLOSED }

    private final SocketChannel channel;
    private final URI uri;
    private final WsListener listener;
    private final CompletableFuture<Void> upgraded;
    /** When connect and upgrade must be done, in {@link System#nanoTime()} terms. */
    final long deadlineNanos;
    /** Set by the I/O thread on registration, before any other thread can see this connection. */
    private SelectionKey key;

    // Touched by the I/O thread only.
    private State state = State.CONNECTING;
    private WsHandshake handshake;
    private final WsFrameDecoder decoder = new WsFrameDecoder();
    private long receivedAt;

    private final Object writeLock = new Object();
    /** Frames (or their rest) the socket did not take yet; guarded by writeLock. */
    private final ArrayDeque<ByteBuffer> unwritten = new ArrayDeque<>(2);
    /** Set, under writeLock, once our close frame is out or the socket is gone. */
    private volatile boolean outputClosed;

    WsConnection(SocketChannel channel, URI uri, WsListener listener, CompletableFuture<Void> upgraded,
                 long deadlineNanos) {
        this.channel = channel;
        this.uri = uri;
        this.listener = listener;
        this.upgraded = upgraded;
        this.deadlineNanos = deadlineNanos;
    }

    /** Sends a text frame from any thread; false if the connection is closed or the write failed. */
    boolean sendText(String text) {
        return send(WsFrames.text(text));
    }

    boolean isOutputOpen() {
        return !outputClosed;
    }

    /**
     * Sends a close frame (once) from any thread; nothing can be sent after it. The socket
     * is closed when the server answers with its close frame or ends the connection.
     */
    void close(int code, String reason) {
        synchronized (writeLock) {
            if (outputClosed) {
                return;
            }
            try {
                write(WsFrames.close(code, reason));
            } catch (IOException e) {
                // The socket is failing; the I/O thread's next read reports that.
            }
            outputClosed = true;
        }
    }

    private boolean send(ByteBuffer frame) {
        synchronized (writeLock) {
            if (outputClosed) {
                return false;
            }
            try {
                write(frame);
                return true;
            } catch (IOException e) {
                // Nothing more can go out; the I/O thread's next read sees the socket fail.
                outputClosed = true;
                return false;
            }
        }
    }

    /** Writes now if nothing is queued and the socket takes it; queues the rest. Holds writeLock. */
    private void write(ByteBuffer frame) throws IOException {
        if (unwritten.isEmpty()) {
            channel.write(frame);
            if (!frame.hasRemaining()) {
                return;
            }
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            key.selector().wakeup(); // the I/O thread may be blocked in select() with the old interest set
        }
        unwritten.add(frame);
    }

    // ---- I/O thread only from here on ----

    /** Registers with the I/O thread's selector after a non-blocking connect was started. */
    void register(Selector selector, boolean connected) throws IOException {
        key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
        if (connected) {
            startUpgrade();
        }
    }

    boolean isConnecting() {
        return state == State.CONNECTING || state == State.UPGRADING;
    }

    void finishConnect() throws IOException {
        channel.finishConnect();
        key.interestOps(SelectionKey.OP_READ);
        startUpgrade();
    }

    private void startUpgrade() throws IOException {
        state = State.UPGRADING;
        handshake = new WsHandshake();
        synchronized (writeLock) {
            write(handshake.request(uri));
        }
    }

    /** Writes what is queued; called when the socket became writable again. */
    void flush() throws IOException {
        synchronized (writeLock) {
            while (!unwritten.isEmpty()) {
                ByteBuffer head = unwritten.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    return;
                }
                unwritten.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Reads once into the I/O thread's shared buffer and handles every complete frame in it. */
    void read(ByteBuffer shared) throws IOException {
        int n = channel.read(shared.clear());
        long now = System.nanoTime(); // before parsing: our parsing is not the server's latency
        if (n < 0) {
            terminate(state == State.OPEN ? "socket closed by the server without a close frame"
                    : "socket closed by the server during the upgrade", null);
            return;
        }
        receivedAt = now;
        shared.flip();
        if (state == State.UPGRADING) {
            if (!handshake.consume(shared)) {
                return;
            }
            handshake = null;
            state = State.OPEN;
            upgraded.complete(null);
            listener.onOpen(this);
        }
        decoder.decode(shared, this); // the bytes after the upgrade header are the first frames
    }

    @Override
    public void onText(ByteBuffer payload) {
        listener.onText(payload, receivedAt);
    }

    @Override
    public void onBinary(ByteBuffer prefix, long length) {
        listener.onBinary(prefix, length, receivedAt);
    }

    @Override
    public void onPing(ByteBuffer payload) {
        send(WsFrames.pong(payload));
    }

    /** The server's close frame: answer it (unless ours went first) and close the socket. */
    @Override
    public void onClose(ByteBuffer payload) {
        int code = WsFrames.closeCode(payload);
        close(code < 0 ? WsFrames.CLOSE_NORMAL : code, "");
        terminate(WsFrames.describeClose(payload), null);
    }

    /** Ends the connection after an I/O or protocol error; a protocol error is told to the server first. */
    void fail(IOException error) {
        if (error instanceof ProtocolException && state == State.OPEN) {
            close(WsFrames.CLOSE_PROTOCOL_ERROR, error.getMessage());
            terminate("protocol error: " + error.getMessage(), error);
        } else {
            terminate(error.toString(), error);
        }
    }

    /**
     * Closes the socket (once). An open connection reports to its listener; one that never
     * opened fails its connect future with {@code error}, or an IOException saying {@code reason}.
     */
    void terminate(String reason, IOException error) {
        if (state == State.CLOSED) {
            return;
        }
        boolean wasOpen = state == State.OPEN;
        state = State.CLOSED;
        synchronized (writeLock) {
            outputClosed = true;
            unwritten.clear();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing anyway; nothing to do about it.
        }
        if (wasOpen) {
            listener.onClosed(reason);
        } else {
            upgraded.completeExceptionally(error != null ? error : new IOException(reason));
        }
    }
}
