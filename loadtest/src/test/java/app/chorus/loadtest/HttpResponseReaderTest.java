package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nDate: Sat, 21 Nov 2026 21:26:36 GMT\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\n[{\"a\"\r\n" + "1c;name=value\r\n:1},{\"b\":\"0123456789abcdef\"}\r\n" + "1\r\n]\r\n" + "0\r\n\r\n";
    private static final String CHUNKED_BODY = "[{\"a\":1},{\"b\":\"0123456789abcdef\"}]";
    private static final String FIXED = "HTTP/1.1 404 Not Found\r\nContent-Length: 13\r\n\r\n{\"error\":\"x\"}";
    private static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\nContent-Type: text/plain\r\n\r\n";

    /** Feeds a connection's bytes cut at the given places and lists the responses read, one per line. */
    private static List<String> read(String wire, int... cuts) throws ProtocolException {
        HttpResponseReader reader = new HttpResponseReader();
        List<String> responses = new ArrayList<>();
        int[] status = {0};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpResponseReader.Handler handler = new HttpResponseReader.Handler() {
            @Override
            public void status(int code) {
                status[0] = code;
            }

            @Override
            public void body(ByteBuffer piece) {
                byte[] bytes = new byte[piece.remaining()];
                piece.get(bytes);
                body.writeBytes(bytes);
            }
        };
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, from, (i < cuts.length ? cuts[i] : bytes.length) - from);
            while (piece.hasRemaining()) {
                if (!reader.feed(piece, handler)) {
                    break;
                }
                responses.add(status[0] + " " + body.toString(StandardCharsets.ISO_8859_1)
                        + (reader.closeAfter() ? " (close)" : ""));
                body.reset();
                reader.reset();
            }
            from = piece.position();
        }
        return responses;
    }

    @Test
    void readsAChunkedBodyWhereverTheBytesAreCut() throws ProtocolException {
        for (int cut = 0; cut <= CHUNKED.length(); cut++) {
            assertThat(read(CHUNKED, cut)).as("cut at %d", cut).containsExactly("200 " + CHUNKED_BODY);
        }
    }

    @Test
    void readsResponsesOneAfterAnotherOnAKeepAliveConnection() throws ProtocolException {
        String wire = CHUNKED + NO_CONTENT + FIXED + NO_CONTENT;
        List<String> expected = List.of("200 " + CHUNKED_BODY, "204 ", "404 {\"error\":\"x\"}", "204 ");

        assertThat(read(wire)).isEqualTo(expected);
        int[] everyByte = new int[wire.length() - 1];
        java.util.Arrays.setAll(everyByte, i -> i + 1);
        assertThat(read(wire, everyByte)).isEqualTo(expected);
    }

    @Test
    void notesWhenTheServerClosesAfterTheResponse() throws ProtocolException {
        assertThat(read("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"))
                .containsExactly("200 ok (close)");
        assertThat(read("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")).containsExactly("200 ok (close)");
    }

    @Test
    void refusesWhatIsNotAnHttpResponse() {
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n\r\nbody")).hasMessageContaining("without Content-Length");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
                .hasMessageContaining("chunk size");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n"))
                .hasMessageContaining("longer than its size");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n" + "X: y\r\n".repeat(4000) + "\r\n"))
                .hasMessageContaining("longer than");
    }
}
