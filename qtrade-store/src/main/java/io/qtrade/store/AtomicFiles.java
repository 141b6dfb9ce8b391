package io.qtrade.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The last step of every part write: sync the finished temporary file, then rename it atomically. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Forces {@code tmp}'s bytes to disk and renames it to {@code target} in one atomic step (same directory, so the
     * same file system), so a reader sees either no file or the complete one. An existing {@code target} is never
     * replaced.
     */
    static Path publish(Path tmp, Path target) {
        if (Files.exists(target)) {
            discard(tmp);
            throw new IllegalStateException(target + " already exists: another writer published this part number;"
                    + " the unfinished " + tmp + " was deleted, earlier parts are untouched");
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("publishing " + tmp + " as " + target, e);
        }
    }

    /** Deletes {@code tmp} if it is there. */
    static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the unfinished part " + tmp, e);
        }
    }
}
