#!/bin/sh
# Fetches axe-core (the accessibility engine the staff pages' browser tests run) from the npm
# registry once per build tree, checks it against the pinned SHA-1 and unpacks axe.min.js.
#   fetch_axe.sh VERSION SHA1 NPM_CACHE_DIR OUT_FILE
set -eu
version=$1 sha1=$2 cache=$3 out=$4
fail() { echo "fetch_axe.sh: $*" >&2; exit 1; }
mkdir -p "$cache"
tarball="$cache/axe-core-$version.tgz"
if [ ! -f "$tarball" ]; then
  command -v npm >/dev/null || fail "npm not found; the staff pages' accessibility checks need axe-core from npm"
  (cd "$cache" && npm pack --silent "axe-core@$version" >/dev/null 2>"$cache/axe-npm.log") ||
    fail "could not fetch axe-core@$version with npm (see $cache/axe-npm.log)"
fi
actual=$(sha1sum "$tarball" | cut -d' ' -f1)
[ "$actual" = "$sha1" ] || fail "$tarball has SHA-1 $actual, expected $sha1 for axe-core@$version"
work="$out.tmp"
rm -rf "$work"
mkdir -p "$work"
tar -xzf "$tarball" -C "$work" package/axe.min.js
mv "$work/package/axe.min.js" "$out"
rm -rf "$work"
