/**
 * The load test's WebSocket clients ({@code ServerLoad}): RFC 6455 spoken by hand on one NIO selector thread, so that
 * 50 clients reading hundreds of thousands of stream messages a second cost a small part of a core
 * ({@link io.qtrade.bench.wsclient.LoadClients}); the frame parser ({@link io.qtrade.bench.wsclient.WsFrameParser}),
 * the split of a frame's payload into its one-message lines ({@link io.qtrade.bench.wsclient.StreamLines}) and what
 * is read of each message without a String ({@link io.qtrade.bench.wsclient.StreamMessage}).
 */
package io.qtrade.bench.wsclient;
