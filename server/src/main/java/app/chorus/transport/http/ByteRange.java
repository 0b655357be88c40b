package app.chorus.transport.http;

/**
 * What a request's {@code Range} header asks of a file of a known size (RFC 9110 section 14):
 * the whole file, one part of it, or nothing it can have. Only single byte ranges are served;
 * a header this server does not serve (another unit, several ranges, bad syntax) is ignored, as
 * the RFC allows, and the whole file is sent.
 */
sealed interface ByteRange {
    record Whole() implements ByteRange {
    }

    /** Bytes {@code first} to {@code last}, both included. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }
    }

    /** Every range starts at or after the end of the file: 416. */
    record Unsatisfiable() implements ByteRange {
    }

    static ByteRange of(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String spec = value.substring(6).trim();
        if (spec.contains(",")) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String start = spec.substring(0, dash).trim();
        String end = spec.substring(dash + 1).trim();
        try {
            if (start.isEmpty()) {
                // A suffix: the last N bytes.
                long suffix = Long.parseLong(end);
                if (suffix < 0) {
                    return new Whole();
                }
                if (suffix == 0 || size == 0) {
                    return new Unsatisfiable();
                }
                return new Part(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(start);
            if (first < 0 || (!end.isEmpty() && Long.parseLong(end) < first)) {
                return new Whole();
            }
            if (first >= size) {
                return new Unsatisfiable();
            }
            long last = end.isEmpty() ? size - 1 : Long.parseLong(end);
            return new Part(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return new Whole();
        }
    }
}
