"""The individual assessment (story format 4, node kind ``assessment``): items to mark, each scored
against the case's facts and the provisions it rests on (docs/CONTRACTS.md §5 and §6).

A node holds ``sections`` (the Art. 22 steps: the child's characteristics, the crime, the child's
views, the risks) and ``measures`` (what follows: 23(2), 23(3), 24, support under 8-9). Every item says
whether the facts support marking it (``applies``) and which provisions it rests on (``assess``:
right and weight, no verdict). The verdict is derived from the mark:

==========  =========  ===========================================================================
marked      applies    verdicts (one per ``assess`` entry, at its weight)
==========  =========  ===========================================================================
yes         yes        ``upholds``                                         result ``marked``
no          yes        ``misses`` (``breaches`` when authored ``if_missed: breaches``)  ``missed``
yes         no         a measure: ``breaches`` ("no basis in the facts");  result ``flagged``
                       a characteristic: ``misses`` (an overstated need)
no          no         none: correct                                       result ``clear``
==========  =========  ===========================================================================

Points are for the assessment's accuracy, not the sum of its verdicts: an item is worth ``w``, the
sum of its ``assess`` weights, and earns ``+w`` when it is right (marked and applies, or left unmarked
and does not apply) and ``-w`` when it is wrong (missed, or flagged). So the assessment's ``best`` is
Σw, its ``worst`` −Σw, and its quality ``(earned − worst) / (best − worst)`` is the share of its weight
got right: marking everything scores the share of the weight that applies, and so does no better
than the content lets it (lint W421 warns when that reaches the scenario's mastery). It enters the
scenario's score as one decision does (Σ(earned − worst) / Σ(best − worst)). The verdicts carry the
law: they go into the per-right tally as a decision's do, and "missed" counts each right of an item
that applies and was not marked.
"""

from __future__ import annotations

import hashlib

# An assessment's overall quality, (earned - worst) / (best - worst), picks its variable effects.
GOOD_SHARE = 0.8  # at least this: the "good" effects
POOR_SHARE = 0.5  # below this: the "poor" effects; in between: none

RESULTS = ("marked", "missed", "flagged", "clear")
MEASURES = "measures"  # the section id the measures carry in item lists


def items(node: dict) -> list[dict]:
    """Every item of an assessment, as authored (sections in order, then the measures), each a copy
    with ``section`` (the section id, or "measures") and ``measure`` (bool) added."""
    out = []
    for section in node.get("sections", ()):
        for item in section.get("items", ()):
            out.append({**item, "section": section["id"], "measure": False})
    for item in (node.get("measures") or {}).get("items", ()):
        out.append({**item, "section": MEASURES, "measure": True})
    return out


def item_ids(node: dict) -> list[str]:
    return [item["id"] for item in items(node)]


def order_key(seed: int, node_id: str, item_id: str) -> bytes:
    """Like run.order_key for options, with its own label, so items and options never share a draw."""
    return hashlib.sha256(f"rightspath-items/1\n{int(seed)}\n{node_id}\n{item_id}".encode("utf-8")).digest()


def shown_order(seed: int, node_id: str, node: dict) -> dict[str, list[str]]:
    """Item ids per section (and "measures") in the order shown: drawn from the seed within each
    section (sections stay in their order), or as written when the node says ``order: fixed``."""
    out: dict[str, list[str]] = {}
    for item in items(node):
        out.setdefault(item["section"], []).append(item["id"])
    if node.get("order") != "fixed":
        for section, ids in out.items():
            out[section] = sorted(ids, key=lambda iid: order_key(seed, node_id, iid))
    return out


def verdicts_for(item: dict, marked: bool) -> tuple[str, list[dict]]:
    """(result, verdicts) of one item given whether it was marked (the table above)."""
    applies = bool(item.get("applies"))
    assess = item.get("assess", ())
    if marked and applies:
        return "marked", [{"right": a["right"], "verdict": "upholds", "weight": a["weight"]} for a in assess]
    if applies:
        verdict = item.get("if_missed", "misses")
        return "missed", [{"right": a["right"], "verdict": verdict, "weight": a["weight"]} for a in assess]
    if marked:
        verdict = "breaches" if item.get("measure") else "misses"
        return "flagged", [{"right": a["right"], "verdict": verdict, "weight": a["weight"]} for a in assess]
    return "clear", []


def worth(item: dict) -> int:
    """What an item is worth: the sum of its ``assess`` weights."""
    return sum(a["weight"] for a in item.get("assess", ()))


def evaluate(node: dict, marks: set[str] | frozenset[str]) -> dict:
    """The whole assessment for a set of marked item ids: ``items`` (per item: id, section, measure,
    marked, applies, result, verdicts, value ±worth), ``earned``, ``best`` (Σ worth), ``worst``
    (−Σ worth), ``verdicts`` (every item's, in authored order, each with its ``item``) and ``quality``
    ((earned − worst) / (best − worst): the share of the weight got right; 1.0 with no weight)."""
    out_items = []
    earned = best = 0
    for item in items(node):
        marked = item["id"] in marks
        result, verdicts = verdicts_for(item, marked)
        w = worth(item)
        value = w if result in ("marked", "clear") else -w
        earned += value
        best += w
        out_items.append({"id": item["id"], "section": item["section"], "measure": item["measure"],
                          "marked": marked, "applies": bool(item.get("applies")), "result": result,
                          "verdicts": verdicts, "value": value})
    worst = -best
    quality = 1.0 if best == worst else round((earned - worst) / (best - worst), 6)
    return {"items": out_items, "earned": earned, "best": best, "worst": worst, "quality": quality,
            "verdicts": [dict(v, item=i["id"]) for i in out_items for v in i["verdicts"]]}


def best_marks(node: dict) -> list[str]:
    """The item ids a perfect assessment marks (those that apply), in authored order."""
    return [item["id"] for item in items(node) if item.get("applies")]


def band(quality: float) -> str | None:
    """Which of the node's ``effects`` apply: "good", "poor" or None (docs/CONTRACTS.md §6)."""
    if quality + 1e-9 >= GOOD_SHARE:
        return "good"
    if quality < POOR_SHARE:
        return "poor"
    return None


def offered_rights(node: dict) -> set[str]:
    """Rights an assessment could uphold: those of the items that apply (for the "missed" tally)."""
    return {a["right"] for item in items(node) if item.get("applies") for a in item.get("assess", ())}
