"""Scenes and the scene stack.

The top scene receives actions and is drawn; a scene that is not ``opaque`` (a dialog) has the scene
below drawn first. A scene pushed with ``on_result`` is modal: when it pops itself with a result, the
callback receives it (Textual's push_screen/dismiss, in small).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from game.ui import actions as A

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    name = "scene"
    opaque = True

    def __init__(self, app: "App"):
        self.app = app
        self.page = 0  # screens with several pages bump this so a screenshot is taken of each

    # life cycle
    def enter(self) -> None:
        """Called once when first shown."""

    def resume(self) -> None:
        """Called when a scene above it has been popped."""

    # input, time, drawing
    def handle(self, action: A.Action) -> bool:
        """React to an action; return True if it was used."""
        return False

    def update(self) -> None:
        """Advance from the virtual clock, once per loop iteration (animations, work in steps)."""

    @property
    def animating(self) -> bool:
        """Whether something on screen still moves (asked without changing anything: the loop, the
        screenshots and the autopilot wait for a settled frame)."""
        return False

    def draw(self, surface) -> None:
        raise NotImplementedError

    def screen_id(self) -> str:
        """Names what is on screen: a new id means a new screen (for screenshots and the pilot)."""
        return f"{self.name}:{self.page}"

    def close(self, result: Any = None) -> None:
        self.app.scenes.pop(self, result)


class SceneStack:
    def __init__(self, on_change: Callable[[], None]):
        self._items: list[tuple[Scene, Callable[[Any], None] | None]] = []
        self._on_change = on_change

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):
        return (scene for scene, _ in self._items)

    @property
    def top(self) -> Scene | None:
        return self._items[-1][0] if self._items else None

    def push(self, scene: Scene, on_result: Callable[[Any], None] | None = None) -> Scene:
        self._items.append((scene, on_result))
        scene.enter()
        self._on_change()
        return scene

    def pop(self, scene: Scene | None = None, result: Any = None) -> None:
        """Remove ``scene`` (default: the top) and hand ``result`` to whoever pushed it."""
        if not self._items:
            return
        index = len(self._items) - 1
        if scene is not None:
            for i in range(len(self._items) - 1, -1, -1):
                if self._items[i][0] is scene:
                    index = i
                    break
            else:
                return
        removed, callback = self._items.pop(index)
        if self.top is not None and index == len(self._items):
            self.top.resume()
        self._on_change()
        if callback is not None:
            callback(result)

    def replace(self, scene: Scene) -> Scene:
        """Swap the top scene for ``scene`` (no result is delivered)."""
        if self._items:
            self._items.pop()
        return self.push(scene)

    def reset(self, scene: Scene) -> Scene:
        """Drop every scene and show ``scene`` alone."""
        self._items.clear()
        return self.push(scene)

    def visible(self) -> list[Scene]:
        """Scenes to draw, bottom first: from the last opaque one up."""
        scenes = [s for s, _ in self._items]
        start = 0
        for i in range(len(scenes) - 1, -1, -1):
            if scenes[i].opaque:
                start = i
                break
        return scenes[start:]
