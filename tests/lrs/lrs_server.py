"""A real Ralph LRS for tests and benchmarks, run from its own virtual environment (.venv-lrs).

``make lrs-setup`` creates .venv-lrs with ralph-malph[cli,lrs,backend-fs]. The server runs with the
filesystem backend in a temporary folder, on 127.0.0.1 and a free port, with basic-auth credentials
made by ``ralph auth``; it is stopped (its whole process group) when the test is done.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
VENV = REPO / ".venv-lrs"
RALPH = VENV / "bin" / "ralph"
PYTHON = VENV / "bin" / "python"
SITE = Path(__file__).resolve().parent / "ralph_site"


def available() -> bool:
    return RALPH.exists() and PYTHON.exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RalphServer:
    def __init__(self, workdir: Path, user: str = "facilitator", password: str = "s3cret-pass"):
        self.workdir = Path(workdir)
        self.user, self.password = user, password
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.process: subprocess.Popen | None = None
        self.log = self.workdir / "ralph.log"
        data = self.workdir / "data"
        data.mkdir(parents=True, exist_ok=True)
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(self.workdir / "app"),
            "RALPH_AUTH_FILE": str(self.workdir / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(data),
            "PYTHONPATH": str(SITE),
        }

    def start(self, wait: float = 60.0) -> "RalphServer":
        subprocess.run([str(RALPH), "auth", "-u", self.user, "-p", self.password, "-s", "all",
                        "-M", "mailto:facilitator@example.org", "-w"],
                       env=self.env, cwd=self.workdir, check=True, capture_output=True, timeout=120)
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [str(RALPH), "runserver", "-b", "fs", "-h", "127.0.0.1", "-p", str(self.port)],
                env=self.env, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ralph runserver exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2).status_code == 200:
                    return self
            except requests.exceptions.ConnectionError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"ralph runserver did not answer within {wait} s: {self.log.read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)  # the reloader and its server child
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self.process = None

    def statements(self, **params) -> list[dict]:
        """Everything stored, read straight from the LRS (not through our client)."""
        out, url, query = [], self.url + "statements", {"limit": 1000, **params}
        while url:
            r = requests.get(url, params=query, auth=(self.user, self.password),
                             headers={"X-Experience-API-Version": "1.0.3"}, timeout=30)
            r.raise_for_status()
            body = r.json()
            out.extend(body["statements"])
            more = body.get("more")
            url, query = (f"http://127.0.0.1:{self.port}{more}" if more else None), None
        return out
