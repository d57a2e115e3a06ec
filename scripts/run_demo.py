"""Run the web app, a Celery worker and Celery beat together for `make demo`; Ctrl-C stops all three.

Ctrl-C must end `make demo` with status 0: the terminal sends SIGINT to its foreground process group,
which holds make too (make then dies of the signal: "make: *** Error"/"Interrupt"). So this script
makes its own process group the terminal's foreground group (Ctrl-C reaches only it), starts the
three processes in sessions of their own, stops them with SIGTERM, and gives the terminal back.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _take_terminal() -> tuple[int, int] | None:
    """Become the terminal's foreground process group; returns (tty fd, previous group) to restore."""
    try:
        fd = sys.stdin.fileno()
        if not os.isatty(fd):
            return None
        previous = os.tcgetpgrp(fd)
        if os.getpgrp() != os.getpid():
            os.setpgid(0, 0)
        signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # a background group may not set the foreground
        os.tcsetpgrp(fd, os.getpgrp())
        return fd, previous
    except (OSError, ValueError):
        return None


def _give_back(terminal: tuple[int, int] | None) -> None:
    if terminal is not None:
        with contextlib.suppress(OSError):
            os.tcsetpgrp(*terminal)


def main() -> int:
    terminal = _take_terminal()
    try:
        return _run()
    finally:
        _give_back(terminal)


def _run() -> int:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    level = os.environ.get("LOTSE_LOG_LEVEL", "WARNING")
    commands = {
        "web": [str(BIN / "lotse"), "run", "--host", "127.0.0.1", "--port", os.environ.get("PORT", "5000")],
        "worker": [sys.executable, "-m", "celery", "-A", "workers", "worker", f"--loglevel={level}", "--concurrency=2"],
        "beat": [sys.executable, "-m", "celery", "-A", "workers", "beat", f"--loglevel={level}"],
    }
    # own sessions: Ctrl-C reaches only this script, which stops them in order (no half-dead children)
    procs = {name: subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True) for name, cmd in commands.items()}
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
