"""Requests per second as production serves the pages: gunicorn with 2 workers (DEBUG off, static
files collected) on the bench database, driven by wrk at fixed concurrency with no think time,
each page warmed up first. wrk is Debian's package (scripts/system-packages.sh installs it)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = Path(__file__).with_name("wrk_summary.lua")
WORKERS, THREADS, CONNECTIONS = 2, 2, 8
WARMUP_S, MEASURE_S = 3, 10


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn():
    """The application served on a free port of 127.0.0.1; yields its base address."""
    env = {
        **os.environ,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
    }
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    port = _free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "yos_tracker.wsgi", "--workers", str(WORKERS)),
            *("--bind", f"127.0.0.1:{port}", "--no-control-socket", "--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("gunicorn did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check(url: str, cookie: str) -> None:
    """A page measured must be the page itself, not a redirect to the sign-in page or an error."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")


def wrk(url: str, seconds: int, script: Path = SUMMARY, cookie: str = "") -> dict:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", str(script)]
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    out = subprocess.run([*command, *headers, url], capture_output=True, text=True, check=True)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    summary["rps"] = summary["requests"] / summary["seconds"]
    return summary


def rates(base: str, paths: dict[str, str], cookie: str) -> dict[str, dict]:
    """name → wrk's summary with "rps", for each path, measured one after another."""
    found = {}
    for name, path in paths.items():
        url = base + path
        check(url, cookie)
        wrk(url, WARMUP_S, cookie=cookie)
        summary = wrk(url, MEASURE_S, cookie=cookie)
        if summary["non_2xx_3xx"] or summary["socket_errors"]:
            raise RuntimeError(f"{url}: {summary}")
        found[name] = summary
    return found
