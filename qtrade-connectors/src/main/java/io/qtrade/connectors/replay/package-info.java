/**
 * A loopback venue for tests without the internet: {@link io.qtrade.connectors.replay.LoopbackVenue} serves
 * recorded WebSocket frames ({@link io.qtrade.connectors.replay.ReplayFrame}) and scripted REST answers on
 * {@code 127.0.0.1}, drops the connection mid-stream, loses frames while the client is away and injects sequence
 * gaps, so that the live adapters' reconnection, resync and order paths run against real sockets.
 */
package io.qtrade.connectors.replay;
