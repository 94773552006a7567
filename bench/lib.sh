#!/usr/bin/env bash
# Helpers for the benchmark scripts in bench/ (sourced, not run): installing wrk, publishing, waiting for an app,
# and reading what a process costs (CPU time, resident memory) from /proc.

bench_log() { printf '== %s %s\n' "$(date +%T)" "$*" >&2; }

bench_die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# wrk comes from Debian; installed only when missing (as root, or through sudo).
bench_install_wrk() {
  command -v wrk >/dev/null && return 0
  bench_log "installing wrk (apt-get)"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 update >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o DPkg::Lock::Timeout=300 install wrk >/dev/null
  command -v wrk >/dev/null || bench_die "wrk is still missing after apt-get install wrk"
}

# bench_publish PROJECT OUT_DIR: a Release publish; the build log is shown only when it fails.
bench_publish() {
  local project=$1 out=$2
  bench_log "publishing $(basename "$project" .csproj) (Release)"
  if ! dotnet publish "$project" -c Release -o "$out" --nologo -v quiet >"$out.publish.log" 2>&1; then
    tail -40 "$out.publish.log" >&2
    bench_die "dotnet publish $project failed"
  fi
}

# bench_wait_healthy URL PID LOG: waits up to 90 s for URL to answer 2xx while PID lives.
bench_wait_healthy() {
  local url=$1 pid=$2 log=$3 i
  for ((i = 0; i < 180; i++)); do
    curl -fs -o /dev/null "$url" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -40 "$log" >&2
      bench_die "the process behind $url exited during start-up (log: $log)"
    fi
    sleep 0.5
  done
  tail -40 "$log" >&2
  bench_die "$url did not answer within 90 s (log: $log)"
}

# bench_stop PID: SIGTERM (a graceful stop: the app spills and drains its click queue), then SIGKILL after 30 s.
bench_stop() {
  local pid=$1 i
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

bench_now() { date +%s.%N; }

# User + system CPU time of PID, in clock ticks (fields 14 and 15 of /proc/PID/stat; the name field has no spaces
# for the processes measured here, dotnet).
bench_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# CPU time of the whole machine that was not idle, in clock ticks (user, nice, system, irq, softirq, steal).
bench_machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }

# "PID TICKS" lines for the PIDs in $1 (a space-separated list) that are still running.
bench_pids_ticks() {
  local pid ticks
  for pid in $1; do
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) && printf '%s %s\n' "$pid" "$ticks"
  done
}

# The CPU ticks gained between two bench_pids_ticks readings ($1, $2) by the processes in both: one that exited
# in between takes its ticks with it, and must not count as a negative.
bench_ticks_gained() {
  awk 'NR == FNR { before[$1] = $2; next } ($1 in before) { total += $2 - before[$1] } END { printf "%d", total }' \
    <(printf '%s\n' "$1") <(printf '%s\n' "$2")
}

bench_rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# bench_run_measured PID SECONDS COMMAND…: runs COMMAND (a load that lasts about SECONDS) and sets BENCH_CPU to
# the cores PID used from 1 s after the start to 1 s before the end, so that the load generator's start-up
# (loading a code list, opening connections) and its tail do not dilute the figure. BENCH_MACHINE_CPU gets the
# cores the whole machine was busy over the same span (the server, the load generator, PostgreSQL, Redis…), and,
# when the caller defines bench_side_pids (printing PIDs, such as the database's), BENCH_SIDE_CPU their cores.
bench_run_measured() {
  local pid=$1 seconds=$2 load c0 t0 c1 t1 m0 m1 side= s0= s1=
  shift 2
  "$@" &
  load=$!
  sleep 1
  if declare -F bench_side_pids >/dev/null; then
    side=$(bench_side_pids)
    s0=$(bench_pids_ticks "$side")
  fi
  c0=$(bench_cpu_ticks "$pid")
  m0=$(bench_machine_busy_ticks)
  t0=$(bench_now)
  sleep "$(awk -v s="$seconds" 'BEGIN { print (s > 3 ? s - 2 : 1) }')"
  c1=$(bench_cpu_ticks "$pid")
  m1=$(bench_machine_busy_ticks)
  [[ -z $side ]] || s1=$(bench_pids_ticks "$side")
  t1=$(bench_now)
  wait "$load"
  BENCH_CPU=$(awk -v a="$c0" -v b="$c1" -v s="$t0" -v e="$t1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.2f", (b - a) / hz / (e - s) }')
  BENCH_MACHINE_CPU=$(awk -v a="$m0" -v b="$m1" -v s="$t0" -v e="$t1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.2f", (b - a) / hz / (e - s) }')
  BENCH_SIDE_CPU=$(awk -v a=0 -v b="$(bench_ticks_gained "$s0" "$s1")" -v s="$t0" -v e="$t1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.2f", (b - a) / hz / (e - s) }')
}
