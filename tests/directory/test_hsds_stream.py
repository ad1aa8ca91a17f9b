"""Reading a large HSDS document item by item: the same values as `json.load`,
errors with a JSON path and a line, and never more than a window of the file read
ahead."""

import io
import json

import pytest

from directory.hsds import stream
from tests.directory.hsds_support import EXAMPLE


def read(text, chunk_size=7, lazy=("contents",)):
    values = {}
    for key, value in stream.members(io.StringIO(text), lazy, chunk_size):
        values[key] = (
            list(value) if key in lazy and not isinstance(value, list) else value
        )
    return values


TRICKY = {
    "total_items": 12345678901234567890,
    "size": -0.5e-3,
    "empty": False,
    "nothing": None,
    "contents": [
        {"name": 'Quote " and brace } and bracket ]', "n": 10.25},
        {"name": "Ærlig og ødeland på Åsane – ‹›", "emoji": "\U0001f3e0"},
        [],
        {},
        "text, with a comma",
        123456789,
    ],
    "after": {"nested": [1, [2, [3]]]},
}


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7, 64, 1 << 16])
@pytest.mark.parametrize("indent", [None, 1])
def test_every_value_reads_as_json_load_reads_it_whatever_the_chunk_size(
    chunk_size, indent
):
    text = json.dumps(TRICKY, indent=indent, ensure_ascii=False)

    assert read(text, chunk_size) == json.loads(text)


def test_an_empty_array_and_an_empty_object_read_as_empty():
    assert read('{"contents": []}') == {"contents": []}
    assert read("{ }") == {}


def test_the_projects_own_example_data_reads_as_json_load_reads_it():
    path = EXAMPLE / "services.hsds.json"
    with path.open(encoding="utf-8") as handle:
        streamed = {
            key: list(value) if key == "contents" else value
            for key, value in stream.members(handle, lazy={"contents"})
        }

    assert streamed == json.loads(path.read_text(encoding="utf-8"))


def test_a_broken_item_is_reported_with_its_path_and_line():
    text = '{"contents": [\n{"id": 1},\n{"id": 2,,}\n]}'

    with pytest.raises(stream.StreamError) as error:
        read(text, chunk_size=4)

    message = str(error.value)
    assert message.startswith("$.contents[1]: not valid JSON")
    assert "line 3" in message


@pytest.mark.parametrize(
    "text",
    ['{"contents": [1, 2', '{"contents": [1 2]}', "[1, 2]", '{"a": 1} extra', ""],
)
def test_truncated_or_malformed_documents_are_refused_plainly(text):
    with pytest.raises(stream.StreamError, match="not valid JSON"):
        read(text)


class CountingReader(io.StringIO):
    def __init__(self, text):
        super().__init__(text)
        self.characters_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.characters_read += len(chunk)
        return chunk


def test_items_are_handed_out_before_the_rest_of_the_file_is_read():
    item = {"id": "x" * 100, "description": "y" * 1000}
    text = json.dumps({"contents": [item] * 5000})  # about 5.5 MB
    handle = CountingReader(text)

    members = stream.members(handle, lazy={"contents"}, chunk_size=4096)
    key, items = next(members)
    first = next(items)

    assert key == "contents" and first == item
    assert handle.characters_read <= 2 * 4096
    assert sum(1 for _ in items) == 4999
