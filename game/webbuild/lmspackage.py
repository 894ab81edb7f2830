"""``rightspath package``: the web build as a package a learning platform imports.

- ``--scorm12 OUT.zip``: imsmanifest.xml (SCORM 1.2, IMS CP 1.1.2) at the zip's root beside the web
  build's files; one item per scenario, all launching the one SCO ``index.html`` with
  ``parameters="?scenario=<id>"``, ``adlcp:masteryscore`` = the scenario's mastery in percent.
- ``--scorm2004 OUT.zip``: imsmanifest.xml (SCORM 2004 4th Edition, IMS CP 1.1) likewise; each item's
  primary objective is satisfied by measure at the scenario's mastery (``minNormalizedMeasure``).
- ``--cmi5 OUT.zip``: cmi5.xml (the cmi5 course structure, one AU per scenario, ``url`` relative
  ``index.html?scenario=<id>``, ``moveOn="Passed"``, ``masteryScore`` the scenario's mastery).

The page reports through the LMS's API (SCORM) or its xAPI endpoint (cmi5): build/template.html,
"Learning-platform launch"; docs/CONTRACTS.md §14.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr
from xml.sax.saxutils import escape as _esc

from game.errors import UserError

COURSE_IRI = "https://rightspath.eu/lms/course"
AU_IRI = "https://rightspath.eu/lms/scenarios/"
LAUNCH = "index.html"
CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
KINDS = ("scorm12", "scorm2004", "cmi5")


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    mastery: float  # 0..1


def entries_from(scenarios_dir: Path) -> list[Entry]:
    from game.report.stories import load_story

    files = sorted(p for p in Path(scenarios_dir).glob("*.yaml") if p.is_file())
    if not files:
        raise UserError(f"{scenarios_dir}: no scenario .yaml files to package", 2)
    out = []
    for path in files:
        story = load_story(path)
        out.append(Entry(story.id, str(story.title), float(story.mastery)))
    return out


def web_files(web_dir: Path) -> list[str]:
    web_dir = Path(web_dir)
    if not (web_dir / LAUNCH).is_file():
        raise UserError(f"{web_dir}: no {LAUNCH} here; run 'rightspath build-web' first (or give --web)", 2)
    return sorted(p.relative_to(web_dir).as_posix() for p in web_dir.rglob("*")
                  if p.is_file() and p.name not in ("imsmanifest.xml", "cmi5.xml"))


def _a(value) -> str:
    return quoteattr(str(value))


def manifest_scorm12(entries: list[Entry], files: list[str]) -> str:
    items = "".join(
        f'      <item identifier={_a("item-" + e.id)} identifierref="rightspath-sco" isvisible="true" '
        f'parameters={_a("?scenario=" + e.id)}>\n'
        f'        <title>{_esc(e.title)}</title>\n'
        f'        <adlcp:masteryscore>{round(e.mastery * 100)}</adlcp:masteryscore>\n'
        f'      </item>\n' for e in entries)
    listed = "".join(f"      <file href={_a(f)}/>\n" for f in files)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest identifier="rightspath-scorm12" version="1.0"\n'
        '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"\n'
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd '
        'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd '
        'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">\n'
        '  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n'
        '  <organizations default="rightspath">\n'
        '    <organization identifier="rightspath">\n      <title>RightsPath</title>\n'
        f'{items}'
        '    </organization>\n  </organizations>\n'
        '  <resources>\n'
        f'    <resource identifier="rightspath-sco" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH}">\n'
        f'{listed}'
        '    </resource>\n  </resources>\n</manifest>\n')


def manifest_scorm2004(entries: list[Entry], files: list[str]) -> str:
    items = "".join(
        f'      <item identifier={_a("item-" + e.id)} identifierref="rightspath-sco" isvisible="true" '
        f'parameters={_a("?scenario=" + e.id)}>\n'
        f'        <title>{_esc(e.title)}</title>\n'
        '        <imsss:sequencing>\n          <imsss:objectives>\n'
        f'            <imsss:primaryObjective objectiveID={_a("mastery-" + e.id)} satisfiedByMeasure="true">\n'
        f'              <imsss:minNormalizedMeasure>{e.mastery:.4f}</imsss:minNormalizedMeasure>\n'
        '            </imsss:primaryObjective>\n          </imsss:objectives>\n        </imsss:sequencing>\n'
        f'      </item>\n' for e in entries)
    listed = "".join(f"      <file href={_a(f)}/>\n" for f in files)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest identifier="rightspath-scorm2004" version="1"\n'
        '  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"\n'
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"\n'
        '  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"\n'
        '  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"\n'
        '  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"\n'
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd '
        'http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd '
        'http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd '
        'http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd '
        'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">\n'
        '  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n'
        '  </metadata>\n'
        '  <organizations default="rightspath">\n'
        '    <organization identifier="rightspath">\n      <title>RightsPath</title>\n'
        f'{items}'
        '    </organization>\n  </organizations>\n'
        '  <resources>\n'
        f'    <resource identifier="rightspath-sco" type="webcontent" adlcp:scormType="sco" href="{LAUNCH}">\n'
        f'{listed}'
        '    </resource>\n  </resources>\n</manifest>\n')


def course_structure_cmi5(entries: list[Entry]) -> str:
    def text(value: str) -> str:
        return f'<langstring lang="en">{_esc(value)}</langstring>'

    aus = "".join(
        f'  <au id={_a(AU_IRI + e.id)} moveOn="Passed" masteryScore="{e.mastery:.4f}" launchMethod="AnyWindow">\n'
        f'    <title>{text(e.title)}</title>\n'
        f'    <description>{text("RightsPath scenario: " + e.title)}</description>\n'
        f'    <url>{_esc(LAUNCH + "?scenario=" + e.id)}</url>\n'
        '  </au>\n' for e in entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<courseStructure xmlns="{CMI5_NS}">\n'
        f'  <course id="{COURSE_IRI}">\n'
        f'    <title>{text("RightsPath")}</title>\n'
        f'    <description>{text("Training scenarios on the rights of child victims (Directive 2012/29/EU).")}'
        '</description>\n'
        '  </course>\n'
        f'{aus}'
        '</courseStructure>\n')


def write_package(kind: str, web_dir: Path, entries: list[Entry], out: Path) -> Path:
    """The zip: the web build's files and the manifest at its root. Never replaces a file."""
    if kind not in KINDS:
        raise UserError(f"unknown package kind {kind!r} (one of {', '.join(KINDS)})", 2)
    files = web_files(web_dir)
    if kind == "cmi5":
        name, text = "cmi5.xml", course_structure_cmi5(entries)
    else:
        name = "imsmanifest.xml"
        text = (manifest_scorm12 if kind == "scorm12" else manifest_scorm2004)(entries, files)
    out = Path(out)
    if out.exists():
        raise UserError(f"{out}: already exists; give another name or remove it", 2)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, text)
        for f in files:
            z.write(Path(web_dir) / f, f)
    tmp.replace(out)
    return out
