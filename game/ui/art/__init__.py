"""Everything the game shows that is drawn rather than written: backgrounds, portraits, icons,
and where the bundled font lives. Drawn by code with pygame only (it ships to the browser);
every function is deterministic and caches its result."""
