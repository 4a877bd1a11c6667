#!/usr/bin/env bash
# ranking-service against Redis, on this machine, in one run, side by side:
#
#   (a) single-view ingest: POST /api/rankings/views through the service's HTTP API (wrk; every
#       request a new visitor id, so dedupe does not swallow it; 40 articles), as views counted
#       per second from the start of the load until every view answered 202 is decided and stored
#   (b) batch ingest: POST /api/rankings/views/batch, 10,000 views per request, with an
#       "ingest" token
#   (c) Top 10 read latency (p50/p99) of GET /api/rankings/top while single views arrive at
#       about half of (a)'s peak rate (paced wrk connections)
#   (d) single-view ingest with 2 replicas: a second ranking-service process on the first one's
#       embedded store (over the wire, as a replica talks to MongoDB), wrk's connections split
#       over both (two wrk processes, summed); needs the shared dedupe, which the bench turns on
#       unless NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE=false (then (d) and (e) are skipped)
#   (e) the same visitor ids sent to both replicas (bench/ranking/same_visitors.py) count once
#   (f) single-view ingest, 1 replica, with the shared dedupe in the other store than (a) and (d)
#       use (a third process on the same store; skipped with the shared dedupe off)
#   The shared dedupe's memory (newsroom.rankings.ingest.shared-store) is the reference's
#   redis-server for redis, the embedded store for mongodb.
#   reference: redis-benchmark ZINCRBY against a local redis-server, pipelining off (-P 1),
#       the same number of connections as (a)
#
# and then reconciles: the views stored in MongoDB (read with pymongo, not through the service)
# must equal the views the replicas accepted (their Prometheus counters), and that count must lie
# between what the clients were confirmed (202 answers less the duplicates and bots the service
# reported, plus the batches' "accepted") and that plus the requests still unanswered when the
# load tools stopped. It prints PASS or FAIL and exits non-zero on FAIL.
#
# What it starts, each on a free loopback port, and stops on exit: ranking-service from its jar
# with the embedded store in a temporary directory; a Python stand-in (bench/ranking/stand_ins.py)
# serving the JWKS and article-service's summaries endpoint (every id a published article);
# redis-server without persistence. The ingest token: bench/ranking/identity.py makes an RSA key
# with openssl, serves its public half as the realm's JWKS, and signs one RS256 token (issuer,
# audience news-api, role ingest) - the checks ranking-service makes on Keycloak's tokens.
#
# Usage: bench/ranking.sh [seconds per phase, default 30]
# Needs (Debian packages, installed when missing): wrk, redis-server, redis-tools, openssl,
# curl, python3, python3-pymongo; and a JDK 17 (the jar is built with the Maven Wrapper when
# absent or older than the sources).
# Environment: NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE (default true here, what several replicas
# need; false measures one replica as it runs by default, with only its own dedupe memory),
# NEWSROOM_RANKINGS_INGEST_SHARED_STORE (redis or mongodb; default the service's, redis),
# RANKING_JAVA_OPTS (default -Xms1g -Xmx2g and the two G1 flags the service's image
# runs with, ranking-service/Dockerfile), BENCH_CONNECTIONS (default 64).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE=$ROOT/bench/ranking
DURATION=${1:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
JAVA_OPTS=${RANKING_JAVA_OPTS:--Xms1g -Xmx2g -XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=1}
PY=/usr/bin/python3
JAR=$ROOT/ranking-service/target/ranking-service.jar
SHARED_DEDUPE=${NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE:-true}
SHARED_STORE=${NEWSROOM_RANKINGS_INGEST_SHARED_STORE:-redis}
case $SHARED_STORE in
	redis) OTHER_STORE=mongodb ;;
	mongodb) OTHER_STORE=redis ;;
	*) echo "NEWSROOM_RANKINGS_INGEST_SHARED_STORE must be redis or mongodb" >&2; exit 2 ;;
esac
# the replicas of a deployment share the key of the address hash (their dedupe and limits key alike)
VISITOR_KEY=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')

BENCH=ranking
source "$ROOT/bench/lib.sh"

need() {
	bench_install wrk redis-server redis-benchmark:redis-tools openssl curl python3
	$PY -c 'import pymongo' 2>/dev/null || bench_apt python3-pymongo
}

bench_workdir

metric() { # SERIES [URL]: the value of one Prometheus series of a replica (default the first; 0 when absent)
	curl -s "${2:-$SERVICE}/actuator/prometheus" | awk -v series="$1" 'index($0, series" ") == 1 { print $2; found=1 } END { if (!found) print 0 }'
}
count() { metric "ranking_views_total{application=\"ranking-service\",outcome=\"$1\"}" "${2:-$SERVICE}" | awk '{ printf "%d", $1 }'; }
SERVICES=()
count_all() { # OUTCOME: summed over the replicas started
	local url total=0
	for url in "${SERVICES[@]}"; do total=$((total + $(count "$1" "$url"))); done
	echo "$total"
}

wait_idle() { # [URL]: until every view a replica accepted is stored and nothing is held in its memory
	local tries=0 accepted stored held url=${1:-$SERVICE}
	# a backlog of views still to be decided against the other replicas' may take a while
	while ((tries++ < 600)); do
		accepted=$(count accepted "$url")
		stored=$(metric 'ranking_views_stored_total{application="ranking-service"}' "$url" | awk '{ printf "%d", $1 }')
		held=$(curl -s "$url/actuator/prometheus" | awk '/^ranking_buffer_(views|buckets|pending_articles|undecided)\{/ { s += $2 } END { printf "%d", s }')
		if [[ $accepted == "$stored" && $held == 0 ]]; then
			sleep 1.5
			[[ $(count accepted "$url") == "$accepted" ]] && return 0
		fi
		sleep 0.5
	done
	say "the service did not settle"
	return 1
}

wrk_rate() { # completed requests per second from wrk's summary
	awk '/^Requests\/sec:/ { print $2 }' "$1"
}

need
bench_jars ranking-service

STAND_IN_PORT=$(free_port)
SERVICE_PORT=$(free_port)
REDIS_PORT=$(free_port)
ISSUER=http://127.0.0.1:$STAND_IN_PORT/realms/news
SERVICE=http://127.0.0.1:$SERVICE_PORT

say "redis-server on $REDIS_PORT (no persistence): the reference, and the shared dedupe's memory with shared-store redis"
bench_redis "$REDIS_PORT"

say "identity, article stand-in and ranking-service (temporary directory $WORK)"
$PY "$HERE/identity.py" "$WORK" "$ISSUER"
$PY "$HERE/stand_ins.py" "$STAND_IN_PORT" "$WORK/jwks.json" &
PIDS+=($!)

# shellcheck disable=SC2086
NEWSROOM_STORE_DIRECTORY=$WORK/store NEWSROOM_ISSUER_URI=$ISSUER \
	NEWSROOM_JWK_SET_URI=$ISSUER/protocol/openid-connect/certs \
	ARTICLE_SERVICE_URL=http://127.0.0.1:$STAND_IN_PORT SERVER_PORT=$SERVICE_PORT \
	NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE=$SHARED_DEDUPE NEWSROOM_RANKINGS_VISITOR_KEY=$VISITOR_KEY \
	NEWSROOM_RANKINGS_INGEST_SHARED_STORE=$SHARED_STORE SPRING_DATA_REDIS_URL=redis://127.0.0.1:$REDIS_PORT \
	java $JAVA_OPTS -jar "$JAR" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
SERVICES+=("$SERVICE")
for _ in $(seq 1 120); do
	curl -sf "$SERVICE/actuator/health" >/dev/null 2>&1 && break
	sleep 1
done
curl -sf "$SERVICE/actuator/health" >/dev/null || { tail -40 "$WORK/service.log" >&2; say "ranking-service did not start"; exit 1; }
STORE_PORT=$(sed -n 's/.*Embedded MongoDB store .* listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/service.log" | head -1)
[[ -n $STORE_PORT ]] || { say "cannot find the embedded store's port in the log"; exit 1; }

WARMUP=$(( DURATION / 3 > 2 ? DURATION / 3 : 2 ))
say "warming up for ${WARMUP}s (JIT), then ${DURATION}s per phase"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/views.lua" "$SERVICE/api/rankings/views" >"$WORK/warmup.txt"
wrk -t1 -c2 -d2s -s "$HERE/batch.lua" "$SERVICE/api/rankings/views/batch" -- "$(cat "$WORK/token")" >"$WORK/warmup-batch.txt"
wait_idle

say "(a) single-view ingest"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$HERE/views.lua" "$SERVICE/api/rankings/views" >"$WORK/single.txt"
# the views answered 202 count once decided and stored: the figure is the views counted per second
# from the start of the phase until the service has settled (less wait_idle's 1.5 s check)
SETTLE_FROM=$(date +%s.%N)
wait_idle
SETTLE=$(awk -v a="$SETTLE_FROM" -v b="$(date +%s.%N)" 'BEGIN { s = b - a - 1.5; printf "%.1f", (s > 0 ? s : 0) }')

say "(b) batch ingest"
wrk -t2 -c4 -d"${DURATION}s" --timeout 30s -s "$HERE/batch.lua" "$SERVICE/api/rankings/views/batch" -- "$(cat "$WORK/token")" >"$WORK/batch.txt"
wait_idle

# reads while views arrive at half of (a)'s peak: a saturating closed loop would measure the
# queue in front of every request, not the reads
PEAK=$(awk -v n="$(sed -n 's/^STATUS accepted=\([0-9]*\).*/\1/p' "$WORK/single.txt")" -v d="$DURATION" 'BEGIN { printf "%d", n / d }')
HALF=$(( PEAK / 2 > 1 ? PEAK / 2 : 1 ))
say "(c) Top 10 reads while single views are offered at half of (a)'s rate, $HALF a second"
BENCH_RATE=$HALF wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$HERE/views.lua" "$SERVICE/api/rankings/views" >"$WORK/ingest-during-reads.txt" &
INGEST=$!
wrk -t1 -c4 -d"${DURATION}s" --latency "$SERVICE/api/rankings/top?window=24h&limit=10" >"$WORK/reads.txt"
wait "$INGEST"
wait_idle

say "reference: redis-benchmark ZINCRBY, -P 1, -c $CONNECTIONS"
redis-benchmark -p "$REDIS_PORT" -c "$CONNECTIONS" -P 1 -n $(( 60000 * DURATION )) -r 1000 --csv \
	ZINCRBY rank:24h 1 'article:__rand_int__' >"$WORK/redis.csv"

# ---- (d) and (e): a second replica on the first one's store
TWO_RATE=0
SAME_LINE="skipped: shared dedupe off"
SAME_OK=true
if [[ $SHARED_DEDUPE == true ]]; then
	SERVICE2_PORT=$(free_port)
	SERVICE2=http://127.0.0.1:$SERVICE2_PORT
	say "a second replica on $SERVICE2_PORT, on the first one's store (mongodb://127.0.0.1:$STORE_PORT)"
	# shellcheck disable=SC2086
	SPRING_MONGODB_URI=mongodb://127.0.0.1:$STORE_PORT NEWSROOM_ISSUER_URI=$ISSUER \
		NEWSROOM_JWK_SET_URI=$ISSUER/protocol/openid-connect/certs \
		ARTICLE_SERVICE_URL=http://127.0.0.1:$STAND_IN_PORT SERVER_PORT=$SERVICE2_PORT \
		NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE=true NEWSROOM_RANKINGS_VISITOR_KEY=$VISITOR_KEY \
		NEWSROOM_RANKINGS_INGEST_SHARED_STORE=$SHARED_STORE SPRING_DATA_REDIS_URL=redis://127.0.0.1:$REDIS_PORT \
		java $JAVA_OPTS -jar "$JAR" >"$WORK/service2.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 120); do
		curl -sf "$SERVICE2/actuator/health" >/dev/null 2>&1 && break
		sleep 1
	done
	curl -sf "$SERVICE2/actuator/health" >/dev/null || { tail -40 "$WORK/service2.log" >&2; say "the second replica did not start"; exit 1; }
	SERVICES+=("$SERVICE2")
	BENCH_VISITORS=x wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/views.lua" "$SERVICE2/api/rankings/views" >"$WORK/warmup2.txt"
	wait_idle "$SERVICE2"

	HALF_CONNECTIONS=$(( CONNECTIONS / 2 > 1 ? CONNECTIONS / 2 : 1 ))
	say "(d) single-view ingest with 2 replicas, $HALF_CONNECTIONS connections each"
	BENCH_VISITORS=a wrk -t1 -c"$HALF_CONNECTIONS" -d"${DURATION}s" -s "$HERE/views.lua" "$SERVICE/api/rankings/views" >"$WORK/two-1.txt" &
	ONE=$!
	BENCH_VISITORS=b wrk -t1 -c"$HALF_CONNECTIONS" -d"${DURATION}s" -s "$HERE/views.lua" "$SERVICE2/api/rankings/views" >"$WORK/two-2.txt"
	wait "$ONE"
	SETTLE_FROM=$(date +%s.%N)
	wait_idle "$SERVICE"
	wait_idle "$SERVICE2"
	TWO_SETTLE=$(awk -v a="$SETTLE_FROM" -v b="$(date +%s.%N)" 'BEGIN { s = b - a - 3; printf "%.1f", (s > 0 ? s : 0) }')
	TWO_ACCEPTED=$(cat "$WORK/two-1.txt" "$WORK/two-2.txt" | sed -n 's/^STATUS accepted=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
	TWO_RATE=$(awk -v n="$TWO_ACCEPTED" -v d="$DURATION" -v s="$TWO_SETTLE" 'BEGIN { printf "%.0f", n / (d + s) }')

	say "(e) the same 1000 visitors through both replicas"
	BEFORE=$($PY "$HERE/reconcile.py" "$STORE_PORT" rankings)
	$PY "$HERE/same_visitors.py" "$SERVICE_PORT" "$SERVICE2_PORT" 1000 >"$WORK/same.txt"
	wait_idle "$SERVICE"
	wait_idle "$SERVICE2"
	SAME_STORED=$(( $($PY "$HERE/reconcile.py" "$STORE_PORT" rankings) - BEFORE ))
	SAME_LINE="$(cat "$WORK/same.txt"), stored $SAME_STORED"
	[[ $SAME_STORED == 1000 ]] || SAME_OK=false

	# ---- (f): one replica with the shared dedupe in the other store; it stays up (idle) so
	# that its counters are in the reconciliation
	SERVICE3_PORT=$(free_port)
	SERVICE3=http://127.0.0.1:$SERVICE3_PORT
	say "a third process on $SERVICE3_PORT, same store, shared dedupe in $OTHER_STORE"
	# shellcheck disable=SC2086
	SPRING_MONGODB_URI=mongodb://127.0.0.1:$STORE_PORT NEWSROOM_ISSUER_URI=$ISSUER \
		NEWSROOM_JWK_SET_URI=$ISSUER/protocol/openid-connect/certs \
		ARTICLE_SERVICE_URL=http://127.0.0.1:$STAND_IN_PORT SERVER_PORT=$SERVICE3_PORT \
		NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE=true NEWSROOM_RANKINGS_VISITOR_KEY=$VISITOR_KEY \
		NEWSROOM_RANKINGS_INGEST_SHARED_STORE=$OTHER_STORE SPRING_DATA_REDIS_URL=redis://127.0.0.1:$REDIS_PORT \
		java $JAVA_OPTS -jar "$JAR" >"$WORK/service3.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 120); do
		curl -sf "$SERVICE3/actuator/health" >/dev/null 2>&1 && break
		sleep 1
	done
	curl -sf "$SERVICE3/actuator/health" >/dev/null || { tail -40 "$WORK/service3.log" >&2; say "the third process did not start"; exit 1; }
	SERVICES+=("$SERVICE3")
	BENCH_VISITORS=y wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/views.lua" "$SERVICE3/api/rankings/views" >"$WORK/warmup3.txt"
	wait_idle "$SERVICE3"
	say "(f) single-view ingest, 1 replica, shared dedupe in $OTHER_STORE"
	BENCH_VISITORS=o wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$HERE/views.lua" "$SERVICE3/api/rankings/views" >"$WORK/other.txt"
	SETTLE_FROM=$(date +%s.%N)
	wait_idle "$SERVICE3"
	OTHER_SETTLE=$(awk -v a="$SETTLE_FROM" -v b="$(date +%s.%N)" 'BEGIN { s = b - a - 1.5; printf "%.1f", (s > 0 ? s : 0) }')
	OTHER_ACCEPTED=$(sed -n 's/^STATUS accepted=\([0-9]*\).*/\1/p' "$WORK/other.txt")
	OTHER_RATE=$(awk -v n="$OTHER_ACCEPTED" -v d="$DURATION" -v s="$OTHER_SETTLE" 'BEGIN { printf "%.0f", n / (d + s) }')
fi

# ---- figures
SINGLE_STATUS=$(grep '^STATUS' "$WORK/single.txt")
SINGLE_ACCEPTED=$(sed 's/.*accepted=\([0-9]*\).*/\1/' <<<"$SINGLE_STATUS")
SINGLE_RATE=$(awk -v n="$SINGLE_ACCEPTED" -v d="$DURATION" -v s="$SETTLE" 'BEGIN { printf "%.0f", n / (d + s) }')
BATCH_LINE=$(grep '^BATCH' "$WORK/batch.txt")
BATCH_VIEWS=$(sed 's/.*views=\([0-9]*\).*/\1/' <<<"$BATCH_LINE")
BATCH_RATE=$(awk -v n="$BATCH_VIEWS" -v d="$DURATION" 'BEGIN { printf "%.0f", n / d }')
READ_P50=$(awk '$1 == "50%" { print $2 }' "$WORK/reads.txt")
READ_P99=$(awk '$1 == "99%" { print $2 }' "$WORK/reads.txt")
READ_RATE=$(wrk_rate "$WORK/reads.txt")
DURING_ACCEPTED=$(sed -n 's/^STATUS accepted=\([0-9]*\).*/\1/p' "$WORK/ingest-during-reads.txt")
DURING_RATE=$(awk -v n="$DURING_ACCEPTED" -v d="$DURATION" 'BEGIN { printf "%.0f", n / d }')
REDIS_RATE=$(awk -F'","' 'NR == 2 { gsub(/"/, "", $2); printf "%.0f", $2 }' "$WORK/redis.csv")

ms() { # wrk latency ("812.00us", "1.23ms", "2.01s") in milliseconds
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# ---- reconciliation: the store against the service's own count, and both against the clients
# A client only knows about the requests it saw answered: wrk stops with requests in flight (and
# gives up on timed-out ones) whose views the service may well have counted. So the clients'
# figure is a bound: confirmed <= accepted <= confirmed + unconfirmed.
CONFIRMED=0
UNCONFIRMED=0
phase() { # FILE CONNECTIONS VIEWS_PER_REQUEST
	local n timeouts
	n=$(sed -n -e 's/^STATUS accepted=\([0-9]*\).*/\1/p' -e 's/^BATCH .*views=\([0-9]*\).*/\1/p' "$WORK/$1.txt")
	timeouts=$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' "$WORK/$1.txt")
	CONFIRMED=$((CONFIRMED + n))
	UNCONFIRMED=$((UNCONFIRMED + ($2 + ${timeouts:-0}) * $3))
}
phase warmup "$CONNECTIONS" 1
phase single "$CONNECTIONS" 1
phase ingest-during-reads "$CONNECTIONS" 1
phase warmup-batch 2 10000
phase batch 4 10000
if [[ $SHARED_DEDUPE == true ]]; then
	phase warmup2 "$CONNECTIONS" 1
	phase two-1 "$HALF_CONNECTIONS" 1
	phase two-2 "$HALF_CONNECTIONS" 1
	phase warmup3 "$CONNECTIONS" 1
	phase other "$CONNECTIONS" 1
	CONFIRMED=$((CONFIRMED + $(sed -n 's/^SAME .*answered=\([0-9]*\).*/\1/p' "$WORK/same.txt")))
fi
# single views answered 202 but not counted (the batches' own skips are already out of "accepted")
BATCH_SKIPPED=$(cat "$WORK/warmup-batch.txt" "$WORK/batch.txt" | sed -n 's/^BATCH .*skipped=\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
NOT_COUNTED=$(( $(count_all duplicate) + $(count_all bot) + $(count_all unpublished) + $(count_all address-limit) - BATCH_SKIPPED ))
CONFIRMED=$((CONFIRMED - NOT_COUNTED))
SERVICE_ACCEPTED=$(count_all accepted)
STORED=$($PY "$HERE/reconcile.py" "$STORE_PORT" rankings)
VERDICT=FAIL
if [[ $SERVICE_ACCEPTED == "$STORED" && $SAME_OK == true ]] && ((CONFIRMED <= SERVICE_ACCEPTED && SERVICE_ACCEPTED <= CONFIRMED + UNCONFIRMED)); then
	VERDICT=PASS
fi

goal() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b ? "met" : "not met") }'; }

cat <<EOF

ranking-service vs Redis - $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/^Mem:/ { print $2 }') GiB; ${DURATION}s per phase; shared dedupe $SHARED_DEDUPE$([[ $SHARED_DEDUPE == true ]] && echo " (in $SHARED_STORE)")
--------------------------------------------------------------------------------------------
reference  Redis ZINCRBY (redis-benchmark -P 1 -c $CONNECTIONS)   $REDIS_RATE ops/s
(a)        single-view ingest, 1 replica (wrk -c $CONNECTIONS)     $SINGLE_RATE views/s   $(ratio "$SINGLE_RATE" "$REDIS_RATE") x Redis   [$SINGLE_STATUS; settled ${SETTLE}s after the load]
(f)        single-view ingest, 1 replica, shared dedupe in ${OTHER_STORE}   ${OTHER_RATE:-0} views/s   $(ratio "${OTHER_RATE:-0}" "$REDIS_RATE") x Redis   [settled ${OTHER_SETTLE:-0}s after the load]
(d)        single-view ingest, 2 replicas (2 x wrk -c ${HALF_CONNECTIONS:-0})   $TWO_RATE views/s   $(ratio "$TWO_RATE" "$REDIS_RATE") x Redis   [settled ${TWO_SETTLE:-0}s after the load]
(b)        batch ingest (10,000 views/request, -c 4)           $BATCH_RATE views/s   $(ratio "$BATCH_RATE" "$REDIS_RATE") x Redis   [$BATCH_LINE]
(c)        Top 10 reads during ingest (-c 4)                    p50 $(ms "$READ_P50") ms, p99 $(ms "$READ_P99") ms, $READ_RATE reads/s; ingest meanwhile $DURING_RATE views/s ($HALF offered)

goals      batch >= Redis: $(goal "$BATCH_RATE" "$REDIS_RATE");  single >= Redis/3: $(goal "$((SINGLE_RATE * 3))" "$REDIS_RATE");  Top 10 p99 < 10 ms: $(awk -v p="$(ms "$READ_P99")" 'BEGIN { print (p < 10 ? "met" : "not met") }')

reconcile  stored in MongoDB (read with pymongo)          $STORED
           accepted by the replicas (their counters)    $SERVICE_ACCEPTED
           confirmed to the clients                     $CONFIRMED   (202s less $NOT_COUNTED not counted, plus batch "accepted")
           unanswered when the load tools stopped       at most $UNCONFIRMED views
(e)        same visitors through both replicas              $SAME_LINE (each must count once)
           => $VERDICT (zero lost, zero doubled)
EOF
[[ $VERDICT == PASS ]]
