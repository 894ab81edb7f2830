"""A Mermaid flowchart of a scenario, to paste into Markdown (GitHub and GitLab render it).

Stages become subgraphs in journey order; decisions are diamonds, branches hexagons, endings
stadium shapes with their own class; edges from decisions carry the choice id.
"""

from __future__ import annotations

import re

from game.authoring.flow import edges_of
from game.authoring.models import Branch, Decision, Ending, Scenario
from game.engine import vocab

# Characters Mermaid could read as syntax (or as HTML, or as the start of its own entity codes)
# inside a quoted label; each is written as Mermaid's '#<decimal>;' entity code, so 'stress >= 70'
# is drawn as written instead of losing its '>'.
_UNSAFE = re.compile(r'["\[\]{}()<>|#;`&%]')


def _label(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text)


def _mermaid_id(node_id: str) -> str:
    return "n_" + node_id.replace("-", "_")


def _shape(node) -> str:
    nid = _mermaid_id(node.id)
    if isinstance(node, Decision):
        return f'{nid}{{"{_label(node.id)}<br/>{_label(node.prompt, 36)}"}}'
    if isinstance(node, Branch):
        return f'{nid}{{{{"{_label(node.id)}"}}}}'
    if isinstance(node, Ending):
        return f'{nid}(["{_label(node.title)}<br/>({node.outcome})"]):::ending'
    return f'{nid}["{_label(node.id)}"]'


def mermaid(scenario: Scenario) -> str:
    """Mermaid source, wrapped in a ```mermaid fence so it pastes straight into Markdown."""
    out = ["```mermaid", "flowchart TD"]
    seen: set[str] = set()
    by_stage: dict[str, list] = {stage: [] for stage in vocab.STAGES}
    for node in scenario.nodes:
        if node.id not in seen:
            seen.add(node.id)
            by_stage[node.stage].append(node)
    for stage, nodes in by_stage.items():
        if not nodes:
            continue
        out.append(f'  subgraph {stage}["{vocab.STAGE_LABELS[stage]}"]')
        out.extend(f"    {_shape(node)}" for node in nodes)
        out.append("  end")
    out.append(f'  entry(("start")) --> {_mermaid_id(scenario.start)}')
    done: set[str] = set()
    for i, node in enumerate(scenario.nodes):
        if node.id in done:
            continue
        done.add(node.id)
        conditions = [case.when for case in node.cases] if isinstance(node, Branch) else []
        for k, edge in enumerate(edges_of(i, node)):
            if edge.target not in seen:
                continue
            text = conditions[k] if k < len(conditions) else edge.choice  # a branch edge shows its condition
            label = f'|"{_label(text, 80 if k < len(conditions) else 30)}"|' if text else ""
            out.append(f"  {_mermaid_id(edge.source)} -->{label} {_mermaid_id(edge.target)}")
    out.append("  classDef ending fill:#e8f4ea,stroke:#2e7d32,stroke-width:2px")
    out.append("```")
    return "\n".join(out) + "\n"
