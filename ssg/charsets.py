"""What to say of a file that is not UTF-8: the encoding it was most likely saved in, and how to convert it.

ssg reads UTF-8 only, and stays so: guessing an encoding while building could publish mojibake without a word. But
"not UTF-8 (byte 0xcf)" leaves the keeper of a Russian archive guessing what to do, while such a file is nearly
always a Windows editor's Windows-1251 (Cyrillic) or Notepad's "Unicode" (UTF-16 with a byte-order mark): the
message names the one it looks like, and the `iconv` line that converts it.
"""

from __future__ import annotations

import shlex

from .errors import Problem

# The byte-order marks a file may start with: UTF-32's first (its little-endian mark starts as UTF-16's does), then
# UTF-16's, as Notepad's "Unicode" and "Unicode big endian" start a file.
_MARKS = {
    b"\xff\xfe\x00\x00": "UTF-32LE",
    b"\x00\x00\xfe\xff": "UTF-32BE",
    b"\xff\xfe": "UTF-16LE",
    b"\xfe\xff": "UTF-16BE",
}
_NAMES = {
    "UTF-32LE": "UTF-32",
    "UTF-32BE": "UTF-32 (big endian)",
    "UTF-16LE": "UTF-16 (Notepad's 'Unicode')",
    "UTF-16BE": "UTF-16 (big endian)",
    "CP1251": "Windows-1251 (Cyrillic)",
    "KOI8-R": "KOI8-R (Cyrillic)",
}


def not_utf8(error: UnicodeDecodeError, shown: str) -> tuple[int, str]:
    """The line and the message for a file (`shown`, its path as messages name it, from the project folder) that
    `error` found not UTF-8: what it is, the encoding it looks like, and how to save it as UTF-8."""
    raw, position = error.object, error.start
    return raw[:position].count(b"\n") + 1, _message(raw, position, shown)


def _message(raw: bytes, position: int, shown: str) -> str:
    where = f"is not UTF-8 text (byte 0x{raw[position]:02x})"
    encoding = likely_encoding(raw)
    if encoding is None:
        return f"{where}; save the file as UTF-8"
    if any("\x80" <= char < "\udc80" or char > "\udcff" for char in raw.decode("utf-8", errors="surrogateescape")):
        # (UTF-8 elsewhere in the file: converting all of it would garble that part)
        return f"{where}; it looks like {_NAMES[encoding]} pasted into UTF-8 text: write that text again, in UTF-8"
    return f"{where}; it looks like {_NAMES[encoding]}: save it as UTF-8 (in the editor, or: {_converting(encoding, shown)})"


def _converting(encoding: str, shown: str) -> str:
    """The `iconv` line that saves the file `shown` (from `encoding`) as UTF-8 in its place."""
    path, converted = shlex.quote(shown), shlex.quote(shown + ".utf8")
    return f"iconv -f {encoding} -t UTF-8 {path} > {converted} && mv {converted} {path}"


def _unmarked_utf16(raw: bytes) -> str | None:
    """UTF-16LE or UTF-16BE where `raw` looks written in it without a byte-order mark: a zero byte beside many of its
    characters (every Latin letter, digit and line end has one), on the one side; else None."""
    sample = raw[:4096]
    zeros = {"UTF-16LE": sample[1::2].count(0), "UTF-16BE": sample[0::2].count(0)}
    encoding = max(zeros, key=zeros.__getitem__)
    return encoding if len(sample) >= 8 and zeros[encoding] >= 0.3 * (len(sample) // 2) else None


def utf16_read_as_utf8(raw: bytes, shown: str) -> tuple[int, str] | None:
    """The line and the message for a file (`shown`) that reads as UTF-8 but is UTF-16 saved without its byte-order
    mark: its Latin letters each have a zero byte beside them, and the build said the file had no front matter. None
    for a file with a stray zero byte or two (text copied from a PDF: the reader leaves them out with a warning)."""
    encoding = _unmarked_utf16(raw)
    if encoding is None:
        return None
    line = raw[: raw.index(b"\x00")].count(b"\n") + 1
    told = f"it looks like {_NAMES[encoding]} without its byte-order mark: save it as UTF-8 (in the editor, or: {_converting(encoding, shown)})"
    return line, f"is not UTF-8 text: {told}"


def likely_encoding(raw: bytes) -> str | None:
    """The encoding `raw` (not UTF-8) looks written in, as `iconv` names it, or None: UTF-16 by its byte-order mark; a
    Russian 8-bit encoding where the bytes that are not UTF-8 (a file may be UTF-8 but for a line pasted in) come in
    runs (words; the accented letters of a Latin text stand alone) and are mostly Cyrillic letters in it (the rest quotes and dashes):
    Windows-1251 where most are lower case there, KOI8-R where most are lower case in that (a Russian text is mostly
    lower case, and each encoding has the other's cases)."""
    for mark, encoding in _MARKS.items():
        if raw.startswith(mark):
            return encoding
    if b"\x00" in raw and (unmarked := _unmarked_utf16(raw)) is not None:
        return unmarked
    text = raw.decode("utf-8", errors="surrogateescape")
    foreign = [index for index, char in enumerate(text) if "\udc80" <= char <= "\udcff"]
    if not foreign:
        return None
    marked = set(foreign)
    in_runs = sum(1 for index in foreign if index - 1 in marked or index + 1 in marked)
    letters = [ord(text[index]) - 0xDC00 for index in foreign]
    letters = [byte for byte in letters if byte >= 0xC0 or byte in (0xA8, 0xB8, 0xA3, 0xB3)]
    if in_runs < 0.8 * len(foreign) or len(letters) < 0.75 * len(foreign):
        return None
    lower_in_1251 = sum(1 for byte in letters if byte >= 0xE0 or byte == 0xB8)
    return "CP1251" if 2 * lower_in_1251 >= len(letters) else "KOI8-R"


def name_not_utf8(path: str, folder: str) -> Problem | None:
    """The problem of a file of content folder `folder` whose name (`path` in it, as Python read it) is not UTF-8, or
    None for one that is. Such a name (an old archiver's or a Windows tool's, in Windows-1251 or Latin-1) cannot go
    into the build cache, the manifest or a page as it is, and git and other machines write names in UTF-8: the file is
    named by its bytes, with the encoding they look written in and the `convmv` line that renames it."""
    try:
        path.encode("utf-8")
        return None
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogateescape")
    shown, encoding = raw.decode("utf-8", "backslashreplace"), likely_encoding(raw.rsplit(b"/", 1)[-1])
    where = "the file's name is not UTF-8"
    if encoding is None:
        return Problem(f"{folder}/{shown}", None, None, f"{where}: rename it")
    rename = f"convmv -f {encoding.lower()} -t utf-8 --notest -r {shlex.quote(folder)}"
    return Problem(f"{folder}/{shown}", None, None, f"{where}; it looks like {_NAMES[encoding]}: rename it (or: {rename})")
