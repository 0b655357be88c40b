package app.chorus.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The song a video's title names. Karaoke uploads mostly read "Artist - Title (Karaoke Version)";
 * KaraFun-style ones read "Title - Artist | Karaoke Version | Channel", which the pipe followed by
 * the word karaoke gives away, and so does a decoration closing the first half ("Title (Karaoke)
 * - Artist"). Decorations that are not part of the song's name ("(Karaoke Version)", "[Official
 * Video]", "(Lyrics)", a trailing "HD") are dropped, while brackets that are ("(I Can't Get No)
 * Satisfaction") stay. Without a dash, 'Artist "Title"', Japanese "Artist「Title」" and
 * "Title / Artist" are read. A guess, by nature: the title is free text. Stateless.
 */
final class VideoTitleParser {
    /** Words that make a bracket, or a segment, a decoration wherever they appear. */
    private static final Set<String> DECORATION_MARKERS = Set.of("karaoke", "karafun", "instrumental", "instrumentals",
            "lyrics", "lyric", "official", "backing", "hd", "hq", "4k", "uhd", "remaster", "remastered", "visualizer",
            "visualiser", "singalong", "カラオケ", "노래방");
    /** Words that make a decoration only when nothing else is said ("(Audio)", not "(Video Killed the Radio Star)"). */
    private static final Set<String> DECORATION_WORDS = Set.of("audio", "video", "music", "version", "with", "without",
            "the", "and", "vocal", "vocals", "no", "sing", "along", "clip", "full", "new", "high", "quality",
            "original", "guide", "minus", "one", "track", "explicit", "clean", "mv", "1080p", "720p", "480p", "360p");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern BRACKET = Pattern.compile("[(\\[【]([^()\\[\\]【】]*)[)\\]】]");
    private static final Pattern CLOSING_BRACKET = Pattern.compile("[(\\[【]([^()\\[\\]【】]*)[)\\]】]\\s*$");
    private static final String STYLE_OF = "(?:karaoke\\s+)?(?:in the style of|as made famous by|made famous by"
            + "|originally (?:performed|sung) by|as performed by)\\s+";
    private static final Pattern STYLE_BRACKET = Pattern.compile("(?i)[(\\[【]\\s*" + STYLE_OF + "([^()\\[\\]【】]+?)\\s*[)\\]】]");
    private static final Pattern STYLE_SEGMENT = Pattern.compile("(?i)^" + STYLE_OF + "(.+)$");
    private static final Pattern PIPE = Pattern.compile("\\s*[|｜]\\s*");
    private static final Pattern DASH = Pattern.compile("\\s+[-–—~]\\s+");
    private static final Pattern SLASH = Pattern.compile("\\s+/\\s+|\\s*／\\s*");
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:karaoke|カラオケ)\\s*[-–—:]\\s*");
    private static final Pattern TRAILING = Pattern.compile("(?i)(?:\\s+|\\s*[-–—:]\\s*)(?:karaoke(?:\\s+version)?"
            + "|instrumental(?:\\s+version)?|(?:with\\s+)?lyrics|lyric\\s+video|official\\s+(?:music\\s+)?(?:video|audio)"
            + "|hd|hq|4k)\\s*$|\\s*\\*+\\s*$");
    private static final Pattern QUOTED = Pattern.compile("^[\"“‘'](.+)[\"”’']$");
    /** 'Adele "Hello"' and 米津玄師「Lemon」: the performer, then the song in quotes. */
    private static final Pattern ARTIST_THEN_QUOTED = Pattern.compile("^(.+?)\\s*[\"“「『](.+?)[\"”」』]$");
    /** '"Hello" by Adele'. */
    private static final Pattern QUOTED_BY_ARTIST = Pattern.compile("(?i)^[\"“「『](.+?)[\"”」』]\\s+by\\s+(.+)$");
    /** Japanese uploads tag the performer with the kind of video: "米津玄師 MV「Lemon」". */
    private static final Pattern VIDEO_KIND = Pattern.compile("(?i)\\s+(?:MV|PV|M/V)$");

    /**
     * A title read from a video's name.
     *
     * @param title  the song's name; never blank
     * @param artist the performer when the title names one, else null
     */
    record Parsed(String title, String artist) {
        Parsed {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("title must not be blank");
            }
            artist = artist == null || artist.isBlank() ? null : artist;
        }
    }

    private VideoTitleParser() {
    }

    /**
     * Reads a video's title; a title that is all decoration is kept as it is.
     *
     * @param channelNames the uploading channel's names, folded: a segment that only names the
     *                     channel ("... - Sing King", "... | Stingray Karaoke") is not the song
     */
    static Parsed parse(String videoTitle, Set<String> channelNames) {
        String text = collapse(videoTitle);
        String styleArtist = null;
        Matcher style = STYLE_BRACKET.matcher(text);
        if (style.find()) {
            styleArtist = style.group(1).strip();
            text = collapse(text.substring(0, style.start()) + " " + text.substring(style.end()));
        }
        boolean decoratedFirstHalf = decoratedFirstHalf(text);
        text = collapse(withoutDecorationBrackets(text));

        String[] pipeSegments = PIPE.split(text);
        boolean titleFirst = decoratedFirstHalf || pipeSegments.length > 1
                && List.of(pipeSegments).subList(1, pipeSegments.length).stream()
                        .map(MatchText::fold)
                        .filter(segment -> channelNames.stream().noneMatch(segment::startsWith))
                        .anyMatch(segment -> segment.contains("karaoke") || segment.contains("karafun"));
        List<String> kept = new ArrayList<>();
        for (String segment : pipeSegments) {
            String cleaned = trimDecorations(segment);
            // "Artist - Title - Karaoke Version from Zoom Karaoke" is not all decoration: only its last part is.
            boolean allDecoration = List.of(DASH.split(cleaned)).stream().allMatch(VideoTitleParser::isDecoration);
            if (!cleaned.isEmpty() && !allDecoration) {
                kept.add(cleaned);
            }
        }
        withoutChannel(kept, channelNames);
        if (kept.isEmpty()) {
            return new Parsed(fallback(videoTitle), styleArtist);
        }

        List<String> parts = new ArrayList<>();
        for (String part : DASH.split(kept.getFirst())) {
            String cleaned = trimDecorations(part);
            Matcher styleSegment = STYLE_SEGMENT.matcher(cleaned);
            if (styleSegment.matches()) {
                styleArtist = styleArtist == null ? styleSegment.group(1).strip() : styleArtist;
            } else if (!cleaned.isEmpty() && !isDecoration(cleaned)) {
                parts.add(unquoted(cleaned));
            }
        }
        withoutChannel(parts, channelNames);
        if (parts.isEmpty()) {
            return new Parsed(fallback(videoTitle), styleArtist);
        }
        if (styleArtist != null) {
            String named = styleArtist;
            List<String> rest = parts.stream().filter(part -> !part.equalsIgnoreCase(named)).toList();
            return new Parsed(rest.isEmpty() ? parts.getFirst() : String.join(" - ", rest), styleArtist);
        }
        if (parts.size() == 1) {
            String only = parts.getFirst();
            // "Title | Artist | Karaoke": with no dash, the second pipe segment is the performer.
            return withoutDash(only).orElseGet(() -> new Parsed(only, kept.size() > 1 ? kept.get(1) : null));
        }
        String first = parts.getFirst();
        String rest = String.join(" - ", parts.subList(1, parts.size()));
        return titleFirst ? new Parsed(first, rest) : new Parsed(rest, first);
    }

    /** Drops the segments that name the channel, keeping at least one: the channel's name may be the song's. */
    private static void withoutChannel(List<String> segments, Set<String> channelNames) {
        for (int index = segments.size() - 1; index >= 0 && segments.size() > 1; index--) {
            if (channelNames.contains(MatchText.fold(segments.get(index)))) {
                segments.remove(index);
            }
        }
    }

    /** The performer and song of a dashless title, when quotes or a spaced slash set them apart. */
    private static Optional<Parsed> withoutDash(String text) {
        Matcher quotedBy = QUOTED_BY_ARTIST.matcher(text);
        if (quotedBy.matches()) {
            return Optional.of(new Parsed(quotedBy.group(1).strip(), quotedBy.group(2).strip()));
        }
        Matcher artistThenQuoted = ARTIST_THEN_QUOTED.matcher(text);
        if (artistThenQuoted.matches() && !artistThenQuoted.group(2).isBlank()) {
            String artist = VIDEO_KIND.matcher(artistThenQuoted.group(1).strip()).replaceFirst("");
            return Optional.of(new Parsed(artistThenQuoted.group(2).strip(), artist));
        }
        String[] halves = SLASH.split(text);
        if (halves.length == 2 && !halves[0].isBlank() && !halves[1].isBlank()) {
            // Japanese uploads (and their karaoke versions) write "Title / Artist".
            return Optional.of(new Parsed(halves[0].strip(), halves[1].strip()));
        }
        return Optional.empty();
    }

    /** Whether the title's first dash-separated half ends in a decoration, as "Title (Karaoke) - Artist" does. */
    private static boolean decoratedFirstHalf(String text) {
        String[] halves = DASH.split(PIPE.split(text)[0]);
        if (halves.length != 2) {
            return false;
        }
        Matcher first = CLOSING_BRACKET.matcher(halves[0]);
        return first.find() && isDecoration(first.group(1)) && !BRACKET.matcher(halves[1]).results()
                .anyMatch(bracket -> isDecoration(bracket.group(1)));
    }

    private static String withoutDecorationBrackets(String text) {
        StringBuilder kept = new StringBuilder();
        Matcher bracket = BRACKET.matcher(text);
        int from = 0;
        while (bracket.find()) {
            kept.append(text, from, bracket.start());
            kept.append(isDecoration(bracket.group(1)) ? " " : bracket.group());
            from = bracket.end();
        }
        return kept.append(text.substring(from)).toString();
    }

    /** Whether a bracket's content, or a whole segment, only dresses the song up. */
    static boolean isDecoration(String text) {
        List<String> words = WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(MatchResult::group).toList();
        if (words.stream().anyMatch(DECORATION_MARKERS::contains)) {
            return true;
        }
        return !words.isEmpty() && DECORATION_WORDS.containsAll(words);
    }

    private static String trimDecorations(String segment) {
        String text = LEADING.matcher(segment.strip()).replaceFirst("");
        for (String shorter = TRAILING.matcher(text).replaceFirst(""); !shorter.equals(text);
                shorter = TRAILING.matcher(text).replaceFirst("")) {
            text = shorter;
        }
        return text.strip();
    }

    private static String unquoted(String text) {
        Matcher quoted = QUOTED.matcher(text);
        return quoted.matches() && !quoted.group(1).isBlank() ? quoted.group(1).strip() : text;
    }

    private static String collapse(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String fallback(String videoTitle) {
        String text = collapse(videoTitle);
        return text.isEmpty() ? "Untitled" : text;
    }
}
