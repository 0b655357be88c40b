package app.chorus.metadata;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The wait a server asks for in {@code Retry-After}; null when it asks nothing we can read. Stateless. */
final class RetryAfter {
    private RetryAfter() {
    }

    /** Reads {@code Retry-After} as seconds or as an HTTP date (against the answer's own {@code Date}, to ignore clock skew). */
    static Duration of(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant now = response.headers().firstValue("Date")
                    .map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .orElseGet(Instant::now);
            Duration wait = Duration.between(now, until);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException | NumberFormatException unreadable) {
            return null; // an unreadable hint falls back to our own backoff
        }
    }
}
