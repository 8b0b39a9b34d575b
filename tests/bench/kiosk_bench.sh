#!/usr/bin/env bash
# Kiosk benchmark (not a test): the real tellus-kiosk under Xvfb at 1920x1080.
# Prints start-to-first-frame, peak RSS, idle CPU on the welcome screen over 10 s,
# and the mean frame time when rendering back to back.
# Usage: tests/bench/kiosk_bench.sh [path to tellus-kiosk] [policy id]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-build/kiosk/tellus-kiosk}
POLICY=${2:-seetec}
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
timeout 60 "$BIN" --config "$TMP/kiosk.toml" --a11y-dump "$TMP/a11y.json" --speech silent --timing 2>"$TMP/err.log" &
TIMEOUT_PID=$!
for _ in $(seq 1 400); do [ -s "$TMP/a11y.json" ] && break; sleep 0.01; done
SEEN=$(date +%s.%N)
KIOSK_PID=$(pgrep -P "$TIMEOUT_PID" | head -1)
sleep 1
FIRST_MS=$(sed -n 's/^first_frame_ms=//p' "$TMP/err.log")
OUTSIDE_MS=$(python3 -c "print(round(($SEEN - $START) * 1000))")

# 2. Idle CPU on the welcome screen over 10 s (utime + stime from /proc).
TCK=$(getconf CLK_TCK)
read -r U0 S0 < <(awk '{print $14, $15}' "/proc/$KIOSK_PID/stat")
sleep 10
read -r U1 S1 < <(awk '{print $14, $15}' "/proc/$KIOSK_PID/stat")
IDLE_CPU=$(python3 -c "print(round(100.0 * (($U1 + $S1) - ($U0 + $S0)) / $TCK / 10.0, 2))")

# 3. Peak RSS after driving a screen change (a touch on the first big choice).
POS=$(python3 - "$TMP/a11y.json" <<'PY'
import json, sys
for n in json.load(open(sys.argv[1]))["nodes"]:
    if n["role"] == "choice":
        print(int(n["x"] + n["w"] / 2), int(n["y"] + n["h"] / 2)); break
PY
)
if [ -n "$POS" ]; then
  # shellcheck disable=SC2086
  xdotool mousemove $POS click 1
  sleep 1
fi
PEAK_RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$KIOSK_PID/status")
RSS_SPLIT=$(awk '/RssAnon|RssFile|RssShmem/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$KIOSK_PID/status")
kill -TERM "$KIOSK_PID"; wait "$TIMEOUT_PID" || true
KIOSK_PID=""

# 4. Frame time: 300 frames back to back at 1920x1080 (Mesa software GL under Xvfb).
timeout 120 "$BIN" --config "$TMP/kiosk.toml" --speech silent --bench-frames 300 2>"$TMP/frames.log" || true
FRAME=$(sed -n 's/^frame_ms=\([0-9.]*\).*/\1/p' "$TMP/frames.log")

# 5. Baseline: what a bare GLFW full-screen window and its first swap cost on this X server and GL
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

echo "tellus-kiosk benchmark (Xvfb 1920x1080, $(nproc) cores, policy $POLICY)"
echo "  phases (ms from main):     $(grep -v first_frame "$TMP/err.log" | grep _ms= | tr '\n' ' ')"
echo "  start to first frame:      ${FIRST_MS} ms in process, ${OUTSIDE_MS} ms from launch to the a11y dump"
echo "  floor: bare GLFW window:   ${FLOOR} ms to its first swap, peak RSS ${FLOOR_RSS} MB (median of 3; same X server and GL)"
echo "  peak RSS:                  $((PEAK_RSS_KB / 1024)) MB (${PEAK_RSS_KB} kB); now: ${RSS_SPLIT}"
echo "                             (RssFile is mostly Mesa llvmpipe's libLLVM code: software GL under Xvfb)"
echo "  idle CPU, welcome, 10 s:   ${IDLE_CPU} % of one core"
echo "  frame time (300 frames):   ${FRAME} ms"
