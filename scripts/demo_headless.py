#!/usr/bin/env python3
"""The headless half of scripts/demo: with no display, the kiosk runs under Xvfb and a
complaint is made on it with real X input; the kiosk's own sync client sends it to the
register, which then lists it. Screenshots of each screen go to the demo folder.

Usage: scripts/demo_headless.py KIOSK_BINARY KIOSK_CONFIG REGISTER_BINARY REGISTER_DB OUT_DIR
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_driver import Kiosk, Xvfb, walk  # noqa: E402


def cases(register, db):
    return subprocess.run([register, "cases", "--db", db, "--all"], capture_output=True, text=True).stdout


def main():
    kiosk_binary, config, register, db, out = sys.argv[1:6]
    before = cases(register, db)
    xvfb = Xvfb()
    kiosk = None
    try:
        kiosk = Kiosk(kiosk_binary, out, xvfb.display, None, None, None, config=config)
        kiosk.shot(os.path.join(out, "welcome.png"))
        print("demo: making a complaint on the kiosk (under Xvfb, with xdotool)...")
        walk(kiosk, "complaint", out, "demo", set(), "choice.welcome.complaint")
        print(f"demo: the kiosk shows '{kiosk.screen()}'; screenshots in {out}")
        print("demo: waiting for the kiosk to sync it to the register...")
        end = time.time() + 60
        while time.time() < end:
            now = cases(register, db)
            if now != before and now.strip():
                print(now)
                return 0
            time.sleep(1)
        print("demo: the register did not receive it within 60 s; see the kiosk's staff menu for the sync error")
        return 1
    finally:
        if kiosk:
            kiosk.stop()
        xvfb.stop()


if __name__ == "__main__":
    sys.exit(main())
