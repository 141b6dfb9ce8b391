package io.qtrade.backtest.report;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.exchange.ExchangeSettings;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * What a backtest ran with, for the report's "Run settings" table and a short console summary: the data, each
 * instrument's latency, queue and fee models, the seed, the initial cash, the mark interval and the engine's version.
 *
 * <pre>{@code
 * Backtest backtest = ...;
 * RunSettings settings = RunSettings.of(backtest, "sample store, venue SIM, 2024-01-02..2024-01-04");
 * System.out.println(settings.summary());          // a few short lines, not one toString of 1,000 characters
 * }</pre>
 *
 * @param data              what the market data was, in words (a store and its query, a generator and its seed)
 * @param exchanges         the exchange settings of each instrument
 * @param seed              the backtest's seed
 * @param initialCash       each strategy's initial cash
 * @param markIntervalNanos interval of the equity marks, nanoseconds
 * @param engineVersion     the version of {@code qtrade-backtest} that ran it ({@link #installedEngineVersion()})
 */
public record RunSettings(String data, List<ExchangeSettings> exchanges, long seed, double initialCash,
                          long markIntervalNanos, String engineVersion) {

    /** Validates and copies. */
    public RunSettings {
        Objects.requireNonNull(data, "run settings: data");
        exchanges = List.copyOf(exchanges);
        Objects.requireNonNull(engineVersion, "run settings: engineVersion");
    }

    /** The settings of {@code backtest}, with the data described as {@code data}. */
    public static RunSettings of(Backtest backtest, String data) {
        return new RunSettings(data, backtest.exchangeSettings(), backtest.seed(), backtest.initialCash(),
                backtest.markIntervalNanos(), installedEngineVersion());
    }

    /**
     * The version of the {@code qtrade-backtest} on the class path: the jar manifest's {@code Implementation-Version},
     * else the version in the jar's Maven {@code pom.properties}, else {@code "development build (classes
     * directory)"} when it runs from a build tree.
     */
    public static String installedEngineVersion() {
        String v = Backtest.class.getPackage() == null ? null : Backtest.class.getPackage().getImplementationVersion();
        if (v != null) {
            return "qtrade-backtest " + v;
        }
        try (InputStream in = Backtest.class.getResourceAsStream(
                "/META-INF/maven/io.qtrade/qtrade-backtest/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String pv = p.getProperty("version");
                if (pv != null) {
                    return "qtrade-backtest " + pv;
                }
            }
        } catch (IOException e) {
            // fall through: the version is unknown
        }
        return "qtrade-backtest, development build (classes directory)";
    }

    /** A few lines for a console: data, seed, cash, marks, engine, then one line per instrument's models. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("data: ").append(data).append('\n');
        s.append(String.format(Locale.ROOT, "seed %d, initial cash %,.2f per strategy, equity marked every %s, %s%n",
                seed, initialCash, HtmlReport.duration(markIntervalNanos), engineVersion));
        for (ExchangeSettings e : exchanges) {
            s.append("  ").append(e.instrument().id()).append(": latency ").append(shortName(e.latency()))
                    .append(", queue ").append(shortName(e.queue())).append(", fees ").append(shortName(e.fees()))
                    .append('\n');
        }
        return s.toString();
    }

    /** {@code Name[a=1, b=2]} from a model's {@code toString()}, at most 100 characters (cut with "..."). */
    static String shortName(Object model) {
        String s = String.valueOf(model);
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}
