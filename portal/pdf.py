"""A small PDF writer for one-page text documents (the professionals' call sheet).

Why hand-written: the portal's lock has no PDF library yet (fpdf2 would be the choice;
adding it needs the lock tool). This covers exactly what the call sheet needs: text
in PDF's standard Helvetica and Helvetica-Bold, lines, filled boxes and word wrapping,
on A4 pages. The standard fonts need nothing embedded and every PDF reader has them;
their WinAnsi encoding (Windows-1252) covers Norwegian (æ ø å Æ Ø Å) and the other
Western European letters. Characters outside it print as "?".
"""

import zlib
from dataclasses import dataclass, field

A4 = (595.28, 841.89)  # points

# Advance widths (1/1000 em) of Windows-1252 codes 32-255 in Helvetica and
# Helvetica-Bold, as in Adobe's font metrics (0: code not used by the encoding).
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 365,
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 0, 737, 552,
    400, 549, 333, 333, 333, 576, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556, 500,
)  # fmt: skip
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 365,
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 0, 737, 552,
    400, 549, 333, 333, 333, 576, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 556, 611, 556,
)  # fmt: skip
FONTS = {
    "regular": ("F1", "Helvetica", _REGULAR),
    "bold": ("F2", "Helvetica-Bold", _BOLD),
}


def encode(text):
    """The text as Windows-1252 bytes; no-break and thin spaces become spaces."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    return text.encode("cp1252", errors="replace")


def text_width(text, size, font="regular"):
    widths = FONTS[font][2]
    return sum(widths[b - 32] if b >= 32 else 0 for b in encode(text)) * size / 1000


def wrap(text, size, width, font="regular"):
    """Break text into lines no wider than `width` points, at spaces; a word longer
    than a line is left whole rather than cut."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _literal(data):
    return (
        b"("
        + data.replace(b"\\", b"\\\\")
        .replace(b"(", b"\\(")
        .replace(b")", b"\\)")
        .replace(b"\r", b"\\r")
        + b")"
    )


@dataclass
class Page:
    """One page's drawing operations; y counts from the bottom, as in PDF."""

    size: tuple = A4
    ops: list = field(default_factory=list)

    def text(self, x, y, text, size, font="regular", rgb=(0, 0, 0)):
        name = FONTS[font][0]
        colour = " ".join(f"{c:.3f}" for c in rgb)
        self.ops.append(
            f"BT {colour} rg /{name} {size:.2f} Tf {x:.2f} {y:.2f} Td ".encode()
            + _literal(encode(text))
            + b" Tj ET"
        )

    def line(self, x1, y1, x2, y2, width=0.5, rgb=(0, 0, 0)):
        colour = " ".join(f"{c:.3f}" for c in rgb)
        path = f"{x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l"
        self.ops.append(f"{colour} RG {width:.2f} w {path} S".encode())

    def box(self, x, y, width, height, rgb):
        colour = " ".join(f"{c:.3f}" for c in rgb)
        self.ops.append(
            f"{colour} rg {x:.2f} {y:.2f} {width:.2f} {height:.2f} re f".encode()
        )


def document(pages, title="", language="nb-NO"):
    """The PDF file (bytes) with these pages, its title and language set."""
    objects = []  # bodies; object n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    page_tree = add(None)
    fonts = {
        name: add(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} "
            "/Encoding /WinAnsiEncoding >>".encode()
        )
        for name, base, _widths in FONTS.values()
    }
    font_dict = " ".join(f"/{name} {ref} 0 R" for name, ref in fonts.items())
    kids = []
    for page in pages:
        content = zlib.compress(b"\n".join(page.ops))
        stream = add(
            f"<< /Length {len(content)} /Filter /FlateDecode >>\nstream\n".encode()
            + content
            + b"\nendstream"
        )
        kids.append(
            add(
                f"<< /Type /Page /Parent {page_tree} 0 R "
                f"/MediaBox [0 0 {page.size[0]:.2f} {page.size[1]:.2f}] "
                f"/Resources << /Font << {font_dict} >> >> "
                f"/Contents {stream} 0 R >>".encode()
            )
        )
    objects[page_tree - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
        f"/Count {len(kids)} >>".encode()
    )
    info = add(
        b"<< /Title " + _literal(encode(title)) + b" /Producer (Hjelp i Vestland) >>"
    )
    objects[catalog - 1] = (
        f"<< /Type /Catalog /Pages {page_tree} 0 R /Lang ".encode()
        + _literal(language.encode("ascii"))
        + b" >>"
    )

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R "
        f"/Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
