#!/usr/bin/env bash
# Throwaway services for the test suite: a PostgreSQL 15 cluster and a Redis 7
# server on free loopback ports, with all their data in one temp folder.
#
# Standalone use (a developer running tests from an IDE):
#   scripts/services.sh install                  # apt-get install what is missing
#   eval "$(scripts/services.sh start)"          # start both; prints `export ...` lines
#   ...run tests...
#   scripts/services.sh stop "$URLSHORTENER_TEST_DIR"
#
# Sourced by scripts/test.sh, which calls svc_install_packages, svc_start and
# svc_stop. Progress goes to stderr; stdout of `start` carries only the exports.
#
# Variables exported by svc_start / printed by `start`:
#   URLSHORTENER_TEST_DIR       the temp folder holding both services' data
#   URLSHORTENER_TEST_POSTGRES  Npgsql connection string for the `postgres` superuser
#   URLSHORTENER_TEST_REDIS     127.0.0.1:PORT
#   URLSHORTENER_REDIS_SERVER   absolute path of redis-server (for tests that run their own)

# Debian packages the test suite needs: the two services, Chromium for the
# end-to-end tests and docker-compose to validate docker-compose.yml (there is no
# Docker engine here). Each is installed only if dpkg does not list it.
SVC_APT_PACKAGES=(
  postgresql-15
  redis-server
  chromium
  docker-compose
)

# Where the PostgreSQL 15 server binaries live (the Debian layout); overridable.
SVC_PG_BIN=${URLSHORTENER_PG_BIN:-/usr/lib/postgresql/15/bin}
SVC_MARKER=.urlshortener-test-services

svc_log() { printf '== %s\n' "$*" >&2; }
svc_err() { printf 'error: %s\n' "$*" >&2; }

# Print the last lines of a service log (after a start failure).
svc_show_log() {
  local file=$1
  if [[ -s $file ]]; then
    printf -- '--- last lines of %s ---\n' "$file" >&2
    tail -n 40 "$file" >&2
    printf -- '--- end of %s ---\n' "$file" >&2
  fi
}

svc_pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

# Install the packages in SVC_APT_PACKAGES that are missing. `apt-get update`
# runs only when something has to be installed.
svc_install_packages() {
  local missing=() pkg
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    svc_log "no dpkg/apt-get here: not installing packages (${SVC_APT_PACKAGES[*]} must already be present)"
    return 0
  fi
  for pkg in "${SVC_APT_PACKAGES[@]}"; do
    svc_pkg_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0

  local sudo=()
  if ((EUID != 0)); then
    if ! command -v sudo >/dev/null 2>&1; then
      svc_err "missing packages (${missing[*]}) and not root, no sudo: install them by hand"
      return 1
    fi
    sudo=(sudo)
  fi
  local aptlog
  aptlog=$(mktemp "${TMPDIR:-/tmp}/urlshortener-apt.XXXXXXXX") || return 1
  svc_log "installing ${missing[*]} (apt-get)"
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get -qq -o DPkg::Lock::Timeout=300 update >"$aptlog" 2>&1 ||
     ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get -qq -y -o DPkg::Lock::Timeout=300 install "${missing[@]}" >>"$aptlog" 2>&1; then
    svc_err "apt-get failed installing: ${missing[*]}"
    svc_show_log "$aptlog"
    rm -f "$aptlog"
    return 1
  fi
  rm -f "$aptlog"
  for pkg in "${missing[@]}"; do
    if ! svc_pkg_installed "$pkg"; then
      svc_err "package $pkg is still not installed after apt-get"
      return 1
    fi
  done
}

# True if something listens on TCP port $1 (any address).
svc_port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1 &&
     [[ -n $(ss -Htln "sport = :$port" 2>/dev/null) ]]; then
    return 0
  fi
  # Fallback (and double check): can we connect to it on loopback?
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Set SVC_PORT to a random free port, not one handed out before. Picked below
# the kernel's ephemeral range (32768+ on Linux) so outgoing connections
# cannot be holding it.
svc_free_port() {
  local lo=20000 hi=60000 eph_lo _eph_hi port i
  if [[ -r /proc/sys/net/ipv4/ip_local_port_range ]] &&
     read -r eph_lo _eph_hi </proc/sys/net/ipv4/ip_local_port_range &&
     ((eph_lo > lo + 1000)); then
    hi=$((eph_lo - 1))
  fi
  for ((i = 0; i < 200; i++)); do
    port=$((lo + (RANDOM * 32768 + RANDOM) % (hi - lo + 1)))
    [[ " ${SVC_USED_PORTS:-} " == *" $port "* ]] && continue
    if ! svc_port_in_use "$port"; then
      SVC_USED_PORTS="${SVC_USED_PORTS:-} $port"
      SVC_PORT=$port
      return 0
    fi
  done
  svc_err "no free TCP port found in $lo-$hi"
  return 1
}

# Run a PostgreSQL command as the user owning the cluster (PostgreSQL refuses
# to run as root), from inside the data folder so the cwd is readable.
# Usage: svc_as_pg_user USER DIR cmd args...
svc_as_pg_user() {
  local user=$1 dir=$2
  shift 2
  if ((EUID == 0)) && [[ $user != root ]]; then
    (cd "$dir" && runuser -u "$user" -- env LC_ALL=C.UTF-8 "$@")
  else
    (cd "$dir" && env LC_ALL=C.UTF-8 "$@")
  fi
}

# Is $1 a live process whose command name contains $2?
svc_pid_alive() {
  local pid=$1 name=$2 comm
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # An exited daemon stays a zombie until init reaps it: that counts as gone.
  if grep -q '^State:[[:space:]]*[ZX]' "/proc/$pid/status" 2>/dev/null; then return 1; fi
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 0
  [[ $comm == *"$name"* ]]
}

svc_start_postgres() {
  local dir=$1 user=$2 port attempt opts i
  local pgdata=$dir/pg pglog=$dir/pg.log

  if [[ ! -x $SVC_PG_BIN/initdb || ! -x $SVC_PG_BIN/pg_ctl || ! -x $SVC_PG_BIN/pg_isready ]]; then
    svc_err "PostgreSQL 15 binaries not found in $SVC_PG_BIN (package postgresql-15; or set URLSHORTENER_PG_BIN)"
    return 1
  fi

  svc_log "initdb PostgreSQL cluster in $pgdata"
  if ! svc_as_pg_user "$user" "$dir" "$SVC_PG_BIN/initdb" -D "$pgdata" -A trust -U postgres \
        --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    svc_err "initdb failed"
    svc_show_log "$dir/initdb.log"
    return 1
  fi

  # A port can be taken between the check and the bind: retry on a new one.
  for attempt in 1 2 3; do
    svc_free_port || return 1
    port=$SVC_PORT
    rm -f "$pglog"
    svc_log "starting PostgreSQL on 127.0.0.1:$port"
    opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir'"
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    opts+=" -c max_connections=300 -c shared_buffers=128MB"
    if svc_as_pg_user "$user" "$dir" "$SVC_PG_BIN/pg_ctl" -D "$pgdata" -l "$pglog" \
          -w -t 60 -s -o "$opts" start >>"$dir/pg_ctl.log" 2>&1; then
      for ((i = 0; i < 60; i++)); do
        if "$SVC_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 2; then
          SVC_PG_PORT=$port
          return 0
        fi
        sleep 0.5
      done
      svc_err "PostgreSQL started but pg_isready does not answer on port $port"
      svc_show_log "$pglog"
      return 1
    fi
    if grep -q -i 'could not bind\|address already in use' "$pglog" 2>/dev/null && ((attempt < 3)); then
      svc_log "port $port was taken, retrying"
      continue
    fi
    break
  done
  svc_err "PostgreSQL failed to start"
  svc_show_log "$dir/pg_ctl.log"
  svc_show_log "$pglog"
  return 1
}

svc_start_redis() {
  local dir=$1 port attempt started pid reply
  local redis_server redis_cli
  redis_server=$(command -v redis-server) || { svc_err "redis-server not found (package redis-server)"; return 1; }
  redis_cli=$(command -v redis-cli) || { svc_err "redis-cli not found (package redis-tools)"; return 1; }
  mkdir -p "$dir/redis" || return 1

  for attempt in 1 2 3; do
    svc_free_port || return 1
    port=$SVC_PORT
    svc_log "starting Redis on 127.0.0.1:$port"
    rm -f "$dir/redis.pid" "$dir/redis.log"
    if ! "$redis_server" --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
          --daemonize yes --dir "$dir/redis" --pidfile "$dir/redis.pid" \
          --logfile "$dir/redis.log" >>"$dir/redis-start.log" 2>&1; then
      break
    fi
    # Redis writes its pidfile only once it listens; a server that could not
    # bind exits without one. Wait for PONG from our own pid, or give up.
    started=$SECONDS
    while ((SECONDS - started < 30)); do
      pid=$(cat "$dir/redis.pid" 2>/dev/null || true)
      if [[ -z $pid ]]; then
        ((SECONDS - started < 5)) || break
        grep -q -i 'aborting' "$dir/redis.log" 2>/dev/null && break
      elif ! svc_pid_alive "$pid" redis; then
        break
      else
        reply=$(timeout 2 "$redis_cli" -h 127.0.0.1 -p "$port" ping 2>/dev/null || true)
        if [[ $reply == PONG ]]; then
          SVC_REDIS_PORT=$port
          SVC_REDIS_SERVER=$redis_server
          return 0
        fi
      fi
      sleep 0.1
    done
    svc_stop_redis "$dir"
    if grep -q -i 'address already in use' "$dir/redis.log" 2>/dev/null && ((attempt < 3)); then
      svc_log "port $port was taken, retrying"
      continue
    fi
    break
  done
  svc_err "Redis failed to start"
  svc_show_log "$dir/redis-start.log"
  svc_show_log "$dir/redis.log"
  return 1
}

# Start both services in a new temp folder and export the URLSHORTENER_* variables.
# URLSHORTENER_TEST_DIR is set as soon as the folder exists, so a caller's cleanup
# trap can remove a half-started setup.
svc_start() {
  local dir user
  if ((EUID == 0)); then
    user=postgres
    if ! id -u "$user" >/dev/null 2>&1; then
      svc_err "system user 'postgres' missing (it comes with package postgresql-15)"
      return 1
    fi
  else
    user=$(id -un)
  fi

  dir=$(mktemp -d "${TMPDIR:-/tmp}/urlshortener-test.XXXXXXXX") || return 1
  # As root the folder goes to the postgres user; a TMPDIR it cannot reach won't do.
  if ((EUID == 0)) && ! runuser -u "$user" -- test -x "$(dirname "$dir")"; then
    rmdir "$dir"
    dir=$(mktemp -d /tmp/urlshortener-test.XXXXXXXX) || return 1
  fi
  export URLSHORTENER_TEST_DIR=$dir
  : >"$dir/$SVC_MARKER"
  if ((EUID == 0)); then
    chown "$user:" "$dir" || return 1
  fi
  chmod 700 "$dir"

  svc_start_postgres "$dir" "$user" || return 1
  svc_start_redis "$dir" || return 1

  export URLSHORTENER_TEST_POSTGRES="Host=127.0.0.1;Port=$SVC_PG_PORT;Username=postgres;Password=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
  export URLSHORTENER_TEST_REDIS="127.0.0.1:$SVC_REDIS_PORT"
  export URLSHORTENER_REDIS_SERVER=$SVC_REDIS_SERVER
  svc_print_exports >"$dir/env"
  svc_log "services ready (data in $dir)"
}

svc_print_exports() {
  local name
  for name in URLSHORTENER_TEST_DIR URLSHORTENER_TEST_POSTGRES URLSHORTENER_TEST_REDIS URLSHORTENER_REDIS_SERVER; do
    printf 'export %s=%q\n' "$name" "${!name}"
  done
}

svc_stop_redis() {
  local dir=$1 pid i
  pid=$(cat "$dir/redis.pid" 2>/dev/null || true)
  svc_pid_alive "$pid" redis || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    svc_pid_alive "$pid" redis || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

svc_stop_postgres() {
  local dir=$1 pgdata=$1/pg user pid i
  [[ -f $pgdata/postmaster.pid ]] || return 0
  pid=$(head -n 1 "$pgdata/postmaster.pid" 2>/dev/null || true)
  svc_pid_alive "$pid" postgres || return 0
  user=$(stat -c %U "$pgdata")
  svc_as_pg_user "$user" "$dir" "$SVC_PG_BIN/pg_ctl" -D "$pgdata" -m immediate -w -t 30 -s stop \
    >/dev/null 2>&1 || true
  for ((i = 0; i < 50; i++)); do
    svc_pid_alive "$pid" postgres || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}

# Stop whatever runs from folder $1 and delete it. Safe to call twice.
svc_stop() {
  local dir=${1:-}
  [[ -n $dir && -d $dir ]] || return 0
  if [[ ! -e $dir/$SVC_MARKER ]]; then
    svc_err "$dir is not a services folder made by scripts/services.sh; not touching it"
    return 1
  fi
  svc_log "stopping services in $dir"
  svc_stop_postgres "$dir"
  svc_stop_redis "$dir"
  rm -rf -- "$dir"
}

svc_main() {
  set -euo pipefail
  case "${1:-}" in
    install)
      svc_install_packages
      ;;
    start)
      svc_install_packages
      if ! svc_start; then
        svc_stop "${URLSHORTENER_TEST_DIR:-}" || true
        exit 1
      fi
      svc_print_exports
      ;;
    stop)
      if [[ -z ${2:-} ]]; then
        svc_err "usage: $0 stop DIR   (the URLSHORTENER_TEST_DIR printed by start)"
        exit 2
      fi
      svc_stop "$2"
      ;;
    *)
      cat >&2 <<EOF
usage: $0 install | start | stop DIR
  install     apt-get install the missing packages: ${SVC_APT_PACKAGES[*]}
  start       start PostgreSQL 15 + Redis, print export lines:
                eval "\$($0 start)"
  stop DIR    stop the services started in DIR (\$URLSHORTENER_TEST_DIR), delete DIR
EOF
      exit 2
      ;;
  esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  svc_main "$@"
fi
