package app.chorus.persistence;

import app.chorus.config.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: a pooled {@code DataSource}, migrated by Flyway at start, accessed through Jdbi.
 * SQLite (the default, a file in the data folder, WAL mode) and PostgreSQL share the same
 * migrations and repository code. Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    /** Which SQL engine is behind the URL. */
    public enum Dialect { SQLITE, POSTGRESQL }

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool and applies pending migrations. */
    public static Database open(Config.Database settings) {
        Dialect dialect = settings.isPostgres() ? Dialect.POSTGRESQL : Dialect.SQLITE;
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.url());
        pool.setPoolName("chorus-db");
        if (dialect == Dialect.SQLITE) {
            createParentFolder(settings.url());
            // WAL lets readers run beside the single writer; NORMAL sync is durable across process
            // crashes (kill -9) and only risks the last commits on a power cut.
            pool.addDataSourceProperty("journal_mode", "WAL");
            pool.addDataSourceProperty("synchronous", "NORMAL");
            // Within the process the one connection never waits for a lock; only a second process
            // can hold it, and then opening fails after this long (a server that is just stopping
            // has that long to let go).
            pool.addDataSourceProperty("busy_timeout", "3000");
            pool.addDataSourceProperty("foreign_keys", "true");
            // The server is the database's only user: holding the file lock for the connection's
            // life saves the lock and unlock calls (six system calls) every transaction made, and
            // keeps the WAL index in process memory instead of a shared-memory file.
            pool.addDataSourceProperty("locking_mode", "EXCLUSIVE");
            // Never retire the connection: a replacement could not open while the old one holds the lock.
            pool.setMaxLifetime(0);
            // SQLite has a single writer and its busy handler waits by sleeping (1, 2, 5, 10 ms...),
            // which turns write contention into latency spikes. One connection queues callers in
            // the pool instead, in arrival order.
            pool.setMaximumPoolSize(1);
        } else {
            pool.setUsername(settings.user().isEmpty() ? null : settings.user());
            pool.setPassword(settings.password().isEmpty() ? null : settings.password());
            pool.setMaximumPoolSize(settings.poolSize());
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            if (dialect == Dialect.SQLITE && isLocked(e)) {
                throw new DatabaseInUse(settings.url().substring("jdbc:sqlite:".length()), e);
            }
            throw e;
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect);
    }

    /** Whether SQLite refused to open because another connection holds the database's lock. */
    private static boolean isLocked(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.sqlite.SQLiteException sqlite
                    && (sqlite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_BUSY
                    || sqlite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_LOCKED)) {
                return true;
            }
        }
        return false;
    }

    private static void createParentFolder(String sqliteUrl) {
        String file = sqliteUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create database folder " + parent, e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
