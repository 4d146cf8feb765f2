#!/usr/bin/env python3
"""Reads the built book the way a learner does: in a real browser.

Serves book/book on 127.0.0.1, opens every page in headless Chromium at
1280 px, and fails if a page logs a console error, asks for anything off
127.0.0.1, shows a broken picture, or has a table or code block wider than
its column; then checks that the sidebar numbers each lesson once and
that search finds "JoinSet".

Usage: check.py BOOK_DIR   (run by .ci/run after `mdbook build book`;
needs chromium, chromium-driver and the selenium package)
"""

import functools
import http.server
import json
import pathlib
import re
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WIDTH, HEIGHT = 1280, 900

# Elements wider than the box that shows them. A code block scrolls inside
# itself (so its own scrollWidth tells); a table sits in mdBook's
# .table-wrapper, which scrolls when the table is too wide.
OVERFLOW_JS = """
const out = [];
const wide = (el) => el.scrollWidth > el.clientWidth + 1;
for (const el of document.querySelectorAll('.content pre, .content pre > code')) {
  if (wide(el)) {
    const text = el.innerText.split('\\n').find(l => l.length > 0) || '';
    out.push('code block starting ' + JSON.stringify(text.slice(0, 60)) +
             ': ' + el.scrollWidth + ' px in ' + el.clientWidth + ' px');
  }
}
for (const el of document.querySelectorAll('.content .table-wrapper, .content table')) {
  if (wide(el)) {
    const head = el.querySelector('th, td');
    out.push('table starting ' + JSON.stringify(head ? head.innerText.slice(0, 40) : '') +
             ': ' + el.scrollWidth + ' px in ' + el.clientWidth + ' px');
  }
}
const main = document.querySelector('.content main');
if (main && main.scrollWidth > main.clientWidth + 1) {
  out.push('the page itself scrolls sideways: ' + main.scrollWidth + ' px');
}
return out;
"""

BROKEN_IMAGES_JS = """
return [...document.images]
  .filter(img => !img.complete || img.naturalWidth === 0)
  .map(img => img.getAttribute('src'));
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root):
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", f"--window-size={WIDTH},{HEIGHT}",
                # No phoning home: a request off 127.0.0.1 must be the book's.
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-features=Translate,OptimizationHints,MediaRouter"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def check_page(driver, base, page, problems):
    driver.get(base + page)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.2)  # let late scripts (search index, highlighting) run
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE":
            problems.append(f"{page}: console error: {entry['message']}")
    for url in requested_urls(driver):
        if not (url.startswith(base) or url.startswith("data:") or url.startswith("about:")):
            problems.append(f"{page}: a request off the machine: {url}")
    for src in driver.execute_script(BROKEN_IMAGES_JS):
        problems.append(f"{page}: a picture does not load: {src}")
    if page != "print.html":  # the print page lays out for paper, not 1280 px
        for what in driver.execute_script(OVERFLOW_JS):
            problems.append(f"{page}: overflows at {WIDTH} px: {what}")


def check_search(driver, base, problems):
    # mdBook 0.5 prefixes its ids with `mdbook-`; older versions do not.
    driver.get(base + "index.html")
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    try:
        toggle = driver.find_element(By.CSS_SELECTOR, "#mdbook-search-toggle, #search-toggle")
        toggle.click()
        bar = WebDriverWait(driver, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "#mdbook-searchbar, #searchbar"))
        bar.send_keys("JoinSet")
        WebDriverWait(driver, 10).until(lambda d: len(d.find_elements(
            By.CSS_SELECTOR, "#mdbook-searchresults li, #searchresults li")) > 0)
    except Exception as e:  # a missing element or no results: both say "broken"
        problems.append(f"search: no results for \"JoinSet\" ({type(e).__name__})")


SIDEBAR_JS = """
return [...document.querySelectorAll('.sidebar a, #mdbook-sidebar a, #sidebar a')]
  .map(a => a.innerText.trim())
  .filter(t => t.length > 0);
"""


def check_sidebar(driver, base, problems):
    # Chapter titles carry the lesson number; mdBook's own section numbers
    # ("12. 11 Internals") would put a second, different number beside it.
    driver.get(base + "index.html")
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    titles = driver.execute_script(SIDEBAR_JS)
    lessons = [t for t in titles if re.match(r"^\d\d ", t)]
    if len(lessons) < 17:
        problems.append(f"sidebar: {len(lessons)} titles start with a lesson number, expected 17: {titles}")
    for title in titles:
        if re.match(r"^\d+(\.\d+)*\.\s", title):
            problems.append(f"sidebar: a section number beside the title: {title!r}")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check.py BOOK_DIR (the output of `mdbook build book`)")
    root = pathlib.Path(sys.argv[1])
    pages = sorted(str(p.relative_to(root)) for p in root.glob("*.html") if p.name != "404.html")
    if "index.html" not in pages:
        sys.exit(f"error: {root} has no index.html; run `mdbook build book` first")
    server = serve(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    problems = []
    driver = browser()
    try:
        for page in pages:
            check_page(driver, base, page, problems)
        check_sidebar(driver, base, problems)
        check_search(driver, base, problems)
    finally:
        driver.quit()
        server.shutdown()
    if problems:
        print(f"browser check: {len(problems)} problem(s) in {len(pages)} pages:")
        for problem in problems:
            print("  -", problem)
        sys.exit(1)
    print(f"browser check: {len(pages)} pages load cleanly at {WIDTH} px, "
          "nothing leaves 127.0.0.1, every picture loads, the sidebar has one number "
          "per lesson, search finds JoinSet")


if __name__ == "__main__":
    main()
