"""Backgrounds, portraits and icons from ``game.ui.art``, rendered once and kept.

The art modules draw by code and can take a while per image, so a story's images are rendered when
the story starts (``prerender``), never inside the frame loop. If a drawing module is missing or
fails, a plain fallback keeps the game playable and the failure is reported once on stderr.
"""

from __future__ import annotations

import importlib
import sys

import pygame

_warned: set[str] = set()


def _art(module: str):
    try:
        return importlib.import_module(f"game.ui.art.{module}")
    except ImportError:
        return None


def _warn(what: str, exc: BaseException) -> None:
    if what not in _warned:
        _warned.add(what)
        print(f"rightspath: drawing {what} failed ({exc.__class__.__name__}: {exc}); using a plain stand-in",
              file=sys.stderr)


class ArtCache:
    def __init__(self, theme_name: str = "calm"):
        self._images: dict[tuple, pygame.Surface] = {}
        self.theme_name = theme_name

    def clear(self) -> None:
        self._images.clear()

    def background(self, location: str, size: tuple[int, int]) -> pygame.Surface:
        key = ("bg", location, size)
        img = self._images.get(key)
        if img is None:
            img = self._images[key] = _background(location, size)
        return img

    def portrait(self, portrait: str, mood: str, size: tuple[int, int]) -> pygame.Surface | None:
        if portrait == "narrator":
            return None
        key = ("pt", portrait, mood, size)
        if key not in self._images:
            self._images[key] = _portrait(portrait, mood, size)
        return self._images[key]

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
        for module in ("backgrounds", "portraits"):
            mod = _art(module)
            if mod is not None and hasattr(mod, "clear_cache"):
                mod.clear_cache()  # what is still wanted lives on in self._images
        return len(drop)

    def _story_keys(self, story, bg_size, portrait_size):
        for node in story.nodes.values():
            yield ("bg", node.get("location") or "office", bg_size)
            for line in node.get("lines", ()):
                who = story.characters.get(line.get("speaker", ""), {})
                yield ("pt", who.get("portrait"), line.get("mood") or "neutral", portrait_size)

    def prerender_jobs(self, story, bg_size: tuple[int, int], portrait_size: tuple[int, int]) -> list:
        """One callable per background or portrait the story can show and that is not drawn yet."""
        jobs, seen = [], set()
        for node in story.nodes.values():
            if node.get("location"):
                key = ("bg", node["location"], bg_size)
                if key not in self._images and key not in seen:
                    seen.add(key)
                    jobs.append(lambda loc=node["location"]: self.background(loc, bg_size))
            for line in node.get("lines", ()):
                who = story.characters.get(line.get("speaker", ""), {})
                portrait, mood = who.get("portrait"), line.get("mood") or "neutral"
                key = ("pt", portrait, mood, portrait_size)
                if portrait and portrait != "narrator" and key not in self._images and key not in seen:
                    seen.add(key)
                    jobs.append(lambda p=portrait, m=mood: self.portrait(p, m, portrait_size))
        return jobs

    def prerender(self, story, bg_size: tuple[int, int], portrait_size: tuple[int, int]) -> int:
        """Render every background and portrait a story can show at once; return how many."""
        jobs = self.prerender_jobs(story, bg_size, portrait_size)
        for job in jobs:
            job()
        return len(jobs)


# The UI's names for what an icon means -> the names game.ui.art.icons draws.
ICON_NAMES = {
    "check": "upholds", "recommended": "upholds", "passed": "upholds",
    "cross": "breaches", "not_recommended": "breaches", "failed": "breaches",
    "partial": "missed", "warning": "info",
}
OWN_ICONS = {"up", "down"}  # meter arrows: drawn here (the art set has plus/minus, not arrows)


def _background(location: str, size) -> pygame.Surface:
    mod = _art("backgrounds")
    if mod is not None:
        try:
            img = mod.render(location, size)
            if img is not None:
                return img  # shared with the art module's own cache: never drawn on, never copied
        except Exception as exc:  # a broken drawing must not stop a training session
            _warn(f"background {location!r}", exc)
    # Stand-in: a calm two-tone wall and floor.
    surf = pygame.Surface(size)
    w, h = size
    surf.fill((200, 208, 204))
    pygame.draw.rect(surf, (168, 176, 170), (0, int(h * 0.7), w, h - int(h * 0.7)))
    return surf


def _portrait(portrait: str, mood: str, size) -> pygame.Surface | None:
    mod = _art("portraits")
    if mod is not None:
        try:
            img = mod.render(portrait, mood, size)
            if img is not None:
                return img
        except Exception as exc:
            _warn(f"portrait {portrait!r}/{mood!r}", exc)
    # Stand-in: a simple bust silhouette.
    surf = pygame.Surface(size, pygame.SRCALPHA)
    w, h = size
    pygame.draw.ellipse(surf, (120, 130, 140), (w * 0.15, h * 0.62, w * 0.7, h * 0.6))
    pygame.draw.circle(surf, (150, 160, 168), (w // 2, int(h * 0.4)), int(min(w, h) * 0.2))
    return surf


def _icon(name: str, size: int, color) -> pygame.Surface:
    mod = _art("icons") if name not in OWN_ICONS else None
    if mod is not None:
        try:
            img = mod.render(ICON_NAMES.get(name, name), size, color)
            if img is not None:
                return img
        except Exception as exc:
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
