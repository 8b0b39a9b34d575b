#!/usr/bin/env bash
# Kiosk benchmark (not a test): the real tellus-kiosk under Xvfb at 1920x1080.
# Prints, beside the floor (a bare GLFW window on the same X server and GL) and the
# budgets of issue 9: start-to-first-frame, peak RSS, switching text size (from the
# touch to the next frame drawn, as the kiosk's --timing log says), idle CPU on the
# welcome screen over 60 s, and the mean frame time when rendering back to back.
# Usage: tests/bench/kiosk_bench.sh [path to tellus-kiosk] [policy id]
#        IDLE_SECONDS=60 (default) sets the idle window.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-build/kiosk/tellus-kiosk}
POLICY=${2:-seetec}
IDLE_SECONDS=${IDLE_SECONDS:-60}
SRC=$(pwd)
TMP=$(mktemp -d)
XVFB_PID=""
KIOSK_PID=""
cleanup() {
  [ -n "$KIOSK_PID" ] && kill "$KIOSK_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
for n in $(seq 141 190); do
  if [ ! -e "/tmp/.X$n-lock" ]; then DISPLAY_NUM=$n; break; fi
done
export DISPLAY=":$DISPLAY_NUM"
Xvfb "$DISPLAY" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

cat >"$TMP/kiosk.toml" <<TOML
policy = "$POLICY"
store = "$TMP/outbox.db"
register_public_key = "$(head -c 32 /dev/urandom | base64)"
kiosk_number = 1
kiosk_name = "Benchmark"
assets_dir = "$SRC/assets"
TOML

# 1. Start to first frame (in-process clock from main(), and from outside until the a11y dump appears).
START=$(date +%s.%N)
timeout $((IDLE_SECONDS + 60)) "$BIN" --config "$TMP/kiosk.toml" --a11y-dump "$TMP/a11y.json" --speech silent --timing 2>"$TMP/err.log" &
TIMEOUT_PID=$!
for _ in $(seq 1 400); do [ -s "$TMP/a11y.json" ] && break; sleep 0.01; done
SEEN=$(date +%s.%N)
KIOSK_PID=$(pgrep -P "$TIMEOUT_PID" | head -1)
sleep 1
FIRST_MS=$(sed -n 's/^first_frame_ms=\([0-9.]*\).*/\1/p' "$TMP/err.log")
OUTSIDE_MS=$(python3 -c "print(round(($SEEN - $START) * 1000))")

# 2. Idle CPU on the welcome screen: CPU time of every thread (/proc/PID/task/*/schedstat, ns).
cpu_ns() { cat /proc/"$KIOSK_PID"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {printf "%d", s}'; }
C0=$(cpu_ns)
sleep "$IDLE_SECONDS"
C1=$(cpu_ns)
IDLE_CPU=$(python3 -c "print(f'{100.0 * ($C1 - $C0) / 1e9 / $IDLE_SECONDS:.3f}')")

node_centre() {  # a11y node id -> "x y"; or the first node of a role with "role:NAME"
  python3 - "$TMP/a11y.json" "$1" <<'PY'
import json, sys
want = sys.argv[2]
for n in json.load(open(sys.argv[1]))["nodes"]:
    if n["id"] == want or (want.startswith("role:") and n["role"] == want[5:]):
        print(int(n["x"] + n["w"] / 2), int(n["y"] + n["h"] / 2)); break
PY
}

# 3. Switching text size: three touches on the welcome screen's text size button
#    (standard -> large -> largest -> standard); the kiosk logs text_size_switch_ms for each.
for _ in 1 2 3; do
  POS=$(node_centre welcome.text_size)
  [ -n "$POS" ] || break
  # A touch as a finger gives it: down, 0.1 s, up (the kiosk acts on the release).
  # shellcheck disable=SC2086
  xdotool mousemove $POS mousedown 1 sleep 0.1 mouseup 1
  sleep 1.5
done
SWITCHES=$(sed -n 's/^text_size_switch_ms=\([0-9.]*\).*/\1/p' "$TMP/err.log" | tr '\n' ' ')
SWITCH_DETAIL=$(grep -E '^(text_size|fonts)_switch_ms=' "$TMP/err.log" | sed 's/^/                             /')
SWITCH_MAX=$(echo "$SWITCHES" | tr ' ' '\n' | sort -n | tail -1)

# 4. Peak RSS after driving a screen change too (a touch on the first big choice).
POS=$(node_centre role:choice)
if [ -n "$POS" ]; then
  # shellcheck disable=SC2086
  xdotool mousemove $POS click 1
  sleep 1
fi
PEAK_RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$KIOSK_PID/status")
RSS_SPLIT=$(awk '/RssAnon|RssFile|RssShmem/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$KIOSK_PID/status")
kill -TERM "$KIOSK_PID"; wait "$TIMEOUT_PID" || true
KIOSK_PID=""

# 5. Frame time: 300 frames back to back at 1920x1080 (Mesa software GL under Xvfb).
timeout 120 "$BIN" --config "$TMP/kiosk.toml" --speech silent --bench-frames 300 2>"$TMP/frames.log" || true
FRAME=$(sed -n 's/^frame_ms=\([0-9.]*\).*/\1/p' "$TMP/frames.log")

# 6. Baseline: what a bare GLFW full-screen window and its first swap cost on this X server and GL
#    (the floor under "start to first frame"; Mesa llvmpipe's start-up dominates it under Xvfb).
cat >"$TMP/glfw_floor.c" <<'C'
#include <GLFW/glfw3.h>
#include <stdio.h>
#include <time.h>
static double Ms(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
int main(void) {
  double start = Ms();
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  GLFWwindow* w = glfwCreateWindow(1920, 1080, "floor", glfwGetPrimaryMonitor(), NULL);
  if (!w) return 1;
  glfwMakeContextCurrent(w);
  glClear(GL_COLOR_BUFFER_BIT);
  glfwSwapBuffers(w);
  double ms = Ms() - start;
  char line[256]; long hwm = 0; FILE* f = fopen("/proc/self/status", "r");
  while (f && fgets(line, sizeof line, f)) sscanf(line, "VmHWM: %ld", &hwm);
  printf("%.0f %ld\n", ms, hwm / 1024);
  return 0;
}
C
FLOOR="n/a"
FLOOR_RSS="n/a"
if cc "$TMP/glfw_floor.c" -o "$TMP/glfw_floor" -lglfw -lGL 2>/dev/null; then
  read -r FLOOR FLOOR_RSS < <(for _ in 1 2 3; do "$TMP/glfw_floor"; done | sort -n | sed -n 2p)
fi

verdict() {  # value limit -> "ok" or "OVER"
  python3 -c "import sys; print('ok' if float(sys.argv[1]) <= float(sys.argv[2]) else 'OVER')" "$1" "$2" 2>/dev/null || echo "?"
}
PEAK_MB=$((PEAK_RSS_KB / 1024))
FIRST_LIMIT=$( [ "$FLOOR" = n/a ] && echo n/a || echo $((FLOOR + 150)) )
RSS_LIMIT=$( [ "$FLOOR_RSS" = n/a ] && echo n/a || echo $((FLOOR_RSS + 40)) )
echo "tellus-kiosk benchmark (Xvfb 1920x1080, $(nproc) cores, policy $POLICY)"
echo "  phases (ms from main):     $(grep -v first_frame "$TMP/err.log" | grep -E '^[a-z_]+_ms=' | grep -v switch | tr '\n' ' ')"
echo "  floor: bare GLFW window:   ${FLOOR} ms to its first swap, peak RSS ${FLOOR_RSS} MB (median of 3; same X server and GL)"
echo "  start to first frame:      ${FIRST_MS} ms in process (budget floor + 150 = ${FIRST_LIMIT} ms: $(verdict "${FIRST_MS:-0}" "${FIRST_LIMIT}")), ${OUTSIDE_MS} ms from launch to the a11y dump"
echo "  peak RSS:                  ${PEAK_MB} MB (budget floor + 40 = ${RSS_LIMIT} MB: $(verdict "$PEAK_MB" "$RSS_LIMIT")); now: ${RSS_SPLIT}"
echo "                             (RssFile is mostly Mesa llvmpipe's libLLVM code: software GL under Xvfb)"
echo "  switching text size:       ${SWITCHES:-(none logged) }ms, touch to next frame (budget 150 ms: $(verdict "${SWITCH_MAX:-999999}" 150))"
[ -n "$SWITCH_DETAIL" ] && echo "$SWITCH_DETAIL"
echo "  idle CPU, welcome, ${IDLE_SECONDS} s:   ${IDLE_CPU} % of one core (budget < 0.05 %: $(python3 -c "print('ok' if $IDLE_CPU < 0.05 else 'OVER')"))"
echo "  frame time (300 frames):   ${FRAME} ms"
