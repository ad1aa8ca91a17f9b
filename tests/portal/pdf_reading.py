"""Read a simple PDF the way a reader does, for the tests: objects through the
cross-reference table, text with its position from the inflated content streams."""

import re
import zlib


def read_pdf(data):
    """Objects by number (checked against the cross-reference table), and the
    drawn text with its positions, from the inflated content streams."""
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))
    assert data[start:].startswith(b"xref\n")
    count = int(re.match(rb"xref\n0 (\d+)\n", data[start:]).group(1))
    rows = data[start:].split(b"\n")[3 : 3 + count - 1]
    objects = {}
    for number, row in enumerate(rows, start=1):
        offset = int(row[:10])
        assert data[offset:].startswith(f"{number} 0 obj".encode()), number
        objects[number] = data[offset : data.index(b"endobj", offset)]
    texts = []
    for body in objects.values():
        stream = re.search(rb"stream\n(.*)\nendstream", body, re.S)
        if not stream:
            continue
        for x, y, literal in re.findall(
            rb"([\d.]+) ([\d.]+) Td \(((?:\\.|[^\\)])*)\) Tj",
            zlib.decompress(stream.group(1)),
        ):
            text = re.sub(rb"\\(.)", rb"\1", literal).decode("cp1252")
            texts.append((float(x), float(y), text))
    return objects, texts


def page_count(data):
    """Pages in any PDF whose objects are not packed in object streams."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
