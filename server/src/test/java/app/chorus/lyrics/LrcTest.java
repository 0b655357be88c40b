package app.chorus.lyrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading and writing LRC: stamps, tags, word timing, bad lines, round trips and shifting. */
class LrcTest {

    private static List<Long> starts(Lyrics lyrics) {
        return lyrics.lines().stream().map(LyricLine::startMs).toList();
    }

    private static List<String> texts(Lyrics lyrics) {
        return lyrics.lines().stream().map(LyricLine::text).toList();
    }

    @Test
    void everyStampFormatIsReadToMilliseconds() {
        Lyrics lyrics = Lrc.parse("""
                [00:01.50]hundredths
                [00:02]whole seconds
                [00:03.125]milliseconds
                [0:04.5]tenths with one minute digit
                [00:05:25]colon before the fraction
                [75:06.00]past an hour
                """);

        assertThat(lyrics.synced()).isTrue();
        assertThat(lyrics.problems()).isEmpty();
        assertThat(starts(lyrics)).containsExactly(1_500L, 2_000L, 3_125L, 4_500L, 5_250L, 75 * 60_000L + 6_000L);
        assertThat(lyrics.lines().getFirst().text()).isEqualTo("hundredths");
    }

    @Test
    void eachLineEndsWhereTheNextBeginsAndTheLastFiveSecondsLater() {
        Lyrics lyrics = Lrc.parse("[00:10.00]one\n[00:12.50]two\n[00:20.00]three\n");

        assertThat(lyrics.lines()).extracting(LyricLine::endMs).containsExactly(12_500L, 20_000L, 25_000L);
    }

    @Test
    void theLastLineEndsAtTheSongsDurationOrElseAtTheLengthTag() {
        String text = "[length:03:30]\n[00:10.00]one\n[00:12.00]two\n";

        assertThat(Lrc.parse(text).lines().getLast().endMs()).isEqualTo(210_000L);
        assertThat(Lrc.parse(text, 200_000).lines().getLast().endMs()).isEqualTo(200_000L);
    }

    @Test
    void severalStampsOnOneLineGiveOneLinePerStampInTimeOrder() {
        Lyrics lyrics = Lrc.parse("[00:12.00][01:30.50]Chorus line\n[00:20.00]Verse\n");

        assertThat(starts(lyrics)).containsExactly(12_000L, 20_000L, 90_500L);
        assertThat(texts(lyrics)).containsExactly("Chorus line", "Verse", "Chorus line");
    }

    @Test
    void linesOutOfOrderAreSortedAndEqualTimesKeepTheirOrder() {
        Lyrics lyrics = Lrc.parse("[00:30.00]c\n[00:10.00]a\n[00:10.00]b\n");

        assertThat(texts(lyrics)).containsExactly("a", "b", "c");
        assertThat(lyrics.lines().getFirst().endMs()).isEqualTo(10_000L);
    }

    @Test
    void metadataTagsAreReadAndUnknownTagsKept() {
        Lyrics lyrics = Lrc.parse("""
                [ti: Bohemian Rhapsody]
                [ar:Queen]
                [al:A Night at the Opera]
                [au:Freddie Mercury]
                [by:someone]
                [length:05:55]
                [re:an editor]
                [ve:1.0]
                [x-custom:kept]
                [00:01.00]Is this the real life?
                """);

        assertThat(lyrics.tags()).containsExactly(Map.entry("ti", "Bohemian Rhapsody"), Map.entry("ar", "Queen"),
                Map.entry("al", "A Night at the Opera"), Map.entry("au", "Freddie Mercury"), Map.entry("by", "someone"),
                Map.entry("length", "05:55"), Map.entry("re", "an editor"), Map.entry("ve", "1.0"),
                Map.entry("x-custom", "kept"));
        assertThat(texts(lyrics)).containsExactly("Is this the real life?");
    }

    @Test
    void aPositiveOffsetMakesTheLyricsAppearSoonerAndIsFoldedIntoTheTimes() {
        Lyrics sooner = Lrc.parse("[offset:+500]\n[00:10.00]a\n[00:00.20]clamped\n");
        Lyrics later = Lrc.parse("[offset:-250]\n[00:10.00]a\n");

        assertThat(starts(sooner)).containsExactly(0L, 9_500L);
        assertThat(starts(later)).containsExactly(10_250L);
        assertThat(sooner.tags()).doesNotContainKey("offset");
        assertThat(Lrc.write(sooner)).doesNotContain("offset").contains("[00:09.50]a");
    }

    @Test
    void wordTimingGivesWordsThatEndWhereTheNextBegins() {
        Lyrics lyrics = Lrc.parse("[00:12.00]<00:12.00>Hello <00:12.60>big <00:13.10>world\n[00:15.00]next\n");

        LyricLine line = lyrics.lines().getFirst();
        assertThat(line.text()).isEqualTo("Hello big world");
        assertThat(line.words()).containsExactly(new LyricWord(12_000, 12_600, "Hello "),
                new LyricWord(12_600, 13_100, "big "), new LyricWord(13_100, 15_000, "world"));
    }

    @Test
    void aTrailingWordMarkEndsTheLastWordAndTextBeforeTheFirstMarkStartsWithTheLine() {
        Lyrics lyrics = Lrc.parse("[00:12.00]Hello <00:12.50>world<00:13.00>\n[00:20.00]next\n");

        assertThat(lyrics.lines().getFirst().words()).containsExactly(new LyricWord(12_000, 12_500, "Hello "),
                new LyricWord(12_500, 13_000, "world"));
    }

    @Test
    void wordTimesOfARepeatedLineMoveWithEachStamp() {
        Lyrics lyrics = Lrc.parse("[00:10.00][01:00.00]<00:10.00>la <00:10.50>la\n");

        assertThat(lyrics.lines().getLast().words()).extracting(LyricWord::startMs).containsExactly(60_000L, 60_500L);
    }

    @Test
    void textWithoutAnyStampIsPlainLyricsWithStanzaBreaksAndBracketedHeadings() {
        Lyrics lyrics = Lrc.parse("\n[Verse 1: Queen]\nIs this the real life?\n\nIs this just fantasy?\n\n");

        assertThat(lyrics.synced()).isFalse();
        assertThat(lyrics.problems()).isEmpty();
        assertThat(texts(lyrics)).containsExactly("[Verse 1: Queen]", "Is this the real life?", "", "Is this just fantasy?");
        assertThat(lyrics.plainText()).isEqualTo("[Verse 1: Queen]\nIs this the real life?\n\nIs this just fantasy?");
    }

    @Test
    void malformedLinesAreSkippedAndReportedWithoutLosingTheGoodOnes() {
        Lyrics lyrics = Lrc.parse("""
                [00:01.00]first
                [00:7x.00]bad digits
                [01:75.00]seconds past 59
                just text among timed lines
                [00:02.00][00:xx]stamp then garbage
                [00:03.00]third
                """);

        assertThat(texts(lyrics)).containsExactly("first", "third");
        assertThat(lyrics.problems()).hasSize(4);
        assertThat(lyrics.problems().getFirst()).startsWith("line 2:").contains("bad time stamp");
        assertThat(lyrics.problems().get(2)).startsWith("line 4:").contains("without a time stamp");
    }

    @Test
    void aStampWithoutTextIsKeptAsAnInstrumentalGap() {
        Lyrics lyrics = Lrc.parse("[00:01.00]sing\n[00:05.00]\n[00:20.00]again\n[00:30.00]<00:30.00>\n");

        assertThat(texts(lyrics)).containsExactly("sing", "", "again", "");
        assertThat(lyrics.lines().get(1).endMs()).isEqualTo(20_000L);
        assertThat(lyrics.plainText()).isEqualTo("sing\nagain");
        assertThat(lyrics.lines().getLast().words()).isEmpty();
    }

    @Test
    void aWordMarkThatIsNotATimeStaysInTheWordsText() {
        Lyrics lyrics = Lrc.parse("[00:01.00]<00:01.00>one <00:99.00>two\n");

        assertThat(lyrics.lines().getFirst().words()).containsExactly(new LyricWord(1_000, 6_000, "one <00:99.00>two"));
        assertThat(lyrics.problems()).singleElement().asString().contains("bad word time <00:99.00>");
    }

    @Test
    void aFileOfGarbageReportsABoundedListOfProblems() {
        Lyrics lyrics = Lrc.parse("[00:01.00]ok\n" + "[9:99]x\n".repeat(500));

        assertThat(texts(lyrics)).containsExactly("ok");
        assertThat(lyrics.problems()).hasSize(51).last().asString().contains("450 more");
    }

    @Test
    void writeGivesCanonicalLrcWithTagsFirst() {
        Lyrics lyrics = Lrc.parse("[00:02.5]two\n[x-tool:abc]\n[ar:Queen]\n[ti:Song]\n[0:01.123]<0:01.123>one <0:01.5>word\n");

        assertThat(Lrc.write(lyrics)).isEqualTo("""
                [ti:Song]
                [ar:Queen]
                [x-tool:abc]
                [00:01.123]<00:01.123>one <00:01.50>word
                [00:02.50]two
                """);
    }

    @Test
    void writingThenReadingGivesBackTheSameLyrics() {
        List<String> inputs = List.of(
                "[00:01.00]a\n[00:02.00]b\n",
                "[ti:T]\n[ar:A]\n[length:2:00]\n[foo:bar]\n[00:10.00][00:50.00]chorus\n[00:20.00]\n[00:30.5]verse\n",
                "[offset:1500]\n[00:01.00]clamped\n[00:03.00]<00:03.00>a <00:03.40>b<00:03.90> <00:04.10>c<00:04.20>\n",
                "[00:05.00]<00:06.00>late <00:05.50>early out of order\n[00:09.999]ms\n",
                "[00:01.00]Hello <00:01.30>世<00:01.60>界\n",
                "Plain words\n\nsecond stanza\n",
                "[ar:Plain Artist]\nplain with a tag\n",
                "[00:00.00]at zero\n[99:59.99]late\n");
        for (String input : inputs) {
            for (long duration : new long[] {0, 3_600_000}) {
                Lyrics parsed = Lrc.parse(input, duration);
                Lyrics again = Lrc.parse(Lrc.write(parsed), duration);

                assertThat(again.problems()).as("problems of %s", input).isEmpty();
                assertThat(again.synced()).as(input).isEqualTo(parsed.synced());
                assertThat(again.tags()).as(input).containsExactlyEntriesOf(parsed.tags());
                assertThat(again.lines()).as(input).isEqualTo(parsed.lines());
                assertThat(Lrc.write(again)).as("writing is stable for %s", input).isEqualTo(Lrc.write(parsed));
            }
        }
    }

    @Test
    void shiftMovesEveryLineAndWordTimeAndStopsAtZero() {
        Lyrics lyrics = Lrc.parse("[00:01.00]<00:01.00>a <00:01.50>b\n[00:04.00]c\n");

        Lyrics later = lyrics.shift(2_000);
        Lyrics earlier = lyrics.shift(-1_200);

        assertThat(starts(later)).containsExactly(3_000L, 6_000L);
        assertThat(later.lines().getFirst().words()).containsExactly(new LyricWord(3_000, 3_500, "a "),
                new LyricWord(3_500, 6_000, "b"));
        assertThat(later.lines().getLast().endMs()).isEqualTo(11_000L);
        assertThat(starts(earlier)).containsExactly(0L, 2_800L);
        assertThat(earlier.lines().getFirst().words()).extracting(LyricWord::startMs).containsExactly(0L, 300L);
        assertThat(Lrc.parse(Lrc.write(later)).lines().getFirst().words()).isEqualTo(later.lines().getFirst().words());
    }

    @Test
    void plainLyricsDoNotShiftAndNothingGivesNoLyrics() {
        Lyrics plain = Lrc.parse("just words");

        assertThat(plain.shift(1_000)).isEqualTo(plain);
        assertThat(Lrc.parse(null)).isEqualTo(Lyrics.NONE);
        assertThat(Lrc.parse("  \n ")).isEqualTo(Lyrics.NONE);
    }

    @Test
    void aBadOffsetOrLengthIsReportedAndIgnored() {
        Lyrics lyrics = Lrc.parse("[offset:soon]\n[length:long]\n[00:01.00]a\n");

        assertThat(starts(lyrics)).containsExactly(1_000L);
        assertThat(lyrics.lines().getFirst().endMs()).isEqualTo(6_000L);
        assertThat(lyrics.problems()).hasSize(2);
    }

    @Test
    void plainLyricsFromTheSongAreTakenAsTextEvenWhenTheyLookTimed() {
        Lyrics plain = Lrc.plain("[00:01.00]not a time here\nsecond\n");

        assertThat(plain.synced()).isFalse();
        assertThat(texts(plain)).containsExactly("[00:01.00]not a time here", "second");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreHarmless() {
        Lyrics lyrics = Lrc.parse("\uFEFF[ti:T]\r\n[00:01.00]a\r\n[00:02.00]b\r\n");

        assertThat(lyrics.tags()).containsEntry("ti", "T");
        assertThat(texts(lyrics)).containsExactly("a", "b");
        assertThat(lyrics.problems()).isEmpty();
    }
}
