package app.chorus.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The song a video's title names. Karaoke uploads mostly read "Artist - Title (Karaoke Version)";
 * KaraFun-style ones read "Title - Artist | Karaoke Version | Channel", which the pipe followed by
 * the word karaoke gives away. Decorations that are not part of the song's name ("(Karaoke
 * Version)", "[Official Video]", "(Lyrics)", a trailing "HD") are dropped, while brackets that are
 * ("(I Can't Get No) Satisfaction") stay. A guess, by nature: the title is free text.
 *
 * @param title  the song's name; never blank
 * @param artist the performer when the title names one, else null
 */
record VideoTitle(String title, String artist) {
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
    private static final String STYLE_OF = "(?:karaoke\\s+)?(?:in the style of|as made famous by|made famous by"
            + "|originally (?:performed|sung) by|as performed by)\\s+";
    private static final Pattern STYLE_BRACKET = Pattern.compile("(?i)[(\\[【]\\s*" + STYLE_OF + "([^()\\[\\]【】]+?)\\s*[)\\]】]");
    private static final Pattern STYLE_SEGMENT = Pattern.compile("(?i)^" + STYLE_OF + "(.+)$");
    private static final Pattern PIPE = Pattern.compile("\\s*[|｜]\\s*");
    private static final Pattern DASH = Pattern.compile("\\s+[-–—~]\\s+");
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:karaoke|カラオケ)\\s*[-–—:]\\s*");
    private static final Pattern TRAILING = Pattern.compile("(?i)(?:\\s+|\\s*[-–—:]\\s*)(?:karaoke(?:\\s+version)?"
            + "|instrumental(?:\\s+version)?|(?:with\\s+)?lyrics|lyric\\s+video|official\\s+(?:music\\s+)?(?:video|audio)"
            + "|hd|hq|4k)\\s*$|\\s*\\*+\\s*$");
    private static final Pattern QUOTED = Pattern.compile("^[\"“‘'](.+)[\"”’']$");
    private static final Pattern TOPIC = Pattern.compile("\\s+-\\s+Topic$");
    private static final Pattern VEVO = Pattern.compile("(?i)vevo$");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    VideoTitle {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        artist = artist == null || artist.isBlank() ? null : artist;
    }

    /** Reads a video's title; a title that is all decoration is kept as it is. */
    static VideoTitle parse(String videoTitle) {
        String text = normalise(videoTitle);
        String styleArtist = null;
        Matcher style = STYLE_BRACKET.matcher(text);
        if (style.find()) {
            styleArtist = style.group(1).strip();
            text = normalise(text.substring(0, style.start()) + " " + text.substring(style.end()));
        }
        text = normalise(withoutDecorationBrackets(text));

        String[] pipeSegments = PIPE.split(text);
        boolean titleFirst = pipeSegments.length > 1 && List.of(pipeSegments).subList(1, pipeSegments.length).stream()
                .map(segment -> segment.toLowerCase(Locale.ROOT))
                .anyMatch(segment -> segment.contains("karaoke") || segment.contains("karafun"));
        List<String> kept = new ArrayList<>();
        for (String segment : pipeSegments) {
            String cleaned = trimDecorations(segment);
            if (!cleaned.isEmpty() && !isDecoration(cleaned)) {
                kept.add(cleaned);
            }
        }
        if (kept.isEmpty()) {
            return new VideoTitle(fallback(videoTitle), styleArtist);
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
        if (parts.isEmpty()) {
            return new VideoTitle(fallback(videoTitle), styleArtist);
        }
        if (styleArtist != null) {
            String named = styleArtist;
            List<String> rest = parts.stream().filter(part -> !part.equalsIgnoreCase(named)).toList();
            return new VideoTitle(rest.isEmpty() ? parts.getFirst() : String.join(" - ", rest), styleArtist);
        }
        if (parts.size() == 1) {
            // "Title | Artist | Karaoke": with no dash, the second pipe segment is the performer.
            return new VideoTitle(parts.getFirst(), kept.size() > 1 ? kept.get(1) : null);
        }
        String first = parts.getFirst();
        String rest = String.join(" - ", parts.subList(1, parts.size()));
        return titleFirst ? new VideoTitle(first, rest) : new VideoTitle(rest, first);
    }

    /**
     * A channel's name as a performer's: YouTube's generated "Artist - Topic" channels and the
     * "ArtistVEVO" ones name the artist with a suffix (and VEVO ones without spaces). Null when
     * nothing is left.
     */
    static String channelAsArtist(String channel) {
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
        return name.isBlank() ? null : name;
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
    private static boolean isDecoration(String text) {
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

    private static String normalise(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String fallback(String videoTitle) {
        String text = normalise(videoTitle);
        return text.isEmpty() ? "Untitled" : text;
    }
}
