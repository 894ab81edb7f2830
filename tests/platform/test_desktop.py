"""The desktop platform: where data goes, atomic saves, setting aside, downloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.platform import StorageError, get_platform
from game.platform.desktop import DesktopPlatform, default_data_dir


def test_data_dir_follows_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("RIGHTSPATH_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "rightspath"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_data_dir() == tmp_path / "home" / ".local" / "share" / "rightspath"
    monkeypatch.setenv("RIGHTSPATH_DATA_DIR", str(tmp_path / "override"))
    p = get_platform()
    assert p.name == "desktop"
    assert Path(p.data_dir) == tmp_path / "override"


def test_save_load_delete_keys(tmp_path):
    p = DesktopPlatform(data_dir=tmp_path)
    assert p.load("run-a") is None
    p.save("run-a", "één ✓")
    p.save("prefs", "{}")
    assert p.load("run-a") == "één ✓"
    assert p.keys() == ["prefs", "run-a"]
    p.save("run-a", "second")
    assert p.load("run-a") == "second"
    p.delete("run-a")
    p.delete("run-a")  # deleting twice is fine
    assert p.keys() == ["prefs"]
    # No temporary files are left behind.
    assert [f.name for f in (tmp_path / "saves").iterdir()] == ["prefs.json"]


@pytest.mark.parametrize("key", ["../x", "a/b", "", "UPPER", "x" * 100, "with space"])
def test_bad_keys_are_refused(tmp_path, key):
    with pytest.raises(StorageError):
        DesktopPlatform(data_dir=tmp_path).save(key, "x")


def test_save_failure_is_a_storage_error_and_keeps_the_old_value(tmp_path):
    p = DesktopPlatform(data_dir=tmp_path)
    p.save("run-a", "old")
    # Make the write fail the same way for root and users: the target name is taken by a folder.
    (tmp_path / "saves" / "run-b.json").mkdir()
    with pytest.raises(StorageError) as err:
        p.save("run-b", "new")
    assert "run-b" in str(err.value)
    assert p.load("run-a") == "old"
    assert sorted(f.name for f in (tmp_path / "saves").iterdir()) == ["run-a.json", "run-b.json"]


def test_set_aside_moves_and_never_overwrites(tmp_path):
    p = DesktopPlatform(data_dir=tmp_path)
    assert p.set_aside("run-a") is None
    p.save("run-a", "broken 1")
    first = p.set_aside("run-a")
    p.save("run-a", "broken 2")
    second = p.set_aside("run-a")
    assert first != second
    assert Path(first).read_text() == "broken 1"
    assert Path(second).read_text() == "broken 2"
    assert p.load("run-a") is None


def test_download_writes_into_results_with_unique_safe_names(tmp_path):
    p = DesktopPlatform(data_dir=tmp_path)
    a = p.download("result.json", "{}")
    b = p.download("result.json", "{\"x\": 1}")
    c = p.download("../../evil name.json", "x")
    assert Path(a).parent == tmp_path / "results"
    assert a != b and Path(b).read_text() == "{\"x\": 1}"
    assert Path(c).parent == tmp_path / "results" and " " not in Path(c).name
    assert p.url_params() == {}
    assert DesktopPlatform(data_dir=tmp_path, params={"mode": "facilitated"}).url_params() == {"mode": "facilitated"}
