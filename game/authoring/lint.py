"""Whole-scenario checks that a schema cannot express (docs/CONTRACTS.md §7, codes E3xx and W4xx).

Runs on a scenario that already passed the schema, so every field has the right type; what is
left are references between parts (next targets, speakers, variables, right ids), the shape of
the graph (reachability, dead ends, branch loops) and warnings about content (ranges, stage
order, choices nobody assesses).
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path as FilePath

from game.authoring import conditions, reasoning
from game.authoring.diagnostics import Diagnostic, condition_hint, did_you_mean, one_of, rename_hint
from game.authoring.flow import Edge, branch_cycles, edges_of, reach
from game.authoring.models import RESERVED_NAMES, Assessment, Branch, Catalogue, Decision, Ending, Scenario, Scene
from game.authoring.rightids import unknown_right_hint
from game.authoring.yamlload import Loaded
from game.authoring.conditions import parse_condition
from game.engine import vocab

STAGE_INDEX = {stage: i for i, stage in enumerate(vocab.STAGES)}


class _Linter:
    def __init__(self, scenario: Scenario, loaded: Loaded, catalogues: dict[str, Catalogue] | None):
        self.s = scenario
        self.loaded = loaded
        self.catalogues = catalogues
        self.out: list[Diagnostic] = []
        self.first_index: dict[str, int] = {}
        for i, node in enumerate(scenario.nodes):
            self.first_index.setdefault(node.id, i)
        self.nodes = {nid: scenario.nodes[i] for nid, i in self.first_index.items()}

    def report(self, path: tuple, code: str, message: str, hint: str | None = None, *, key: bool = False,
               shift: int | None = None) -> None:
        line, col = self.loaded.key(path) if key else self.loaded.pos(path)
        if shift is not None:
            col += shift
        severity = "warning" if code.startswith("W") else "error"
        self.out.append(Diagnostic(self.loaded.path, line, col, severity, code, message, hint))

    # -- the checks ----------------------------------------------------------------------------
    def run(self) -> list[Diagnostic]:
        self.check_meta()
        self.check_ids()
        self.check_targets()
        self.check_graph()
        self.check_lines()
        self.check_choices_and_conditions()
        self.check_rights()
        self.check_ranges()
        self.check_stage_order()
        self.check_playable()
        self.check_text_lengths()
        self.check_assessments()
        return self.out

    def check_meta(self) -> None:
        stem = FilePath(self.loaded.path).stem
        if self.loaded.path not in ("<text>",) and self.s.id != stem:
            self.report(("id",), "E203", f"the scenario id '{self.s.id}' differs from the file name '{stem}.yaml'",
                        rename_hint(self.s.id, stem))
        for name in self.s.variables:
            if name in RESERVED_NAMES:
                self.report(("variables", name), "E203", f"'{name}' is a word of the condition language and "
                            "cannot name a variable", "choose another name", key=True)
        if "narrator" in self.s.characters:
            self.report(("characters", "narrator"), "E203", "'narrator' is built in and cannot be a character id",
                        "remove this character; lines with 'speaker: narrator' need no character", key=True)

    def check_ids(self) -> None:
        for i, node in enumerate(self.s.nodes):
            first = self.first_index[node.id]
            if first != i:
                line = self.loaded.pos(("nodes", first, "id"))[0]
                self.report(("nodes", i, "id"), "E302", f"the node id '{node.id}' is used twice (first at line {line})",
                            "give each node its own id")
            if isinstance(node, Decision):
                self._unique([c.id for c in node.choices], ("nodes", i, "choices"), "choice id", "id")
            if isinstance(node, Assessment):
                self._unique([s.id for s in node.sections], ("nodes", i, "sections"), "section id", "id")
                seen: dict[str, tuple] = {}
                for path, item in node.all_items():
                    if item.id in seen:
                        line = self.loaded.pos(("nodes", i) + seen[item.id] + ("id",))[0]
                        self.report(("nodes", i) + path + ("id",), "E302", f"the item id '{item.id}' is used twice in "
                                    f"assessment '{node.id}' (first at line {line})",
                                    "give each item its own id (assessed() names it)")
                    else:
                        seen[item.id] = path
            if isinstance(node, Scene):
                # A line's text id is its explicit id or line<N>; 'id: line0' on another line would collide.
                self._unique([ln.id or f"line{n}" for n, ln in enumerate(node.lines)], ("nodes", i, "lines"),
                             "line id", "id")

    def _unique(self, ids: list, base: tuple, what: str, key: str) -> None:
        seen: dict[str, int] = {}
        for j, value in enumerate(ids):
            if value is None:
                continue
            if value in seen:
                line = self.loaded.pos(base + (seen[value], key))[0]
                self.report(base + (j, key), "E302", f"the {what} '{value}' is used twice here (first at line {line})",
                            f"give each one its own {what}")
            else:
                seen[value] = j

    def all_edges(self) -> list[Edge]:
        out = []
        for i, node in enumerate(self.s.nodes):
            if self.first_index[node.id] == i:
                out.extend(edges_of(i, node))
        return out

    def check_targets(self) -> None:
        ids = list(self.nodes)
        if self.s.start not in self.nodes:
            self.report(("start",), "E301", f"start names '{self.s.start}', which is not a node",
                        did_you_mean(self.s.start, ids) or "name the first node's id")
        for edge in self.all_edges():
            if edge.target not in self.nodes:
                self.report(edge.where, "E301", f"'{edge.target}' is not a node (named by node '{edge.source}')",
                            did_you_mean(edge.target, ids) or "add a node with this id, or fix the name")

    def check_graph(self) -> None:
        if self.s.start not in self.nodes:
            return  # everything would look unreachable; E301 already says why
        forward: dict[str, list[str]] = {nid: [] for nid in self.nodes}
        backward: dict[str, list[str]] = {nid: [] for nid in self.nodes}
        for edge in self.all_edges():
            if edge.target in self.nodes:
                forward[edge.source].append(edge.target)
                backward[edge.target].append(edge.source)
        reached = reach([self.s.start], forward)
        endings = [nid for nid, n in self.nodes.items() if isinstance(n, Ending)]
        finishing = reach(endings, backward)
        for nid, node in self.nodes.items():
            where = ("nodes", self.first_index[nid], "id")
            if nid not in reached:
                if isinstance(node, Ending):
                    self.report(where, "E306", f"no path from start leads to the ending '{nid}'",
                                "point a 'next' at it, or remove it")
                else:
                    self.report(where, "E303", f"no path from start leads to node '{nid}'",
                                "point a 'next' at it, or remove it")
            elif not isinstance(node, Ending) and nid not in finishing:
                self.report(where, "E304", f"no ending can be reached from node '{nid}'",
                            "every path must lead to a node of kind 'ending'")
        for cycle in branch_cycles(self.nodes, forward):
            first = min(cycle, key=lambda nid: self.first_index[nid])
            loop = " -> ".join(cycle + [cycle[0]])
            self.report(("nodes", self.first_index[first], "id"), "E304",
                        f"the branch nodes {loop} form a loop with no scene or decision in between; "
                        "a run that enters it never leaves", "send one of the branches on to a scene or decision")

    def check_lines(self) -> None:
        speakers = ["narrator", *self.s.characters]
        for i, node in enumerate(self.s.nodes):
            if not isinstance(node, Scene):
                continue
            for j, line in enumerate(node.lines):
                path = ("nodes", i, "lines", j)
                if line.speaker != "narrator" and line.speaker not in self.s.characters:
                    self.report(path + ("speaker",), "E310", f"'{line.speaker}' is not a character",
                                did_you_mean(line.speaker, speakers) or f"known speakers: {one_of(speakers)}")
                    continue
                character = self.s.characters.get(line.speaker)
                if character and line.mood and line.mood not in character.moods:
                    self.report(path + ("mood",), "E310",
                                f"{character.name} has no mood '{line.mood}' (moods: {one_of(character.moods)})",
                                did_you_mean(line.mood, character.moods)
                                or f"add '{line.mood}' to the moods of '{line.speaker}'")

    def check_choices_and_conditions(self) -> None:
        for i, node in enumerate(self.s.nodes):
            base = ("nodes", i)
            if isinstance(node, Decision):
                for j, choice in enumerate(node.choices):
                    cpath = base + ("choices", j)
                    for var in choice.effects:
                        if var not in self.s.variables:
                            self.report(cpath + ("effects", var), "E308", f"'{var}' is not a variable",
                                        self._var_hint(var), key=True)
                    for key in ("show_if", "enable_if"):
                        text = getattr(choice, key)
                        if text is not None:
                            self.check_condition(text, cpath + (key,))
                    if not choice.assess:
                        self.report(cpath, "W403", f"choice '{choice.id}' of node '{node.id}' assesses no right",
                                    "add an 'assess' entry, so the choice counts in the score")
            elif isinstance(node, Branch):
                for j, case in enumerate(node.cases):
                    self.check_condition(case.when, base + ("cases", j, "when"))
            elif isinstance(node, Assessment):
                for band in ("good", "poor"):
                    for var in getattr(node.effects, band):
                        if var not in self.s.variables:
                            self.report(base + ("effects", band, var), "E308", f"'{var}' is not a variable",
                                        self._var_hint(var), key=True)

    def _var_hint(self, name: str) -> str:
        return did_you_mean(name, self.s.variables) or (
            "declare it under 'variables:'" + (f" (known: {one_of(self.s.variables)})" if self.s.variables else ""))

    def check_condition(self, text: str, path: tuple) -> None:
        shift = self.loaded.text_shift.get(path)
        quoted = text if len(text) <= 60 else text[:59] + "…"  # for messages only
        try:
            tree = parse_condition(text)
        except conditions.ConditionError as exc:
            self.report(path, "E309", f"the condition '{quoted}' does not parse: {exc.message}",
                        condition_hint(text),
                        shift=None if shift is None else shift + exc.offset)
            return
        for var in sorted(conditions.variables(tree)):
            if var not in self.s.variables:
                self.report(path, "E308", f"the condition '{quoted}' reads '{var}', which is not a variable",
                            self._var_hint(var), shift=self._offset(text, var, shift))
        for nid in sorted(conditions.node_refs(tree)):
            if nid not in self.nodes:
                self.report(path, "E301", f"the condition '{quoted}' names '{nid}', which is not a node",
                            did_you_mean(nid, self.nodes) or "name a node id", shift=self._offset(text, nid, shift))
        for nid, cid in sorted(conditions.choice_refs(tree)):
            node = self.nodes.get(nid)
            if isinstance(node, Decision) and cid not in {c.id for c in node.choices}:
                self.report(path, "E301", f"the condition '{quoted}' names choice '{cid}', which node '{nid}' lacks",
                            did_you_mean(cid, [c.id for c in node.choices]) or "name one of its choices",
                            shift=self._offset(text, cid, shift))
            elif node is not None and not isinstance(node, Decision):
                self.report(path, "E301", f"the condition '{quoted}' asks chose() about '{nid}', which is not a decision",
                            "chose() takes a decision id and one of its choice ids", shift=self._offset(text, nid, shift))
        for nid, iid in sorted(conditions.item_refs(tree)):
            node = self.nodes.get(nid)
            if isinstance(node, Assessment):
                ids = [item.id for _p, item in node.all_items()]
                if iid not in ids:
                    self.report(path, "E301", f"the condition '{quoted}' names item '{iid}', which assessment "
                                f"'{nid}' lacks", did_you_mean(iid, ids) or f"its items: {one_of(ids)}",
                                shift=self._offset(text, iid, shift))
            elif node is not None:
                others = [n for n, x in self.nodes.items() if isinstance(x, Assessment)]
                self.report(path, "E301", f"the condition '{quoted}' asks assessed() about '{nid}', which is not an "
                            "assessment", did_you_mean(nid, others) or "assessed() takes an assessment id and one of "
                            "its item ids", shift=self._offset(text, nid, shift))

    @staticmethod
    def _offset(text: str, word: str, shift: int | None) -> int | None:
        if shift is None:
            return None
        found = text.find(word)
        return shift + max(found, 0)

    def check_rights(self) -> None:
        if self.catalogues is None:
            return  # a listed catalogue is missing or broken: E311 or its own errors say so
        known = {r.id for cat in self.catalogues.values() for r in cat.rights}
        for i, node in enumerate(self.s.nodes):
            if isinstance(node, Assessment):
                for ipath, entry in node.all_items():
                    for k, a in enumerate(entry.assess):
                        if a.right not in known:
                            self.report(("nodes", i) + ipath + ("assess", k, "right"), "E307",
                                        f"'{a.right}' is not a right in {', '.join(self.catalogues)}",
                                        unknown_right_hint(a.right, self.catalogues, self.loaded.path))
            if not isinstance(node, Decision):
                continue
            for j, choice in enumerate(node.choices):
                for k, item in enumerate(choice.assess):
                    if item.right not in known:
                        path = ("nodes", i, "choices", j, "assess", k, "right")
                        names = ", ".join(self.catalogues)
                        self.report(path, "E307", f"'{item.right}' is not a right in {names}",
                                    unknown_right_hint(item.right, self.catalogues, self.loaded.path))

    def check_ranges(self) -> None:
        """W401, kept simple on purpose.

        A delta warns when it is larger than the variable's whole range (it always clamps), or
        when it is the first change to that variable on some path from start and already pushes
        the start value out of range. Later changes depend on the path taken, which a quick
        static check cannot know; the engine clamps them either way.
        """
        decisions = [(i, n) for i, n in enumerate(self.s.nodes) if isinstance(n, Decision)]
        for var, spec in self.s.variables.items():
            span = spec.max - spec.min
            first_reach = self._reach_without_effect_on(var) if self.s.start in self.nodes else set()
            for i, node in decisions:
                for j, choice in enumerate(node.choices):
                    if var not in choice.effects:
                        continue
                    delta = choice.effects[var]
                    path = ("nodes", i, "choices", j, "effects", var)
                    if abs(delta) > span:
                        self.report(path, "W401", f"the change {delta:+d} to '{var}' is larger than its whole range "
                                    f"({spec.min}..{spec.max})", "use a smaller change; it is clamped anyway")
                    elif node.id in first_reach and not spec.min <= spec.start + delta <= spec.max:
                        self.report(path, "W401", f"'{var}' starts at {spec.start}, so {delta:+d} here takes it to "
                                    f"{spec.start + delta}, outside {spec.min}..{spec.max}",
                                    "the engine clamps it; make the change smaller if the size matters")

    def _reach_without_effect_on(self, var: str) -> set[str]:
        # Nodes reachable from start along paths on which no choice has changed ``var`` yet.
        seen = {self.s.start}
        queue = deque([self.s.start])
        while queue:
            nid = queue.popleft()
            node = self.nodes[nid]
            for edge in edges_of(self.first_index[nid], node):
                if isinstance(node, Decision):
                    choice = next(c for c in node.choices if c.id == edge.choice)
                    if var in choice.effects:
                        continue
                if edge.target in self.nodes and edge.target not in seen:
                    seen.add(edge.target)
                    queue.append(edge.target)
        return seen

    def check_stage_order(self) -> None:
        reported = set()
        for edge in self.all_edges():
            target = self.nodes.get(edge.target)
            source = self.nodes[edge.source]
            if target is None or (edge.source, edge.target) in reported:
                continue
            if STAGE_INDEX[target.stage] < STAGE_INDEX[source.stage]:
                reported.add((edge.source, edge.target))
                self.report(edge.where, "W402", f"node '{edge.target}' ({target.stage}) comes after node "
                            f"'{edge.source}' ({source.stage}), which is later in the child's journey",
                            "check the stages; a loop back is fine if it is meant")


    # -- content that validates but cannot be played (issue 11) ---------------------------------
    def _tree(self, text: str | None) -> dict | None:
        """The parsed condition, or None when it does not parse or reads what does not exist
        (E309/E308/E301 say so; reasoning about it would only add noise)."""
        if text is None:
            return None
        try:
            tree = parse_condition(text)
        except conditions.ConditionError:
            return None
        # dict key views compare as sets without a copy: set(self.nodes) here, once per condition, made
        # the check quadratic (7.6 s of a 10,000-node compile under cProfile)
        if not conditions.variables(tree) <= self.s.variables.keys() or not conditions.node_refs(tree) <= self.nodes.keys():
            return None
        return tree

    def _ranges(self) -> dict[str, tuple[int, int]]:
        return {name: (spec.min, spec.max) for name, spec in self.s.variables.items()}

    def check_playable(self) -> None:
        """W411 a condition that is always true or always false (over the variables' ranges);
        E312 a decision none of whose options can ever be taken (every one hidden or disabled
        for every value), W410 one where some values leave no option (the game then offers them all)."""
        ranges = self._ranges()
        for i, node in enumerate(self.s.nodes):
            conds: list[tuple[tuple, str, str]] = []
            if isinstance(node, Decision):
                for j, choice in enumerate(node.choices):
                    for key in ("show_if", "enable_if"):
                        if getattr(choice, key) is not None:
                            conds.append((("nodes", i, "choices", j, key), key, getattr(choice, key)))
            elif isinstance(node, Branch):
                conds = [(("nodes", i, "cases", j, "when"), "when", case.when) for j, case in enumerate(node.cases)]
            for path, key, text in conds:
                tree = self._tree(text)
                if tree is None:
                    continue
                value, certain = reasoning.constant_value(tree, ranges)
                if value is None or not certain:
                    continue
                self.report(path, "W411", f"the condition '{_quote(text)}' is always {'true' if value else 'false'}"
                            f"{_ranges_note(tree, ranges)}: {_CONSTANT_EFFECT[key, value]}",
                            "remove the condition, or write the one you mean")
            if not isinstance(node, Decision):
                continue
            trees = [(self._tree(c.show_if), self._tree(c.enable_if)) for c in node.choices]
            if any((c.show_if is not None and t[0] is None) or (c.enable_if is not None and t[1] is None)
                   for c, t in zip(node.choices, trees)):
                continue  # a condition with its own error
            found = reasoning.stuck(trees, ranges)
            if found is None:
                continue
            where = ("nodes", i, "id")
            if found.always and found.exact:
                self.report(where, "E312", f"no option of decision '{node.id}' can ever be taken: each is hidden "
                            "(show_if) or disabled (enable_if) whatever the values of its conditions",
                            "change a condition so that at least one option is always available")
            else:
                may = "" if found.exact else "may "
                self.report(where, "W410", f"decision '{node.id}' {may}offer{'' if may else 's'} no option that can be "
                            f"taken {reasoning.describe(found)}: every one is hidden (show_if) or disabled (enable_if)",
                            "the game then offers every option, conditions set aside; make one option always available")

    def check_text_lengths(self) -> None:
        """W412 a text longer than its box can show (TEXT_LIMITS), or a word longer than a line."""
        for path, kind, text in self._texts():
            limit = TEXT_LIMITS[kind]
            if len(text) > limit:
                self.report(path, "W412", f"this {TEXT_NAMES[kind]} is {len(text):,} characters long; the game shows "
                            f"at most about {limit:,}", "shorten it, or split it into several")
                continue
            longest = max(text.split(), key=len, default="")
            if len(longest) > MAX_WORD:
                self.report(path, "W412", f"a word of {len(longest):,} characters ('{_quote(longest, 24)}') is longer "
                            f"than a line (at most {MAX_WORD}); it will be broken mid-word", "add spaces")

    def _texts(self):
        s = self.s
        for key in ("title", "summary", "content_warning"):
            yield (key,), key, getattr(s, key)
        for name, spec in s.variables.items():
            yield ("variables", name, "label"), "label", spec.label
        for cid, character in s.characters.items():
            yield ("characters", cid, "name"), "name", character.name
        for i, node in enumerate(s.nodes):
            base = ("nodes", i)
            if isinstance(node, Scene):
                for j, line in enumerate(node.lines):
                    yield base + ("lines", j, "text"), "line", line.text
            elif isinstance(node, Decision):
                yield base + ("prompt",), "prompt", node.prompt
                for _part, _j, question, path in node.discussion():
                    yield base + path, "discuss", question
                for j, choice in enumerate(node.choices):
                    yield base + ("choices", j, "text"), "choice", choice.text
                    yield base + ("choices", j, "feedback"), "feedback", choice.feedback
            elif isinstance(node, Assessment):
                yield base + ("prompt",), "prompt", node.prompt
                for _part, _j, question, path in node.discussion():
                    yield base + path, "discuss", question
                for s, section in enumerate(node.sections):
                    yield base + ("sections", s, "title"), "label", section.title
                yield base + ("measures", "title"), "label", node.measures.title
                for path, item in node.all_items():
                    yield base + path + ("text",), "choice", item.text
                    yield base + path + ("feedback",), "feedback", item.feedback
            elif isinstance(node, Ending):
                yield base + ("title",), "ending_title", node.title
                yield base + ("text",), "ending_text", node.text

    def check_assessments(self) -> None:
        """E314 a section (or the measures) with no item, E315 an assessment no item of which applies,
        E316 'revises' naming what is not an earlier assessment, W421 marking every item (or none) reaches
        the scenario's mastery, W422 a section with one item or an assessment with one section."""
        from game.engine import assessment as assessing

        assessments = [n for n in self.nodes if isinstance(self.nodes[n], Assessment)]
        for i, node in enumerate(self.s.nodes):
            if not isinstance(node, Assessment):
                continue
            base = ("nodes", i)
            parts = [(("sections", s), f"section '{sec.id}'", sec.items) for s, sec in enumerate(node.sections)]
            parts.append((("measures",), "the measures", node.measures.items))
            for path, name, items in parts:
                if not items:
                    self.report(base + path, "E314", f"{name} of assessment '{node.id}' has no items",
                                "add 2-8 items under 'items:', or remove the section")
                elif len(items) == 1:
                    self.report(base + path, "W422", f"{name} of assessment '{node.id}' has only one item, so "
                                "there is nothing to weigh it against", "give a section 2-8 items")
            if len(node.sections) == 1:
                self.report(base + ("sections",), "W422", f"assessment '{node.id}' has one section; Art. 22 asks "
                            "about the person, the crime and the circumstances", "use 2-6 sections")
            items = node.all_items()
            if items and not any(item.applies for _p, item in items):
                self.report(base + ("id",), "E315", f"no item of assessment '{node.id}' applies, so there is "
                            "nothing to find: marking nothing always scores best",
                            "set 'applies: true' on the items the case's facts support")
            if node.revises is not None:
                target = self.nodes.get(node.revises)
                if node.revises == node.id or not isinstance(target, Assessment):
                    what = "itself" if node.revises == node.id else (
                        f"'{node.revises}', which is not an assessment" if target is not None
                        else f"'{node.revises}', which is not a node")
                    self.report(base + ("revises",), "E316", f"assessment '{node.id}' revises {what}",
                                did_you_mean(node.revises, [a for a in assessments if a != node.id])
                                or "name an earlier assessment of the same child, or remove 'revises'")
            if not items or not any(item.applies for _p, item in items):
                continue
            compiled = {"sections": [{"id": s.id, "items": [self._item_dict(it) for it in s.items]}
                                     for s in node.sections],
                        "measures": {"items": [self._item_dict(it) for it in node.measures.items]}}
            every = {item.id for _p, item in items}
            for marks, what in ((every, "every item"), (set(), "no item")):
                quality = assessing.evaluate(compiled, marks)["quality"]
                if quality + 1e-9 >= self.s.mastery:
                    self.report(base + ("id",), "W421", f"marking {what} in assessment '{node.id}' scores "
                                f"{quality:.0%}, at or above the scenario's mastery ({self.s.mastery:.0%}), so it "
                                "is an answer pattern", "balance the items that apply with items that do not "
                                "(about as many, of similar weight): a mark without a basis costs its weight")

    @staticmethod
    def _item_dict(item) -> dict:
        return {"id": item.id, "applies": item.applies, "if_missed": item.if_missed,
                "assess": [{"right": a.right, "weight": a.weight} for a in item.assess]}


# W412: the most characters each kind of text can have and still be shown whole (docs/CONTRACTS.md
# §7). The boxes shrink the font, then page (scene lines, feedback, endings) or cut with "…"
# (options, titles, labels); these limits are several times the longest bundled text of each kind.
TEXT_LIMITS = {
    "title": 120, "summary": 600, "content_warning": 800, "label": 60, "name": 60,
    "line": 2000, "prompt": 400, "discuss": 300, "choice": 400, "feedback": 1500,
    "ending_title": 120, "ending_text": 3000,
}
TEXT_NAMES = {
    "title": "title", "summary": "summary", "content_warning": "content warning", "label": "variable label",
    "name": "character name", "line": "line", "prompt": "prompt", "discuss": "discussion question",
    "choice": "option text", "feedback": "feedback", "ending_title": "ending title", "ending_text": "ending text",
}
MAX_WORD = 60  # characters; a longer word does not fit one line of an option box at the largest text size

_CONSTANT_EFFECT = {
    ("show_if", True): "the choice is always shown, as without it",
    ("show_if", False): "the choice is never shown",
    ("enable_if", True): "the choice is always enabled, as without it",
    ("enable_if", False): "the choice is always disabled",
    ("when", True): "this case is always taken, and the cases after it and 'else' never are",
    ("when", False): "this case is never taken",
}


def _quote(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _ranges_note(tree: dict, ranges: dict[str, tuple[int, int]]) -> str:
    names = sorted(conditions.variables(tree))
    if not names:
        return ""
    return " (" + ", ".join(f"{n} stays within {ranges[n][0]}..{ranges[n][1]}" for n in names) + ")"


# -- W420: no surface cue predicts the recommended option (issue 12) -----------------------------
CUE_MIN_DECISIONS = 4  # fewer decisions with a recommended option show no pattern worth a warning
CUE_POSITION_SHARE = 1 / 2  # no authored position may hold the recommended option in more than half
CUE_LENGTH_SHARE = 1 / 3  # nor may it be the longest, or the shortest, option in more than a third


def _option_value(choice) -> int:
    from game.engine.scoring import option_value

    return option_value({"assess": [{"verdict": a.verdict, "weight": a.weight} for a in choice.assess]})


def check_surface_cues(scenario: Scenario, loaded: Loaded) -> list[Diagnostic]:
    """W420, over the whole scenario: a trainee who knows nothing of the law must not find the
    recommended (top-scoring) option by where it stands as written or by how long it is.

    Counted over the decisions with two options or more whose options do not all score the same
    (a tie at the top counts every tied option), and only when there are CUE_MIN_DECISIONS of them.
    Positions are as authored: the game shuffles most decisions, but a decision with ``order: fixed``,
    a print-out or a translation keeps them. Lengths are in characters of the option text.
    """
    counted = []  # (node index, node, set of top positions 1-based, longest?, shortest?)
    for i, node in enumerate(scenario.nodes):
        if not isinstance(node, Decision) or len(node.choices) < 2:
            continue
        values = [_option_value(c) for c in node.choices]
        if len(set(values)) < 2:
            continue
        top = {k for k, v in enumerate(values) if v == max(values)}
        lengths = [len(c.text) for c in node.choices]
        longest = any(lengths[k] == max(lengths) for k in top)
        shortest = any(lengths[k] == min(lengths) for k in top)
        counted.append((i, node, {k + 1 for k in top}, longest, shortest))
    n = len(counted)
    if n < CUE_MIN_DECISIONS:
        return []
    out = []

    def report(found: list, message: str, hint: str) -> None:
        line, col = loaded.pos(("nodes", found[0][0], "choices"))
        names = ", ".join(entry[1].id for entry in found)
        out.append(Diagnostic(loaded.path, line, col, "warning", "W420", f"{message}: {names}", hint))

    positions = sorted({p for entry in counted for p in entry[2]})
    for p in positions:
        found = [entry for entry in counted if p in entry[2]]
        if len(found) > n * CUE_POSITION_SHARE:
            report(found, f"the recommended option is at position {p} as written in {len(found)} of {n} decisions "
                   f"({len(found) / n:.0%}, more than half), so 'always pick option {p}' is an answer pattern",
                   "move the best option to other places in some of these decisions (the game shuffles the order "
                   "shown, but a decision with 'order: fixed', a print-out or a translation keeps it)")
    for flag, word in ((3, "longest"), (4, "shortest")):
        found = [entry for entry in counted if entry[flag]]
        if len(found) > n * CUE_LENGTH_SHARE:
            report(found, f"the recommended option is the {word} option in {len(found)} of {n} decisions "
                   f"({len(found) / n:.0%}, more than a third), so 'always pick the {word}' is an answer pattern",
                   "write the other options as specific and careful as the right one (and the right one as plain), "
                   "so that length says nothing about which is best")
    return out


def lint_scenario(scenario: Scenario, loaded: Loaded, catalogues: dict[str, Catalogue] | None) -> list[Diagnostic]:
    """All E3xx/W4xx diagnostics for a schema-valid scenario. ``catalogues`` None skips right ids."""
    return _Linter(scenario, loaded, catalogues).run() + check_surface_cues(scenario, loaded)


def lint_catalogue(catalogue: Catalogue, loaded: Loaded) -> list[Diagnostic]:
    out = []

    def report(path, code, message, hint=None):
        line, col = loaded.pos(path)
        out.append(Diagnostic(loaded.path, line, col, "error", code, message, hint))

    stem = FilePath(loaded.path).stem
    if loaded.path != "<text>" and catalogue.id != stem:
        report(("id",), "E203", f"the catalogue id '{catalogue.id}' differs from the file name '{stem}.yaml'",
               rename_hint(catalogue.id, stem))
    first: dict[str, int] = {}
    for k, right in enumerate(catalogue.rights):
        if right.id in first:
            line = loaded.pos(("rights", first[right.id], "id"))[0]
            report(("rights", k, "id"), "E302", f"the right id '{right.id}' is listed twice (first at line {line})",
                   "merge the two entries")
        else:
            first[right.id] = k
        if catalogue.prefix and not right.id.startswith(catalogue.prefix):
            report(("rights", k, "id"), "E204", f"'{right.id}' lacks this catalogue's prefix '{catalogue.prefix}'",
                   f"write it as '{catalogue.prefix}{right.id}'")
        elif not catalogue.prefix and ":" in right.id:
            carried = right.id.split(":", 1)[0] + ":"
            report(("rights", k, "id"), "E204", f"'{right.id}' carries the prefix '{carried}', but this catalogue "
                   "declares none (prefix: \"\")", f"set 'prefix: \"{carried}\"', or write the id without it")
    out.extend(_prefix_problems(catalogue, loaded))
    for k, right in enumerate(catalogue.rights):
        if right.parent is not None and right.parent not in first:
            report(("rights", k, "parent"), "E307", f"the parent '{right.parent}' is not a right in this catalogue",
                   did_you_mean(right.parent, first) or "name an article or paragraph listed in this file")
    return out


PREFIX = re.compile(r"^[0-9]{4}/[0-9]+:$")
_INSTRUMENT_NUMBER = re.compile(r"(?<![0-9/])([0-9]{4}/[0-9]+)(?![0-9])")


def _prefix_problems(catalogue: Catalogue, loaded: Loaded) -> list[Diagnostic]:
    """E204: a prefix that is not 'yyyy/n:', or whose number is not the instrument's."""
    if not catalogue.prefix:
        return []
    line, col = loaded.pos(("prefix",))
    number = _INSTRUMENT_NUMBER.search(catalogue.instrument)
    expected = f"{number.group(1)}:" if number else None
    if not PREFIX.match(catalogue.prefix):
        return [Diagnostic(loaded.path, line, col, "error", "E204", f"the prefix '{catalogue.prefix}' is not of the "
                           "form 'year/number:' (as in '2011/36:')", f"write 'prefix: \"{expected or '2011/36:'}\"'")]
    if expected is not None and catalogue.prefix != expected:
        return [Diagnostic(loaded.path, line, col, "error", "E204", f"the prefix '{catalogue.prefix}' does not match "
                           f"the instrument '{catalogue.instrument}'",
                           f"write 'prefix: \"{expected}\"' and the ids with it, or correct 'instrument:'")]
    return []


def duplicate_rights(catalogues: dict[str, tuple[Catalogue, Loaded]]) -> list[Diagnostic]:
    """E313: a right id that two catalogues listed by one scenario both define. Its citation would
    depend on the order of 'rights:'; reported at the later definition, naming the first."""
    out = []
    first: dict[str, tuple[str, str, int]] = {}  # id -> (catalogue id, path, line)
    for cid, (catalogue, loaded) in catalogues.items():
        for k, right in enumerate(catalogue.rights):
            line, col = loaded.pos(("rights", k, "id"))
            if right.id in first and first[right.id][0] != cid:
                other, other_path, other_line = first[right.id]
                out.append(Diagnostic(loaded.path, line, col, "error", "E313", f"the right id '{right.id}' is also "
                                      f"defined by catalogue '{other}' ({other_path}:{other_line}); which one a "
                                      "citation shows would depend on the order of 'rights:'",
                                      "give each instrument's catalogue its own 'prefix:' (e.g. '2011/93:', ids "
                                      "'2011/93:18'), or list only one of the two"))
            else:
                first.setdefault(right.id, (cid, loaded.path, line))
    return out
