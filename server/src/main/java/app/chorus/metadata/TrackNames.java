package app.chorus.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the song a video title, a file name or a file's tags name, and reduces names to the form
 * catalogues are compared in. One parser for the YouTube provider (which shows the names) and the
 * enrichment step (which looks them up). Stateless; safe from any thread.
 */
public final class TrackNames {
    private static final Pattern TOPIC = Pattern.compile("\\s+-\\s+Topic$");
    private static final Pattern VEVO = Pattern.compile("(?i)vevo$");
    private static final Pattern OFFICIAL = Pattern.compile(
            "(?i)^official\\s+|\\s*[-|]?\\s*(?:official(?:\\s+(?:artist\\s+)?channel)?)$");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    /** Channels that upload everyone's songs: their name is never the performer's. */
    private static final Pattern KARAOKE_CHANNEL = Pattern.compile("(?i)karaoke|karafun|sing ?king|stingray|sunfly"
            + "|party ?tyme|singsation|ameritz|カラオケ|노래방");
    private static final Pattern DIRECTORIES = Pattern.compile("^.*[/\\\\]");
    private static final Pattern EXTENSION = Pattern.compile("(?<=.)\\.[A-Za-z0-9]{1,5}$");
    /** "01 - ", "01. ", "1) ", "Track 04 - ", "07_": a track number and its separator. */
    private static final Pattern TRACK_NUMBER = Pattern.compile("(?i)^(?:track\\s*)?\\d{1,3}\\s*(?:[.)_]|-)\\s*");
    /** "1-05 ": a disc and a track number. */
    private static final Pattern DISC_AND_TRACK = Pattern.compile("^\\d{1,2}-\\d{1,3}\\s+");
    /** "07 ": only a zero-padded number is a track number without a separator; "99 Luftballons" is a title. */
    private static final Pattern PADDED_TRACK_NUMBER = Pattern.compile("^0\\d{1,2}\\s+");
    private static final Pattern NUMBER_ONLY = Pattern.compile("\\d{1,3}");
    private static final Pattern DASH = Pattern.compile("\\s+[-–—]\\s+");

    private TrackNames() {
    }

    /**
     * Reads a video's title: "Artist - Title (Karaoke Version)", "Title - Artist | Karaoke
     * Version | KaraFun", "Title (Karaoke) - Artist", 'Artist "Title"', "Title / Artist" and
     * more, decorations ("(Official Video)", "HD", "with lyrics") dropped and featured performers
     * moved to {@link TrackName#featured()}. When the title names nobody, the channel does, unless
     * it is a karaoke channel: "ABBA - Topic", "JourneyVEVO" and "Coldplay Official" name the band.
     *
     * @param channel the uploading channel's name, or null
     */
    public static TrackName fromVideoTitle(String videoTitle, String channel) {
        String channelArtist = channelAsArtist(channel);
        Set<String> channelNames = new LinkedHashSet<>();
        if (channel != null && !channel.isBlank()) {
            channelNames.add(MatchText.fold(channel));
            channelNames.add(MatchText.fold(channelArtist));
        }
        VideoTitleParser.Parsed parsed = VideoTitleParser.parse(videoTitle, channelNames);
        String artist = parsed.artist() != null ? parsed.artist()
                : isKaraokeChannel(channel) ? null : spelledAsInTitle(channelArtist, videoTitle);
        return withFeatured(artist, parsed.title());
    }

    /** The channel's artist as the video title spells it, when it does: "Toto - Africa" on the "TOTO" channel is by Toto. */
    private static String spelledAsInTitle(String channelArtist, String videoTitle) {
        if (channelArtist == null || videoTitle == null) {
            return channelArtist;
        }
        Matcher inTitle = Pattern.compile(Pattern.quote(channelArtist), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(videoTitle);
        return inTitle.find() ? inTitle.group() : channelArtist;
    }

    /**
     * Reads a file's name: "Artist - Title.mp3", "01. Artist - Title.flac", "Artist_-_Title.mp3",
     * "Artist - 03 - Title.flac", "Title (Karaoke).m4a"; folders, the extension and track numbers
     * are dropped.
     */
    public static TrackName fromFileName(String fileName) {
        String name = DIRECTORIES.matcher(fileName == null ? "" : fileName.strip()).replaceFirst("");
        name = EXTENSION.matcher(name).replaceFirst("");
        if (name.contains("_") && (!name.contains(" ") || name.contains("_-_"))) {
            name = name.replace('_', ' ');
        }
        name = name.replaceAll("\\s+", " ").strip();
        String numbered = DISC_AND_TRACK.matcher(name).replaceFirst("");
        String separated = TRACK_NUMBER.matcher(numbered).replaceFirst("");
        numbered = separated.equals(numbered) ? PADDED_TRACK_NUMBER.matcher(numbered).replaceFirst("") : separated;
        List<String> parts = new ArrayList<>(List.of(DASH.split(numbered.isBlank() ? name : numbered)));
        // "Artist - 03 - Title": a part that is only a number is the track's place on the album.
        if (parts.size() > 1) {
            parts.removeIf(part -> NUMBER_ONLY.matcher(part.strip()).matches());
        }
        VideoTitleParser.Parsed parsed = VideoTitleParser.parse(String.join(" - ", parts), Set.of());
        return withFeatured(parsed.artist(), parsed.title());
    }

    /**
     * Reads a file's tags as given, featured performers moved out of the artist and the title
     * ("Artist feat. X", "Title (with X)"); version notes such as "(Remastered 2011)" stay in the
     * title, and {@link #normalise} ignores them when comparing. Empty when the title tag is blank.
     */
    public static Optional<TrackName> fromTags(String artist, String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(withFeatured(artist, title));
    }

    /**
     * A name reduced for comparing: accents and case folded, punctuation dropped, "&" and "+"
     * read as "and", and bracketed or dashed version notes ("(Remastered 2011)", "- Radio Edit",
     * "(Live)", "(Karaoke Version)", "(feat. X)") dropped. "Don't Stop Me Now (2011 Remaster)"
     * becomes "dont stop me now".
     */
    public static String normalise(String text) {
        return MatchText.normalise(text);
    }

    /** As {@link #normalise}, with a leading "the" ignored: "The Beatles" and "Beatles" compare equal. */
    public static String normaliseArtist(String artist) {
        return MatchText.normaliseArtist(artist);
    }

    /**
     * A channel's name as a performer's: YouTube's generated "Artist - Topic" channels, the
     * "ArtistVEVO" ones (without spaces, so split at the capitals) and "Artist Official" name the
     * artist with a suffix. Null when nothing is left.
     */
    public static String channelAsArtist(String channel) {
        if (channel == null) {
            return null;
        }
        String name = TOPIC.matcher(channel.strip()).replaceFirst("");
        Matcher vevo = VEVO.matcher(name);
        if (vevo.find() && vevo.start() > 0) {
            name = name.substring(0, vevo.start()).strip();
            if (!name.contains(" ")) {
                name = CAMEL_CASE.matcher(name).replaceAll(" ");
            }
        }
        String unofficial = OFFICIAL.matcher(name).replaceAll("").strip();
        name = unofficial.isEmpty() ? name : unofficial;
        return name.isBlank() ? null : name;
    }

    /** Whether a channel uploads other people's songs as karaoke, so its name is nobody's credit. */
    static boolean isKaraokeChannel(String channel) {
        return channel != null && KARAOKE_CHANNEL.matcher(channel).find();
    }

    private static TrackName withFeatured(String artist, String title) {
        Featuring.Split titleSplit = Featuring.fromTitle(title.strip());
        List<String> featured = new ArrayList<>();
        String mainArtist = null;
        if (artist != null && !artist.isBlank()) {
            Featuring.Split artistSplit = Featuring.fromArtist(artist.strip());
            mainArtist = artistSplit.rest();
            featured.addAll(artistSplit.featured());
        }
        titleSplit.featured().stream().filter(name -> !featured.contains(name)).forEach(featured::add);
        return new TrackName(mainArtist, titleSplit.rest(), featured);
    }
}
