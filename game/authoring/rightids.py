"""What to tell an author whose cited right id is in none of the listed catalogues (E307).

Three mistakes look alike and need different fixes: an id without its catalogue's prefix ('20(3)'
meant as '2011/93:20(3)'), an id from a catalogue the scenario does not list in 'rights:', and a
plain misspelling. The catalogues not listed are the ones in the scenario's rights folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from game.authoring.diagnostics import did_you_mean
from game.authoring.yamlload import LoadError, SourceError, load_file

RIGHTS_FOLDER = "rights"  # the same folder checking.catalogue_path reads


def unlisted_catalogues(scenario_path: str, listed: Iterable[str]) -> dict[str, tuple[str, set[str]]]:
    """{catalogue id: (prefix, right ids)} of the readable catalogues beside the scenario that
    'rights:' does not list. Broken ones are left out: they are not what the author cited."""
    folder = Path(scenario_path).parent / RIGHTS_FOLDER
    found: dict[str, tuple[str, set[str]]] = {}
    if not folder.is_dir():
        return found
    listed = set(listed)
    for path in sorted(folder.glob("*.yaml")):
        if path.stem in listed or not path.is_file():
            continue
        try:
            data = load_file(str(path)).data
        except (LoadError, SourceError):
            continue
        rights = data.get("rights")
        if not isinstance(rights, list):
            continue
        ids = {r["id"] for r in rights if isinstance(r, dict) and isinstance(r.get("id"), str)}
        prefix = data.get("prefix") if isinstance(data.get("prefix"), str) else ""
        if ids:
            found[str(data.get("id") or path.stem)] = (prefix, ids)
    return found


def unknown_right_hint(right: str, catalogues: dict, scenario_path: str) -> str:
    """The hint for E307 about ``right``; ``catalogues`` maps listed catalogue ids to their models."""
    listed = {cid: (cat.prefix or "", {r.id for r in cat.rights}) for cid, cat in catalogues.items()}
    known = {rid for _, ids in listed.values() for rid in ids}
    others = None

    def unlisted():
        nonlocal others
        if others is None:
            others = unlisted_catalogues(scenario_path, catalogues)
        return others

    # 1. An id of a catalogue that is not listed: listing it is the fix.
    for cid, (_, ids) in unlisted().items():
        if right in ids:
            return f"'{right}' is in {cid}, which 'rights:' does not list: add {cid} to 'rights:'"
    # 2. The prefix left out: '20(3)' for '2011/93:20(3)'.
    if ":" not in right:
        for cid, (prefix, ids) in listed.items():
            if prefix and prefix + right in ids:
                return f"did you mean '{prefix}{right}'? ids from {cid} carry its prefix '{prefix}'"
        for cid, (prefix, ids) in unlisted().items():
            if prefix and prefix + right in ids:
                return (f"did you mean '{prefix}{right}'? it is in {cid}: add {cid} to 'rights:' and cite it "
                        "with its prefix")
    # 3. A prefix on an id whose catalogue has none ('2012/29:3(2)' for '3(2)').
    if ":" in right:
        bare = right.split(":", 1)[1]
        for cid, (prefix, ids) in listed.items():
            if not prefix and bare in ids:
                return f"did you mean '{bare}'? ids from {cid} are cited without a prefix"
    return did_you_mean(right, known) or "cite an id exactly as the catalogue lists it"
