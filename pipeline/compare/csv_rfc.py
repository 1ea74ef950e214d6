"""The specificities table as an rfc-flavour CSV, byte for byte what `export.write_csv` writes, in Arrow.

`write_csv` goes through pandas and Python's csv module, one cell at a time: on the million rows of an
archive split by source that is most of `pipeline compare`'s time. Here every column is made text at
once (Arrow casts; strings quoted only when they hold a comma, a quote or a line break, as the csv
module does), the columns are joined per row and the rows written in one piece. Floats are written as
pandas writes them, i.e. NumPy's shortest repr: Arrow's cast gives the same shortest digits but its own
notation for very small or large numbers and integral values, so those few cells are formatted by NumPy.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_NEEDS_QUOTES = '[,"\r\n]'
_LINE_END = "\r\n"


def csv_cells(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """The cells of one column as the rfc CSV writes them (null: empty)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    kind = column.type
    if pa.types.is_dictionary(kind):
        column, kind = column.cast(kind.value_type), kind.value_type
    if pa.types.is_floating(kind):
        text = _floats(column.cast(pa.float64()))
    elif pa.types.is_integer(kind) or pa.types.is_boolean(kind):
        text = column.cast(pa.string())
        if pa.types.is_boolean(kind):
            text = pc.if_else(column, "True", "False")
    else:
        text = column.cast(pa.string())
        needs = pc.match_substring_regex(text, _NEEDS_QUOTES)
        if pc.any(needs).as_py():  # rare: quote those cells, their quotes doubled
            quoted = pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")
            text = pc.if_else(needs, quoted, text)
    return pc.fill_null(text, "")


def _floats(column: pa.Array) -> pa.Array:
    """Float cells as NumPy's str() writes them (what pandas' to_csv writes); NaN and null: empty."""
    values = column.to_numpy(zero_copy_only=False)  # null -> NaN
    text = column.cast(pa.string())
    size = np.abs(values)
    with np.errstate(invalid="ignore"):
        odd = np.isinf(values) | (size >= 1e16) | ((size < 1e-4) & (values != 0))
    # Arrow writes 3 and -0 for 3.0 and -0.0, and 1.5e+14 where NumPy writes 150000000000000.0
    odd |= ~pc.match_substring(text, ".").to_numpy(zero_copy_only=False)
    odd |= pc.match_substring(text, "e").to_numpy(zero_copy_only=False)
    odd &= ~np.isnan(values)
    where = np.flatnonzero(odd)
    if where.size:
        mask = np.zeros(values.size, dtype=bool)
        mask[where] = True
        text = pc.replace_with_mask(text, pa.array(mask), pa.array(values[where].astype(str).tolist()))
    return pc.if_else(pa.array(np.isnan(values)), pa.scalar(None, pa.string()), text)


def write_rfc_csv(table: pa.Table, path: Path) -> None:
    """`table` as `export.write_csv(table, path)` writes it (rfc flavour: utf-8, comma, CRLF)."""
    header = ",".join(csv_cells(pa.array(table.column_names)).to_pylist()) + _LINE_END
    with open(path, "wb") as handle:
        handle.write(header.encode("utf-8"))
        step = 1 << 18  # rows per block: bounded memory for the text of a large table
        for start in range(0, table.num_rows, step):
            block = table.slice(start, step)
            cells = [csv_cells(block.column(i)) for i in range(block.num_columns)]
            lines = pc.binary_join_element_wise(*cells, ",")
            body = pc.binary_join_element_wise(lines, _LINE_END, "")
            handle.write(_buffer(body))


def _buffer(strings: pa.Array) -> bytes | memoryview:
    """The concatenated bytes of a string array (its data buffer between its first and last offset)."""
    offsets = np.frombuffer(
        strings.buffers()[1], dtype=np.int32, count=len(strings) + 1, offset=strings.offset * 4
    )
    data = strings.buffers()[2]
    if data is None:
        return b""
    return memoryview(data)[offsets[0] : offsets[-1]]
