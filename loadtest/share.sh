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

# shellcheck source=loadtest/server.sh
source "$ROOT/loadtest/server.sh"
start_server share-bench --demo-song never --share-tokens "$SHARE_TOKEN"

echo "running the benchmark on CPU(s) $GENERATOR_CPUS"
set +e
# shellcheck disable=SC2086
taskset -c "$GENERATOR_CPUS" "$JAVA" $GENERATOR_JAVA_OPTS -cp "$GENERATOR_JAR" app.chorus.loadtest.ShareBenchmark \
    --url "http://127.0.0.1:$PORT" --token "$SHARE_TOKEN" --server-pid "$SERVER_PID" "$@"
status=$?
set -e
exit "$status"
