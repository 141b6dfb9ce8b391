/**
 * Recording live events into the tick store: {@link io.qtrade.connectors.recorder.TickRecorder} buffers what a live
 * client emits and writes it as rolling, crash-safe parts of the Hive-layout
 * {@link io.qtrade.store.TickStore}.
 */
package io.qtrade.connectors.recorder;
