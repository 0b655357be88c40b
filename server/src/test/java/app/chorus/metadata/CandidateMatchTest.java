package app.chorus.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Songs named by a video title, a file name or tags, matched against candidate lists as iTunes
 * and MusicBrainz return them: live versions, remasters, karaoke covers, tribute acts, the same
 * title by someone else and the wrong length among them.
 */
class CandidateMatchTest {

    /** A song to look up, what the catalogue returned, and the candidate expected (null: none). */
    record MatchCase(String description, TrackName wanted, Long durationMs, List<Candidate<String>> candidates,
            String expected) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<MatchCase> catalogueAnswers() {
        return Stream.of(
                new MatchCase("the studio recording wins over a karaoke cover and a live version",
                        video("Adele - Someone Like You (Karaoke Version)", "Sing King"), ms("4:45"), List.of(
                                candidate("karaoke", "Someone Like You (Karaoke Version)", "Karaoke Band", "4:46"),
                                candidate("live", "Someone Like You (Live at the Royal Albert Hall)", "Adele", "5:04"),
                                candidate("studio", "Someone Like You", "Adele", "4:45")), "studio"),
                new MatchCase("a live version scores below the studio one even with no length to go by",
                        video("Jeff Buckley - Hallelujah", null), null, List.of(
                                candidate("live", "Hallelujah (Live at Sin-é)", "Jeff Buckley", null),
                                candidate("studio", "Hallelujah", "Jeff Buckley", null)), "studio"),
                new MatchCase("the same title by other artists is passed over for the wanted artist",
                        video("Jeff Buckley - Hallelujah (Lyrics)", "7clouds"), ms("6:53"), List.of(
                                candidate("cohen", "Hallelujah", "Leonard Cohen", "4:39"),
                                candidate("pentatonix", "Hallelujah", "Pentatonix", "4:28"),
                                candidate("buckley", "Hallelujah", "Jeff Buckley", "6:53")), "buckley"),
                new MatchCase("the same title by other artists only is no match",
                        video("Jeff Buckley - Hallelujah (Lyrics)", "7clouds"), ms("6:53"), List.of(
                                candidate("cohen", "Hallelujah", "Leonard Cohen", "4:39"),
                                candidate("pentatonix", "Hallelujah", "Pentatonix", "6:52")), null),
                new MatchCase("a film cast's cover is passed over for the band",
                        video("ABBA - Mamma Mia (Remastered 2014) [HD]", "ABBA"), ms("3:33"), List.of(
                                candidate("cast", "Mamma Mia", "Cast of Mamma Mia! The Movie", "3:33"),
                                candidate("abba", "Mamma Mia", "ABBA", "3:32")), "abba"),
                new MatchCase("the plain title wins a tie with its remaster",
                        video("Queen – Don't Stop Me Now (Official Video)", "Queen Official"), ms("3:29"), List.of(
                                candidate("remaster", "Don't Stop Me Now (2011 Remaster)", "Queen", "3:29"),
                                candidate("original", "Don't Stop Me Now", "Queen", "3:29")), "original"),
                new MatchCase("a remaster named in the tags picks the remaster",
                        tags("The Beatles", "Let It Be (Remastered 2009)"), ms("4:03"), List.of(
                                candidate("original", "Let It Be", "The Beatles", "4:03"),
                                candidate("remaster", "Let It Be (Remastered 2009)", "The Beatles", "4:03")), "remaster"),
                new MatchCase("a remaster is still the song when it is all there is",
                        file("Beatles - Hey Jude.mp3"), ms("7:11"), List.of(
                                candidate("remaster", "Hey Jude - Remastered 2015", "The Beatles", "7:09")), "remaster"),
                new MatchCase("a tribute band is no match, however close",
                        video("Queen - Bohemian Rhapsody (Official Video)", "Queen Official"), ms("5:55"), List.of(
                                candidate("tribute", "Bohemian Rhapsody", "Queen Tribute Band", "5:55"),
                                candidate("orchestra", "Bohemian Rhapsody", "The Queen Tribute Orchestra", "5:56")), null),
                new MatchCase("karaoke versions by karaoke labels are no match",
                        video("Adele - Hello (Karaoke Version)", "Sing King"), ms("4:55"), List.of(
                                candidate("sing-king", "Hello (Karaoke Version)", "Sing King", "4:55"),
                                candidate("ameritz", "Hello (In the Style of Adele)", "Ameritz Karaoke", "4:54"),
                                candidate("channel", "Hello", "The Karaoke Channel", "4:56")), null),
                new MatchCase("a compilation credit loses to the artist's own",
                        video("Toto - Africa (Official HD Video)", "TOTO"), ms("4:55"), List.of(
                                candidate("compilation", "Africa", "Various Artists", "4:55"),
                                candidate("toto", "Africa", "Toto", "4:55")), "toto"),
                new MatchCase("the recording of the right length wins among same-titled ones",
                        video("Queen - Bohemian Rhapsody (Lyrics)", null), ms("5:55"), List.of(
                                candidate("edit", "Bohemian Rhapsody", "Queen", "2:27"),
                                candidate("album", "Bohemian Rhapsody", "Queen", "5:58")), "album"),
                new MatchCase("the length decides when the video names no artist",
                        video("Someone Like You (Karaoke Version)", "Sing King"), ms("4:45"), List.of(
                                candidate("van-morrison", "Someone Like You", "Van Morrison", "4:06"),
                                candidate("adele", "Someone Like You", "Adele", "4:45")), "adele"),
                new MatchCase("no artist and a length that fits nobody is no match",
                        video("Someone Like You (Karaoke Version)", "Sing King"), ms("3:00"), List.of(
                                candidate("van-morrison", "Someone Like You", "Van Morrison", "4:06"),
                                candidate("adele", "Someone Like You", "Adele", "4:45")), null),
                new MatchCase("with no artist and no length the first of equals wins",
                        video("Dancing Queen (Karaoke) HD", "Stingray Karaoke"), null, List.of(
                                candidate("abba", "Dancing Queen", "ABBA", "3:51"),
                                candidate("cher", "Dancing Queen", "Cher", "3:55")), "abba"),
                new MatchCase("a featured credit in the title matches the featured artist, not the remix",
                        video("Luis Fonsi - Despacito ft. Daddy Yankee (Karaoke Version)", "Sing King"), ms("3:48"),
                        List.of(candidate("remix", "Despacito (feat. Justin Bieber) [Remix]", "Luis Fonsi & Daddy Yankee",
                                        "3:49"),
                                candidate("original", "Despacito (feat. Daddy Yankee)", "Luis Fonsi", "3:48")), "original"),
                new MatchCase("a featured artist in the candidate's title counts",
                        video("Mark Ronson - Uptown Funk (Official Video) ft. Bruno Mars", "Mark Ronson"), ms("4:30"),
                        List.of(candidate("uptown", "Uptown Funk (feat. Bruno Mars)", "Mark Ronson", "4:30")), "uptown"),
                new MatchCase("a featured artist credited alone still counts",
                        video("Mark Ronson - Uptown Funk ft. Bruno Mars (Lyrics)", null), ms("4:30"),
                        List.of(candidate("mars", "Uptown Funk", "Bruno Mars", "4:31")), "mars"),
                new MatchCase("a duet's full credit beats one singer's",
                        video("Shallow - Lady Gaga & Bradley Cooper | Karaoke Version | KaraFun", "KaraFun Karaoke"),
                        ms("3:37"), List.of(candidate("gaga", "Shallow", "Lady Gaga", "3:35"),
                                candidate("duet", "Shallow", "Lady Gaga & Bradley Cooper", "3:36")), "duet"),
                new MatchCase("a duet listed under one singer is still the song",
                        video("Shallow - Lady Gaga & Bradley Cooper | Karaoke Version | KaraFun", "KaraFun Karaoke"),
                        ms("3:37"), List.of(candidate("gaga", "Shallow", "Lady Gaga", "3:35")), "gaga"),
                new MatchCase("a comma and an ampersand credit the same two artists",
                        video("Calvin Harris, Dua Lipa - One Kiss (Official Video)", "Calvin Harris"), ms("3:34"),
                        List.of(candidate("one-kiss", "One Kiss", "Calvin Harris & Dua Lipa", "3:34")), "one-kiss"),
                new MatchCase("apostrophes and a final g do not stand in the way",
                        video("Journey - Don't Stop Believing (Karaoke)", null), ms("4:10"), List.of(
                                candidate("journey", "Don't Stop Believin'", "Journey", "4:11")), "journey"),
                new MatchCase("Guns N Roses without apostrophes is Guns N' Roses",
                        video("Guns N Roses - Sweet Child O Mine (Karaoke)", null), ms("5:56"), List.of(
                                candidate("gnr", "Sweet Child O' Mine", "Guns N' Roses", "5:56")), "gnr"),
                new MatchCase("an accent missing from a file name still matches",
                        file("04 - Beyonce - Halo.mp3"), ms("4:21"), List.of(
                                candidate("hello", "Hello", "Adele", "4:55"),
                                candidate("halo", "Halo", "Beyoncé", "4:21")), "halo"),
                new MatchCase("another song by the same artist is no match",
                        video("Adele - Hello (Karaoke Version)", "Sing King"), ms("4:55"), List.of(
                                candidate("hometown", "Hometown Glory", "Adele", "4:31"),
                                candidate("send", "Send My Love (To Your New Lover)", "Adele", "3:43")), null),
                new MatchCase("a similar title by the same band loses to the exact one",
                        video("Queen - We Will Rock You (Official Video)", "Queen Official"), ms("2:02"), List.of(
                                candidate("champions", "We Are the Champions", "Queen", "2:59"),
                                candidate("live", "We Will Rock You (Live)", "Queen", "2:21"),
                                candidate("studio", "We Will Rock You", "Queen", "2:02")), "studio"),
                new MatchCase("a dashless title that carries the artist still matches",
                        video("Adele Someone Like You Karaoke", "Karaoke Hits"), ms("4:45"), List.of(
                                candidate("adele", "Someone Like You", "Adele", "4:45")), "adele"),
                new MatchCase("a Japanese title matches the studio recording",
                        video("夜に駆ける / YOASOBI (カラオケ)", "カラオケ歌っちゃ王"), ms("4:21"), List.of(
                                candidate("live", "夜に駆ける (Live)", "YOASOBI", "4:30"),
                                candidate("studio", "夜に駆ける", "YOASOBI", "4:21")), "studio"),
                new MatchCase("an acoustic version named in the tags picks the acoustic recording",
                        tags("Ed Sheeran", "Perfect (Acoustic)"), ms("4:20"), List.of(
                                candidate("studio", "Perfect", "Ed Sheeran", "4:23"),
                                candidate("acoustic", "Perfect (Acoustic)", "Ed Sheeran", "4:20")), "acoustic"),
                new MatchCase("a bracket that is part of the name may be left out",
                        video("The Rolling Stones - Satisfaction (Karaoke)", null), ms("3:43"), List.of(
                                candidate("benassi", "Satisfaction", "Benny Benassi", "4:07"),
                                candidate("stones", "(I Can't Get No) Satisfaction", "The Rolling Stones", "3:43")),
                        "stones"),
                new MatchCase("a soundtrack note does not hide the original singer",
                        video("Idina Menzel - Let It Go (From Frozen) (Lyrics)", "DisneyMusicVEVO"), ms("3:44"),
                        List.of(candidate("lovato", "Let It Go", "Demi Lovato", "3:46"),
                                candidate("menzel", "Let It Go (From \"Frozen\"/Soundtrack Version)", "Idina Menzel",
                                        "3:44")), "menzel"),
                new MatchCase("a title-first KaraFun video picks the original performer of a common title",
                        video("Stand by Me - Ben E. King | Karaoke Version | KaraFun", "KaraFun Karaoke"), ms("2:58"),
                        List.of(candidate("oasis", "Stand by Me", "Oasis", "5:56"),
                                candidate("florence", "Stand by Me", "Florence + the Machine", "3:56"),
                                candidate("king", "Stand by Me", "Ben E. King", "2:57")), "king"),
                new MatchCase("and and an ampersand are one word",
                        video("Simon and Garfunkel - The Sound of Silence (Lyrics)", null), ms("3:05"), List.of(
                                candidate("disturbed", "The Sound of Silence", "Disturbed", "4:08"),
                                candidate("simon", "The Sound of Silence", "Simon & Garfunkel", "3:05")), "simon"),
                new MatchCase("a radio edit of the right length beats the long album version",
                        video("Avicii - Levels (Lyrics)", null), ms("3:19"), List.of(
                                candidate("album", "Levels", "Avicii", "5:38"),
                                candidate("radio", "Levels - Radio Edit", "Avicii", "3:19")), "radio"),
                new MatchCase("a compilation's artist tag is treated as no artist",
                        tags("Various Artists", "Sweet Caroline"), ms("3:21"), List.of(
                                candidate("diamond", "Sweet Caroline", "Neil Diamond", "3:21")), "diamond"),
                new MatchCase("a numbered file with no artist is told apart by its length",
                        file("03 - Africa.mp3"), ms("4:55"), List.of(
                                candidate("weezer", "Africa", "Weezer", "4:27"),
                                candidate("toto", "Africa", "Toto", "4:55")), "toto"),
                new MatchCase("a candidate with no artist or length is judged on its title",
                        video("Toto - Africa", null), null, List.of(
                                candidate("bare", "Africa", null, null)), "bare"),
                new MatchCase("an empty answer is no match",
                        video("Toto - Africa", null), ms("4:55"), List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueAnswers")
    void theBestCandidateIsPickedOrNoneWhenNothingFits(MatchCase match) {
        Optional<CandidateMatch.Scored<String>> best = CandidateMatch.best(match.wanted(), match.durationMs(),
                match.candidates());

        assertThat(best.map(scored -> scored.candidate().payload())).isEqualTo(Optional.ofNullable(match.expected()));
        best.ifPresent(scored -> assertThat(scored.score()).isBetween(CandidateMatch.DEFAULT_THRESHOLD, 1.0));
    }

    @Test
    void aLiveVersionScoresBelowThePlainTitle() {
        TrackName wanted = new TrackName("Adele", "Hello");

        assertThat(CandidateMatch.score(wanted, null, candidate("live", "Hello (Live)", "Adele", null)))
                .isLessThan(CandidateMatch.score(wanted, null, candidate("studio", "Hello", "Adele", null)));
    }

    @Test
    void lengthsWithinThreeSecondsGetFullCreditFadingToNoneAtFifteen() {
        assertThat(CandidateMatch.durationCredit(240_000L, 243_000L)).hasValue(1.0);
        assertThat(CandidateMatch.durationCredit(240_000L, 249_000L).getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(CandidateMatch.durationCredit(240_000L, 225_000L)).hasValue(0.0);
        assertThat(CandidateMatch.durationCredit(240_000L, null)).isEmpty();
        assertThat(CandidateMatch.durationCredit(null, 240_000L)).isEmpty();
    }

    @Test
    void anUnknownLengthNeitherHelpsNorHurts() {
        TrackName wanted = new TrackName("Toto", "Africa");
        Candidate<String> africa = candidate("toto", "Africa", "Toto", "4:55");

        assertThat(CandidateMatch.score(wanted, null, africa)).isEqualTo(1.0);
        assertThat(CandidateMatch.score(wanted, ms("4:55"), africa)).isEqualTo(1.0);
        assertThat(CandidateMatch.score(wanted, ms("6:00"), africa)).isLessThan(1.0);
    }

    @Test
    void aBandWithOrWithoutItsLeadingTheIsTheSameBand() {
        TrackName wanted = new TrackName("Beatles", "Yesterday");

        assertThat(CandidateMatch.score(wanted, null, candidate("yesterday", "Yesterday", "The Beatles", null)))
                .isEqualTo(1.0);
    }

    @Test
    void aStricterThresholdTurnsAwayAMatchTheDefaultAccepts() {
        TrackName wanted = new TrackName("Queen", "Bohemian Rhapsody");
        List<Candidate<String>> wrongLength = List.of(candidate("edit", "Bohemian Rhapsody", "Queen", "2:27"));

        assertThat(CandidateMatch.best(wanted, ms("5:55"), wrongLength)).isPresent();
        assertThat(CandidateMatch.best(wanted, ms("5:55"), wrongLength, 0.9)).isEmpty();
    }

    private static TrackName video(String videoTitle, String channel) {
        return TrackNames.fromVideoTitle(videoTitle, channel);
    }

    private static TrackName file(String fileName) {
        return TrackNames.fromFileName(fileName);
    }

    private static TrackName tags(String artist, String title) {
        return TrackNames.fromTags(artist, title).orElseThrow();
    }

    private static Candidate<String> candidate(String id, String title, String artist, String length) {
        return new Candidate<>(title, artist, length == null ? null : ms(length), id);
    }

    /** "4:45" as milliseconds. */
    private static Long ms(String minutesAndSeconds) {
        String[] parts = minutesAndSeconds.split(":");
        return (Long.parseLong(parts[0]) * 60 + Long.parseLong(parts[1])) * 1000;
    }
}
