package app.chorus.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive HTTP/1.1 connection of a {@link HttpPollLoop}, carrying one request at a time:
 * connected on its first request (and again after the server closed it), the request written,
 * the response read with a {@link HttpResponseReader} and handed on as it arrives. Everything
 * runs on the loop's I/O thread; only {@link #busy()} is read by others.
 */
final class HttpPollConnection implements HttpResponseReader.Handler {

    /** What becomes of a request's response. Called on the I/O thread. */
    interface Exchange {
        void status(int code);

        void body(ByteBuffer piece);

        /** The response is complete; {@code receivedAt} is the {@link System#nanoTime()} of the read that completed it. */
        void completed(long receivedAt);

        /** No (complete) response: the connection failed, timed out or the server broke the protocol. */
        void failed(String reason);
    }

    private final InetSocketAddress address;
    private final HttpResponseReader reader = new HttpResponseReader();
    private SocketChannel channel;
    private SelectionKey key;
    private boolean connected;
    private ByteBuffer pendingRequest;
    private Exchange exchange;
    private long startedNanos;
    private volatile boolean busy;

    HttpPollConnection(InetSocketAddress address) {
        this.address = address;
    }

    /** Whether a request is in flight. */
    boolean busy() {
        return busy;
    }

    /** When the request in flight was started ({@link System#nanoTime()}); meaningful while busy. */
    long startedNanos() {
        return startedNanos;
    }

    /**
     * Starts a request, connecting first if needed. False when one is in flight already; a
     * failure to even open a socket is reported to {@code exchange} at once.
     */
    boolean start(Selector selector, byte[] request, Exchange exchange) {
        if (busy) {
            return false;
        }
        busy = true;
        this.exchange = exchange;
        startedNanos = System.nanoTime();
        reader.reset();
        pendingRequest = ByteBuffer.wrap(request);
        try {
            if (channel == null) {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connected = channel.connect(address);
                key = channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
            } else {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (connected) {
                write();
            }
        } catch (IOException e) {
            fail(e.toString());
        }
        return true;
    }

    /** The selector says the socket is ready; reads into the loop's shared buffer. */
    void onReady(ByteBuffer readBuffer) {
        try {
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_CONNECT) != 0) {
                channel.finishConnect();
                connected = true;
                write();
            }
            if ((ready & SelectionKey.OP_WRITE) != 0 && pendingRequest != null) {
                write();
            }
            if ((ready & SelectionKey.OP_READ) != 0) {
                read(readBuffer);
            }
        } catch (IOException e) {
            fail(e.toString());
        } catch (RuntimeException e) {
            // A bug in our handling must cost one request, not the I/O thread.
            fail("internal error: " + e);
        }
    }

    private void write() throws IOException {
        channel.write(pendingRequest);
        if (!pendingRequest.hasRemaining()) {
            pendingRequest = null;
            key.interestOps(SelectionKey.OP_READ);
        } else {
            key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    private void read(ByteBuffer shared) throws IOException {
        int n = channel.read(shared.clear());
        long now = System.nanoTime(); // before parsing: our parsing is not the server's latency
        if (n < 0) {
            if (busy) {
                fail("connection closed by the server during a request");
            } else {
                close(); // an idle keep-alive connection the server let go; the next request reconnects
            }
            return;
        }
        if (!busy) {
            if (n > 0) {
                failProtocol("bytes from the server without a request");
            }
            return;
        }
        shared.flip();
        if (reader.feed(shared, this)) {
            if (shared.hasRemaining()) {
                failProtocol("bytes after the response");
                return;
            }
            Exchange done = exchange;
            finish();
            if (reader.closeAfter()) {
                close();
            }
            done.completed(now);
        }
    }

    @Override
    public void status(int code) {
        exchange.status(code);
    }

    @Override
    public void body(ByteBuffer piece) {
        exchange.body(piece);
    }

    /** Gives up the request in flight (a timeout), closing the connection. */
    void fail(String reason) {
        Exchange failed = exchange;
        close();
        if (busy) {
            finish();
            failed.failed(reason);
        }
    }

    private void failProtocol(String reason) {
        fail(new ProtocolException(reason).toString());
    }

    private void finish() {
        exchange = null;
        pendingRequest = null;
        busy = false;
    }

    /** Closes the socket; the next request opens a new one. */
    void close() {
        if (channel != null) {
            try {
                channel.close(); // also cancels the key
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        channel = null;
        key = null;
        connected = false;
    }
}
