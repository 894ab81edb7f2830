"""What an individual assessment (issue 19) says, in words: the results of its items, the summary,
the feedback's lines, the debrief's entry and the screen-reader descriptions. Shared by the form and
feedback screens (game/ui/screens/assessment.py), the debrief and game/ui/a11y.py, and importing none
of them.
"""

from __future__ import annotations

from game.engine import assessment as assessing
from game.engine.story import discussion
from game.engine.vocab import ROLE_LABELS, STAGE_LABELS
from game.ui import actions as A
from game.ui import draw, verdicts
from game.ui.tr import N_, _

MARKED, NOT_MARKED = N_("marked"), N_("not marked")
SUBMIT = N_("Submit the assessment")

# An item's result -> (icon, words, tone): the feedback's heading of each item. Never colour alone.
RESULTS = {
    "marked": ("upholds", N_("Marked, and it applies"), "good"),
    "clear": ("recommended", N_("Rightly left unmarked: the facts do not support it"), "good"),
    "missed": ("missed", N_("Missed: it applies, and was not marked"), "neutral"),
    "flagged": ("breaches", N_("Flagged: marked without a basis in the facts"), "bad"),
}


def item_texts(node: dict) -> dict[str, dict]:
    """Every item of the node by id (with its section id and whether it is a measure)."""
    return {item["id"]: item for item in assessing.items(node)}


def section_titles(node: dict) -> list[tuple[str, str]]:
    """(section id, title) in order, the measures last."""
    out = [(s["id"], s.get("title", s["id"])) for s in node.get("sections", ())]
    measures = node.get("measures") or {}
    return out + [(assessing.MEASURES, measures.get("title") or _("Measures that follow"))]


def result_tone(item: dict) -> str:
    """A missed item that the author marked ``if_missed: breaches`` is told as bad, else neutral."""
    icon, _words, tone = RESULTS[item["result"]]
    if item["result"] == "missed" and any(v["verdict"] == "breaches" for v in item["verdicts"]):
        return "bad"
    return tone


# A "misses" on an item that is not a measure is not a measure left unused: its own words.
ITEM_MISSES = {
    "missed": N_("Not taken into account: {citation} — {title}"),
    "flagged": N_("Marked without a basis in the facts: {citation} — {title}"),
}


def item_verdict_line(v: dict, right: dict, got: dict) -> tuple[str, str, str]:
    """(icon, text, tone) of one verdict of an item: as a decision's (verdicts.line), except that a
    characteristic (not a measure) that was missed or marked without a basis is told as such."""
    if v["verdict"] == "misses" and not got.get("measure") and got["result"] in ITEM_MISSES:
        text = _(ITEM_MISSES[got["result"]]).format(citation=right.get("citation", v["right"]),
                                                    title=right.get("title", ""))
        return "misses", text, "neutral"
    return verdicts.line(v, right)


def summary_counts(rec) -> dict[str, int]:
    counts = dict.fromkeys(RESULTS, 0)
    for item in rec.items or ():
        counts[item["result"]] += 1
    return counts


def summary_line(rec) -> str:
    """"9 of 12 items right (75 % of the weight): 2 missed, 1 flagged"."""
    counts = summary_counts(rec)
    right = counts["marked"] + counts["clear"]
    share = 100 if rec.best == rec.worst else round(100 * (rec.earned - rec.worst) / (rec.best - rec.worst))
    text = _("{right} of {total} items right ({share} % of the weight)").format(
        right=right, total=len(rec.items or ()), share=share)
    wrong = []
    if counts["missed"]:
        wrong.append(_("{n} missed").format(n=counts["missed"]))
    if counts["flagged"]:
        wrong.append(_("{n} flagged").format(n=counts["flagged"]))
    return text + (": " + ", ".join(wrong) if wrong else "")


def feedback_lines(playthrough, node: dict, rec) -> list[tuple]:
    """What the feedback shows, in reading order, as (kind, text, role, colour, bold, indent, icon):
    one list for the screen and its screen-reader text."""
    story = playthrough.story
    items = item_texts(node)
    icon, words, _short, tone = verdicts.rating(rec)
    out: list[tuple] = [("first", words, "heading", tone, True, 0, icon),
                        ("line", summary_line(rec), "body", "text", False, 0, "")]
    by_id = {i["id"]: i for i in rec.items or ()}
    for section, title in section_titles(node):
        ids = [iid for iid in items if items[iid]["section"] == section and iid in by_id]
        if not ids:
            continue
        out.append(("gap", "", "", "", False, 0, ""))
        out.append(("line", title, "label", "heading", True, 0, ""))
        for iid in ids:
            item, got = items[iid], by_id[iid]
            r_icon, r_words, _tone = RESULTS[got["result"]]
            out.append(("line", _(r_words), "small", result_tone(got), True, 0, r_icon))
            out.append(("line", item.get("text", iid), "body", "text", False, 24, ""))
            for v in got["verdicts"]:
                right = story.right(v["right"])
                v_icon, v_text, v_tone = item_verdict_line(v, right, got)
                out.append(("line", v_text, "small", v_tone, False, 24, v_icon))
            if not got["verdicts"]:  # rightly left unmarked: the provisions it would have rested on
                cites = ", ".join(story.right(a["right"]).get("citation", a["right"]) for a in item.get("assess", ()))
                if cites:
                    out.append(("line", _("Rests on: {citations}").format(citations=cites), "small", "text_muted",
                                False, 24, ""))
            if item.get("feedback"):
                out.append(("line", _("Why: {reason}").format(reason=item["feedback"]), "small", "text_muted", False,
                            24, ""))
    after = discussion(node)[1] if playthrough.facilitated else []
    if after:
        out.append(("gap", "", "", "", False, 0, ""))
        out.append(("line", _("To discuss now"), "label", "heading", True, 0, ""))
        out += [("line", "• " + p, "body", "text", False, 0, "") for p in after]
    changes = []
    for name, delta in (rec.deltas or {}).items():
        spec = story.variables.get(name, {})
        if spec.get("shown") and delta:
            changes.append(f"{spec.get('label', name)} {'+' if delta > 0 else '−'}{abs(delta)}")
    if changes:
        out.append(("gap", "", "", "", False, 0, ""))
        out.append(("line", _("What changed"), "label", "heading", True, 0, ""))
        out.append(("line", ", ".join(changes), "body", "text", False, 0, ""))
    return out


# -- the screen-reader layer (docs/CONTRACTS.md §10): described like the decision screen ----------
def _press(scene, index):
    """Pressed in the screen-reader layer: focus the control and Enter, as game.ui.a11y does."""
    def run():
        scene.group.focus = index
        return scene.handle(A.Action(A.ACTIVATE))
    return run


def describe_form(app, scene, b):
    node = scene.node
    role = _(ROLE_LABELS.get(node.get("role", ""), node.get("role", "")))
    heading = _(STAGE_LABELS["individual_assessment"])  # "Individual assessment", the stage's label
    tag = _("You act as: {role}").format(role=role)
    prompt = node.get("prompt", "")
    text = [tag, _("Group assessment") if scene.facilitated else heading, prompt]
    if scene.revision:
        text.append(_("This assessment updates an earlier one (Art. 22(7)): it starts from the marks you gave "
                      "then. Change what the new facts change."))
    if scene.facilitated:
        text += ["• " + q for q in discussion(node)[0]]
    index = {w: i for i, w in enumerate(scene.group.widgets)}
    for section, title in section_titles(node):
        ids = scene.order.get(section, [])
        if not ids:
            continue
        text.append(title)
        for iid in ids:
            toggle = scene.toggles[iid]
            state = _(MARKED) if toggle.marked else _(NOT_MARKED)
            label = f"{toggle.label} ({state})"
            text.append(label)
            b.add(f"item-{iid}", label, _press(scene, index[toggle]),
                  focused=scene.group.focus == index[toggle])
    count = _("{n} of {total} items marked").format(n=len(scene.marks), total=len(scene.toggles))
    text.append(count)
    b.add("submit", _(SUBMIT), _press(scene, index[scene.submit_button]),
          focused=scene.group.focus == index[scene.submit_button])
    b.menu()
    say = [tag, prompt, _("{total} items to mark or leave, in {n} sections, then “Submit the assessment”.").format(
        total=len(scene.toggles), n=sum(1 for ids in scene.order.values() if ids)), count]
    return heading, say, text, "polite"


def describe_feedback(app, scene, b):
    lines = feedback_lines(scene.playthrough, scene.node, scene.result)
    text = [words for kind, words, *_rest in lines if kind != "gap" and words]
    b.group(scene.group)
    b.menu()
    return _("Feedback"), text[:2], text, "assertive"


# -- the debrief's entry for an assessment (game/ui/screens/debrief.py calls these) ----------------
def debrief_detail(story, rec) -> str:
    """What went wrong, item by item: "Missed: …; flagged (no basis in the facts): …", or ""."""
    node = story.nodes[rec.node]
    texts = {iid: item.get("text", iid) for iid, item in item_texts(node).items()}
    parts = []
    for result, words in (("missed", _("Missed: {items}")), ("flagged", _("Flagged (no basis in the facts): {items}"))):
        ids = [i["id"] for i in rec.items or () if i["result"] == result]
        if ids:
            parts.append(words.format(items=" · ".join(texts.get(iid, iid) for iid in ids)))
    return "; ".join(parts)


def paint_debrief_items(surf, ui, rec, story, y: int, width: int) -> int:
    """The assessment in the debrief's list: the summary line, then each item that was not right,
    with its result in words and an icon."""
    theme = ui.theme
    y = draw.block(surf, ui, summary_line(rec), (0, y, width, 200), "small", theme.text) + 2
    node = story.nodes[rec.node]
    texts = {iid: item.get("text", iid) for iid, item in item_texts(node).items()}
    isize = ui.fonts.px("small") + 2
    for item in rec.items or ():
        if item["result"] in ("marked", "clear"):
            continue
        icon, words, _tone = RESULTS[item["result"]]
        color = verdicts.tone_color(theme, result_tone(item))
        surf.blit(ui.art.icon(icon, isize, color), (0, y + 2))
        y = draw.block(surf, ui, f"{_(words)}: {texts.get(item['id'], item['id'])}",
                       (isize + 8, y, width - isize - 8, 300), "small", theme.text)
    return y + 2
