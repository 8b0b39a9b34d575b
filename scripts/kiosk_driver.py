"""Drives the real tellus-kiosk with X input (xdotool) at the coordinates its
--a11y-dump gives: the screenshots script and the headless demo share it."""
import base64
import json
import os
import shutil
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXT = {"name": "Sam Jones", "email": "sam@example.org", "phone": "01234 567890", "reference": "SG-0010-0017",
        "tracking": "S4K30-DAB5J"}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


class Kiosk:
    def __init__(self, binary, tmp, display, policy, theme, size, warn=90, config=None, extra_args=(),
                 language="en-GB"):
        """Starts the kiosk on `display`; without `config`, writes one for an unenrolled kiosk."""
        self.dump = os.path.join(tmp, "a11y.json")
        if os.path.exists(self.dump):
            os.remove(self.dump)
        if config is None:
            config = os.path.join(tmp, "kiosk.toml")
            key = base64.b64encode(os.urandom(32)).decode()
            pin = subprocess.run([binary, "--hash-pin", "2468"], capture_output=True, text=True,
                                 check=True).stdout.strip()
            with open(config, "w") as f:
                f.write(f'policy = "{policy}"\nstore = "{tmp}/outbox.db"\nregister_public_key = "{key}"\n'
                        f'kiosk_number = 7\nkiosk_name = "Reception"\nstaff_pin_hash = "{pin}"\n'
                        f'assets_dir = "{ROOT}/assets"\n[idle]\nwarn_after_seconds = {warn}\n'
                        f'countdown_seconds = 20\n[display]\ntheme = "{theme}"\ntext_size = "{size}"\n'
                        f'language = "{language}"\n')
        self.env = dict(os.environ, DISPLAY=display)
        self.proc = subprocess.Popen(["timeout", "300", binary, "--config", config, "--a11y-dump", self.dump,
                                      "--speech", "silent", *extra_args], env=self.env, stderr=subprocess.PIPE)
        self.wait(lambda t: t is not None, 20)
        time.sleep(1.0)                               # the first frames: fonts baked, pictures uploaded

    def tree(self):
        try:
            with open(self.dump) as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def wait(self, predicate, seconds):
        end = time.time() + seconds
        while time.time() < end:
            t = self.tree()
            if predicate(t):
                return t
            if self.proc.poll() is not None:
                raise SystemExit("kiosk exited: " + self.proc.stderr.read().decode())
            time.sleep(0.05)
        raise SystemExit("timed out waiting for the kiosk")

    def screen(self):
        return self.tree()["screen"]

    def wait_screen(self, name, seconds=20):
        """Until the kiosk shows `name` (a press that moves on may take a few frames)."""
        return self.wait(lambda t: t is not None and t["screen"] == name, seconds)

    def xdo(self, *args):
        run(["xdotool", *args], env=self.env)

    def scroll_into_view(self, node):
        """Wheel the content until the node is inside it (bar and keyboard items always are)."""
        for _ in range(30):
            t = self.tree()
            n = next((m for m in t["nodes"] if m["id"] == node["id"]), None)
            if n is None or n["role"] == "key" or n["id"].startswith(("bar.", "idle.", "help.")):
                return n or node                      # fixed in place: the bar, keyboard and panels
            if n["y"] >= 0 and n["y"] + n["h"] <= t["content_bottom"]:
                return n
            before = json.dumps(t)
            self.xdo("mousemove", "960", str(int(t["content_bottom"] / 2)))
            self.xdo("click", "5" if n["y"] + n["h"] > t["content_bottom"] else "4")
            try:
                self.wait(lambda x: x is not None and json.dumps(x) != before, 2)
            except SystemExit:
                return n
        return node

    def press(self, node):
        node = self.scroll_into_view(node)
        before = json.dumps(self.tree())
        x, y = int(node["x"] + node["w"] / 2), int(node["y"] + node["h"] / 2)
        self.xdo("mousemove", str(x), str(y))
        time.sleep(0.05)
        self.xdo("click", "1")
        try:                                          # a loaded machine may take seconds to draw the next frame
            self.wait(lambda t: t is not None and json.dumps(t) != before, 8)
        except SystemExit:
            pass
        time.sleep(0.15)

    def find(self, pred):
        for n in self.tree()["nodes"]:
            if pred(n):
                return n
        return None

    def shot(self, path):
        time.sleep(0.3)                               # the dump is written just before the frame is shown
        run(["import", "-window", "root", path], env=self.env)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def pick_choice(k, has_next):
    """A choice that keeps the walk going: 'No' to eligibility questions, a name over anonymity.
    None where something is chosen already and Next goes on (a side trip may have chosen).
    Chosen by widget id, never by label, so the walk runs the same in every language."""
    nodes = [n for n in k.tree()["nodes"] if n["role"] in ("choice", "checkbox") and n["enabled"]]
    # Not a setting, and not Say it instead / help to tell us (side trips of their own: scripts/screenshots_voice).
    nodes = [n for n in nodes if not n["id"].startswith(("choice.welcome.", "voice."))]
    if not nodes or (has_next and any(n["selected"] for n in nodes)):
        return None
    for wanted in WALK_CHOICES:
        for n in nodes:
            if n["id"] == wanted:
                return n
    return nodes[0]


# The answers the walk gives where the first choice would leave the journey or skip screens.
WALK_CHOICES = ("choice.eligibility.no", "choice.safeguarding.no", "choice.exclusions.none", "choice.anonymous.name",
                "choice.when.today", "choice.share.no")


# Answers that lead off the walk's path to a screen of their own: the walk visits each
# (screenshot) and comes back with Back before going on.
SIDE_TRIPS = {"when": ("choice.when.over-a-year", "choice.when.day"), "anonymous": ("choice.anonymous.anonymous",)}


def side_trips(k, name, out, theme, seen, screen):
    for ident in SIDE_TRIPS.get(screen, ()):
        node = k.find(lambda n, i=ident: n["id"] == i and n["enabled"])
        if not node:
            continue
        k.press(node)
        there = k.screen()
        if there != screen:
            key = f"{name}.{there}"
            if out and key not in seen:
                seen.add(key)
                k.shot(os.path.join(out, f"{key}-{theme}.png"))
            k.press(k.find(lambda n: n["id"] == "bar.back"))


def walk(k, name, out, theme, seen, start_id):
    start = k.find(lambda n: n["id"] == start_id)
    if not start:
        return
    k.press(start)
    typed = set()
    for _ in range(45):
        screen = k.screen()
        key = f"{name}.{screen}" if screen not in ("welcome",) else screen
        if key not in seen:
            seen.add(key)
            if out:
                k.shot(os.path.join(out, f"{key}-{theme}.png"))
        if screen.startswith("done") or screen.startswith("signpost") or screen.startswith("check_result"):
            return
        if out and screen in SIDE_TRIPS and f"{name}.{screen}.trips" not in seen:
            seen.add(f"{name}.{screen}.trips")
            side_trips(k, name, out, theme, seen, screen)
            continue
        field = k.find(lambda n: n["role"] == "text_field" and (screen, n["id"]) not in typed)
        if field:
            typed.add((screen, field["id"]))
            k.press(field)
            text = next((v for f, v in TEXT.items() if f in field["id"]), "Sam was very kind to me")
            k.xdo("type", "--delay", "20", text)
            time.sleep(0.3)
            if out and f"{name}.{screen}.keyboard" not in seen:
                seen.add(f"{name}.{screen}.keyboard")
                k.shot(os.path.join(out, f"{name}.{screen}.keyboard-{theme}.png"))
            continue
        more = k.find(lambda n: n["id"] == "list.more")
        if more and screen == "exclusions" and not k.find(lambda n: n["id"] == "choice.exclusions.none"):
            k.press(more)                                 # "None of these" waits on the last page
            continue
        done_typing = k.find(lambda n: n["id"] == "button.done_typing")
        if done_typing:                                   # the screen's choices show again
            k.press(done_typing)
            continue
        nxt = k.find(lambda n: n["id"] in ("button.next", "button.send", "button.check") and n["enabled"])
        choice = pick_choice(k, nxt is not None)
        if choice:
            k.press(choice)
            if k.screen() != screen or not nxt:
                continue                              # a choice that moves on by itself (yes/no questions)
        if not nxt:
            return
        k.press(nxt)
        if k.screen() == screen and k.find(lambda n: n["id"] in ("button.next", "button.send", "button.check")) is not None:
            # Still here (a notice): note it once and stop this walk rather than loop.
            if out and f"{name}.{screen}.notice" not in seen:
                seen.add(f"{name}.{screen}.notice")
                k.shot(os.path.join(out, f"{name}.{screen}.notice-{theme}.png"))
            return


def codes(k):
    """The reference and secret code the done screen shows (its code.* nodes), in order."""
    return [n["label"] for n in k.tree()["nodes"] if n["id"].startswith("code.")]


def type_into(k, field_id, text):
    k.press(k.find(lambda n: n["id"] == field_id))
    k.xdo("type", "--delay", "20", text)
    time.sleep(0.3)


class Register:
    """A real tellus-register on loopback with one enrolled kiosk, in `folder`."""
    def __init__(self, binary, folder, policy):
        import socket
        self.binary, self.db = binary, os.path.join(folder, "register.db")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.identity = os.path.join(folder, "kiosk.json")
        run([binary, "init", "--db", self.db], stdout=subprocess.DEVNULL)
        run([binary, "enroll-kiosk", "--db", self.db, "--name", "Reception", "--policy", policy,
             "--url", f"http://127.0.0.1:{self.port}", "--out", self.identity], stdout=subprocess.DEVNULL)
        self.proc = subprocess.Popen([binary, "serve", "--db", self.db, "--listen", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cli(self, *args):
        return subprocess.run([self.binary, *args, "--db", self.db], capture_output=True, text=True).stdout

    def wait_for(self, reference, seconds=30):
        end = time.time() + seconds
        while time.time() < end:
            if reference in self.cli("cases", "--all"):
                return True
            time.sleep(0.5)
        return False

    def stop(self):
        self.proc.terminate()


class Xvfb:
    """A private X server at 1920x1080 on the first free display number."""
    def __init__(self):
        for tool in ("Xvfb", "xdotool", "import", "xdpyinfo"):
            if not shutil.which(tool):
                raise SystemExit(f"{tool} is not installed (scripts/install-deps)")
        num = next(n for n in range(99, 160) if not os.path.exists(f"/tmp/.X{n}-lock"))
        self.display = f":{num}"
        self.proc = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if subprocess.run(["xdpyinfo"], env=dict(os.environ, DISPLAY=self.display),
                              capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        raise SystemExit("Xvfb did not start")

    def stop(self):
        self.proc.terminate()
