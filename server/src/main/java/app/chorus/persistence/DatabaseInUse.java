package app.chorus.persistence;

/**
 * The SQLite database is held by another process: the server keeps its database file locked
 * while it runs, so a second server on the same data folder stops here instead of sharing it.
 */
public final class DatabaseInUse extends RuntimeException {
    DatabaseInUse(String file, Throwable cause) {
        super("The database " + file + " is in use by another process (is another Chorus server running on the "
                + "same data folder?). Stop it, or give this one its own --data-dir or --db-url.", cause);
    }
}
