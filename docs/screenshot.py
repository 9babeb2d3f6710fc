"""Take a screenshot of the HTML graph: headless Chromium, offline, 1400x900.

Usage (from the repository root, with Debian's chromium and chromium-driver installed):

    .venv/bin/kg build seeds -o /tmp/seeds
    .venv/bin/python docs/screenshot.py /tmp/seeds/graph.html docs/graph.png --select "Ilham Aliyev"

Without --select the picture is the page's first view (its overview). With it, that entity is
clicked: its neighbourhood is drawn and the panel shows its sources. The page's time to
interactive (ms after navigation began) is printed.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

# No network at all: a proxy at a dead port, and none of Chromium's own background traffic.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--select", help="an entity to click (its neighbourhood is drawn, the panel shows its sources)")
    parser.add_argument("--zoom", type=float, default=None,
                        help="also centre the selected entity at this scale (default: leave the view as it is)")
    parser.add_argument("--size", default="1400,900")
    args = parser.parse_args()

    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for flag in FLAGS + [f"--window-size={args.size}"]:
        opts.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        opts.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
        try:
            width, height = (int(x) for x in args.size.split(","))
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
            # no gliding views: a headless browser may pause an animation half-way
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
            driver.get(args.page.resolve().as_uri())
            deadline = time.time() + 30
            while not driver.execute_script("return !!(window.kg && kg.ready)"):
                if time.time() > deadline:
                    raise SystemExit("the page did not become ready in 30 s")
                time.sleep(0.05)
            ready = driver.execute_script("return kg.readyMs")
            if args.select:
                hit = driver.execute_script("var h = kg.find(arguments[0], 1); return h.length ? h[0].n.id : null",
                                            args.select)
                if hit is None:
                    raise SystemExit(f"no entity named {args.select!r}")
                if args.zoom:
                    driver.execute_script("kg.select(arguments[0], {scale: arguments[1]})", hit, args.zoom)
                else:
                    driver.execute_script("kg.select(arguments[0], {focus: false})", hit)
            time.sleep(0.8)
            args.png.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.png))
            drawn = driver.execute_script("return kg.drawn().length")
            print(f"Wrote {args.png} (interactive {ready} ms after navigation began; {drawn} entities drawn)")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
