#!/usr/bin/env bash
# Article read throughput: GET /api/articles/{id} and GET /api/articles/slug/{slug}, straight to
# article-service and through the gateway, with wrk. Prints requests/s and p50/p99 latency for each
# and the gateway/direct ratio measured in the same run.
#
# What it starts (all on free loopback ports, stopped on exit):
#   - bench/articles/BenchIdentity.java (JDK only): a stand-in for Keycloak that serves a freshly made
#     signing key as the realm's JWKS and mints one editor token. The services validate that token
#     exactly as they validate Keycloak's, so seeding goes through the real API (POST, then publish),
#     and nothing is written into the store behind the service's back.
#   - article-service from its jar, on an embedded store in a temporary directory.
#   - the gateway from its jar, with ARTICLE_SERVICE_URL pointing at that article-service.
# The seeded articles have no photos, so publishing needs no media-service.
#
# Usage: bench/articles-read.sh (builds the jars when they are missing or older than their sources)
#   DURATION=30s WARMUP=5s CONNECTIONS=32 THREADS=2 ARTICLES=200 bench/articles-read.sh
# Needs: a JDK 17+, curl, wrk (Debian package "wrk"; installed with apt-get when missing).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
ARTICLES="${ARTICLES:-200}"
BENCH=articles-read
source "$ROOT/bench/lib.sh"
bench_workdir

bench_install wrk

ARTICLE_JAR="$ROOT/article-service/target/article-service.jar"
GATEWAY_JAR="$ROOT/gateway/target/gateway.jar"
bench_jars article-service gateway

read -r ARTICLE_PORT GATEWAY_PORT < <(java "$ROOT/bench/articles/BenchIdentity.java" ports 2 | paste -sd' ')
bench_identity

say "article-service on :$ARTICLE_PORT"
SERVER_PORT="$ARTICLE_PORT" NEWSROOM_ISSUER_URI="$ISSUER" NEWSROOM_STORE_DIRECTORY="$WORK/store" \
  MEDIA_SERVICE_URL="http://127.0.0.1:9" NEWSROOM_ARTICLES_SCHEDULER_ENABLED=false \
  java -Xmx512m -jar "$ARTICLE_JAR" >"$WORK/article-service.log" 2>&1 &
PIDS+=($!)
say "gateway on :$GATEWAY_PORT"
# every filter stays on; the per-client budget is made too large to refuse, since wrk is one
# client and the limiter is what bench/gateway.sh and the edge tests measure, not this
SERVER_PORT="$GATEWAY_PORT" NEWSROOM_ISSUER_URI="$ISSUER" ARTICLE_SERVICE_URL="http://127.0.0.1:$ARTICLE_PORT" \
  java -Xmx512m -jar "$GATEWAY_JAR" \
  --newsroom.edge.rate-limits.general.capacity=1000000000 \
  --newsroom.edge.rate-limits.general.per-second=1000000000 >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)

ready article-service "$ARTICLE_PORT"
ready gateway "$GATEWAY_PORT"

# an editor's request to article-service; stops the bench with the answer when it is not a 2xx
api() {
  local method="$1" path="$2" body="${3:-}" answer status
  answer=$(curl -s -w '\n%{http_code}' -X "$method" "http://127.0.0.1:$ARTICLE_PORT$path" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${body:+-d "$body"})
  status="${answer##*$'\n'}"
  if [[ "$status" != 2* ]]; then
    say "$method $path answered $status: ${answer%$'\n'*}"
    tail -20 "$WORK/article-service.log" >&2
    exit 1
  fi
  printf '%s' "${answer%$'\n'*}"
}

say "seeding $ARTICLES published articles through the API"
: >"$WORK/ids"; : >"$WORK/slugs"
for i in $(seq 1 "$ARTICLES"); do
  body=$(printf '{"headline": "Bench story %d about the harbour", "section": "national", "source": "Yonhap",
    "summary": "A summary of bench story %d.", "byline": ["Bench Writer"], "tags": ["bench"],
    "body": [{"type": "paragraph", "text": "First paragraph of story %d with **bold** text."},
             {"type": "quote", "text": "A quote.", "attribution": "Someone"},
             {"type": "paragraph", "text": "Second paragraph with a [link](https://example.com/%d)."}]}' "$i" "$i" "$i" "$i")
  created=$(api POST /api/articles "$body")
  id=$(sed -E 's/^\{"id":"([0-9a-f]{24})".*/\1/' <<<"$created")
  slug=$(sed -E 's/.*"slug":"([^"]+)".*/\1/' <<<"$created")
  api POST "/api/articles/$id/publish" >/dev/null
  echo "/api/articles/$id" >>"$WORK/ids"
  echo "/api/articles/slug/$slug" >>"$WORK/slugs"
done
curl -fs "http://127.0.0.1:$GATEWAY_PORT$(head -1 "$WORK/slugs")" >/dev/null || { say "gateway does not route articles"; exit 1; }

# a wrk script that walks through the seeded paths, so each run reads every article in turn
lua_for() {
  local list="$1" script="$2"
  {
    echo 'local paths = {'
    sed 's/.*/  "&",/' "$list"
    echo '}'
    echo 'local i = 0'
    echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
  } >"$script"
}
lua_for "$WORK/ids" "$WORK/ids.lua"
lua_for "$WORK/slugs" "$WORK/slugs.lua"

# a short unmeasured run per target first, so the figures are of warmed-up JVMs
WARMUP="${WARMUP:-5s}"
warm() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$2" "http://127.0.0.1:$1" >/dev/null; }
say "warming up ($WARMUP per target)"
warm "$ARTICLE_PORT" "$WORK/ids.lua"; warm "$GATEWAY_PORT" "$WORK/ids.lua"
warm "$ARTICLE_PORT" "$WORK/slugs.lua"; warm "$GATEWAY_PORT" "$WORK/slugs.lua"

declare -A RPS P50 P99
run() {
  local label="$1" port="$2" script="$3" out
  say "wrk $label ($DURATION, $CONNECTIONS connections, $THREADS threads)"
  curl -fs -o /dev/null "http://127.0.0.1:$port$(head -1 "$WORK/ids")" # warm the connection path
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "http://127.0.0.1:$port")
  if grep -q "Non-2xx" <<<"$out"; then say "$label: non-2xx answers:"; echo "$out" >&2; exit 1; fi
  RPS[$label]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  P50[$label]=$(awk '$1 == "50%" {print $2}' <<<"$out")
  P99[$label]=$(awk '$1 == "99%" {print $2}' <<<"$out")
}
run "direct by id" "$ARTICLE_PORT" "$WORK/ids.lua"
run "gateway by id" "$GATEWAY_PORT" "$WORK/ids.lua"
run "direct by slug" "$ARTICLE_PORT" "$WORK/slugs.lua"
run "gateway by slug" "$GATEWAY_PORT" "$WORK/slugs.lua"

echo
echo "Article reads: $ARTICLES articles, wrk $THREADS threads, $CONNECTIONS connections, $DURATION each; $(nproc) cores"
printf '%-18s %12s %10s %10s\n' "read" "requests/s" "p50" "p99"
for label in "direct by id" "gateway by id" "direct by slug" "gateway by slug"; do
  printf '%-18s %12s %10s %10s\n' "$label" "${RPS[$label]}" "${P50[$label]}" "${P99[$label]}"
done
ratio() { awk -v g="$1" -v d="$2" 'BEGIN { if (d > 0) printf "%.2f", g / d; else print "n/a" }'; }
echo "gateway/direct by id:   $(ratio "${RPS[gateway by id]}" "${RPS[direct by id]}")"
echo "gateway/direct by slug: $(ratio "${RPS[gateway by slug]}" "${RPS[direct by slug]}")"
