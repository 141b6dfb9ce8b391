/**
 * The {@code qtrade} command-line launcher ({@link io.qtrade.launcher.Qtrade}): the demo, the examples, the tick
 * store's convert, bars from a tick store's trades ({@code bars-from-ticks}), a parameter sweep and the report
 * without Maven, with a progress bar on long runs and exit status 2 on bad arguments. The module's Maven build
 * assembles it with every runtime jar into a distribution ({@code bin/qtrade}, {@code lib/}).
 */
package io.qtrade.launcher;
