package app.chorus.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A minimal non-blocking WebSocket client (RFC 6455, plain {@code ws://} only) built for
 * holding thousands of connections on one core.
 *
 * <p>One I/O thread ("lt-io") owns a {@link Selector} and does every connect, upgrade and
 * read (see {@link #run()} for why it polls while busy). A ready socket costs one read into a
 * buffer shared by all connections, after which the frames in it are parsed in place; see
 * {@link WsFrameDecoder}. A general-purpose
 * client (Jetty's, which this replaced) spent about 14 µs of CPU per received frame in its
 * buffer pools, callbacks and thread hand-offs, enough to make the generator's own queueing
 * part of the latency it measures. Writes happen on the sending thread; see {@link WsConnection}.
 *
 * <p>There is no idle timeout: the server closes idle connections after its own rules, and
 * the generator answers the server's pings.
 */
final class WsClient {

    private static final int READ_BUFFER_BYTES = 256 << 10;
    private static final long STOP_WAIT_MILLIS = 10_000;
    /** Sleep between polls while busy; Linux's timer slack makes it about 0.1 ms in practice. */
    private static final long POLL_PAUSE_NANOS = 50_000;
    /** Quiet time after which the I/O thread blocks in select() instead of polling. */
    private static final long BLOCK_AFTER_IDLE_NANOS = 2_000_000;

    private record PendingConnect(InetSocketAddress address, URI uri, WsListener listener,
                                  CompletableFuture<Void> upgraded) {
    }

    private final long connectTimeoutNanos;
    private final Selector selector;
    private final Thread ioThread;
    /** Connects requested by other threads, started by the I/O thread. */
    private final Queue<PendingConnect> requested = new ConcurrentLinkedQueue<>();
    /** Connections still connecting or upgrading, oldest (so first to time out) first; I/O thread only. */
    private final ArrayDeque<WsConnection> connecting = new ArrayDeque<>();
    /** Every read goes here first; only complete frames' payloads are handed on from it. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private volatile boolean running;

    /** @param connectTimeout time allowed for the TCP connect and the upgrade together */
    WsClient(Duration connectTimeout) throws IOException {
        this.connectTimeoutNanos = connectTimeout.toNanos();
        this.selector = Selector.open();
        this.ioThread = new Thread(this::run, "lt-io");
        ioThread.setDaemon(true);
    }

    void start() {
        running = true;
        ioThread.start();
    }

    /**
     * Starts connecting {@code listener} to a {@code ws://} URI. The future completes once the
     * upgrade succeeded (before {@link WsListener#onOpen}), or fails with the reason.
     */
    CompletableFuture<Void> connect(WsListener listener, URI uri) {
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80);
        if (address.isUnresolved()) {
            return CompletableFuture.failedFuture(new UnknownHostException(uri.getHost()));
        }
        if (!running) {
            return CompletableFuture.failedFuture(new IOException("client not running"));
        }
        CompletableFuture<Void> upgraded = new CompletableFuture<>();
        requested.add(new PendingConnect(address, uri, listener, upgraded));
        selector.wakeup();
        return upgraded;
    }

    /** Stops the I/O thread, which closes every connection and the selector. */
    void stop() throws InterruptedException {
        running = false;
        if (ioThread.getState() == Thread.State.NEW) {
            try {
                selector.close();
            } catch (IOException e) {
                // Nothing was ever registered with it.
            }
            return;
        }
        selector.wakeup();
        ioThread.join(STOP_WAIT_MILLIS);
    }

    /**
     * The I/O loop. While frames keep coming it polls: {@code selectNow()}, handle what is
     * ready, sleep {@link #POLL_PAUSE_NANOS}, again. Only after {@link #BLOCK_AFTER_IDLE_NANOS}
     * without any event does it block in {@code select()}. A thread blocked in select() has to
     * be woken by the server's own socket write, which on this VM means an inter-processor
     * interrupt paid by the server: measured at rate 2, about 11,000 per second and 2 µs of
     * the server's CPU per delivery (10% more), enough to saturate the server at 58,000
     * deliveries per second. A timed sleep ends on the generator's own CPU instead. The price
     * is a delay of up to one poll round before a frame is read, about 0.1 ms at most.
     */
    private void run() {
        try {
            long lastEvent = System.nanoTime();
            while (running) {
                startRequestedConnects();
                long timeoutMillis = expireConnects();
                boolean polling = System.nanoTime() - lastEvent < BLOCK_AFTER_IDLE_NANOS;
                int ready = polling ? selector.selectNow(this::onReady) : selector.select(this::onReady, timeoutMillis);
                if (ready > 0) {
                    lastEvent = System.nanoTime();
                }
                if (polling) {
                    LockSupport.parkNanos(POLL_PAUSE_NANOS);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("lt-io: selector failed, closing all connections: " + e);
        } finally {
            closeEverything();
        }
    }

    private void startRequestedConnects() {
        PendingConnect p;
        while ((p = requested.poll()) != null) {
            SocketChannel channel;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                p.upgraded.completeExceptionally(e); // typically "Too many open files"
                continue;
            }
            WsConnection c = new WsConnection(channel, p.uri, p.listener, p.upgraded,
                    System.nanoTime() + connectTimeoutNanos);
            connecting.add(c);
            try {
                c.register(selector, channel.connect(p.address));
            } catch (IOException e) {
                c.fail(e);
            }
        }
    }

    /** Fails connects past their deadline; returns the select timeout in ms until the next one (0: none). */
    private long expireConnects() {
        long now = System.nanoTime();
        WsConnection head;
        while ((head = connecting.peek()) != null) {
            if (!head.isConnecting()) {
                connecting.poll();
            } else if (head.deadlineNanos - now > 0) {
                return TimeUnit.NANOSECONDS.toMillis(head.deadlineNanos - now) + 1;
            } else {
                connecting.poll();
                head.fail(new SocketTimeoutException("connect and upgrade not done within "
                        + TimeUnit.NANOSECONDS.toMillis(connectTimeoutNanos) + " ms"));
            }
        }
        return 0;
    }

    private void onReady(SelectionKey key) {
        WsConnection c = (WsConnection) key.attachment();
        try {
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_CONNECT) != 0) {
                c.finishConnect();
            }
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                c.flush();
            }
            if ((ready & SelectionKey.OP_READ) != 0) {
                c.read(readBuffer);
            }
        } catch (IOException e) {
            c.fail(e);
        } catch (RuntimeException e) {
            // A bug in our own handling must cost one connection, not the I/O thread.
            c.fail(new IOException("internal error: " + e, e));
        }
    }

    private void closeEverything() {
        running = false;
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            ((WsConnection) key.attachment()).terminate("client stopped", null);
        }
        PendingConnect p;
        while ((p = requested.poll()) != null) {
            p.upgraded.completeExceptionally(new IOException("client stopped"));
        }
        try {
            selector.close();
        } catch (IOException e) {
            // Every channel is closed already.
        }
    }
}
