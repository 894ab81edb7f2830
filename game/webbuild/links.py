"""Facilitator links: one URL per trainee that presets the game's setup screen, and a printable page.

A link looks like ``https://host/rightspath/index.html?scenario=mira&lang=bg&mode=facilitated&
session=SOF-0412&trainee=T07``. Every value is checked with the same rules the game applies when it
reads the URL (``game.platform.browser``), so a link this command prints is never silently dropped
by the page. The page shows each link as text and as a QR code (inline SVG, so it prints anywhere).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urlencode

from game.paths import split_web_address
from game.errors import UserError
from game.platform.browser import param_problem

MAX_TRAINEES = 300


@dataclass(frozen=True)
class TraineeLink:
    trainee: str
    url: str


def check_base_url(base_url: str) -> str:
    try:
        parts = split_web_address(base_url)
    except ValueError as exc:
        raise UserError(f"--base-url {base_url!r}: not a web address ({exc})", 2) from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"--base-url {base_url!r}: give the game's full web address, e.g. "
                        "https://example.org/rightspath/ (http or https)", 2)
    if parts.query or parts.fragment:
        raise UserError(f"--base-url {base_url!r}: leave out '?...' and '#...'; the links add their own", 2)
    if any(ch.isspace() for ch in base_url):
        raise UserError(f"--base-url {base_url!r}: must not contain spaces", 2)
    return base_url


def trainee_codes(count: int) -> list[str]:
    """T01, T02, ... (three digits from 100 trainees on, so codes sort in order)."""
    if not 1 <= count <= MAX_TRAINEES:
        raise UserError(f"--count {count}: give a number of trainees from 1 to {MAX_TRAINEES}", 2)
    width = max(2, len(str(count)))
    return [f"T{n:0{width}d}" for n in range(1, count + 1)]


def new_session_key() -> str:
    """A fresh secret session key (128 random bits as 32 hex digits), never derived from the session code."""
    import secrets

    return secrets.token_hex(16)


def make_links(base_url: str, session: str, count: int, *, scenario: str | None = None,
               mode: str | None = None, lang: str | None = None,
               session_key: str | None = None, size: str | None = None, contrast: str | None = None,
               motion: str | None = None) -> list[TraineeLink]:
    """One link per trainee; with ``session_key`` each ends in ``#k=<that trainee's key>``
    (game.exports.signing.trainee_key): the fragment is never sent to a server."""
    base = check_base_url(base_url)
    preset = {"scenario": scenario, "lang": lang, "mode": mode, "session": session,
              # accessibility presets (issue 15): the page keeps them, the game applies them
              "size": size, "contrast": contrast, "motion": motion}
    for key, value in preset.items():
        if value is None:
            continue
        problem = param_problem(key, value)
        if problem:
            raise UserError(f"--{key}: {problem}", 2)
    fixed = [(k, v) for k, v in preset.items() if v is not None]
    if session_key is not None and not session_key.strip():
        raise UserError("--session-key is empty; give the session's secret key, or leave it out for a new one", 2)

    def fragment(code: str) -> str:
        if not session_key:
            return ""
        from game.exports.signing import trainee_key

        return "#k=" + trainee_key(session_key, session, code)

    return [TraineeLink(code, f"{base}?{urlencode(fixed + [('trainee', code)])}{fragment(code)}")
            for code in trainee_codes(count)]


def qr_svg(text: str, size_mm: int = 38) -> str:
    """The QR code of ``text`` as an inline SVG (one path of unit squares, quiet zone included)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    cells = "".join(f"M{x} {y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" width="{size_mm}mm" '
            f'height="{size_mm}mm" shape-rendering="crispEdges" role="img" aria-label="QR code">'
            f'<rect width="{n}" height="{n}" fill="#fff"/><path d="{cells}" fill="#000"/></svg>')


def links_page(links: list[TraineeLink], session: str, *, scenario: str | None, mode: str | None,
               lang: str | None) -> str:
    esc = html.escape
    details = ", ".join(f"{label} {esc(value)}" for label, value in
                        (("scenario", scenario), ("mode", mode), ("language", lang)) if value)
    cards = "\n".join(
        f'<section class="card"><h2>Trainee {esc(link.trainee)}</h2>{qr_svg(link.url)}'
        f'<p class="url"><a href="{esc(link.url)}">{esc(link.url)}</a></p></section>'
        for link in links
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>RightsPath links: session {esc(session)}</title>
<style>
  body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #111; }}
  header p {{ margin: 0.2rem 0; }}
  .grid {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(62mm, 1fr)); gap: 6mm; }}
  .card {{ border: 1px solid #999; border-radius: 3mm; padding: 4mm; text-align: center;
           break-inside: avoid; page-break-inside: avoid; }}
  .card h2 {{ font-size: 1.1rem; margin: 0 0 2mm; }}
  .url {{ font-size: 0.7rem; word-break: break-all; margin: 2mm 0 0; }}
  .url a {{ color: #111; text-decoration: none; }}
  @media print {{ body {{ margin: 0; }} .noprint {{ display: none; }} }}
</style>
</head>
<body>
<header>
  <h1>RightsPath: session {esc(session)}</h1>
  <p>{len(links)} trainee links{': ' + details if details else ''}.</p>
  <p class="noprint">Print this page and cut out one card per trainee; each scans to the game with
  the session and the trainee's code already filled in. Give each card to its trainee only: its link
  carries that trainee's signing key (after <code>#k=</code>), so the results files it exports can be
  checked with <code>rightspath verify --session-key</code>. The session key itself is not on this page.</p>
</header>
<main class="grid">
{cards}
</main>
</body>
</html>
"""
