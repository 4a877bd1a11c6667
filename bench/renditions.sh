#!/usr/bin/env bash
# Rendition time for a 24-megapixel JPEG: this media-service against ImageMagick's `convert`,
# on the same file and the same five sizes, in the same run.
#
#   bench/renditions.sh [--runs N] [--no-build]
#
# What is measured, per run (median over N runs, default 5):
#   service  the five first requests GET /api/media/{id}/renditions/{thumb,small,medium,large,og}
#            on a freshly uploaded photo: each one decodes the original, scales, turns, crops,
#            encodes a progressive JPEG (quality 0.82) and stores it. Each run uploads a new
#            variant of the file (a different JPEG comment, same pixels) so nothing is cached.
#   convert  five `convert` commands on the same file, one per size: -resize to the width
#            (og: cover 1200x630 and cut the centre), -strip, quality 82, progressive.
# Both sides decode the full-size original for every size; the service adds HTTP and storing
# the result in its (embedded) MongoDB, convert adds process start-up. ImageMagick runs with its
# default threads and filter (Lanczos); its Debian memory policy is raised to 2 GiB, the same
# heap the service gets, so neither side spills to disk.
#
# The service runs from its jar on a free port with the embedded store in a temporary
# directory. Uploading needs an editor's token: the script makes an RSA key with openssl, serves
# its public half as a JWKS with `python3 -m http.server` on another free port, points the
# service there (NEWSROOM_JWK_SET_URI) and signs a token for role "editor"
# (bench/renditions/identity.py). Everything it starts is stopped on exit.
#
# Needs: JDK 17+, python3, openssl, curl, and Debian's imagemagick (installed with apt-get when
# /usr/bin/convert is missing and the script runs as root).
set -euo pipefail

RUNS=5
BUILD=yes
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --no-build) BUILD=no; shift ;;
    *) echo "usage: $0 [--runs N] [--no-build]" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH=renditions
source "$ROOT/bench/lib.sh"
HELPERS="$ROOT/bench/renditions"
JAR="$ROOT/media-service/target/media-service.jar"
CONVERT=/usr/bin/convert
IDENTIFY=/usr/bin/identify
SIZES=(thumb small medium large og)

if [[ ! -x "$CONVERT" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "== installing imagemagick (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq imagemagick >/dev/null
  else
    echo "ImageMagick is missing: apt-get install imagemagick" >&2; exit 1
  fi
fi
for tool in java python3 openssl curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

[[ $BUILD == no && -f $JAR ]] || bench_jars media-service

bench_workdir

now_ms() { date +%s%3N; }
median() { python3 -c 'import statistics, sys; print(round(statistics.median(float(x) for x in sys.argv[1:])))' "$@"; }

echo "== identity: an RSA key, its JWKS, an editor token"
ISSUER="http://bench.invalid/realms/news"
openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
mkdir -p "$WORK/jwks"
python3 "$HELPERS/identity.py" jwks "$WORK/key.pem" > "$WORK/jwks/certs.json"
TOKEN="$(python3 "$HELPERS/identity.py" token "$WORK/key.pem" "$ISSUER")"
JWKS_PORT="$(free_port)"
python3 -m http.server "$JWKS_PORT" --bind 127.0.0.1 --directory "$WORK/jwks" >"$WORK/jwks.log" 2>&1 &
PIDS+=($!)

echo "== media-service from $JAR"
PORT="$(free_port)"
NEWSROOM_ISSUER_URI="$ISSUER" \
NEWSROOM_JWK_SET_URI="http://127.0.0.1:$JWKS_PORT/certs.json" \
NEWSROOM_STORE_DIRECTORY="$WORK/store" \
SERVER_PORT="$PORT" \
  java -Xmx2g -jar "$JAR" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "media-service did not start:" >&2; tail -30 "$WORK/service.log" >&2; exit 1; }
  sleep 1
done
curl -fs "$BASE/actuator/health/readiness" >/dev/null || { echo "media-service not ready" >&2; tail -30 "$WORK/service.log" >&2; exit 1; }

echo "== a 24-megapixel JPEG (6000x4000, plasma fractal: real detail, not a flat colour)"
"$CONVERT" -seed 4 -size 6000x4000 plasma:fractal -blur 0x1 -quality 90 "$WORK/base.jpg"
ls -l "$WORK/base.jpg" | awk '{printf "   %s bytes\n", $5}'

IM_LIMITS=(-limit memory 2GiB -limit map 4GiB)
convert_once() { # file size-name output
  case "$2" in
    thumb) geometry=(-resize 320x) ;;
    small) geometry=(-resize 640x) ;;
    medium) geometry=(-resize 1024x) ;;
    large) geometry=(-resize 1600x) ;;
    og) geometry=(-resize '1200x630^' -gravity center -extent 1200x630) ;;
  esac
  "$CONVERT" "${IM_LIMITS[@]}" "$1" -auto-orient "${geometry[@]}" -strip -quality 82 -interlace Plane "$3"
}

SERVICE_TOTALS=()
CONVERT_TOTALS=()
printf '\n%-5s %12s %12s\n' run service_ms convert_ms
for run in $(seq 1 "$RUNS"); do
  photo="$WORK/run-$run.jpg"
  python3 "$HELPERS/variant.py" "$WORK/base.jpg" "$photo" "bench run $run"
  created="$(curl -fs -X POST "$BASE/api/media" -H "Authorization: Bearer $TOKEN" \
    -F "file=@$photo;type=image/jpeg" -F 'metadata={"credit": "Bench-Yonhap"};type=application/json')"
  id="$(printf '%s' "$created" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')"

  service_ms=0
  for size in "${SIZES[@]}"; do
    start=$(now_ms)
    status="$(curl -s -o "$WORK/service-$size.jpg" -w '%{http_code}' "$BASE/api/media/$id/renditions/$size")"
    end=$(now_ms)
    [[ $status == 200 ]] || { echo "rendition $size answered $status" >&2; exit 1; }
    service_ms=$((service_ms + end - start))
  done

  convert_ms=0
  for size in "${SIZES[@]}"; do
    start=$(now_ms)
    convert_once "$photo" "$size" "$WORK/convert-$size.jpg"
    end=$(now_ms)
    convert_ms=$((convert_ms + end - start))
  done

  printf '%-5s %12s %12s\n' "$run" "$service_ms" "$convert_ms"
  SERVICE_TOTALS+=("$service_ms")
  CONVERT_TOTALS+=("$convert_ms")
done

SERVICE_MEDIAN="$(median "${SERVICE_TOTALS[@]}")"
CONVERT_MEDIAN="$(median "${CONVERT_TOTALS[@]}")"
echo
echo "sizes from the service's last run (width x height, bytes):"
for size in "${SIZES[@]}"; do
  printf '   %-7s %-10s %8s bytes   convert: %-10s %8s bytes\n' "$size" \
    "$("$IDENTIFY" -format '%wx%h' "$WORK/service-$size.jpg")" \
    "$(stat -c %s "$WORK/service-$size.jpg")" \
    "$("$IDENTIFY" -format '%wx%h' "$WORK/convert-$size.jpg")" "$(stat -c %s "$WORK/convert-$size.jpg")"
done
echo
echo "median over $RUNS run(s), all five sizes from a 6000x4000 JPEG:"
echo "   media-service (first requests): ${SERVICE_MEDIAN} ms"
echo "   ImageMagick convert:            ${CONVERT_MEDIAN} ms"
python3 -c "import sys; s, c = float(sys.argv[1]), float(sys.argv[2]); print(f'   ratio service / convert:        {s / c:.2f}' if c else '   ratio: n/a')" \
  "$SERVICE_MEDIAN" "$CONVERT_MEDIAN"
