"""Engine figures: story load time and choose() time on the synthetic 5,000-node story of the
authoring bench, compiled by the real compiler."""

from __future__ import annotations

import json
import statistics
import time

from game.engine import Run, Story


def compiled_synthetic() -> bytes:
    """The 5,000-node scenario of the authoring bench, compiled by the real compiler."""
    import tempfile
    from pathlib import Path

    from tests.bench import authoring

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "rights").mkdir()
        (root / "rights" / "bench-rights.yaml").write_text(authoring.CATALOGUE, encoding="utf-8")
        path = root / "bench.yaml"
        path.write_text(authoring.synthetic_scenario(), encoding="utf-8")
        story, diagnostics = authoring.compile_path(str(path))
        assert story is not None, [d.render() for d in diagnostics[:5]]
        return authoring.to_bytes(story)


def _median(fn, runs: int = 7) -> tuple[float, float]:
    """Median wall and CPU seconds of ``fn()``; CPU time is the fairer figure on a shared machine."""
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def bench() -> dict[str, str]:
    raw = compiled_synthetic()
    story = Story.from_json(raw)
    load_w, load_c = _median(lambda: Story.from_json(raw))
    parse_w, parse_c = _median(lambda: json.loads(raw))
    hash_w, hash_c = _median(lambda: Story.from_json(raw, verify_hash=True))
    run = Run(story)
    times = []
    turn = 0
    while not run.ended:
        if run.kind == "scene":
            run.advance()
            continue
        enabled = [c.id for c in run.choices() if c.enabled]
        cid = enabled[turn % len(enabled)]
        turn += 1
        t = time.perf_counter()
        run.choose(cid)
        times.append(time.perf_counter() - t)
    save_w, _ = _median(run.to_json, 3)
    saved = run.to_json()
    resume_w, resume_c = _median(lambda: Run.from_json(story, saved), 3)
    return {
        "story": f"{len(story.nodes)} nodes, compiled by the real compiler ({len(raw) / 1024:.0f} KiB JSON)",
        "story load as the game does it": f"{load_c * 1000:.1f} ms CPU, {load_w * 1000:.1f} ms wall "
                                          f"(target <= 50 ms; json.loads alone {parse_c * 1000:.1f} ms CPU)",
        "story load with hash verification": f"{hash_c * 1000:.1f} ms CPU, {hash_w * 1000:.1f} ms wall",
        "choose() median": f"{statistics.median(times) * 1e6:.1f} µs  (target <= 50 µs; n={len(times)})",
        "choose() p99": f"{sorted(times)[int(len(times) * 0.99)] * 1e6:.1f} µs",
        "save of a finished run": f"{save_w * 1000:.1f} ms ({len(saved) / 1024:.0f} KiB)",
        "resume (replay-verified)": f"{resume_c * 1000:.1f} ms CPU, {resume_w * 1000:.1f} ms wall",
    }
