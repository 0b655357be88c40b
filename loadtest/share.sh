#!/usr/bin/env bash
# Runs the Chorus server and the music share benchmark on this machine, each pinned to its own
# CPU so that the benchmark's listeners do not steal cycles from the server being measured.
#
#   loadtest/share.sh                          # reference run: 500 listeners, 4 runs, 30 s each
#   loadtest/share.sh --duration 20 --modes push   # extra arguments go to the benchmark
#
# Environment (all optional):
#   PORT                 server port (default 8000)
#   SERVER_CPUS          CPU list for the server, taskset syntax (default 0)
#   GENERATOR_CPUS       CPU list for the benchmark (default 1)
#   SERVER_JAR           server jar (default server/target/chorus.jar)
#   SERVER_JAVA_OPTS     JVM options for the server (default none)
#   GENERATOR_JAVA_OPTS  JVM options for the benchmark (default -Xms5g -Xmx5g -Xmn4g, see below)
#   SHARE_TOKEN          the music share token (default benchtoken)
#   SERVER_ARGS          extra server flags, see below
#   LOG_DIR              where the server log is kept (default loadtest/target)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-8000}"
SERVER_CPUS="${SERVER_CPUS:-0}"
GENERATOR_CPUS="${GENERATOR_CPUS:-1}"
SERVER_JAR="${SERVER_JAR:-$ROOT/server/target/chorus.jar}"
GENERATOR_JAR="$ROOT/loadtest/target/chorus-loadtest.jar"
SERVER_JAVA_OPTS="${SERVER_JAVA_OPTS:-}"
# A GC pause of the benchmark delays every chunk it would have read meanwhile and shows up as
# server latency. The pollers allocate a few hundred MB/s (HTTP bodies); a 4 GiB young
# generation, emptied at the start of each warm-up, keeps collections rare and short (each run
# reports its generator's collections).
GENERATOR_JAVA_OPTS="${GENERATOR_JAVA_OPTS:--Xms5g -Xmx5g -Xmn4g}"
SHARE_TOKEN="${SHARE_TOKEN:-benchtoken}"
LOG_DIR="${LOG_DIR:-$ROOT/loadtest/target}"

# ---------------------------------------------------------------------------------------
# SERVER_ARGS: extra command-line flags for the server. The server's defaults already fit
# 500 listeners: ws-max-connections 20000, share-max-listens-per-connection 4 (each push
# listener subscribes once), share-listener-window 10s (only counts listeners, limits nothing),
# accept-backlog 1024, and the HTTP API has no per-client rate limit. To change them:
#   SERVER_ARGS="--ws-max-pending-frames 1024" loadtest/share.sh
# (`./chorus help` lists every setting).
SERVER_ARGS="${SERVER_ARGS:-}"
# ---------------------------------------------------------------------------------------

if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$SERVER_JAR" || ! -f "$GENERATOR_JAR" ]]; then
    echo "building jars (./mvnw -q -DskipTests package)..."
    (cd "$ROOT" && ./mvnw -q -DskipTests package)
fi
for jar in "$SERVER_JAR" "$GENERATOR_JAR"; do
    [[ -f "$jar" ]] || { echo "missing $jar after the build" >&2; exit 1; }
done

# 500 sockets, plus the pollers' pooled connections, in each process.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# Prints the HTTP status of a GET, or 000 when nothing answers. curl if present, else bash's /dev/tcp.
http_status() {
    local port="$1" path="$2"
    if command -v curl >/dev/null 2>&1; then
        curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port$path" || true
        return
    fi
    local line=""
    if exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
        printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
        read -r -t 2 line <&3 || true
        exec 3<&-
    fi
    local code
    code="$(awk '{print $2}' <<<"$line")"
    echo "${code:-000}"
}

if [[ "$(http_status "$PORT" /heartbeat)" != 000 ]]; then
    echo "something already answers on port $PORT; set PORT to a free port" >&2
    exit 1
fi

DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/chorus-share-bench.XXXXXX")"
mkdir -p "$LOG_DIR"
SERVER_LOG="$LOG_DIR/share-bench-server.log"
SERVER_PID=""

cleanup() {
    # Stop only the server this script started, by its PID.
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "server $SERVER_PID did not stop in 10 s; killing it" >&2
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "starting server on CPU(s) $SERVER_CPUS, port $PORT, data dir $DATA_DIR (log: $SERVER_LOG)"
# taskset execs java, so $! is the JVM's own PID: the one /proc/PID/stat and jcmd need.
# shellcheck disable=SC2086 # option variables are deliberately word-split
taskset -c "$SERVER_CPUS" "$JAVA" $SERVER_JAVA_OPTS --enable-native-access=ALL-UNNAMED \
    -jar "$SERVER_JAR" --port "$PORT" --data-dir "$DATA_DIR" --demo-song never \
    --share-tokens "$SHARE_TOKEN" $SERVER_ARGS \
    >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

echo -n "waiting for http://127.0.0.1:$PORT/heartbeat "
for i in $(seq 1 120); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo; echo "server exited during start-up; last log lines:" >&2
        tail -n 30 "$SERVER_LOG" >&2
        exit 1
    fi
    [[ "$(http_status "$PORT" /heartbeat)" == 200 ]] && break
    if (( i == 120 )); then
        echo; echo "server did not answer /heartbeat with 200 within 60 s" >&2
        exit 1
    fi
    echo -n "."
    sleep 0.5
done
echo " up (pid $SERVER_PID)"

echo "running the benchmark on CPU(s) $GENERATOR_CPUS"
set +e
# shellcheck disable=SC2086
taskset -c "$GENERATOR_CPUS" "$JAVA" $GENERATOR_JAVA_OPTS -cp "$GENERATOR_JAR" app.chorus.loadtest.ShareBenchmark \
    --url "http://127.0.0.1:$PORT" --token "$SHARE_TOKEN" --server-pid "$SERVER_PID" "$@"
status=$?
set -e
exit "$status"
