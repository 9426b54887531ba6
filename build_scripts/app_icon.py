"""Draw the site's app icon (a white heart on deep teal) as PNG, with the standard library.

The home-screen icons of the web app manifest are drawn at build time, so no
binary image is kept in the repository.
"""

from __future__ import annotations

import struct
import zlib

from build_scripts.site_layout import BRAND

TEAL = tuple(bytes.fromhex(BRAND["primary"].removeprefix("#")))
WHITE = (0xFF, 0xFF, 0xFF)


def in_heart(x: float, y: float) -> bool:
    """Return True inside the heart curve (x^2 + y^2 - 1)^3 - x^2 y^3 <= 0, y pointing up."""
    return (x * x + y * y - 1) ** 3 - x * x * y ** 3 <= 0


def icon_pixels(size: int, heart_share: float) -> list[bytes]:
    """Return the icon's rows of RGB pixels; the heart spans ``heart_share`` of the width."""
    scale = 2.6 / (size * heart_share)  # the heart is about 2.3 units wide, 2.2 high
    rows = []
    for row in range(size):
        y = (size / 2 - row - 0.5) * scale + 0.15
        line = bytearray()
        for column in range(size):
            x = (column + 0.5 - size / 2) * scale
            line.extend(WHITE if in_heart(x, y) else TEAL)
        rows.append(bytes(line))
    return rows


def png(size: int, maskable: bool = False) -> bytes:
    """Return a square PNG icon; a maskable one keeps the heart inside the safe zone."""
    rows = icon_pixels(size, 0.45 if maskable else 0.62)
    raw = b"".join(b"\x00" + row for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
