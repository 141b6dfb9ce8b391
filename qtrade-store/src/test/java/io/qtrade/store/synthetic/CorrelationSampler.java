package io.qtrade.store.synthetic;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;

/** Rebuilds two instruments' books from a generator's events and correlates their mid changes over fixed intervals. */
final class CorrelationSampler {

    private CorrelationSampler() {
    }

    /** {correlation, samples, sd of A's mid change in ticks} of mid changes sampled every {@code intervalNanos}. */
    static double[] sampleCorrelation(SyntheticMarket market, long intervalNanos) {
        ReferenceBook[] books = {new ReferenceBook(), new ReferenceBook()};
        EventBatch batch = new EventBatch(4096);
        EventCursor cursor = new EventCursor();
        long start = market.config().startNanos();
        long nextSample = start + intervalNanos;
        double prevA = Double.NaN;
        double prevB = Double.NaN;
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = 0;
        while (market.readBatch(batch)) {
            cursor.reset(batch);
            while (cursor.next()) {
                while (cursor.exchTs() >= nextSample) {
                    double a = books[0].midTicks();
                    double b = books[1].midTicks();
                    if (!Double.isNaN(prevA)) {
                        double da = a - prevA;
                        double db = b - prevB;
                        sa += da;
                        sb += db;
                        saa += da * da;
                        sbb += db * db;
                        sab += da * db;
                        n++;
                    }
                    prevA = a;
                    prevB = b;
                    nextSample += intervalNanos;
                }
                ReferenceBook book = books[cursor.instrument()];
                byte kind = cursor.kindCode();
                if (kind == EventKind.SNAPSHOT_BEGIN.code()) {
                    book.clear();
                } else if (kind == EventKind.DEPTH_UPDATE.code()) {
                    book.apply(cursor.sideCode(), Math.round(cursor.price() / 0.01), cursor.qty());
                }
            }
        }
        double cov = sab / n - (sa / n) * (sb / n);
        double va = saa / n - (sa / n) * (sa / n);
        double vb = sbb / n - (sb / n) * (sb / n);
        return new double[] {cov / Math.sqrt(va * vb), n, Math.sqrt(va)};
    }
}
