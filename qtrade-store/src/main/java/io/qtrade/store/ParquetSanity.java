package io.qtrade.store;

import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Checks a Parquet file's footer against the file before anything it claims is read or allocated, so that a corrupt
 * file is a {@link TickDataException} naming the file, row group and column, never an {@code OutOfMemoryError} or a
 * silently shorter read; {@link ColumnChunkDecoder} checks the page headers of each column chunk the same way.
 * <ul>
 *   <li>Footer: every column chunk lies inside the file's data region ({@code [4, length - 8 - footerLength)});
 *       row counts are {@code >= 0}; a footer that lists no rows while the data region holds bytes is refused
 *       (a corrupt footer must not read as an empty file).</li>
 * </ul>
 * Page contents are verified by their CRC where the writer stored one (the store's writer does).
 */
final class ParquetSanity {

    /** The largest uncompressed page accepted: 64 MiB (writers use about 1 MiB). */
    static final int MAX_PAGE_BYTES = 64 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long length;

    ParquetSanity(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.length = channel.size();
    }

    /** The footer's claims against the file's length. */
    void checkFooter(List<BlockMetaData> rowGroups) throws IOException {
        long footerLength = footerLength();
        long dataEnd = length - 8 - footerLength;
        long covered = 0;
        long rows = 0;
        for (int g = 0; g < rowGroups.size(); g++) {
            BlockMetaData block = rowGroups.get(g);
            if (block.getRowCount() < 0) {
                throw bad(g, "exch_ts", "the footer gives " + block.getRowCount() + " rows");
            }
            rows += block.getRowCount();
            for (ColumnChunkMetaData c : block.getColumns()) {
                long start = c.getStartingPos();
                long size = c.getTotalSize();
                if (start < 4 || size < 0 || start > dataEnd || size > dataEnd - start) {
                    throw bad(g, c.getPath().toDotString(), "column chunk [" + start + ", +" + size
                            + ") lies outside the data region [4, " + dataEnd + ") of a " + length + "-byte file");
                }
                covered += size;
            }
        }
        if (rows == 0 && dataEnd > 4) {
            throw new TickDataException(file, -1, "footer", "the footer lists no rows but the file holds "
                    + (dataEnd - 4) + " bytes of column data: the footer is corrupt");
        }
        if (covered > dataEnd - 4) {
            throw new TickDataException(file, -1, "footer", "the column chunks claim " + covered
                    + " bytes, more than the " + (dataEnd - 4) + " bytes of column data in the file");
        }
    }

    private long footerLength() throws IOException {
        ByteBuffer tail = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        channel.read(tail, length - 8);
        long footer = Integer.toUnsignedLong(tail.getInt(0));
        if (footer > length - 12) {
            throw new TickDataException(file, -1, "footer", "footer length " + footer + " exceeds the file ("
                    + length + " bytes)");
        }
        return footer;
    }

    /** The file, open for reading; the reader's column chunks are read through it. */
    FileChannel channel() {
        return channel;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Read-only channel: nothing was written that could be lost.
        }
    }

    private TickDataException bad(int g, String column, String detail) {
        return new TickDataException(file, -1, column, "row group " + g + ": " + detail);
    }

    private TickDataException bad(int g, String column, String detail, Throwable cause) {
        return new TickDataException(file, -1, column, "row group " + g + ": " + detail, cause);
    }
}
