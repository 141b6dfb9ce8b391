/**
 * The command line: {@link io.qtrade.connectors.cli.Convert} turns any registered input format (tick store Parquet
 * or CSV, the synthetic generator, vendor importers) into the tick store. A format is an
 * {@link io.qtrade.connectors.cli.InputFormat}; registering one is a single {@code with(...)} call on
 * {@link io.qtrade.connectors.cli.InputFormats}.
 */
package io.qtrade.connectors.cli;
