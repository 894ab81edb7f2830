"""The shipped QR encoder (game/room/qr.py) against the `qrcode` package the authoring side uses:
the same modules for every version 1-10, levels L and M, several masks, ASCII and UTF-8 links."""

from __future__ import annotations

import pytest

from game.room.qr import TooLong, encode

qrcode = pytest.importorskip("qrcode")
from qrcode.util import MODE_8BIT_BYTE, QRData  # noqa: E402

LEVELS = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M}
TEXTS = ["https://venue.example/vote.html#room=MEET42&lang=bg", "A" * 150, "стая " * 8, "hi"]


def reference(data: bytes, level: str, version: int, mask: int):
    code = qrcode.QRCode(version=version, error_correction=LEVELS[level], mask_pattern=mask, border=0)
    code.add_data(QRData(data, mode=MODE_8BIT_BYTE))
    try:
        code.make(fit=False)
    except Exception:  # does not fit this version
        return None
    return [[bool(c) for c in row] for row in code.get_matrix()]


@pytest.mark.parametrize("level", "LM")
@pytest.mark.parametrize("version", range(1, 11))
def test_modules_match_the_reference(level, version):
    compared = 0
    for text in TEXTS:
        data = text.encode("utf-8")
        for mask in range(8):
            ref = reference(data, level, version, mask)
            if ref is None:
                continue
            assert encode(data, level, version=version, mask=mask) == ref, (text, mask)
            compared += 1
    assert compared or version == 1 and level == "M"


def test_the_smallest_version_and_a_sentence_when_too_long():
    link = "http://192.168.1.20:8000/vote.html#room=MEET42&lang=bg&lrsauth=Basic%20ZmFjaWxpdGF0b3I6czNjcmV0"
    rows = encode(link)
    assert len(rows) == 4 * 6 + 17  # 103 bytes: version 6 at level M
    with pytest.raises(TooLong, match="do not fit"):
        encode("x" * 300)
