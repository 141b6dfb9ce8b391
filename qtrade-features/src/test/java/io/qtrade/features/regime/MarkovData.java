package io.qtrade.features.regime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** CSV columns of the Markov-switching reference files under {@code /refcases/}. */
final class MarkovData {

    private MarkovData() {
    }

    static double[] column(String resource, String name) {
        try (InputStream in = MarkovData.class.getResourceAsStream("/refcases/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /refcases/" + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            String[] header = lines[0].split(",");
            int c = java.util.Arrays.asList(header).indexOf(name);
            if (c < 0) {
                throw new IllegalStateException(resource + ": no column " + name);
            }
            double[] out = new double[lines.length - 1];
            for (int i = 1; i < lines.length; i++) {
                out[i - 1] = Double.parseDouble(lines[i].split(",")[c]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
