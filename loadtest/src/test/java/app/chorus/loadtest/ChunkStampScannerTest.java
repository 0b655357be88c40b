package app.chorus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkStampScannerTest {

    /** Two chunks as the server answers GET .../audio (the data shortened). */
    private static final String ANSWER = "[{\"data\":\"AAAAAAAAAAA=\",\"sampleRate\":44100,\"channels\":2,\"timestamp\":1000,"
            + "\"sequenceNumber\":0,\"format\":\"pcm_f32le\"},{\"data\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"sampleRate\":44100,"
            + "\"channels\":2,\"timestamp\":1795295724774,\"sequenceNumber\":1,\"format\":\"pcm_f32le\"}]";

    private record Scan(List<String> chunks, String problem) {
    }

    private static Scan scan(String body, int... cuts) {
        List<String> chunks = new ArrayList<>();
        ChunkStampScanner scanner = new ChunkStampScanner((sequenceNumber, timestamp) -> chunks.add(sequenceNumber + "@" + timestamp));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            ByteBuffer piece = ByteBuffer.allocateDirect(to - from + 3).position(3);
            piece.put(bytes, from, to - from).flip().position(3);
            scanner.feed(piece);
            assertThat(piece.hasRemaining()).isFalse();
            from = to;
        }
        return new Scan(chunks, scanner.finish());
    }

    @Test
    void findsEachChunksNumbersInOrder() {
        assertThat(scan(ANSWER)).isEqualTo(new Scan(List.of("0@1000", "1@1795295724774"), null));
    }

    @Test
    void findsThemWhereverTheBodyIsCut() {
        for (int cut = 0; cut <= ANSWER.length(); cut++) {
            assertThat(scan(ANSWER, cut)).as("cut at %d", cut)
                    .isEqualTo(new Scan(List.of("0@1000", "1@1795295724774"), null));
        }
        for (int first = 0; first <= ANSWER.length(); first += 3) {
            for (int second = first; second <= ANSWER.length(); second += 5) {
                assertThat(scan(ANSWER, first, second).chunks()).hasSize(2);
            }
        }
    }

    @Test
    void isNotMisledByKeysInsideStringsNestedValuesOrWhitespace() {
        String tricky = " [ {\"data\" : \"x\\\"sequenceNumber\\\":9,\\\\\" , \"nested\": {\"timestamp\": 5, \"list\": [1, {\"a\": \"]\"}]},"
                + " \"ok\": true, \"none\": null, \"rate\": 1.5e3,\n\"timestamp\" : 12 , \"sequenceNumber\":3 } ] \n";

        assertThat(scan(tricky)).isEqualTo(new Scan(List.of("3@12"), null));
    }

    @Test
    void anEmptyArrayHasNoChunks() {
        assertThat(scan("[]")).isEqualTo(new Scan(List.of(), null));
    }

    @Test
    void saysWhatIsWrongWithAnAnswerItCannotRead() {
        assertThat(scan("{\"error\":\"x\"}").problem()).contains("not a JSON array");
        assertThat(scan("[1,2]").problem()).contains("other than chunk objects");
        assertThat(scan("[{\"sequenceNumber\":1}]").problem()).contains("without");
        assertThat(scan("[{\"sequenceNumber\":1.5,\"timestamp\":2}]").problem()).contains("without");
        assertThat(scan("[{\"sequenceNumber\":-1,\"timestamp\":2}]").problem()).contains("without");
        assertThat(scan(ANSWER.substring(0, ANSWER.length() - 1)).problem()).contains("ended before");
        assertThat(scan(ANSWER + "[]").problem()).contains("after the end");
    }
}
