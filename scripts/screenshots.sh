#!/usr/bin/env bash
# Refreshes docs/screenshots: runs the dashboard screenshot test (Debian Chromium, SQLite, in-process workers) and
# keeps its images. Needs chromium (apt-get install chromium) and the DB-IP files (scripts/geo.sh) for the countries.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/geo.sh >/dev/null
URLSHORTENER_SCREENSHOTS="$PWD/docs/screenshots" \
  dotnet test e2e/UrlShortener.E2E -c Release --filter "FullyQualifiedName~DashboardScreenshotTests"
ls -l docs/screenshots
