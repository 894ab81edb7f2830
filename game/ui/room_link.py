"""The projector's side of a live room (issue 18; docs/CONTRACTS.md §15): the facilitated decision
screen is published to the phones through the learning-record store, and their votes join the counts.

Nothing in the decision screen is changed for it: once a frame, ``RoomLink.tick`` looks at the top
scene; a facilitated decision it has not seen yet becomes a new round (its prompt and its enabled
options in the order shown); the phones' counts are added to the screen's own ``votes`` (votes typed
in by hand stay on top of them); the screen's reveal closes voting and reveals it; leaving the screen
closes the round. ``draw`` puts the join line (and the room code) and the phones' count on top.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pygame

from game.room import OPEN, RoomHost, normalize_code, room_debrief
from game.room.qr import TooLong, encode
from game.ui.live import target_for
from game.ui.tr import _

ROOM_ENV, JOIN_ENV, TIMER_ENV = "RIGHTSPATH_ROOM", "RIGHTSPATH_ROOM_URL", "RIGHTSPATH_ROOM_SECONDS"


def timer_seconds(environ=os.environ, params=None) -> float:
    """An optional time limit per decision (``?roomtime=`` in the browser, ``$RIGHTSPATH_ROOM_SECONDS``
    on the desktop; 10-3600 seconds); 0 for none."""
    try:
        value = float(((params or {}).get("roomtime") or environ.get(TIMER_ENV) or "0").strip())
    except ValueError:
        return 0.0
    return value if 10 <= value <= 3600 else 0.0


def room_code_for(platform, environ=os.environ) -> str | None:
    params = platform.url_params() if hasattr(platform, "url_params") else {}
    return normalize_code(params.get("room") or environ.get(ROOM_ENV) or "")


def phone_link(join: str, target) -> str:
    """The QR code's link: the join link with the store and its credential for the phones (the page
    defaults to ``xAPI/`` beside itself, which is where ``serve-web --lrs-proxy`` puts the store)."""
    if not join or target is None:
        return join
    base = join.split("#")[0]
    link = join
    if not (base.endswith("/vote.html") and target.endpoint.rstrip("/") == base[: -len("/vote.html")] + "/xAPI"):
        link += "&lrs=" + quote(target.endpoint, safe=":/")
    if target.authorization:
        link += "&lrsauth=" + quote(target.authorization, safe="")
    return link


def join_url(target, code: str, lang: str, environ=os.environ, page: str = "") -> str:
    """The phones' page: ``$RIGHTSPATH_ROOM_URL``, or behind ``serve-web --lrs-proxy`` (the store at
    ``<site>/xAPI/``) ``<site>/vote.html``, or in the browser the ``vote.html`` beside the game's own
    page (``page``: its address); the fragment names the room and its language."""
    base = (environ.get(JOIN_ENV) or "").strip()
    endpoint = target.endpoint if target is not None else ""
    if not base and endpoint.rstrip("/").endswith("/xAPI"):
        base = endpoint.rstrip("/")[: -len("xAPI")] + "vote.html"
    if not base and page.startswith(("https://", "http://")):
        base = page.split("#")[0].split("?")[0].rsplit("/", 1)[0] + "/vote.html"
    if not base:
        return ""
    return f"{base}#room={code}&lang={lang}"


class RoomLink:
    def __init__(self, app, code: str, target, environ=os.environ):
        self.app = app
        self.code = code
        lang = getattr(app.prefs, "language", "en") or "en"
        self.host = RoomHost(app.platform, target, code, lang=lang)
        platform = app.platform
        params = platform.url_params() if hasattr(platform, "url_params") else {}
        page = platform.page_url() if hasattr(platform, "page_url") else ""
        self.join = join_url(target, code, lang, environ, page or "")
        self.link = phone_link(self.join, target)
        self._qr = None  # the QR code's picture, drawn once
        self.seconds = timer_seconds(environ, params)  # 0: no timer
        self.closes_at = 0.0  # the game clock's time the round closes by itself (with a timer)
        self._scene = None
        self._added: dict[str, int] = {}  # the phones' votes already added to the scene's counts

    @classmethod
    def for_app(cls, app, environ=os.environ) -> "RoomLink | None":
        code = room_code_for(app.platform, environ)
        if code is None:
            return None
        return cls(app, code, target_for(app.platform, environ), environ)

    # -- once a frame ----------------------------------------------------------------------------
    def tick(self) -> None:
        scene = self.app.scenes.top
        is_room_decision = getattr(scene, "name", "") == "decision" and getattr(scene, "facilitated", False)
        if is_room_decision and scene is not self._scene:
            if self._scene is not None and getattr(scene, "node_id", None) == self._scene.node_id:
                self._scene = scene  # the same decision drawn again (a menu closed): same round
            else:
                self.host.close()
                self._scene, self._added = scene, {}
                options = [(v.id, v.text) for v in scene.views if v.enabled]
                deadline = None
                if self.seconds:
                    self.closes_at = self.app.clock.now + self.seconds
                    deadline = (datetime.now(timezone.utc) + timedelta(seconds=self.seconds)).isoformat(
                        timespec="seconds").replace("+00:00", "Z")
                self.host.publish(scene.node_id, scene.node.get("prompt", ""), options, deadline=deadline)
        elif not is_room_decision and self._scene is not None and scene is not None \
                and getattr(scene, "name", "") not in ("pause", "dialog", "settings", "overrule", "count"):
            self.host.close()
            self._scene = None
        if getattr(scene, "name", "") == "debrief" and self.host.debrief is None and self.host.round_no:
            summary = self.debrief_summary()
            if summary["rounds"]:
                self.host.publish_debrief(summary)  # the phones that voted show the room's debrief
        self.host.tick(self.app.clock.now)
        if self._scene is None:
            return
        if getattr(self._scene, "revealed", False) and self.host.state != "revealed":
            self.host.reveal()
        elif self.seconds and self.host.state == OPEN:
            if self.app.clock.now >= self.closes_at:
                self.host.close()  # the timer ran out: the phones stop; the facilitator reveals when ready
                self.app.mark_dirty()
            elif int(self.closes_at - self.app.clock.now) != getattr(self, "_shown_left", None):
                self._shown_left = int(self.closes_at - self.app.clock.now)
                self.app.mark_dirty()  # the countdown on the projector
        counts = self.host.tally.counts
        changed = False
        for oid, n in counts.items():
            before = self._added.get(oid, 0)
            if n != before and oid in self._scene.votes:
                self._scene.votes[oid] = max(0, self._scene.votes[oid] + n - before)
                self._added[oid] = n
                changed = True
        self._scene.phone_votes = dict(self._added)  # typed votes can be taken back, the phones' cannot
        if changed:
            refresh = getattr(self._scene, "_refresh_votes", None)
            if callable(refresh):
                refresh()
            self.app.mark_dirty()

    # -- the room's debrief ---------------------------------------------------------------------
    def debrief_summary(self) -> dict:
        """The room's debrief (game.room.room_debrief) from the playthrough's decisions with votes."""
        holder = getattr(self.app, "playthrough", None) or getattr(self.app, "session", None)
        run = getattr(holder, "run", None)
        if run is None:
            return {"rounds": [], "splits": [], "upheld": [], "missed": []}
        story, rounds = run.story, []
        for rec in run.history:
            if rec.votes is None or rec.node not in story.nodes:
                continue
            node = story.nodes[rec.node]
            choices = {c["id"]: c for c in node.get("choices", ())}
            shown = [cid for cid in (rec.order or rec.shown) if cid in rec.shown and cid in choices]
            rounds.append({
                "decision": rec.node, "prompt": node.get("prompt", ""),
                "options": [(cid, choices[cid].get("text", "")) for cid in shown],
                "votes": dict(rec.votes), "recommended": list(rec.best_choices), "played": rec.chosen,
                "assess": {cid: [(a["right"], a["verdict"]) for a in choices[cid].get("assess", ())] for cid in shown},
            })
        labels = {rid: story.right(rid).get("citation", rid) for r in rounds for a in r["assess"].values()
                  for rid, _v in a}
        return room_debrief(rounds, labels)

    def debrief_lines(self) -> list[str]:
        """The end screen's lines for the room: the widest splits, the rights upheld and missed most."""
        summary = self.host.debrief or self.debrief_summary()
        lines = []
        for i in summary["splits"]:
            r = summary["rounds"][i]
            split = " · ".join(f"{o['text'][:40]} {o['share']:.0%}" for o in r["options"] if o["votes"])
            lines.append(_("Split: {prompt} — {split}").format(prompt=r["prompt"], split=split))
        for r in summary["rounds"]:
            if r["agreement"] is not None:
                lines.append(_("{prompt}: {percent} of the room voted for the recommended option").format(
                    prompt=r["prompt"], percent=f"{r['agreement']:.0%}"))
        if summary["upheld"]:
            lines.append(_("Upheld most by the room's votes: {rights}").format(
                rights=", ".join(f"{r['label']} ({r['votes']})" for r in summary["upheld"][:3])))
        if summary["missed"]:
            lines.append(_("Breached or left unused most by the room's votes: {rights}").format(
                rights=", ".join(f"{r['label']} ({r['votes']})" for r in summary["missed"][:3])))
        return lines

    # -- what the projector shows -------------------------------------------------------------
    def turnout(self) -> tuple[int, int]:
        """(voted, in the room): the phones that voted and the votes typed in by hand, out of the phones
        that joined (or voted) and the typed votes (people without a phone are counted as they vote)."""
        phones = self.host.tally.voters
        typed = 0
        if self._scene is not None:
            typed = max(0, sum(self._scene.votes.values()) - sum(self._added.values()))
        return phones + typed, max(self.host.joined, phones) + typed

    def status_text(self) -> str:
        voted, total = self.turnout()
        if self.host.state == OPEN:
            line = _("Room {code}: {n} of {total} voted").format(code=self.code, n=voted, total=total)
            if self.seconds:
                left = max(0, int(self.closes_at - self.app.clock.now + 0.999))
                line += " · " + _("{s} s left").format(s=left)
        else:
            line = _("Room {code}: voting closed, {n} of {total} voted").format(code=self.code, n=voted, total=total)
        if self.host.problem:
            line += " · " + _("the record store is not answering")
        return line

    def draw(self, surface) -> None:
        if self._scene is None or self.app.scenes.top is not self._scene:
            return
        ui, theme = self.app, self.app.theme
        lines = [self.status_text()]
        if self.join:
            lines.insert(0, _("Vote on your phone: {link}").format(link=self.join.split("#")[0]) + "  ·  "
                         + _("code {code}").format(code=self.code))
        font = ui.fonts.font_px(15, bold=True)  # small and fixed: the decision keeps the room's large text
        y = 4
        for text in lines:
            img = ui.fonts.render(text, font, theme.text)
            rect = img.get_rect(topright=(surface.get_width() - 10, y)).inflate(12, 4)
            pygame.draw.rect(surface, theme.panel_alt, rect, border_radius=rect.h // 2)
            surface.blit(img, img.get_rect(center=rect.center))
            y = rect.bottom + 2
        picture = self.qr_picture()
        if picture is not None and self.host.state == OPEN:  # in the right margin, beside the panel
            surface.blit(picture, picture.get_rect(topright=(surface.get_width() - 4, 100)))

    def qr_picture(self):
        """The phones' link as a QR code (dark on white, a 4-module quiet zone), or None."""
        if self._qr is None and self.link:
            try:
                rows = encode(self.link, "L" if len(self.link) > 200 else "M")
            except TooLong:
                self._qr = False
                return None
            scale = max(2, 116 // (len(rows) + 8))
            side = (len(rows) + 8) * scale
            picture = pygame.Surface((side, side))
            picture.fill((255, 255, 255))
            for y, row in enumerate(rows):
                for x, dark in enumerate(row):
                    if dark:
                        picture.fill((0, 0, 0), ((x + 4) * scale, (y + 4) * scale, scale, scale))
            self._qr = picture
        return self._qr or None
