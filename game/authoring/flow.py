"""The scenario as a graph: its edges, what can be reached, and loops made only of branches."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from game.authoring.models import Assessment, Branch, Decision, Scene


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    where: tuple  # data path of the value that names the target
    choice: str | None = None  # the choice id for decision edges, the case label for branches


def edges_of(index: int, node) -> list[Edge]:
    base = ("nodes", index)
    if isinstance(node, (Scene, Assessment)):
        return [Edge(node.id, node.next, base + ("next",))]
    if isinstance(node, Decision):
        return [Edge(node.id, c.next, base + ("choices", j, "next"), c.id) for j, c in enumerate(node.choices)]
    if isinstance(node, Branch):
        out = [Edge(node.id, c.next, base + ("cases", j, "next"), f"case {j + 1}") for j, c in enumerate(node.cases)]
        out.append(Edge(node.id, node.else_, base + ("else",), "else"))
        return out
    return []



def reach(starts: list[str], graph: dict[str, list[str]]) -> set[str]:
    seen = set(starts)
    queue = deque(starts)
    while queue:
        for nxt in graph[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def branch_cycles(nodes: dict, forward: dict[str, list[str]]) -> list[list[str]]:
    """Cycles made only of branch nodes (Tarjan's strongly connected components, iteratively)."""
    graph = {nid: [t for t in forward[nid] if isinstance(nodes[t], Branch)]
             for nid, n in nodes.items() if isinstance(n, Branch)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            nid, child = work.pop()
            if child == 0:
                index[nid] = low[nid] = counter
                counter += 1
                stack.append(nid)
                on_stack.add(nid)
            targets = graph[nid]
            if child < len(targets):
                work.append((nid, child + 1))
                nxt = targets[child]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[nid] = min(low[nid], index[nxt])
                continue
            if low[nid] == index[nid]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == nid:
                        break
                if len(component) > 1 or nid in graph[nid]:
                    cycles.append(list(reversed(component)))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[nid])
    return cycles
