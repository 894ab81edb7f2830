"""Code only the tests use (golden paths, compiling a scenario in memory): kept out of ``game/``,
so the game and the web bundle do not carry it."""
