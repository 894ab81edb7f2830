"""Load, validate and lint one file: the pipeline every authoring command shares.

The stages stop at the first one that fails (a file that is not YAML has no schema errors worth
showing; a scenario with the wrong shape cannot be linted), so an author fixes things in order.
"""

from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from game.authoring import lint, schema_errors
from game.authoring.diagnostics import Diagnostic, apply_strict, did_you_mean, unique_sorted
from game.authoring.glyphs import undrawable
from game.authoring.citeplaces import cited_out_of_place
from game.authoring.models import Catalogue, Scenario
from game.authoring.unused import unused
from game.authoring.yamlload import LoadError, Loaded, load_file

RIGHTS_FOLDER = "rights"


@dataclass
class Checked:
    """The outcome of checking a file: the model when it got that far, and all diagnostics."""

    path: str
    loaded: Loaded | None = None
    model: Scenario | Catalogue | None = None
    catalogues: dict[str, Catalogue] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(d.severity == "error" for d in self.diagnostics)


def _load_and_validate(path: str, model_class):
    """(loaded, model, diagnostics). Raises SourceError when the file cannot be read."""
    try:
        loaded = load_file(path)
    except LoadError as exc:
        return None, None, [exc.diagnostic]
    try:
        model = model_class.model_validate(loaded.data)
    except ValidationError as exc:
        return loaded, None, schema_errors.diagnostics_from(exc, loaded, model_class) + loaded.notes
    return loaded, model, list(loaded.notes)


def check_catalogue(path: str) -> Checked:
    result = Checked(str(path))
    result.loaded, result.model, result.diagnostics = _load_and_validate(str(path), Catalogue)
    if result.model is not None:
        result.diagnostics += lint.lint_catalogue(result.model, result.loaded)
    result.diagnostics = unique_sorted(result.diagnostics)
    return result


def catalogue_path(scenario_path: str, catalogue_id: str) -> Path:
    return Path(scenario_path).parent / RIGHTS_FOLDER / f"{catalogue_id}.yaml"


def _not_a_file(path: Path) -> str | None:
    """Why something at ``path`` is not a catalogue file ('is a folder, not a file'), or None if nothing is there."""
    if path.is_symlink() and not path.exists():
        return f"is a link to {os.readlink(path)}, which does not exist"
    if not path.exists():
        return None
    return f"is {_kind_of(path)}, not a file"


def _kind_of(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        return "a link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


@contextmanager
def gc_paused():
    """The cyclic garbage collector paused for a burst of allocation, and restored as it was after.

    Loading, validating and lowering a scenario make hundreds of thousands of dicts, lists and
    models that all stay alive to the end, so every collection the collector starts on the way
    finds nothing to free: it took 14 % of a 1,000-node compile, 20 % at 5,000 and 36 % at 20,000.
    CPython's ``gc`` documentation suggests pausing it for such a workload; the few cycles made
    meanwhile are collected by the first collection after it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_scenario(path: str, *, strict: bool = False) -> Checked:
    """Everything about one scenario file. Catalogues are read from ``rights/`` beside it."""
    with gc_paused():
        return _check_scenario(path, strict=strict)


def _check_scenario(path: str, *, strict: bool = False) -> Checked:
    result = Checked(str(path))
    result.loaded, model, result.diagnostics = _load_and_validate(str(path), Scenario)
    if model is None:
        return result
    catalogues: dict[str, Catalogue] | None = {}
    loaded_catalogues: dict[str, tuple[Catalogue, Loaded]] = {}
    for i, catalogue_id in enumerate(model.rights):
        cat_path = catalogue_path(path, catalogue_id)
        if not cat_path.is_file():
            folder = cat_path.parent
            present = sorted(p.stem for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []
            line, col = result.loaded.pos(("rights", i))
            not_a_file = _not_a_file(cat_path)
            if not_a_file:  # it is there, but cannot be a catalogue: 'did you mean <the same name>' would mislead
                message = f"the rights catalogue '{catalogue_id}' at {cat_path} {not_a_file}"
                kind = _kind_of(cat_path).removeprefix("a ").removeprefix("not a ")
                hint = f"move that {kind} out of the way and put the catalogue's YAML in a file named {cat_path.name}"
            else:
                message = f"no rights catalogue '{catalogue_id}' (looked for {cat_path})"
                hint = did_you_mean(catalogue_id, present) or (
                    f"catalogues here: {', '.join(present)}" if present
                    else "put the catalogue in a 'rights' folder beside the scenario")
            result.diagnostics.append(Diagnostic(str(path), line, col, "error", "E311", message, hint))
            catalogues = None
            continue
        checked = check_catalogue(str(cat_path))
        if checked.ok and catalogues is not None:
            catalogues[catalogue_id] = checked.model
            loaded_catalogues[catalogue_id] = (checked.model, checked.loaded)
        else:
            # The catalogue's own problems are reported against its own file.
            result.diagnostics += checked.diagnostics
            catalogues = None
    if catalogues is not None:
        result.diagnostics += lint.duplicate_rights(loaded_catalogues)
    result.diagnostics += lint.lint_scenario(model, result.loaded, catalogues)
    result.diagnostics += unused(model, result.loaded)
    result.diagnostics += undrawable(result.loaded)
    if catalogues is not None:  # W440: a right cited outside the stages/actors its entry names
        result.diagnostics += cited_out_of_place(model, result.loaded, loaded_catalogues)
    result.model = model
    result.catalogues = catalogues or {}
    result.diagnostics = unique_sorted(apply_strict(result.diagnostics, strict))
    return result
