"""Modules the game needs after the title, compiled and imported in the loop's spare time.

In the browser every module is compiled from source when first imported (pygbag ships sources), and
compiling is nearly all of an import's cost. A screen that imports a large module the first time it
opens would hold that frame for tens of milliseconds, and a package whose ``__init__`` imports its
submodules would compile them all in one go. So the work is cut into slices of one module each: once
the title shows, each loop iteration with budget to spare compiles the next module of ``LATER`` (its
source to a code object, kept here; nothing runs), then, when every one is compiled, imports them in
order, which only runs the code. An import that comes before the warm-up got there (a player quicker
than the warm-up) still uses whatever is compiled: ``_Precompiled`` hands the import system the code
object instead of compiling the source again. The loading screen before the first play screen
finishes the compiling within a frame's budget at a time (game.ui.screens.loading).

``tests/ui/test_startup.py`` checks that a whole playthrough imports no game module beyond these.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from importlib.machinery import PathFinder, SourceFileLoader

# CPU time where the runtime has a process clock (the browser's may not).
_cpu_time = getattr(time, "process_time", time.perf_counter)

LATER = (
    # The order spreads a quick player's first screens evenly (measured with the bench's player, who
    # answers at once): what the screen-reader layer needs, the icons the scenario cards and dialogs
    # draw, then the layer itself (the title's first frame is described on the next iteration) ...
    "game.ui.scroll", "game.ui.screens.dialog", "game.ui.labels", "game.ui.verdicts", "game.ui.screens.overrule",
    "game.ui.art", "game.ui.art.palette", "game.ui.art.draw", "game.ui.art.icons",
    "game.ui.a11y",
    # ... and the screens after the title
    "game.ui.screens", "game.ui.draw", "game.ui.text", "game.ui.widgets",
    "game.ui.screens.base", "game.ui.saves",
    "game.ui.artcache", "game.ui.playthrough", "game.ui.screens.select", "game.ui.screens.setup",
    "game.ui.screens.settings", "game.ui.screens.pause", "game.ui.screens.play",
    # the rest of the art, leaves first
    "game.ui.art.furniture",
    "game.ui.art.rooms", "game.ui.art.backgrounds", "game.ui.art.bodies", "game.ui.art.faces",
    "game.ui.art.people", "game.ui.art.portraits",
    # play
    "game.ui.screens.loading", "game.ui.hud", "game.ui.screens.story",
    "game.ui.screens.count", "game.ui.screens.decision", "game.ui.screens.feedback",
    # the debrief, leaves first
    "game.engine.citations", "game.ui.assessment_view", "game.ui.screens.debrief",
    "game.ui.screens.assessment",  # an individual assessment's form and feedback (issue 19)
    "game.ui.flow",
    # the exports (the debrief's Export button, live results), leaves first: not waited for before
    # the first play screen
    "game.errors", "game.outfiles", "game.exports.shape", "game.exports.signing", "game.exports.record",
    "game.exports.tables", "game.exports.xapi", "game.exports.replay", "game.exports.verify",
    "game.exports.files", "game.exports", "game.ui.exporting",
    # live results
    "game.delivery.outbox", "game.delivery.sender", "game.delivery.scorm", "game.delivery.cmi5", "game.delivery",
    "game.ui.live",
)


def source_path(name: str) -> str | None:
    """The source file of module ``name`` of the game package, found without importing its parent
    package (that would run the parent's ``__init__`` and compile what it imports)."""
    game = sys.modules.get("game")
    parts = name.split(".")
    if game is None or parts[0] != "game" or not getattr(game, "__path__", None):
        return None
    base = os.path.join(list(game.__path__)[0], *parts[1:])
    for path in (os.path.join(base, "__init__.py"), base + ".py"):
        if os.path.isfile(path):
            return path
    return None


class _PrecompiledLoader(SourceFileLoader):
    """The usual loader of a source file, except that it takes the code compiled ahead of time."""

    def __init__(self, fullname, path, codes):
        super().__init__(fullname, path)
        self._codes = codes

    def get_code(self, fullname):
        code = self._codes.pop(fullname, None)
        return code if code is not None else super().get_code(fullname)


class _Precompiled:
    """A finder ahead of the usual ones: for a game module compiled ahead of time, the usual spec
    with a loader that takes that code."""

    def __init__(self, codes: dict):
        self.codes = codes

    def find_spec(self, name, path=None, target=None):
        if name not in self.codes:
            return None
        spec = PathFinder.find_spec(name, path)
        if spec is None or not isinstance(spec.loader, SourceFileLoader):
            self.codes.pop(name, None)
            return None
        spec.loader = _PrecompiledLoader(name, spec.loader.path, self.codes)
        return spec

    def invalidate_caches(self) -> None:
        pass


# Module name -> its code object, compiled ahead and not imported yet (one table for the process: a
# second App, in tests, shares it), and the finder that hands those to the import system.
_CODES: dict = {}
_FINDER = _Precompiled(_CODES)


class Warmup:
    def __init__(self, names=LATER):
        self._to_compile = [n for n in names if n not in sys.modules]
        self._to_import = list(self._to_compile)
        self.total = len(self._to_compile)
        self.codes = _CODES
        if self._to_compile and _FINDER not in sys.meta_path:
            sys.meta_path.insert(0, _FINDER)

    @property
    def compiled(self) -> bool:
        """Every module is compiled (or already imported): importing any of them compiles nothing."""
        return not self._to_compile

    @property
    def done(self) -> bool:
        return not self._to_compile and not self._to_import

    def step(self) -> bool:
        """One slice: compile the next module, or once all are compiled, import the next one (a module
        that does not exist is passed over). Returns whether it did anything."""
        return self._compile_next() or self._import_next()

    def _compile_next(self) -> bool:
        while self._to_compile:
            name = self._to_compile.pop(0)
            if name in sys.modules or name in self.codes:
                continue
            path = source_path(name)
            if path is None:
                continue
            try:
                with open(path, "rb") as f:
                    source = f.read()
                self.codes[name] = compile(source, path, "exec", dont_inherit=True)
            except (OSError, SyntaxError, ValueError):
                continue  # the import will report it as it always does
            return True
        return False

    def _import_next(self) -> bool:
        while self._to_import:
            name = self._to_import.pop(0)
            if name in sys.modules:
                continue
            try:
                importlib.import_module(name)
            except ImportError:
                continue
            return True
        self._finish()
        return False

    def work(self, budget: float) -> bool:
        """Slices until ``budget`` seconds of CPU are spent (the slice started last is finished).
        Returns whether anything was done."""
        start = _cpu_time()
        did = False
        while not self.done and (not did or _cpu_time() - start < budget):
            if not self.step():
                break
            did = True
        return did

    def ready_for(self, name: str) -> bool:
        """``name`` and every module before it in the warm-up's order are imported."""
        return name in sys.modules or name not in self._to_import

    def prepare_within(self, budget: float, name: str) -> bool:
        """The loading screen's slices: compile the modules up to ``name`` (in the warm-up's order,
        leaves first), then import them, until ``budget`` seconds of CPU are spent (the slice started
        last is finished). True when ``name`` is imported."""
        start = _cpu_time()
        while not self.ready_for(name) and _cpu_time() - start < budget:
            if name in self._to_compile:
                self._compile_next()
            elif not self._import_next():
                break
        return self.ready_for(name)

    def steps_before(self, name: str) -> int:
        """Slices still to do before ``name`` is imported (the loading screen's bar)."""
        if self.ready_for(name):
            return 0
        compiles = self._to_compile.index(name) + 1 if name in self._to_compile else 0
        imports = self._to_import.index(name) + 1 if name in self._to_import else 0
        return compiles + imports

    def _finish(self) -> None:
        if _FINDER in sys.meta_path and not self.codes:
            sys.meta_path.remove(_FINDER)
