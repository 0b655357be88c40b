package app.chorus.share;

import java.util.function.Consumer;
import java.util.function.Function;

/** The session rules on the in-process store. */
class MemorySharesTest extends SharesContract {
    @Override
    ShareStore newStore() {
        return new MemoryShareStore();
    }

    @Override
    Function<Consumer<ShareEvent>, ShareRelay> relays() {
        return ShareRelay::local;
    }
}
