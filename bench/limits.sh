#!/usr/bin/env bash
# What the rate limits' shared store costs on a limited path: the same API read through the
# gateway with newsroom.edge.rate-limits.store=memory and =redis, side by side in one run.
#
#   bench/limits.sh                          # 20 s per measurement
#   DURATION=5 WARMUP=5 bench/limits.sh      # a quick check that everything runs
#
# Backend: nginx serving a fixed Top-10 JSON document at /api/rankings/top (bench/gateway's), so
# what is measured is the gateway. The gateway runs with its default budgets (200 requests, 50 a
# second per client) and trusts 127.0.0.1 as its proxy; wrk (bench/limits/clients.lua) sends each
# request from the next of CLIENTS addresses (X-Forwarded-For), so every request takes a token
# from its client's bucket and none is refused while each client stays under 50 a second. With
# store=redis a replica takes a client's tokens in leases of 10 (a twentieth of 200) for a
# second: how often it asks Redis depends on how many requests a client sends in that second.
# Peak: 2 threads, CONNECTIONS connections, as fast as answers come; then both again at half of
# the memory gateway's peak (paced connections) for the latency that readers see.
# Redis: Debian's redis-server on a free port, no persistence. Environment: DURATION (s, 20),
# WARMUP (s, 40), CONNECTIONS (64), PACED_CONNECTIONS (32), CLIENTS (1000).
# Needs (Debian): wrk, nginx-light, redis-server, curl, a JDK 17+; installs the first four when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=limits
source bench/lib.sh

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-40}
CONNECTIONS=${CONNECTIONS:-64}
PACED_CONNECTIONS=${PACED_CONNECTIONS:-32}
CLIENTS=${CLIENTS:-1000}

bench_install wrk nginx:nginx-light redis-server curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

JAR=gateway/target/gateway.jar
bench_jars gateway

bench_workdir
chmod 755 "$WORK"  # nginx's workers run as an unprivileged user and must read top.json
bench_stop_more() { bench_stop_nginx; }

BACKEND_PORT=$(free_port); PROXY_PORT=$(free_port); REDIS_PORT=$(free_port); GATEWAY_PORT=$(free_port)
say "nginx backend on :$BACKEND_PORT"
bench_top_backend "$BACKEND_PORT" "$PROXY_PORT"

say "redis-server on :$REDIS_PORT (no persistence)"
bench_redis "$REDIS_PORT"

URL="http://127.0.0.1:$GATEWAY_PORT/api/rankings/top"
# run CONNECTIONS SECONDS [DELAY_MS] -> "rps p50 p99 errors requests refused"
run() {
  local out
  out=$(wrk -t2 -c"$1" -d"$2"s -s bench/limits/clients.lua "$URL" -- "$CLIENTS" ${3:-} 2>&1)
  grep '^RESULT' <<<"$out" | cut -d' ' -f2-
}

# measure STORE: starts a gateway with that store, warms it up, measures its peak, then a paced run
# at half of the first store's peak (DELAY, set by the first), stops it; sets PEAK, HALF and CALLS
declare -A PEAK HALF CALLS
DELAY=""
evalsha_calls() { redis-cli -p "$REDIS_PORT" info commandstats | awk -F'[=,:]' '/^cmdstat_evalsha/ { print $3 }'; }
measure() {
  local store=$1 pid calls_before rps
  say "gateway with store=$store on :$GATEWAY_PORT"
  ARTICLE_SERVICE_URL="http://127.0.0.1:$BACKEND_PORT" MEDIA_SERVICE_URL="http://127.0.0.1:$BACKEND_PORT" \
    RANKING_SERVICE_URL="http://127.0.0.1:$BACKEND_PORT" NEWSROOM_EDGE_TRUSTED_PROXIES=127.0.0.1 \
    NEWSROOM_EDGE_RATE_LIMITS_STORE=$store SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
    java -Xms512m -Xmx512m -jar "$JAR" --server.port="$GATEWAY_PORT" >"$WORK/gateway-$store.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  ready "gateway-$store" "$GATEWAY_PORT"
  say "warming up for ${WARMUP}s"
  run "$CONNECTIONS" "$WARMUP" >/dev/null
  sleep 2  # the warm-up's leases and refusals run out
  calls_before=$(evalsha_calls)
  say "peak: ${DURATION}s, $CONNECTIONS connections, $CLIENTS clients"
  PEAK[$store]=$(run "$CONNECTIONS" "$DURATION")
  CALLS[$store]=$(( $(evalsha_calls) - ${calls_before:-0} ))
  if [[ -z $DELAY ]]; then
    read -r rps _ <<<"${PEAK[$store]}"
    DELAY=$(awk -v c="$PACED_CONNECTIONS" -v r="$rps" 'BEGIN { d = c * 1000 / (r / 2); if (d < 1) d = 1; printf "%d", d + 0.5 }')
  fi
  say "paced: ${DURATION}s, $PACED_CONNECTIONS connections, ${DELAY} ms pause each"
  HALF[$store]=$(run "$PACED_CONNECTIONS" "$DURATION" "$DELAY")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  grep -c '"status":5' "$WORK/gateway-$store.log" >"$WORK/5xx-$store" || true
}

measure memory
measure redis

echo
echo "== rate limits' store: memory against redis ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s per run, $CLIENTS clients)"
printf '%-7s | %11s %8s %8s %7s %8s %12s | %11s %8s %8s\n' store "peak req/s" "p50 ms" "p99 ms" errors "429s" "redis calls" \
  "paced req/s" "p50 ms" "p99 ms"
for s in memory redis; do
  read -r r1 a1 b1 e1 n1 t1 <<<"${PEAK[$s]}"
  read -r r2 a2 b2 _ <<<"${HALF[$s]}"
  calls=${CALLS[$s]}
  printf '%-7s | %11s %8s %8s %7s %8s %12s | %11s %8s %8s\n' "$s" "$r1" "$a1" "$b1" "$(( e1 - t1 ))" "$t1" \
    "$calls/$n1" "$r2" "$a2" "$b2"
done
read -r mem_rps _ <<<"${PEAK[memory]}"
read -r redis_rps _ <<<"${PEAK[redis]}"
read -r _ _ mem_p99 _ <<<"${HALF[memory]}"
read -r _ _ redis_p99 _ <<<"${HALF[redis]}"
awk -v m="$mem_rps" -v r="$redis_rps" -v mp="$mem_p99" -v rp="$redis_p99" 'BEGIN {
  printf "ratio redis/memory (peak req/s): %.2f\n", (m > 0 ? r / m : 0)
  printf "p99 at the same paced rate: redis %.2f ms, memory %.2f ms (%+.2f ms)\n", rp, mp, rp - mp
}'
echo "gateway 5xx answers in its log: memory $(cat "$WORK/5xx-memory"), redis $(cat "$WORK/5xx-redis")"
