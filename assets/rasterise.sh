#!/bin/sh
# Rasterise the pictograms named in the manifest from the OpenMoji npm package.
#   rasterise.sh MANIFEST OPENMOJI_VERSION SHA1 NPM_CACHE_DIR OUT_DIR SIZE [TARBALL]
# A manifest value "own:<name>" names assets/pictograms/<name>.svg (beside the manifest),
# drawn for Tell Us in OpenMoji's layout: its black line art is the same file without
# the colour layers (every <g id="..."> except "line"), as OpenMoji's black set is.
# Writes OUT_DIR/color/<id>.png (full colour, standard theme), OUT_DIR/black/<id>.png
# (black line art, light high-contrast themes) and OUT_DIR/white/<id>.png (the same
# line art in white, for dark themes: the kiosk tints it to the theme's text colour).
# The tarball is fetched once with `npm pack` into NPM_CACHE_DIR and checked against
# the pinned SHA-1; a build with no registry and no tarball fails loudly.
set -eu
manifest=$1 version=$2 sha1=$3 cache=$4 out=$5 size=$6 tarball=${7:-}

fail() { echo "rasterise.sh: $*" >&2; exit 1; }
command -v rsvg-convert >/dev/null || fail "rsvg-convert not found (Debian package librsvg2-bin)"

mkdir -p "$cache"
if [ -z "$tarball" ]; then
  tarball="$cache/openmoji-$version.tgz"
  if [ ! -f "$tarball" ]; then
    command -v npm >/dev/null || fail "npm not found; install npm or pass -DTELLUS_OPENMOJI_TARBALL=<openmoji-$version.tgz>"
    echo "Fetching openmoji@$version from the npm registry (once per build tree)"
    (cd "$cache" && npm pack --silent "openmoji@$version" >/dev/null 2>"$cache/npm.log") ||
      fail "could not fetch openmoji@$version with npm (see $cache/npm.log). Without it the kiosk would have no pictograms. Connect to the npm registry or pass -DTELLUS_OPENMOJI_TARBALL=<openmoji-$version.tgz>"
  fi
fi
[ -f "$tarball" ] || fail "$tarball does not exist"
actual=$(sha1sum "$tarball" | cut -d' ' -f1)
[ "$actual" = "$sha1" ] || fail "$tarball has SHA-1 $actual, expected $sha1 for openmoji@$version"

# id = "CODE" lines of the [pictograms] table.
pairs=$(awk '
  /^\[/ { in_table = ($0 ~ /^\[pictograms\]/); next }
  in_table && /^[A-Za-z0-9_-]+[ \t]*=/ {
    id = $0; sub(/[ \t]*=.*/, "", id)
    code = $0; sub(/^[^"]*"/, "", code); sub(/".*/, "", code)
    print id, code
  }' "$manifest")
[ -n "$pairs" ] || fail "$manifest has no [pictograms] entries"

own_dir=$(dirname "$manifest")
work="$out.tmp"
rm -rf "$work"
mkdir -p "$work/svg" "$work/color" "$work/black" "$work/white"
members=$(echo "$pairs" | awk '$2 !~ /^own:/ { print "package/color/svg/" $2 ".svg"; print "package/black/svg/" $2 ".svg" }' | sort -u)
# shellcheck disable=SC2086
tar -xzf "$tarball" -C "$work/svg" $members 2>"$work/tar.log" ||
  fail "some manifest codes are not in openmoji@$version: $(grep -o 'package/[^:]*' "$work/tar.log" | tr '\n' ' ')"

# The line layer of one of our own drawings: drops every group but <g id="line">.
line_only() {
  awk '
    skip > 0 { opens = gsub(/<g[ >]/, "&"); shut = gsub(/<g[^>]*\/>/, "&"); skip += opens - shut - gsub(/<\/g>/, "&"); next }
    /<g id="[a-z-]*"\/>/ && !/id="line"/ { next }
    /<g id="[a-z-]*">/ && !/id="line"/ { skip = 1; next }
    { print }' "$1"
}

echo "$pairs" | while read -r id code; do
  case $code in
    own:*)
      color="$own_dir/${code#own:}.svg"
      [ -f "$color" ] || fail "$id names $color, which does not exist"
      black="$work/svg/own-${code#own:}.svg"
      line_only "$color" >"$black"
      ;;
    *)
      color="$work/svg/package/color/svg/$code.svg"
      black="$work/svg/package/black/svg/$code.svg"
      ;;
  esac
  rsvg-convert -w "$size" -h "$size" -o "$work/color/$id.png" "$color" || fail "cannot rasterise $id ($code)"
  rsvg-convert -w "$size" -h "$size" -o "$work/black/$id.png" "$black" || fail "cannot rasterise $id ($code)"
  # Lines with no fill attribute are black by default: white is made the default too.
  sed -e 's/#000000/#FFFFFF/g' -e 's/"#000"/"#FFF"/g' -e 's/<svg /<svg fill="#FFFFFF" /' "$black" | rsvg-convert -w "$size" -h "$size" -o "$work/white/$id.png" ||
    fail "cannot rasterise $id ($code)"
done
rm -rf "$work/svg" "$work/tar.log"
cp "$manifest" "$work/manifest.toml"
rm -rf "$out"
mv "$work" "$out"
echo "Rasterised $(echo "$pairs" | wc -l) pictograms into $out"
