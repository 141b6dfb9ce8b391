package io.qtrade.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The exclusive lock a part writer holds on its {@code .inprogress} file while it writes, and the clean-up of
 * in-progress files that no writer holds any more (left by a killed process).
 *
 * <p>An in-progress file is removed only when both hold: its lock can be taken (the operating system releases the
 * lock of a killed process; a writer of this JVM makes {@code tryLock} fail with an overlap) and it has not been
 * modified for {@link #STALE_AFTER} (which covers the moment between a writer creating the file and locking it).
 * A live writer's file is therefore never removed.
 */
final class WriterLock implements AutoCloseable {

    /** How long an unlocked in-progress file must have been left unmodified before it is removed: 60 s. */
    static final Duration STALE_AFTER = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
    private static final Pattern IN_PROGRESS = Pattern.compile("\\.part-(\\d{1,9})\\.(parquet|csv)\\.inprogress");

    private final FileChannel channel;

    private WriterLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Locks {@code tmp} (which the writer has created) for as long as the writer writes it. */
    static WriterLock acquire(Path tmp) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
            ch.lock();
            return new WriterLock(ch);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new java.io.UncheckedIOException("locking the in-progress part " + tmp,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("releasing the lock of an in-progress part: {}", e.toString());
        }
    }

    /**
     * Removes the stale in-progress part files of one partition directory.
     *
     * @return the files removed
     */
    static List<Path> removeStale(Path dir, Instant now) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> IN_PROGRESS.matcher(f.getFileName().toString()).matches()).forEach(candidates::add);
        } catch (IOException e) {
            LOG.warn("cannot list {} for stale in-progress parts: {}", dir, e.toString());
            return removed;
        }
        for (Path f : candidates) {
            try {
                FileTime modified = Files.getLastModifiedTime(f);
                if (modified.toInstant().plus(STALE_AFTER).isAfter(now)) {
                    continue;
                }
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    FileLock lock;
                    try {
                        lock = ch.tryLock();
                    } catch (OverlappingFileLockException heldHere) {
                        continue; // a writer of this JVM
                    }
                    if (lock == null) {
                        continue; // a writer of another process
                    }
                    Files.delete(f);
                    lock.release();
                }
                removed.add(f);
                LOG.info("removed the stale in-progress part {} (unlocked, unmodified since {})", f, modified);
            } catch (NoSuchFileException gone) {
                // Published or removed by its writer meanwhile.
            } catch (IOException e) {
                LOG.warn("cannot remove the stale in-progress part {}: {}", f, e.toString());
            }
        }
        return removed;
    }
}
