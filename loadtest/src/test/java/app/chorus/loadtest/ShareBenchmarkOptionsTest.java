package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShareBenchmarkOptionsTest {

    @Test
    void theDefaultsAreTheReferenceRun() {
        ShareBenchmarkOptions options = ShareBenchmarkOptions.parse(new String[0]);

        assertThat(options.listeners).isEqualTo(500);
        assertThat(options.chunkSeconds).containsExactly(0.5, 0.1);
        assertThat(options.modes).containsExactly(ShareBenchmarkOptions.Mode.POLL, ShareBenchmarkOptions.Mode.PUSH);
        assertThat(options.pollAudio).isEqualTo(Duration.ofMillis(400));
        assertThat(options.pollMetadata).isEqualTo(Duration.ofMillis(500));
        assertThat(options.healthUrl).isEqualTo(URI.create("http://127.0.0.1:8000/health"));
        assertThat(options.wsUrl()).isEqualTo(URI.create("ws://127.0.0.1:8000/ws"));
    }

    @Test
    void readsListsAndBothOptionForms() {
        ShareBenchmarkOptions options = ShareBenchmarkOptions.parse(new String[] {
            "--url", "http://localhost:9000", "--chunks=0.1", "--modes", "push, poll", "--duration", "20",
            "--server-pid", "42"});

        assertThat(options.chunkSeconds).isEqualTo(List.of(0.1));
        assertThat(options.modes).containsExactly(ShareBenchmarkOptions.Mode.PUSH, ShareBenchmarkOptions.Mode.POLL);
        assertThat(options.durationSeconds).isEqualTo(20);
        assertThat(options.serverPid).isEqualTo(42);
        assertThat(options.wsUrl()).isEqualTo(URI.create("ws://localhost:9000/ws"));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> ShareBenchmarkOptions.parse(new String[] {"--url", "https://x"}))
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> ShareBenchmarkOptions.parse(new String[] {"--modes", "carrier-pigeon"}))
                .hasMessageContaining("unknown mode");
        assertThatThrownBy(() -> ShareBenchmarkOptions.parse(new String[] {"--chunks", "5"}))
                .hasMessageContaining("between");
        assertThatThrownBy(() -> ShareBenchmarkOptions.parse(new String[] {"--listeners", "many"}))
                .hasMessageContaining("bad value");
        assertThatThrownBy(() -> ShareBenchmarkOptions.parse(new String[] {"--bogus", "1"}))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> ShareBenchmarkOptions.parse(new String[] {"--duration"}))
                .hasMessageContaining("missing value");
    }
}
