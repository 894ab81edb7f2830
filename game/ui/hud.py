"""The journey bar (the seven stages, the current one marked) and the meters for shown variables."""

from __future__ import annotations

import pygame

from game.engine.vocab import STAGE_LABELS, STAGES
from game.ui.clock import Tween
from game.ui.constants import JOURNEY_HEIGHT
from game.ui.text import fit, line_height
from game.ui.tr import _


def draw_journey(surface, ui, current: str, covered: list[str], rect=None) -> pygame.Rect:
    """Stages as stations on a line: done ones ticked, the current one filled, enlarged and labelled
    in bold with a 'now' tag; stages this scenario does not visit are drawn faint."""
    theme, fonts = ui.theme, ui.fonts
    rect = pygame.Rect(rect or (0, 0, ui.size[0], JOURNEY_HEIGHT))
    pygame.draw.rect(surface, theme.panel_alt, rect)
    pygame.draw.line(surface, theme.border, (rect.x, rect.bottom - 1), (rect.right, rect.bottom - 1), 2)
    n = len(STAGES)
    slot = rect.w / n
    cy = rect.y + 20
    cur = STAGES.index(current) if current in STAGES else -1
    pygame.draw.line(surface, theme.border, (rect.x + slot / 2, cy), (rect.x + slot * (n - 0.5), cy), 3)
    if cur > 0:
        pygame.draw.line(surface, theme.accent, (rect.x + slot / 2, cy), (rect.x + slot * (cur + 0.5), cy), 5)
    label_px = max(13, min(fonts.px("small"), 19))
    # Larger text sizes: one label, the current stage's, at the player's size (issue 15: labels scale
    # too, never shrink); the other stations keep their marks (ticked, ringed or faint).
    only_current = fonts.px("small") > 22
    for i, stage in enumerate(STAGES):
        cx = int(rect.x + slot * (i + 0.5))
        in_story = stage in covered
        if i == cur:
            pygame.draw.circle(surface, theme.focus_ring, (cx, cy), 15)
            pygame.draw.circle(surface, theme.accent, (cx, cy), 11)
            color = theme.heading
        elif i < cur:
            pygame.draw.circle(surface, theme.accent, (cx, cy), 10)
            tick = ui.art.icon("check", 16, theme.accent_text)
            surface.blit(tick, tick.get_rect(center=(cx, cy)))
            color = theme.text
        else:
            pygame.draw.circle(surface, theme.panel_alt, (cx, cy), 10)
            pygame.draw.circle(surface, theme.border if in_story else theme.disabled, (cx, cy), 10, 3)
            color = theme.text if in_story else theme.text_muted
        if only_current:
            if i == cur:
                font = fonts.font("small", bold=True)
                img = fonts.render(_(STAGE_LABELS[stage]), font, color)
                r = img.get_rect(midtop=(cx, cy + 14))
                r.clamp_ip(rect.inflate(-16, 0))
                surface.blit(img, r)
            continue
        # Two lines under the station, shrunk (then ellipsized) by measure so no label is cut off.
        y = cy + 16
        font, lines = fit(fonts, _(STAGE_LABELS[stage]), label_px, int(slot) - 8,
                          max_lines=2, height=rect.bottom - y, bold=i == cur, smallest=11)
        for line in lines:
            img = fonts.render(line, font, color)
            surface.blit(img, img.get_rect(midtop=(cx, y)))
            y += font.get_linesize() - 1
    return rect


class Meters:
    """Bars for the story's shown variables; a change glides unless motion is reduced."""

    def __init__(self, ui, story, variables: dict[str, int]):
        self.ui = ui
        self.specs = {k: v for k, v in story.variables.items() if v.get("shown")}
        self.values = {k: float(variables.get(k, v["start"])) for k, v in self.specs.items()}
        self.tweens: dict[str, Tween] = {}

    def set(self, variables: dict[str, int]) -> None:
        for name in self.specs:
            target = float(variables.get(name, self.values[name]))
            if target != self.values[name]:
                if self.ui.reduce_motion:
                    self.values[name] = target
                else:
                    self.tweens[name] = Tween(self.ui.clock, self.values[name], target, 0.6)
                    self.values[name] = target

    def update(self) -> None:
        """Forget the glides that have finished."""
        for name, tw in list(self.tweens.items()):
            if tw.done:
                del self.tweens[name]

    @property
    def animating(self) -> bool:
        return any(not tw.done for tw in self.tweens.values())

    def height(self) -> int:
        lh = line_height(self.ui.fonts.font("small"))
        return len(self.specs) * (lh + 18) + 16 if self.specs else 0

    def draw(self, surface, topright) -> pygame.Rect | None:
        if not self.specs:
            return None
        ui = self.ui
        theme, fonts = ui.theme, ui.fonts
        font = fonts.font("small", bold=True)
        lh = line_height(font)
        # As wide as the longest label and value need at this text size (300 at Standard).
        widest = max(font.size(f"{spec.get('label', name)}  {round(self.values[name])}")[0]
                     for name, spec in self.specs.items())
        w = max(300, min(widest + 28, ui.size[0] // 2))
        rect = pygame.Rect(0, 0, w, self.height())
        rect.topright = topright
        pygame.draw.rect(surface, theme.panel, rect, border_radius=12)
        pygame.draw.rect(surface, theme.border, rect, width=2, border_radius=12)
        y = rect.y + 10
        for name, spec in self.specs.items():
            shown = self.tweens[name].value if name in self.tweens else self.values[name]
            lo, hi = spec["min"], spec["max"]
            frac = 0 if hi == lo else (shown - lo) / (hi - lo)
            title = fonts.render(spec.get("label", name), font, theme.text)
            surface.blit(title, (rect.x + 14, y))
            num = fonts.render(f"{round(self.values[name])}", font, theme.text)
            surface.blit(num, (rect.right - 14 - num.get_width(), y))
            y += lh
            bar = pygame.Rect(rect.x + 14, y + 2, w - 28, 12)
            pygame.draw.rect(surface, theme.panel_alt, bar, border_radius=6)
            fill = bar.copy()
            fill.w = max(0, int(bar.w * max(0.0, min(1.0, frac))))
            if fill.w:
                pygame.draw.rect(surface, theme.accent, fill, border_radius=6)
            pygame.draw.rect(surface, theme.border, bar, width=1, border_radius=6)
            y += 18
        return rect
