#!/usr/bin/env bash
# Runs the Chorus server and the WebSocket load generator on this machine, each pinned to its
# own CPU so that the generator's work does not steal cycles from the server being measured.
#
#   loadtest/run.sh                       # reference run: 1000 rooms x 10 clients
#   loadtest/run.sh --rooms 50 --duration 10   # extra arguments go to the generator
#
# Environment (all optional):
#   PORT                 server port (default 8000)
#   SERVER_CPUS          CPU list for the server, taskset syntax (default 0)
#   GENERATOR_CPUS       CPU list for the generator (default 1)
#   SERVER_JAR           server jar (default server/target/chorus.jar)
#   SERVER_JAVA_OPTS     JVM options for the server (default none)
#   GENERATOR_JAVA_OPTS  JVM options for the generator (default -Xms5g -Xmx5g -Xmn4g, see below)
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
# A generator GC pause delays every frame it would have read meanwhile and shows up as server
# latency. With a 3 GiB young generation the generator collects about once in 45 s instead
# of every 4 s (it allocates ~70 MB/s at 58,000 deliveries/s), so a measured window sees at
# most one such pause.
GENERATOR_JAVA_OPTS="${GENERATOR_JAVA_OPTS:--Xms5g -Xmx5g -Xmn4g}"
LOG_DIR="${LOG_DIR:-$ROOT/loadtest/target}"

# ---------------------------------------------------------------------------------------
# SERVER_ARGS: extra command-line flags for the server. The reference run puts 10 clients
# in each of 1000 rooms (10,000 connections), within the server's defaults
# (room-max-clients 50, ws-max-connections 20000, ws-messages-per-second 20). To go further:
#   SERVER_ARGS="--room-max-clients 100 --ws-max-connections 30000" loadtest/run.sh
# (`./chorus help` lists every setting).
SERVER_ARGS="${SERVER_ARGS:-}"
# ---------------------------------------------------------------------------------------

# shellcheck source=loadtest/server.sh
source "$ROOT/loadtest/server.sh"
start_server loadtest

echo "running the generator on CPU(s) $GENERATOR_CPUS"
set +e
# shellcheck disable=SC2086
taskset -c "$GENERATOR_CPUS" "$JAVA" $GENERATOR_JAVA_OPTS -jar "$GENERATOR_JAR" \
    --url "ws://127.0.0.1:$PORT/ws" --server-pid "$SERVER_PID" "$@"
status=$?
set -e
exit "$status"
