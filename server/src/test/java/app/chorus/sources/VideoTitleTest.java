package app.chorus.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Video titles as karaoke channels and music labels write them, read into a song's title and artist. */
class VideoTitleTest {

    static Stream<Arguments> titlesThatNameTheArtist() {
        return Stream.of(
                Arguments.of("Adele - Someone Like You (Karaoke Version)", "Someone Like You", "Adele"),
                Arguments.of("Bohemian Rhapsody - Queen | Karaoke Version | KaraFun", "Bohemian Rhapsody", "Queen"),
                Arguments.of("Shallow - Lady Gaga & Bradley Cooper | Karaoke Version | KaraFun", "Shallow",
                        "Lady Gaga & Bradley Cooper"),
                Arguments.of("Queen – Don't Stop Me Now (Official Video)", "Don't Stop Me Now", "Queen"),
                Arguments.of("[KARAOKE] Whitney Houston - I Will Always Love You", "I Will Always Love You",
                        "Whitney Houston"),
                Arguments.of("Journey - Don't Stop Believin' [Karaoke Instrumental] HD", "Don't Stop Believin'", "Journey"),
                Arguments.of("Someone Like You (In the Style of Adele) (Karaoke Version)", "Someone Like You", "Adele"),
                Arguments.of("The Buggles - Video Killed the Radio Star (Lyrics)", "Video Killed the Radio Star",
                        "The Buggles"),
                Arguments.of("The Rolling Stones - (I Can't Get No) Satisfaction (Official Lyric Video)",
                        "(I Can't Get No) Satisfaction", "The Rolling Stones"),
                Arguments.of("Toto - Africa - Karaoke Version", "Africa", "Toto"),
                Arguments.of("Bon Jovi - Livin' On A Prayer | Lyrics", "Livin' On A Prayer", "Bon Jovi"),
                Arguments.of("Sweet Caroline | Neil Diamond | Karaoke", "Sweet Caroline", "Neil Diamond"),
                Arguments.of("ABBA - Mamma Mia (Remastered 2014) [HD]", "Mamma Mia", "ABBA"),
                Arguments.of("Ed Sheeran - Perfect [Official Music Video]", "Perfect", "Ed Sheeran"),
                Arguments.of("Frank Sinatra - My Way (Instrumental)", "My Way", "Frank Sinatra"),
                Arguments.of("Luis Fonsi - Despacito ft. Daddy Yankee (Karaoke Version)", "Despacito ft. Daddy Yankee",
                        "Luis Fonsi"),
                Arguments.of("Mariah Carey - All I Want For Christmas Is You (Karaoke Version with Lyrics) HD",
                        "All I Want For Christmas Is You", "Mariah Carey"),
                Arguments.of("  Oasis  -  Wonderwall   (Karaoke)  ", "Wonderwall", "Oasis"),
                Arguments.of("Jay-Z - Empire State Of Mind (Karaoke)", "Empire State Of Mind", "Jay-Z"),
                Arguments.of("Karaoke - a-ha - Take On Me", "Take On Me", "a-ha"),
                Arguments.of("Elvis Presley - \"Can't Help Falling in Love\" (Audio)", "Can't Help Falling in Love",
                        "Elvis Presley"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("titlesThatNameTheArtist")
    void theTitleAndTheArtistAreReadAndTheDecorationsDropped(String videoTitle, String title, String artist) {
        VideoTitle parsed = VideoTitle.parse(videoTitle);

        assertThat(parsed.title()).isEqualTo(title);
        assertThat(parsed.artist()).isEqualTo(artist);
    }

    static Stream<Arguments> titlesWithoutAnArtist() {
        return Stream.of(
                Arguments.of("Don't Stop Believin' [Karaoke]", "Don't Stop Believin'"),
                Arguments.of("Dancing Queen (Karaoke) HD", "Dancing Queen"),
                Arguments.of("Hallelujah (Live)", "Hallelujah (Live)"),
                Arguments.of("Bohemian Rhapsody *", "Bohemian Rhapsody"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("titlesWithoutAnArtist")
    void aTitleWithoutADashNamesNoArtistAndKeepsWhatIsPartOfTheSong(String videoTitle, String title) {
        VideoTitle parsed = VideoTitle.parse(videoTitle);

        assertThat(parsed.title()).isEqualTo(title);
        assertThat(parsed.artist()).isNull();
    }

    @Test
    void aTitleThatIsAllDecorationIsKeptAsItIs() {
        assertThat(VideoTitle.parse("Karaoke")).isEqualTo(new VideoTitle("Karaoke", null));
        assertThat(VideoTitle.parse("(Karaoke Version)")).isEqualTo(new VideoTitle("(Karaoke Version)", null));
        assertThat(VideoTitle.parse("  ").title()).isEqualTo("Untitled");
    }

    @Test
    void topicAndVevoChannelsNameTheArtist() {
        assertThat(VideoTitle.channelAsArtist("ABBA - Topic")).isEqualTo("ABBA");
        assertThat(VideoTitle.channelAsArtist("JourneyVEVO")).isEqualTo("Journey");
        assertThat(VideoTitle.channelAsArtist("KatyPerryVEVO")).isEqualTo("Katy Perry");
        assertThat(VideoTitle.channelAsArtist("ACDCVEVO")).isEqualTo("ACDC");
        assertThat(VideoTitle.channelAsArtist("Sing King")).isEqualTo("Sing King");
        assertThat(VideoTitle.channelAsArtist("VEVO")).as("a channel called just VEVO keeps its name").isEqualTo("VEVO");
        assertThat(VideoTitle.channelAsArtist("")).isNull();
        assertThat(VideoTitle.channelAsArtist(null)).isNull();
    }
}
