package io.qtrade.spark;

import io.qtrade.store.HiveLayout;
import io.qtrade.store.TickStore;
import io.qtrade.research.sweep.Partition;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Brings one partition of a Hive-layout tick store on any Hadoop-compatible file system ({@code hdfs://},
 * {@code s3a://}, {@code abfs://}, {@code file://}, ...) to a tick store on the executor's local disk, and returns
 * that local {@link TickStore}: what a sweep's factory calls when the executors do not share a file system with the
 * data.
 *
 * <pre>{@code
 * HadoopPartitionFetcher fetcher = new HadoopPartitionFetcher("hdfs://nn:8020/ticks", "/tmp/qtrade-cache");
 * Sweep.builder()...
 *         .factory((p, part) -> Backtest.builder().source(fetcher.fetch(part).read(part.query()))...build())
 * }</pre>
 *
 * <p>What is copied, for partition {@code V/S/D}:
 * <pre>{@code
 * <store>/venue=V/symbol=S/_instrument.json        ->  <cache>/<store key>/venue=V/symbol=S/_instrument.json
 * <store>/venue=V/symbol=S/date=D/part-N.parquet   ->  <cache>/<store key>/venue=V/symbol=S/date=D/part-N.parquet
 * <store>/venue=V/symbol=S/date=D/part-N.csv       ->  (the same)
 * }</pre>
 * Only complete parts are copied (in-progress and hidden files are skipped, as the store's readers skip them). The
 * local copy is a cache shared by every task of the executor that reads the same store ({@code <store key>} is a
 * name-based UUID of the store URI): a file whose length and modification time match the remote one is not copied
 * again, so the other parameter sets of a partition cost one listing. A file is copied to a hidden temporary name
 * and renamed into place atomically, so concurrent tasks never read a partial file; local parts the remote no longer
 * has are deleted, so the local partition mirrors the remote one at fetch time.
 *
 * <p>The Hadoop configuration is {@code new Configuration()} (the {@code core-site.xml} of {@code HADOOP_CONF_DIR}
 * on the executor's class path) plus the entries given to {@link #withHadoopOption}. Immutable and serializable:
 * it ships inside a sweep's factory.
 */
public final class HadoopPartitionFetcher implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HadoopPartitionFetcher.class);
    private static final Pattern PART = Pattern.compile("part-\\d{1,9}\\.(parquet|csv)");

    private final String storeUri;
    private final String localCacheDir;
    private final Map<String, String> hadoopOptions;

    /**
     * @param storeUri      the store root, a URI any Hadoop file system on the executors understands
     * @param localCacheDir a directory on each executor's local disk for the copies (created when missing)
     * @throws IllegalArgumentException for a store URI that does not parse or has no scheme, or a blank cache dir
     */
    public HadoopPartitionFetcher(String storeUri, String localCacheDir) {
        this(storeUri, localCacheDir, Map.of());
    }

    private HadoopPartitionFetcher(String storeUri, String localCacheDir, Map<String, String> hadoopOptions) {
        Objects.requireNonNull(storeUri, "storeUri");
        Objects.requireNonNull(localCacheDir, "localCacheDir");
        try {
            if (new URI(storeUri).getScheme() == null) {
                throw new IllegalArgumentException("storeUri '" + storeUri + "' has no scheme; expected a URI such as"
                        + " hdfs://namenode:8020/ticks or file:///data/ticks");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("storeUri '" + storeUri + "' is not a URI: " + e.getMessage(), e);
        }
        if (localCacheDir.isBlank()) {
            throw new IllegalArgumentException("localCacheDir is blank; expected a directory on the executors' disk");
        }
        this.storeUri = storeUri;
        this.localCacheDir = localCacheDir;
        this.hadoopOptions = Map.copyOf(hadoopOptions);
    }

    /** A fetcher that also sets {@code key = value} in its Hadoop configuration (e.g. an s3a endpoint). */
    public HadoopPartitionFetcher withHadoopOption(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> options = new LinkedHashMap<>(hadoopOptions);
        options.put(key, value);
        return new HadoopPartitionFetcher(storeUri, localCacheDir, options);
    }

    /** The remote store root. */
    public String storeUri() {
        return storeUri;
    }

    /** The local directory of the copies of this store: {@code <localCacheDir>/<name-based UUID of storeUri>}. */
    public Path localRoot() {
        return Path.of(localCacheDir).resolve(UUID.nameUUIDFromBytes(storeUri.getBytes(StandardCharsets.UTF_8))
                .toString());
    }

    /**
     * Mirrors {@code partition}'s directory and its symbol's instrument file into {@link #localRoot()}.
     *
     * @return the local store holding the partition; read it with {@code partition.query()}
     * @throws IllegalArgumentException naming the URI when the store has no such partition, no complete part in
     *                                  it, or no instrument file for its symbol
     * @throws UncheckedIOException     naming the file when a listing or copy fails
     */
    public TickStore fetch(Partition partition) {
        Objects.requireNonNull(partition, "partition");
        Configuration conf = new Configuration();
        hadoopOptions.forEach(conf::set);
        org.apache.hadoop.fs.Path remoteSymbol = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(
                new org.apache.hadoop.fs.Path(storeUri), "venue=" + partition.venue()), "symbol=" + partition.symbol());
        org.apache.hadoop.fs.Path remoteDate = new org.apache.hadoop.fs.Path(remoteSymbol, "date=" + partition.date());
        Path localRoot = localRoot();
        Path localSymbol = HiveLayout.symbolDir(localRoot, partition.venue(), partition.symbol());
        Path localDate = HiveLayout.partitionDir(localRoot, partition.venue(), partition.symbol(), partition.date());
        try {
            FileSystem fs = remoteSymbol.getFileSystem(conf);
            FileStatus[] listing;
            try {
                listing = fs.listStatus(remoteDate);
            } catch (FileNotFoundException e) {
                throw new IllegalArgumentException("the store " + storeUri + " has no partition " + partition + " ("
                        + remoteDate + " does not exist)", e);
            }
            Set<String> remoteParts = new HashSet<>();
            Files.createDirectories(localDate);
            org.apache.hadoop.fs.Path instrument = new org.apache.hadoop.fs.Path(remoteSymbol,
                    HiveLayout.INSTRUMENT_FILE);
            FileStatus instrumentStatus;
            try {
                instrumentStatus = fs.getFileStatus(instrument);
            } catch (FileNotFoundException e) {
                throw new IllegalArgumentException("the store " + storeUri + " has no " + HiveLayout.INSTRUMENT_FILE
                        + " for " + partition.venue() + "/" + partition.symbol() + " (" + instrument + ")", e);
            }
            int copied = copyIfChanged(fs, instrumentStatus, localSymbol.resolve(HiveLayout.INSTRUMENT_FILE));
            for (FileStatus f : listing) {
                String name = f.getPath().getName();
                if (f.isFile() && PART.matcher(name).matches()) {
                    remoteParts.add(name);
                    copied += copyIfChanged(fs, f, localDate.resolve(name));
                }
            }
            if (remoteParts.isEmpty()) {
                throw new IllegalArgumentException("the store " + storeUri + " has no complete part (part-N.parquet or"
                        + " part-N.csv) in " + remoteDate);
            }
            deleteLocalPartsNotIn(localDate, remoteParts);
            LOG.debug("fetched {} from {}: {} of {} files copied", partition, storeUri, copied, remoteParts.size() + 1);
            return TickStore.at(localRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("fetching " + partition + " from " + storeUri + " into " + localRoot
                    + ": " + e.getMessage(), e);
        }
    }

    /** Copies {@code remote} to {@code local} unless the local file has its length and modification time; 1 if copied. */
    private static int copyIfChanged(FileSystem fs, FileStatus remote, Path local) throws IOException {
        FileTime remoteTime = FileTime.fromMillis(remote.getModificationTime());
        if (Files.isRegularFile(local) && Files.size(local) == remote.getLen()
                && Files.getLastModifiedTime(local).equals(remoteTime)) {
            return 0;
        }
        Path tmp = local.resolveSibling("." + local.getFileName() + "." + UUID.randomUUID()
                + HiveLayout.IN_PROGRESS_SUFFIX);
        try {
            try (FSDataInputStream in = fs.open(remote.getPath())) {
                long n = Files.copy(in, tmp);
                if (n != remote.getLen()) {
                    throw new IOException("copied " + n + " bytes of " + remote.getPath() + ", which has "
                            + remote.getLen());
                }
            }
            Files.setLastModifiedTime(tmp, remoteTime);
            Files.move(tmp, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return 1;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void deleteLocalPartsNotIn(Path localDate, Set<String> remoteParts) throws IOException {
        List<Path> stale;
        try (Stream<Path> files = Files.list(localDate)) {
            stale = files.filter(f -> PART.matcher(f.getFileName().toString()).matches()
                    && !remoteParts.contains(f.getFileName().toString())).toList();
        }
        for (Path f : stale) {
            Files.deleteIfExists(f);
        }
    }

    /** The store, the cache and the Hadoop option keys (never their values, which may be credentials). */
    @Override
    public String toString() {
        return "HadoopPartitionFetcher[storeUri=" + storeUri + ", localCacheDir=" + localCacheDir
                + ", hadoopOptions=" + hadoopOptions.keySet() + "]";
    }
}
