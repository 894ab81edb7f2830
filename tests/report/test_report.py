"""The facilitator's report from a real room's exports, through the real command line."""

from __future__ import annotations

from game.engine.story import discussion

import csv
import io
import os
import re
from collections import Counter
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.exports import helpers
from tests.report import room

REPO = Path(__file__).resolve().parents[2]


def rightspath(*args, env=None):
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, timeout=300, env={**os.environ, "RIGHTSPATH_SESSION_KEY": "", **(env or {})})


class Page(HTMLParser):
    """The bits of the report the tests look at: attributes that could fetch, figures, sections."""

    def __init__(self):
        super().__init__()
        self.fetching: list[str] = []
        self.figures: dict[str, str] = {}
        self._figure = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("src", "href", "xlink:href", "srcset", "data", "action", "poster"):
            value = a.get(name)
            if value is not None and not value.startswith("#"):
                self.fetching.append(f"{tag} {name}={value}")
        if tag in ("link", "script", "iframe", "img", "object", "embed"):
            self.fetching.append(tag)
        self._figure = a.get("data-figure")

    def handle_data(self, data):
        if self._figure:
            self.figures[self._figure] = data.strip()
            self._figure = None
        self.text.append(data)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("report")
    records = room.make_room(base / "room", 12)
    good = sorted((base / "room").glob("*T000*.json"))[0]
    bad = room.bad_files(base / "bad", next(p for p in (base / "room").glob("*.json") if "xapi" not in p.name))
    out = base / "debrief.html"
    result = rightspath("report", base / "room", *(base / "bad" / name for name in bad), base / "room" / good.name,
                        "-o", out, "--session-key", room.KEY)
    return base, records, bad, out, result


def test_report_builds_and_lists_what_it_left_out(built):
    base, records, bad, out, result = built
    assert result.returncode == 0, result.stderr
    assert "12 playthrough(s) included" in result.stdout and "4 file(s) not included" in result.stdout
    html = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    assert page.figures["participants"] == "12"
    finished = sum(r["finished"] for r in records)
    assert page.figures["completion"] == f"{finished / 12:.0%}"
    passed = sum(r["score"]["passed"] for r in records)
    assert page.figures["pass-rate"] == f"{passed / 12:.0%}"
    mean = sum(r["score"]["scaled"] for r in records) / 12
    assert page.figures["mean"] == f"{mean:.0%}"
    section = html[html.index('id="not-included"'):]
    for name, reason in bad.items():
        assert name in section, name
        row = section[section.index(name):][:600]
        assert reason in row, (name, row)
    assert "duplicate" in html  # the JSON copy given twice and the xAPI twins were merged


def test_report_is_self_contained_and_escaped(built, tmp_path):
    _, _, _, out, _ = built
    html = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    assert not page.fetching, page.fetching[:5]
    assert "@import" not in html and "url(http" not in html
    assert html.count("<svg") >= 3

    story = helpers.story()
    evil = "<script>alert('x')</script>"
    from game.exports import build_record, folder_writer, write_exports

    record = build_record(helpers.played(0, story), story, helpers.meta(trainee=evil, country="<b>XX</b>"))
    write_exports(record, "json", folder_writer(tmp_path / "evil"))
    result = rightspath("report", tmp_path / "evil", "-o", tmp_path / "evil.html")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "evil.html").read_text(encoding="utf-8")
    assert "<script" not in text and "&lt;script&gt;" in text and "<b>XX</b>" not in text


def test_each_decision_shows_the_rooms_choices_and_the_recommended_option(built):
    _, records, _, out, _ = built
    html = out.read_text(encoding="utf-8")
    story = helpers.story()
    counts = room.expected_choices(records)
    for node_id, counter in counts.items():
        start = html.index(f'id="decision-{node_id}"')
        block = html[start:html.index("</article>", start)]
        node = story.nodes[node_id]
        assert _plain(node["prompt"]) in _plain(block)
        before, after = discussion(node)
        for q in before + after:
            assert _plain(q) in _plain(block)
        met = sum(counter.values())
        for choice in node["choices"]:
            n = counter.get(choice["id"], 0)
            assert f"{n} ({n / met:.0%})" in block, (node_id, choice["id"])
        best = {c for r in records for d in r["decisions"] if d["node"] == node_id for c in d["best_choices"]}
        for choice in node["choices"]:
            if choice["id"] in best and choice.get("feedback"):
                assert _plain(choice["feedback"]) in _plain(block)
        assert "★ Recommended" in block
        if any(d.get("votes") for r in records for d in r["decisions"] if d["node"] == node_id):
            assert 'data-chart="votes"' in block


def test_where_the_room_disagreed_most_comes_first(built):
    """The widest splits (the room's votes where there are any, else the participants' choices) lead
    the report: the first section, widest first, each with its split and the recommended share."""
    _, records, _, out, _ = built
    html = out.read_text(encoding="utf-8")
    assert html.index("<section") == html.index('<section id="disagreed">')
    story = helpers.story()
    expected = []
    for node_id in story.decision_ids():
        ds = [d for r in records for d in r["decisions"] if d["node"] == node_id]
        votes = Counter()
        for d in ds:
            votes.update(d.get("votes") or {})
        counts = votes if sum(votes.values()) else Counter(d["chosen"] for d in ds)
        total = sum(counts.values())
        if total >= 2 and max(counts.values()) < total:
            expected.append((1 - max(counts.values()) / total, total, node_id, counts))
    expected.sort(key=lambda e: (-round(e[0], 4), -e[1]))
    section = html[html.index('<section id="disagreed">'):html.index("</section>")]
    shown = re.findall(r'data-node="([^"]+)" data-disagreement="([0-9.]+)"', section)
    assert len(shown) == min(3, len(expected)) and shown
    assert [n for n, _ in shown] == [e[2] for e in expected[:3]]
    for (node_id, value), (share, total, _, counts) in zip(shown, expected):
        assert float(value) == round(share, 4)
        item = _plain(section[section.index(f'data-node="{node_id}"'):].split("</li>")[0])
        assert _plain(story.nodes[node_id]["prompt"]) in item
        assert f"{total} room votes" in item or f"{total} participants" in item
        assert f"{max(counts.values()) / total:.0%}" in item and "recommended by" in item


def _plain(text: str) -> str:
    import html

    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def test_breakdowns_by_role_and_country(built):
    _, records, _, out, _ = built
    html = out.read_text(encoding="utf-8")
    for key in ("by-role", "by-country"):
        assert f'id="{key}"' in html
    section = html[html.index('id="by-country"'):html.index('id="by-organisation"')]
    for country in room.COUNTRIES:
        n = sum(1 for r in records if r["country"] == country)
        assert re.search(rf"<td>{country}</td><td class=\"n\">{n}</td>", section), country


def test_csv_format_writes_the_aggregate_tables(built, tmp_path):
    base, records, bad, _, _ = built
    result = rightspath("report", base / "room", *(base / "bad" / n for n in bad), "-o", tmp_path / "tables",
                        "--format", "csv", "--session-key", room.KEY)
    assert result.returncode == 0, result.stderr

    def read(name):
        text = (tmp_path / "tables" / name).read_text(encoding="utf-8")
        assert text.startswith("\ufeff")
        return list(csv.DictReader(io.StringIO(text[1:], newline="")))

    assert len(read("participants.csv")) == 12
    (overview,) = read("overview.csv")
    assert int(overview["participants"]) == 12
    choices = read("choices.csv")
    for node_id, counter in room.expected_choices(records).items():
        got = {row["option"]: int(row["chosen"]) for row in choices if row["decision"] == node_id}
        assert {k: v for k, v in got.items() if v} == dict(counter)
    rights = read("rights.csv")
    nets = [int(r["upheld"]) - int(r["breached"]) for r in rights]
    assert nets == sorted(nets), "rights run from most breached to most upheld"
    left_out = {Path(r["file"]).name for r in read("not-included.csv")}
    assert left_out == set(bad)


def test_without_a_key_signed_files_are_included_with_a_note(built, tmp_path):
    base, _, _, _, _ = built
    result = rightspath("report", base / "room", "-o", tmp_path / "r.html")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "signatures were not checked" in html


def test_usage_errors(tmp_path):
    assert rightspath("report", "-o", tmp_path / "x.html").returncode == 2
    missing = rightspath("report", tmp_path / "nope", "-o", tmp_path / "x.html")
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr
    (tmp_path / "d").mkdir()
    folder = rightspath("report", tmp_path / "d", "-o", tmp_path / "d")
    assert folder.returncode == 2 and "is a folder" in folder.stderr and "Traceback" not in folder.stderr


def test_a_folder_of_only_bad_files_still_gives_a_report(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text("not json", encoding="utf-8")
    (tmp_path / "in" / "b.json").write_bytes(b"\xff\xfe\x00")
    result = rightspath("report", tmp_path / "in", "-o", tmp_path / "r.html")
    # written, listing what was left out and why, but an empty report is not a success
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no playthrough to report on: every file was left out" in result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "a.json" in html and "b.json" in html and 'data-figure="participants">0<' in html
    (tmp_path / "empty").mkdir()
    result = rightspath("report", tmp_path / "empty", "-o", tmp_path / "e.html")
    assert result.returncode == 1 and "no exported results were found there" in result.stderr


def test_records_of_another_version_than_the_bundled_scenario_say_so(tmp_path):
    from game.exports import build_record, folder_writer, write_exports

    story = room.other_version_story()
    for i in range(2):
        write_exports(build_record(helpers.played(i, story), story, helpers.meta(i)), "json",
                      folder_writer(tmp_path / "in"))
    # Their figures cannot be recomputed without their story: left out, with the reason (issue 12).
    result = rightspath("report", tmp_path / "in", "-o", tmp_path / "r.html")
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("version 9.9.9") == 2 and "is not at hand" in result.stderr
    assert 'data-figure="participants">0<' in (tmp_path / "r.html").read_text(encoding="utf-8")
    # Given that story, they are replayed on it and included.
    import json

    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "tutorial-9.9.9.json").write_text(json.dumps(story.data), encoding="utf-8")
    for given in (tmp_path / "stories", tmp_path / "stories" / "tutorial-9.9.9.json"):
        result = rightspath("report", tmp_path / "in", "-o", tmp_path / "r.html", "--story", given)
        assert result.returncode == 0, result.stderr
        assert 'data-figure="participants">2<' in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_multilingual_room_is_reported_together_in_the_chosen_language(tmp_path):
    from game.engine import Story
    from game.exports import build_record, folder_writer, write_exports

    if helpers.scenario_path().name != "tutorial.yaml" or not (REPO / "scenarios" / "tutorial.bg.po").exists():
        pytest.skip("needs the bundled tutorial and its Bulgarian translation")
    from game.i18n.build import compile_translation

    english = helpers.story()
    data, done, _ = compile_translation(REPO / "scenarios" / "tutorial.yaml", "bg")
    assert done > 0
    bulgarian = Story(data, source="tutorial.bg")
    assert bulgarian.hash != english.hash and bulgarian.version == english.version
    for i in range(4):
        story = bulgarian if i % 2 else english
        record = build_record(helpers.played(i, story), story, helpers.meta(i, language="bg" if i % 2 else "en"))
        helpers.validate(record)
        write_exports(record, "json", folder_writer(tmp_path / "in"))
    first = english.decision_ids()[0]
    for lang, story in (("bg", bulgarian), ("en", english)):
        out = tmp_path / f"{lang}.html"
        result = rightspath("report", tmp_path / "in", "-o", out, "--lang", lang)
        assert result.returncode == 0, result.stderr
        assert "4 playthrough(s) included, 0 file(s) not included" in result.stdout
        html = out.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        assert _plain(story.nodes[first]["prompt"]) in _plain(html)
    assert _plain(bulgarian.nodes[first]["prompt"]) not in _plain((tmp_path / "en.html").read_text(encoding="utf-8"))


def test_which_records_belong_together():
    from game.report.collect import mismatch

    target = ("tutorial", "1.0.0", "sha256:aaa", "en")
    assert mismatch(("tutorial", "1.0.0", "sha256:aaa", "en"), target) is None
    assert mismatch(("tutorial", "1.0.0", "sha256:bbb", "bg"), target) is None  # a translation
    assert "without a new version number" in mismatch(("tutorial", "1.0.0", "sha256:ccc", "en"), target)
    assert "another scenario version" in mismatch(("tutorial", "1.1.0", "sha256:aaa", "en"), target)
    assert "another scenario" in mismatch(("mira", "1.0.0", "sha256:aaa", "en"), target)
