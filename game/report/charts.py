"""The report's charts, drawn by matplotlib as inline SVG (text kept as text, no external fonts).

Colours are picked to read on a projector and for colour-blind viewers (blue / orange / grey), and
every chart also carries its numbers as labels, so nothing depends on colour alone.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt  # noqa: E402

UPHELD, BREACHED, MISSED, NEUTRAL = "#1f6fb4", "#d55e00", "#9a9a9a", "#7a8a99"
plt.rcParams.update({
    "svg.fonttype": "none",  # <text> elements: small files, searchable, crisp when projected
    "svg.hashsalt": "rightspath",  # stable ids, so the same data gives the same SVG
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
})


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and doctype: the SVG goes inline in HTML


def _same(message: str) -> str:
    return message


# Each chart takes the report's gettext function as ``_`` (default: English), so its axis words
# are marked _("...") for extraction and drawn in the report's language.
def score_histogram(scores: list[float], mastery: float | None, _=_same) -> str:
    fig, ax = plt.subplots(figsize=(7.5, 3.2))
    bins = [i / 10 for i in range(11)]
    counts, _edges, patches = ax.hist(scores, bins=bins, color=NEUTRAL, edgecolor="white")
    if mastery is not None:
        for patch, left in zip(patches, bins):
            if left + 1e-9 >= mastery:
                patch.set_facecolor(UPHELD)
        ax.axvline(mastery, color="#222222", linestyle="--", linewidth=1.5)
        ax.text(mastery, max(counts.max(), 1) * 1.02, " " + _("mastery {percent}").format(percent=f"{mastery:.0%}"), va="bottom", fontsize=10)
    for count, left in zip(counts, bins):
        if count:
            ax.text(left + 0.05, count, f"{int(count)}", ha="center", va="bottom", fontsize=10)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, max(counts.max(), 1) * 1.2)
    ax.set_xticks(bins, [f"{b:.0%}" for b in bins])
    ax.set_xlabel(_("Scaled score"))
    ax.set_ylabel(_("Participants"))
    ax.yaxis.get_major_locator().set_params(integer=True)
    return _svg(fig)


def rights_chart(rows: list[dict], _=_same) -> str:
    """Horizontal stacked bars: breached, missed and upheld per right, most breached at the top."""
    rows = rows[:25]
    labels = [textwrap.shorten(f"{r.get('shown_id', r['right'])} {r['title']}", 42, placeholder="…") for r in rows]
    fig, ax = plt.subplots(figsize=(8.5, 0.42 * len(rows) + 1.2))
    y = list(range(len(rows)))[::-1]
    breached = [r["breached"] for r in rows]
    not_used = [r.get("not_used", 0) for r in rows]
    missed = [r["missed"] for r in rows]
    upheld = [r["upheld"] for r in rows]
    ax.barh(y, breached, color=BREACHED, label=_("breached"))
    # a measure not used: hatched, so it never reads as a breach (shape, not colour alone)
    ax.barh(y, not_used, left=breached, color="white", edgecolor=BREACHED, hatch="//", label=_("not used or left out"))
    before = [b + n for b, n in zip(breached, not_used)]
    ax.barh(y, missed, left=before, color=MISSED, label=_("missed"))
    ax.barh(y, upheld, left=[b + m for b, m in zip(before, missed)], color=UPHELD, label=_("upheld"))
    for yy, b, n, m, u in zip(y, breached, not_used, missed, upheld):
        ax.text(b + n + m + u, yy, f"  {b} / {n} / {m} / {u}", va="center", fontsize=9)
    ax.set_yticks(y, labels)
    ax.set_xlabel(_("Times, over all participants (breached / not used or left out / missed / upheld)"))
    ax.legend(loc="lower right", frameon=False, ncols=4, bbox_to_anchor=(1, 1.0))
    ax.margins(x=0.18)
    return _svg(fig)


def choice_chart(options: list[dict], total: int, use_votes: bool = False, _=_same) -> str:
    """One decision: how many chose each option (or voted for it), the recommended ones highlighted.

    Options are labelled A, B, C... (the table beside the chart gives their text), which keeps the
    chart's lettering large enough to read from the back of a room.
    """
    key = "votes" if use_votes else "chosen"
    labels = [f"{letter(i)} ★" if o["recommended"] else letter(i) for i, o in enumerate(options)]
    fig, ax = plt.subplots(figsize=(5.2, 0.42 * len(options) + 0.75))
    y = list(range(len(options)))[::-1]
    values = [o[key] for o in options]
    colours = [UPHELD if o["recommended"] else NEUTRAL for o in options]
    ax.barh(y, values, color=colours, height=0.7)
    denom = sum(values) if use_votes else total
    for yy, v in zip(y, values):
        share = f" ({v / denom:.0%})" if denom else ""
        ax.text(v, yy, f" {v}{share}", va="center", fontsize=13)
    ax.set_yticks(y, labels, fontsize=14)
    ax.set_xlabel(_("Room votes") if use_votes else _("Participants who chose it"), fontsize=12)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.margins(x=0.28)
    return _svg(fig)


def letter(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index] if index < 26 else str(index + 1)


def breakdown_chart(rows: list[dict], title: str, _=_same) -> str:
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(rows) + 0.9))
    y = list(range(len(rows)))[::-1]
    means = [r["mean"] or 0 for r in rows]
    ax.barh(y, means, color=UPHELD)
    for yy, r, m in zip(y, rows, means):
        ax.text(m, yy, f"  {m:.0%} (n={r['participants']})", va="center", fontsize=10)
    ax.set_yticks(y, [textwrap.shorten(r["label"], 30, placeholder="…") for r in rows])
    ax.set_xlim(0, 1.25)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel(_("Mean scaled score by {what}").format(what=title))
    return _svg(fig)
