package app.chorus.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** File names and tags as music libraries hold them, read into a song's artist, title and featured; and names normalised. */
class TrackNamesFromFilesTest {

    static Stream<Arguments> fileNames() {
        return Stream.of(
                file("Adele - Hello.mp3", "Adele", "Hello"),
                file("01 - Hello.mp3", null, "Hello"),
                file("01. Adele - Hello.flac", "Adele", "Hello"),
                file("Adele_-_Hello.mp3", "Adele", "Hello"),
                file("Someone_Like_You.ogg", null, "Someone Like You"),
                file("Hello (Karaoke).m4a", null, "Hello"),
                file("07 Rolling in the Deep.mp3", null, "Rolling in the Deep"),
                file("1-05 Wonderwall.m4a", null, "Wonderwall"),
                file("99 Luftballons.mp3", null, "99 Luftballons"),
                file("Queen - 03 - Bohemian Rhapsody.flac", "Queen", "Bohemian Rhapsody"),
                file("Track 04 - Yellow.wav", null, "Yellow"),
                file("Music/Karaoke/Toto - Africa [Karaoke Version].mp3", "Toto", "Africa"),
                file("C:\\Users\\sam\\Music\\Bon Jovi - Livin' On A Prayer (Instrumental).wav", "Bon Jovi",
                        "Livin' On A Prayer"),
                file("Daft_Punk_-_Get_Lucky_(feat._Pharrell_Williams).mp3", "Daft Punk", "Get Lucky",
                        "Pharrell Williams"),
                file("Mark Ronson ft. Bruno Mars - Uptown Funk.mp3", "Mark Ronson", "Uptown Funk", "Bruno Mars"),
                file("12) Beyoncé - Halo.opus", "Beyoncé", "Halo"),
                file("Track 04.mp3", null, "Track 04"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileNames")
    void aFileNameIsReadWithoutFoldersExtensionOrTrackNumber(String fileName, TrackName expected) {
        assertThat(TrackNames.fromFileName(fileName)).isEqualTo(expected);
    }

    @Test
    void tagsAreKeptAsGivenWithFeaturedPerformersMovedOut() {
        assertThat(TrackNames.fromTags("Adele", "Hello")).contains(new TrackName("Adele", "Hello"));
        assertThat(TrackNames.fromTags("Mark Ronson feat. Bruno Mars", "Uptown Funk"))
                .contains(new TrackName("Mark Ronson", "Uptown Funk", List.of("Bruno Mars")));
        assertThat(TrackNames.fromTags("Calvin Harris", "One Kiss (with Dua Lipa)"))
                .contains(new TrackName("Calvin Harris", "One Kiss", List.of("Dua Lipa")));
        assertThat(TrackNames.fromTags("Lady Gaga with Bradley Cooper", "Shallow"))
                .contains(new TrackName("Lady Gaga", "Shallow", List.of("Bradley Cooper")));
        assertThat(TrackNames.fromTags(" ", "Hello")).contains(new TrackName(null, "Hello"));
    }

    @Test
    void aVersionNoteInTheTitleTagStaysButIsIgnoredForMatching() {
        TrackName tagged = TrackNames.fromTags("The Beatles", "Let It Be (Remastered 2009)").orElseThrow();

        assertThat(tagged.title()).isEqualTo("Let It Be (Remastered 2009)");
        assertThat(TrackNames.normalise(tagged.title())).isEqualTo("let it be");
    }

    @Test
    void tagsWithoutATitleNameNoSong() {
        assertThat(TrackNames.fromTags("Adele", " ")).isEmpty();
        assertThat(TrackNames.fromTags("Adele", null)).isEmpty();
    }

    static Stream<Arguments> normalisedTitles() {
        return Stream.of(
                arguments("Don't Stop Me Now (2011 Remaster)", "dont stop me now"),
                arguments("Hey Jude - Remastered 2015", "hey jude"),
                arguments("Mr. Brightside", "mr brightside"),
                arguments("Señorita", "senorita"),
                arguments("Straße", "strasse"),
                arguments("Rock & Roll", "rock and roll"),
                arguments("Rock 'n' Roll", "rock and roll"),
                arguments("Hallelujah (Live)", "hallelujah"),
                arguments("Blinding Lights - Radio Edit", "blinding lights"),
                arguments("Someone Like You (Karaoke Version)", "someone like you"),
                arguments("Uptown Funk (feat. Bruno Mars)", "uptown funk"),
                arguments("Despacito feat. Justin Bieber", "despacito"),
                arguments("(I Can't Get No) Satisfaction", "i cant get no satisfaction"),
                arguments("ＨＥＬＬＯ", "hello"),
                arguments("Love Story (Taylor's Version)", "love story"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalisedTitles")
    void aNormalisedTitleIsFoldedAndLosesItsVersionNotes(String title, String normalised) {
        assertThat(TrackNames.normalise(title)).isEqualTo(normalised);
    }

    @Test
    void aNormalisedArtistIgnoresALeadingTheAndTheWayAndIsWritten() {
        assertThat(TrackNames.normaliseArtist("The Beatles")).isEqualTo(TrackNames.normaliseArtist("Beatles"));
        assertThat(TrackNames.normaliseArtist("Simon & Garfunkel")).isEqualTo("simon and garfunkel");
        assertThat(TrackNames.normaliseArtist("Beyoncé")).isEqualTo("beyonce");
        assertThat(TrackNames.normaliseArtist("The The")).as("only the leading the").isEqualTo("the");
    }

    private static Arguments file(String fileName, String artist, String title, String... featured) {
        return arguments(fileName, new TrackName(artist, title, List.of(featured)));
    }
}
