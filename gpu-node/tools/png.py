"""A PNG writer (zlib, no PIL) and captioned sample grids in a 3×5 pixel font.

The GPU machine has no PIL, and a grid of samples is only useful with the
prompt under each image, so the text is drawn here from a tiny bitmap font
(upper case, digits and a little punctuation; other characters draw blank).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

_GLYPHS = {  # 5 rows of 3 pixels, top to bottom
    "A": ".#. #.# ### #.# #.#", "B": "##. #.# ##. #.# ##.", "C": ".## #.. #.. #.. .##",
    "D": "##. #.# #.# #.# ##.", "E": "### #.. ##. #.. ###", "F": "### #.. ##. #.. #..",
    "G": ".## #.. #.# #.# .##", "H": "#.# #.# ### #.# #.#", "I": "### .#. .#. .#. ###",
    "J": "..# ..# ..# #.# .#.", "K": "#.# #.# ##. #.# #.#", "L": "#.. #.. #.. #.. ###",
    "M": "#.# ### ### #.# #.#", "N": "##. #.# #.# #.# #.#", "O": ".#. #.# #.# #.# .#.",
    "P": "##. #.# ##. #.. #..", "Q": ".#. #.# #.# ##. .##", "R": "##. #.# ##. #.# #.#",
    "S": ".## #.. .#. ..# ##.", "T": "### .#. .#. .#. .#.", "U": "#.# #.# #.# #.# ###",
    "V": "#.# #.# #.# #.# .#.", "W": "#.# #.# ### ### #.#", "X": "#.# #.# .#. #.# #.#",
    "Y": "#.# #.# .#. .#. .#.", "Z": "### ..# .#. #.. ###",
    "0": "### #.# #.# #.# ###", "1": ".#. ##. .#. .#. ###", "2": "##. ..# .#. #.. ###",
    "3": "##. ..# .#. ..# ##.", "4": "#.# #.# ### ..# ..#", "5": "### #.. ##. ..# ##.",
    "6": ".## #.. ### #.# ###", "7": "### ..# .#. .#. .#.", "8": "### #.# ### #.# ###",
    "9": "### #.# ### ..# ##.", ".": "... ... ... ... .#.", ":": "... .#. ... .#. ...",
    "-": "... ... ### ... ...", "%": "#.# ..# .#. #.. #.#", "=": "... ### ... ### ...",
    "/": "..# ..# .#. #.. #..", ",": "... ... ... .#. #..",
}
FONT = {ch: np.array([[c == "#" for c in row] for row in rows.split()], dtype=bool) for ch, rows in _GLYPHS.items()}
CHAR_W, CHAR_H = 4, 6  # glyph plus one pixel of spacing


def encode(image: np.ndarray) -> bytes:
    """PNG bytes of an [H,W,3] uint8 image (8-bit RGB, zlib level 9), each row with the filter
    (none, sub, up, average or Paeth) whose bytes have the least sum of magnitudes, the PNG
    specification's suggested heuristic: a sample grid's upscaled tiles and gradients take about
    0.6 of the unfiltered size."""
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"image: expected [H,W,3] uint8, got {image.shape} {image.dtype}")
    h, w, _ = image.shape
    filtered = _filters(image.reshape(h, w * 3))
    cost = np.abs(filtered.view(np.int8).astype(np.int32)).sum(axis=2)  # [5, H]
    choice = cost.argmin(axis=0)
    raw = b"".join(bytes([int(k)]) + filtered[k, y].tobytes() for y, k in enumerate(choice))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _filters(rows: np.ndarray, bpp: int = 3) -> np.ndarray:
    """The five PNG filters of every row of ``rows`` [H, W·bpp] uint8: [5, H, W·bpp] uint8."""
    x = rows.astype(np.int16)
    left, up, up_left = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
    left[:, bpp:] = x[:, :-bpp]
    up[1:] = x[:-1]
    up_left[1:, bpp:] = x[:-1, :-bpp]
    p = left + up - up_left
    pa, pb, pc = np.abs(p - left), np.abs(p - up), np.abs(p - up_left)
    paeth = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, up, up_left))
    out = np.stack([x, x - left, x - up, x - ((left + up) >> 1), x - paeth])
    return (out & 0xFF).astype(np.uint8)


def write(path: Path, image: np.ndarray) -> None:
    Path(path).write_bytes(encode(image))


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to ``width`` characters."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def draw_text(canvas: np.ndarray, x: int, y: int, text: str, colour=(0, 0, 0)) -> None:
    """Draw one line of ``text`` (upper-cased) with its top-left corner at (x, y), clipped."""
    for i, ch in enumerate(text.upper()):
        glyph = FONT.get(ch)
        if glyph is None:
            continue
        x0 = x + i * CHAR_W
        region = canvas[y : y + 5, x0 : x0 + 3]
        g = glyph[: region.shape[0], : region.shape[1]]
        region[g] = colour


def grid(images: np.ndarray, captions: list[str], cols: int, scale: int = 2, row_labels: list[str] | None = None):
    """A white sheet of [n,H,W,3] uint8 tiles, each enlarged ``scale``× with its caption below
    (wrapped); ``row_labels`` go in a column on the left. Returns [H',W',3] uint8."""
    n, h, w, _ = images.shape
    tw, th = w * scale, h * scale
    per_line = max(1, (tw - 2) // CHAR_W)
    wrapped = [wrap(c, per_line) for c in captions]
    text_h = max((len(lines) for lines in wrapped), default=0) * CHAR_H + 4
    left = (max((len(s) for s in row_labels), default=0) * CHAR_W + 6) if row_labels else 0
    rows = -(-n // cols)
    pad = 4
    sheet = np.full((rows * (th + text_h + pad) + pad, left + cols * (tw + pad) + pad, 3), 255, np.uint8)
    for i in range(n):
        r, c = divmod(i, cols)
        x, y = left + pad + c * (tw + pad), pad + r * (th + text_h + pad)
        sheet[y : y + th, x : x + tw] = images[i].repeat(scale, 0).repeat(scale, 1)
        for k, line in enumerate(wrapped[i]):
            draw_text(sheet, x + 1, y + th + 3 + k * CHAR_H, line)
    for r, label in enumerate(row_labels or []):
        draw_text(sheet, 3, pad + r * (th + text_h + pad) + th // 2, label)
    return sheet
