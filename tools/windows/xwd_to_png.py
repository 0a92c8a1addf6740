"""Save Xvfb's screen (the XWD file ``Xvfb -fbdir`` keeps up to date) as a PNG.

    python tools/windows/xwd_to_png.py FBDIR/Xvfb_screen0 OUT.png

Only what Xvfb writes at depth 24 is read: a ZPixmap of 32-bit little-endian pixels. Pillow (a
dependency of ReportLab) writes the PNG; no image tool is needed on the build machine.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PIL import Image

ZPIXMAP = 2


def xwd_to_image(data: bytes) -> Image.Image:
    fields = struct.unpack(">25I", data[:100])
    header_size, version, pixmap_format, depth, width, height = fields[:6]
    bits_per_pixel, bytes_per_line, ncolors = fields[11], fields[12], fields[19]
    if version != 7 or pixmap_format != ZPIXMAP or bits_per_pixel != 32 or depth != 24:
        raise ValueError(f"not a 24-bit ZPixmap XWD (depth {depth}, {bits_per_pixel} bpp)")
    start = header_size + ncolors * 12
    pixels = data[start : start + bytes_per_line * height]
    return Image.frombuffer("RGB", (width, height), pixels, "raw", "BGRX", bytes_per_line, 1)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    xwd_to_image(Path(argv[0]).read_bytes()).save(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
