#!/usr/bin/env bash
# Sustained mixed load through the gateway of the real local stack (Keycloak, gateway, the three
# services on their embedded stores), loopback only, bounded in time: readers open article pages
# (web page and app page JSON) and send view beacons, the Top 10 is read, an editor creates,
# updates (If-Match) and publishes now and then. Two runs on one stack: plain, then with one
# service restarted midway (graceful stop, start). Each prints throughput, p50/p99 per kind, the
# answers that were not expected (must be none), what clients saw during the restart, the views
# accepted against the views stored (read from ranking-service's store), and each service's heap
# after a full GC and RSS, before and after.
#
#   bench/load.sh                         # 180 s per run, ranking-service restarted in the second
#   DURATION=30 WARMUP=5 bench/load.sh    # a quick check that everything runs
#   RESTART=media-service bench/load.sh   # or article-service; RESTART=none skips the second run
#
# Environment: DURATION (s, 180), WARMUP (s, 20: load that is not measured, JIT warm-up),
#   RESTART (ranking-service), READERS (400 simulated readers, each on its own 127.0.x.y address),
#   READER_PAUSE (ms between one reader's view beacons, 0), PAGE_WORKERS (8), TOP_WORKERS (2),
#   BEACON_WORKERS (4), RATE_LIMITS (false), KEEP (false: keep data and logs under the work dir).
# Rate limits: the gateway's per-client budgets (50 requests/s per address, one view beacon per
#   2 s) would measure the edge's limits, not the platform: the stack started here runs with
#   NEWSROOM_EDGE_RATE_LIMITS_ENABLED=false. With RATE_LIMITS=true READER_PAUSE=2100 the readers
#   stay within the limits, as real readers on their own addresses would.
#
# Uses the platform's fixed ports (8080-8083, 8180, stores 27101-27103): nothing else may hold
# them (the end-to-end suite neither). Everything runs on this machine's cores together (the
# load generator included): the figures describe this machine, not a capacity.
# Needs (Debian): a JDK 17+ (java, jcmd, jstat), curl, unzip; installs curl and unzip when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=load
source bench/lib.sh

DURATION=${DURATION:-180}
WARMUP=${WARMUP:-20}
RESTART=${RESTART:-ranking-service}
READERS=${READERS:-400}
READER_PAUSE=${READER_PAUSE:-0}
PAGE_WORKERS=${PAGE_WORKERS:-8}
TOP_WORKERS=${TOP_WORKERS:-2}
BEACON_WORKERS=${BEACON_WORKERS:-4}
KEEP=${KEEP:-false}

bench_install curl unzip
for tool in java jcmd jstat; do
  command -v "$tool" >/dev/null || { echo "[bench] $tool is needed (a JDK 17 or newer)" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/newsroom-bench-load.XXXXXX)
export NEWSROOM_DATA_ROOT=$WORK/data
export NEWSROOM_STATE_DIR=$WORK/run
export NEWSROOM_DEMO=false
export NEWSROOM_STORE_PORT_BASE=27100
export NEWSROOM_EDGE_RATE_LIMITS_ENABLED=${RATE_LIMITS:-false}
STARTED=false
cleanup() {
  $STARTED && ./run-local.sh --stop >/dev/null || true
  if [[ $KEEP == true ]]; then echo "[bench] data, logs and reports kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# the driver is a test class of e2e-tests (it shares the suite's clients); compile it and get its classpath
echo "[bench] compiling the load driver"
./mvnw -q -B -pl e2e-tests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test
CLASSPATH_DRIVER=$ROOT/e2e-tests/target/test-classes:$(cat "$WORK/classpath.txt")

# builds the services first when their sources are newer than the jars
STARTED=true
./run-local.sh --detach

drive() { # label, then extra driver options
  local label=$1; shift
  echo "[bench] run: $label (${DURATION} s after ${WARMUP} s warm-up)"
  java -Xmx1g -cp "$CLASSPATH_DRIVER" org.newsroom.e2e.LoadDriver \
    --duration "${DURATION}s" --warmup "${WARMUP}s" --readers "$READERS" --reader-pause "${READER_PAUSE}ms" \
    --page-workers "$PAGE_WORKERS" --top-workers "$TOP_WORKERS" --beacon-workers "$BEACON_WORKERS" \
    --state-dir "$NEWSROOM_STATE_DIR" --root "$ROOT" "$@" | tee "$WORK/$label.txt"
}

status=0
drive plain || status=1
if [[ $RESTART != none ]]; then
  drive "restart-$RESTART" --restart "$RESTART" --restart-at 0.33 || status=1
fi
echo "[bench] stack: rate limits $NEWSROOM_EDGE_RATE_LIMITS_ENABLED, demo off, fresh stores in $WORK"
exit $status
