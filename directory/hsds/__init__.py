"""HSDS 3.0 mapping, in one place: the importer reads HSDS into the directory, the
exporter writes the directory out as HSDS (the open-data API) and as a spreadsheet.
"""

from directory.hsds.common import MODEL_TO_HSDS, TRANSLATED_FIELDS
from directory.hsds.importer import (
    ImportFailed,
    ImportReport,
    directory_index,
    import_document,
    import_file,
    read_document,
)

__all__ = [
    "MODEL_TO_HSDS",
    "TRANSLATED_FIELDS",
    "ImportFailed",
    "ImportReport",
    "directory_index",
    "import_document",
    "import_file",
    "read_document",
]
