package app.chorus.loadtest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One polling listener, as the desktop receiver polls: {@code GET .../metadata} and
 * {@code GET .../audio?since=N} on their own timers, each on a keep-alive connection of its own,
 * {@code since} being the newest sequence number it has (-1 at first, which gets the newest
 * chunks). A poll whose previous request of the same kind is still waiting is skipped and
 * counted, as a client that awaits its answers would do. A chunk's receipt time is the read that
 * completed the answer carrying it. Everything runs on the {@link HttpPollLoop}'s thread.
 */
final class SharePollListener {

    /** Bytes of an error answer kept for the report. */
    private static final int ERROR_TEXT_BYTES = 300;

    private final HttpPollLoop loop;
    private final String audioHead;
    private final byte[] metadataRequest;
    private final String requestTail;
    private final ShareRunStats stats;
    private final BenchClock clock;
    final HttpPollConnection audioConnection;
    final HttpPollConnection metadataConnection;
    final ReceiptLedger ledger = new ReceiptLedger();
    /** True after the first audio answer (200 or 204), false if it failed. */
    final CompletableFuture<Boolean> firstAnswer = new CompletableFuture<>();
    /** The newest sequence number received. */
    private long since = -1;
    private final AudioExchange audio = new AudioExchange();
    private final MetadataExchange metadata = new MetadataExchange();

    /**
     * @param index tells the server's listener count this poller from the others: the server
     *              identifies a poller by its address and User-Agent
     */
    SharePollListener(int index, HttpPollLoop loop, HttpPollConnection audioConnection,
                      HttpPollConnection metadataConnection, String hostHeader, String token, String sessionId,
                      ShareRunStats stats, BenchClock clock) {
        this.loop = loop;
        this.audioConnection = audioConnection;
        this.metadataConnection = metadataConnection;
        this.requestTail = " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: " + token
                + "\r\nUser-Agent: chorus-share-benchmark/" + index + "\r\nAccept: application/json\r\n\r\n";
        this.audioHead = "GET /api/share/" + sessionId + "/audio?since=";
        this.metadataRequest = ("GET /api/share/" + sessionId + "/metadata" + requestTail).getBytes(StandardCharsets.ISO_8859_1);
        this.stats = stats;
        this.clock = clock;
    }

    /** The audio timer's tick. */
    void pollAudio() {
        if (audioConnection.busy()) {
            stats.pollSkipped();
            return;
        }
        audio.begin();
        audioConnection.start(loop.selector(), (audioHead + since + requestTail).getBytes(StandardCharsets.ISO_8859_1), audio);
    }

    /** The metadata timer's tick. */
    void pollMetadata() {
        if (metadataConnection.busy()) {
            stats.pollSkipped();
            return;
        }
        metadata.begin();
        metadataConnection.start(loop.selector(), metadataRequest, metadata);
    }

    /** Whether no request of this listener is in flight. */
    boolean idle() {
        return !audioConnection.busy() && !metadataConnection.busy();
    }

    /** Collects a response's status and, for errors, the start of its body. */
    private abstract class Exchange implements HttpPollConnection.Exchange {
        int status;
        final ByteBuffer errorText = ByteBuffer.allocate(ERROR_TEXT_BYTES);

        /** Readies the exchange for the next request. */
        void begin() {
            status = 0;
            errorText.clear();
            beginBody();
        }

        abstract void beginBody();

        abstract void okBody(ByteBuffer piece);

        @Override
        public void status(int code) {
            status = code;
        }

        @Override
        public void body(ByteBuffer piece) {
            stats.bytesReceived.add(piece.remaining());
            if (status == 200) {
                okBody(piece);
            } else {
                int n = Math.min(errorText.remaining(), piece.remaining());
                errorText.put(errorText.position(), piece, piece.position(), n);
                errorText.position(errorText.position() + n);
            }
        }

        String errorText() {
            return new String(errorText.array(), 0, errorText.position(), StandardCharsets.UTF_8);
        }
    }

    private final class AudioExchange extends Exchange {
        private final ChunkStampScanner scanner = new ChunkStampScanner(this::chunk);
        private final java.util.List<long[]> found = new java.util.ArrayList<>();

        @Override
        void beginBody() {
            scanner.reset();
            found.clear();
        }

        @Override
        void okBody(ByteBuffer piece) {
            scanner.feed(piece);
        }

        /** Chunks are noted as found and counted once the whole answer is in: that is when they arrived. */
        private void chunk(int sequenceNumber, long timestamp) {
            found.add(new long[] {sequenceNumber, timestamp});
        }

        @Override
        public void completed(long receivedAt) {
            if (status == 204) {
                firstAnswer.complete(true);
                return;
            }
            if (status != 200) {
                stats.errors.count("poll audio: HTTP " + status, errorText());
                firstAnswer.complete(false);
                return;
            }
            String problem = scanner.finish();
            if (problem != null) {
                stats.errors.count("poll audio: unreadable answer", problem);
                firstAnswer.complete(false);
                return;
            }
            long receivedMicros = clock.micros(receivedAt);
            for (long[] chunk : found) {
                since = Math.max(since, chunk[0]);
                stats.chunk(ledger, (int) chunk[0], chunk[1], receivedMicros);
            }
            firstAnswer.complete(true);
        }

        @Override
        public void failed(String reason) {
            stats.errors.count("poll audio: no answer", reason);
            firstAnswer.complete(false);
        }
    }

    private final class MetadataExchange extends Exchange {
        /** The last bytes of the body, where the timestamp is (see {@link ShareJson#trailingTimestamp}). */
        private final byte[] tail = new byte[ShareJson.TAIL_BYTES];
        private int tailLength;

        @Override
        void beginBody() {
            tailLength = 0;
        }

        @Override
        void okBody(ByteBuffer piece) {
            int n = piece.remaining();
            if (n >= tail.length) {
                piece.get(piece.limit() - tail.length, tail, 0, tail.length);
                tailLength = tail.length;
            } else {
                int keep = Math.min(tailLength, tail.length - n);
                System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                piece.get(piece.position(), tail, keep, n);
                tailLength = keep + n;
            }
            piece.position(piece.limit());
        }

        @Override
        public void completed(long receivedAt) {
            if (status != 200) {
                stats.errors.count("poll metadata: HTTP " + status, errorText());
                return;
            }
            long timestamp = ShareJson.trailingTimestamp(tail, 0, tailLength);
            if (timestamp == ShareJson.NO_TIMESTAMP) {
                stats.errors.count("poll metadata: no timestamp at the end of the answer",
                        new String(tail, 0, tailLength, StandardCharsets.UTF_8));
                return;
            }
            stats.metadata(ledger, timestamp, clock.micros(receivedAt));
        }

        @Override
        public void failed(String reason) {
            stats.errors.count("poll metadata: no answer", reason);
        }
    }
}
