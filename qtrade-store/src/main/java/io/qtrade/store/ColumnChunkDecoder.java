package io.qtrade.store;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads one required, flat INT32, INT64 or DOUBLE column of a Parquet file row group by row group, with no
 * parquet-mr page machinery on the path: the column chunk's bytes are read from the file into a native buffer this
 * decoder keeps (no copy through a temporary native buffer, as a heap buffer would take), every page header is checked against the chunk before anything it claims is used, and each data page is
 * CRC-checked, decompressed into a reused buffer and decoded whole into a reused {@code long[]}
 * ({@link PageEncodings}). After the first row groups have sized the buffers, reading allocates nothing per value and
 * a few header objects per page.
 *
 * <p>Codecs decoded here: UNCOMPRESSED, SNAPPY, ZSTD and LZ4_RAW (aircompressor, pure Java, bounds-checked, into the
 * reused buffer). Other codecs (GZIP, LZO, BROTLI, LZ4) go through parquet-mr's codec factory when their classes are
 * on the class path (a new buffer per page), and are refused naming the codec otherwise. Encodings: PLAIN,
 * PLAIN_DICTIONARY / RLE_DICTIONARY, DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT; any other is refused.
 *
 * <p>Every failure is a {@link TickDataException} naming the file, the row group and the column.
 */
final class ColumnChunkDecoder {

    private Path file;
    private final String column;
    private final int width;
    private final CRC32 crc = new CRC32();
    private final List<PageHeader> headers = new ArrayList<>();
    private final EnumSet<Encoding> encodingsSeen = EnumSet.noneOf(Encoding.class);
    private final byte[] miniblockWidths = new byte[PageEncodings.MAX_DELTA_BLOCK / 32];
    private final ChunkStream stream = new ChunkStream();
    private int[] pageStart = new int[16];
    private byte[] page = new byte[0];
    /**
     * The column chunk's bytes, in native memory: the file is read straight into it (a heap buffer would be filled
     * through a temporary native one, one more copy of every byte), and the pages are decompressed from it.
     */
    private ByteBuffer chunk = ByteBuffer.allocateDirect(0);
    /** A view of {@link #chunk} whose position and limit frame one page for the CRC and the decompressor. */
    private ByteBuffer chunkView = chunk.duplicate();
    /** A view of {@link #page} for the decompressor's output. */
    private ByteBuffer pageView = ByteBuffer.wrap(page);
    private long[] dictionary = new long[0];
    private int dictionarySize = -1;
    private long[] values = new long[0];
    private int rowGroup = -1;
    private CompressionCodecName codec;
    private Decompressor decompressor;
    private CodecFactory.BytesDecompressor fallback;
    private CodecFactory fallbackFactory;
    private int nextPage;
    private int valuesInPage;
    private int positionInPage;
    private long lastMin;
    private long lastMax;

    /**
     * @param file   the file, for messages
     * @param column the column's name, for messages
     * @param width  bytes per value: 4 (INT32) or 8 (INT64, DOUBLE)
     */
    ColumnChunkDecoder(Path file, String column, int width) {
        this.file = file;
        this.column = column;
        this.width = width;
    }

    /** The value encodings of the data pages read so far, for tests that a file exercises each. */
    Set<Encoding> encodingsSeen() {
        return encodingsSeen;
    }

    /**
     * Readies this decoder, and the buffers earlier files have sized, for another file: forgets the row group, the
     * dictionary and the encodings seen.
     */
    void reset(Path newFile) {
        this.file = newFile;
        rowGroup = -1;
        headers.clear();
        encodingsSeen.clear();
        dictionarySize = -1;
        nextPage = 0;
        valuesInPage = 0;
        positionInPage = 0;
    }

    /** Pages (dictionary and data) in the column chunk opened last. */
    int pages() {
        return headers.size();
    }

    /**
     * Reads the column chunk of row group {@code g} from {@code channel} and checks its page headers: each parses;
     * {@code compressed_page_size} fits in what is left of the chunk (and equals {@code uncompressed_page_size} in an
     * uncompressed chunk, which catches a codec flipped to {@code UNCOMPRESSED} in the footer);
     * {@code uncompressed_page_size} is at most {@link ParquetSanity#MAX_PAGE_BYTES}; the data pages' values add up
     * to {@code rows}; the chunk holds nothing after its last page.
     */
    void open(FileChannel channel, int g, ColumnChunkMetaData meta, long rows) throws IOException {
        rowGroup = g;
        setCodec(meta.getCodec());
        long size = meta.getTotalSize();
        if (size > Integer.MAX_VALUE - PageEncodings.SLACK) {
            throw bad("the column chunk claims " + size + " bytes");
        }
        int n = (int) size;
        if (chunk.capacity() < n + PageEncodings.SLACK) {
            chunk = ByteBuffer.allocateDirect(n + PageEncodings.SLACK + (n >>> 3));
            chunkView = chunk.duplicate();
        }
        chunk.clear();
        long start = meta.getStartingPos();
        int read = 0;
        while (read < n) {
            chunk.limit(n).position(read);
            int got = channel.read(chunk, start + read);
            if (got < 0) {
                throw bad("the file ends inside the column chunk [" + start + ", +" + size + ")");
            }
            read += got;
        }
        headers.clear();
        long valuesInChunk = 0;
        int pos = 0;
        int pageNo = 0;
        while (pos < n) {
            stream.reset(chunk, pos, n);
            PageHeader h;
            try {
                h = Util.readPageHeader(stream);
            } catch (IOException | RuntimeException e) {
                throw bad("page " + pageNo + " at byte " + (start + pos) + ": unreadable page header ("
                        + e.getMessage() + ")", e);
            }
            int headerBytes = stream.position() - pos;
            int compressed = h.getCompressed_page_size();
            int uncompressed = h.getUncompressed_page_size();
            if (uncompressed < 0 || uncompressed > ParquetSanity.MAX_PAGE_BYTES) {
                throw bad("page " + pageNo + " at byte " + (start + pos) + " claims " + uncompressed
                        + " uncompressed bytes: expected 0.." + ParquetSanity.MAX_PAGE_BYTES);
            }
            if (compressed < 0 || compressed > n - pos - headerBytes) {
                throw bad("page " + pageNo + " at byte " + (start + pos) + " claims " + compressed
                        + " compressed bytes, " + (n - pos - headerBytes) + " are left in the column chunk");
            }
            if (codec == CompressionCodecName.UNCOMPRESSED && compressed != uncompressed) {
                throw bad("page " + pageNo + " at byte " + (start + pos) + " of an uncompressed column chunk has "
                        + compressed + " stored bytes but " + uncompressed + " uncompressed: the footer's codec"
                        + " or the page header is corrupt");
            }
            if (h.isSetData_page_header()) {
                valuesInChunk += h.getData_page_header().getNum_values();
            } else if (h.isSetData_page_header_v2()) {
                valuesInChunk += h.getData_page_header_v2().getNum_values();
            }
            if (headers.size() == pageStart.length) {
                pageStart = java.util.Arrays.copyOf(pageStart, pageStart.length * 2);
            }
            pageStart[headers.size()] = pos + headerBytes;
            headers.add(h);
            pos += headerBytes + compressed;
            pageNo++;
        }
        if (valuesInChunk != rows) {
            throw bad("the data pages hold " + valuesInChunk + " values, the footer says the row group has "
                    + rows + " rows");
        }
        nextPage = 0;
        valuesInPage = 0;
        positionInPage = 0;
        dictionarySize = -1;
    }

    private void setCodec(CompressionCodecName c) {
        if (c == codec) {
            return;
        }
        codec = c;
        decompressor = null;
        fallback = null;
        switch (c) {
            case UNCOMPRESSED -> { }
            case SNAPPY -> decompressor = new SnappyDecompressor();
            case ZSTD -> decompressor = new ZstdDecompressor();
            case LZ4_RAW -> decompressor = new Lz4Decompressor();
            default -> {
                String codecClass = c.getHadoopCompressionCodecClassName();
                try {
                    if (codecClass == null) {
                        throw new ClassNotFoundException("no codec class");
                    }
                    Class.forName(codecClass, false, ColumnChunkDecoder.class.getClassLoader());
                    if (fallbackFactory == null) {
                        fallbackFactory = new CodecFactory(new PlainParquetConfiguration(), 1 << 20);
                    }
                    fallback = fallbackFactory.getDecompressor(c);
                } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                    codec = null;
                    throw bad("compressed with " + c + ", whose codec class " + codecClass
                            + " is not on the class path", e);
                }
            }
        }
    }

    /** Fills {@code out[0, n)} with the next {@code n} values of the row group (raw bits for DOUBLE columns). */
    void read(long[] out, int n) {
        read(out, 0, n);
    }

    /** Fills {@code out[at, at + n)} with the next {@code n} values (raw bits for DOUBLE columns). */
    void read(long[] out, int at, int n) {
        int i = 0;
        while (i < n) {
            if (positionInPage == valuesInPage) {
                nextDataPage();
                continue;
            }
            int k = Math.min(n - i, valuesInPage - positionInPage);
            System.arraycopy(values, positionInPage, out, at + i, k);
            positionInPage += k;
            i += k;
        }
    }

    /** Fills {@code out[at, at + n)} with the next {@code n} values of a DOUBLE column, bit for bit. */
    void readDoubles(double[] out, int at, int n) {
        int i = 0;
        while (i < n) {
            if (positionInPage == valuesInPage) {
                nextDataPage();
                continue;
            }
            int k = Math.min(n - i, valuesInPage - positionInPage);
            long[] v = values;
            for (int j = 0, from = positionInPage, to = at + i; j < k; j++) {
                out[to + j] = Double.longBitsToDouble(v[from + j]);
            }
            positionInPage += k;
            i += k;
        }
    }

    /**
     * Fills {@code out[at, at + n)} with the next {@code n} values of an INT32 column narrowed to bytes, and notes
     * their range ({@link #lastMin()}, {@link #lastMax()}). A value outside {@code -128..127} does not survive the
     * narrowing: then {@code raw[0, n)} receives every value as decoded, and the call returns {@code false}.
     *
     * @return whether every value fitted a byte (and {@code out} holds them exactly)
     */
    boolean readBytes(byte[] out, int at, int n, long[] raw) {
        if (width != 4) {
            throw new IllegalStateException(column + " is not an INT32 column");
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean fit = true;
        int i = 0;
        while (i < n) {
            if (positionInPage == valuesInPage) {
                nextDataPage();
                continue;
            }
            int k = Math.min(n - i, valuesInPage - positionInPage);
            long[] v = values;
            int from = positionInPage;
            long sliceMin = Long.MAX_VALUE;
            long sliceMax = Long.MIN_VALUE;
            for (int j = 0, to = at + i; j < k; j++) {
                long x = v[from + j];
                out[to + j] = (byte) x;
                sliceMin = Math.min(sliceMin, x);
                sliceMax = Math.max(sliceMax, x);
            }
            if (fit && (sliceMin < Byte.MIN_VALUE || sliceMax > Byte.MAX_VALUE)) {
                fit = false;
                for (int j = 0; j < i; j++) {
                    raw[j] = out[at + j]; // exact: these fitted
                }
            }
            if (!fit) {
                System.arraycopy(v, from, raw, i, k);
            }
            min = Math.min(min, sliceMin);
            max = Math.max(max, sliceMax);
            positionInPage += k;
            i += k;
        }
        lastMin = min;
        lastMax = max;
        return fit;
    }

    /** The smallest value of the last {@link #readBytes} ({@code Long.MAX_VALUE} when it read none). */
    long lastMin() {
        return lastMin;
    }

    /** The largest value of the last {@link #readBytes} ({@code Long.MIN_VALUE} when it read none). */
    long lastMax() {
        return lastMax;
    }

    /**
     * Fills {@code out[at, at + n)} with the next {@code n} values of an INT32 column (decoded sign-extended, so
     * each fits an {@code int} exactly).
     */
    void readInts(int[] out, int at, int n) {
        if (width != 4) {
            throw new IllegalStateException(column + " is not an INT32 column");
        }
        int i = 0;
        while (i < n) {
            if (positionInPage == valuesInPage) {
                nextDataPage();
                continue;
            }
            int k = Math.min(n - i, valuesInPage - positionInPage);
            long[] v = values;
            for (int j = 0, from = positionInPage, to = at + i; j < k; j++) {
                out[to + j] = (int) v[from + j];
            }
            positionInPage += k;
            i += k;
        }
    }

    private void nextDataPage() {
        while (true) {
            if (nextPage == headers.size()) {
                throw bad("the row group's pages end before its row count");
            }
            int index = nextPage++;
            PageHeader h = headers.get(index);
            PageType type = h.getType();
            if (type == PageType.DICTIONARY_PAGE) {
                readDictionary(index, h);
            } else if (type == PageType.DATA_PAGE || type == PageType.DATA_PAGE_V2) {
                readData(index, h);
                return;
            } else if (type != PageType.INDEX_PAGE) {
                throw bad("page " + index + " has type " + type);
            }
        }
    }

    private void readDictionary(int index, PageHeader h) {
        if (dictionarySize >= 0 || index != 0) {
            throw bad("page " + index + " is a second dictionary page or follows a data page");
        }
        DictionaryPageHeader d = h.getDictionary_page_header();
        if (d == null) {
            throw bad("page " + index + " is a dictionary page without a dictionary page header");
        }
        Encoding e = d.getEncoding();
        if (e != Encoding.PLAIN && e != Encoding.PLAIN_DICTIONARY) {
            throw bad("page " + index + ": a dictionary page encoded " + e + ", expected PLAIN");
        }
        int count = d.getNum_values();
        if (count < 0 || (long) count * width != h.getUncompressed_page_size()) {
            throw bad("page " + index + ": a dictionary of " + count + " values of " + width + " bytes in "
                    + h.getUncompressed_page_size() + " bytes");
        }
        int from = pageBytes(index, h, 0);
        if (dictionary.length < count) {
            dictionary = new long[count + (count >>> 2)];
        }
        try {
            PageEncodings.plain(page, from, from + h.getUncompressed_page_size(), width, dictionary, count);
        } catch (PageEncodings.CorruptPageException ex) {
            throw bad("page " + index + ": " + ex.getMessage(), ex);
        }
        dictionarySize = count;
    }

    private void readData(int index, PageHeader h) {
        int count;
        Encoding encoding;
        int levelBytes = 0;
        if (h.getType() == PageType.DATA_PAGE) {
            DataPageHeader d = h.getData_page_header();
            if (d == null) {
                throw bad("page " + index + " is a data page without a data page header");
            }
            count = d.getNum_values();
            encoding = d.getEncoding();
        } else {
            DataPageHeaderV2 d = h.getData_page_header_v2();
            if (d == null) {
                throw bad("page " + index + " is a v2 data page without a v2 data page header");
            }
            count = d.getNum_values();
            encoding = d.getEncoding();
            if (d.getNum_nulls() != 0 || d.getRepetition_levels_byte_length() < 0
                    || d.getDefinition_levels_byte_length() < 0) {
                throw bad("page " + index + ": a required column's page has " + d.getNum_nulls() + " nulls and "
                        + "level sections of " + d.getRepetition_levels_byte_length() + " and "
                        + d.getDefinition_levels_byte_length() + " bytes");
            }
            levelBytes = d.getRepetition_levels_byte_length() + d.getDefinition_levels_byte_length();
        }
        if (count < 0 || encoding == null) {
            throw bad("page " + index + " claims " + count + " values encoded " + encoding);
        }
        int from = pageBytes(index, h, levelBytes);
        int to = from + h.getUncompressed_page_size() - levelBytes;
        if (values.length < count) {
            values = new long[count];
        }
        try {
            switch (encoding) {
                case PLAIN -> PageEncodings.plain(page, from, to, width, values, count);
                case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                    if (dictionarySize < 0) {
                        throw bad("page " + index + ": a dictionary-encoded page without a dictionary page");
                    }
                    PageEncodings.dictionary(page, from, to, dictionary, dictionarySize, values, count);
                }
                case DELTA_BINARY_PACKED -> PageEncodings.delta(page, from, to, width, values, count,
                        miniblockWidths);
                case BYTE_STREAM_SPLIT -> PageEncodings.byteStreamSplit(page, from, to, width, values, count);
                default -> throw bad("page " + index + " is encoded " + encoding + ", which a required "
                        + (width == 4 ? "INT32" : "8-byte") + " column of the tick schema does not use");
            }
        } catch (PageEncodings.CorruptPageException ex) {
            throw bad("page " + index + " (" + encoding + ", " + count + " values): " + ex.getMessage(), ex);
        }
        encodingsSeen.add(encoding);
        valuesInPage = count;
        positionInPage = 0;
    }

    /**
     * Checks page {@code index}'s CRC and decompresses it into {@link #page} (a v2 page's {@code levelBytes} of
     * levels are stored uncompressed before its data, and its data may be stored uncompressed).
     *
     * @return where the page's values start in {@link #page}
     */
    private int pageBytes(int index, PageHeader h, int levelBytes) {
        int at = pageStart[index];
        int compressed = h.getCompressed_page_size();
        int uncompressed = h.getUncompressed_page_size();
        if (h.isSetCrc()) {
            crc.reset();
            crc.update(chunkView.limit(at + compressed).position(at));
            if ((int) crc.getValue() != h.getCrc()) {
                throw bad("page " + index + ": CRC mismatch (the page's bytes are corrupt)");
            }
        }
        if (levelBytes > compressed || levelBytes > uncompressed) {
            throw bad("page " + index + ": level sections of " + levelBytes + " bytes in a page of "
                    + compressed + " stored bytes");
        }
        boolean stored = codec == CompressionCodecName.UNCOMPRESSED
                || (h.isSetData_page_header_v2() && h.getData_page_header_v2().isSetIs_compressed()
                && !h.getData_page_header_v2().isIs_compressed());
        if (stored) {
            if (compressed != uncompressed) {
                throw bad("page " + index + " is stored uncompressed in " + compressed + " bytes but claims "
                        + uncompressed);
            }
        }
        if (page.length < uncompressed + PageEncodings.SLACK) {
            page = new byte[uncompressed + PageEncodings.SLACK + (uncompressed >>> 3)];
            pageView = ByteBuffer.wrap(page);
        }
        if (stored) {
            chunk.get(at + levelBytes, page, 0, uncompressed - levelBytes);
            return 0;
        }
        int inFrom = at + levelBytes;
        int inLength = compressed - levelBytes;
        int outLength = uncompressed - levelBytes;
        int got;
        try {
            if (decompressor != null) {
                ByteBuffer out = pageView.clear().limit(outLength);
                decompressor.decompress(chunkView.limit(inFrom + inLength).position(inFrom), out);
                got = out.position();
            } else {
                BytesInput out = fallback.decompress(BytesInput.from(chunkView.limit(inFrom + inLength)
                        .position(inFrom).slice()), outLength);
                byte[] bytes = out.toByteArray();
                got = bytes.length;
                System.arraycopy(bytes, 0, page, 0, Math.min(got, outLength));
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            throw bad("page " + index + ": cannot decompress " + inLength + " bytes of " + codec + " (" + e + ")",
                    e);
        }
        if (got != outLength) {
            throw bad("page " + index + ": " + codec + " gave " + got + " bytes, the page header says "
                    + outLength);
        }
        return 0;
    }

    private TickDataException bad(String detail) {
        return new TickDataException(file, -1, column, "row group " + rowGroup + ": " + detail);
    }

    private TickDataException bad(String detail, Throwable cause) {
        return new TickDataException(file, -1, column, "row group " + rowGroup + ": " + detail, cause);
    }

    @Override
    public String toString() {
        return "ColumnChunkDecoder[" + column + ", row group " + rowGroup + ", page " + nextPage + "]";
    }

    /** An {@link InputStream} over a slice of the chunk, for the page header parser; reset for each page. */
    private static final class ChunkStream extends InputStream {
        private ByteBuffer bytes;
        private int pos;
        private int end;

        void reset(ByteBuffer bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        int position() {
            return pos;
        }

        @Override
        public int read() {
            return pos < end ? bytes.get(pos++) & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= end) {
                return -1;
            }
            int k = Math.min(len, end - pos);
            bytes.get(pos, b, off, k);
            pos += k;
            return k;
        }
    }
}
