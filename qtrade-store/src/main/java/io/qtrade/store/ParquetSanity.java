package io.qtrade.store;

import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Checks a Parquet file's footer and page headers against the file before parquet-mr allocates anything they
 * claim, so that a corrupt file is a {@link TickDataException} naming the file, row group and column, never an
 * {@code OutOfMemoryError} or a silently shorter read.
 * <ul>
 *   <li>Footer: every column chunk lies inside the file's data region ({@code [4, length - 8 - footerLength)});
 *       row counts are {@code >= 0}; a footer that lists no rows while the data region holds bytes is refused
 *       (a corrupt footer must not read as an empty file).</li>
 *   <li>Pages of a row group, before it is read: the chunk's codec class is on the class path; each header parses; {@code compressed_page_size} fits in what is
 *       left of the chunk (and equals {@code uncompressed_page_size} in an uncompressed chunk, which catches a codec
 *       flipped to {@code UNCOMPRESSED} in the footer); {@code uncompressed_page_size} is at most
 *       {@link #MAX_PAGE_BYTES}; the data pages'
 *       values add up to the row group's row count (the tick schema's columns are required and flat: one value a
 *       row); the chunk holds nothing after its last page.</li>
 * </ul>
 * Page contents are verified by their CRC where the writer stored one (the store's writer does:
 * {@code ParquetReadOptions.usePageChecksumVerification}).
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

    /** The page headers of every column chunk of row group {@code g}. */
    void checkPages(int g, BlockMetaData block) throws IOException {
        for (ColumnChunkMetaData c : block.getColumns()) {
            String column = c.getPath().toDotString();
            String codecClass = c.getCodec().getHadoopCompressionCodecClassName();
            if (codecClass != null) {
                try {
                    Class.forName(codecClass, false, ParquetSanity.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw bad(g, column, "compressed with " + c.getCodec() + ", whose codec class " + codecClass
                            + " is not on the class path", e);
                }
            }
            long pos = c.getStartingPos();
            long end = pos + c.getTotalSize();
            long values = 0;
            int page = 0;
            while (pos < end) {
                ChannelStream in = new ChannelStream(channel, pos, end);
                PageHeader h;
                try {
                    h = Util.readPageHeader(in);
                } catch (IOException | RuntimeException e) {
                    throw bad(g, column, "page " + page + " at byte " + pos + ": unreadable page header ("
                            + e.getMessage() + ")", e);
                }
                long headerBytes = in.position() - pos;
                int compressed = h.getCompressed_page_size();
                int uncompressed = h.getUncompressed_page_size();
                if (uncompressed < 0 || uncompressed > MAX_PAGE_BYTES) {
                    throw bad(g, column, "page " + page + " at byte " + pos + " claims " + uncompressed
                            + " uncompressed bytes: expected 0.." + MAX_PAGE_BYTES);
                }
                if (compressed < 0 || compressed > end - pos - headerBytes) {
                    throw bad(g, column, "page " + page + " at byte " + pos + " claims " + compressed
                            + " compressed bytes, " + (end - pos - headerBytes) + " are left in the column chunk");
                }
                if (c.getCodec() == org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED
                        && compressed != uncompressed) {
                    throw bad(g, column, "page " + page + " at byte " + pos + " of an uncompressed column chunk has "
                            + compressed + " stored bytes but " + uncompressed + " uncompressed: the footer's codec"
                            + " or the page header is corrupt");
                }
                if (h.isSetData_page_header()) {
                    values += h.getData_page_header().getNum_values();
                } else if (h.isSetData_page_header_v2()) {
                    values += h.getData_page_header_v2().getNum_values();
                }
                pos += headerBytes + compressed;
                page++;
            }
            if (values != block.getRowCount()) {
                throw bad(g, column, "the data pages hold " + values + " values, the footer says the row group has "
                        + block.getRowCount() + " rows");
            }
        }
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

    /** Bytes of the channel from {@code pos} up to {@code end}, read in small blocks. */
    private static final class ChannelStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private final ByteBuffer block = ByteBuffer.allocate(512);
        private long blockStart;
        private long pos;

        ChannelStream(FileChannel channel, long pos, long end) {
            this.channel = channel;
            this.pos = pos;
            this.end = end;
            this.blockStart = pos;
            block.limit(0);
        }

        long position() {
            return pos;
        }

        @Override
        public int read() throws IOException {
            if (pos >= end) {
                return -1;
            }
            if (!block.hasRemaining()) {
                block.clear();
                block.limit((int) Math.min(block.capacity(), end - pos));
                blockStart = pos;
                while (block.hasRemaining()) {
                    if (channel.read(block, blockStart + block.position()) < 0) {
                        break;
                    }
                }
                block.flip();
                if (!block.hasRemaining()) {
                    return -1;
                }
            }
            pos++;
            return block.get() & 0xFF;
        }
    }
}
