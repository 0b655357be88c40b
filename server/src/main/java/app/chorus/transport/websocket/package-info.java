/**
 * A WebSocket server (RFC 6455) on Jetty's connection layer, for sockets that carry many small
 * broadcast frames. Jetty does the HTTP part and the socket I/O; this package does the upgrade
 * handshake, frame parsing and the close handshake, and sends frames that are encoded once and
 * written to every recipient as the same bytes. See docs/architecture.md, "The /ws send path".
 */
package app.chorus.transport.websocket;
