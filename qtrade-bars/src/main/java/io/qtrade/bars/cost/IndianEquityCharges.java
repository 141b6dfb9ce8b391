package io.qtrade.bars.cost;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

import java.util.Objects;

/**
 * An Indian discount broker's equity schedule on NSE with the exchange and statutory charges, per order (INR):
 * <pre>{@code
 * brokerage   = min(brokerageBps / 1e4 * N, brokerageCap)        (delivery: 0)
 * stt         = sttBuyBps  / 1e4 * N   on a buy,  sttSellBps / 1e4 * N  on a sell
 * exchange    = exchangeBps / 1e4 * N                             (NSE transaction charge)
 * sebi        = sebiPerCrore / 1e7 * N                            (SEBI turnover fee)
 * stamp       = stampBuyBps / 1e4 * N  on a buy only
 * gst         = gstRate * (brokerage + exchange + sebi)
 * c           = brokerage + stt + exchange + sebi + stamp + gst      N = |notional|
 * }</pre>
 * {@link #DELIVERY} and {@link #INTRADAY} hold Zerodha's published equity schedule for NSE (zerodha.com/charges,
 * as revised 2024-10-01): delivery brokerage 0, STT 0.1% on both sides, stamp duty 0.015% on buys; intraday
 * brokerage 0.03% capped at INR 20 per executed order, STT 0.025% on sells, stamp duty 0.003% on buys; NSE
 * transaction charge 0.00297%, SEBI INR 10 per crore, GST 18%. Charges are not rounded to the rupee here (contract
 * notes round STT and stamp duty); rates change, so build your own with the constructor.
 *
 * @param brokerageBps brokerage, basis points of notional
 * @param brokerageCap brokerage cap per order, INR ({@link Double#POSITIVE_INFINITY} for none)
 * @param sttBuyBps    securities transaction tax on buys, bps
 * @param sttSellBps   securities transaction tax on sells, bps
 * @param exchangeBps  exchange transaction charge, bps
 * @param sebiPerCrore SEBI fee per crore (1e7) of notional, INR
 * @param stampBuyBps  stamp duty on buys, bps
 * @param gstRate      GST as a fraction of brokerage + exchange + SEBI charges
 */
public record IndianEquityCharges(double brokerageBps, double brokerageCap, double sttBuyBps, double sttSellBps,
                                  double exchangeBps, double sebiPerCrore, double stampBuyBps, double gstRate)
        implements CommissionModel {

    /** Zerodha equity delivery (CNC) on NSE, as published 2024-10-01. */
    public static final IndianEquityCharges DELIVERY =
            new IndianEquityCharges(0.0, 0.0, 10.0, 10.0, 0.297, 10.0, 1.5, 0.18);
    /** Zerodha equity intraday (MIS) on NSE, as published 2024-10-01. */
    public static final IndianEquityCharges INTRADAY =
            new IndianEquityCharges(3.0, 20.0, 0.0, 2.5, 0.297, 10.0, 0.3, 0.18);

    public IndianEquityCharges {
        Costs.requireNonNegative("Indian equity charges", "brokerageBps", brokerageBps);
        Costs.requireNonNegativeOrInfinite("Indian equity charges", "brokerageCap", brokerageCap);
        Costs.requireNonNegative("Indian equity charges", "sttBuyBps", sttBuyBps);
        Costs.requireNonNegative("Indian equity charges", "sttSellBps", sttSellBps);
        Costs.requireNonNegative("Indian equity charges", "exchangeBps", exchangeBps);
        Costs.requireNonNegative("Indian equity charges", "sebiPerCrore", sebiPerCrore);
        Costs.requireNonNegative("Indian equity charges", "stampBuyBps", stampBuyBps);
        Costs.requireNonNegative("Indian equity charges", "gstRate", gstRate);
    }

    @Override
    public double commission(Instrument instrument, Side side, double qty, double notional) {
        if (qty <= 0) {
            return 0.0;
        }
        Objects.requireNonNull(side, "side");
        double n = Math.abs(notional);
        double brokerage = Math.min(brokerageBps * 1e-4 * n, brokerageCap);
        double stt = (side == Side.BUY ? sttBuyBps : sttSellBps) * 1e-4 * n;
        double exchange = exchangeBps * 1e-4 * n;
        double sebi = sebiPerCrore * 1e-7 * n;
        double stamp = side == Side.BUY ? stampBuyBps * 1e-4 * n : 0.0;
        double gst = gstRate * (brokerage + exchange + sebi);
        return brokerage + stt + exchange + sebi + stamp + gst;
    }
}
