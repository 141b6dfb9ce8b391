/**
 * The command line: {@link io.qtrade.store.cli.Convert} turns any registered input format (tick store Parquet
 * or CSV, the synthetic generator, the Binance, Tardis and LOBSTER importers) into the tick store. A format is an
 * {@link io.qtrade.store.cli.InputFormat}; registering one is a single {@code with(...)} call on
 * {@link io.qtrade.store.cli.InputFormats}. Importer formats map their {@code key=value} options onto
 * {@code ImportOptions} and the {@code Instrument} (symbols from the vendors' file names where those are certain),
 * chain several files of one kind in time order and refuse files that overlap.
 * {@link io.qtrade.store.cli.SampleRecipe} is the list of conversions that makes the shipped sample store.
 */
package io.qtrade.store.cli;
