"""The locks decide what a fresh machine installs: they must cover pyproject.toml, pin exact versions
with hashes, agree with each other on uv's version, and be what the running venv actually holds."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
PROJECT = canonicalize_name(PYPROJECT["project"]["name"])


def _pyproject_requirements() -> list[tuple[str | None, Requirement]]:
    """Every requirement pyproject.toml states, with the extra it belongs to (None: the core)."""
    found = [(None, Requirement(text)) for text in PYPROJECT["project"]["dependencies"]]
    for extra, texts in PYPROJECT["project"].get("optional-dependencies", {}).items():
        found += [(extra, Requirement(text)) for text in texts]
    return found


def _locked_packages() -> dict[str, list[dict]]:
    packages: dict[str, list[dict]] = {}
    for package in LOCK["package"]:
        packages.setdefault(canonicalize_name(package["name"]), []).append(package)
    return packages


def _root() -> dict:
    (root,) = _locked_packages()[PROJECT]
    return root


def _requires_dist_key(name: str, specifier: str, marker: str | None, extras) -> tuple:
    return (canonicalize_name(name), str(Requirement(f"x{specifier}").specifier), marker or "",
            tuple(sorted(extras or ())))


def test_lock_was_made_from_this_pyproject():
    """uv.lock records the requirements it was resolved for; they must be pyproject's, one for one.
    (Editing pyproject.toml without `make lock` fails here, and `uv sync --locked` refuses it too.)"""
    stated = set()
    for extra, req in _pyproject_requirements():
        marker = f"extra == '{extra}'" if extra else (str(req.marker) if req.marker else None)
        stated.add(_requires_dist_key(req.name, str(req.specifier), marker, req.extras))
    locked = {
        _requires_dist_key(item["name"], item.get("specifier", ""), item.get("marker"), item.get("extras"))
        for item in _root()["metadata"]["requires-dist"]
    }
    assert stated == locked, (
        f"uv.lock is stale: run `make lock`. Only in pyproject: {sorted(stated - locked)}; "
        f"only in uv.lock: {sorted(locked - stated)}"
    )


def test_every_requirement_is_locked_at_a_version_it_allows():
    packages = _locked_packages()
    for extra, req in _pyproject_requirements():
        name = canonicalize_name(req.name)
        if name == PROJECT:  # the dev extra names the others
            continue
        assert name in packages, f"{req} ({extra or 'core'}) is not in uv.lock: run `make lock`"
        for package in packages[name]:
            assert req.specifier.contains(Version(package["version"]), prereleases=True), (
                f"uv.lock pins {name} {package['version']}, which {req} does not allow"
            )


def test_every_locked_package_is_exact_and_hashed():
    for package in LOCK["package"]:
        if canonicalize_name(package["name"]) == PROJECT:
            assert package["source"] == {"editable": "."}
            continue
        assert "registry" in package["source"], f"{package['name']} comes from {package['source']}"
        Version(package["version"])  # exact, parseable
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        assert files, f"{package['name']} has no file in the lock"
        for file in files:
            assert re.fullmatch(r"sha256:[0-9a-f]{64}", file["hash"]), (package["name"], file)


def test_uv_is_one_version_everywhere():
    """The bootstrap file installs uv before uv can sync; it must be the uv the lock and pyproject name."""
    locked = {p["version"] for p in _locked_packages()["uv"]}
    bootstrap = (ROOT / "requirements" / "bootstrap.txt").read_text(encoding="utf-8")
    (pinned,) = re.findall(r"^uv==(\S+) \\$", bootstrap, re.M)
    assert re.findall(r"--hash=sha256:[0-9a-f]{64}", bootstrap)
    required = PYPROJECT["tool"]["uv"]["required-version"]
    assert locked == {pinned}
    assert required == f"=={pinned}"


def _hashed_requirements(path: Path) -> dict[str, tuple[str, str]]:
    """name -> (version, marker) of a `uv pip compile --generate-hashes` file; every entry hashed."""
    entries = {}
    text = path.read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\S)", text):
        first = block.splitlines()[0] if block.strip() else ""
        if not first or first.startswith("#"):
            continue
        match = re.match(r"([A-Za-z0-9._-]+)==(\S+)(?: ; (.*?))? \\$", first)
        assert match, f"{path.name}: not an exact pin: {first!r}"
        assert "--hash=sha256:" in block, f"{path.name}: {match[1]} has no hash"
        entries[canonicalize_name(match[1])] = (match[2], match[3] or "")
    return entries


def test_lrs_lock_covers_its_inputs():
    locked = _hashed_requirements(ROOT / "requirements" / "lrs.txt")
    for line in (ROOT / "requirements" / "lrs.in").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        req = Requirement(line)
        name = canonicalize_name(req.name)
        assert name in locked, f"{req} is not in requirements/lrs.txt: run `make lock`"
        assert req.specifier.contains(Version(locked[name][0]), prereleases=True)


def test_this_venv_holds_exactly_the_lock():
    """What `make setup` installed is what uv.lock says, package by package (for this platform)."""
    env = default_environment()
    wanted: dict[str, set[str]] = {}
    for name, packages in _locked_packages().items():
        if name == PROJECT:
            continue
        for package in packages:
            wanted.setdefault(name, set()).add(package["version"])
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    # Every package of the dev install is locked at the version installed.
    for name, version in installed.items():
        if name in (PROJECT, "pip", "setuptools"):
            continue
        assert name in wanted, f"{name} {version} is installed but not in uv.lock (installed by hand?)"
        assert version in wanted[name], f"{name} {version} installed; uv.lock has {sorted(wanted[name])}"
    # And every requirement pyproject states for the dev install is there.
    for extra, req in _pyproject_requirements():
        if canonicalize_name(req.name) == PROJECT:
            continue
        if req.marker and not req.marker.evaluate(env):
            continue
        assert canonicalize_name(req.name) in installed, f"{req} is not installed: run `make setup`"
