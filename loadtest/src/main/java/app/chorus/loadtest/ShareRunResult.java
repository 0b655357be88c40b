package app.chorus.loadtest;

import org.HdrHistogram.Histogram;

/**
 * The figures of one benchmark run (one chunk length, one mode).
 *
 * @param listenersReady      listeners receiving before the warm-up began
 * @param expectedChunks      chunks of the measured window the server accepted: each listener should get all
 * @param deliveries          first receipts of those chunks, over all listeners (one latency sample each)
 * @param missed              expected chunks a listener never got, over all listeners
 * @param unexpected          measured chunks received that the broadcaster did not see accepted
 * @param chunkLatency        microseconds from a chunk's timestamp to its receipt
 * @param metadataLatency     microseconds from a metadata timestamp to a listener's first sight of it
 * @param serverCores         server CPU over the measured window, in cores (-1 unknown)
 * @param serverHeapEndBytes  the server's heap in use at the end of the window, per /health (-1 unknown)
 * @param serverHeapBaseBytes the server's heap in use before the run, after a GC when the pid is known
 * @param serverPushListeners push listeners the server reported at the end of the window (-1 unknown)
 * @param generatorCores      this process's CPU over the window, in cores
 * @param generatorGc         this process's collections over the window: {count, milliseconds}
 * @param audioPosts          round trips of the broadcaster's audio POSTs in the window, microseconds
 * @param metadataPosts       round trips of its metadata POSTs, microseconds
 * @param sendLag             how late the broadcaster's sends were against their schedule, microseconds
 */
record ShareRunResult(double chunkSeconds, ShareBenchmarkOptions.Mode mode, int listeners, int listenersReady,
                      double windowSeconds, long expectedChunks, long deliveries, long missed, long duplicates,
                      long unexpected, Histogram chunkLatency, Histogram metadataLatency, double serverCores,
                      long serverHeapEndBytes, long serverHeapBaseBytes, long serverPushListeners, double generatorCores,
                      long[] generatorGc, long bytesReceived, Histogram audioPosts, Histogram metadataPosts,
                      Histogram sendLag, ErrorTally errors, String notes) {

    String label() {
        return chunkSeconds + " s chunks, " + mode.label;
    }
}
