"""The web bundle's stories: an index read at start-up, each story read when first needed, packed small.

Standard library only (shipped to the browser). ``rightspath build-web`` writes ``stories/`` with
``game.webbuild.storypack.pack_stories``; the browser's ``main.py`` opens it with ``open_bundle``
(issue 16); only the reading side is here, so the browser compiles no packing code:

- ``index.json`` lists every bundled story: its file, id, language, content hash and ``scenario``
  block (title, summary, content note...; the story's file leaves it out). The title and the
  selection need nothing more, so the game starts without reading a single story; a
  ``BundledStory`` reads its file the first time its content is asked for (or when the loop has
  time to spare).
- A story's rights catalogue entries are kept once per language (``rights.<lang>.pack``); the story
  keeps the ids it cites. The four scenarios cite largely the same articles.
- A translation holds only its own strings: every string of the English story in one fixed order
  (``strings``), with ``0`` where the translation keeps the English one. Ids, numbers, conditions
  and structure come from the English story; a translation whose structure differs is kept whole.
- Every file is JSON written one byte per character for ASCII and Cyrillic (U+0400–U+047F as bytes
  0x80–0xFF), any other character as a JSON ``\\u`` escape: Bulgarian text compresses about 15 %
  smaller than as UTF-8. Only ``zlib`` (the archive's own gzip) is relied on, never bz2 or lzma,
  which the browser's Python may lack.

Unpacking gives back exactly the compiled story (same canonical JSON, same content hash);
``tests/web/test_bundle.py`` checks it for every bundled scenario.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from game.engine import safeio
from game.engine.l10n import SOURCE_LANGUAGE
from game.engine.story import Story, StoryError

FORMAT = "rightspath-bundle"
VERSION = 1
INDEX = "index.json"
SUFFIX = ".pack"

# Bytes 0x00-0x7F are ASCII, 0x80-0xFF the Cyrillic block U+0400-U+047F.
CYRILLIC = 0x400
_DECODING = "".join(chr(i) for i in range(128)) + "".join(chr(CYRILLIC + i) for i in range(128))


def decode_json(raw: bytes):
    """The data ``game.webbuild.storypack.encode_json`` wrote (a ValueError if it is not such a file)."""
    text, _ = codecs.charmap_decode(raw, "strict", _DECODING)
    return safeio.loads(text)


def with_strings(data, texts: list):
    """A copy of ``data`` whose string values are ``texts`` in the order of its strings (dict keys
    sorted, lists in order, keys are not values: game.webbuild.storypack.strings); 0 keeps the string
    that stands there. A ValueError if the counts differ."""
    position = 0

    def build(value):
        nonlocal position
        if isinstance(value, str):
            if position >= len(texts):
                raise ValueError("the translation has fewer strings than its English story")
            text = texts[position]
            position += 1
            return value if text == 0 else text
        if isinstance(value, dict):
            return {key: build(value[key]) for key in sorted(value)}
        if isinstance(value, list):
            return [build(item) for item in value]
        return value

    out = build(data)
    if position != len(texts):
        raise ValueError("the translation has more strings than its English story")
    return out


def file_name(scenario_id: str, language: str) -> str:
    return f"{scenario_id}{SUFFIX}" if language == SOURCE_LANGUAGE else f"{scenario_id}.{language}{SUFFIX}"


def rights_file(language: str) -> str:
    return f"rights{SUFFIX}" if language == SOURCE_LANGUAGE else f"rights.{language}{SUFFIX}"


# -- reading (the browser's main.py) ---------------------------------------------------------------

class Bundle:
    """The packed ``stories/`` folder (or, for checks, its files in memory)."""

    def __init__(self, index: dict, read):
        self.index = index
        self._read = read  # file name -> bytes (OSError when missing)
        self._decoded: dict[str, object] = {}

    @classmethod
    def open(cls, folder: Path) -> "Bundle":
        folder = Path(folder)
        return cls(_read_index(safeio.read_regular(folder / INDEX), INDEX),
                   lambda name: safeio.read_regular(folder / name))

    @classmethod
    def from_files(cls, files: dict[str, bytes]) -> "Bundle":
        def read(name: str) -> bytes:
            if name not in files:
                raise FileNotFoundError(name)
            return files[name]

        return cls(_read_index(files[INDEX], INDEX), read)

    def stories(self, folder: Path | str = "stories") -> list["BundledStory"]:
        return [BundledStory(self, entry, f"{folder}/{entry['file']}") for entry in self.index["stories"]]

    def _file(self, name: str, keep: bool):
        """A packed file's data (the English story and a rights catalogue are kept: translations and
        other stories use them again)."""
        if name in self._decoded:
            return self._decoded[name]
        try:
            data = decode_json(self._read(name))
        except OSError as exc:
            raise StoryError(f"{name}: cannot read the story file ({exc.strerror or exc})") from None
        except ValueError as exc:
            raise StoryError(f"{name}: not a packed story file ({exc})") from None
        if keep:
            self._decoded[name] = data
        return data

    def story_data(self, entry: dict) -> dict:
        """The compiled story of an index entry, exactly as it was packed. StoryError when its files
        cannot be read or do not fit together."""
        name = entry["file"]
        try:
            if entry.get("over"):
                data = with_strings(self._file(entry["over"], keep=True), self._file(name, keep=False))
            else:
                data = self._file(name, keep=entry.get("language") == SOURCE_LANGUAGE)
            data = dict(data, scenario=entry["scenario"])
            if entry.get("rights"):
                catalogue = self._file(entry["rights"], keep=True)
                data["rights"] = {rid: catalogue[rid] for rid in data["rights"]}
            data = {key: data[key] for key in sorted(data)}  # the compiled file's order
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise StoryError(f"{name}: the packed story does not fit its index ({type(exc).__name__}: {exc}); "
                             "build the web bundle again") from None
        if not isinstance(data, dict):
            raise StoryError(f"{name}: not a packed story file")
        return data


def _read_index(raw: bytes, where) -> dict:
    try:
        index = safeio.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise StoryError(f"{where}: not a valid story index ({exc})") from None
    if not isinstance(index, dict) or index.get("format") != FORMAT or not isinstance(index.get("stories"), list):
        raise StoryError(f"{where}: not a story index of this game")
    if index.get("version") != VERSION:
        raise StoryError(f"{where}: a story index of version {index.get('version')!r}; this game reads {VERSION}")
    for entry in index["stories"]:
        if not (isinstance(entry, dict) and isinstance(entry.get("file"), str) and isinstance(entry.get("id"), str)
                and isinstance(entry.get("scenario"), dict) and entry["scenario"].get("id") == entry["id"]):
            raise StoryError(f"{where}: a story entry is malformed; build the web bundle again")
    return index


# What a BundledStory knows only once its file is read (Story.__init__ sets them).
_CONTENT = frozenset({"data", "nodes", "start", "variables", "characters", "rights"})


class BundledStory(Story):
    """A story of the bundle: its id, language, title and scenario block from the index at once, the
    rest (``data``, ``nodes``...) read from its file the first time any of it is asked for. A file
    that cannot be used raises StoryError then, and again each time after (``problem`` says why)."""

    def __init__(self, bundle: Bundle, entry: dict, source: str):
        self._bundle = bundle
        self._entry = entry
        self.problem = ""
        self.source = source
        self.scenario = entry["scenario"]
        self.id = entry["id"]
        self.version = self.scenario.get("version", "")
        self.hash = entry.get("content_hash", "")
        self.mastery = float(self.scenario.get("mastery", 0.7))
        self.title = self.scenario.get("title", self.id)

    @property
    def loaded(self) -> bool:
        return "data" in self.__dict__

    def load(self) -> "BundledStory":
        """Read and check the story's file now (a no-op once read). StoryError if it cannot be used."""
        if self.loaded:
            return self
        if self.problem:
            raise StoryError(self.problem)
        try:
            data = self._bundle.story_data(self._entry)
            Story.__init__(self, data, source=self.source)
        except StoryError as exc:
            self.problem = str(exc)
            raise
        return self

    def __getattr__(self, name: str):
        # only called for attributes not set yet: the content, read on first use
        if name in _CONTENT:
            self.load()
            return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


def open_bundle(folder: Path) -> list[BundledStory]:
    """The stories of a bundle folder, none read yet. StoryError when its index cannot be used."""
    folder = Path(folder)
    try:
        bundle = Bundle.open(folder)
    except OSError as exc:
        raise StoryError(f"{INDEX}: cannot read the story index ({exc.strerror or exc})") from None
    return bundle.stories(folder)
