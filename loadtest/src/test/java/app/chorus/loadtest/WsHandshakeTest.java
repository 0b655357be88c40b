package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WsHandshakeTest {

    private final WsHandshake handshake = new WsHandshake();
    private final String request = ascii(handshake.request(URI.create("ws://127.0.0.1:8100/ws?x=1")));

    @Test
    void acceptMatchesTheRfc6455Example() {
        assertThat(WsHandshake.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void requestIsAnHttp11UpgradeWithARandom16ByteKey() {
        assertThat(request).startsWith("GET /ws?x=1 HTTP/1.1\r\n")
                .contains("\r\nHost: 127.0.0.1:8100\r\n", "\r\nUpgrade: websocket\r\n", "\r\nConnection: Upgrade\r\n",
                        "\r\nSec-WebSocket-Version: 13\r\n")
                .endsWith("\r\n\r\n");
        assertThat(Base64.getDecoder().decode(key())).hasSize(16);
        assertThat(key()).isNotEqualTo(keyOf(ascii(new WsHandshake().request(URI.create("ws://h/ws")))));
    }

    @Test
    void requestForABarePathAsksForTheRoot() {
        assertThat(ascii(new WsHandshake().request(URI.create("ws://example.org")))).startsWith("GET / HTTP/1.1\r\nHost: example.org\r\n");
    }

    @Test
    void acceptsA101ReadInPiecesAndLeavesTheFollowingFrameBytes() throws ProtocolException {
        byte[] response = bytes(switchingProtocols(WsHandshake.acceptFor(key())) + "FRAME");

        ByteBuffer in = ByteBuffer.wrap(response, 0, 0);
        for (int end = 1; end < response.length - 5; end++) {
            in.limit(end);
            assertThat(handshake.consume(in)).isFalse();
        }
        in.limit(response.length);

        assertThat(handshake.consume(in)).isTrue();
        assertThat(ascii(in)).isEqualTo("FRAME");
    }

    @Test
    void refusedUpgradeNamesTheStatusLine() {
        ByteBuffer in = ByteBuffer.wrap(bytes("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n"));

        assertThatThrownBy(() -> handshake.consume(in)).isInstanceOf(ProtocolException.class)
                .hasMessage("upgrade refused: HTTP/1.1 503 Service Unavailable");
    }

    @Test
    void rejectsAWrongAccept() {
        ByteBuffer in = ByteBuffer.wrap(bytes(switchingProtocols(WsHandshake.acceptFor("other"))));

        assertThatThrownBy(() -> handshake.consume(in)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Sec-WebSocket-Accept");
    }

    @Test
    void rejectsA101WithoutUpgradeHeader() {
        ByteBuffer in = ByteBuffer.wrap(bytes("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + WsHandshake.acceptFor(key()) + "\r\n\r\n"));

        assertThatThrownBy(() -> handshake.consume(in)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Upgrade: websocket");
    }

    @Test
    void rejectsAnOversizedHeader() {
        ByteBuffer in = ByteBuffer.wrap(bytes("HTTP/1.1 101 Switching Protocols\r\nX: " + "a".repeat(9000)));

        assertThatThrownBy(() -> handshake.consume(in)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds " + WsHandshake.MAX_RESPONSE_HEADER);
    }

    private String key() {
        return keyOf(request);
    }

    private static String keyOf(String request) {
        Matcher m = Pattern.compile("\r\nSec-WebSocket-Key: (\\S+)\r\n").matcher(request);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String switchingProtocols(String accept) {
        return "HTTP/1.1 101 Switching Protocols\r\nupgrade: WebSocket\r\nconnection: keep-alive, Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String ascii(ByteBuffer buffer) {
        return StandardCharsets.ISO_8859_1.decode(buffer.duplicate()).toString();
    }
}
