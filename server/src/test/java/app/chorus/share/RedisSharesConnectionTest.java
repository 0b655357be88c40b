package app.chorus.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.chorus.testing.RedisServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Redis URL that cannot work fails at start, saying which URL, never showing its password. */
class RedisSharesConnectionTest {
    private static final String SECRET = "s3cret-Word";
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static String everything(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anUnreachableRedisFailsNamingTheUrlWithoutItsPassword() throws IOException {
        int port = closedPort();
        Throwable thrown = catchThrowable(() -> RedisShare.connect("redis://:" + SECRET + "@127.0.0.1:" + port, SharesContract.LIMITS));
        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redis://***@127.0.0.1:" + port);
        assertThat(everything(thrown)).doesNotContain(SECRET);
    }

    @Test
    void aWrongPasswordFailsNamingTheUserButNotThePassword() {
        String url = redis.url().replace("redis://", "redis://chorus:" + SECRET + "@");
        Throwable thrown = catchThrowable(() -> RedisShare.connect(url, SharesContract.LIMITS));
        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redis://chorus:***@127.0.0.1:" + redis.port());
        assertThat(everything(thrown)).doesNotContain(SECRET);
    }

    @Test
    void aMalformedUrlIsRefusedNamingIt() {
        for (String url : new String[] {"redis://user:" + SECRET + "@ho st:6379", "redis://:" + SECRET + "@[::1",
                "redis://user:" + SECRET + "@host:99999999", "redis://127.0.0.1:6379/abc", "http://127.0.0.1:6379", "localhost:6379"}) {
            Throwable thrown = catchThrowable(() -> RedisShare.connect(url, SharesContract.LIMITS));
            assertThat(thrown).as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(RedisShare.masked(url));
            assertThat(everything(thrown)).as(url).doesNotContain(SECRET);
        }
        assertThat(catchThrowable(() -> RedisShare.connect(" ", SharesContract.LIMITS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void aReachableRedisIsNamedAsRedisInTheFigures() {
        RedisShare share = RedisShare.connect(redis.url(), SharesContract.LIMITS);
        try (Shares shares = new Shares(share.store(), share.relays(), SharesContract.LIMITS, new app.chorus.testing.ManualClock(0))) {
            assertThat(shares.describe()).containsEntry("store", "redis").containsEntry("active_sessions", 0);
        }
    }
}
