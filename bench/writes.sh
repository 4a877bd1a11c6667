#!/usr/bin/env bash
# What write-through costs the embedded store: article creation and photo upload throughput with
# every change committed to the file before it is acknowledged (NEWSROOM_STORE_WRITE_THROUGH=true,
# the default: "after") against MVStore's own commit once a second (false: "before"), in one run on
# this machine, one configuration after the other. Prints requests/s, p50/p99 and after/before.
#
#   bench/writes.sh                          # 20 s per measured run after 15 s of warm-up
#   DURATION=5 WARMUP=5 bench/writes.sh      # a quick check that everything runs
#
# Per configuration it starts article-service and media-service from their jars on free loopback
# ports, on embedded stores in a fresh temporary directory, and stops them before the next one.
# bench/articles/BenchIdentity.java stands in for Keycloak (a JWKS and an editor token), so every
# write goes through the real API: POST /api/articles with a headline of its own, and POST
# /api/media with a small JPEG (bench/writes/BenchPhoto.java, made once per run) that gets a
# comment segment of its own per request, since identical bytes are stored once. wrk drives both
# (bench/writes/writes.lua), first unmeasured for the JIT, then measured; any answer that is not a
# 2xx is counted and stops the bench.
# Environment: DURATION (s, 20), WARMUP (s, 15), CONNECTIONS (16), THREADS (2).
# Needs (Debian): wrk, curl, a JDK 17+; installs the first two when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=writes
source bench/lib.sh

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}

bench_install wrk curl

bench_jars article-service media-service

bench_workdir
bench_identity
export NEWSROOM_ISSUER_URI=$ISSUER

say "a small JPEG to upload"
java bench/writes/BenchPhoto.java "$WORK/photo.jpg"
PHOTO_BYTES=$(stat -c %s "$WORK/photo.jpg")

start() { # name port [environment...]
  local name=$1 port=$2
  shift 2
  say "$name on :$port"
  env SERVER_PORT="$port" "$@" java -Xms256m -Xmx512m -jar "$ROOT/$name/target/$name.jar" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}
stop_services() { # stops everything started after the identity stand-in, and waits for it to exit
  for pid in "${PIDS[@]:1}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:1}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=("${PIDS[0]}")
}

# load PORT KIND TAG SECONDS -> "rps p50 p99 errors requests non2xx"; the bench stops on any answer
# that is not a 2xx and on any socket error or timeout
load() {
  local out result non2xx errors
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4"s --timeout 10s -H "Authorization: Bearer $TOKEN" \
    -s bench/writes/writes.lua "http://127.0.0.1:$1" -- "$2" "$3" "$WORK/photo.jpg" 2>&1)
  result=$(grep '^RESULT' <<<"$out" | cut -d' ' -f2-) || true
  non2xx=$(awk '/^NON2XX/ {print $2}' <<<"$out")
  if [[ -z $result || -z $non2xx ]]; then say "wrk did not report:"; echo "$out" >&2; exit 1; fi
  if (( non2xx > 0 )); then
    say "$2 ($3): $non2xx answers were not 2xx, the first: $(grep '^NON2XX' <<<"$out" | cut -d' ' -f3-)"
    exit 1
  fi
  read -r _ _ _ errors _ <<<"$result"
  (( errors == 0 )) || { say "$2 ($3): $errors requests failed (socket errors or timeouts):"; echo "$out" >&2; exit 1; }
  echo "$result $non2xx"
}

# On a shared machine other work takes cores from the runs: the CPU time the whole machine spent
# busy, less this script's and everything it started (waited-for children count in its cutime and
# cstime), is what others used, printed with the figures.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
own_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$$/stat"; }
BUSY_START=$(busy_ticks); OWN_START=$(own_ticks); WALL_START=$(date +%s)
declare -A R
NOTES=()
for config in before after; do
  write_through=$([[ $config == after ]] && echo true || echo false)
  read -r ARTICLE_PORT MEDIA_PORT < <(java bench/articles/BenchIdentity.java ports 2 | paste -sd' ')
  say "$config: NEWSROOM_STORE_WRITE_THROUGH=$write_through, fresh stores in $WORK/$config"
  start article-service "$ARTICLE_PORT" NEWSROOM_STORE_WRITE_THROUGH="$write_through" \
    NEWSROOM_STORE_DIRECTORY="$WORK/$config/articles" MEDIA_SERVICE_URL="http://127.0.0.1:$MEDIA_PORT" \
    NEWSROOM_ARTICLES_SCHEDULER_ENABLED=false
  start media-service "$MEDIA_PORT" NEWSROOM_STORE_WRITE_THROUGH="$write_through" \
    NEWSROOM_STORE_DIRECTORY="$WORK/$config/media"
  ready article-service "$ARTICLE_PORT"; ready media-service "$MEDIA_PORT"
  # the store says at start-up how it commits: proof that the switch reached it
  mode=$([[ $write_through == true ]] && echo "every write committed before it is acknowledged" || echo "committed once a second")
  for name in article-service media-service; do
    grep -q "$mode" "$WORK/$name.log" || { say "$name's store does not say \"$mode\" (a jar from before the switch?)"; exit 1; }
  done

  say "$config: article creation, ${WARMUP}s warm-up, then ${DURATION}s measured"
  load "$ARTICLE_PORT" article warm "$WARMUP" >/dev/null
  R[$config.article]=$(load "$ARTICLE_PORT" article run "$DURATION")
  say "$config: photo upload ($PHOTO_BYTES bytes), ${WARMUP}s warm-up, then ${DURATION}s measured"
  load "$MEDIA_PORT" photo warm "$WARMUP" >/dev/null
  R[$config.photo]=$(load "$MEDIA_PORT" photo run "$DURATION")

  stop_services
  rm -rf "${WORK:?}/$config"
done

echo
echo "== write-through benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s per run after ${WARMUP}s warm-up, $CONNECTIONS connections)"
echo "before: NEWSROOM_STORE_WRITE_THROUGH=false (MVStore commits once a second); after: true (the default)"
printf '%-15s | %12s %8s %8s | %12s %8s %8s | %s\n' write "before req/s" "p50 ms" "p99 ms" "after req/s" "p50 ms" "p99 ms" "after/before"
for kind in article photo; do
  label=$([[ $kind == article ]] && echo "article create" || echo "photo upload")
  read -r b_rps b_p50 b_p99 _ b_n b_bad <<<"${R[before.$kind]}"
  read -r a_rps a_p50 a_p99 _ a_n a_bad <<<"${R[after.$kind]}"
  awk -v l="$label" -v br="$b_rps" -v b50="$b_p50" -v b99="$b_p99" -v ar="$a_rps" -v a50="$a_p50" -v a99="$a_p99" 'BEGIN {
    printf "%-15s | %12.1f %8.1f %8.1f | %12.1f %8.1f %8.1f | %s\n", l, br, b50, b99, ar, a50, a99,
      (br > 0 ? sprintf("%.2f", ar / br) : "n/a") }'
  NOTES+=("$label: $b_n answers before, $a_n after; not 2xx: $b_bad before, $a_bad after")
done
printf '%s\n' "${NOTES[@]}"
others=$(( $(busy_ticks) - BUSY_START - ($(own_ticks) - OWN_START) ))
awk -v t="$others" -v s="$(( $(date +%s) - WALL_START ))" -v n="$(nproc)" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  share = t / hz / (s * n) * 100; if (share < 0) share = 0
  printf "other processes used %.0f%% of the machine'"'"'s CPU during the runs%s\n", share,
    (share > 10 ? ": the figures carry that, run again when the machine is quiet" : "") }'
echo "photo: an 800x533 JPEG of $PHOTO_BYTES bytes, with a comment of its own in every request"
