package app.chorus.library;

/** An artist of the library and how many songs it has. */
public record ArtistSummary(String name, long songCount) {
    /** The letter an A-Z index files the artist under; '#' for anything that does not start with a letter. */
    public String firstLetter() {
        String folded = SearchText.fold(name);
        return !folded.isEmpty() && Character.isLetter(folded.charAt(0))
                ? String.valueOf(Character.toUpperCase(folded.charAt(0))) : "#";
    }
}
