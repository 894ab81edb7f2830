"""Messages an author can act on (issue 11): each mistake of a new author, through the real CLI.

Every test writes a copy of the valid fixture story with one mistake, runs ``rightspath`` on it and
checks the first thing it says: the code, the place (line:column of the mistake itself, not where
the parser gave up) and words that name the cause.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.authoring.helpers import VALID, VALID_STORY, rightspath

STORY = VALID_STORY.read_text(encoding="utf-8")


def _draft(tmp_path: Path, *changes: tuple[str, str], text: str | None = None) -> Path:
    """The fixture story with each (old, new) replaced once, beside a copy of its catalogues."""
    text = STORY if text is None else text
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    shutil.copytree(VALID / "rights", tmp_path / "rights", dirs_exist_ok=True)
    path = tmp_path / "fixture-story.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _diagnostics(*args: str) -> tuple[int, list[dict]]:
    result = rightspath("validate", "--format", "json", *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)["diagnostics"]


def _first(path: Path, code: str | None = None) -> dict:
    rc, found = _diagnostics(str(path))
    assert found, "no diagnostic at all"
    if code is not None:
        found = [d for d in found if d["code"] == code]
        assert found, f"no {code}"
    return found[0]


# -- 1. YAML-level mistakes name the real cause -------------------------------------------------

def test_a_tab_is_named_with_its_line_and_column(tmp_path):
    path = _draft(tmp_path, ("        next: check-stress\n        effects: {trust: +10",
                             "\tnext: check-stress\n        effects: {trust: +10"))
    d = _first(path)
    assert (d["code"], d["line"], d["col"]) == ("E101", _line_of(path, "\tnext: check-stress"), 1)
    assert "TAB" in d["message"] and "spaces, not a tab" in d["hint"]
    assert "quote" not in d["hint"]


@pytest.mark.parametrize("char, name", [("\u00a0", "U+00A0 NO-BREAK SPACE"), ("\u200b", "U+200B ZERO WIDTH SPACE")])
def test_an_invisible_character_in_the_yaml_is_named_where_it_is(tmp_path, char, name):
    path = _draft(tmp_path, ("        next: check-stress\n        effects: {trust: +10",
                             f"        next:{char}check-stress\n        effects: {{trust: +10"))
    d = _first(path)
    line = _line_of(path, f"next:{char}check-stress")
    if d["code"] == "E101":  # U+00A0: 'next:\u00a0check-stress' is no longer 'key: value'
        assert (d["line"], d["col"]) == (line, 14)
    else:  # U+200B after ':' is part of the value, which is then not an id
        assert (d["code"], d["line"], d["col"]) == ("E204", line, 15)
    assert name in d["message"]


@pytest.mark.parametrize("written, name", [("\u043ene-interview", "U+043E CYRILLIC SMALL LETTER O"),
                                           ("on\u0435-in\u0442erview", "U+0435 CYRILLIC SMALL LETTER IE"),
                                           ("one-\u200finterview", "U+200F RIGHT-TO-LEFT MARK")])
def test_a_look_alike_character_in_an_id_is_named_with_its_column(tmp_path, written, name):
    # 'one-interview' as it looks on screen, with a Cyrillic letter or an invisible mark in it
    path = _draft(tmp_path, ("    else: one-interview", f"    else: {written}"))
    d = _first(path, "E204")
    line = path.read_text(encoding="utf-8").splitlines()[d["line"] - 1]
    assert line == f"    else: {written}"
    assert line[d["col"] - 1] == next(ch for ch in written if ord(ch) > 126)
    assert name in d["message"] and f"column {d['col']}" in d["message"]
    assert "'one-interview'" in d["hint"]


def test_an_unclosed_quote_points_at_the_line_where_it_opened(tmp_path):
    path = _draft(tmp_path, ('        text: "Agree to a second interview."', '        text: "Agree to a second interview.'))
    d = _first(path)
    assert (d["code"], d["line"], d["col"]) == ("E101", _line_of(path, "Agree to a second"), 15)
    assert "not closed" in d["message"]


def test_an_unclosed_quote_inside_braces_points_at_the_line_where_it_opened(tmp_path):
    path = _draft(tmp_path, ('text: "Mira is interviewed once, in a quiet room."}', 'text: "Mira is interviewed once, in a quiet room.}'))
    d = _first(path)
    assert (d["code"], d["line"]) == ("E101", _line_of(path, "Mira is interviewed once"))
    assert "not closed" in d["message"]


def test_an_apostrophe_inside_single_quotes_is_named(tmp_path):
    path = _draft(tmp_path, ('    prompt: "Mira sits down. How do you begin?"', "    prompt: 'Mira's turn. How do you begin?'"))
    d = _first(path)
    assert (d["code"], d["line"], d["col"]) == ("E101", _line_of(path, "Mira's turn"), 18)
    assert "apostrophe" in d["message"] and "''" in d["hint"]


def test_a_key_out_of_line_is_told_as_indentation_not_quoting(tmp_path):
    path = _draft(tmp_path, ('    prompt: "Mira sits down.', '     prompt: "Mira sits down.'))
    d = _first(path)
    assert (d["code"], d["line"], d["col"]) == ("E101", _line_of(path, "Mira sits down."), 6)
    assert "indented 5 spaces" in d["message"] and "4" in d["message"]
    assert "quoted" not in d["hint"]


def test_a_colon_in_an_unquoted_text_still_gets_the_quoting_hint(tmp_path):
    path = _draft(tmp_path, ('    prompt: "Mira sits down. How do you begin?"', "    prompt: Next step: how do you begin?"))
    d = _first(path)
    assert d["code"] == "E101" and "quoted" in d["hint"]


def test_a_text_cut_short_by_a_comment_is_warned(tmp_path):
    path = _draft(tmp_path, ('        text: "Wait and see."', "        text: Wait and call the helpline #116 111."))
    rc, found = _diagnostics(str(path))
    cut = [d for d in found if d["code"] == "W430"]
    assert rc == 0 and cut, found
    assert (cut[0]["line"], cut[0]["col"]) == (_line_of(path, "#116 111."), 42)
    assert "'Wait and call the helpline'" in cut[0]["message"]
    assert rightspath("validate", "--strict", str(path)).returncode == 1


def test_an_ordinary_comment_after_a_value_is_not_warned(tmp_path):
    path = _draft(tmp_path, ('        text: "Wait and see."', "        text: Wait and see.   # TODO: a kinder wording"),
                  ("id: fixture-story\n", "id: fixture-story  # the file name\n"))
    rc, found = _diagnostics(str(path))
    assert not [d for d in found if d["code"].startswith("W43")], found


def test_a_stray_quote_and_curly_quotes_are_warned(tmp_path):
    path = _draft(tmp_path, ('        text: "Wait and see."', '        text: Wait and see."'),
                  ('        text: "Agree to a second interview."', "        text: \u201cAgree to a second interview.\u201d"))
    rc, found = _diagnostics(str(path))
    codes = {d["code"]: d for d in found}
    assert rc == 0
    assert codes["W431"]["line"] == _line_of(path, 'Wait and see."') and codes["W431"]["col"] == 28
    assert codes["W432"]["line"] == _line_of(path, "\u201cAgree")
    assert "curly" in codes["W432"]["message"]


def test_the_bundled_scenarios_get_none_of_these_warnings():
    rc, found = _diagnostics(str(VALID_STORY), *map(str, sorted((VALID.parent.parent.parent / "scenarios").glob("*.yaml"))))
    assert not [d for d in found if d["code"] in ("W430", "W431", "W432")], found


# -- 2. Right ids and catalogues -----------------------------------------------------------------

def test_a_right_id_without_its_prefix_suggests_the_prefixed_id(tmp_path):
    path = _draft(tmp_path, ('{right: "2011/36:14(2)", verdict: upholds', '{right: "14(2)", verdict: upholds'))
    d = _first(path, "E307")
    assert d["line"] == _line_of(path, '{right: "14(2)"')
    assert "did you mean '2011/36:14(2)'?" in d["hint"] and "fixture-trafficking" in d["hint"]


def test_a_right_of_a_catalogue_not_listed_says_to_list_it(tmp_path):
    path = _draft(tmp_path, ("rights: [fixture-vrd, fixture-trafficking]", "rights: [fixture-vrd]"))
    d = _first(path, "E307")
    assert "'2011/36:14(2)'" in d["message"]
    assert "add fixture-trafficking to 'rights:'" in d["hint"]


def test_a_prefix_left_out_of_a_catalogue_not_listed_says_both(tmp_path):
    path = _draft(tmp_path, ("rights: [fixture-vrd, fixture-trafficking]", "rights: [fixture-vrd]"),
                  ('{right: "2011/36:14(2)", verdict: upholds', '{right: "14(2)", verdict: upholds'))
    d = next(d for d in _diagnostics(str(path))[1] if d["code"] == "E307" and "'14(2)'" in d["message"])
    assert "did you mean '2011/36:14(2)'?" in d["hint"] and "add fixture-trafficking to 'rights:'" in d["hint"]


@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling link"])
def test_a_catalogue_path_that_is_not_a_file_is_told_truly(tmp_path, kind):
    path = _draft(tmp_path)
    target = tmp_path / "rights" / "fixture-trafficking.yaml"
    target.unlink()
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(tmp_path / "rights" / "gone.yaml")
    rc, found = _diagnostics(str(path))  # a FIFO must not be opened: that would hang
    d = next(d for d in found if d["code"] == "E311")
    assert rc == 1
    assert {"folder": "is a folder", "fifo": "named pipe", "dangling link": "does not exist"}[kind] in d["message"]
    assert "did you mean" not in (d["hint"] or "")


# -- 3. graph keeps what conditions say -----------------------------------------------------------

def _mermaid_text(label: str) -> str:
    """A Mermaid label as the reader sees it: '#60;' entity codes decoded."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)


def test_graph_keeps_comparisons_and_parentheses_in_conditions(tmp_path):
    condition = "stress >= 45 or (trust < 30 and not chose(how-to-start, explain-simply))"
    path = _draft(tmp_path, ('when: "stress >= 45 and not chose(how-to-start, explain-simply)"', f'when: "{condition}"'))
    result = rightspath("graph", str(path))
    assert result.returncode == 0, result.stderr
    edge = next(line for line in result.stdout.splitlines() if line.strip().startswith("n_check_stress -->|"))
    label = edge.split("|")[1]
    assert label.startswith('"') and label.endswith('"')
    raw = label[1:-1]
    assert not set(raw) & set('"<>()[]{}|'), raw  # nothing Mermaid could read as syntax
    assert _mermaid_text(raw) == condition


def test_graph_escapes_node_texts_too(tmp_path):
    path = _draft(tmp_path, ('title: "Heard and supported"', 'title: "Heard <and> \\"supported\\" (1) #2"'))
    result = rightspath("graph", str(path))
    line = next(line for line in result.stdout.splitlines() if "n_supported_end(" in line)
    inner = line.split('(["', 1)[1].split('"])', 1)[0]
    assert '"' not in inner and "<and>" not in inner
    assert _mermaid_text(inner).startswith('Heard <and> "supported" (1) #2')


# -- 4. The wrong kind of file, usage, counting from 1, leftovers ----------------------------------

def test_validate_on_a_compiled_story_says_so_in_one_line():
    result = rightspath("validate", str(VALID / "fixture-story.json"))
    assert result.returncode == 2
    assert "compiled story" in result.stderr and "E20" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["stats", "graph", "compile"])
def test_a_csv_renamed_json_is_told_plainly(tmp_path, command):
    path = tmp_path / "results.json"
    path.write_bytes("\ufefftrainee,score\nP-1,0.8\nP-2,0.5\n".encode("utf-8"))
    result = rightspath(command, str(path))
    assert result.returncode == 2
    assert "CSV table" in result.stderr and "'trainee,score'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["stats", "graph"])
def test_stats_and_graph_on_a_catalogue_say_what_is_wrong(tmp_path, command):
    path = _draft(tmp_path)
    result = rightspath(command, str(tmp_path / "rights" / "fixture-vrd.yaml"))
    assert result.returncode == 2
    assert "is a rights catalogue, not a scenario" in result.stderr and "see above" not in result.stderr


@pytest.mark.parametrize("command", ["compile", "stats", "graph"])
def test_two_scenarios_give_that_commands_usage(command):
    result = rightspath(command, str(VALID_STORY), str(VALID_STORY))
    assert result.returncode == 2
    assert f"usage: rightspath {command} " in result.stderr and "one scenario at a time" in result.stderr


def test_a_list_item_is_counted_from_one(tmp_path):
    path = _draft(tmp_path, ("moods: [neutral, worried, relieved]}", "moods: [neutral, worried, relieved, happy]}"))
    d = _first(path, "E203")
    assert "item 4 of 'moods' of character 'mira'" in d["message"]


def test_the_file_name_hint_never_proposes_an_id_with_a_space(tmp_path):
    path = _draft(tmp_path)
    spaced = path.rename(tmp_path / "my story.yaml")
    d = _first(spaced, "E203")
    assert "rename the file to 'fixture-story.yaml'" in d["hint"] and "id: my story" not in d["hint"]


def test_play_refuses_a_session_code_that_links_refuses(tmp_path):
    result = rightspath("play", "--text", str(VALID_STORY), "--auto", "--session", "a b/<x>")
    assert result.returncode == 2
    assert "--session" in result.stderr and "Traceback" not in result.stderr
    fine = rightspath("play", "--text", str(VALID_STORY), "--auto", "--session", "ROOM-3")
    assert fine.returncode == 0, fine.stderr


def test_unused_variable_and_character_and_a_catalogue_listed_twice_are_warned(tmp_path):
    path = _draft(tmp_path, ('  interviews: {start: 0', '  spare: {start: 0, min: 0, max: 5, label: "Spare"}\n  interviews: {start: 0'),
                  ('  officer: {name: "Officer Novak"', '  aunt: {name: Aunt, portrait: mother}\n  officer: {name: "Officer Novak"'),
                  ("rights: [fixture-vrd, fixture-trafficking]", "rights: [fixture-vrd, fixture-trafficking, fixture-vrd]"))
    rc, found = _diagnostics(str(path))
    by_code = {d["code"]: d for d in found}
    assert rc == 0
    assert by_code["W433"]["line"] == _line_of(path, "  spare:") and "'spare'" in by_code["W433"]["message"]
    assert by_code["W434"]["line"] == _line_of(path, "  aunt:") and "'aunt'" in by_code["W434"]["message"]
    assert by_code["W435"]["line"] == _line_of(path, "rights: [") and "twice" in by_code["W435"]["message"]
    assert rightspath("validate", "--strict", str(path)).returncode == 1


# -- Table 1 rows whose hint pointed elsewhere (docs/author-trial.md) ------------------------------

@pytest.mark.parametrize("old, new, code, words", [
    # 28: a comma inside {...} in an unquoted text
    ('text: "Will I have to say it all again?"}', "text: Please, will I have to say it all again?}", "E201", "inside {...}"),
    # 43: no space after the colon in a flow mapping
    ("effects: {trust: +10, stress: -5}", "effects: {trust:+10, stress: -5}", "E204", "write 'trust: +10'"),
    # 37: a node without its '- '
    ("  - id: one-interview\n", "    id: one-interview\n", "E102", "begin its line with '- '"),
    # 58: text where a list belongs
    ('    discuss: ["What does Mira need to know first?"]', '    discuss: "What does Mira need to know first?"', "E203",
     'discuss: ["What does Mira need'),
    # 11, 54: an id with capitals, a space or '_' gets the id it was meant to be
    ("    else: one-interview", "    else: One_interview", "E204", "'one-interview'"),
    ("  - id: hard-end\n", "  - id: Hard end\n", "E204", "'hard-end'"),
    # 20, 21, 23: a condition written as in another language
    ("stress >= 45 and not chose", "stress => 45 and not chose", "E309", "write '>=', not '=>'"),
    ("stress >= 45 and not chose", "stress >= 45 AND NOT chose", "E309", "write 'and' for 'AND'"),
    ("chose(how-to-start, explain-simply)", "chose('how-to-start', 'explain-simply')", "E309", "without quotes"),
    # 42: a percentage as a change
    ("effects: {trust: +10, stress: -5}", "effects: {trust: 10%, stress: -5}", "E203", "no % sign"),
])
def test_the_hint_names_the_fix(tmp_path, old, new, code, words):
    d = _first(_draft(tmp_path, (old, new)), code)
    assert words in (d["hint"] or ""), d


def test_a_no_break_space_inside_quoted_text_is_not_blamed_for_another_mistake(tmp_path):
    # French typography puts U+00A0 before '?'; the real mistake is the tab two lines below.
    path = _draft(tmp_path, ('    prompt: "Mira sits down. How do you begin?"', '    prompt: "Mira sits down. On commence\u00a0?"'),
                  ('    discuss: ["What does Mira need to know first?"]', '\tdiscuss: ["What does Mira need to know first?"]'))
    d = _first(path)
    assert (d["code"], d["line"], d["col"]) == ("E101", _line_of(path, "\tdiscuss"), 1)
    assert "TAB" in d["message"]


def test_a_character_the_font_cannot_draw_is_warned_where_it_is(tmp_path):
    path = _draft(tmp_path, ('        text: "Wait and see."', '        text: "Wait and see \U0001F4F1."'),
                  ('text: "Mira is interviewed once, in a quiet room."', 'text: "Мира беше чута – “добре”, 20 €."'))  # all drawable
    rc, found = _diagnostics(str(path))
    boxes = [d for d in found if d["code"] == "W436"]
    assert rc == 0 and len(boxes) == 1, found
    assert (boxes[0]["line"], boxes[0]["col"]) == (_line_of(path, "Wait and see \U0001F4F1"), 29)
    assert "U+1F4F1 MOBILE PHONE" in boxes[0]["message"]
