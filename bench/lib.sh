# What the bench scripts share, sourced by them (not run on its own): the log line, installing
# what is missing, a temporary directory cleaned up with everything started in it, free ports,
# the identity stand-in and waiting for readiness. Before sourcing, a script sets BENCH (its name
# in the log lines) and ROOT (the repository).

say() { printf '[bench/%s] %s\n' "$BENCH" "$*" >&2; }

# bench_install command:package ... installs, with apt-get, the Debian packages whose commands are
# missing (command alone when the package has its name); sudo when not root
bench_install() {
  local wanted missing=() command
  for wanted in "$@"; do
    command=${wanted%%:*}
    command -v "$command" >/dev/null || [[ -x /usr/sbin/$command ]] || missing+=("${wanted#*:}")
  done
  if (( ${#missing[@]} > 0 )); then bench_apt "${missing[@]}"; fi
}

# bench_apt package ...: installs these Debian packages with apt-get; sudo when not root
bench_apt() {
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  say "installing $*"
  "${sudo[@]}" apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

# bench_jars module ...: builds these modules' jars (and what they depend on) when one is missing or
# older than its sources, platform-common's or a pom, so that a bench never measures yesterday's
# code (the same test as run-local.sh's)
bench_jars() {
  local module
  for module in "$@"; do
    if [[ ! -f $ROOT/$module/target/$module.jar || -n $(cd "$ROOT" && find "$module/src" "$module/pom.xml" pom.xml \
        platform-common/src platform-common/pom.xml -newer "$module/target/$module.jar" -type f -print -quit 2>/dev/null) ]]; then
      say "building $*"
      (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests -pl "$(IFS=,; echo "$*")" -am install)
      return
    fi
  done
}

# bench_redis PORT: a redis-server on 127.0.0.1:PORT that keeps nothing (no snapshot, no
# append-only file), stopped on exit; returns once it answers. After bench_workdir.
bench_redis() {
  local _
  redis-server --port "$1" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do
    [[ $(redis-cli -p "$1" ping 2>/dev/null) == PONG ]] && return
    sleep 0.1
  done
  say "redis-server did not answer on :$1 ($WORK/redis.log)"
  exit 1
}

# bench_top_backend BACKEND_PORT PROXY_PORT: nginx serving a Top 10 shaped like ranking-service's
# at /api/rankings/top on BACKEND_PORT, and proxying to it on PROXY_PORT
# (bench/gateway/nginx.conf.template); NGINX names the binary; stopped on exit
bench_top_backend() {
  local i
  {
    printf '{"window":"24h","section":null,"generatedAt":"2026-11-27T09:00:00Z","stale":false,"items":['
    for i in $(seq 1 10); do
      (( i > 1 )) && printf ','
      printf '{"rank":%d,"articleId":"6750a1b2c3d4e5f6012345%02d","slug":"story-number-%d-of-the-day","headline":"Story number %d of the day, as readers ranked it","section":"national","views":%d}' \
        "$i" "$i" "$i" "$i" $(( 10000 - i * 500 ))
    done
    printf ']}'
  } > "$WORK/top.json"
  mkdir -p "$WORK"/{client_body,proxy,fastcgi,uwsgi,scgi}
  sed -e "s|@DIR@|$WORK|g" -e "s|@BACKEND_PORT@|$1|g" -e "s|@PROXY_PORT@|$2|g" \
    "$ROOT/bench/gateway/nginx.conf.template" > "$WORK/nginx.conf"
  "$NGINX" -p "$WORK" -c "$WORK/nginx.conf"
}
bench_stop_nginx() { [[ ! -f $WORK/nginx.pid ]] || "$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null; }

# bench_workdir: a fresh temporary directory WORK and the list PIDS of what the script starts; on
# exit bench_stop_more runs first when the script defines it, then every process in PIDS is
# stopped and waited for, and WORK is removed
bench_workdir() {
  WORK=$(mktemp -d "/tmp/newsroom-bench-$BENCH.XXXXXX")
  PIDS=()
  trap bench_cleanup EXIT
}
bench_cleanup() {
  local pid
  if declare -F bench_stop_more >/dev/null; then bench_stop_more || true; fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}

# free_port: a loopback port free at this moment
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# bench_identity: bench/articles/BenchIdentity.java, a stand-in for Keycloak (a JWKS and an
# editor token), in the background; sets ISSUER and TOKEN
bench_identity() {
  say "identity stand-in"
  java "$ROOT/bench/articles/BenchIdentity.java" serve "$WORK" >"$WORK/identity.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do [[ -f $WORK/token ]] && break; sleep 0.2; done
  [[ -f $WORK/token ]] || { say "identity stand-in did not start"; cat "$WORK/identity.log" >&2; exit 1; }
  ISSUER=$(cat "$WORK/issuer")
  TOKEN=$(cat "$WORK/token")
}

# ready name port: waits up to three minutes for the service's readiness group; stops the bench
# with the end of its log ($WORK/name.log) when it does not come
ready() {
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  say "$1 did not become ready; its log:"; tail -40 "$WORK/$1.log" >&2; exit 1
}
