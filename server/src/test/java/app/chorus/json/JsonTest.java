package app.chorus.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared JSON configuration: snake_case names and plain decimal timestamps, as the original servers write them. */
class JsonTest {
    private final ObjectMapper json = Json.newMapper();

    record Stamped(double timestamp, Double createdAt, long version) {
    }

    @Test
    void epochSecondsAreWrittenAsPlainDecimalsEverywhere() throws Exception {
        assertThat(json.writeValueAsString(new Stamped(1795267542.29, 1795267542.0, 1795267542290L)))
                .isEqualTo("{\"timestamp\":1795267542.29,\"created_at\":1795267542.0,\"version\":1795267542290}");
        assertThat(json.writeValueAsString(Map.of("timestamp", 1795267542.29))).isEqualTo("{\"timestamp\":1795267542.29}");
        assertThat(json.writeValueAsString(new Object[] {"ping", Map.of("timestamp", 1795267542.5)}))
                .isEqualTo("[\"ping\",{\"timestamp\":1795267542.5}]");
        assertThat(json.writeValueAsString(List.of(0.5, 213.0, 1e-3))).isEqualTo("[0.5,213.0,0.001]");
    }
}
