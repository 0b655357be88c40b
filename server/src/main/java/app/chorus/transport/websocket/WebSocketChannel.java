package app.chorus.transport.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upgraded WebSocket connection on a Jetty endpoint (the server side of RFC 6455).
 *
 * <p>Reading: Jetty calls {@link #onFillable()} on a pool thread when bytes arrive; the parser
 * hands complete messages to the listener on that thread, and the next read is only requested
 * after it returned. A read buffer comes from the pool and goes back after each read, so an idle
 * connection holds none.
 *
 * <p>Writing: {@link #send} is thread-safe and never blocks. Frames are queued; the thread that
 * finds no write in progress writes everything queued in one gathering write straight to the
 * socket, and only what the socket does not take at once is left to Jetty's write flusher, which
 * finishes it when the socket can take more. A frame sent with {@code batch} waits for the next
 * unbatched one, so the frames one command produces for a client leave together. Frames are
 * shared, pre-encoded bytes: a broadcast costs a queue slot per recipient, not an encoding.
 *
 * <p>Closing follows the close handshake: the side that closes first sends a close frame and
 * stops sending; the other answers with one; the socket is then closed. Once a close frame is
 * queued, the socket is dropped after the close timeout whatever the peer does.
 */
public final class WebSocketChannel extends AbstractConnection implements Connection.UpgradeTo {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketChannel.class);

    /** What became of a frame passed to {@link #send}. */
    public enum SendResult {
        /** Queued or written. */
        SENT,
        /** Dropped: the connection is closing or closed. */
        CLOSED,
        /** Refused: the limit of queued frames is reached (the client does not read). */
        QUEUE_FULL
    }

    private final WebSocketListener listener;
    private final WebSocketLimits limits;
    private final ByteBufferPool pool;
    private final Scheduler scheduler;
    private final FrameParser parser;
    private final Callback asyncWriteDone;
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private ByteBuffer prefilled;

    private final Object lock = new Object();
    // Guarded by lock.
    private ByteBuffer[] queue = new ByteBuffer[4];
    private int queued;
    private int inFlight;
    private boolean writing;
    private boolean closeQueued;
    private boolean closeInFlight;
    private boolean closeWritten;
    private boolean closeReceived;
    private int closeCode = CloseCodes.ABNORMAL;
    private String closeReason = "";

    WebSocketChannel(EndPoint endPoint, Executor executor, Scheduler scheduler, ByteBufferPool pool,
                     WebSocketListener listener, WebSocketLimits limits) {
        super(endPoint, executor);
        this.scheduler = scheduler;
        this.listener = listener;
        this.limits = limits;
        this.pool = pool;
        this.parser = new FrameParser(new ParserEvents(), limits.maxMessageBytes());
        // Finishing a write only moves on to the next queued frames: fine to run on Jetty's selector thread.
        this.asyncWriteDone = Callback.from(Invocable.InvocationType.NON_BLOCKING, this::onAsyncWriteDone, this::fail);
    }

    /**
     * Sends a frame; with {@code batch} it waits for the next unbatched frame (the caller must
     * send one). Never blocks.
     */
    public SendResult send(OutgoingFrame frame, boolean batch) {
        synchronized (lock) {
            if (closeQueued) {
                return SendResult.CLOSED;
            }
            if (queued + inFlight >= limits.maxQueuedFrames()) {
                return SendResult.QUEUE_FULL;
            }
            enqueue(frame.buffer());
            if (batch || writing) {
                return SendResult.SENT;
            }
            writing = true;
        }
        flush();
        return SendResult.SENT;
    }

    /**
     * Starts the close handshake: sends a close frame after whatever is queued and nothing after
     * it. The listener hears {@code onClose} once the socket is gone. Later calls do nothing.
     */
    public void close(int code, String reason) {
        sendClose(OutgoingFrame.close(code, reason), code, reason);
    }

    /**
     * Raises (or lowers) the largest message this socket accepts, from the next message on: a
     * connection that proved it may send more (a music share broadcaster) gets more. Call only
     * from the listener's own callbacks, which run on the reading thread.
     */
    public void setMaxMessageBytes(int maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("the message limit must be positive");
        }
        parser.setMaxMessageBytes(maxMessageBytes);
    }

    /** Whether the close handshake has started (from either side) or the socket is gone. */
    public boolean isClosing() {
        synchronized (lock) {
            return closeQueued || closeReceived || !getEndPoint().isOpen();
        }
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffer) {
        // Bytes the client sent right behind its upgrade request; parsed once we are open.
        prefilled = BufferUtil.isEmpty(buffer) ? null : BufferUtil.copy(buffer);
    }

    @Override
    public void onOpen() {
        super.onOpen();
        getEndPoint().setIdleTimeout(limits.idleTimeout().toMillis());
        listener.onOpen(this);
        ByteBuffer early = prefilled;
        prefilled = null;
        if (early != null && !parse(early)) {
            return;
        }
        fillInterested();
    }

    @Override
    public void onFillable() {
        RetainableByteBuffer retained = pool.acquire(limits.readBufferBytes(), false);
        ByteBuffer buffer = retained.getByteBuffer();
        try {
            while (true) {
                BufferUtil.clear(buffer);
                int filled;
                try {
                    filled = getEndPoint().fill(buffer);
                } catch (IOException e) {
                    getEndPoint().close(e);
                    return;
                }
                if (filled > 0) {
                    if (!parse(buffer)) {
                        return;
                    }
                    if (filled < buffer.capacity()) {
                        // The socket had less than a buffer's worth, so it is drained: wait for the
                        // selector instead of paying a read that would find nothing.
                        fillInterested();
                        return;
                    }
                } else if (filled == 0) {
                    fillInterested();
                    return;
                } else {
                    // The peer ended the stream without (or after) a close frame.
                    getEndPoint().close();
                    return;
                }
            }
        } finally {
            retained.release();
        }
    }

    /** Parses what was read; false when reading must stop (a close frame or a protocol error). */
    private boolean parse(ByteBuffer buffer) {
        while (true) {
            int before = buffer.position();
            try {
                parser.parse(buffer);
                break;
            } catch (ProtocolViolation violation) {
                LOG.debug("Closing {}: {}", this, violation.getMessage());
                sendClose(OutgoingFrame.close(violation.closeCode(), violation.getMessage()), violation.closeCode(),
                        violation.getMessage());
                synchronized (lock) {
                    // No answer is awaited after a protocol error: drop the socket once the close frame is out.
                    closeReceived = true;
                    if (closeWritten) {
                        getEndPoint().close();
                    }
                }
                return false;
            } catch (RuntimeException failure) {
                LOG.error("WebSocket listener failed on {}", this, failure);
                close(CloseCodes.SERVER_ERROR, "Internal server error");
                // Keep reading: the rest is dropped, but the client's answer to our close must be seen.
                if (buffer.position() == before) {
                    buffer.position(buffer.limit());
                }
            }
        }
        synchronized (lock) {
            return !closeReceived;
        }
    }

    @Override
    public void onFillInterestedFailed(Throwable cause) {
        // An idle timeout while waiting for bytes, or the endpoint failed: either way the socket is done.
        getEndPoint().close(cause);
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        return true;
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        int code;
        String reason;
        synchronized (lock) {
            closeQueued = true;
            queued = 0;
            Arrays.fill(queue, null);
            code = closeCode;
            reason = closeReason;
        }
        if (closeNotified.compareAndSet(false, true)) {
            listener.onClose(code, reason);
        }
    }

    private void sendClose(OutgoingFrame frame, int code, String reason) {
        boolean startWriting;
        synchronized (lock) {
            if (closeQueued) {
                return;
            }
            if (!closeReceived) {
                closeCode = code;
                closeReason = reason == null ? "" : reason;
            }
            closeQueued = true;
            // The close frame may exceed the queue limit: it must go out even to a client that reads slowly.
            enqueue(frame.buffer());
            startWriting = !writing;
            writing = true;
        }
        // However the peer behaves (not reading, not answering, or still sending), the socket is
        // gone after the close timeout. Closing an endpoint that is already closed does nothing.
        scheduler.schedule(() -> getEndPoint().close(), limits.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (startWriting) {
            flush();
        }
    }

    private void enqueue(ByteBuffer buffer) {
        if (queued == queue.length) {
            queue = Arrays.copyOf(queue, queue.length * 2);
        }
        queue[queued++] = buffer;
    }

    /** Writes until the queue is empty or the socket is full; called by the one thread that set {@code writing}. */
    private void flush() {
        while (true) {
            ByteBuffer[] buffers;
            synchronized (lock) {
                if (queued == 0 || !getEndPoint().isOpen()) {
                    writing = false;
                    return;
                }
                buffers = Arrays.copyOf(queue, queued);
                Arrays.fill(queue, 0, queued, null);
                inFlight = queued;
                queued = 0;
                closeInFlight = closeQueued && !closeWritten;
            }
            boolean complete;
            try {
                complete = getEndPoint().flush(buffers);
            } catch (IOException | RuntimeException e) {
                fail(e);
                return;
            }
            if (!complete) {
                // The socket's send buffer is full: Jetty finishes the write when it drains, then we go on.
                getEndPoint().write(asyncWriteDone, buffers);
                return;
            }
            afterWrite();
        }
    }

    private void onAsyncWriteDone() {
        afterWrite();
        flush();
    }

    private void afterWrite() {
        boolean closeNow = false;
        boolean shutdownOutput = false;
        synchronized (lock) {
            inFlight = 0;
            if (closeInFlight) {
                closeInFlight = false;
                closeWritten = true;
                closeNow = closeReceived;
                shutdownOutput = !closeReceived;
            }
        }
        if (closeNow) {
            getEndPoint().close();
        } else if (shutdownOutput) {
            getEndPoint().shutdownOutput();
        }
    }

    private void fail(Throwable cause) {
        LOG.debug("Write to {} failed", this, cause);
        synchronized (lock) {
            writing = false;
            inFlight = 0;
        }
        getEndPoint().close(cause);
    }

    /** What the parser found, turned into listener calls and protocol answers. */
    private final class ParserEvents implements FrameParser.Handler {
        @Override
        public void onText(String text) {
            if (!closing()) {
                listener.onText(text);
            }
        }

        @Override
        public void onBinary(byte[] data) {
            if (!closing()) {
                listener.onBinary(data);
            }
        }

        /** After this side sent its close frame, the peer's remaining messages are read and dropped. */
        private boolean closing() {
            synchronized (lock) {
                return closeQueued;
            }
        }

        @Override
        public void onPing(byte[] payload, int length) {
            send(OutgoingFrame.pong(payload, length), false);
        }

        @Override
        public void onPong() {
            // Unsolicited pongs are allowed and mean nothing; the application runs its own heartbeat.
        }

        @Override
        public void onClose(int code, String reason) {
            boolean answered;
            synchronized (lock) {
                closeReceived = true;
                if (!closeQueued) {
                    closeCode = code;
                    closeReason = reason;
                }
                answered = closeQueued;
                if (answered && closeWritten) {
                    // Our close went out first and this is the answer: the handshake is complete.
                    getEndPoint().close();
                    return;
                }
            }
            if (!answered) {
                // Echo the peer's code; the socket is closed as soon as the answer is written.
                sendClose(code == CloseCodes.NO_STATUS ? OutgoingFrame.closeWithoutCode() : OutgoingFrame.close(code, ""),
                        code, reason);
            }
        }
    }
}
