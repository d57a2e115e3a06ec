"""Rate limits on public forms hold across gunicorn workers: the counters live in Redis, not in one
worker's memory. Runs a real gunicorn with two workers against the test database and Redis."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.ports import listening_socket

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="needs Redis (CI runs it with TEST_REDIS_URL)"),
]
ROOT = Path(__file__).resolve().parents[2]


def _subscribe(base: str, email: str) -> int:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/dortmund/newsletter", timeout=10).read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', page
    )
    data = urllib.parse.urlencode({"csrf_token": token.group(1), "email": email, "consent": "y"}).encode()
    try:
        return opener.open(f"{base}/dortmund/newsletter", data, timeout=10).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_subscribe_limit_holds_across_two_workers(app, world):
    # gunicorn serves on a socket this test bound (port 0) and hands over: no port race with other runs.
    listener = listening_socket()
    port = listener.getsockname()[1]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"fd://{listener.fileno()}",
            "saas:create_app()",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(listener.fileno(),),
    )
    listener.close()  # the server holds it now
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        # New connections each time: the two workers share the requests between them.
        statuses = [_subscribe(base, "viel.post@example.org") for _ in range(5)]
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert statuses[:3] == [200, 200, 200], statuses  # redirected to "please confirm"
    assert statuses[3:] == [429, 429], statuses
