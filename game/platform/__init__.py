"""Storage, downloads and URL parameters behind one interface (docs/CONTRACTS.md §10).

The implementation is chosen at run time: the browser build (pygbag, ``sys.platform ==
"emscripten"``) gets ``BrowserPlatform``; everything else gets ``DesktopPlatform``. Both modules are
imported lazily so the desktop never touches pygbag's bridge and the browser never touches the
desktop's file layout.
"""

from __future__ import annotations

import sys

from game.platform.base import Platform, StorageError, valid_key

__all__ = ["Platform", "StorageError", "get_platform", "valid_key"]


def get_platform(**kwargs) -> Platform:
    """The platform this process runs on. ``kwargs`` go to the implementation's constructor."""
    if sys.platform == "emscripten":
        from game.platform.browser import BrowserPlatform

        return BrowserPlatform(**kwargs)
    from game.platform.desktop import DesktopPlatform

    return DesktopPlatform(**kwargs)
