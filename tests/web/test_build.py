"""The offline pygbag build: outputs, archive contents, size budget, and the source tree untouched."""

from __future__ import annotations

import tarfile
import zipfile

import pytest

from game.webbuild.build import BUDGET_BYTES, DEFAULT_CDN
from game.webbuild.stage import MAIN_TEMPLATE, ROOT, strip_source

pytestmark = pytest.mark.slow

FORBIDDEN_PARTS = ("authoring", "tests", "__pycache__", "yaml", "pydantic", "report", "webbuild", ".pytest_cache")
FORBIDDEN_SUFFIXES = (".yaml", ".yml", ".pyc", ".md", ".toml", ".sh")


def archive_names(report) -> list[str]:
    with tarfile.open(report.web_dir / "rightspath.tar.gz", "r:*") as tar:
        return sorted(m.name for m in tar.getmembers() if m.isfile())


def test_outputs_exist_and_template_is_filled(web_build):
    for name in ("index.html", "favicon.png", "rightspath.tar.gz", "rightspath.apk"):
        assert (web_build.web_dir / name).is_file(), name
    index = (web_build.web_dir / "index.html").read_text(encoding="utf-8")
    assert "{{cookiecutter." not in index
    assert f'src="{DEFAULT_CDN}pythons.js"' in index
    assert index.count('type="module"') == 1
    assert 'archive: "rightspath"' in index
    assert (web_build.web_dir / "favicon.png").read_bytes() == (ROOT / "build" / "icon.png").read_bytes()


def test_archive_holds_exactly_the_browser_files(web_build):
    names = archive_names(web_build)
    stories = {f"assets/stories/{sid}.pack" for sid in web_build.stories} | {"assets/stories/index.json"}
    assert stories and stories <= set(names)
    assert "assets/main.py" in names
    for package in ("engine", "ui", "platform"):
        assert f"assets/game/{package}/__init__.py" in names
    assert any(n.startswith("assets/assets/fonts/") and n.endswith(".ttf") for n in names)
    assert "assets/assets/fonts/LICENSE.txt" in names  # the font licence travels with the fonts
    for name in names:
        if name.startswith("assets/assets/locale/"):
            assert name.endswith(".json"), name  # compiled interface catalogues only, no .po
        elif name.startswith("assets/assets/"):
            assert name.endswith((".ttf", ".otf")) or "/LICENSE" in name, name  # no font-making scripts
    allowed_top = {"assets/main.py", "assets/game", "assets/stories", "assets/assets"}
    for name in names:
        parts = name.split("/")
        assert "/".join(parts[:2]) in allowed_top, name
        assert not any(p in FORBIDDEN_PARTS for p in parts), name
        assert not name.endswith(FORBIDDEN_SUFFIXES), name
        assert "-pygbag." not in name, name
    assert names == sorted(f"assets/{f}" for f in web_build.files)
    with zipfile.ZipFile(web_build.web_dir / "rightspath.apk") as apk:
        assert sorted(n for n in apk.namelist() if not n.endswith("/")) == names


def test_archive_holds_the_bulgarian_stories_and_interface(web_build):
    names = set(archive_names(web_build))
    assert web_build.stories
    for sid in web_build.stories:
        assert f"assets/stories/{sid}.bg.pack" in names, sid
    assert "assets/assets/locale/bg.json" in names
    assert not any("en-XA" in name for name in names)


def test_archive_is_within_budget(web_build):
    size = (web_build.web_dir / "rightspath.tar.gz").stat().st_size  # the run's summary prints it (conftest)
    assert size == web_build.archive_bytes
    assert 0 < size <= BUDGET_BYTES


def test_staged_sources_are_copied_byte_for_byte(web_build):
    # pygbag reformats what it packs when black is importable: the staged copy must be exactly what
    # the stage wrote (the sources without comments and docstrings, game.webbuild.stage.strip_source),
    # and the source tree untouched (no *-pygbag.* files next to our sources).
    assert (web_build.stage_dir / "main.py").read_bytes() == MAIN_TEMPLATE.read_bytes()
    for rel in web_build.files:
        if rel.startswith("game/"):
            assert (web_build.stage_dir / rel).read_bytes() == strip_source((ROOT / rel).read_bytes()), rel
    assert not list((ROOT / "game").rglob("*-pygbag.*"))
    assert not (ROOT / "game" / "build").exists()


def test_start_up_code_in_the_page_is_valid_python(web_build):
    """The Python inside the loader's script tag runs only in the browser: at least parse it here."""
    import ast
    import re

    index = (web_build.web_dir / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="module"[^>]*>#<!--\n(.*?)# --></script>', index, flags=re.S)
    assert len(blocks) == 1
    code = blocks[0]
    tree = ast.parse(code)
    assert "<script" not in code.lower() and "</script" not in code.lower()
    last = tree.body[-1]
    assert ast.unparse(last) == "asyncio.run(rp_start())"
    assert 'bundle = "rightspath"' in code
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    # The runtime's globals the start-up protocol relies on.
    assert {"PyConfig", "TopLevel_async_handler", "shell", "platform"} <= names
