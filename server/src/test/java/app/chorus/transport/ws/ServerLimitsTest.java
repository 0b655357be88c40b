package app.chorus.transport.ws;

import static app.chorus.testing.WsTestClient.object;
import static app.chorus.transport.ws.ProtocolAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.TestServer;
import app.chorus.testing.WsTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Server-wide limits, and the graceful stop that tells every client it is going away. */
class ServerLimitsTest {

    @Test
    void theRoomLimitStopsNewRoomsFromHttpAndFromJoinButNotJoiningExistingOnes() {
        try (TestServer server = TestServer.start("--rooms-max", "2");
             WsTestClient client = server.connect()) {
            assertThat(server.post("/rooms/create", "{\"room_id\":\"one\",\"password\":\"\"}").statusCode()).isEqualTo(200);
            assertThat(server.post("/rooms/create", "{\"room_id\":\"two\",\"password\":\"\"}").statusCode()).isEqualTo(200);

            var refused = server.post("/rooms/create", "{\"room_id\":\"three\",\"password\":\"\"}");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).isEqualTo("{\"detail\":\"Room limit reached (2 rooms)\"}");

            client.handshake("controller");
            String request = client.sendWithRequestId("join_room", object("room_id", "four"));
            assertError(client.expect("ack").get("error"), "limit_exceeded", "Room limit reached (2 rooms)", request);
            String existing = client.sendWithRequestId("join_room", object("room_id", "two"));
            assertThat(client.skipToAck(existing).get("success").asBoolean()).isTrue();
        }
    }

    @Test
    void theServerDeclinesPerMessageCompressionToKeepEachSocketSmall() throws Exception {
        try (TestServer server = TestServer.start();
             Socket socket = new Socket("127.0.0.1", server.port())) {
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> headers = new ArrayList<>();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            assertThat(headers.getFirst()).contains("101");
            assertThat(headers).noneMatch(header -> header.startsWith("sec-websocket-extensions"));
        }
    }

    @Test
    void aGracefulStopClosesEverySocketWithGoingAway() {
        TestServer server = TestServer.start();
        WsTestClient display = server.connect();
        WsTestClient phone = server.connect();
        display.handshake("display");
        phone.handshake("controller");
        assertThat(display.skipToAck(display.sendWithRequestId("join_room", object("room_id", "bye"))).get("success").asBoolean()).isTrue();

        server.close();

        assertThat(display.awaitClose(Duration.ofSeconds(5))).isEqualTo(1001);
        assertThat(phone.awaitClose(Duration.ofSeconds(5))).isEqualTo(1001);
    }
}
