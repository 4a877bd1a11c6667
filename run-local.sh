#!/usr/bin/env bash
# Runs the newsroom platform on this machine: a real Keycloak (realm "news") and the gateway
# and three services on their embedded stores.
#
#   ./run-local.sh              build what is stale, start everything, wait until healthy
#                               (saying what it still waits for), then watch: a process that
#                               stops is named with its exit code and log, the others keep
#                               running; Ctrl-C stops it all
#   ./run-local.sh --detach     the same, but return once healthy (stop later with --stop)
#   ./run-local.sh --stop       stop what a detached run started
#   ./run-local.sh --status     show what is running
#   ./run-local.sh --stop-service NAME / --start-service NAME
#                               stop or start one service of a running stack, or keycloak
#                               (fault drills); start waits until it answers again
#   ./run-local.sh --backup DIR copy each service's embedded store into DIR/NAME.zip while the
#                               platform runs (a consistent copy: MVStore's own hot backup)
#   ./run-local.sh --restore DIR put those copies back: stops the services and the gateway,
#                               replaces their stores, starts again what was running
#   --no-build                  use the jars already in */target (the end-to-end suite does)
#   --replicas NAME=2[,NAME=2]  a second replica of the gateway or of a service, e.g.
#                               --replicas ranking-service=2,gateway=2 (or NEWSROOM_REPLICAS=...).
#                               The second replica is NAME-2 (for --status, --stop-service and
#                               --start-service) on the first's port + 100 (article 8181, media 8182,
#                               ranking 8183; the gateway's on 8090: 8180 is Keycloak's, 8084
#                               e2e's). A service's second replica uses the first's embedded store
#                               over the wire (spring.mongodb.uri to its NEWSROOM_STORE_PORT: fixed
#                               ports, base 27100 unless NEWSROOM_STORE_PORT_BASE says otherwise);
#                               every gateway gets the list of the service's URLs and balances over
#                               them. Two ranking replicas share their visitor dedupe and
#                               per-address limit (NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE=true, one
#                               visitor key kept in the state directory), two gateways their rate
#                               limits and desk sessions (an editor signed in on one is signed in
#                               on both), in a local redis-server (Debian's redis-server package;
#                               port NEWSROOM_REDIS_PORT, default 6379, nothing saved).
#                               The services themselves call the first replica of each other.
#                               With --start-service/--stop-service it changes a running stack's
#                               replicas (restart a service to give it its replica settings;
#                               --replicas none: one of each again).
#   --demo                      load the demo newsroom even if the stores are not empty
#                               (by default it is loaded only into empty stores, on a first run)
#
# Environment (all optional):
#   NEWSROOM_DATA_ROOT   where the services keep their stores        (default ./data)
#   NEWSROOM_STATE_DIR   pid files and logs of this run              (default ./.run-local)
#   NEWSROOM_CACHE_DIR   the unpacked Keycloak, reused between runs  (default ~/.cache/newsroom)
#   NEWSROOM_DEMO        false: never load the demo newsroom
#   NEWSROOM_JAVA_OPTS   extra JVM options for the four services
#   NEWSROOM_STORE_PORT_BASE  fixed ports for the embedded stores (article base+1, media +2,
#                        ranking +3) so tools can read them; default: any free port
#   NEWSROOM_START_TIMEOUT  seconds to wait for everything to become healthy (default 300)
#   Every other variable reaches the services as well, e.g. NEWSROOM_EDGE_RATE_LIMITS_ENABLED=false
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STATE=${NEWSROOM_STATE_DIR:-$ROOT/.run-local}
DATA=${NEWSROOM_DATA_ROOT:-$ROOT/data}
CACHE=${NEWSROOM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsroom}
KC_VERSION=26.7.3
KC_HOME=$CACHE/keycloak-$KC_VERSION
KC_PORT=8180
REALM_FILE=$ROOT/keycloak/news-realm.json
START_TIMEOUT=${NEWSROOM_START_TIMEOUT:-300}
# a failed full start stops what it started; a failed single-service restart leaves the rest up
STOP_ALL_ON_FAILURE=true

# name:port, in start order; the gateway last so its routes find the services up (second
# replicas are added by --replicas: use_replicas)
SERVICES=(article-service:8081 media-service:8082 ranking-service:8083 gateway:8080)
# the processes besides the services: Keycloak, and redis-server when replicas share limits and dedupe
HELPERS=(keycloak)
# NAME -> replica count (2), from --replicas or NEWSROOM_REPLICAS; kept in $STATE/replicas while
# the stack runs, so --status, --stop-service and --start-service know the second replicas
declare -A REPLICAS=()
REDIS_PORT=${NEWSROOM_REDIS_PORT:-6379}
GATEWAY_REDIS_PASSWORD=local-demo-gateway-redis-password
RANKINGS_REDIS_PASSWORD=local-demo-rankings-redis-password
# how often a wait says what it is still waiting for, in seconds
PROGRESS_EVERY=5

# when this run launched each process (SECONDS), and the pids it launched itself (only those
# can tell their exit code)
declare -A LAUNCHED_AT=()
declare -A OUR_PIDS=()

say() { printf '[run-local] %s\n' "$*"; }
die() { say "$*" >&2; exit 1; }

# a zombie (exited, not yet reaped: a service restarted by a script that has since ended, in a
# container whose first process does not reap) answers kill -0 but is gone
pid_alive() {
  [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null || return 1
  [[ $(awk '{ print $3 }' "/proc/$(cat "$1")/stat" 2>/dev/null) != Z ]]
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_one() { # name: TERM the process group, wait up to 20 s, then KILL
  local name=$1 pidfile=$STATE/pids/$1.pid waited=0
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  say "stopping $name (pid $(cat "$pidfile"))"
  kill -TERM -- "-$(cat "$pidfile")" 2>/dev/null || kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
  while pid_alive "$pidfile" && (( waited < 40 )); do sleep 0.5; waited=$((waited + 1)); done
  if pid_alive "$pidfile"; then
    say "$name did not stop in 20 s; killing it"
    kill -KILL -- "-$(cat "$pidfile")" 2>/dev/null || kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop_all() {
  local name
  [[ -d $STATE/pids ]] || { say "nothing to stop"; return 0; }
  # the gateways first, then the services (they flush and close their stores; a second replica
  # before the first, whose embedded store it uses), Keycloak and redis-server last
  for name in gateway-2 gateway ranking-service-2 ranking-service media-service-2 media-service \
      article-service-2 article-service keycloak redis; do
    stop_one "$name"
  done
  rm -f "$STATE/replicas"
  say "stopped"
}

status() {
  local name pidfile
  for name in "${HELPERS[@]}" "${SERVICES[@]%%:*}"; do
    pidfile=$STATE/pids/$name.pid
    if pid_alive "$pidfile"; then say "$name running (pid $(cat "$pidfile"))"; else say "$name not running"; fi
  done
}

jars_stale() {
  local module
  for module in "${SERVICES[@]%%:*}" demo-newsroom; do
    local jar=$ROOT/$module/target/$module.jar
    [[ -f $jar ]] || return 0
    if [[ -n $(find "$ROOT/$module/src" "$ROOT/$module/pom.xml" "$ROOT/pom.xml" "$ROOT/platform-common/src" \
                    "$ROOT/platform-common/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null) ]]; then
      return 0
    fi
  done
  return 1
}

# label log command...: runs the command with its output in the log and says every few seconds
# that it still runs (with the log's last line matching $PROGRESS_PATTERN, if set); on failure
# shows the end of the log and exits
PROGRESS_PATTERN=
with_progress() {
  local label=$1 log=$2 started=$SECONDS next_note=$((SECONDS + PROGRESS_EVERY)) pid rc=0 now
  shift 2
  mkdir -p "$(dirname "$log")"
  "$@" > "$log" 2>&1 &
  pid=$!
  # a background command does not see Ctrl-C: pass it on
  trap 'kill "$pid" 2>/dev/null; echo; say "interrupted"; exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS >= next_note )) && kill -0 "$pid" 2>/dev/null; then
      now=
      # Maven's "[INFO] Building gateway 0.1.0-SNAPSHOT      [7/8]" shown as "gateway [7/8]"
      [[ -n $PROGRESS_PATTERN ]] && now=$(grep -E "$PROGRESS_PATTERN" "$log" 2>/dev/null | tail -n 1 \
        | sed -E 's/^\[INFO\] //; s/^Building ([^ ]+) [^ ]+ +(\[[0-9]+\/[0-9]+\])$/\1 \2/') || true
      say "$label ($((SECONDS - started)) s)${now:+: $now}"
      next_note=$((SECONDS + PROGRESS_EVERY))
    fi
  done
  wait "$pid" || rc=$?
  trap - INT TERM
  if (( rc != 0 )); then
    say "$label failed (exit $rc); the end of $log:" >&2
    tail -n 40 "$log" >&2 || true
    exit 1
  fi
  say "$label: done in $((SECONDS - started)) s"
}

# the Maven Wrapper in the project root (exec: in the background, its pid is Maven's own)
maven() { cd "$ROOT" && exec ./mvnw -B -ntp "$@"; }

build() {
  if jars_stale; then
    say "building the services (sources changed since the last build); output in $STATE/logs/build.log"
    PROGRESS_PATTERN='^\[INFO\] Building .*\[[0-9]+/[0-9]+\]' with_progress "building" "$STATE/logs/build.log" \
      maven -DskipTests -pl gateway,article-service,media-service,ranking-service,demo-newsroom -am package
  else
    say "jars are up to date"
  fi
}

ensure_keycloak() {
  if [[ ! -x $KC_HOME/bin/kc.sh ]]; then
    say "fetching Keycloak $KC_VERSION from Maven Central into $CACHE (once)"
    mkdir -p "$CACHE"
    with_progress "fetching Keycloak" "$STATE/logs/keycloak-fetch.log" \
      maven dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$CACHE"
    rm -rf "$KC_HOME.partial"
    mkdir -p "$KC_HOME.partial"
    unzip -q "$CACHE/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$KC_HOME.partial"
    mv "$KC_HOME.partial/keycloak-$KC_VERSION" "$KC_HOME"
    rm -rf "$KC_HOME.partial" "$CACHE/keycloak-quarkus-dist-$KC_VERSION.zip"
  fi
  # Keycloak imports a realm only when it does not exist yet: when our realm file changed,
  # start from an empty dev database so the new file is what runs.
  local hash
  hash=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
  mkdir -p "$KC_HOME/data/import"
  if [[ $(cat "$KC_HOME/data/.news-realm.sha256" 2>/dev/null) != "$hash" ]]; then
    rm -rf "$KC_HOME/data/h2"
    cp "$REALM_FILE" "$KC_HOME/data/import/news-realm.json"
    echo "$hash" > "$KC_HOME/data/.news-realm.sha256"
  fi
}

launch() { # name, then the command
  local name=$1; shift
  mkdir -p "$STATE/pids" "$STATE/logs"
  # appended: a service restarted in a drill keeps its predecessor's lines (a full start clears the logs)
  setsid "$@" >> "$STATE/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE/pids/$name.pid"
  LAUNCHED_AT[$name]=$SECONDS
  OUR_PIDS[$!]=$name
}

start_keycloak() {
  say "starting Keycloak on :$KC_PORT (first start builds it: about 100 s)"
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
    "$KC_HOME/bin/kc.sh" start-dev --http-port=$KC_PORT --hostname=http://localhost:$KC_PORT --import-realm
}

store_port() { # name: the embedded store's port, 0 for any free one
  local base=${NEWSROOM_STORE_PORT_BASE:-}
  # a service's second replica reaches the first's store over the wire: a port known in advance
  if [[ -z $base ]] && (( ${REPLICAS[article-service]:-1} + ${REPLICAS[media-service]:-1} \
      + ${REPLICAS[ranking-service]:-1} > 3 )); then
    base=27100
  fi
  [[ -n $base ]] || { echo 0; return; }
  case $1 in
    article-service) echo $((base + 1)) ;;
    media-service) echo $((base + 2)) ;;
    ranking-service) echo $((base + 3)) ;;
    *) echo 0 ;;
  esac
}

jvm_options() { # name: the service's own JVM flags (its Dockerfile sets the same)
  case $1 in
    # short young collections for Top 10 reads during ingest (ranking-service/Dockerfile says why)
    ranking-service) echo "-XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=1" ;;
  esac
}

replica_port() { # name port: where NAME's second replica listens
  if [[ $1 == gateway ]]; then echo 8090; else echo $(($2 + 100)); fi
}

service_urls() { # service (article-service...): its replicas' base URLs, comma-separated
  local url=http://localhost:$(service_port "$1")
  (( ${REPLICAS[$1]:-1} > 1 )) && url+=,http://localhost:$(service_port "$1-2")
  echo "$url"
}

start_service() { # name port; NAME-2 is the second replica of NAME
  local name=$1 port=$2 module=${1%-2}
  local -a settings=(SERVER_PORT="$port")
  if [[ $module == gateway ]]; then
    # only where there are replicas: a default run keeps application.yml's own values
    (( ${REPLICAS[article-service]:-1} > 1 )) && settings+=(ARTICLE_SERVICE_URL="$(service_urls article-service)")
    (( ${REPLICAS[media-service]:-1} > 1 )) && settings+=(MEDIA_SERVICE_URL="$(service_urls media-service)")
    (( ${REPLICAS[ranking-service]:-1} > 1 )) && settings+=(RANKING_SERVICE_URL="$(service_urls ranking-service)")
    if (( ${REPLICAS[gateway]:-1} > 1 )); then
      settings+=(NEWSROOM_EDGE_RATE_LIMITS_STORE=redis NEWSROOM_DESK_SESSIONS=redis
        SPRING_DATA_REDIS_URL="redis://gateway:$GATEWAY_REDIS_PASSWORD@127.0.0.1:$REDIS_PORT")
    fi
  elif [[ $name == "$module" ]]; then
    settings+=(NEWSROOM_STORE_DIRECTORY="$DATA/$name" NEWSROOM_STORE_PORT="$(store_port "$name")")
  else
    # no store of its own: the first replica's, over the wire (the Mongo URI turns the embedded one off)
    settings+=(SPRING_MONGODB_URI="mongodb://127.0.0.1:$(store_port "$module")/")
  fi
  if [[ $module == ranking-service ]] && (( ${REPLICAS[ranking-service]:-1} > 1 )); then
    # one visitor, one count, whichever replica a beacon lands on: both decide against one Redis
    # and hash client addresses with one key
    settings+=(NEWSROOM_RANKINGS_INGEST_SHARED_DEDUPE=true
      SPRING_DATA_REDIS_URL="redis://rankings:$RANKINGS_REDIS_PASSWORD@127.0.0.1:$REDIS_PORT"
      NEWSROOM_RANKINGS_VISITOR_KEY="$(visitor_key)")
  fi
  say "starting $name on :$port"
  # shellcheck disable=SC2086
  launch "$name" env "${settings[@]}" \
    java -Xms64m -Xmx512m $(jvm_options "$module") ${NEWSROOM_JAVA_OPTS:-} -jar "$ROOT/$module/target/$module.jar"
}

visitor_key() { # the replicas' common key: the caller's, else one kept with this run's state
  if [[ -n ${NEWSROOM_RANKINGS_VISITOR_KEY:-} ]]; then echo "$NEWSROOM_RANKINGS_VISITOR_KEY"; return; fi
  [[ -s $STATE/visitor-key ]] || { mkdir -p "$STATE"; (umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > "$STATE/visitor-key"); }
  cat "$STATE/visitor-key"
}

start_redis() {
  command -v redis-server > /dev/null \
    || die "replicas share their rate limits, desk sessions and dedupe in Redis: install Debian's redis-server package (apt-get install redis-server)"
  say "starting redis-server on :$REDIS_PORT (the replicas' shared rate limits, desk sessions and dedupe; nothing is saved)"
  # each application signs in as its own user and reaches only its own keys, as in Compose and
  # Kubernetes (k8s/base/redis); the local demo passwords are Compose's
  launch redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --user default on nopass -@all +ping \
    --user gateway on ">$GATEWAY_REDIS_PASSWORD" '~newsroom:*' '&newsroom:*' +@all -@admin -@dangerous \
    --user rankings on ">$RANKINGS_REDIS_PASSWORD" '~rankings:*' +@all -@admin -@dangerous
}

use_replicas() { # spec: NAME=2[,NAME=2], or empty
  local item name count entry
  local -a items=() services=()
  [[ -n $1 ]] || return 0
  IFS=, read -ra items <<< "$1"
  for item in "${items[@]}"; do
    [[ $item == *=* ]] || die "--replicas: '$item' is not NAME=COUNT (e.g. ranking-service=2)"
    name=${item%%=*}; count=${item#*=}
    service_port "$name" > /dev/null
    [[ $count =~ ^[12]$ ]] || die "--replicas: $name=$count: one or two replicas of each"
    REPLICAS[$name]=$count
  done
  # each second replica right after its first
  for entry in "${SERVICES[@]}"; do
    services+=("$entry")
    name=${entry%%:*}
    (( ${REPLICAS[$name]:-1} > 1 )) && services+=("$name-2:$(replica_port "$name" "${entry##*:}")")
  done
  SERVICES=("${services[@]}")
  if (( ${REPLICAS[gateway]:-1} > 1 || ${REPLICAS[ranking-service]:-1} > 1 )); then HELPERS+=(redis); fi
  return 0
}

wait_healthy() { # the names to wait for (default: everything)
  local began=$SECONDS deadline=$((SECONDS + START_TIMEOUT)) next_note=$((SECONDS + PROGRESS_EVERY)) pending name port url
  local -a names=("$@")
  local -A up=()
  (( ${#names[@]} > 0 )) || names=("${HELPERS[@]}" "${SERVICES[@]%%:*}")
  while :; do
    pending=()
    for name in "${names[@]}"; do
      if ! pid_alive "$STATE/pids/$name.pid"; then
        say "$name exited during start-up; the end of its log:" >&2
        tail -n 40 "$STATE/logs/$name.log" >&2 || true
        $STOP_ALL_ON_FAILURE && stop_all
        exit 1
      fi
    done
    if [[ " ${names[*]} " == *" keycloak "* ]]; then
      curl -fsS -o /dev/null "http://localhost:$KC_PORT/realms/news/.well-known/openid-configuration" 2>/dev/null \
        || pending+=(keycloak)
    fi
    if [[ " ${names[*]} " == *" redis "* ]]; then
      port_busy "$REDIS_PORT" || pending+=(redis)
    fi
    for entry in "${SERVICES[@]}"; do
      name=${entry%%:*}; port=${entry##*:}
      [[ " ${names[*]} " == *" $name "* ]] || continue
      url=http://localhost:$port/actuator/health/readiness
      curl -fsS "$url" 2>/dev/null | grep -q '"UP"' || pending+=("$name")
    done
    for name in "${names[@]}"; do
      if [[ -z ${up[$name]:-} && " ${pending[*]} " != *" $name "* ]]; then
        up[$name]=1
        say "$name is up$(since "$name")"
      fi
    done
    (( ${#pending[@]} == 0 )) && return 0
    if (( SECONDS >= next_note )); then
      say "waiting for: $(printf '%s, ' "${pending[@]}" | sed 's/, $//') ($((SECONDS - began)) s)"
      next_note=$((SECONDS + PROGRESS_EVERY))
    fi
    if (( SECONDS > deadline )); then
      say "not healthy after ${START_TIMEOUT} s: ${pending[*]}; logs are in $STATE/logs" >&2
      $STOP_ALL_ON_FAILURE && stop_all
      exit 1
    fi
    sleep 2
  done
}

since() { # name: " (N s)" since this run launched it, or nothing
  [[ -n ${LAUNCHED_AT[$1]:-} ]] && printf ' (%d s)' $((SECONDS - LAUNCHED_AT[$1]))
  return 0
}

exit_status() { # name pid: how the process ended, as far as this shell can tell
  local rc=0
  if [[ -z $2 ]]; then
    echo "its pid file is gone: stopped with --stop-service or --stop"
    return 0
  fi
  if [[ ${OUR_PIDS[$2]:-} != "$1" ]]; then
    echo "started by another run-local.sh, exit code unknown"
    return 0
  fi
  wait "$2" 2>/dev/null || rc=$?
  if (( rc > 128 )); then echo "killed by SIG$(kill -l $((rc - 128)) 2>/dev/null || echo $((rc - 128)))"
  else echo "exit code $rc"
  fi
}

# foreground: watch the stack until Ctrl-C; a process that stops is named and the others go on
# (the platform degrades without any one of them); one started again is noticed
watch_stack() {
  local entry pid
  local -A gone=()
  while :; do
    for entry in "${HELPERS[@]}" "${SERVICES[@]%%:*}"; do
      if pid_alive "$STATE/pids/$entry.pid"; then
        if [[ -n ${gone[$entry]:-} ]]; then
          unset "gone[$entry]"
          say "$entry is running again (pid $(cat "$STATE/pids/$entry.pid"))"
        fi
      elif [[ -z ${gone[$entry]:-} ]]; then
        gone[$entry]=1
        pid=$(cat "$STATE/pids/$entry.pid" 2>/dev/null || true)
        say "$entry stopped ($(exit_status "$entry" "$pid")); its log: $STATE/logs/$entry.log"
        say "the others keep running; start it again with: $0 --start-service $entry (Ctrl-C stops everything)"
      fi
    done
    if (( ${#gone[@]} == ${#SERVICES[@]} + ${#HELPERS[@]} )); then
      say "nothing runs any more"
      stop_all
      exit 1
    fi
    sleep 2
  done
}

load_demo() { # reason
  local jar=$ROOT/demo-newsroom/target/demo-newsroom.jar
  if [[ ! -f $jar ]]; then
    say "demo-newsroom/target/demo-newsroom.jar is missing; skipping the demo newsroom"
    return 0
  fi
  say "loading the demo newsroom ($1) through the public API"
  if ! java -jar "$jar" --gateway http://localhost:8080 --keycloak "http://localhost:$KC_PORT" \
      > "$STATE/logs/demo-newsroom.log" 2>&1; then
    say "the demo newsroom could not be loaded (see $STATE/logs/demo-newsroom.log); the platform runs without it"
    return 0
  fi
  tail -n 1 "$STATE/logs/demo-newsroom.log"
}

start() {
  local detach=$1 do_build=$2 demo=$3 replicas=$4 entry fresh_store=false
  local -a firsts=() seconds=() ports=("$KC_PORT" "${SERVICES[@]##*:}")
  for entry in "${HELPERS[@]}" "${SERVICES[@]%%:*}"; do
    pid_alive "$STATE/pids/$entry.pid" && die "already running ($entry); use --stop first or --status"
  done
  [[ " ${HELPERS[*]} " == *" redis "* ]] && ports+=("$REDIS_PORT")
  for entry in "${ports[@]}"; do
    port_busy "$entry" && die "port $entry is in use by another program; stop it first"
  done
  command -v java >/dev/null || die "java (17 or newer) is needed"
  command -v unzip >/dev/null || die "unzip is needed to unpack Keycloak (apt-get install unzip)"
  command -v curl >/dev/null || die "curl is needed for health checks (apt-get install curl)"
  rm -rf "$STATE/logs"
  $do_build && build
  for entry in "${SERVICES[@]%%:*}"; do
    [[ -f $ROOT/$entry/target/$entry.jar ]] || die "$entry/target/$entry.jar is missing; run without --no-build"
  done
  ensure_keycloak
  [[ -d $DATA/article-service ]] || fresh_store=true
  mkdir -p "$DATA"
  # Ctrl-C while starting stops what was started (the processes run in sessions of their own)
  trap 'echo; say "interrupted"; stop_all; exit 130' INT TERM
  mkdir -p "$STATE"
  if [[ -n $replicas ]]; then echo "$replicas" > "$STATE/replicas"; else rm -f "$STATE/replicas"; fi
  start_keycloak
  [[ " ${HELPERS[*]} " == *" redis "* ]] && start_redis
  for entry in "${SERVICES[@]}"; do
    if [[ ${entry%%:*} == *-2 ]]; then seconds+=("$entry"); else firsts+=("$entry"); fi
  done
  for entry in "${firsts[@]}"; do start_service "${entry%%:*}" "${entry##*:}"; done
  say "waiting until everything is healthy"
  wait_healthy "${HELPERS[@]}" "${firsts[@]%%:*}"
  if (( ${#seconds[@]} > 0 )); then
    # second replicas once the first ones (and their stores) answer
    for entry in "${seconds[@]}"; do start_service "${entry%%:*}" "${entry##*:}"; done
    wait_healthy "${seconds[@]%%:*}"
  fi
  if [[ ${NEWSROOM_DEMO:-true} != false ]]; then
    if $demo; then load_demo "asked for with --demo"
    elif $fresh_store; then load_demo "first run on empty stores; NEWSROOM_DEMO=false skips it"
    fi
  fi
  cat <<EOF
[run-local] the newsroom is up
  web edition and API   http://localhost:8080          (try /api/articles, /api/rankings/top)
  Keycloak              http://localhost:$KC_PORT        (admin console: admin / admin)
  services              article :8081   media :8082   ranking :8083
  replicas              ${replicas:-none (--replicas NAME=2 adds a second one)}
  demo users            editor1/editor1 (editor)  admin1/admin1 (editor, admin)  reader1/reader1
  token for editor1     curl -s -d client_id=news-web -d grant_type=password -d username=editor1 \\
                          -d password=editor1 http://localhost:$KC_PORT/realms/news/protocol/openid-connect/token
  data                  $DATA
  logs                  $STATE/logs
EOF
  if $detach; then
    say "detached; stop with: $0 --stop"
  else
    say "press Ctrl-C to stop"
    trap 'echo; stop_all; exit 0' INT TERM
    # (stderr: bash's own "Killed" notice for a service that dies; watch_stack says it better)
    watch_stack 2>/dev/null
  fi
}

service_port() { # name (NAME-2: a second replica's port, whether or not it is in this run)
  local entry
  for entry in "${SERVICES[@]}"; do
    [[ ${entry%%:*} == "$1" ]] && { echo "${entry##*:}"; return 0; }
  done
  if [[ $1 == *-2 ]]; then
    for entry in "${SERVICES[@]}"; do
      [[ ${entry%%:*} == "${1%-2}" ]] && { replica_port "${1%-2}" "${entry##*:}"; return 0; }
    done
  fi
  die "no service called $1 (one of: ${SERVICES[*]%%:*})"
}

start_one() { # name: start one service (or keycloak) of a running stack again and wait for it
  local name=$1 port
  [[ $name == keycloak || $name == redis ]] || port=$(service_port "$name")
  pid_alive "$STATE/pids/$name.pid" && die "$name is already running"
  STOP_ALL_ON_FAILURE=false
  if [[ $name == keycloak ]]; then
    port_busy "$KC_PORT" && die "port $KC_PORT is in use by another program"
    ensure_keycloak
    start_keycloak
  elif [[ $name == redis ]]; then
    start_redis
  else
    start_service "$name" "$port"
  fi
  # keycloak counts as up once the realm's discovery document answers (services fetch keys from it)
  wait_healthy "$name"
}

STORES=(article-service media-service ranking-service)

backup() { # dir: each running service's store, copied while it runs, into DIR/NAME.zip
  local dir=$1 name port
  mkdir -p "$dir"
  for name in "${STORES[@]}"; do
    pid_alive "$STATE/pids/$name.pid" || die "$name is not running: start the platform first (--detach)"
  done
  for name in "${STORES[@]}"; do
    port=$(service_port "$name")
    # written aside first: a failed copy must never replace a good one
    curl -fsS -o "$dir/$name.zip.partial" "http://localhost:$port/actuator/storebackup" \
      || die "$name did not answer its backup (see $STATE/logs/$name.log)"
    unzip -tq "$dir/$name.zip.partial" > /dev/null || die "$name's backup is not a whole archive"
    mv "$dir/$name.zip.partial" "$dir/$name.zip"
    say "$name: $(du -h "$dir/$name.zip" | cut -f1) in $dir/$name.zip"
  done
}

restore() { # dir: put DIR/NAME.zip back as each service's store; what was running runs again
  local dir=$1 name entry
  local -a running=()
  for name in "${STORES[@]}"; do
    [[ -f $dir/$name.zip ]] || die "$dir/$name.zip is missing: nothing was restored"
    unzip -tq "$dir/$name.zip" > /dev/null || die "$dir/$name.zip is not a whole archive: nothing was restored"
  done
  # the gateway too: its cached pages may show what the restore takes away
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    pid_alive "$STATE/pids/$name.pid" && running+=("$name")
  done
  for name in gateway-2 gateway "${STORES[@]/%/-2}" "${STORES[@]}"; do stop_one "$name"; done
  for name in "${STORES[@]}"; do
    mkdir -p "$DATA/$name"
    unzip -p "$dir/$name.zip" > "$DATA/$name/$name.mv.restoring"
    mv "$DATA/$name/$name.mv.restoring" "$DATA/$name/$name.mv"
    say "$name: store restored from $dir/$name.zip"
  done
  STOP_ALL_ON_FAILURE=false
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}
    [[ " ${running[*]} " == *" $name "* ]] && start_service "$name" "${entry##*:}"
  done
  (( ${#running[@]} == 0 )) || wait_healthy "${running[@]}"
}

known_name() { # name: a service of the stack (a second replica too), keycloak or redis
  [[ $1 == keycloak || $1 == redis ]] || service_port "$1" > /dev/null
}

detach=false
replicas=${NEWSROOM_REPLICAS:-}
replicas_given=false
do_build=true
demo=false
action=start
target=
while (( $# > 0 )); do
  arg=$1; shift
  case $arg in
    --stop-service|--start-service)
      (( $# > 0 )) || die "$arg needs a service name"
      action=$arg; target=$1; shift ;;
    --replicas)
      (( $# > 0 )) || die "--replicas needs NAME=2[,NAME=2]"
      replicas=$1; replicas_given=true; shift ;;
    --backup|--restore)
      (( $# > 0 )) || die "$arg needs a directory"
      action=$arg; target=$1; shift ;;
    --detach) detach=true ;;
    --no-build) do_build=false ;;
    --demo) demo=true ;;
    --stop) action=stop ;;
    --status) action=status ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown option $arg (see --help)" ;;
  esac
done

[[ $replicas == none ]] && replicas=
# a running stack's replicas are the ones it was started with; --replicas with --start-service
# or --stop-service changes them (a service started again gets its replica settings, e.g. a
# ranking-service restarted to share its dedupe with a second one; none: one of each again)
if [[ $action != start ]]; then
  if $replicas_given; then
    mkdir -p "$STATE"
    if [[ -n $replicas ]]; then echo "$replicas" > "$STATE/replicas"; else rm -f "$STATE/replicas"; fi
  elif [[ -f $STATE/replicas ]]; then
    replicas=$(cat "$STATE/replicas")
  fi
fi
use_replicas "$replicas"

case $action in
  --stop-service) known_name "$target"; stop_one "$target" ;;
  --start-service) start_one "$target" ;;
  --backup) backup "$target" ;;
  --restore) restore "$target" ;;
  stop) stop_all ;;
  status) status ;;
  start) start "$detach" "$do_build" "$demo" "$replicas" ;;
esac
