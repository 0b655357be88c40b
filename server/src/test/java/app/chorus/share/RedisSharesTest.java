package app.chorus.share;

import app.chorus.testing.RedisServer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The session rules on a real Redis: the store's Lua scripts and the pub/sub relay. */
class RedisSharesTest extends SharesContract {
    private static RedisServer redis;
    private RedisShare share;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    /** Runs before each test (the contract builds its Shares from it), on an empty Redis. */
    @Override
    ShareStore newStore() {
        redis.flushAll();
        share = RedisShare.connect(redis.url(), LIMITS);
        return share.store();
    }

    @Override
    Function<Consumer<ShareEvent>, ShareRelay> relays() {
        return share.relays();
    }
}
