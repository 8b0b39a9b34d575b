#!/usr/bin/env bash
# Smoke test: the real tellus-kiosk under Xvfb, full screen at 1920x1080. Waits for the
# --a11y-dump file, presses "Say thank you" with xdotool at the coordinates the dump
# gives, checks that the dump changes to the next screen, then stops the kiosk with
# SIGTERM and expects a clean exit. Every wait has a timeout.
# Usage: smoke_xvfb.sh <path to tellus-kiosk> <source dir> [policy id]
set -euo pipefail
BIN=$1
SRC=$2
POLICY=${3:-seetec}
for tool in Xvfb xdotool python3; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done

TMP=$(mktemp -d)
XVFB_PID=""
KIOSK_PID=""
cleanup() {
  [ -n "$KIOSK_PID" ] && kill "$KIOSK_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

# A free display number (the lock file is Xvfb's own).
for n in $(seq 91 140); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then DISPLAY_NUM=$n; break; fi
done
export DISPLAY=":$DISPLAY_NUM"
Xvfb "$DISPLAY" -screen 0 1920x1080x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 100); do
  xdpyinfo >/dev/null 2>&1 && break
  sleep 0.1
done
xdpyinfo >/dev/null 2>&1 || { echo "FAIL: Xvfb did not start"; cat "$TMP/xvfb.log"; exit 1; }

cat >"$TMP/kiosk.toml" <<TOML
policy = "$POLICY"
store = "$TMP/outbox.db"
register_public_key = "$(head -c 32 /dev/urandom | base64)"
kiosk_number = 7
kiosk_name = "Smoke test"
assets_dir = "$SRC/assets"
[display]
language = "en-GB"
TOML

DUMP="$TMP/a11y.json"
timeout 60 "$BIN" --config "$TMP/kiosk.toml" --a11y-dump "$DUMP" --speech silent >"$TMP/kiosk.log" 2>&1 &
KIOSK_PID=$!

node_centre() {  # label -> "x y" of the first node with that label
  python3 - "$DUMP" "$1" <<'PY'
import json, sys
tree = json.load(open(sys.argv[1]))
for n in tree["nodes"]:
    if n["label"] == sys.argv[2]:
        print(int(n["x"] + n["w"] / 2), int(n["y"] + n["h"] / 2)); break
PY
}
screen_name() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["screen"])' "$DUMP" 2>/dev/null || true; }

for _ in $(seq 1 200); do
  [ -s "$DUMP" ] && break
  kill -0 "$KIOSK_PID" 2>/dev/null || { echo "FAIL: kiosk exited early"; cat "$TMP/kiosk.log"; exit 1; }
  sleep 0.1
done
[ -s "$DUMP" ] || { echo "FAIL: no a11y dump after 20 s"; cat "$TMP/kiosk.log"; exit 1; }
FIRST=$(screen_name)
echo "first screen: $FIRST"
[ "$FIRST" = "welcome" ] || { echo "FAIL: expected the welcome screen"; exit 1; }

POS=$(node_centre "Say thank you")
[ -n "$POS" ] || { echo "FAIL: no 'Say thank you' in the dump"; cat "$DUMP"; exit 1; }
echo "pressing Say thank you at $POS"
# shellcheck disable=SC2086
xdotool mousemove $POS
sleep 0.2
xdotool click 1

NEXT=""
for _ in $(seq 1 100); do
  NEXT=$(screen_name)
  [ -n "$NEXT" ] && [ "$NEXT" != "welcome" ] && break
  sleep 0.1
done
echo "next screen: $NEXT"
[ -n "$NEXT" ] && [ "$NEXT" != "welcome" ] || { echo "FAIL: the screen did not change"; cat "$DUMP"; exit 1; }

kill -TERM "$KIOSK_PID"
STATUS=0
for _ in $(seq 1 100); do
  kill -0 "$KIOSK_PID" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$KIOSK_PID" 2>/dev/null; then echo "FAIL: kiosk did not stop within 10 s of SIGTERM"; exit 1; fi
wait "$KIOSK_PID" || STATUS=$?
KIOSK_PID=""
[ "$STATUS" = 0 ] || { echo "FAIL: kiosk exit status $STATUS"; cat "$TMP/kiosk.log"; exit 1; }
echo "PASS"
