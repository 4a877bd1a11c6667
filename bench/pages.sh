#!/usr/bin/env bash
# The reader's article page (and a section page) at breaking-news scale, in one run on this machine:
#
#   (a) the article page through the gateway (its page cache) against nginx serving the very same
#       HTML bytes from a file: wrk, same connections, plain and gzip-accepting clients; and the
#       same for a section page (/section/national, the list of its stories with the Top 10)
#   (b) a stampede: right after the page was purged (a correction), 1,000 readers ask for it at
#       the same moment, spread over two gateway replicas: how many compositions that cost
#   (c) a withdrawal: from the editor's 200 to the page and its app JSON being gone (410) from
#       both gateway replicas; and a correction: until both show it
#
#   bench/pages.sh                          # 20 s per wrk run
#   DURATION=5 WARMUP=5 bench/pages.sh      # a quick check that everything runs
#
# What it starts, on free loopback ports, stopped on exit: bench/articles/BenchIdentity.java (a
# stand-in for Keycloak: a JWKS and an editor token), article-service, media-service and
# ranking-service from their jars on embedded stores in a temporary directory, two gateways in
# front of them, and nginx. Articles are written and published through article-service's API;
# page views come through the view beacon, so the Top 10 is real.
# Environment: DURATION (s, 20), WARMUP (s, 30), CONNECTIONS (32), READERS (1000).
# RATE_LIMITS_STORE=memory|redis: the gateways limit clients (default budgets) with that store
# (redis: Debian's redis-server on a free port) and wrk reads the pages as CLIENTS (4000) readers
# behind a trusted proxy (bench/limits/clients.lua), so that every page read takes a token from its
# reader's budget; only (a) is run. Unset: rate limits off, as in the figures the README quotes.
# Needs (Debian): wrk, nginx-light, curl, a JDK 17+; installs the first three when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=pages
source bench/lib.sh

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
READERS=${READERS:-1000}
LIMITS=${RATE_LIMITS_STORE:-}
CLIENTS=${CLIENTS:-4000}

bench_install wrk nginx:nginx-light curl
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

bench_jars article-service media-service ranking-service gateway

bench_workdir
chmod 755 "$WORK"
bench_stop_more() { bench_stop_nginx; }
LIMITED=(NEWSROOM_EDGE_RATE_LIMITS_ENABLED=false)
if [[ -n $LIMITS ]]; then
  LIMITED=(NEWSROOM_EDGE_RATE_LIMITS_STORE="$LIMITS" NEWSROOM_EDGE_TRUSTED_PROXIES=127.0.0.1)
  if [[ $LIMITS == redis ]]; then
    bench_install redis-server
    REDIS_PORT=$(free_port)
    say "redis-server on :$REDIS_PORT (no persistence)"
    bench_redis "$REDIS_PORT"
    LIMITED+=(SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT")
  fi
fi

read -r ARTICLE_PORT MEDIA_PORT RANKING_PORT GATEWAY_PORT GATEWAY2_PORT NGINX_PORT \
  < <(java bench/articles/BenchIdentity.java ports 6 | paste -sd' ')
bench_identity

export NEWSROOM_ISSUER_URI=$ISSUER
start() { # name port [environment...]
  local name=$1 port=$2
  shift 2
  say "$name on :$port"
  env SERVER_PORT="$port" "$@" java -Xms256m -Xmx512m -jar "$ROOT/${name%-2}/target/${name%-2}.jar" \
    >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}
start article-service "$ARTICLE_PORT" NEWSROOM_STORE_DIRECTORY="$WORK/articles" \
  MEDIA_SERVICE_URL="http://127.0.0.1:$MEDIA_PORT" NEWSROOM_ARTICLES_SCHEDULER_ENABLED=false
start media-service "$MEDIA_PORT" NEWSROOM_STORE_DIRECTORY="$WORK/media"
start ranking-service "$RANKING_PORT" NEWSROOM_STORE_DIRECTORY="$WORK/rankings" \
  ARTICLE_SERVICE_URL="http://127.0.0.1:$ARTICLE_PORT"
SERVICES=(ARTICLE_SERVICE_URL="http://127.0.0.1:$ARTICLE_PORT" MEDIA_SERVICE_URL="http://127.0.0.1:$MEDIA_PORT"
  RANKING_SERVICE_URL="http://127.0.0.1:$RANKING_PORT" "${LIMITED[@]}")
start gateway "$GATEWAY_PORT" "${SERVICES[@]}"
start gateway-2 "$GATEWAY2_PORT" "${SERVICES[@]}"

ready article-service "$ARTICLE_PORT"; ready media-service "$MEDIA_PORT"; ready ranking-service "$RANKING_PORT"
ready gateway "$GATEWAY_PORT"; ready gateway-2 "$GATEWAY2_PORT"

api() { # method path [body]: an editor's request to article-service; the bench stops on a non-2xx
  local answer status
  answer=$(curl -s -w '\n%{http_code}' -X "$1" "http://127.0.0.1:$ARTICLE_PORT$2" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"})
  status=${answer##*$'\n'}
  [[ $status == 2* ]] || { say "$1 $2 answered $status: ${answer%$'\n'*}"; exit 1; }
  printf '%s' "${answer%$'\n'*}"
}
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\\1/" <<<"$2"; }

say "writing and publishing 12 articles, one of them the story under test"
PARAGRAPH='Residents of the harbour district said the tide came in faster than at any time they could remember, and that the new sea wall held along most of its length.'
BODY=""
for i in $(seq 1 12); do
  BODY+="{\"type\": \"paragraph\", \"text\": \"$PARAGRAPH Paragraph $i of the story, with **bold** and a [link](https://example.org/$i).\"},"
  (( i % 4 == 0 )) && BODY+="{\"type\": \"quote\", \"text\": \"We watched the water rise all night.\", \"attribution\": \"A resident\"},"
done
IDS=()
for i in $(seq 1 11); do
  created=$(api POST /api/articles "{\"headline\": \"Harbour district recovers from storm, report $i\", \"section\": \"national\",
    \"summary\": \"Report $i on the storm.\", \"byline\": [\"Bench Writer\"], \"source\": \"Yonhap\",
    \"body\": [{\"type\": \"paragraph\", \"text\": \"$PARAGRAPH\"}]}")
  IDS+=("$(field id "$created")")
  api POST "/api/articles/${IDS[-1]}/publish" >/dev/null
done
created=$(api POST /api/articles "{\"headline\": \"Sea wall holds as storm surge floods the harbour\", \"section\": \"national\",
  \"deck\": \"Engineers say the new barrier saved the old town\", \"summary\": \"The storm surge was the highest in 40 years.\",
  \"byline\": [\"Bench Writer\", \"Second Writer\"], \"source\": \"Yonhap\", \"dateline\": \"BUSAN\", \"tags\": [\"storm\", \"harbour\"],
  \"relatedIds\": [\"${IDS[0]}\", \"${IDS[1]}\"], \"body\": [${BODY%,}]}")
STORY=$(field id "$created")
SLUG=$(field slug "$created")
api POST "/api/articles/$STORY/publish" >/dev/null
say "page views through the beacon, so that the Top 10 has an order"
for id in "${IDS[@]}" "$STORY"; do
  for v in $(seq 1 $(( RANDOM % 20 + 5 ))); do
    curl -s -o /dev/null -X POST "http://127.0.0.1:$GATEWAY_PORT/api/rankings/views" -H 'Content-Type: application/json' \
      -H "X-Visitor-Id: bench-visitor-$v-$RANDOM" -H 'User-Agent: Mozilla/5.0 (bench)' -d "{\"articleId\": \"$id\"}" \
      -H "X-Forwarded-For: 192.0.2.$(( RANDOM % 250 + 1 ))"
  done
done
PAGE=/news/$SLUG
for _ in $(seq 1 60); do
  [[ $(curl -s "http://127.0.0.1:$GATEWAY_PORT$PAGE" | grep -c '<li><a href="/news/' || true) -ge 10 ]] && break
  sleep 1
done
curl -s -H 'Accept-Encoding: identity' -o "$WORK/page.html" "http://127.0.0.1:$GATEWAY_PORT$PAGE"
grep -q 'Top 10 Stories' "$WORK/page.html" || { say "the page has no Top 10"; exit 1; }
SECTION=/section/national
curl -s -H 'Accept-Encoding: identity' -o "$WORK/section.html" "http://127.0.0.1:$GATEWAY_PORT$SECTION"
grep -q 'Sea wall holds' "$WORK/section.html" || { say "the section page does not list the story"; exit 1; }

mkdir -p "$WORK"/{client_body,proxy,fastcgi,uwsgi,scgi} "$WORK/site/news" "$WORK/site/section"
cp "$WORK/page.html" "$WORK/site/news/$SLUG"
cp "$WORK/section.html" "$WORK/site$SECTION"
chmod -R a+rX "$WORK/site"
cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
error_log $WORK/nginx-error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/client_body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  keepalive_requests 1000000;
  types { }
  gzip on; gzip_comp_level 6; gzip_min_length 1024; gzip_vary on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/site;
    default_type "text/html; charset=utf-8";
    charset utf-8;
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf"

# run LABEL URL [wrk header] -> "rps p50 p99 errors requests"
run() {
  local out
  if [[ -n $LIMITS && $1 == gateway ]]; then
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${4:-$DURATION}"s -s bench/limits/clients.lua ${3:+-H "$3"} "$2" -- "$CLIENTS" 2>&1)
  else
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${4:-$DURATION}"s -s bench/gateway/report.lua ${3:+-H "$3"} "$2" 2>&1)
  fi
  grep '^RESULT' <<<"$out" | cut -d' ' -f2-
}
NGINX_URL="http://127.0.0.1:$NGINX_PORT$PAGE"
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT$PAGE"
say "warming up for ${WARMUP}s each (the JIT compiles the gateway's hot path)"
run nginx "$NGINX_URL" "" "$WARMUP" >/dev/null
run gateway "$GATEWAY_URL" "" "$WARMUP" >/dev/null
run gateway "$GATEWAY_URL" "Accept-Encoding: gzip" "$WARMUP" >/dev/null
run gateway "http://127.0.0.1:$GATEWAY_PORT$SECTION" "" "$WARMUP" >/dev/null

say "peak: ${DURATION}s each, $CONNECTIONS connections"
declare -A R
R[nginx]=$(run nginx "$NGINX_URL")
R[gateway]=$(run gateway "$GATEWAY_URL")
R[nginx-gzip]=$(run nginx "$NGINX_URL" "Accept-Encoding: gzip")
R[gateway-gzip]=$(run gateway "$GATEWAY_URL" "Accept-Encoding: gzip")
R[nginx-section]=$(run nginx "http://127.0.0.1:$NGINX_PORT$SECTION")
R[gateway-section]=$(run gateway "http://127.0.0.1:$GATEWAY_PORT$SECTION")
for t in nginx gateway nginx-gzip gateway-gzip nginx-section gateway-section; do
  read -r _ _ _ errors _ <<<"${R[$t]}"
  (( errors == 0 )) || { say "$t: $errors answers were errors"; exit 1; }
done

if [[ ${PROFILE:-0} == 1 ]]; then
  # shellcheck source=profile/profiler.sh
  source bench/profile/profiler.sh
  OUT=${PROFILE_DIR:-bench/results/pages-$(date -u +%Y%m%dT%H%M%SZ)}
  mkdir -p "$OUT"
  say "profiling the gateway for ${DURATION}s at peak load (pages from the cache)"
  GATEWAY_PID=$(pgrep -f -- "-jar $ROOT/gateway/target/gateway.jar" | head -1)
  profiler_start "$GATEWAY_PID"
  read -r _ _ _ _ served <<<"$(run gateway "$GATEWAY_URL")"
  profiler_stop "$GATEWAY_PID" "$OUT/gateway-page"
  python3 bench/profile/breakdown.py "$OUT/gateway-page.txt" "$served"
  echo "flame graph: $OUT/gateway-page.html"
fi

if [[ -z $LIMITS ]]; then
composed() { # port: compositions of article pages so far
  curl -s "http://127.0.0.1:$1/actuator/prometheus" \
    | awk '/^gateway_page_cache_requests_total\{.*result="composed"/ { s += $2 } END { printf "%d", s }'
}
now_ms() { date +%s%3N; }

say "stampede: $READERS readers at once, right after a correction purged the page, on two gateways"
before1=$(composed "$GATEWAY_PORT"); before2=$(composed "$GATEWAY2_PORT")
api POST "/api/articles/$STORY/corrections" '{"text": "An earlier version gave the wrong height for the surge."}' >/dev/null
sleep 2.5
stampede=$(java bench/pages/Stampede.java "$READERS" "$GATEWAY_URL" "http://127.0.0.1:$GATEWAY2_PORT$PAGE")
composed1=$(( $(composed "$GATEWAY_PORT") - before1 )); composed2=$(( $(composed "$GATEWAY2_PORT") - before2 ))

gone_on() { # url...: ms until every url answers 410 (withdrawn)
  local started=$1; shift
  for _ in $(seq 1 500); do
    local all=1
    for url in "$@"; do
      [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 410 ]] || { all=0; break; }
    done
    (( all )) && { echo $(( $(now_ms) - started )); return; }
    sleep 0.02
  done
  echo "never"
}
shows_on() { # started text url...: ms until every url's page contains text
  local started=$1 text=$2; shift 2
  for _ in $(seq 1 500); do
    local all=1
    for url in "$@"; do
      curl -s "$url" | grep -q "$text" || { all=0; break; }
    done
    (( all )) && { echo $(( $(now_ms) - started )); return; }
    sleep 0.02
  done
  echo "never"
}
URLS=("$GATEWAY_URL" "http://127.0.0.1:$GATEWAY2_PORT$PAGE" "http://127.0.0.1:$GATEWAY_PORT/api/pages/articles/$SLUG"
  "http://127.0.0.1:$GATEWAY2_PORT/api/pages/articles/$SLUG")
for url in "${URLS[@]}"; do curl -fs -o /dev/null "$url"; done
say "a correction, then a withdrawal: until both gateways show it"
started=$(now_ms)
api POST "/api/articles/$STORY/corrections" '{"text": "The sea wall is 4.2 metres high, not 3.8."}' >/dev/null
correction_ms=$(shows_on "$started" "4.2 metres high, not 3.8" "${URLS[@]}")
started=$(now_ms)
api POST "/api/articles/$STORY/withdraw" >/dev/null
withdraw_ms=$(gone_on "$started" "${URLS[@]}")
fi

echo
echo "== article page benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s per run, $CONNECTIONS connections)"
[[ -z $LIMITS ]] || echo "rate limits on, store=$LIMITS, the gateway's readers: $CLIENTS addresses"
echo "page: $PAGE, $(wc -c <"$WORK/page.html") bytes of HTML; section page: $SECTION, $(wc -c <"$WORK/section.html") bytes"
printf '%-28s | %12s %9s %9s %7s\n' target "req/s" "p50 ms" "p99 ms" errors
for t in nginx gateway nginx-gzip gateway-gzip nginx-section gateway-section; do
  read -r rps p50 p99 errors _ <<<"${R[$t]}"
  printf '%-28s | %12s %9s %9s %7s\n' "$t" "$rps" "$p50" "$p99" "$errors"
done
read -r nginx_rps _ <<<"${R[nginx]}"; read -r gw_rps _ <<<"${R[gateway]}"
read -r nginx_gz _ <<<"${R[nginx-gzip]}"; read -r gw_gz _ <<<"${R[gateway-gzip]}"
read -r nginx_sec _ <<<"${R[nginx-section]}"; read -r gw_sec _ <<<"${R[gateway-section]}"
awk -v g="$gw_rps" -v n="$nginx_rps" -v gg="$gw_gz" -v ng="$nginx_gz" -v gs="$gw_sec" -v ns="$nginx_sec" 'BEGIN {
  printf "ratio gateway page / nginx same file:        %.2f   (goal: at least 0.50)\n", (n > 0 ? g / n : 0)
  printf "ratio the same, gzip-accepting clients:      %.2f   (nginx compresses per request)\n", (ng > 0 ? gg / ng : 0)
  printf "ratio gateway section page / nginx same file: %.2f   (goal: at least 0.50)\n", (ns > 0 ? gs / ns : 0)
}'
[[ -n $LIMITS ]] && exit 0
echo "stampede, $READERS readers at once after a purge: answers $stampede; compositions: gateway 1: $composed1, gateway 2: $composed2   (goal: 1 per replica)"
echo "correction shown by both gateways (page and JSON): ${correction_ms} ms   (goal: at most 2000 ms)"
echo "withdrawal gone from both gateways (page and JSON): ${withdraw_ms} ms   (goal: at most 2000 ms)"
