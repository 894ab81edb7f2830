"""A QR code encoder (ISO/IEC 18004, model 2), written for the projector's join link: byte mode,
error correction L or M, versions 1-10 (up to 271 bytes at L), the mask with the lowest penalty.
Standard library only, so the shipped game can draw the code itself. ``encode(text)`` -> rows of
booleans (True = dark), without the quiet zone (leave 4 modules around it)."""

from __future__ import annotations

# (EC codewords per block, [(blocks, data codewords per block), ...]) for versions 1-10
BLOCKS = {
    "L": [(7, [(1, 19)]), (10, [(1, 34)]), (15, [(1, 55)]), (20, [(1, 80)]), (26, [(1, 108)]),
          (18, [(2, 68)]), (20, [(2, 78)]), (24, [(2, 97)]), (30, [(2, 116)]), (18, [(2, 68), (2, 69)])],
    "M": [(10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]),
          (16, [(4, 27)]), (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]),
          (26, [(4, 43), (1, 44)])],
}
FORMAT_BITS = {"L": 1, "M": 0}
ALIGN = [[], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]]


class TooLong(ValueError):
    """The text does not fit a version-10 code."""


def _mul(a: int, b: int) -> int:
    out = 0
    for i in range(7, -1, -1):
        out = (out << 1) ^ ((out >> 7) * 0x11D)
        out ^= ((b >> i) & 1) * a
    return out & 0xFF


def _divisor(degree: int) -> list[int]:
    result = [0] * (degree - 1) + [1]
    root = 1
    for _ in range(degree):
        for j in range(degree):
            result[j] = _mul(result[j], root)
            if j + 1 < degree:
                result[j] ^= result[j + 1]
        root = _mul(root, 2)
    return result


def _remainder(data: list[int], divisor: list[int]) -> list[int]:
    result = [0] * len(divisor)
    for byte in data:
        factor = byte ^ result.pop(0)
        result.append(0)
        for i, coef in enumerate(divisor):
            result[i] ^= _mul(coef, factor)
    return result


def _capacity(version: int, level: str) -> int:
    return sum(n * k for n, k in BLOCKS[level][version - 1][1])


def _codewords(data: bytes, version: int, level: str) -> list[int]:
    bits: list[int] = []

    def put(value: int, length: int) -> None:
        bits.extend((value >> i) & 1 for i in range(length - 1, -1, -1))

    put(0b0100, 4)
    put(len(data), 8 if version < 10 else 16)
    for byte in data:
        put(byte, 8)
    capacity = _capacity(version, level) * 8
    put(0, min(4, capacity - len(bits)))
    put(0, (-len(bits)) % 8)
    words = [int("".join(map(str, bits[i:i + 8])), 2) for i in range(0, len(bits), 8)]
    pad = 0xEC
    while len(words) < capacity // 8:
        words.append(pad)
        pad ^= 0xEC ^ 0x11
    ec_len, groups = BLOCKS[level][version - 1]
    divisor = _divisor(ec_len)
    blocks, ecs, at = [], [], 0
    for count, size in groups:
        for _ in range(count):
            block = words[at:at + size]
            at += size
            blocks.append(block)
            ecs.append(_remainder(block, divisor))
    out = []
    for i in range(max(len(b) for b in blocks)):
        out.extend(b[i] for b in blocks if i < len(b))
    for i in range(ec_len):
        out.extend(e[i] for e in ecs)
    return out


def _mask_bit(mask: int, x: int, y: int) -> bool:
    return [
        (x + y) % 2 == 0, y % 2 == 0, x % 3 == 0, (x + y) % 3 == 0, (x // 3 + y // 2) % 2 == 0,
        x * y % 2 + x * y % 3 == 0, (x * y % 2 + x * y % 3) % 2 == 0, ((x + y) % 2 + x * y % 3) % 2 == 0,
    ][mask]


class _Grid:
    def __init__(self, version: int):
        self.version = version
        self.size = n = version * 4 + 17
        self.dark = [[False] * n for _ in range(n)]
        self.fixed = [[False] * n for _ in range(n)]

    def set(self, x: int, y: int, dark: bool) -> None:
        self.dark[y][x] = dark
        self.fixed[y][x] = True

    def functions(self) -> None:
        n = self.size
        for i in range(n):
            self.set(6, i, i % 2 == 0)
            self.set(i, 6, i % 2 == 0)
        for cx, cy in ((3, 3), (n - 4, 3), (3, n - 4)):
            for dy in range(-4, 5):
                for dx in range(-4, 5):
                    x, y = cx + dx, cy + dy
                    if 0 <= x < n and 0 <= y < n:
                        d = max(abs(dx), abs(dy))
                        self.set(x, y, d not in (2, 4))
        pos = ALIGN[self.version - 1]
        for i, ax in enumerate(pos):
            for j, ay in enumerate(pos):
                if (i == 0 and j == 0) or (i == 0 and j == len(pos) - 1) or (i == len(pos) - 1 and j == 0):
                    continue
                for dy in range(-2, 3):
                    for dx in range(-2, 3):
                        self.set(ax + dx, ay + dy, max(abs(dx), abs(dy)) != 1)
        self.format_bits("L", 0)  # reserves the format areas; written again with the real mask
        if self.version >= 7:
            rem = self.version
            for _ in range(12):
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25)
            bits = self.version << 12 | rem
            for i in range(18):
                bit = bool((bits >> i) & 1)
                a, b = n - 11 + i % 3, i // 3
                self.set(a, b, bit)
                self.set(b, a, bit)

    def format_bits(self, level: str, mask: int) -> None:
        n = self.size
        data = FORMAT_BITS[level] << 3 | mask
        rem = data
        for _ in range(10):
            rem = (rem << 1) ^ ((rem >> 9) * 0x537)
        bits = (data << 10 | rem) ^ 0x5412

        def bit(i):
            return bool((bits >> i) & 1)

        for i in range(6):
            self.set(8, i, bit(i))
        self.set(8, 7, bit(6))
        self.set(8, 8, bit(7))
        self.set(7, 8, bit(8))
        for i in range(9, 15):
            self.set(14 - i, 8, bit(i))
        for i in range(8):
            self.set(n - 1 - i, 8, bit(i))
        for i in range(8, 15):
            self.set(8, n - 15 + i, bit(i))
        self.set(8, n - 8, True)

    def place(self, words: list[int]) -> None:
        n, i, total = self.size, 0, len(words) * 8
        right = n - 1
        while right >= 1:
            if right == 6:
                right = 5
            for vert in range(n):
                for j in range(2):
                    x = right - j
                    upward = ((right + 1) & 2) == 0
                    y = n - 1 - vert if upward else vert
                    if not self.fixed[y][x] and i < total:
                        self.dark[y][x] = bool((words[i >> 3] >> (7 - (i & 7))) & 1)
                        i += 1
            right -= 2

    def masked(self, mask: int, level: str) -> list[list[bool]]:
        copy = _Grid(self.version)
        copy.dark = [row[:] for row in self.dark]
        copy.fixed = [row[:] for row in self.fixed]
        for y in range(self.size):
            for x in range(self.size):
                if not self.fixed[y][x] and _mask_bit(mask, x, y):
                    copy.dark[y][x] = not copy.dark[y][x]
        copy.format_bits(level, mask)
        return copy.dark


def penalty(rows: list[list[bool]]) -> int:
    """The standard's four penalty rules (runs, 2x2 blocks, finder-like patterns, balance)."""
    n = len(rows)
    score = 0
    cols = [[rows[y][x] for y in range(n)] for x in range(n)]
    finder = ([True, False, True, True, True, False, True, False, False, False, False],
              [False, False, False, False, True, False, True, True, True, False, True])
    for line in rows + cols:
        run, last = 0, None
        for cell in line:
            if cell == last:
                run += 1
            else:
                if run >= 5:
                    score += run - 2
                run, last = 1, cell
        if run >= 5:
            score += run - 2
        for i in range(n - 10):
            if tuple(line[i:i + 11]) in (tuple(finder[0]), tuple(finder[1])):
                score += 40
    for y in range(n - 1):
        for x in range(n - 1):
            if rows[y][x] == rows[y][x + 1] == rows[y + 1][x] == rows[y + 1][x + 1]:
                score += 3
    dark = sum(map(sum, rows))
    score += abs(dark * 20 - n * n * 10) // (n * n) * 10
    return score


def encode(text: str | bytes, level: str = "M", *, version: int | None = None, mask: int | None = None):
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    if version is None:
        for v in range(1, 11):
            if len(data) + (2 if v < 10 else 3) <= _capacity(v, level):
                version = v
                break
        else:
            raise TooLong(f"{len(data)} bytes do not fit a version-10 QR code at level {level}")
    grid = _Grid(version)
    grid.functions()
    grid.place(_codewords(data, version, level))
    if mask is not None:
        return grid.masked(mask, level)
    return min((grid.masked(m, level) for m in range(8)), key=penalty)
