/**
 * Multi-currency accounting for the bar engine: {@link io.qtrade.bars.fx.Currencies} says which currency each
 * instrument is quoted in and gives an FX series per currency (base-currency units per unit, the rate in force at a
 * time being the last one at or before it: no look-ahead).
 */
package io.qtrade.bars.fx;
