#!/usr/bin/env bash
# Runs the vocal separation benchmark (loadtest/README.md, "Separation benchmark").
#   loadtest/separation.sh          # four 30 s mixes, then a 4-minute import
#   loadtest/separation.sh 60       # four 60 s mixes
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${JAVA_HOME:-}" ]]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        if [[ -x "$candidate/bin/java" ]] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
            export JAVA_HOME="$candidate"
            break
        fi
    done
fi
if [[ ! -f server/target/chorus.jar || ! -f loadtest/target/chorus-loadtest.jar ]]; then
    ./mvnw -q -B -DskipTests package
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "server/target/chorus.jar:loadtest/target/chorus-loadtest.jar" app.chorus.loadtest.SeparationBenchmark "$@"
