package io.qtrade.store.ingest;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Test helpers shared by the importer tests. */
public final class ImportTestSupport {

    private ImportTestSupport() {
    }

    /** Every row of {@code source}, read through a caller batch of {@code batchRows} rows (small, to cross calls). */
    public static EventBatch readAll(EventSource source, int batchRows) {
        EventBatch all = new EventBatch(100_000);
        EventBatch batch = new EventBatch(batchRows);
        while (source.readBatch(batch)) {
            for (int i = 0; i < batch.size(); i++) {
                all.addFrom(batch, i, 0);
            }
        }
        source.close();
        return all;
    }

    /** A test resource as a path. */
    public static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(ImportTestSupport.class.getResource("/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code lines} to {@code dir/name}, one per line. */
    public static Path write(Path dir, String name, String... lines) {
        try {
            return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
