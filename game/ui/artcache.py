"""Backgrounds, portraits and icons from ``game.ui.art``, rendered once and kept.

The art modules draw by code and a room takes 20–70 ms to paint (about twice that in WebAssembly),
so a story's pictures are made ahead of the screens that show them, a slice at a time:

- before a story's first screen, only that screen's pictures (``jobs_for_node``, run by the loading
  screen within a frame's budget);
- the rest in story order, nearest first, in the time each loop iteration leaves over (``queue`` and
  ``work``; rooms are painted a drawing call at a time, so no slice holds a frame for long);
- whenever the player moves on, the pictures of the screens that can come next move to the front
  (``prioritise``).

A screen that asks for a picture not made yet still gets it at once (drawn on the spot, counted in
``drawn_on_demand``) — never a placeholder. If a drawing fails, a plain fallback
keeps the game playable and the failure is reported once on stderr.
"""

from __future__ import annotations

import sys
import time
from collections import deque

import pygame

from game.ui import deferred

# CPU time where the runtime has a process clock (the browser's may not).
_cpu_time = getattr(time, "process_time", time.perf_counter)

_warned: set[str] = set()

PORTRAIT_SIZE = (340, 420)  # a speaker's portrait on the story screen
# How many nodes ahead (breadth-first) get their pictures first whenever the player moves on.
UPCOMING_NODES = 8


def _art(module: str):
    return deferred.load(f"game.ui.art.{module}")


def _warn(what: str, exc: BaseException) -> None:
    if what not in _warned:
        _warned.add(what)
        print(f"rightspath: drawing {what} failed ({exc.__class__.__name__}: {exc}); using a plain stand-in",
              file=sys.stderr)


class ArtCache:
    def __init__(self, theme_name: str = "calm"):
        self._images: dict[tuple, pygame.Surface] = {}
        self.theme_name = theme_name
        self._queue: deque[tuple] = deque()  # keys of pictures still to make, nearest first
        self._steps: dict[tuple, object] = {}  # a room being painted: key -> its paint_steps generator
        self.drawn_on_demand = 0  # pictures a screen asked for before they were made

    def clear(self) -> None:
        self._images.clear()
        self._queue.clear()
        self._steps.clear()

    def has(self, key: tuple) -> bool:
        return key in self._images

    def background(self, location: str, size: tuple[int, int]) -> pygame.Surface:
        key = ("bg", location, size)
        img = self._images.get(key)
        if img is None:
            self.drawn_on_demand += 1
            img = self._make(key)
        return img

    def portrait(self, portrait: str, mood: str, size: tuple[int, int]) -> pygame.Surface | None:
        if portrait == "narrator":
            return None
        key = ("pt", portrait, mood, size)
        if key not in self._images:
            self.drawn_on_demand += 1
            self._make(key)
        return self._images[key]

    # -- making pictures ahead of time -------------------------------------------------------------
    def _make(self, key: tuple) -> pygame.Surface | None:
        """Make the picture for ``key`` now, finishing a room already half painted."""
        while key not in self._images:
            self._step(key)
        return self._images[key]

    def _step(self, key: tuple) -> None:
        """One slice of the work for ``key``: a portrait whole, a room one drawing call."""
        if key[0] == "pt":
            self._images[key] = _portrait(key[1], key[2], key[3])
            return
        steps = self._steps.get(key)
        if steps is None:
            steps = self._steps[key] = _background_steps(key[1], key[2])
        try:
            next(steps)
        except StopIteration as done:
            del self._steps[key]
            self._images[key] = done.value
        except Exception as exc:  # a broken drawing must not stop a training session
            del self._steps[key]
            _warn(f"background {key[1]!r}", exc)
            self._images[key] = _plain_background(key[2])

    def queue(self, keys) -> None:
        """Add pictures to make in the spare time of later loop iterations (duplicates ignored)."""
        known = set(self._queue)
        for key in keys:
            if key not in self._images and key not in known and (key[0] != "pt" or key[1]):
                known.add(key)
                self._queue.append(key)

    def prioritise(self, keys) -> None:
        """Move these pictures (the screens that can come next) to the front of the queue, in order."""
        wanted = [k for k in keys if k not in self._images and (k[0] != "pt" or k[1])]
        if not wanted:
            return
        first = set(wanted)
        rest = [k for k in self._queue if k not in first]
        self._queue = deque(dict.fromkeys(wanted))
        self._queue.extend(rest)

    @property
    def pending(self) -> int:
        return sum(1 for k in self._queue if k not in self._images)

    @property
    def has_work(self) -> bool:
        return bool(self._queue)

    def work(self, budget: float) -> bool:
        """Make queued pictures until ``budget`` seconds of CPU are spent (a slice started before the
        budget runs out is finished). Returns whether anything was done."""
        start = _cpu_time()
        did = False
        while self._queue:
            key = self._queue[0]
            if key in self._images:
                self._queue.popleft()
                continue
            if did and _cpu_time() - start >= budget:
                break
            self._step(key)
            did = True
        return did

    def run_now(self, keys, budget: float) -> bool:
        """Loading-screen work: make ``keys`` first, within ``budget``; True when all of them are made."""
        self.prioritise(keys)
        self.work(budget)
        return all(k in self._images for k in keys if k[0] != "pt" or k[1])

    def icon(self, name: str, size: int, color) -> pygame.Surface:
        key = ("ic", name, size, tuple(color))
        img = self._images.get(key)
        if img is None:
            img = self._images[key] = _icon(name, size, tuple(color))
        return img

    def keep_only(self, story, bg_size: tuple[int, int], portrait_size: tuple[int, int]) -> int:
        """Let go of the backgrounds and portraits ``story`` cannot show (another story's, another
        size's), here and in the art modules' own caches; icons stay. Returns how many were dropped.
        A browser tab's heap never shrinks, so a second scenario must not stack on the first."""
        wanted = set(self._story_keys(story, bg_size, portrait_size))
        drop = [k for k in self._images if k[0] in ("bg", "pt") and k not in wanted]
        for key in drop:
            del self._images[key]
        self._queue = deque(k for k in self._queue if k in wanted)
        self._steps = {k: v for k, v in self._steps.items() if k in wanted}
        for module in ("backgrounds", "portraits"):
            mod = sys.modules.get(f"game.ui.art.{module}")  # one not imported yet has nothing cached
            if mod is not None and hasattr(mod, "clear_cache"):
                mod.clear_cache()  # what is still wanted lives on in self._images
        return len(drop)

    def _story_keys(self, story, bg_size, portrait_size):
        for node_id in story.nodes:
            yield from node_keys(story, node_id, bg_size, portrait_size)

    def prerender(self, story, bg_size: tuple[int, int], portrait_size: tuple[int, int]) -> int:
        """Make every background and portrait a story can show, at once; return how many were made."""
        keys = [k for k in dict.fromkeys(self._story_keys(story, bg_size, portrait_size))
                if k not in self._images and (k[0] != "pt" or k[1])]
        for key in keys:
            self._make(key)
        return len(keys)


def node_keys(story, node_id: str, bg_size, portrait_size) -> list[tuple]:
    """The pictures the screen of ``node_id`` draws: its room (scenes, decisions and their feedback
    all show it; "office" where none is named) and its speakers' portraits in their moods."""
    node = story.nodes[node_id]
    if node.get("kind") in ("branch", "ending"):
        return []
    keys = [("bg", node.get("location") or "office", bg_size)]
    for line in node.get("lines", ()):
        who = story.characters.get(line.get("speaker", ""), {})
        portrait = who.get("portrait")
        if portrait and portrait != "narrator":
            keys.append(("pt", portrait, line.get("mood") or "neutral", portrait_size))
    return keys


def next_nodes(node: dict) -> list[str]:
    """The nodes a node can lead to, in authored order."""
    out = [node["next"]] if node.get("next") else []
    out += [case["next"] for case in node.get("cases", ()) if case.get("next")]
    if node.get("else"):
        out.append(node["else"])
    out += [choice["next"] for choice in node.get("choices", ()) if choice.get("next")]
    return out


def upcoming_keys(story, node_id: str, bg_size, portrait_size, limit: int | None = None) -> list[tuple]:
    """The pictures of ``node_id`` and of every node reachable from it, nearest first (breadth-first),
    each once; ``limit`` stops after that many nodes."""
    seen, order, frontier = {node_id}, [], deque([node_id])
    while frontier and (limit is None or len(order) < limit):
        current = frontier.popleft()
        order.append(current)
        for nxt in next_nodes(story.nodes[current]):
            if nxt in story.nodes and nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    keys: list[tuple] = []
    for nid in order:
        keys += node_keys(story, nid, bg_size, portrait_size)
    return list(dict.fromkeys(keys))


# The UI's names for what an icon means -> the names game.ui.art.icons draws.
ICON_NAMES = {
    "check": "upholds", "recommended": "upholds", "passed": "upholds",
    "cross": "breaches", "not_recommended": "breaches", "failed": "breaches",
    "partial": "missed", "warning": "info",
}
OWN_ICONS = {"up", "down"}  # meter arrows: drawn here (the art set has plus/minus, not arrows)


def _background_steps(location: str, size):
    """The art module's room, painted a slice per ``next()``; the finished surface is the generator's
    return value (shared with the art module's own cache: never drawn on, never copied)."""
    return _art("backgrounds").paint_steps(location, size)


def _background(location: str, size) -> pygame.Surface:
    try:
        img = _art("backgrounds").render(location, size)
        if img is not None:
            return img  # shared with the art module's own cache: never drawn on, never copied
    except Exception as exc:  # a broken drawing must not stop a training session
        _warn(f"background {location!r}", exc)
    return _plain_background(size)


def _plain_background(size) -> pygame.Surface:
    """Stand-in: a calm two-tone wall and floor."""
    surf = pygame.Surface(size)
    w, h = size
    surf.fill((200, 208, 204))
    pygame.draw.rect(surf, (168, 176, 170), (0, int(h * 0.7), w, h - int(h * 0.7)))
    return surf


def _portrait(portrait: str, mood: str, size) -> pygame.Surface | None:
    try:
        img = _art("portraits").render(portrait, mood, size)
        if img is not None:
            return img
    except Exception as exc:  # a broken drawing must not stop a training session
        _warn(f"portrait {portrait!r}/{mood!r}", exc)
    # Stand-in: a simple bust silhouette.
    surf = pygame.Surface(size, pygame.SRCALPHA)
    w, h = size
    pygame.draw.ellipse(surf, (120, 130, 140), (w * 0.15, h * 0.62, w * 0.7, h * 0.6))
    pygame.draw.circle(surf, (150, 160, 168), (w // 2, int(h * 0.4)), int(min(w, h) * 0.2))
    return surf


def _icon(name: str, size: int, color) -> pygame.Surface:
    if name not in OWN_ICONS:
        try:
            img = _art("icons").render(ICON_NAMES.get(name, name), size, color)
            if img is not None:
                return img
        except Exception as exc:  # a broken drawing must not stop a training session
            _warn(f"icon {name!r}", exc)
    return fallback_icon(name, size, color)


def fallback_icon(name: str, size: int, color) -> pygame.Surface:
    """Plain geometric icons; each has a distinct shape so meaning never rests on colour."""
    s = pygame.Surface((size, size), pygame.SRCALPHA)
    w = max(2, size // 8)
    c = size // 2
    if name in ("check", "upholds", "recommended", "passed"):
        pygame.draw.lines(s, color, False, [(size * 0.18, size * 0.52), (size * 0.42, size * 0.76), (size * 0.84, size * 0.26)], w)
    elif name in ("cross", "breaches", "not_recommended", "failed"):
        pygame.draw.line(s, color, (size * 0.22, size * 0.22), (size * 0.78, size * 0.78), w)
        pygame.draw.line(s, color, (size * 0.78, size * 0.22), (size * 0.22, size * 0.78), w)
    elif name in ("misses", "not_used"):  # an empty box, corners only
        for x, y, dx, dy in ((w, w, 1, 1), (size - w, w, -1, 1), (size - w, size - w, -1, -1), (w, size - w, 1, -1)):
            pygame.draw.lines(s, color, False, [(x, y + dy * size * 0.3), (x, y), (x + dx * size * 0.3, y)], w)
    elif name in ("partial", "missed"):
        pygame.draw.circle(s, color, (c, c), c - w, w)
        pygame.draw.line(s, color, (size * 0.28, c), (size * 0.72, c), w)
    elif name in ("warning", "info"):
        pygame.draw.polygon(s, color, [(c, w), (size - w, size - w), (w, size - w)], w)
        pygame.draw.line(s, color, (c, size * 0.38), (c, size * 0.64), w)
        pygame.draw.circle(s, color, (c, int(size * 0.78)), max(1, w // 2 + 1))
    elif name in ("up", "increase"):
        pygame.draw.polygon(s, color, [(c, size * 0.2), (size * 0.8, size * 0.7), (size * 0.2, size * 0.7)])
    elif name in ("down", "decrease"):
        pygame.draw.polygon(s, color, [(c, size * 0.8), (size * 0.8, size * 0.3), (size * 0.2, size * 0.3)])
    elif name == "pause":
        pygame.draw.rect(s, color, (size * 0.25, size * 0.2, size * 0.16, size * 0.6))
        pygame.draw.rect(s, color, (size * 0.59, size * 0.2, size * 0.16, size * 0.6))
    else:
        pygame.draw.circle(s, color, (c, c), c - w, w)
    return s
