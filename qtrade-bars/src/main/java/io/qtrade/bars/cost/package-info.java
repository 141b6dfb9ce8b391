/**
 * What trading costs in the bar engine: commissions ({@link io.qtrade.bars.cost.CommissionModel}: per share with a
 * minimum and maximum per order, basis points, tiered, an Indian equity broker's schedule with exchange and
 * statutory charges, a US broker's), slippage ({@link io.qtrade.bars.cost.SlippageModel}: fixed basis points, a
 * fraction of the bar's range, a volume share with carried remainder and square-root impact), the borrow fee of a
 * short ({@link io.qtrade.bars.cost.ShortBorrow}), interest on cash ({@link io.qtrade.bars.cost.CashInterest}) and
 * the buying-power limit beyond which an order is rejected ({@link io.qtrade.bars.cost.BuyingPower}).
 *
 * <p>Money is in the instrument's quote currency; rates carry their scale in the name ({@code bps}, {@code annual}).
 */
package io.qtrade.bars.cost;
