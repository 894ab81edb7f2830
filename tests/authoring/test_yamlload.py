"""The loader: positions for every key and value, and refusal of hostile or broken input."""

from __future__ import annotations

import datetime

import pytest
import yaml

from game.authoring import yamlload
from game.authoring.yamlload import LoadError, SourceError, load_bytes, load_file, load_text
from tests.authoring.helpers import INVALID


def _code(fn, *args) -> str:
    with pytest.raises(LoadError) as info:
        fn(*args)
    return info.value.diagnostic.code


def test_positions_of_keys_and_values_are_one_based():
    loaded = load_text("id: demo\nnodes:\n  - id: a\n    next: b\n  - {id: b, text: 'x'}\n")
    assert loaded.data == {"id": "demo", "nodes": [{"id": "a", "next": "b"}, {"id": "b", "text": "x"}]}
    assert loaded.key(("id",)) == (1, 1)
    assert loaded.pos(("id",)) == (1, 5)
    assert loaded.pos(("nodes", 0)) == (3, 5)
    assert loaded.key(("nodes", 0, "next")) == (4, 5)
    assert loaded.pos(("nodes", 0, "next")) == (4, 11)
    assert loaded.pos(("nodes", 1, "text")) == (5, 19)  # the opening quote
    # a path that does not exist falls back to the nearest enclosing value
    assert loaded.pos(("nodes", 1, "missing", 3)) == (5, 5)


def test_text_shift_marks_quoted_single_line_scalars():
    loaded = load_text("a: 'x y'\nb: plain\nc: |\n  block\n")
    assert loaded.text_shift[("a",)] == 1
    assert loaded.text_shift[("b",)] == 0
    assert ("c",) not in loaded.text_shift


def test_scalars_resolve_like_yaml_and_keys_stay_as_written():
    loaded = load_text("n: +10\nf: 0.5\nb: true\nd: 2012-10-25\nq: '10'\nyes: 1\n1: one\nnull: z\n")
    assert loaded.data == {"n": 10, "f": 0.5, "b": True, "d": datetime.date(2012, 10, 25), "q": "10",
                           "yes": 1, "1": "one", "null": "z"}


def test_anchors_aliases_and_merge_keys_work_within_bounds():
    loaded = load_text("base: &b {stage: court, location: courtroom}\nnode:\n  <<: *b\n  location: office\n"
                       "again: *b\n")
    assert loaded.data["node"] == {"stage": "court", "location": "office"}
    assert loaded.data["again"] == {"stage": "court", "location": "courtroom"}


def test_duplicate_key_is_an_error_with_both_lines():
    with pytest.raises(LoadError) as info:
        load_text("a: 1\nb: 2\na: 3\n", "x.yaml")
    d = info.value.diagnostic
    assert (d.code, d.line, d.col) == ("E102", 3, 1)
    assert "first at line 1" in d.message


def test_billion_laughs_is_refused(tmp_path):
    path = INVALID / "e105-billion-laughs.yaml"
    assert _code(load_file, str(path)) == "E105"


def test_a_self_referencing_alias_is_refused():
    assert _code(load_text, "a: &a [1, *a]\n") == "E101"


def test_wide_alias_fan_out_is_refused():
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [" + ", ".join(["*a"] * 200) + "]\n"
    assert _code(load_text, text) == "E105"


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no need to write 50 MB of data
    with pytest.raises(LoadError) as info:
        load_file(str(big))
    assert info.value.diagnostic.code == "E103"
    assert "50.0 MB" in info.value.diagnostic.message


def test_just_over_the_limit_is_refused_and_at_the_limit_is_read(tmp_path):
    over = tmp_path / "over.yaml"
    over.write_bytes(b"a: 1\n" + b"#" * (yamlload.MAX_BYTES - 4))
    assert _code(load_file, str(over)) == "E103"
    at = tmp_path / "at.yaml"
    at.write_bytes(b"a: 1\n#" + b"#" * (yamlload.MAX_BYTES - 7) + b"\n")
    assert load_file(str(at)).data == {"a": 1}


def test_deep_nesting_is_refused_without_recursion():
    assert _code(load_text, "a: " + "[" * 100_000 + "]" * 100_000) == "E104"
    assert _code(load_text, "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 60)) + "  " * 60 + "v: 1\n") == "E104"


@pytest.mark.parametrize("raw, line, col", [
    (b"a: 1\nb: caf\xe9\n", 2, 7),
    (b"\xff\xfea\x00:\x00", 1, 1),
])
def test_non_utf8_is_refused_with_a_position(raw, line, col):
    with pytest.raises(LoadError) as info:
        load_bytes(raw, "x.yaml")
    d = info.value.diagnostic
    assert (d.code, d.line, d.col) == ("E107", line, col)


def test_utf8_bom_is_accepted():
    assert load_bytes("\ufeffa: ü\n".encode("utf-8")).data == {"a": "ü"}


def test_control_characters_are_refused():
    assert _code(load_text, "a: b\x07c\n") in ("E107", "E101")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a\n- b\n", "just text\n", "42\n"])
def test_top_level_must_be_a_mapping(text):
    assert _code(load_text, text) == "E106"


@pytest.mark.parametrize("text", ["a: [1, 2\n", "a: 'x\n", "a:\tb\n  c: d\n", "a: 1\n---\nb: 2\n",
                                  "? [a, b]\n: c\n", "a: !!python/object:os.system x\n", "a: !custom x\n",
                                  "a: *nowhere\n", "<<: [1]\n"])
def test_broken_or_unsafe_yaml_is_a_diagnostic(text):
    assert _code(load_text, text) == "E101"


def test_missing_file_and_folder_are_source_errors(tmp_path):
    with pytest.raises(SourceError):
        load_file(str(tmp_path / "nope.yaml"))
    with pytest.raises(SourceError):
        load_file(str(tmp_path))


def test_yaml_1_1_special_plain_scalars_stay_text():
    # Found by the property tests: '=' resolves to the 'value' tag, which has no safe constructor.
    assert load_text("a: =\nb: <<\n").data == {"a": "=", "b": "<<"}


def test_an_unclosed_quote_points_at_the_opening_quote():
    with pytest.raises(LoadError) as info:
        load_text('a: 1\nb: "open\nc: 2\n')
    d = info.value.diagnostic
    assert (d.code, d.line, d.col) == ("E101", 2, 4)
    assert "never closed" in d.hint


@pytest.mark.skipif(not hasattr(__import__("yaml"), "CSafeLoader"), reason="libyaml is not installed")
def test_pure_python_parser_gives_the_same_data_and_positions(monkeypatch):
    """Where PyYAML has no libyaml, the pure-Python parser must behave the same."""
    import yaml

    from tests.authoring.helpers import VALID_STORY

    fast = load_file(str(VALID_STORY))
    monkeypatch.setattr(yamlload, "_Loader", yaml.SafeLoader)
    slow = load_file(str(VALID_STORY))
    assert slow.data == fast.data
    assert slow.value_pos == fast.value_pos and slow.key_pos == fast.key_pos
    assert slow.text_shift == fast.text_shift
    for name in ("e102-duplicate-key", "e104-too-deep", "e105-billion-laughs", "e106-not-mapping"):
        with pytest.raises(LoadError) as info:
            load_file(str(INVALID / f"{name}.yaml"))
        assert info.value.diagnostic.code == name.split("-")[0].upper()


@pytest.mark.parametrize("parser", sorted({getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader},
                                          key=lambda c: c.__name__), ids=lambda c: c.__name__)
@pytest.mark.parametrize("text, line, col", [
    ("a: " + "[" * 100_000 + "]" * 100_000, 1, 43),
    ("[" * 5_000 + "]" * 5_000, 1, 41),
    ("a: " + "{x: " * 1_200 + "1" + "}" * 1_200, 1, 160),
])
def test_deep_nesting_is_e104_with_either_parser(monkeypatch, parser, text, line, col):
    # libyaml 0.2.5+ stops deep flow nesting itself ("exceeded maximum nesting depth") before our
    # builder sees the events; the author must get the same E104 at the same place either way.
    monkeypatch.setattr(yamlload, "_Loader", parser)
    with pytest.raises(LoadError) as info:
        load_text(text, "x.yaml")
    d = info.value.diagnostic
    assert (d.code, d.line, d.col) == ("E104", line, col)
    assert d.message == f"the data is nested more than {yamlload.MAX_DEPTH} levels deep"


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml is not installed")
def test_libyaml_depth_error_is_recognised_by_its_words():
    loader = yaml.CSafeLoader("a: " + "[" * 3_000)
    with pytest.raises(yaml.MarkedYAMLError) as info:
        while loader.check_event():
            loader.get_event()
    if "nesting" not in str(info.value):
        pytest.skip(f"this libyaml has no depth limit of its own: {info.value}")
    # With no text to count brackets in, the words alone must still say E104.
    assert yamlload._parser_depth_limit(info.value, "", info.value.problem_mark) is not None
    assert yamlload._parser_depth_limit(yaml.MarkedYAMLError("while x", None, "found y", None), "", None) is None
