"""``rightspath build-web``: stage the bundle, run pygbag on it offline, collect ``build/web/``.

pygbag is run as a child process on the staged copy only, from a scratch folder holding our
template and icon (it resolves ``--template``/``--icon`` against its working directory and would
otherwise try to download them forever), with ``black`` made unimportable (pygbag reformats the
sources it packs when it finds black) and with a time limit.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from game.errors import UserError
from game.webbuild.outdir import check_replaceable, discard, make_temp, resolve_out, swap_into_place
from game.webbuild.stage import APP_NAME, ROOT, stage

TITLE = "RightsPath"
DEFAULT_CDN = "https://pygame-web.github.io/cdn/0.9.3/"
BUDGET_BYTES = 1_500_000  # the .tar.gz the browser downloads, all scenarios, fonts and code
DEFAULT_TIMEOUT = 300

# Runs pygbag's __main__ with black hidden: a None entry in sys.modules makes `import black` fail.
_BOOTSTRAP = (
    "import runpy, sys; sys.modules['black'] = None; "
    "runpy.run_module('pygbag', run_name='__main__', alter_sys=True)"
)
VOTE_PAGE = "vote.html"
OUTPUTS = ("index.html", "favicon.png", f"{APP_NAME}.tar.gz", f"{APP_NAME}.apk")


@dataclass
class BuildReport:
    web_dir: Path
    stage_dir: Path
    files: list[str] = field(default_factory=list)  # staged files, relative
    stories: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # besides English
    archive_bytes: int = 0
    apk_bytes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        kb = self.archive_bytes / 1000
        budget = BUDGET_BYTES / 1000
        return (
            f"built {self.web_dir} in {self.seconds:.1f} s: {len(self.files)} files, "
            f"{len(self.stories)} stories ({', '.join(self.stories)}), "
            f"languages {', '.join(['en'] + self.languages)}; "
            f"{APP_NAME}.tar.gz {kb:.0f} kB of {budget:.0f} kB budget, {APP_NAME}.apk {self.apk_bytes / 1000:.0f} kB"
        )


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run_pygbag(app_dir: Path, work_dir: Path, *, cdn: str, timeout: float, python: str) -> None:
    """Run ``pygbag --build`` on ``app_dir`` from ``work_dir`` (which holds template and icon)."""
    cmd = [
        python, "-c", _BOOTSTRAP,
        "--build", "--no_opt",
        "--template", "template.html",
        "--icon", "icon.png",
        "--title", TITLE,
        "--can_close", "1",
        "--cdn", cdn,
        str(app_dir),
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        proc = subprocess.run(cmd, cwd=work_dir, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or ""
        if isinstance(out, bytes):  # TimeoutExpired keeps bytes even in text mode
            out = out.decode("utf-8", "replace")
        raise UserError(f"pygbag did not finish within {timeout:.0f} s; last output:\n{_tail(out)}", 1) from None
    except FileNotFoundError:
        raise UserError(f"cannot run {python}", 2) from None
    if "No module named pygbag" in proc.stderr:
        raise UserError("pygbag is not installed: pip install -e '.[web]'", 2)
    if proc.returncode != 0:
        raise UserError(f"pygbag failed (exit {proc.returncode}):\n{_tail(proc.stdout + proc.stderr)}", 1)


def check_archive(path: Path, expected: list[str]) -> None:
    """The archive must hold exactly the staged files (under pygbag's ``assets/`` prefix)."""
    with tarfile.open(path, "r:*") as tar:
        names = sorted(m.name for m in tar.getmembers() if m.isfile())
    want = sorted(f"assets/{name}" for name in expected)
    if names != want:
        extra = sorted(set(names) - set(want))
        missing = sorted(set(want) - set(names))
        raise UserError(f"{path.name}: unexpected contents; extra {extra}, missing {missing}", 1)


def build_web(
    *,
    root: Path = ROOT,
    out_dir: Path | None = None,
    scenarios_dir: Path | None = None,
    cdn: str = DEFAULT_CDN,
    timeout: float = DEFAULT_TIMEOUT,
    python: str = sys.executable,
) -> BuildReport:
    started = time.perf_counter()
    if not cdn.startswith(("https://", "http://")) or not cdn.endswith("/"):
        raise UserError(f"--cdn {cdn!r}: give the runtime folder's full URL, ending with '/'", 2)
    build_root = root / "build"
    template, icon = build_root / "template.html", build_root / "icon.png"
    for needed in (template, icon):
        if not needed.is_file():
            raise UserError(f"{needed}: missing (it is committed with the project)", 2)
    check_timeout(timeout)
    out = resolve_out(out_dir or build_root)  # tests build elsewhere so parallel runs never share a folder
    check_replaceable(out)
    created_out = not out.exists()
    temp = make_temp(out)
    try:
        report = _build_in(temp, root=root, scenarios_dir=scenarios_dir, template=template, icon=icon,
                           cdn=cdn, timeout=timeout, python=python)
        swap_into_place(temp, out)
    except BaseException:
        discard(temp)
        if created_out:
            _remove_if_empty(out)
        raise
    discard(temp)
    report.web_dir, report.stage_dir = out / "web", out / "stage" / APP_NAME
    report.seconds = time.perf_counter() - started
    return report


def check_timeout(timeout: float) -> None:
    if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and timeout > 0):
        raise UserError(f"--timeout {timeout:g}: give a number of seconds greater than 0", 2)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _build_in(temp: Path, *, root: Path, scenarios_dir: Path | None, template: Path, icon: Path, cdn: str,
              timeout: float, python: str) -> BuildReport:
    """Stage, run pygbag and collect its outputs in ``temp/stage`` and ``temp/web``; check them."""
    stage_root, web_dir = temp / "stage", temp / "web"
    app_dir = stage_root / APP_NAME
    staged = stage(app_dir, scenarios_dir or root / "scenarios", source_root=root)

    work_dir = stage_root / "pygbag-run"
    work_dir.mkdir(parents=True)
    shutil.copyfile(template, work_dir / "template.html")
    shutil.copyfile(icon, work_dir / "icon.png")
    run_pygbag(app_dir, work_dir, cdn=cdn, timeout=timeout, python=python)

    produced = app_dir / "build" / "web"
    web_dir.mkdir(parents=True)
    for name in OUTPUTS:
        src = produced / name
        if not src.is_file():
            raise UserError(f"pygbag did not produce {name}", 1)
        shutil.copyfile(src, web_dir / name)

    vote_page = template.with_name(VOTE_PAGE)  # the phones' page of a live room (issue 18): no runtime
    if vote_page.is_file():
        from game.webbuild.votepage import write_vote_page  # its words in every catalogue's language

        write_vote_page(vote_page, web_dir / VOTE_PAGE)

    index = (web_dir / "index.html").read_text(encoding="utf-8")
    if "{{cookiecutter." in index:
        raise UserError("index.html: template keys were left unfilled", 1)
    archive = web_dir / f"{APP_NAME}.tar.gz"
    check_archive(archive, staged.files)

    report = BuildReport(
        web_dir=web_dir,
        stage_dir=app_dir,
        files=staged.files,
        stories=staged.stories,
        languages=staged.languages,
        archive_bytes=archive.stat().st_size,
        apk_bytes=(web_dir / f"{APP_NAME}.apk").stat().st_size,
    )
    if report.archive_bytes > BUDGET_BYTES:
        raise UserError(
            f"{APP_NAME}.tar.gz: {report.archive_bytes / 1000:.0f} kB is over the "
            f"{BUDGET_BYTES / 1000:.0f} kB budget", 1
        )
    return report
