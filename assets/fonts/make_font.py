"""Make RightsPath's bundled fonts: subsets of DejaVu Sans (Debian's fonts-dejavu-core).

    python assets/fonts/make_font.py [--source-dir DIR] [--out-dir DIR]

Writes RightsPathSans.ttf and RightsPathSans-Bold.ttf beside this script. They keep Latin (with
Latin-1 and Latin Extended-A, so Polish, Romanian, Lithuanian, Latvian, Czech, Croatian... work),
Greek, Cyrillic, and the punctuation and symbols the UI draws. The family is renamed, as the
Bitstream Vera licence asks of modified copies (see LICENSE.txt here).

Needs fontTools (a dev dependency) and the fonts-dejavu-core package; exits with a clear message
and code 2 when either is missing. Same inputs give the same bytes (the subsetter is deterministic
and we pin the font's timestamps).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/truetype/dejavu")
FACES = {  # output file -> (source file, style name)
    "RightsPathSans.ttf": ("DejaVuSans.ttf", "Regular"),
    "RightsPathSans-Bold.ttf": ("DejaVuSans-Bold.ttf", "Bold"),
}
FAMILY = "RightsPath Sans"

# Unicode ranges kept (inclusive).
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (Polish, Czech, Baltic, Maltese...)
    (0x0218, 0x021B),  # Romanian S/T with comma below
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x045F),  # Cyrillic (Bulgarian, Russian, Ukrainian, Serbian, Macedonian...)
    (0x0490, 0x0491),  # Ukrainian Ghe with upturn
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203A),  # per mille, primes, single guillemets
    (0x2190, 0x2195),  # arrows
]
SINGLES = [
    0x02C6, 0x02C7, 0x02D8, 0x02D9, 0x02DA, 0x02DB, 0x02DC, 0x02DD,  # spacing accents
    0x20AC,  # euro
    0x2116,  # numero sign (Cyrillic texts)
    0x2122,  # trade mark
    0x2212,  # minus
    0x2713, 0x2714, 0x2717, 0x2718,  # check and cross marks
    0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x25B6, 0x25C0,  # circles, squares, play triangles
    0x2605, 0x2606,  # stars
    0xFFFD,  # replacement character
]


def wanted_codepoints() -> list[int]:
    points = set(SINGLES)
    for low, high in RANGES:
        points.update(range(low, high + 1))
    return sorted(points)


def fail(message: str) -> int:
    print(f"make_font: {message}", file=sys.stderr)
    return 2


def rename(font, style: str) -> None:
    """Give the subset its own family name (the Vera licence forbids reusing "Bitstream"/"Vera")."""
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    postscript = FAMILY.replace(" ", "") + "-" + style
    names = {1: FAMILY, 2: style, 3: f"RightsPath: {full}", 4: full, 6: postscript, 16: FAMILY, 17: style}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17):
            table.removeNames(nameID=record.nameID)
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, en-US
        table.setName(text, name_id, 1, 0, 0)  # Mac Roman, English
    note = ("Subset and renamed from DejaVu Sans for RightsPath. Bitstream Vera and DejaVu changes "
            "are in the public domain or under the Bitstream Vera licence; see LICENSE.txt.")
    table.setName(note, 10, 3, 1, 0x409)


def make(source: Path, target: Path, style: str) -> int:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["kern", "liga", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False  # small files; pygame's FreeType renders unhinted text well at UI sizes
    options.drop_tables += ["FFTM", "MATH"]  # FontForge stamps, maths layout: not needed
    font = TTFont(str(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_codepoints())
    subsetter.subset(font)
    rename(font, style)
    # Deterministic bytes: pin the timestamps the head table carries.
    font["head"].created = font["head"].modified = 0
    font.recalcTimestamp = False
    font.save(str(target))
    return target.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-dir", type=Path, default=DEFAULT_SOURCE_DIR)
    parser.add_argument("--out-dir", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    try:
        import fontTools  # noqa: F401
    except ImportError:
        return fail("fontTools is not installed; run `pip install fonttools` (it is in the dev extras).")
    for out_name, (source_name, style) in FACES.items():
        source = args.source_dir / source_name
        if not source.is_file():
            return fail(f"{source} not found; install Debian's fonts-dejavu-core "
                        "(`apt-get install fonts-dejavu-core`) or pass --source-dir.")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for out_name, (source_name, style) in FACES.items():
        size = make(args.source_dir / source_name, args.out_dir / out_name, style)
        print(f"{args.out_dir / out_name}: {size / 1024:.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
