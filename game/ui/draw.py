"""Small drawing helpers the screens share: panels, the dimming scrim, headings, wrapped blocks."""

from __future__ import annotations

import pygame

from game.ui.text import clip_lines, draw_lines, line_height, wrap

RADIUS = 14


def panel(surface, theme, rect, alt: bool = False, border: bool = True) -> pygame.Rect:
    rect = pygame.Rect(rect)
    pygame.draw.rect(surface, theme.panel_alt if alt else theme.panel, rect, border_radius=RADIUS)
    if border:
        pygame.draw.rect(surface, theme.border, rect, width=2, border_radius=RADIUS)
    return rect


_scrims: dict[tuple, pygame.Surface] = {}


def scrim(surface, theme) -> None:
    """Dim what is behind a dialog (one cached surface per size and theme)."""
    key = (surface.get_size(), theme.name)
    s = _scrims.get(key)
    if s is None:
        s = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        s.fill((*theme.backdrop, theme.scrim_alpha))
        _scrims[key] = s
    surface.blit(s, (0, 0))


def block(surface, ui, text: str, rect, role: str = "body", color=None, bold: bool = False,
          align: str = "left", max_lines: int | None = None) -> int:
    """Wrap ``text`` into the width of ``rect`` from its top; return the y below it."""
    rect = pygame.Rect(rect)
    font = ui.fonts.font(role, bold=bold)
    lines = wrap(text, font, rect.w) if max_lines is None else clip_lines(text, font, rect.w, max_lines)
    return draw_lines(surface, ui.fonts, lines, font, color or ui.theme.text, rect.x, rect.y,
                      line_height(font), align=align, width=rect.w)


def block_height(ui, text: str, width: int, role: str = "body", bold: bool = False) -> int:
    font = ui.fonts.font(role, bold=bold)
    return len(wrap(text, font, width)) * line_height(font)


def label(surface, ui, text: str, pos, role: str = "label", color=None, bold: bool = False,
          anchor: str = "topleft") -> pygame.Rect:
    img = ui.fonts.render(text, ui.fonts.font(role, bold=bold), color or ui.theme.text)
    r = img.get_rect(**{anchor: pos})
    surface.blit(img, r)
    return r


def icon_label(surface, ui, icon: str, text: str, pos, color, role="label", bold=True) -> pygame.Rect:
    """An icon followed by a word: verdicts are always shown as both."""
    size = ui.fonts.px(role) + 6
    img = ui.art.icon(icon, size, color)
    x, y = pos
    surface.blit(img, (x, y))
    r = label(surface, ui, text, (x + size + 8, y + size // 2), role=role, color=color, bold=bold, anchor="midleft")
    return pygame.Rect(x, y, r.right - x, size)


def badge(surface, ui, text: str, pos, bg, fg, role="small", anchor="topleft") -> pygame.Rect:
    """A filled rounded tag with text (role, stage, counts)."""
    img = ui.fonts.render(text, ui.fonts.font(role, bold=True), fg)
    r = img.get_rect()
    r.inflate_ip(20, 10)
    setattr(r, anchor, pos)
    pygame.draw.rect(surface, bg, r, border_radius=r.h // 2)
    surface.blit(img, img.get_rect(center=r.center))
    return r


def hint_height(ui, text: str) -> int:
    """How tall ``hint`` draws ``text`` (one line, or two at the largest text sizes), pill included."""
    font = ui.fonts.font("small", bold=True)
    return font.get_linesize() * max(1, len(wrap(text, font, ui.size[0] - 60))) + 10 + 4


def hint(surface, ui, text: str, midbottom=None) -> pygame.Rect:
    """A key hint on its own pill, so it stays readable over any background."""
    midbottom = midbottom or (ui.size[0] // 2, ui.size[1] - 4)
    # At the player's text size (issue 15: hints scale too); a hint wider than the screen wraps
    # to a second line rather than shrinking.
    font = ui.fonts.font("small", bold=True)
    lines = wrap(text, font, ui.size[0] - 60) or [text]
    imgs = [ui.fonts.render(line, font, ui.theme.text) for line in lines]
    lh = font.get_linesize()
    r = pygame.Rect(0, 0, max(i.get_width() for i in imgs), lh * len(imgs)).inflate(20, 10)
    r.midbottom = midbottom
    pygame.draw.rect(surface, ui.theme.panel_alt, r, border_radius=min(r.h // 2, 18))
    y = r.y + 5
    for img in imgs:
        surface.blit(img, img.get_rect(midtop=(r.centerx, y)))
        y += lh
    return r


def tall_surface(paint, first_height: int = 1200) -> pygame.Surface:
    """Paint content of unknown height (a feedback page, a debrief tab) onto a surface of a guessed
    height; paint again if the content ran longer, then trim. ``paint(height)`` returns the surface
    and the height it used. Avoids holding a huge blank surface for the usual short content."""
    surf, used = paint(first_height)
    if used > first_height:
        # Painted again at the height it needs: already the right size, so no trimmed copy (a long
        # debrief is tens of megabytes; a second copy would double the heap's peak).
        surf, used = paint(used + 8)
        return surf
    return surf.subsurface((0, 0, surf.get_width(), max(1, min(used, surf.get_height())))).copy()
