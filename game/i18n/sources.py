"""Find and load what gets translated: scenario files and the rights catalogues they use.

Extraction works on any scenario the schema accepts, even one with lint errors (a draft still
being written), because its texts are what a translator needs; a file the schema refuses is a
content error reported with the authoring diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.authoring.checking import catalogue_path, check_catalogue, check_scenario
from game.authoring.diagnostics import render_text
from game.authoring.models import Catalogue, Scenario
from game.authoring.yamlload import SourceError
from game.errors import UserError
from game.i18n.units import Unit, catalogue_units, scenario_units

SCENARIOS_DIR = Path("scenarios")


@dataclass
class Source:
    """One translatable file: its YAML path, its units, and where its catalogues live."""

    path: Path
    kind: str  # "scenario" | "catalogue"
    id: str
    units: list[Unit]
    model: Scenario | Catalogue

    @property
    def pot_path(self) -> Path:
        return self.path.with_suffix(".pot")

    def po_path(self, lang: str) -> Path:
        return self.path.with_name(f"{self.path.stem}.{lang}.po")

    @property
    def project(self) -> str:
        """The catalogues' Project-Id-Version: ``rightspath <id>`` and, for a scenario, its version."""
        version = getattr(self.model, "version", "")
        return f"rightspath {self.id}" + (f" {version}" if self.kind == "scenario" else "")


def is_catalogue(path: Path) -> bool:
    return path.parent.name == "rights"


def load_source(path: Path) -> Source:
    """Load one scenario or catalogue. UserError 2 when unreadable, 1 when the schema refuses it."""
    try:
        checked = check_catalogue(str(path)) if is_catalogue(path) else check_scenario(str(path))
    except SourceError as exc:
        raise UserError(str(exc), 2) from None
    if checked.model is None:
        errors = [d for d in checked.diagnostics if d.severity == "error"]
        raise UserError(f"{path}: cannot extract its texts; fix these first:\n{render_text(errors)}", 1)
    if is_catalogue(path):
        return Source(path, "catalogue", checked.model.id, catalogue_units(checked.model, checked.loaded), checked.model)
    return Source(path, "scenario", checked.model.id, scenario_units(checked.model, checked.loaded), checked.model)


def scenario_files(folder: Path = SCENARIOS_DIR) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())


def catalogue_files(folder: Path = SCENARIOS_DIR) -> list[Path]:
    return sorted(p for p in (folder / "rights").glob("*.yaml") if p.is_file())


def resolve(paths: list[str]) -> list[Path]:
    """The files to work on: the named ones plus the catalogues each named scenario lists.

    No paths means every scenario under scenarios/ and every catalogue in scenarios/rights/.
    """
    if not paths:
        if not SCENARIOS_DIR.is_dir():
            raise UserError(f"{SCENARIOS_DIR}/: no such folder; run from the project folder or name the files", 2)
        return scenario_files() + catalogue_files()
    result: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = scenario_files(path) + catalogue_files(path)
            if not found:
                raise UserError(f"{raw}: no scenario .yaml files in this folder", 2)
            targets = found
        elif path.is_file():
            if path.suffix not in (".yaml", ".yml"):
                raise UserError(f"{raw}: not a scenario or catalogue .yaml file", 2)
            targets = [path]
            if not is_catalogue(path):
                targets += _listed_catalogues(path)
        else:
            raise UserError(f"{raw}: no such file or folder", 2)
        for target in targets:
            if target not in result:
                result.append(target)
    return result


def _listed_catalogues(path: Path) -> list[Path]:
    # Read the 'rights:' list cheaply through the full check (it already resolves catalogue paths).
    try:
        checked = check_scenario(str(path))
    except SourceError:
        return []
    if checked.model is None:
        return []
    return [p for p in (catalogue_path(str(path), c) for c in checked.model.rights) if p.is_file()]
