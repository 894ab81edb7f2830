"""``rightspath package``: the SCORM 1.2 / 2004 manifests and the cmi5 course structure, read back as
XML and checked for what the specifications require of them (IMS CP 1.1.2 with ADL's SCORM 1.2
extensions; IMS CP 1.1 with SCORM 2004 4th Edition's; the cmi5 CourseStructure), and the zips made
through the real command line. The zip of a real web build is checked in test_lms_chromium.py."""

from __future__ import annotations

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
