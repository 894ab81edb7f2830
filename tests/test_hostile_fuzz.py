"""Property tests (issue 11): whatever bytes or structures land in a save, an export, a PO file or a
compiled story, the real readers answer with our own errors (set aside, corrupt, StoryError,
UserError), never a traceback; and the JSON depth pre-scan is exact."""

from __future__ import annotations

import copy
import json
import tempfile
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Story, StoryError, auto_play
from game.engine.safeio import JSONTooDeep, json_depth_exceeds, loads
from game.engine.story import canonical_json, content_hash
from game.errors import UserError
from game.exports import verify_bytes
from game.platform.desktop import DesktopPlatform
from game.ui.saves import read_save

REPO = Path(__file__).resolve().parents[1]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=False) \
    | st.text(alphabet='[]{}"\\:,ab é\n', max_size=8)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(alphabet='[]{}"\\ab', max_size=4), inner, max_size=4),
                           max_leaves=25)


def _depth(value) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@given(json_values, st.integers(0, 6), st.booleans())
@SETTINGS
def test_depth_scan_is_exact_whatever_the_strings_hold(value, limit, ascii_only):
    text = json.dumps(value, ensure_ascii=ascii_only)
    assert json_depth_exceeds(text, limit) == (_depth(value) > limit)


@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
@SETTINGS
def test_loads_raises_only_value_errors(raw):
    try:
        loads(raw)
    except ValueError:
        pass


@lru_cache(maxsize=None)
def _story() -> Story:
    from game.authoring.compiler import load_story

    return load_story(REPO / "scenarios" / "tutorial.yaml")


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


DEEP_MARK = "\u2603deep\u2603"
deep_values = st.integers(150, 5000).map(lambda n: "[" * n + "]" * n)


def _text(data, draw) -> str:
    """JSON text of ``data``, where a mutation asked for it, with a value nested 150 to 5 000 deep."""
    return json.dumps(data, ensure_ascii=False).replace(json.dumps(DEEP_MARK, ensure_ascii=False),
                                                        draw(deep_values))


def _mutate(data, draw):
    data = copy.deepcopy(data)
    paths = [p for p in _paths(data) if p]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(json_values | st.just(DEEP_MARK))
        except (KeyError, IndexError, TypeError):
            continue
    return data


@st.composite
def mutated_story(draw) -> str:
    data = _mutate(_story().data, draw)
    if isinstance(data, dict) and draw(st.booleans()) and DEEP_MARK not in canonical_json(data):
        data["content_hash"] = content_hash(data)  # a careful hand editor recomputes it
    return _text(data, draw)


@given(mutated_story())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_hand_edited_stories_load_with_a_story_error_or_play(data):
    try:
        story = Story.from_json(data, source="edited.json", verify_hash=True)
    except StoryError:
        return
    for seed in range(3):
        auto_play(story, seed)


@given(st.binary(max_size=400))
@SETTINGS
def test_random_bytes_are_never_a_story(raw):
    try:
        Story.from_json(raw)
    except StoryError:
        pass


@st.composite
def mutated_save(draw) -> str:
    from game.engine import Run

    run = auto_play(_story(), draw(st.integers(0, 5)))
    text = Run.to_json(run)
    how = draw(st.sampled_from(["structure", "bytes", "cut", "deep"]))
    if how == "deep":
        return text.replace('"seed": ', '"seed": ' + draw(deep_values) + ', "x": ', 1)
    if how == "structure":
        return _text(_mutate(json.loads(text), draw), draw)
    if how == "cut":
        return text[:draw(st.integers(0, len(text)))]
    i = draw(st.integers(0, len(text) - 1))
    return text[:i] + draw(st.text(max_size=3)) + text[i + 1:]


@given(mutated_save())
@SETTINGS
def test_damaged_saves_are_set_aside_or_resumed(text):
    """The UI's own reader: a save either resumes or is set aside, bytes kept; no exception."""
    with tempfile.TemporaryDirectory() as tmp:
        platform = DesktopPlatform(data_dir=tmp)
        platform.save("run-tutorial", text)
        info = read_save(platform, _story())
        assert info is not None
        if info.run is None:
            assert info.problem and info.moved_to
            assert Path(info.moved_to).read_bytes().decode("utf-8") == text


@st.composite
def mutated_export(draw) -> bytes:
    from game.exports import build_record, record_to_json

    record = build_record(auto_play(_story(), draw(st.integers(0, 3))), _story(), {"trainee": "P-1"})
    how = draw(st.sampled_from(["structure", "bytes", "xapi"]))
    if how == "structure":
        return _text(_mutate(record, draw), draw).encode()
    if how == "xapi":
        from game.exports import statements

        return _text(_mutate(statements(record), draw), draw).encode()
    raw = record_to_json(record).encode()
    i = draw(st.integers(0, len(raw) - 1))
    return raw[:i] + draw(st.binary(max_size=3)) + raw[i + 1:]


@given(mutated_export(), st.sampled_from([None, "K"]))
@SETTINGS
def test_damaged_exports_get_a_verdict(raw, key):
    verdict = verify_bytes(raw, key, "x.json")
    assert verdict.status


PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
PO_BITS = ['msgid "a"\n', 'msgstr "b"\n', 'msgctxt "c"\n', '#, fuzzy\n', '#| msgid "x"\n', '"\\n"\n', '"\n',
           'msgid_plural "p"\n', 'msgstr[0] "q"\n', 'msgstr[9] ""\n', '\n', '#~ msgid "o"\n', '\\', '"{x}"\n',
           'msgid ""\n', '\x00', '\ufeff', 'msgstr\n', '[' * 50, '/etc/passwd']


@given(st.lists(st.sampled_from(PO_BITS), max_size=14), st.booleans())
@SETTINGS
def test_any_po_file_is_read_or_refused_with_a_user_error(bits, head):
    from game.i18n import pofiles

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.bg.po"
        path.write_text((PO_HEAD if head else "") + "".join(bits), encoding="utf-8")
        try:
            pofiles.read(path)
        except UserError:
            pass


def test_deep_json_is_refused_before_parsing():
    deep = "[" * 200_000 + "]" * 200_000
    try:
        loads(deep)
    except JSONTooDeep as exc:
        assert "200 levels" in str(exc)
    else:
        raise AssertionError("a JSON nested 200 000 deep was accepted")


def test_deep_interface_catalogue_leaves_english():
    from game.engine import l10n

    deep = "[" * 200_000 + "]" * 200_000
    catalogue = l10n.parse(deep, "bg")
    assert catalogue.messages == {} and "not valid JSON" in catalogue.problem
