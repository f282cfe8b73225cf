#!/usr/bin/env python3
"""The browser test: AWS's lesson "Activate MFA on the root account", all 16 steps, in the web
console, in headless Chromium driven by Selenium, by clicking and typing as a trainee does.

It starts `iamsim serve` on a fresh database (port 0, loopback only; the console is served
beside the Query API, and the instructor's token is read from its start-up lines), stops the account's
clock with the CLI (`iamsim clock set`, as an instructor would) so that no step waits for a
30-second code, and computes every code with oathtool from the seed that "Show secret key"
shows. It decodes the QR code image with zbarimg and adds it to the phone page, and covers the
wrong-code, replay, lockout and resync paths. It checks the lesson panel at every step, the
dashboard turning green, the class progress page, `iamsim lesson` seeing the same progress,
and that the browser reported no Content-Security-Policy violation.

A screenshot of every step goes to the artifacts folder (outside the repository:
$IAMSIM_BROWSER_ARTIFACTS, else a new temporary folder, printed at the end). With
--docs-images DIR, the key screens are also written there, for docs/console.md.

Usage: python3 Tests/browser/lesson_walk.py [--build-path .build/debug] [--docs-images DIR]
Needs: chromium, chromium-driver, oathtool, zbar-tools (Debian) and selenium (PyPI).
"""

import argparse
import os
import re
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, timedelta, timezone

# Never let Selenium look for a driver on the network: the Debian driver is given explicitly.
os.environ["SE_OFFLINE"] = "true"

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

EMAIL = "trainee@example.com"
PASSWORD = "Activate-MFA-2026!"
ROOT_KEY = "AKIAIOSFODNN7EXAMPLE"
TOKEN = None  # read from what `iamsim serve` prints at start
START = datetime(2026, 1, 5, 9, 30, 5, tzinfo=timezone.utc)


class Failure(Exception):
    pass


def is_stale(element):
    """Whether `element` belongs to a page that has been replaced.

    Selenium's `staleness_of` expects a StaleElementReferenceException, but while a page is being
    replaced ChromeDriver sometimes answers "Node with given id does not belong to the document"
    instead, an unknown error that means the same (SeleniumHQ/selenium#15401); it failed one CI
    run of this test.
    """
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def check(condition, message):
    if not condition:
        raise Failure(message)


class Walk:
    def __init__(self, build_path, artifacts, docs_images):
        self.iamsim = os.path.join(build_path, "iamsim")
        self.origin = None
        self.artifacts = artifacts
        self.docs_images = docs_images
        self.folder = tempfile.mkdtemp(prefix="iamsim-browser-")
        self.db = os.path.join(self.folder, "iamsim.sqlite")
        self.now = START
        self.shots = 0
        self.server = None
        self.driver = None

    # MARK: - The world: the CLI, the clock, oathtool, zbarimg

    def cli(self, *arguments):
        result = subprocess.run(
            [self.iamsim, *arguments, "--db", self.db], capture_output=True, text=True, timeout=60)
        check(result.returncode == 0, f"iamsim {' '.join(arguments)} failed: {result.stderr}")
        return result.stdout

    def advance(self, seconds=30):
        """Moves the account's simulated clock on, as `iamsim clock advance` does."""
        self.cli("clock", "advance", f"{seconds}s")
        self.now += timedelta(seconds=seconds)

    def code(self, seed, steps=0):
        """The code oathtool computes for `seed` at the account's time, `steps` steps away."""
        moment = self.now + timedelta(seconds=30 * steps)
        result = subprocess.run(
            ["oathtool", "--totp", "-b", "--now", moment.strftime("%Y-%m-%d %H:%M:%S UTC"), seed],
            capture_output=True, text=True, timeout=30)
        check(result.returncode == 0, f"oathtool failed: {result.stderr}")
        return result.stdout.strip()

    # MARK: - The server and the browser

    def start(self):
        self.cli("clock", "set", START.strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.server = subprocess.Popen(
            [self.iamsim, "serve", "--db", self.db, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.server.stdout], daemon=True).start()
        deadline = time.monotonic() + 60
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise Failure("iamsim serve did not say where it listens within 60 s")
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if match:
                self.origin = match.group(1)
            token = re.search(r"/console/instructor \(token ([A-Za-z0-9_-]+)\)", line)
            if token:
                global TOKEN
                TOKEN = token.group(1)
            if self.origin and TOKEN:
                break
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,1000", "--lang=en-US"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.implicitly_wait(5)

    def stop(self):
        if self.driver:
            self.driver.quit()
        if self.server:
            self.server.terminate()
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.server.kill()
        shutil.rmtree(self.folder, ignore_errors=True)

    # MARK: - Pages

    def open(self, path):
        self.driver.get(self.origin + path)

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def text(self):
        return self.find("main").text

    def navigating(self, action):
        """Runs `action`, which loads another page, and waits until the old page is gone."""
        old = self.find("html")
        action()
        WebDriverWait(self.driver, 15).until(lambda _: is_stale(old))

    def type(self, selector, text, enter=False):
        field = self.find(selector)
        field.clear()
        field.send_keys(text)
        if enter:
            self.navigating(lambda: field.send_keys(Keys.ENTER))

    def click_button(self, label, within="main"):
        for button in self.find(within).find_elements(By.CSS_SELECTOR, "button"):
            # The accessible name: the visible text and the text only screen readers get.
            name = " ".join((button.get_attribute("textContent") or "").split())
            if name == label:
                self.navigating(button.click)
                return
        raise Failure(f"no button {label!r} on {self.driver.current_url}")

    def click_link(self, label):
        link = self.driver.find_element(By.LINK_TEXT, label)
        self.navigating(link.click)

    def expect_text(self, text):
        check(text in self.text(), f"{text!r} is not on {self.driver.current_url}:\n{self.text()[:2000]}")

    def step(self, expected):
        """The lesson panel's "Step N of 16"."""
        shown = self.find(".lesson-step").text
        check(shown == expected, f"the lesson panel says {shown!r}, not {expected!r}")

    def shot(self, name, docs=None):
        self.shots += 1
        self.driver.save_screenshot(os.path.join(self.artifacts, f"{self.shots:02d}-{name}.png"))
        if docs and self.docs_images:
            self.find("main").screenshot(os.path.join(self.docs_images, docs))

    def download(self, path, target):
        """GET `path` with the browser's cookies (the QR code image, as "Download QR code" does)."""
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(self.origin + path, headers={"Cookie": cookies})
        with urllib.request.urlopen(request, timeout=30) as response:
            check(response.status == 200, f"GET {path}: {response.status}")
            with open(target, "wb") as file:
                file.write(response.read())

    # MARK: - The lesson

    def sign_in(self):
        self.open("/console/signin")
        # Keyboard only: type and press Enter, as a trainee without a mouse does.
        self.type("#email", EMAIL, enter=True)
        self.type("#password", PASSWORD, enter=True)

    def run(self):
        self.open("/")
        check(self.driver.current_url.endswith("/console/signin"), f"/ led to {self.driver.current_url}")
        self.step("Step 1 of 16")
        self.shot("sign-in", docs="sign-in.png")

        # Steps 1 and 2: sign in as root; the dashboard shows the security status.
        self.sign_in()
        self.expect_text("IAM dashboard")
        self.expect_text("0 out of 5 complete.")
        self.step("Step 3 of 16")
        self.shot("dashboard", docs="dashboard.png")

        # Step 3: My security credentials, the root access key.
        self.click_link("My security credentials")
        self.expect_text(ROOT_KEY)
        self.step("Step 4 of 16")
        self.shot("security-credentials", docs="security-credentials.png")

        # Step 4: Deactivate.
        self.click_button(f"Deactivate {ROOT_KEY}")
        self.expect_text(f"Access key {ROOT_KEY} is now Inactive.")
        self.step("Step 5 of 16")
        self.shot("key-deactivated")

        # Step 5: Delete, with the key id typed to confirm.
        self.navigating(self.find(f"#key-{ROOT_KEY} a").click)
        self.expect_text("To confirm deletion, enter the access key ID")
        self.type("#confirmation", "AKIA-wrong")
        self.click_button("Delete")
        self.expect_text(f"Type the access key ID {ROOT_KEY} exactly")
        self.type("#confirmation", ROOT_KEY)
        self.click_button("Delete")
        self.expect_text(f"Access key {ROOT_KEY} is deleted.")
        self.step("Step 6 of 16")
        self.shot("key-deleted")

        # Step 6: Assign MFA device, Authenticator app, Show QR code, Show secret key.
        self.navigating(self.find("#assign-mfa").click)
        self.type("#device-name", "root-mfa")
        check(self.find("#type-app").is_selected(), "Authenticator app is not the default choice")
        self.click_button("Next")
        self.expect_text("Set up device")
        self.find("#show-qr-code summary").click()
        check(self.find("#qr-code").is_displayed(), "the QR code is not shown")
        self.shot("show-qr-code", docs="assign-mfa.png")
        self.find("#show-secret-key summary").click()
        seed = self.find("#secret-key").text.strip()
        check(re.fullmatch(r"[A-Z2-7]{64}", seed), f"the secret key is {seed!r}")
        self.step("Step 7 of 16")
        wizard = self.driver.current_window_handle

        # The QR code image, decoded by zbarimg, holds the same secret.
        png = os.path.join(self.folder, "root-mfa-qr.png")
        self.download(self.find("#download-qr").get_attribute("href").replace(self.origin, ""), png)
        decoded = subprocess.run(["zbarimg", "--raw", "-q", png], capture_output=True, text=True, timeout=30)
        check(decoded.returncode == 0, f"zbarimg could not read the QR code: {decoded.stderr}")
        uri = decoded.stdout.strip()
        check(uri.startswith("otpauth://totp/Amazon%20Web%20Services:root-mfa@123456789012?"), uri)
        check(f"secret={seed}" in uri, f"the QR code's secret differs from the secret key: {uri}")

        # Step 7: the phone page, in a second tab, reads the QR code image.
        self.driver.switch_to.new_window("tab")
        phone = self.driver.current_window_handle
        self.open("/console/phone")
        self.find("#qr-file").send_keys(png)
        self.click_button("Scan QR code")
        self.expect_text("Scanned the QR code: added Amazon Web Services (root-mfa@123456789012).")
        # Step 8: the phone shows code 1; oathtool agrees.
        code1 = self.find("#code-0").text.strip()
        check(code1 == self.code(seed), f"the phone shows {code1}, oathtool {self.code(seed)}")
        self.step("Step 9 of 16")
        self.shot("phone-code-1", docs="phone.png")

        # A wrong pair first: AWS's answer, and why.
        self.driver.switch_to.window(wizard)
        self.type("#code1", "123456")
        self.type("#code2", "654321")
        self.click_button("Add MFA")
        self.expect_text("Authentication code for device is not valid.")
        self.expect_text("These are not this device's codes")
        self.shot("wrong-codes")

        # Step 9: wait for the next code (the simulated clock moves on); step 10: read it.
        self.advance(30)
        self.driver.switch_to.window(phone)
        self.driver.refresh()
        code2 = self.find("#code-0").text.strip()
        check(code2 == self.code(seed) and code2 != code1, "the phone's next code is not oathtool's")
        self.step("Step 11 of 16")
        self.shot("phone-code-2")

        # Step 11: Add MFA with the two consecutive codes.
        self.driver.switch_to.window(wizard)
        self.type("#code1", code1)
        self.type("#code2", code2)
        self.click_button("Add MFA")
        # Step 12: the MFA section lists the device.
        self.expect_text("MFA device root-mfa is assigned.")
        self.expect_text("arn:aws:iam::123456789012:mfa/root-mfa")
        self.step("Step 13 of 16")
        self.shot("mfa-assigned")

        # Step 13: sign out.
        self.click_button("Sign out", within="header")
        self.expect_text("You are signed out.")
        self.step("Step 14 of 16")
        self.shot("signed-out")

        # Step 14: a fresh code.
        self.advance(30)
        self.driver.switch_to.window(phone)
        self.driver.refresh()
        self.step("Step 15 of 16")
        self.driver.switch_to.window(wizard)

        # Step 15, the hard way first: password, then a replayed code, then wrong codes to the lockout.
        self.sign_in()
        self.expect_text("Multi-factor authentication")
        self.shot("mfa-code-page", docs="sign-in-mfa.png")
        self.type("#code", code2, enter=True)
        self.expect_text("Your authentication information is incorrect. Please try again.")
        self.expect_text("This code was already used")
        self.shot("replayed-code")
        for _ in range(4):
            self.type("#code", "000000", enter=True)
        self.expect_text("Too many wrong MFA codes: sign-in for this user is locked until")
        self.type("#code", self.code(seed), enter=True)
        self.expect_text("locked until")
        self.shot("locked-out")

        # Troubleshoot MFA: resync with two consecutive codes lifts the lockout.
        self.click_link("Troubleshoot MFA")
        self.expect_text("Re-sync")
        self.type("#code1", self.code(seed))
        self.advance(30)
        self.type("#code2", self.code(seed))
        self.click_button("Re-sync authentication device")
        self.expect_text("MFA device root-mfa is resynchronized, and any lockout is lifted.")
        self.shot("resynced")

        # Then a fresh code signs in with MFA.
        self.advance(30)
        self.type("#code", self.code(seed), enter=True)
        # Step 16: the security status turns green for root.
        self.expect_text("IAM dashboard")
        self.expect_text("2 out of 5 complete.")
        check("signed in with MFA" in self.find("header").text, "the session is not an MFA session")
        self.step("Complete: 16 of 16 steps")
        self.expect_text("Lesson complete:")
        for item in ["status-root-access-keys", "status-root-mfa"]:
            check("Complete:" in self.find(f"#{item}").text, f"{item} is not complete")
        self.shot("dashboard-green", docs="dashboard-green.png")

        # The instructor's class progress, behind the token.
        self.open("/console/instructor")
        self.type("#token", TOKEN, enter=True)
        self.expect_text("Class progress")
        self.expect_text("Complete")
        self.shot("class-progress", docs="class-progress.png")

        # The shell sees the same progress.
        lesson = self.cli("lesson")
        check("Lesson complete" in lesson, f"iamsim lesson says:\n{lesson}")

        # No Content-Security-Policy violation, nor any script error, on any page.
        # (Refused forms answer 4xx on purpose: Chromium logs those as failed loads.)
        problems = [entry["message"] for entry in self.driver.get_log("browser")
                    if ("Content Security Policy" in entry["message"] or entry["level"] == "SEVERE")
                    and "the server responded with a status of 4" not in entry["message"]]
        check(not problems, "the browser reported:\n" + "\n".join(problems))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-path", default=".build/debug")
    parser.add_argument("--docs-images", default=None)
    options = parser.parse_args()
    artifacts = os.environ.get("IAMSIM_BROWSER_ARTIFACTS") or tempfile.mkdtemp(prefix="iamsim-browser-artifacts-")
    os.makedirs(artifacts, exist_ok=True)
    if options.docs_images:
        os.makedirs(options.docs_images, exist_ok=True)
    walk = Walk(options.build_path, artifacts, options.docs_images)
    started = time.monotonic()
    try:
        walk.start()
        walk.run()
    except Exception as error:  # noqa: BLE001 - any failure is reported the same way
        if walk.driver:
            walk.shot("failure")
        print(f"browser test: FAILED at {walk.driver.current_url if walk.driver else 'start'}: {error}")
        print(f"browser test: screenshots in {artifacts}")
        print("0 passed, 1 failed")
        return 1
    finally:
        walk.stop()
    print(f"browser test: the 16 steps passed in {time.monotonic() - started:.1f} s; "
          f"{walk.shots} screenshots in {artifacts}")
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
