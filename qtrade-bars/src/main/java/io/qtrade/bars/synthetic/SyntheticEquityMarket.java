package io.qtrade.bars.synthetic;

import io.qtrade.bars.universe.Universe;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A generated daily equity market of many symbols, streamed bar by bar (memory: a few arrays per symbol, never the
 * history). Same settings and seed, same bars to the bit.
 *
 * <p>Daily log return of symbol {@code i} on business day {@code t}:
 * <pre>{@code
 * r_i,t   = mu_i,t + beta_i * f_t + e_i,t
 * f_t     = sqrt(hF_t) * z_t,            hF_t = wF + a * f_{t-1}^2 + b * hF_{t-1}        (GARCH(1,1), Bollerslev 1986)
 * e_i,t   = sqrt(hE_i,t) * z_i,t,        hE_i,t = wE_i + a * e_{i,t-1}^2 + b * hE_{i,t-1}
 * z       ~ Student-t(nu) scaled to unit variance       (fat tails)
 * mu_i,t  = phi * mu_i,t-1 + sigmaMu * sqrt(1 - phi^2) * n_i,t     (persistent expected-return differences)
 * }</pre>
 * with {@code w} set so the unconditional variances give {@code factorVolAnnual} and each symbol's
 * {@code idioVolAnnual} (drawn around the setting), betas drawn from {@code N(1, 0.3^2)}, 252 days a year. The
 * opening gap is 30% of the day's return; high and low extend beyond open and close by half-normal amounts scaled
 * by the day's volatility; prices are rounded to the 0.01 tick; volume is lognormal and grows with the absolute
 * return. A fraction of the symbols lists after the start and a fraction delists before the end: their bars exist
 * only while listed, and {@link #universe()} describes it for the engine.
 *
 * <p>Bars are business days (Monday to Friday) as UTC days {@code [date, date + 1)}.
 */
public final class SyntheticEquityMarket implements BarSource {

    /**
     * The market's settings.
     *
     * @param symbols         how many symbols ({@code S000}, {@code S001}, ...)
     * @param days            business days
     * @param start           first business day (moved forward to a Monday-Friday date)
     * @param seed            random seed
     * @param factorVolAnnual annualised market-factor volatility
     * @param idioVolAnnual   mean annualised idiosyncratic volatility
     * @param tDegrees        Student-t degrees of freedom ({@code > 2}; rounded to an integer)
     * @param garchAlpha      GARCH reaction {@code a}
     * @param garchBeta       GARCH persistence {@code b} ({@code a + b < 1})
     * @param muVolAnnual     cross-sectional dispersion of expected returns, annualised
     * @param muPersistence   daily AR(1) coefficient {@code phi} of expected returns
     * @param lateListing     fraction of symbols listed during the first half
     * @param delisting       fraction of symbols delisted during the second half
     */
    public record Settings(int symbols, int days, LocalDate start, long seed, double factorVolAnnual,
                           double idioVolAnnual, double tDegrees, double garchAlpha, double garchBeta,
                           double muVolAnnual, double muPersistence, double lateListing, double delisting) {

        /** 100 symbols, 10 years from 2010-01-04, seed 7, a US large-cap-like market. */
        public static final Settings DEFAULTS = new Settings(100, 2520, LocalDate.of(2010, 1, 4), 7L, 0.16, 0.25,
                5.0, 0.08, 0.90, 0.08, 0.998, 0.2, 0.1);

        public Settings {
            Objects.requireNonNull(start, "start");
            if (symbols <= 0 || days <= 0) {
                throw new IllegalArgumentException("synthetic market: symbols and days must be positive, were "
                        + symbols + " and " + days);
            }
            if (!(Math.round(tDegrees) > 2)) {
                throw new IllegalArgumentException("synthetic market: tDegrees must be > 2, was " + tDegrees);
            }
            if (!(garchAlpha >= 0) || !(garchBeta >= 0) || !(garchAlpha + garchBeta < 1)) {
                throw new IllegalArgumentException("synthetic market: GARCH needs a, b >= 0 and a + b < 1, were "
                        + garchAlpha + " and " + garchBeta);
            }
            if (!(muPersistence >= 0 && muPersistence < 1)) {
                throw new IllegalArgumentException("synthetic market: muPersistence must be in [0, 1), was "
                        + muPersistence);
            }
            if (!(lateListing >= 0 && lateListing <= 1) || !(delisting >= 0 && delisting <= 1)) {
                throw new IllegalArgumentException("synthetic market: lateListing and delisting must be fractions,"
                        + " were " + lateListing + " and " + delisting);
            }
        }

        public Settings withSymbols(int value) {
            return new Settings(value, days, start, seed, factorVolAnnual, idioVolAnnual, tDegrees, garchAlpha,
                    garchBeta, muVolAnnual, muPersistence, lateListing, delisting);
        }

        public Settings withDays(int value) {
            return new Settings(symbols, value, start, seed, factorVolAnnual, idioVolAnnual, tDegrees, garchAlpha,
                    garchBeta, muVolAnnual, muPersistence, lateListing, delisting);
        }

        public Settings withSeed(long value) {
            return new Settings(symbols, days, start, value, factorVolAnnual, idioVolAnnual, tDegrees, garchAlpha,
                    garchBeta, muVolAnnual, muPersistence, lateListing, delisting);
        }

        /** These settings with every symbol listed for the whole span (no survivorship). */
        public Settings withoutListingChanges() {
            return new Settings(symbols, days, start, seed, factorVolAnnual, idioVolAnnual, tDegrees, garchAlpha,
                    garchBeta, muVolAnnual, muPersistence, 0.0, 0.0);
        }
    }

    private static final long DAY = 86_400_000_000_000L;

    private final Settings settings;
    private final List<Instrument> instruments;
    private final LocalDate[] dates;
    private final int[] listedFrom;
    private final int[] listedUntil;
    private final double[] beta;
    private final double[] omegaE;
    private final double[] hE;
    private final double[] lastE;
    private final double[] mu;
    private final double[] close;
    private final double[] baseVolume;
    private final double omegaF;
    private final double tScale;
    private final double muSd;
    private final SplittableRandom random;
    private double hF;
    private double lastF;
    private int day;
    private int symbol;
    private double dayFactor;

    public SyntheticEquityMarket(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        int n = settings.symbols();
        List<Instrument> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(Instrument.spot(String.format("S%03d", i), "SYN", 0.01, 1));
        }
        this.instruments = Collections.unmodifiableList(list);
        this.dates = new LocalDate[settings.days()];
        LocalDate d = settings.start();
        for (int t = 0; t < dates.length; t++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            dates[t] = d;
            d = d.plusDays(1);
        }
        SplittableRandom setup = new SplittableRandom(settings.seed());
        this.random = setup.split();
        this.beta = new double[n];
        this.omegaE = new double[n];
        this.hE = new double[n];
        this.lastE = new double[n];
        this.mu = new double[n];
        this.close = new double[n];
        this.baseVolume = new double[n];
        this.listedFrom = new int[n];
        this.listedUntil = new int[n];
        double persistence = 1 - settings.garchAlpha() - settings.garchBeta();
        double factorVar = settings.factorVolAnnual() * settings.factorVolAnnual() / 252;
        this.omegaF = factorVar * persistence;
        this.hF = factorVar;
        double nu = Math.round(settings.tDegrees());
        this.tScale = Math.sqrt((nu - 2) / nu);
        this.muSd = settings.muVolAnnual() / 252;
        int half = Math.max(1, settings.days() / 2);
        for (int i = 0; i < n; i++) {
            beta[i] = 1 + 0.3 * setup.nextGaussian();
            double idio = settings.idioVolAnnual() * Math.exp(0.3 * setup.nextGaussian() - 0.045);
            double var = idio * idio / 252;
            omegaE[i] = var * persistence;
            hE[i] = var;
            mu[i] = muSd * setup.nextGaussian();
            close[i] = Math.round(100 * Math.exp(0.8 * setup.nextGaussian()) * 100) / 100.0 + 1;
            baseVolume[i] = Math.exp(13 + setup.nextDouble() * 3);
            listedFrom[i] = setup.nextDouble() < settings.lateListing() ? 1 + setup.nextInt(half) : 0;
            listedUntil[i] = setup.nextDouble() < settings.delisting()
                    ? half + setup.nextInt(Math.max(1, settings.days() - half)) : settings.days();
            if (listedUntil[i] <= listedFrom[i]) {
                listedUntil[i] = settings.days();
            }
        }
    }

    /** A market with {@link Settings#DEFAULTS} changed to {@code symbols} and {@code days}, seeded. */
    public static SyntheticEquityMarket of(int symbols, int days, long seed) {
        return new SyntheticEquityMarket(Settings.DEFAULTS.withSymbols(symbols).withDays(days).withSeed(seed));
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    /** The business days, in order. */
    public List<LocalDate> dates() {
        return List.of(dates);
    }

    /** When each symbol is listed: first and last day with a bar. */
    public Universe universe() {
        List<Universe.Listing> out = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++) {
            LocalDate until = listedUntil[i] >= dates.length ? Universe.STILL_LISTED : dates[listedUntil[i] - 1];
            out.add(new Universe.Listing(instruments.get(i).symbol(), dates[listedFrom[i]], until));
        }
        return new Universe(out);
    }

    @Override
    public boolean readBatch(BarBatch into) {
        into.clear();
        int n = instruments.size();
        while (!into.isFull() && day < dates.length) {
            if (symbol == 0) {
                double z = studentT();
                lastF = Math.sqrt(hF) * z;
                dayFactor = lastF;
            }
            double e = Math.sqrt(hE[symbol]) * studentT();
            double sigma = Math.sqrt(hE[symbol] + beta[symbol] * beta[symbol] * hF);
            double r = mu[symbol] + beta[symbol] * dayFactor + e;
            double muShock = random.nextGaussian();
            double hiShock = Math.abs(random.nextGaussian());
            double loShock = Math.abs(random.nextGaussian());
            double volShock = random.nextGaussian();
            if (day >= listedFrom[symbol] && day < listedUntil[symbol]) {
                double prev = close[symbol];
                double open = round(prev * Math.exp(0.3 * r));
                double c = round(prev * Math.exp(r));
                double high = round(Math.max(open, c) * Math.exp(0.5 * sigma * hiShock));
                double low = round(Math.min(open, c) * Math.exp(-0.5 * sigma * loShock));
                high = Math.max(high, Math.max(open, c));
                low = Math.max(0.01, Math.min(low, Math.min(open, c)));
                double volume = Math.floor(baseVolume[symbol] * Math.exp(0.3 * volShock + 8 * Math.abs(r)));
                long start = dates[day].atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
                into.add(symbol, start, start + DAY, open, high, low, c, volume);
                close[symbol] = c;
            }
            // state moves every day, listed or not, so a symbol's path does not depend on the listings
            hE[symbol] = omegaE[symbol] + settings.garchAlpha() * e * e + settings.garchBeta() * hE[symbol];
            lastE[symbol] = e;
            double phi = settings.muPersistence();
            mu[symbol] = phi * mu[symbol] + muSd * Math.sqrt(1 - phi * phi) * muShock;
            symbol++;
            if (symbol == n) {
                symbol = 0;
                day++;
                hF = omegaF + settings.garchAlpha() * lastF * lastF + settings.garchBeta() * hF;
            }
        }
        return !into.isEmpty();
    }

    private double studentT() {
        double z = random.nextGaussian();
        double chi2 = 0;
        int nu = (int) Math.round(settings.tDegrees());
        for (int k = 0; k < nu; k++) {
            double g = random.nextGaussian();
            chi2 += g * g;
        }
        return z / Math.sqrt(chi2 / nu) * tScale;
    }

    private static double round(double price) {
        return Math.max(0.01, Math.round(price * 100) / 100.0);
    }

    @Override
    public String toString() {
        return "SyntheticEquityMarket[" + settings + "]";
    }
}
