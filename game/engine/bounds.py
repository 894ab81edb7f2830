"""How large a variable can be (docs/CONTRACTS.md §3, §5).

Variables are meters and counters a trainee reads on screen, so their start, min and max stay
within ±VARIABLE_LIMIT. The authoring schema refuses more; the engine clamps whatever a compiled
story holds (a hand-edited or foreign file), so no value ever goes through a float or runs across
the screen.
"""

from __future__ import annotations

VARIABLE_LIMIT = 1_000_000


def clamp(value: int) -> int:
    return max(-VARIABLE_LIMIT, min(VARIABLE_LIMIT, value))


def bounded_variables(variables: dict[str, dict]) -> dict[str, dict]:
    """A copy of a story's variables with start, min and max within ±VARIABLE_LIMIT and start
    within min..max (the story's own data is left as it is: its content hash covers it)."""
    out = {}
    for name, spec in variables.items():
        lo, hi = clamp(spec["min"]), clamp(spec["max"])
        out[name] = {**spec, "min": lo, "max": hi, "start": min(hi, max(lo, clamp(spec["start"])))}
    return out
