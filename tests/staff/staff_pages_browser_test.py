#!/usr/bin/env python3
"""The staff pages in a real browser: headless Chromium (Debian's chromium and
chromium-driver, driven with python3-selenium) against a real `tellus-register serve`
on loopback, with cases sent by the real sync client (`tellus-sync send`) from an outbox
made as the kiosk makes it. axe-core checks every page for WCAG 2.2 AA violations.

  staff_pages_browser_test.py --build BUILD --source SOURCE --axe axe.min.js [--screenshots DIR]

Exits 0 when every check passes, 1 on a failure, 77 (skipped) without Chromium.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("SKIP: python3-selenium is not installed (scripts/install-deps)")
    sys.exit(77)

PASSWORDS = {"ada": "ada's long password", "mia": "mia's long password", "hal": "hal's long password",
             "lee": "lee's long password"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)
    return condition


class Register:
    """A register in a temp folder, served by the real binary on 127.0.0.1 (port 0)."""

    def __init__(self, build, work):
        self.build, self.work = build, work
        self.binary = os.path.join(build, "sync", "tellus-register")
        self.db = os.path.join(work, "register.db")
        self.process = None
        self.url = None

    def run(self, *args, stdin=None):
        done = subprocess.run([self.binary, *args], input=stdin, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"tellus-register {' '.join(args)}: {done.stdout}{done.stderr}")
        return done.stdout

    def serve(self, *extra):
        self.process = subprocess.Popen([self.binary, "serve", "--db", self.db, "--listen", "127.0.0.1:0", *extra],
                                        stdout=subprocess.PIPE, stderr=open(os.path.join(self.work, "serve.log"), "a"),
                                        text=True)
        port = int(self.process.stdout.readline())
        self.url = f"http://127.0.0.1:{port}"

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class Browser:
    def __init__(self, axe_source, shots):
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--lang=en-GB", "--autoplay-policy=no-user-gesture-required"):
            options.add_argument(flag)
        self.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                                       options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        self.axe_source, self.shots = axe_source, shots
        self.checked = []

    def get(self, url):
        self.driver.get(url)

    def press(self, element):
        """Clicks a button or link and waits until the next page has replaced this one."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(page))

    def button(self, label):
        self.press(self.driver.find_element(By.XPATH, f"//button[normalize-space()=\"{label}\"]"))

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def axe(self, name):
        """Zero axe-core violations on the page as it stands."""
        self.driver.execute_script(self.axe_source + "\nreturn true;")
        violations = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' +"
            " v.nodes.map(n => n.target.join(' ')).join(', '))))"
            ".catch(e => done(['axe failed: ' + e]));", AXE_TAGS)
        self.checked.append(name)
        check(not violations, f"axe-core: no violations on the {name} page" +
              ("" if not violations else ":\n       " + "\n       ".join(violations)))

    def shot(self, name):
        if not self.shots:
            return
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(1280, min(max(height, 700), 4000))
        self.driver.save_screenshot(os.path.join(self.shots, name + ".png"))
        self.driver.set_window_size(1280, 900)

    def sign_in(self, base, name, password):
        self.get(base + "/staff/sign-in")
        self.driver.find_element(By.ID, "name").send_keys(name)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.button("Sign in")

    def sign_out(self):
        self.button("Sign out")

    def cookie_header(self):
        return "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())

    def quit(self):
        self.driver.quit()


def http(url, cookie, data=None):
    """Status and body of a request carrying the browser's cookies (what a forged form would send)."""
    request = urllib.request.Request(url, data=data.encode() if data is not None else None,
                                     headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def sync(build, *args):
    return subprocess.run([os.path.join(build, "sync", "tellus-sync"), *args], capture_output=True, text=True,
                          timeout=60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--axe", required=True)
    parser.add_argument("--screenshots", default="")
    args = parser.parse_args()
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        print("SKIP: chromium and chromium-driver are not installed (scripts/install-deps)")
        return 77
    with open(args.axe) as f:
        axe_source = f.read()
    shots = args.screenshots or os.path.join(args.build, "staff-screenshots")
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="tellus-staff-")
    register = Register(args.build, work)
    browser = None
    try:
        register.run("init", "--db", register.db)
        identity = os.path.join(work, "kiosk.json")
        register.run("enroll-kiosk", "--db", register.db, "--name", "Luton reception", "--policy", "seetec",
                     "--out", identity)
        register.run("staff", "add", "--db", register.db, "--name", "ada", "--role", "admin", stdin=PASSWORDS["ada"])
        register.run("staff", "add", "--db", register.db, "--name", "mia", "--role", "manager", stdin=PASSWORDS["mia"])

        # Cases made as the kiosk makes them, sent by the real sync client.
        outbox = os.path.join(work, "kiosk.db")
        made = subprocess.run([os.path.join(args.build, "tests", "tellus-staff-fixture"), "--identity", identity,
                               "--outbox", outbox, "--count", "4"], capture_output=True, text=True, check=True)
        cases = [json.loads(line) for line in made.stdout.splitlines()]
        register.run("staff", "add", "--db", register.db, "--name", "hal", "--role", "handler", "--policy", "seetec",
                     "--service", cases[0]["service"], stdin=PASSWORDS["hal"])
        register.run("staff", "add", "--db", register.db, "--name", "lee", "--role", "handler", stdin=PASSWORDS["lee"])
        register.serve()
        base = register.url
        with open(identity) as f:
            kiosk = json.load(f)
        kiosk["register_url"] = base
        with open(identity, "w") as f:
            json.dump(kiosk, f)
        sent = sync(args.build, "send", "--identity", identity, "--outbox", outbox)
        check(sent.returncode == 0 and "4 sent, 0 waiting" in sent.stdout, "the kiosk's outbox went to the register: "
              + sent.stdout.strip() + sent.stderr.strip())

        browser = Browser(axe_source, shots)
        b = browser

        # Signing in.
        b.get(base + "/staff/")
        check(b.heading() == "Sign in", "an unsigned visitor is sent to the sign-in page")
        b.axe("sign-in")
        b.shot("sign-in")
        # Keyboard only: Tab to the skip link (with a visible focus ring), on to the fields, Enter to sign in.
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        keys = ActionChains(b.driver)
        keys.send_keys(Keys.TAB).perform()
        focused = b.driver.execute_script(
            "const e = document.activeElement, s = getComputedStyle(e);"
            "return [e.textContent.trim(), s.outlineStyle, s.outlineWidth, e.getBoundingClientRect().left];")
        check(focused[0] == "Skip to the main content" and focused[1] != "none" and focused[3] >= 0,
              f"the first Tab shows the skip link with a visible focus ring: {focused}")
        page = b.driver.find_element(By.TAG_NAME, "html")
        ActionChains(b.driver).send_keys(Keys.TAB, "mia", Keys.TAB, PASSWORDS["mia"], Keys.ENTER).perform()
        WebDriverWait(b.driver, 30).until(expected_conditions.staleness_of(page))
        check(b.heading() == "Queue", "a manager signs in with the keyboard alone and sees the queue")
        session = b.driver.get_cookie("tellus_staff")
        check(session is not None and session.get("httpOnly") and session.get("sameSite") == "Strict",
              "the session cookie is HttpOnly and SameSite=Strict")

        # The queue: every kiosk-made case, urgent first, then help to write.
        rows = [r.text for r in b.driver.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")]
        check(len(rows) == 4 and all(any(c["reference"] in r for r in rows) for c in cases),
              "the queue lists the 4 cases the kiosk sent")
        check(rows and cases[0]["reference"] in rows[0] and "Urgent" in rows[0], "the urgent case comes first, "
              "marked Urgent in words")
        check(len(rows) > 1 and cases[1]["reference"] in rows[1] and "Help to write" in rows[1],
              "then the person who asked for help to write")
        check(all(("On time" in r or "Due this week" in r or "Overdue" in r) for r in rows),
              "each row says in words whether it is on time, due this week or overdue")
        b.axe("queue")
        b.shot("queue")
        b.get(base + "/staff/?service=" + urllib.parse.quote(cases[1]["service"]))
        rows = [r.text for r in b.driver.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")]
        check(len(rows) == 2 and all(cases[1]["reference"] not in r or True for r in rows)
              and not any(cases[0]["reference"] in r for r in rows), "the service filter narrows the queue")

        # The case page: the person's words, the recording, the actions.
        spoken = cases[2]
        b.get(base + "/staff/")
        b.press(b.driver.find_element(By.LINK_TEXT, spoken["reference"]))
        check(b.heading() == "Case " + spoken["reference"], "the case opens from the queue")
        check("My appointment was cancelled three times" in b.text(), "the case page shows what the person wrote, "
              "opened with the register key")
        audio = b.driver.find_elements(By.TAG_NAME, "audio")
        check(len(audio) == 1, "the spoken answer is playable in the page")
        if audio:
            played = b.driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "fetch(arguments[0]).then(r => r.arrayBuffer().then(a => done([r.headers.get('content-type'),"
                " String.fromCharCode(...new Uint8Array(a.slice(0, 4))), a.byteLength])));",
                audio[0].get_attribute("src"))
            check(played[0] == "audio/ogg" and played[1] == "OggS", f"the recording is served as Ogg: {played}")
            heard = b.driver.execute_async_script(
                "const done = arguments[arguments.length - 1]; const a = document.querySelector('audio');"
                "a.muted = true; a.play().catch(e => done('play refused: ' + e));"
                "a.addEventListener('error', () => done('error ' + a.error.code));"
                "setTimeout(() => done(a.currentTime), 2000);")
            check(isinstance(heard, (int, float)) and heard > 1.0,
                  f"Chromium plays the recording in the page ({heard} s in 2 s)")
        b.axe("case")
        b.shot("case")

        # Reply, with its confirm step; then the kiosk's check screen shows it through the real API.
        reply = "We are sorry. Your new appointment is on Monday at 10:00 with the same adviser."
        b.driver.find_element(By.ID, "reply-text").send_keys(reply)
        b.button("Reply")
        check(b.heading().startswith("Confirm"), "a reply asks for confirmation first")
        check(reply in b.text(), "the confirm page shows the reply as it will be sent")
        b.axe("confirm")
        b.shot("confirm")
        before = sync(args.build, "check", "--identity", identity, spoken["reference"], spoken["tracking_code"])
        check(reply not in before.stdout, "nothing is sent before the confirmation")
        b.button("Yes, send the reply")
        check("Reply recorded" in b.text(), "the case page says the reply was recorded")
        shown = sync(args.build, "check", "--identity", identity, spoken["reference"], spoken["tracking_code"])
        check(shown.returncode == 0 and ("reply: " + reply) in shown.stdout,
              "the kiosk's check-my-complaint API now shows the reply: " + shown.stdout.strip())

        # Acknowledge another case through its confirm step.
        b.get(base + "/staff/case/" + cases[3]["reference"])
        b.button("Acknowledge")
        b.button("Yes, record the acknowledgement")
        check("Acknowledged." in b.text(), "a case is acknowledged from its page")

        # A form without its CSRF token is refused, in the browser and from outside it.
        b.get(base + "/staff/case/" + cases[3]["reference"])
        b.driver.execute_script("document.querySelectorAll('input[name=csrf]').forEach(e => e.remove());")
        b.driver.find_element(By.ID, "reply-text").send_keys("forged words")
        b.button("Reply")
        check(b.heading() == "This form was refused", "a form without its CSRF token is refused")
        b.shot("refused")
        status, _ = http(base + "/staff/case/" + cases[3]["reference"] + "/reply", b.cookie_header(),
                         "text=forged+words&confirm=yes")
        check(status == 403, f"a forged reply without the token gets 403 (got {status})")
        status, _ = http(base + "/staff/case/" + cases[3]["reference"] + "/reply", b.cookie_header(),
                         "text=forged+words&confirm=yes&csrf=not-the-token")
        check(status == 403, f"a forged reply with a wrong token gets 403 (got {status})")
        after = sync(args.build, "check", "--identity", identity, cases[3]["reference"], cases[3]["tracking_code"])
        check("forged" not in after.stdout, "no forged reply reached the person")

        # Manager pages.
        b.get(base + "/staff/reports")
        check(b.heading() == "Reports" and len(b.driver.find_elements(By.CSS_SELECTOR, "svg.chart")) >= 4,
              "reports show charts drawn as SVG")
        csv_link = b.driver.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
        status, csv = http(csv_link, b.cookie_header())
        check(status == 200 and csv.startswith("group,key,count") and "total,cases,4" in csv,
              "the report downloads as CSV")
        b.axe("reports")
        b.shot("reports")
        b.get(base + "/staff/kiosks")
        check("Luton reception" in b.text(), "the kiosks page lists the kiosk")
        b.axe("kiosks")
        b.shot("kiosks")
        b.get(base + "/staff/audit?actor=mia")
        log = b.text()
        check(all(f"mia {action}" in log for action in ("show", "audio", "reply", "ack")),
              "the audit log names the signed-in manager for each view of a sealed part and each action")
        b.axe("audit")
        b.shot("audit")
        b.sign_out()
        check(b.heading() == "Sign in" and "You are signed out" in b.text(), "signing out ends the session")
        status, _ = http(base + "/staff/", "tellus_staff=" + session["value"])
        check(status in (303, 401) or "Sign in" in _, "the old session cookie no longer opens the queue")

        # Admin pages.
        b.sign_in(base, "ada", PASSWORDS["ada"])
        b.get(base + "/staff/purge")
        check(b.heading() == "Purge", "an admin sees the purge preview")
        b.axe("purge")
        b.shot("purge")
        b.get(base + "/staff/staff")
        check("hal" in b.text() and "handler" in b.text(), "an admin sees the staff accounts")
        b.axe("staff")
        b.shot("staff")
        b.sign_out()

        # A handler: only their policy and service; no reports.
        b.sign_in(base, "hal", PASSWORDS["hal"])
        rows = [r.text for r in b.driver.find_elements(By.CSS_SELECTOR, "table.queue tbody tr")]
        check(rows and all(cases[0]["service"] in r for r in rows) and not any(cases[1]["reference"] in r for r in rows),
              "a handler's queue holds only their service's cases")
        b.shot("queue-handler")
        other = cases[1]["reference"]
        b.get(base + "/staff/case/" + other)
        check(b.heading() == "Not your case", "a handler cannot open another service's case")
        check("My appointment" not in b.text(), "and sees nothing of it")
        b.axe("forbidden")
        b.shot("forbidden")
        status, body = http(base + "/staff/case/" + other, b.cookie_header())
        check(status == 403, f"another service's case answers 403 (got {status})")
        status, _ = http(base + "/staff/case/" + other + "/audio/what_happened", b.cookie_header())
        check(status == 403, f"another service's recording answers 403 (got {status})")
        status, _ = http(base + "/staff/reports", b.cookie_header())
        check(status == 403, f"a handler cannot reach the reports (got {status})")
        status, _ = http(base + "/staff/reports.csv", b.cookie_header())
        check(status == 403, f"nor the CSV (got {status})")
        b.get(base + "/staff/reports")
        check(b.heading() == "Not for your role", "the reports page tells a handler it is not for their role")
        b.sign_out()

        # Five wrong passwords lock the account; then even the right one is refused.
        for attempt in range(5):
            b.sign_in(base, "lee", "not the password")
        check("locked" in b.text(), "the fifth wrong password locks the account")
        b.sign_in(base, "lee", PASSWORDS["lee"])
        check(b.heading() == "Sign in" and "locked" in b.text(), "a locked account refuses even the right password")
        b.axe("locked")
        b.shot("locked")
        listed = register.run("staff", "list", "--db", register.db)
        check(any(line.startswith("lee") and "locked" in line for line in listed.splitlines()),
              "`staff list` shows the account locked")

        # The sign-in form's own CSRF token.
        b.get(base + "/staff/sign-in")
        status, _ = http(base + "/staff/sign-in", "", "name=mia&password=" + urllib.parse.quote(PASSWORDS["mia"]))
        check(status == 403, f"a sign-in form without its token is refused (got {status})")

        # A session expires after the idle time (3 s here; 15 minutes by default).
        register.stop()
        register.serve("--staff-idle-timeout", "3")
        base = register.url
        b.sign_in(base, "mia", PASSWORDS["mia"])
        check(b.heading() == "Queue", "signed in again on the restarted register")
        time.sleep(5)
        b.get(base + "/staff/")
        check(b.heading() == "Sign in" and "nothing happened" in b.text(),
              "after the idle time the session has expired and the sign-in page says why")
        b.shot("expired")
    finally:
        if browser:
            browser.quit()
        register.stop()
        if failures:
            print(f"register log: {os.path.join(work, 'serve.log')}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{len(failures)} failure(s); axe-core ran on {len(browser.checked) if browser else 0} pages; "
          f"screenshots in {shots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
