#!/usr/bin/env python3
"""The fault suite: the real kiosk sync (tellus-sync) and the real register
(tellus-register serve) under kill -9 at random points, a fault-injecting proxy,
a full disk, corrupt files and connection floods. After each scenario: nothing
lost, nothing duplicated, both databases pass SQLite's integrity check, and the
register answered /v1/health while under fault. Every loop is bounded in count
and time. Prints per-scenario and total counts; exits non-zero on any loss,
duplicate, corruption, crash or unanswered health probe.

    python3 tests/faults/fault_suite.py --build build [--quick]
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

SUITE_DEADLINE = time.monotonic() + 540          # the whole suite stays under 10 minutes
RNG = random.Random(int(os.environ.get("TELLUS_FAULT_SEED", str(int(time.time())))))


class Totals:
    def __init__(self):
        self.trials = self.items = self.lost = self.duplicated = self.corrupt = 0
        self.crashes = self.health_failures = 0   # crashes: ended by a signal, hung, or failed without a reason
        self.skipped = []

    def failed(self):
        return self.lost or self.duplicated or self.corrupt or self.crashes or self.health_failures


T = Totals()


def log(text):
    print(text, flush=True)


def work_root():
    # Outboxes fsync every item; on /dev/shm that costs nothing and kill -9 needs no disk.
    shm = "/dev/shm"
    try:
        if os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 512 << 20:
            return shm
    except OSError:
        pass
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def health(port, timeout=2.0, source="127.0.0.1"):
    """GET /v1/health on a new connection; True on a 200 within `timeout` seconds."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as s:
            s.settimeout(timeout)
            s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: r\r\nConnection: close\r\n\r\n")
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


class Kit:
    def __init__(self, build, root):
        self.register_bin = os.path.join(build, "sync", "tellus-register")
        self.sync_bin = os.path.join(build, "sync", "tellus-sync")
        self.fill_bin = os.path.join(build, "tests", "tellus-fault-kit")
        self.root = root

    def run(self, args, timeout=60, check=False):
        try:
            # errors="replace": a spoilt database may hand a program bytes that are not UTF-8 to print.
            r = subprocess.run(args, capture_output=True, text=True, errors="replace", timeout=timeout)
        except subprocess.TimeoutExpired:
            T.crashes += 1
            log(f"  HANG: {' '.join(args[:3])} still running after {timeout} s")
            return subprocess.CompletedProcess(args, 124, "", "hung")
        if r.returncode < 0:
            T.crashes += 1
            log(f"  CRASH: {' '.join(args[:3])} ended by signal {-r.returncode}")
        if check and r.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {r.stdout}{r.stderr}")
        return r

    def new_register(self, name, port, folder=None):
        """A register (database + keys) and one enrolled kiosk whose identity points at `port`."""
        d = tempfile.mkdtemp(prefix=f"tellus-fault-{name}-", dir=self.root)
        db = os.path.join(folder or d, "register.db")
        self.run([self.register_bin, "init", "--db", db], check=True)
        identity = os.path.join(d, "kiosk.json")
        self.run([self.register_bin, "enroll-kiosk", "--db", db, "--name", "Fault kiosk", "--policy", "seetec",
                  "--url", f"http://127.0.0.1:{port}", "--out", identity], check=True)
        return d, db, identity

    def fill(self, identity, outbox, first, count):
        self.run([self.fill_bin, "fill", identity, outbox, str(first), str(count)], timeout=300, check=True)

    def send(self, identity, outbox, timeout=60):
        return self.run([self.sync_bin, "send", "--identity", identity, "--outbox", outbox], timeout=timeout)


class Register:
    """tellus-register serve on a fixed port, restartable after kill -9."""

    def __init__(self, kit, db, port, extra=()):
        self.kit, self.db, self.port, self.extra = kit, db, port, list(extra)
        self.proc = None

    def start(self):
        deadline = time.monotonic() + 15
        while True:
            self.proc = subprocess.Popen([self.kit.register_bin, "serve", "--db", self.db, "--listen",
                                          f"127.0.0.1:{self.port}"] + self.extra,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            line = self.proc.stdout.readline()
            if line.strip().isdigit():
                return
            self.proc.wait()
            if time.monotonic() > deadline:
                raise RuntimeError(f"the register did not start on port {self.port}")
            time.sleep(0.1)   # the port may still be held by the killed process's sockets

    def kill9(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill9()
            if self.proc.returncode not in (0, -signal.SIGTERM):
                T.crashes += 1
                log(f"  register exited {self.proc.returncode} on SIGTERM")


def uuids(db, table):
    """Rows' uuids and whether the database passes integrity_check (the process that wrote it is gone)."""
    con = sqlite3.connect(db, timeout=10)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = [r[0] for r in con.execute(f"SELECT uuid FROM {table}")]
        refs = []
        if table == "cases":
            refs = [r[0] for r in con.execute("SELECT reference FROM cases")]
        return rows, refs, ok
    finally:
        con.close()


def drain(kit, identity, outbox, attempts=20):
    for _ in range(attempts):
        kit.send(identity, outbox)
        pending, _, _ = uuids(outbox, "outbox")
        if not pending:
            return True
        time.sleep(0.2)
    return False


def verify(name, made, register_db, outbox, trials, extra=""):
    """Counts lost, duplicated and corrupt for one scenario and adds them to the totals."""
    cases, refs, reg_ok = uuids(register_db, "cases")
    pending, _, box_ok = uuids(outbox, "outbox")
    held = set(cases)
    lost = len(made - held)
    duplicated = (len(cases) - len(held)) + (len(refs) - len(set(refs))) + len(held - made)
    corrupt = (0 if reg_ok else 1) + (0 if box_ok else 1)
    T.trials += trials
    T.items += len(made)
    T.lost += lost
    T.duplicated += duplicated
    T.corrupt += corrupt
    log(f"{name}: trials {trials}, items {len(made)}, lost {lost}, duplicated {duplicated}, corrupt {corrupt}, "
        f"still in the outbox {len(pending)}{extra}")


def made_uuids(outbox):
    rows, _, _ = uuids(outbox, "outbox")
    return set(rows)


def setup(kit, name, items, folder=None):
    """A register on a free port with one kiosk, its outbox filled with `items` items; returns
    (port, work folder, register db, identity, outbox, the set of item uuids made)."""
    port = free_port()
    d, db, identity = kit.new_register(name, port, folder=folder)
    outbox = os.path.join(d, "outbox.db")
    kit.fill(identity, outbox, 1, items)
    return port, d, db, identity, outbox, made_uuids(outbox)


def topped_up(kit, identity, outbox, made, first, count):
    """When the outbox ran dry before the next fault, more items for it; returns the uuids made so far."""
    if made_uuids(outbox):
        return made
    kit.fill(identity, outbox, first, count)
    return made | made_uuids(outbox)


def finish(name, kit, reg, made, db, d, identity, outbox, trials, unanswered, extra=""):
    """After the faults: send what is left with nothing in the way, stop the register, count."""
    drained = drain(kit, identity, outbox)
    reg.stop()
    T.health_failures += unanswered
    verify(name, made, db, outbox, trials,
           f", health unanswered {unanswered}{extra}" + ("" if drained else ", OUTBOX NOT DRAINED"))
    shutil.rmtree(d, ignore_errors=True)


# --- scenarios ------------------------------------------------------------------------------------------

def kill_sync(kit, trials, items):
    port, d, db, identity, outbox, made = setup(kit, "kill-sync", items)
    reg = Register(kit, db, port)
    reg.start()
    unanswered = 0
    done = 0
    for _ in range(trials):
        if time.monotonic() > SUITE_DEADLINE:
            break
        p = subprocess.Popen([kit.sync_bin, "send", "--identity", identity, "--outbox", outbox],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(RNG.uniform(0.005, 0.25))
        p.send_signal(signal.SIGKILL)
        p.wait()
        done += 1
        if done % 10 == 0 and not health(port):
            unanswered += 1
        made = topped_up(kit, identity, outbox, made, 100000 + done * 1000, 200)
    finish("kill -9 of tellus-sync", kit, reg, made, db, d, identity, outbox, done, unanswered)


def kill_register(kit, trials, items):
    port, d, db, identity, outbox, made = setup(kit, "kill-register", items)
    reg = Register(kit, db, port)
    stop = threading.Event()

    def sender():   # the kiosk keeps trying, as its background thread does
        while not stop.is_set():
            kit.send(identity, outbox, timeout=60)
            time.sleep(0.01)

    t = threading.Thread(target=sender)
    t.start()
    done = 0
    unanswered = 0
    for _ in range(trials):
        if time.monotonic() > SUITE_DEADLINE:
            break
        reg.start()
        if done % 10 == 0 and not health(port):
            unanswered += 1
        time.sleep(RNG.uniform(0.01, 0.3))
        reg.kill9()
        done += 1
        made = topped_up(kit, identity, outbox, made, 100000 + done * 1000, 200)
    stop.set()
    t.join()
    reg.start()
    finish("kill -9 of tellus-register", kit, reg, made, db, d, identity, outbox, done, unanswered)


class FaultProxy:
    """A TCP proxy that spoils one in three connections: drop, delay, truncate the reply, answer 5xx,
    or flip a byte either way."""
    FAULTS = ["drop", "delay", "truncate", "5xx", "flip-request", "flip-reply"]

    def __init__(self, target_port):
        self.target = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.counts = {f: 0 for f in self.FAULTS + ["pass"]}
        self.closing = False
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while not self.closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            fault = RNG.choice(self.FAULTS) if RNG.random() < 0.5 else "pass"
            self.counts[fault] += 1
            threading.Thread(target=self.serve, args=(client, fault), daemon=True).start()

    def serve(self, client, fault):
        client.settimeout(30)
        try:
            if fault == "drop":
                client.close()
                return
            if fault == "5xx":
                client.recv(65536)
                client.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                client.close()
                return
            if fault == "delay":
                time.sleep(RNG.uniform(0.2, 1.5))
            upstream = socket.create_connection(("127.0.0.1", self.target), timeout=30)
            flip_at = RNG.randint(40, 3000)
            cut_at = RNG.randint(1, 400)
            a = threading.Thread(target=self.pump, args=(client, upstream, flip_at if fault == "flip-request" else -1, -1))
            b = threading.Thread(target=self.pump, args=(upstream, client, flip_at if fault == "flip-reply" else -1,
                                                        cut_at if fault == "truncate" else -1))
            a.start()
            b.start()
            a.join()
            b.join()
        except OSError:
            pass
        finally:
            client.close()

    @staticmethod
    def pump(src, dst, flip_at, cut_at):
        seen = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if 0 <= flip_at - seen < len(data):
                    i = flip_at - seen
                    data = data[:i] + bytes([data[i] ^ (1 << RNG.randint(0, 7))]) + data[i + 1:]
                if cut_at >= 0 and seen + len(data) >= cut_at:
                    dst.sendall(data[:cut_at - seen])
                    break
                dst.sendall(data)
                seen += len(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self):
        self.closing = True
        self.listener.close()


def faulty_network(kit, runs, items):
    port, d, db, identity, outbox, made = setup(kit, "proxy", items)
    reg = Register(kit, db, port)
    reg.start()
    proxy = FaultProxy(port)
    through = os.path.join(d, "via-proxy.json")
    doc = json.load(open(identity))
    doc["register_url"] = f"http://127.0.0.1:{proxy.port}"
    fd = os.open(through, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(doc, f)
    done = 0
    for _ in range(runs):
        if time.monotonic() > SUITE_DEADLINE:
            break
        kit.send(through, outbox, timeout=90)
        done += 1
        made = topped_up(kit, identity, outbox, made, 100000 + done * 1000, 100)
    proxy.close()
    answered = health(port)
    T.health_failures += 0 if answered else 1
    drained = drain(kit, identity, outbox)
    reg.stop()
    faults = ", ".join(f"{k} {v}" for k, v in proxy.counts.items())
    verify("fault-injecting proxy", made, db, outbox, done,
           f" (connections: {faults})" + ("" if drained else ", OUTBOX NOT DRAINED"))
    shutil.rmtree(d, ignore_errors=True)


def full_disk(kit, items):
    if os.geteuid() != 0:
        T.skipped.append("full disk: not root, cannot mount a small tmpfs")
        log("full disk: SKIPPED (not root, cannot mount a small tmpfs)")
        return
    mount = tempfile.mkdtemp(prefix="tellus-fault-disk-")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount], capture_output=True, text=True)
    if r.returncode != 0:
        T.skipped.append(f"full disk: mount failed ({r.stderr.strip()})")
        log(f"full disk: SKIPPED (mount -t tmpfs failed: {r.stderr.strip()})")
        os.rmdir(mount)
        return
    try:
        port, d, db, identity, outbox, made = setup(kit, "disk", items, folder=mount)
        reg = Register(kit, db, port)
        reg.start()
        sends = 0
        refused = 0
        for _ in range(8):   # until the disk is full and the register says so
            sends += 1
            if kit.send(identity, outbox).returncode != 0:
                refused += 1
        answered = health(port)
        T.health_failures += 0 if answered else 1
        left_when_full = len(made_uuids(outbox))
        subprocess.run(["mount", "-o", "remount,size=64m", mount], check=True)
        drained = drain(kit, identity, outbox)
        reg.stop()
        verify("full disk (1 MB tmpfs, then 64 MB)", made, db, outbox, sends,
               f", {left_when_full} waiting while full, sends refused {refused}, health while full "
               f"{'answered' if answered else 'UNANSWERED'}" + ("" if drained else ", OUTBOX NOT DRAINED"))
        if left_when_full == 0:
            log("  note: the disk never filled; the scenario proved nothing about a full disk")
            T.skipped.append("full disk: never filled")
        shutil.rmtree(d, ignore_errors=True)
    finally:
        subprocess.run(["umount", mount])
        os.rmdir(mount)


def spoil(data):
    kind = RNG.choice(["flip", "truncate", "garbage", "zero", "splice"])
    if kind == "flip" and data:
        b = bytearray(data)
        for _ in range(RNG.randint(1, 8)):
            i = RNG.randrange(len(b))
            b[i] ^= 1 << RNG.randint(0, 7)
        return kind, bytes(b)
    if kind == "truncate":
        return kind, data[:RNG.randrange(max(1, len(data)))]
    if kind == "garbage":
        return kind, os.urandom(RNG.randint(1, 4096))
    if kind == "zero":
        return kind, b""
    i = RNG.randrange(max(1, len(data)))
    return "splice", data[:i] + os.urandom(64) + data[i:]


def corrupt_files(kit, bundles, databases):
    port, d, db, identity, outbox, made = setup(kit, "corrupt", 20)
    good = os.path.join(d, "good.bundle")
    kit.run([kit.sync_bin, "export", "--identity", identity, "--outbox", outbox, "--out", good], check=True)
    data = open(good, "rb").read()
    refused = 0
    unclear = 0
    for i in range(bundles):
        kind, bad = spoil(data)
        path = os.path.join(d, f"bad-{i}.bundle")
        open(path, "wb").write(bad)
        r = kit.run([kit.register_bin, "import", "--db", db, path])
        if r.returncode != 0:
            refused += 1
            if "bundle" not in r.stderr and "bundle" not in r.stdout:
                unclear += 1
                log(f"  unclear refusal of a {kind} bundle: {(r.stdout + r.stderr).strip()[:200]}")
    kit.run([kit.register_bin, "import", "--db", db, good], check=True)
    # The kiosk's outbox is acknowledged through the bundle only over the network: clear it by hand here.
    cases, _, _ = uuids(db, "cases")
    con = sqlite3.connect(outbox)
    con.execute("DELETE FROM outbox")
    con.commit()
    con.close()

    # Spoilt databases: every program says what is wrong and exits; none crashes or hangs.
    db_trials = 0
    for i in range(databases):
        for original, args in ((db, lambda p: [kit.register_bin, "kiosks", "--db", p]),
                               (outbox, lambda p: [kit.sync_bin, "status", "--identity", identity, "--outbox", p])):
            copy = os.path.join(d, f"spoilt-{i}-{os.path.basename(original)}")
            raw = open(original, "rb").read()
            _, bad = spoil(raw)
            open(copy, "wb").write(bad)
            if os.path.exists(original + ".keys"):
                shutil.copy(original + ".keys", copy + ".keys")
            r = kit.run(args(copy), timeout=30)
            db_trials += 1
            if r.returncode != 0 and not r.stderr.strip():
                unclear += 1
                log(f"  a spoilt {os.path.basename(original)} failed without a reason")
    verify("corrupt files", made, db, outbox, bundles + db_trials,
           f" ({bundles} spoilt bundles, {refused} refused, {db_trials} spoilt databases, unclear errors {unclear})")
    T.crashes += unclear
    shutil.rmtree(d, ignore_errors=True)


def floods(kit, items, idle=300, slow=30):
    port, d, db, identity, outbox, made = setup(kit, "flood", items)
    reg = Register(kit, db, port)
    reg.start()
    conns = []
    for i in range(idle):   # 30 from each of ten addresses: under the per-address limit
        try:
            conns.append(socket.create_connection(("127.0.0.1", port), source_address=(f"127.0.1.{2 + i // 30}", 0)))
        except OSError:
            pass
    slowloris = []
    for i in range(slow):
        try:
            s = socket.create_connection(("127.0.0.1", port), source_address=("127.0.2.2", 0))
            s.sendall(b"POST /v1/submissions HTTP/1.1\r\nHost: r\r\n")
            slowloris.append(s)
        except OSError:
            pass
    stop = threading.Event()

    def dribble():
        while not stop.wait(1.0):
            for s in slowloris:
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass

    t = threading.Thread(target=dribble)
    t.start()
    probes = 0
    unanswered = 0
    sender = subprocess.Popen([kit.sync_bin, "send", "--identity", identity, "--outbox", outbox],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while (sender.poll() is None or probes < 50) and probes < 400:   # at least 50 probes under the flood
        probes += 1
        unanswered += 0 if health(port) else 1
        time.sleep(0.05)
    sender.wait(timeout=120)
    stop.set()
    t.join()
    for s in conns + slowloris:
        s.close()
    finish("idle and slow connection floods", kit, reg, made, db, d, identity, outbox, 1, unanswered,
           f" ({len(conns)} idle, {len(slowloris)} slowloris held; {probes} health probes)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", required=True, help="the CMake build folder")
    parser.add_argument("--quick", action="store_true", help="fewer trials (a smoke run)")
    args = parser.parse_args()
    kit = Kit(os.path.abspath(args.build), work_root())
    scale = 0.2 if args.quick else 1.0
    started = time.monotonic()
    kill_sync(kit, trials=int(60 * scale), items=600)
    kill_register(kit, trials=int(60 * scale), items=600)
    faulty_network(kit, runs=int(40 * scale), items=400)
    full_disk(kit, items=1500)
    corrupt_files(kit, bundles=int(60 * scale), databases=int(10 * scale))
    floods(kit, items=400)
    took = time.monotonic() - started
    log(f"fault suite: trials {T.trials}, items {T.items}, lost {T.lost}, duplicated {T.duplicated}, "
        f"corrupt {T.corrupt}, crashes {T.crashes}, health unanswered {T.health_failures}; {took:.0f} s"
        + (f"; skipped: {'; '.join(T.skipped)}" if T.skipped else ""))
    return 1 if T.failed() else 0


if __name__ == "__main__":
    sys.exit(main())
