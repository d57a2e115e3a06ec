"""Run the web app, a Celery worker and Celery beat together for `make demo`; Ctrl-C stops all three."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def main() -> int:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    commands = {
        "web": [str(BIN / "lotse"), "run", "--host", "127.0.0.1", "--port", os.environ.get("PORT", "5000")],
        "worker": [sys.executable, "-m", "celery", "-A", "workers", "worker", "--loglevel=INFO", "--concurrency=2"],
        "beat": [sys.executable, "-m", "celery", "-A", "workers", "beat", "--loglevel=INFO"],
    }
    procs = {name: subprocess.Popen(cmd, cwd=ROOT, env=env) for name, cmd in commands.items()}
    print("Lotse läuft auf http://127.0.0.1:5000 (web, worker, beat) – Strg-C beendet alles.", flush=True)

    def stop(*_: object) -> None:
        for proc in procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.time() + 15
        for proc in procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                proc.kill()

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    try:
        while True:
            for name, proc in procs.items():
                if proc.poll() is not None:
                    print(f"{name} exited with {proc.returncode}; stopping the others.", flush=True)
                    stop()
                    return proc.returncode or 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        stop()
        return 0


if __name__ == "__main__":
    sys.exit(main())
