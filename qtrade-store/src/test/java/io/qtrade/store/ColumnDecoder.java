package io.qtrade.store;

import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decodes one required, non-repeated primitive column of one row group page by page, straight from parquet's
 * {@link ValuesReader} for the page's encoding (plain, dictionary, delta, ...) into the caller's primitive array.
 * It skips the record-assembly state machine of parquet's {@code ColumnReader}, which costs a few calls per value
 * for definition and repetition levels that a required flat column does not have: the difference between about
 * 3 and over 10 million rows per second for the tick schema (see docs/benchmarks.md).
 *
 * <p>Data pages v1 (levels, then values) and v2 (levels stored apart) are both read; for a required column of a
 * flat schema both level sections are empty.
 */
final class ColumnDecoder {

    private final Path file;
    private final int rowGroup;
    private final ColumnDescriptor column;
    private final PageReader pages;
    private final Dictionary dictionary;
    private ValuesReader values;
    private int remainingInPage;

    ColumnDecoder(Path file, int rowGroup, ColumnDescriptor column, PageReader pages) {
        this.file = file;
        this.rowGroup = rowGroup;
        this.column = column;
        this.pages = pages;
        DictionaryPage dp = pages.readDictionaryPage();
        try {
            this.dictionary = dp == null ? null : dp.getEncoding().initDictionary(column, dp);
        } catch (IOException e) {
            throw new TickDataException(file, -1, column.getPath()[0], "row group " + rowGroup
                    + ": cannot read the dictionary page (" + e + ")", e);
        }
    }

    void readLongs(long[] out, int n) {
        int i = 0;
        while (i < n) {
            int k = available(n - i);
            ValuesReader v = values;
            for (int end = i + k; i < end; i++) {
                out[i] = v.readLong();
            }
            remainingInPage -= k;
        }
    }

    void readInts(int[] out, int n) {
        int i = 0;
        while (i < n) {
            int k = available(n - i);
            ValuesReader v = values;
            for (int end = i + k; i < end; i++) {
                out[i] = v.readInteger();
            }
            remainingInPage -= k;
        }
    }

    void readDoubles(double[] out, int n) {
        int i = 0;
        while (i < n) {
            int k = available(n - i);
            ValuesReader v = values;
            for (int end = i + k; i < end; i++) {
                out[i] = v.readDouble();
            }
            remainingInPage -= k;
        }
    }

    /** Values ready in the current page, at most {@code wanted}; opens the next page when this one is used up. */
    private int available(int wanted) {
        if (remainingInPage == 0) {
            nextPage();
        }
        return Math.min(wanted, remainingInPage);
    }

    private void nextPage() {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new TickDataException(file, -1, column.getPath()[0], "row group " + rowGroup + " ends before its row count");
        }
        try {
            if (page instanceof DataPageV1 v1) {
                ByteBufferInputStream in = v1.getBytes().toInputStream();
                // Required flat column: max levels 0, so these readers consume no bytes; kept for exactness.
                v1.getRlEncoding().getValuesReader(column, ValuesType.REPETITION_LEVEL)
                        .initFromPage(v1.getValueCount(), in);
                v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL)
                        .initFromPage(v1.getValueCount(), in);
                open(v1.getValueEncoding(), in, v1.getValueCount());
            } else {
                DataPageV2 v2 = (DataPageV2) page;
                open(v2.getDataEncoding(), v2.getData().toInputStream(), v2.getValueCount());
            }
        } catch (IOException e) {
            throw new TickDataException(file, -1, column.getPath()[0], "row group " + rowGroup + ": cannot decode a page ("
                    + e + ")", e);
        }
    }

    private void open(Encoding encoding, ByteBufferInputStream in, int count) throws IOException {
        if (encoding.usesDictionary()) {
            if (dictionary == null) {
                throw new TickDataException(file, -1, column.getPath()[0], "row group " + rowGroup
                        + ": a dictionary-encoded page without a dictionary page");
            }
            values = encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary);
        } else {
            values = encoding.getValuesReader(column, ValuesType.VALUES);
        }
        values.initFromPage(count, in);
        remainingInPage = count;
    }

    @Override
    public String toString() {
        return "ColumnDecoder[" + column + ", remainingInPage=" + remainingInPage + "]";
    }
}
