#!/usr/bin/env bash
# Throughput and latency of the gateway against the same backend reached directly, through nginx,
# and through Spring Cloud Gateway with none of our filters, in one run on this machine.
#
#   bench/gateway.sh                      # 30 s per measurement
#   DURATION=5 WARMUP=3 bench/gateway.sh  # a quick check that everything runs (figures meaningless)
#   PROFILE=1 bench/gateway.sh            # also profile both gateways (async-profiler from Maven
#                                         # Central): flame graphs, and CPU per request by part
#
# Backend: nginx serving a fixed Top-10 JSON document (about 1.6 KB) at /api/rankings/top, a
# backend so cheap that what is measured is the proxy in front of it. Targets, same URL path:
#   (a) direct   the backend itself
#   (b) gateway  this gateway (its jar, every feature on: request ids and trace context, client
#                address, security headers, the security chain's firewall, rate limiting with a
#                budget too large to refuse, circuit breaker and retries, body limits, request
#                metrics, access log to a file)
#   (c) bare     the same Spring Cloud Gateway version (the platform's parent pom) with the same
#                route and nothing of ours (bench/gateway/bare, built by this script): the cost
#                of our filters is gateway against bare
#   (d) nginx    nginx as a plain reverse proxy (keep-alive upstream)
# Peak: wrk, 2 threads, CONNECTIONS connections, as fast as answers come. Then, at half of the
# gateway's peak rate, each target again with paced connections (wrk's delay() hook in
# bench/gateway/report.lua: every connection waits after each answer, so the offered rate is
# about connections x 1000 / delay_ms; wrk times each request without the wait). The added
# p99 is the gateway's p99 minus the backend's direct p99 at that same rate.
# Everything runs on this machine's cores together (load generator included): figures compare
# targets within one run, they are not capacity numbers.
#
# Needs (Debian): wrk, nginx-light, curl, a JDK 17+; installs the first three when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=gateway
source bench/lib.sh

DURATION=${DURATION:-30}
# the gateway's JIT is still compiling after 40 s of load on 2 cores
WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-64}
PACED_CONNECTIONS=${PACED_CONNECTIONS:-32}

bench_install wrk nginx:nginx-light curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

JAR=gateway/target/gateway.jar
bench_jars gateway
BARE_JAR=bench/gateway/bare/target/bare-gateway.jar
if [[ ! -f $BARE_JAR || pom.xml -nt $BARE_JAR || -n $(find bench/gateway/bare/src bench/gateway/bare/pom.xml -newer "$BARE_JAR" -print -quit) ]]; then
  echo "[bench] building the bare Spring Cloud Gateway (bench/gateway/bare)"
  ./mvnw -q -B -DskipTests -f bench/gateway/bare/pom.xml package
fi

bench_workdir
chmod 755 "$WORK"  # nginx's workers run as an unprivileged user and must read top.json
bench_stop_more() { bench_stop_nginx; }

BACKEND_PORT=$(free_port)
PROXY_PORT=$(free_port)
while [[ $PROXY_PORT == "$BACKEND_PORT" ]]; do PROXY_PORT=$(free_port); done
GATEWAY_PORT=$(free_port)
while [[ $GATEWAY_PORT == "$BACKEND_PORT" || $GATEWAY_PORT == "$PROXY_PORT" ]]; do GATEWAY_PORT=$(free_port); done
BARE_PORT=$(free_port)
while [[ $BARE_PORT == "$BACKEND_PORT" || $BARE_PORT == "$PROXY_PORT" || $BARE_PORT == "$GATEWAY_PORT" ]]; do BARE_PORT=$(free_port); done

echo "[bench] nginx: backend on :$BACKEND_PORT, reverse proxy on :$PROXY_PORT"
bench_top_backend "$BACKEND_PORT" "$PROXY_PORT"

echo "[bench] gateway on :$GATEWAY_PORT (log: access log and application log to a file)"
BACKEND="http://127.0.0.1:$BACKEND_PORT"
ARTICLE_SERVICE_URL=$BACKEND MEDIA_SERVICE_URL=$BACKEND RANKING_SERVICE_URL=$BACKEND \
  java -Xms512m -Xmx512m -jar "$JAR" --server.port="$GATEWAY_PORT" \
  --newsroom.edge.rate-limits.general.capacity=1000000000 \
  --newsroom.edge.rate-limits.general.per-second=1000000000 \
  > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=("$GATEWAY_PID")
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$GATEWAY_PID" 2>/dev/null || { echo "[bench] gateway failed to start"; tail -40 "$WORK/gateway.log"; exit 1; }
  sleep 1
done
if ! curl -fsS "http://127.0.0.1:$GATEWAY_PORT/api/rankings/top" -o /dev/null; then
  echo "[bench] the gateway does not pass /api/rankings/top through"; tail -20 "$WORK/gateway.log"; exit 1
fi

echo "[bench] bare Spring Cloud Gateway on :$BARE_PORT"
BACKEND_URL=$BACKEND java -Xms512m -Xmx512m -jar "$BARE_JAR" --server.port="$BARE_PORT" > "$WORK/bare.log" 2>&1 &
BARE_PID=$!
PIDS+=("$BARE_PID")
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$BARE_PORT/api/rankings/top" -o /dev/null 2>&1 && break
  kill -0 "$BARE_PID" 2>/dev/null || { echo "[bench] the bare gateway failed to start"; tail -40 "$WORK/bare.log"; exit 1; }
  sleep 1
done

declare -A URL=(
  [direct]="http://127.0.0.1:$BACKEND_PORT/api/rankings/top"
  [gateway]="http://127.0.0.1:$GATEWAY_PORT/api/rankings/top"
  [bare]="http://127.0.0.1:$BARE_PORT/api/rankings/top"
  [nginx]="http://127.0.0.1:$PROXY_PORT/api/rankings/top"
)
declare -A PID_OF=([gateway]=$GATEWAY_PID [bare]=$BARE_PID)
TARGETS=(direct gateway bare nginx)

# run NAME CONNECTIONS SECONDS [DELAY_MS] -> "rps p50 p99 errors requests"
run() {
  local out
  out=$(wrk -t2 -c"$2" -d"$3"s -s bench/gateway/report.lua "${URL[$1]}" -- ${4:-} 2>&1)
  grep '^RESULT' <<<"$out" | cut -d' ' -f2-
}

echo "[bench] warming up each target for ${WARMUP}s (the JIT compiles the gateway's hot path)"
for t in "${TARGETS[@]}"; do run "$t" "$CONNECTIONS" "$WARMUP" >/dev/null; done

echo "[bench] peak: ${DURATION}s each, $CONNECTIONS connections"
declare -A PEAK
for t in "${TARGETS[@]}"; do PEAK[$t]=$(run "$t" "$CONNECTIONS" "$DURATION"); done

read -r gw_rps _ <<<"${PEAK[gateway]}"
half=$(awk -v r="$gw_rps" 'BEGIN { printf "%d", r / 2 }')
delay=$(awk -v c="$PACED_CONNECTIONS" -v r="$half" 'BEGIN { d = c * 1000 / r; if (d < 1) d = 1; printf "%d", d + 0.5 }')
echo "[bench] half of the gateway's peak: ~$half req/s offered ($PACED_CONNECTIONS connections, ${delay} ms pause each)"
declare -A HALF
for t in "${TARGETS[@]}"; do HALF[$t]=$(run "$t" "$PACED_CONNECTIONS" "$DURATION" "$delay"); done

echo
echo "== gateway benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s per run)"
printf '%-8s | %12s %9s %9s %7s | %12s %9s %9s %7s\n' target "peak req/s" "p50 ms" "p99 ms" errors \
  "half req/s" "p50 ms" "p99 ms" errors
for t in "${TARGETS[@]}"; do
  read -r r1 a1 b1 e1 _ <<<"${PEAK[$t]}"
  read -r r2 a2 b2 e2 _ <<<"${HALF[$t]}"
  printf '%-8s | %12s %9s %9s %7s | %12s %9s %9s %7s\n' "$t" "$r1" "$a1" "$b1" "$e1" "$r2" "$a2" "$b2" "$e2"
done
read -r direct_rps _ <<<"${PEAK[direct]}"
read -r nginx_rps _ <<<"${PEAK[nginx]}"
read -r bare_rps _ <<<"${PEAK[bare]}"
read -r _ _ direct_p99_half _ <<<"${HALF[direct]}"
read -r _ _ gw_p99_half _ <<<"${HALF[gateway]}"
awk -v g="$gw_rps" -v d="$direct_rps" -v n="$nginx_rps" -v b="$bare_rps" -v gp="$gw_p99_half" -v dp="$direct_p99_half" 'BEGIN {
  printf "ratio gateway/direct   (peak req/s): %.2f\n", (d > 0 ? g / d : 0)
  printf "ratio gateway/nginx    (peak req/s): %.2f   (goal: at least 0.50)\n", (n > 0 ? g / n : 0)
  printf "ratio gateway/bare SCG (peak req/s): %.2f   (goal: at least 0.80)\n", (b > 0 ? g / b : 0)
  printf "ratio bare SCG/nginx   (peak req/s): %.2f   (what Spring Cloud Gateway itself reaches here)\n", (n > 0 ? b / n : 0)
  printf "added p99 at half the gateway peak: %.2f ms (gateway %.2f ms - direct %.2f ms; goal: at most 5 ms)\n", gp - dp, gp, dp
}'
errors=$(grep -c '"type":"access".*"status":5' "$WORK/gateway.log" || true)
echo "gateway 5xx answers in its access log during the run: $errors"

if [[ ${PROFILE:-0} == 1 ]]; then
  # shellcheck source=profile/profiler.sh
  source bench/profile/profiler.sh
  OUT=${PROFILE_DIR:-bench/results/gateway-$(date -u +%Y%m%dT%H%M%SZ)}
  mkdir -p "$OUT"
  declare -A SERVED
  for t in gateway bare; do
    echo "[bench] profiling $t for ${DURATION}s at peak load"
    profiler_start "${PID_OF[$t]}"
    read -r rps _ _ _ requests <<<"$(run "$t" "$CONNECTIONS" "$DURATION")"
    profiler_stop "${PID_OF[$t]}" "$OUT/$t"
    SERVED[$t]=$requests
  done
  echo
  echo "== where the CPU goes, per request (profiled runs: gateway ${SERVED[gateway]} requests, bare ${SERVED[bare]})"
  python3 bench/profile/breakdown.py "$OUT/gateway.txt" "${SERVED[gateway]}" "$OUT/bare.txt" "${SERVED[bare]}"
  echo "flame graphs: $OUT/gateway.html, $OUT/bare.html"
fi
