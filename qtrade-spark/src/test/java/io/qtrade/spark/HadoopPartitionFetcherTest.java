package io.qtrade.spark;

import io.qtrade.store.HiveLayout;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.research.sweep.Partition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching partitions through Hadoop's {@code file://} file system into an executor-local cache. */
class HadoopPartitionFetcherTest {

    @TempDir
    Path dir;
    private Path remote;
    private HadoopPartitionFetcher fetcher;
    private List<Partition> partitions;

    @BeforeEach
    void writeStore() {
        remote = dir.resolve("remote");
        GeneratedStore.write(remote, 2, 2_000);
        partitions = GeneratedStore.partitions(remote);
        fetcher = new HadoopPartitionFetcher(remote.toUri().toString(), dir.resolve("cache").toString());
    }

    private Path remoteDate(Partition p) {
        return HiveLayout.partitionDir(remote, p.venue(), p.symbol(), p.date());
    }

    private Path localDate(Partition p) {
        return HiveLayout.partitionDir(fetcher.localRoot(), p.venue(), p.symbol(), p.date());
    }

    @Test
    void aFetchedPartitionIsAByteCopyOfItsPartsAndInstrumentFileAndNothingElse() throws IOException {
        Partition second = partitions.get(1);
        TickStore local = fetcher.fetch(second);

        assertThat(local.root()).isEqualTo(fetcher.localRoot());
        Path remotePart = remoteDate(second).resolve("part-0.parquet");
        Path localPart = localDate(second).resolve("part-0.parquet");
        assertThat(Files.mismatch(remotePart, localPart)).isEqualTo(-1L);
        Path symbol = HiveLayout.symbolDir(remote, "SIM", "AAA");
        assertThat(Files.mismatch(symbol.resolve(HiveLayout.INSTRUMENT_FILE),
                HiveLayout.symbolDir(local.root(), "SIM", "AAA").resolve(HiveLayout.INSTRUMENT_FILE))).isEqualTo(-1L);
        // Only the asked-for day: the first day's directory is not copied, and no temporary file is left behind.
        assertThat(Files.exists(localDate(partitions.get(0)))).isFalse();
        try (var files = Files.list(localDate(second))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("part-0.parquet");
        }
        // The local store reads what the remote one holds.
        assertThat(local.catalog().get(0).rows()).isEqualTo(rowsOfDay(remote, second)).isPositive();
    }

    @Test
    void aSecondFetchReusesTheCopyAndANewRemotePartIsAdded() throws IOException {
        Partition first = partitions.get(0);
        fetcher.fetch(first);
        Path localPart = localDate(first).resolve("part-0.parquet");
        Object inode = Files.getAttribute(localPart, "unix:ino");

        fetcher.fetch(first);
        assertThat(Files.getAttribute(localPart, "unix:ino")).isEqualTo(inode); // not copied again

        // Another write into the same day (its afternoon) adds part-1 remotely; the next fetch brings it and keeps
        // part-0.
        long morning = rowsOfDay(remote, first);
        TickStore.at(remote).write(SyntheticMarket.builder().instrument(GeneratedStore.AAA, 100.0).events(500).seed(7)
                .startNanos(first.startNanos() + 12 * 3_600_000_000_000L).build(), TickFormat.PARQUET);
        fetcher.fetch(first);
        assertThat(Files.getAttribute(localPart, "unix:ino")).isEqualTo(inode);
        assertThat(Files.mismatch(remoteDate(first).resolve("part-1.parquet"),
                localDate(first).resolve("part-1.parquet"))).isEqualTo(-1L);
        assertThat(rowsOfDay(fetcher.localRoot(), first)).isEqualTo(rowsOfDay(remote, first))
                .isGreaterThan(morning);
    }

    @Test
    void aRemotePartThatChangedOrWentAwayIsMirrored() throws IOException {
        Partition first = partitions.get(0);
        Files.copy(remoteDate(first).resolve("part-0.parquet"), remoteDate(first).resolve("part-1.parquet"));
        fetcher.fetch(first);
        assertThat(Files.exists(localDate(first).resolve("part-1.parquet"))).isTrue();

        Files.delete(remoteDate(first).resolve("part-1.parquet"));
        // part-0 replaced by the other day's part: a different length, so it is copied again.
        Files.copy(remoteDate(partitions.get(1)).resolve("part-0.parquet"), remoteDate(first).resolve("part-0.parquet"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        fetcher.fetch(first);
        assertThat(Files.exists(localDate(first).resolve("part-1.parquet"))).isFalse();
        assertThat(Files.mismatch(remoteDate(first).resolve("part-0.parquet"),
                localDate(first).resolve("part-0.parquet"))).isEqualTo(-1L);
    }

    @Test
    void anInProgressRemotePartIsNotCopied() throws IOException {
        Partition first = partitions.get(0);
        Files.write(HiveLayout.inProgressFile(remoteDate(first), 1, TickFormat.PARQUET), new byte[] {1, 2, 3});
        fetcher.fetch(first);
        try (var files = Files.list(localDate(first))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("part-0.parquet");
        }
    }

    @Test
    void aMissingPartitionOrInstrumentFileIsReportedWithTheUriAndPartition() throws IOException {
        Partition absent = new Partition(0, "SIM", "AAA", LocalDate.of(2030, 1, 1));
        assertThatThrownBy(() -> fetcher.fetch(absent))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the store " + remote.toUri() + " has no partition SIM/AAA/2030-01-01 (")
                .hasMessageContaining("date=2030-01-01 does not exist)");

        Partition first = partitions.get(0);
        Files.delete(HiveLayout.symbolDir(remote, "SIM", "AAA").resolve(HiveLayout.INSTRUMENT_FILE));
        assertThatThrownBy(() -> fetcher.fetch(first))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the store " + remote.toUri() + " has no _instrument.json for SIM/AAA");

        Files.delete(remoteDate(partitions.get(1)).resolve("part-0.parquet"));
        GeneratedStore.write(dir.resolve("other"), 1, 100); // an instrument file to put back
        Files.copy(HiveLayout.symbolDir(dir.resolve("other"), "SIM", "AAA").resolve(HiveLayout.INSTRUMENT_FILE),
                HiveLayout.symbolDir(remote, "SIM", "AAA").resolve(HiveLayout.INSTRUMENT_FILE));
        assertThatThrownBy(() -> fetcher.fetch(partitions.get(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the store " + remote.toUri() + " has no complete part")
                .hasMessageEndingWith("date=2026-11-03");
    }

    @Test
    void aStoreUriWithoutSchemeOrACacheDirThatIsBlankIsRefused() {
        assertThatThrownBy(() -> new HadoopPartitionFetcher("/data/ticks", "/tmp/cache"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storeUri '/data/ticks' has no scheme; expected a URI such as hdfs://namenode:8020/ticks"
                        + " or file:///data/ticks");
        assertThatThrownBy(() -> new HadoopPartitionFetcher("file:///data/ticks", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("localCacheDir is blank; expected a directory on the executors' disk");
    }

    @Test
    void toStringNamesTheHadoopOptionKeysButNeverTheirValues() {
        HadoopPartitionFetcher f = new HadoopPartitionFetcher("s3a://bucket/ticks", "/tmp/cache")
                .withHadoopOption("fs.s3a.secret.key", "hunter2");
        assertThat(f.toString()).isEqualTo("HadoopPartitionFetcher[storeUri=s3a://bucket/ticks,"
                + " localCacheDir=/tmp/cache, hadoopOptions=[fs.s3a.secret.key]]");
        // Two stores never share a cache directory; one store always maps to the same one.
        assertThat(f.localRoot()).isNotEqualTo(new HadoopPartitionFetcher("s3a://bucket/other", "/tmp/cache")
                .localRoot()).isEqualTo(new HadoopPartitionFetcher("s3a://bucket/ticks", "/tmp/cache").localRoot());
    }

    private static long rowsOfDay(Path root, Partition p) {
        long n = 0;
        try (var source = TickStore.at(root).read(p.query())) {
            var batch = new io.qtrade.core.market.EventBatch(1024);
            while (source.readBatch(batch)) {
                n += batch.size();
            }
        }
        return n;
    }
}
