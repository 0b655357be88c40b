# Sourced by run.sh and share.sh: finds Java, builds the jars when missing, and starts one fresh
# server pinned to SERVER_CPUS, stopped (only it, by its PID) when the calling script exits.
# Expects ROOT, PORT, SERVER_CPUS, SERVER_JAR, GENERATOR_JAR, SERVER_JAVA_OPTS, SERVER_ARGS and
# LOG_DIR to be set; start_server sets SERVER_PID, DATA_DIR and SERVER_LOG.

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

# Thousands of sockets per process need more file descriptors than the usual soft limit.
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

SERVER_PID=""
DATA_DIR=""

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
    [[ -n "$DATA_DIR" ]] && rm -rf "$DATA_DIR"
}

# start_server NAME [server flags...]: a server on a new data dir (chorus-NAME.*), its log in
# $LOG_DIR/NAME-server.log, given the flags and then SERVER_ARGS; returns once /heartbeat answers.
start_server() {
    local name="$1"
    shift
    if [[ "$(http_status "$PORT" /heartbeat)" != 000 ]]; then
        echo "something already answers on port $PORT; set PORT to a free port" >&2
        exit 1
    fi
    DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/chorus-$name.XXXXXX")"
    mkdir -p "$LOG_DIR"
    SERVER_LOG="$LOG_DIR/$name-server.log"
    trap cleanup EXIT
    trap 'exit 130' INT TERM

    echo "starting server on CPU(s) $SERVER_CPUS, port $PORT, data dir $DATA_DIR (log: $SERVER_LOG)"
    # taskset execs java, so $! is the JVM's own PID: the one jcmd and /proc/PID need.
    # shellcheck disable=SC2086 # option variables are deliberately word-split
    taskset -c "$SERVER_CPUS" "$JAVA" $SERVER_JAVA_OPTS --enable-native-access=ALL-UNNAMED \
        -jar "$SERVER_JAR" --port "$PORT" --data-dir "$DATA_DIR" "$@" $SERVER_ARGS \
        >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!

    echo -n "waiting for http://127.0.0.1:$PORT/heartbeat "
    local i
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
}
