package app.chorus.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Video titles as karaoke channels, labels and fans write them, read into a song's artist, title and featured. */
class TrackNamesTest {

    static Stream<Arguments> karaokeChannelTitles() {
        return Stream.of(
                video("Adele - Someone Like You (Karaoke Version)", "Sing King", "Adele", "Someone Like You"),
                video("Lewis Capaldi - Someone You Loved (Karaoke Version)", "Sing King", "Lewis Capaldi",
                        "Someone You Loved"),
                video("Adele - Hello | Sing King Karaoke", "Sing King", "Adele", "Hello"),
                video("Bohemian Rhapsody - Queen | Karaoke Version | KaraFun", "KaraFun Karaoke", "Queen",
                        "Bohemian Rhapsody"),
                video("Shallow - Lady Gaga & Bradley Cooper | Karaoke Version | KaraFun", "KaraFun Karaoke",
                        "Lady Gaga & Bradley Cooper", "Shallow"),
                video("Stand by Me - Ben E. King | Karaoke Version | KaraFun", "KaraFun Karaoke", "Ben E. King",
                        "Stand by Me"),
                video("Bonnie Tyler - Total Eclipse of the Heart (Karaoke Version)", "Stingray Karaoke", "Bonnie Tyler",
                        "Total Eclipse of the Heart"),
                video("Total Eclipse of the Heart (Karaoke Version) - Bonnie Tyler", "Stingray Karaoke", "Bonnie Tyler",
                        "Total Eclipse of the Heart"),
                video("Adele - Someone Like You - Karaoke Version from Zoom Karaoke", "Zoom Karaoke", "Adele",
                        "Someone Like You"),
                video("Oasis - Don't Look Back In Anger (Karaoke Version from Zoom Karaoke)", "Zoom Karaoke", "Oasis",
                        "Don't Look Back In Anger"),
                video("Someone Like You (In the Style of Adele) (Karaoke Version)", "Sunfly Karaoke", "Adele",
                        "Someone Like You"),
                video("Toto - Africa (Karaoke Version) - Sing King", "Sing King", "Toto", "Africa"),
                video("Someone Like You (Karaoke Version)", "Sing King", null, "Someone Like You"),
                video("[KARAOKE] Whitney Houston - I Will Always Love You", null, "Whitney Houston",
                        "I Will Always Love You"),
                video("Whitney Houston - I Wanna Dance With Somebody (Who Loves Me) (Karaoke Version)", "Sing King",
                        "Whitney Houston", "I Wanna Dance With Somebody (Who Loves Me)"),
                video("Journey - Don't Stop Believin' [Karaoke Instrumental] HD", null, "Journey", "Don't Stop Believin'"),
                video("Toto - Africa - Karaoke Version", null, "Toto", "Africa"),
                video("Sweet Caroline | Neil Diamond | Karaoke", null, "Neil Diamond", "Sweet Caroline"),
                video("Mariah Carey - All I Want For Christmas Is You (Karaoke Version with Lyrics) HD", null,
                        "Mariah Carey", "All I Want For Christmas Is You"),
                video("  Oasis  -  Wonderwall   (Karaoke)  ", null, "Oasis", "Wonderwall"),
                video("Jay-Z - Empire State Of Mind (Karaoke)", null, "Jay-Z", "Empire State Of Mind"),
                video("Karaoke - a-ha - Take On Me", null, "a-ha", "Take On Me"),
                video("Adele \"Hello\" Karaoke Version", null, "Adele", "Hello"),
                video("\"Hello\" by Adele (Karaoke)", null, "Adele", "Hello"),
                video("Luis Fonsi - Despacito ft. Daddy Yankee (Karaoke Version)", "Sing King", "Luis Fonsi",
                        "Despacito", "Daddy Yankee"),
                video("Cheap Thrills - Sia feat. Sean Paul | Karaoke Version | KaraFun", "KaraFun Karaoke", "Sia",
                        "Cheap Thrills", "Sean Paul"));
    }

    static Stream<Arguments> officialAndLyricVideoTitles() {
        return Stream.of(
                video("Queen – Don't Stop Me Now (Official Video)", "Queen Official", "Queen", "Don't Stop Me Now"),
                video("Ed Sheeran - Perfect [Official Music Video]", "Ed Sheeran", "Ed Sheeran", "Perfect"),
                video("Rick Astley - Never Gonna Give You Up (Official Music Video)", "Rick Astley", "Rick Astley",
                        "Never Gonna Give You Up"),
                video("Linkin Park - In The End [Official HD Music Video]", "Linkin Park", "Linkin Park", "In The End"),
                video("AC/DC - Highway to Hell (Official Video)", "AC/DC", "AC/DC", "Highway to Hell"),
                video("Coldplay - Yellow (Official Video) 4K", "Coldplay", "Coldplay", "Yellow"),
                video("Toto - Africa (Official HD Video)", "TOTO", "Toto", "Africa"),
                video("ABBA - Mamma Mia (Remastered 2014) [HD]", null, "ABBA", "Mamma Mia"),
                video("The Buggles - Video Killed the Radio Star (Lyrics)", null, "The Buggles",
                        "Video Killed the Radio Star"),
                video("The Rolling Stones - (I Can't Get No) Satisfaction (Official Lyric Video)", null,
                        "The Rolling Stones", "(I Can't Get No) Satisfaction"),
                video("Bon Jovi - Livin' On A Prayer | Lyrics", null, "Bon Jovi", "Livin' On A Prayer"),
                video("Frank Sinatra - My Way (Instrumental)", null, "Frank Sinatra", "My Way"),
                video("Billie Eilish - bad guy (Lyrics)", "7clouds", "Billie Eilish", "bad guy"),
                video("Elvis Presley - \"Can't Help Falling in Love\" (Audio)", null, "Elvis Presley",
                        "Can't Help Falling in Love"),
                video("Mark Ronson - Uptown Funk (Official Video) ft. Bruno Mars", "Mark Ronson", "Mark Ronson",
                        "Uptown Funk", "Bruno Mars"),
                video("Calvin Harris, Dua Lipa - One Kiss (Official Video)", "Calvin Harris",
                        "Calvin Harris, Dua Lipa", "One Kiss"),
                video("Calvin Harris - One Kiss (with Dua Lipa) (Lyrics)", null, "Calvin Harris", "One Kiss",
                        "Dua Lipa"),
                video("Dua Lipa - Levitating Featuring DaBaby (Official Music Video)", "Dua Lipa", "Dua Lipa",
                        "Levitating", "DaBaby"),
                video("Lil Nas X - Old Town Road (feat. Billy Ray Cyrus) [Remix]", null, "Lil Nas X",
                        "Old Town Road [Remix]", "Billy Ray Cyrus"),
                video("Mark Ronson ft. Bruno Mars & Someone Else - Uptown Funk", null, "Mark Ronson", "Uptown Funk",
                        "Bruno Mars", "Someone Else"),
                video("Bohemian Rhapsody - Queen", "Queen", "Queen", "Bohemian Rhapsody"),
                video("Bohemian Rhapsody - Queen", "Queen Official", "Queen", "Bohemian Rhapsody"),
                video("YOASOBI「夜に駆ける」 Official Music Video", "Ayase / YOASOBI", "YOASOBI", "夜に駆ける"),
                video("米津玄師 MV「Lemon」", "米津玄師", "米津玄師", "Lemon"),
                video("夜に駆ける / YOASOBI (カラオケ)", "カラオケ歌っちゃ王", "YOASOBI", "夜に駆ける"),
                video("マリーゴールド／あいみょん", null, "あいみょん", "マリーゴールド"));
    }

    static Stream<Arguments> titlesThatLeaveTheArtistToTheChannel() {
        return Stream.of(
                video("Dancing Queen (Karaoke) HD", "ABBA - Topic", "ABBA", "Dancing Queen"),
                video("Don't Stop Believin' [Karaoke]", "JourneyVEVO", "Journey", "Don't Stop Believin'"),
                video("Yellow", "Coldplay Official", "Coldplay", "Yellow"),
                video("Hallelujah (Live)", null, null, "Hallelujah (Live)"),
                video("Bohemian Rhapsody *", "", null, "Bohemian Rhapsody"));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource({"karaokeChannelTitles", "officialAndLyricVideoTitles", "titlesThatLeaveTheArtistToTheChannel"})
    void aVideoTitleIsReadIntoArtistTitleAndFeaturedWithTheDecorationsDropped(String videoTitle, String channel,
            TrackName expected) {
        assertThat(TrackNames.fromVideoTitle(videoTitle, channel)).isEqualTo(expected);
    }

    @Test
    void aTitleThatIsAllDecorationIsKeptAsItIs() {
        assertThat(TrackNames.fromVideoTitle("Karaoke", null)).isEqualTo(new TrackName(null, "Karaoke"));
        assertThat(TrackNames.fromVideoTitle("(Karaoke Version)", null))
                .isEqualTo(new TrackName(null, "(Karaoke Version)"));
        assertThat(TrackNames.fromVideoTitle("  ", null).title()).isEqualTo("Untitled");
        assertThat(TrackNames.fromVideoTitle(null, null).title()).isEqualTo("Untitled");
    }

    @Test
    void topicVevoAndOfficialChannelsNameTheArtist() {
        assertThat(TrackNames.channelAsArtist("ABBA - Topic")).isEqualTo("ABBA");
        assertThat(TrackNames.channelAsArtist("JourneyVEVO")).isEqualTo("Journey");
        assertThat(TrackNames.channelAsArtist("KatyPerryVEVO")).isEqualTo("Katy Perry");
        assertThat(TrackNames.channelAsArtist("ACDCVEVO")).isEqualTo("ACDC");
        assertThat(TrackNames.channelAsArtist("Coldplay Official")).isEqualTo("Coldplay");
        assertThat(TrackNames.channelAsArtist("Sing King")).isEqualTo("Sing King");
        assertThat(TrackNames.channelAsArtist("VEVO")).as("a channel called just VEVO keeps its name").isEqualTo("VEVO");
        assertThat(TrackNames.channelAsArtist("Official")).isEqualTo("Official");
        assertThat(TrackNames.channelAsArtist("")).isNull();
        assertThat(TrackNames.channelAsArtist(null)).isNull();
    }

    @Test
    void theCreditNamesTheFeaturedPerformersAfterTheArtist() {
        assertThat(new TrackName("Luis Fonsi", "Despacito", List.of("Daddy Yankee")).credit())
                .isEqualTo("Luis Fonsi feat. Daddy Yankee");
        assertThat(new TrackName("Adele", "Hello").credit()).isEqualTo("Adele");
        assertThat(new TrackName(null, "Hello", List.of("Someone")).credit()).isNull();
    }

    private static Arguments video(String videoTitle, String channel, String artist, String title, String... featured) {
        return arguments(videoTitle, channel, new TrackName(artist, title, List.of(featured)));
    }
}
