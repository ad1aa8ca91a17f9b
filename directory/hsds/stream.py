"""Read a large JSON document piece by piece, so memory does not grow with its size.

The top-level object is read member by member; the value of a member named in
`lazy` (an HSDS page's `contents`) is not decoded as a whole but handed out one
array item at a time. Standard library only: each value is decoded by
`json.JSONDecoder.raw_decode` from a buffer refilled in chunks.
"""

import json

CHUNK_SIZE = 1 << 16
# A single array item larger than this is refused rather than buffered: it bounds
# the memory a broken or hostile document can make the reader use.
MAX_ITEM_SIZE = 64 << 20
_WHITESPACE = " \t\n\r"
_NUMBER = "0123456789+-.eE"


class StreamError(ValueError):
    """The document is not valid JSON (or not the expected shape) at `path`."""

    def __init__(self, path, message, line=None, column=None):
        where = f" (line {line}, column {column})" if line else ""
        super().__init__(f"{path}: {message}{where}")
        self.path = path


class _Buffer:
    """A window on the text: consumed text is dropped, more is read on demand."""

    def __init__(self, handle, chunk_size=CHUNK_SIZE):
        self._handle = handle
        self._chunk_size = chunk_size
        self._text = ""
        self._pos = 0
        self._eof = False
        self._decoder = json.JSONDecoder()
        # Where the window starts, for error messages.
        self._line = 1
        self._column = 1

    def _fill(self, at_least=0):
        """Drop consumed text and read one more chunk (or more); False at the end."""
        if self._pos:
            dropped = self._text[: self._pos]
            newlines = dropped.count("\n")
            if newlines:
                self._line += newlines
                self._column = len(dropped) - dropped.rfind("\n")
            else:
                self._column += len(dropped)
            self._text = self._text[self._pos :]
            self._pos = 0
        if self._eof:
            return False
        chunk = self._handle.read(max(self._chunk_size, at_least))
        if not chunk:
            self._eof = True
            return False
        self._text += chunk
        return True

    def where(self, pos=None):
        pos = self._pos if pos is None else pos
        before = self._text[:pos]
        newlines = before.count("\n")
        if newlines:
            return self._line + newlines, pos - before.rfind("\n")
        return self._line, self._column + pos

    def error(self, path, message, pos=None):
        line, column = self.where(pos)
        return StreamError(path, message, line, column)

    def peek(self):
        """The next character that is not whitespace ('' at the end)."""
        while True:
            text, pos = self._text, self._pos
            while pos < len(text) and text[pos] in _WHITESPACE:
                pos += 1
            self._pos = pos
            if pos < len(text):
                return text[pos]
            if not self._fill():
                return ""

    def take(self, expected, path):
        found = self.peek()
        if found != expected:
            shown = repr(found) if found else "the end of the file"
            message = f"not valid JSON: expected {expected!r}, found {shown}"
            raise self.error(path, message)
        self._pos += 1

    def value(self, path):
        """Decode the next complete JSON value."""
        if not self.peek():
            raise self.error(path, "not valid JSON: the file ends too early")
        while True:
            try:
                value, end = self._decoder.raw_decode(self._text, self._pos)
            except json.JSONDecodeError as exc:
                # Most likely the value runs past the window: read more and retry,
                # doubling the read so a long value costs few retries.
                pending = len(self._text) - self._pos
                if pending < MAX_ITEM_SIZE and self._fill(at_least=pending):
                    continue
                if pending >= MAX_ITEM_SIZE:
                    raise self.error(
                        path, f"a single value is over {MAX_ITEM_SIZE >> 20} MB"
                    ) from exc
                raise self.error(path, f"not valid JSON: {exc.msg}", exc.pos) from exc
            # A number cut by the window ("12", "1.", "1e-") may go on in the next
            # chunk: read on unless something that ends a number follows it.
            if (
                isinstance(value, int | float)
                and not self._eof
                and not self._text[end:].strip(_NUMBER)
                and self._fill()
            ):
                continue
            self._pos = end
            return value


def members(handle, lazy=(), chunk_size=CHUNK_SIZE):
    """Yield `(key, value)` for each member of the top-level object of `handle`.

    For a key in `lazy` whose value is an array, the value is an iterator over its
    items; read it before asking for the next member (what is left unread is
    skipped item by item). Raises StreamError with a JSON path.
    """
    buffer = _Buffer(handle, chunk_size)
    buffer.take("{", "$")
    if buffer.peek() == "}":
        buffer.take("}", "$")
        return
    while True:
        key = buffer.value("$")
        if not isinstance(key, str):
            raise buffer.error("$", "not valid JSON: a member name must be a string")
        buffer.take(":", f"$.{key}")
        if key in lazy and buffer.peek() == "[":
            items = _items(buffer, f"$.{key}")
            yield key, items
            for _item in items:  # whatever the caller did not read
                pass
        else:
            yield key, buffer.value(f"$.{key}")
        following = buffer.peek()
        if following == ",":
            buffer.take(",", "$")
        elif following == "}":
            buffer.take("}", "$")
            break
        else:
            buffer.take("}", "$")
    if buffer.peek():
        raise buffer.error("$", "not valid JSON: text after the end of the document")


def _items(buffer, path):
    buffer.take("[", path)
    if buffer.peek() == "]":
        buffer.take("]", path)
        return
    position = 0
    while True:
        yield buffer.value(f"{path}[{position}]")
        following = buffer.peek()
        if following == ",":
            buffer.take(",", path)
            position += 1
        else:
            buffer.take("]", path)
            return
