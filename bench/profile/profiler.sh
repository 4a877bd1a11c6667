# Sourced by the benchmark scripts: async-profiler from Maven Central (tools.profiler, the
# project's own release there), unpacked once into the cache, attached to a running JVM.
#   profiler_lib            -> prints the path of libasyncProfiler.so (downloads it first)
#   profiler_start PID      -> starts CPU sampling, one sample per millisecond of CPU (perf_events;
#                              itimer where the kernel refuses those, whose samples are coarser)
#   profiler_stop PID STEM  -> stops and writes STEM.html (flame graph) and STEM.txt (collapsed
#                              stacks, one line per distinct stack with its sample count)
ASYNC_PROFILER_VERSION=${ASYNC_PROFILER_VERSION:-4.2}
PROFILER_CACHE=${NEWSROOM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsroom}/async-profiler-$ASYNC_PROFILER_VERSION
PROFILER_ATTACH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/Attach.java

profiler_lib() {
  local lib=$PROFILER_CACHE/linux-x64/libasyncProfiler.so
  if [[ ! -f $lib ]]; then
    mkdir -p "$PROFILER_CACHE"
    local jar=async-profiler-$ASYNC_PROFILER_VERSION-linux-x64.jar
    curl -fsSL -o "$PROFILER_CACHE/$jar" \
      "https://repo.maven.apache.org/maven2/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/$jar"
    (cd "$PROFILER_CACHE" && unzip -q -o "$jar" 'linux-x64/*')
  fi
  echo "$lib"
}

profiler_start() {
  if ! java "$PROFILER_ATTACH" "$1" "$(profiler_lib)" "start,event=cpu,interval=1ms" >/dev/null 2>&1; then
    java "$PROFILER_ATTACH" "$1" "$(profiler_lib)" "start,event=itimer,interval=1ms" >/dev/null
  fi
}

profiler_stop() {
  java "$PROFILER_ATTACH" "$1" "$(profiler_lib)" "dump,collapsed,file=$2.txt" >/dev/null
  java "$PROFILER_ATTACH" "$1" "$(profiler_lib)" "stop,flamegraph,file=$2.html" >/dev/null
}
