"""Web build figures: how long the offline pygbag build takes and how big the bundle is."""

from __future__ import annotations

import tempfile
from pathlib import Path

from game.webbuild.build import BUDGET_BYTES, build_web
from tests.web.conftest import scenarios_to_bundle


def bench() -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="rightspath-bench-") as tmp:
        report = build_web(out_dir=Path(tmp), scenarios_dir=scenarios_to_bundle())
        index_kb = (report.web_dir / "index.html").stat().st_size / 1000
    return {
        "build time (stage + pygbag)": f"{report.seconds:.2f} s",
        "rightspath.tar.gz": f"{report.archive_bytes / 1000:.0f} kB of {BUDGET_BYTES / 1000:.0f} kB budget "
                             f"({100 * report.archive_bytes / BUDGET_BYTES:.0f} %)",
        "rightspath.apk": f"{report.apk_bytes / 1000:.0f} kB",
        "index.html": f"{index_kb:.1f} kB",
        "files / stories": f"{len(report.files)} / {len(report.stories)} ({', '.join(report.stories)})",
    }
