package app.chorus.transport.socketio;

import app.chorus.transport.websocket.CloseCodes;
import app.chorus.transport.websocket.OutgoingFrame;
import app.chorus.transport.websocket.WebSocketChannel;
import app.chorus.transport.websocket.WebSocketListener;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One Socket.IO WebSocket: our own RFC 6455 connection seen by engine.io-server as its
 * {@link EngineIoWebSocket}. Frames read are passed in as {@code message} events; the packets
 * the engine writes go out as text or binary frames.
 *
 * <p>Thread safety: our WebSocket layer calls the listener methods one at a time for a
 * connection, and each enters the engine under the {@link EngineLock}; {@link #write} is called
 * by the engine (under that lock) and only queues the frame. The channel is set once, in
 * {@link #onOpen}, before the engine ever sees this socket.
 */
final class EngineIoWebSocketBridge extends EngineIoWebSocket implements WebSocketListener {
    private final EngineIoServer engine;
    private final EngineLock lock;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private volatile WebSocketChannel channel;

    EngineIoWebSocketBridge(EngineIoServer engine, EngineLock lock, String rawQuery, Map<String, List<String>> headers) {
        this.engine = engine;
        this.lock = lock;
        // The same decoding engine.io-server applies to a polling request's query.
        this.query = ParseQS.decode(rawQuery == null ? "" : rawQuery);
        this.headers = headers;
    }

    @Override
    public void onOpen(WebSocketChannel openedChannel) {
        this.channel = openedChannel;
        // A new session, or (with a sid in the query) the upgrade of a polling session.
        lock.run(() -> engine.handleWebSocket(this));
    }

    @Override
    public void onText(String text) {
        lock.run(() -> emit("message", text));
    }

    @Override
    public void onBinary(byte[] data) {
        // No event of ours takes a binary attachment; closing says so instead of silently losing one.
        channel.close(CloseCodes.UNSUPPORTED_DATA, "Binary messages are not supported");
    }

    @Override
    public void onClose(int code, String reason) {
        lock.run(() -> emit("close"));
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) throws IOException {
        send(OutgoingFrame.text(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void write(byte[] message) throws IOException {
        send(OutgoingFrame.binary(message));
    }

    @Override
    public void close() {
        channel.close(CloseCodes.NORMAL, "");
    }

    private void send(OutgoingFrame frame) throws IOException {
        WebSocketChannel.SendResult result = channel.send(frame, false);
        if (result != WebSocketChannel.SendResult.SENT) {
            // The engine treats a failed write as a transport error and closes the session.
            throw new IOException("Socket.IO WebSocket frame not sent: " + result);
        }
    }
}
