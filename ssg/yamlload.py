"""YAML loading that keeps line numbers and leaves dates as text.

Dates stay strings so that `content.py` parses them with one set of rules and can quote the
user's own text back in an error. The C loader is used when PyYAML has it: front matter of
100,000 articles is parsed on every cold build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .charsets import not_utf8
from .conflicts import conflict_message
from .errors import Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAX_VALUES = 100_000  # values a document may make, its aliases written out (`_values_in`): a real one makes hundreds


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader without the implicit timestamp type, and with decimal numbers only, not YAML 1.1's others: a sports
    score's tag `2:0` was the number 120 (base 60), `title: 12:30` the title 750, and `0x1F`, `1_000` and `007` were 31,
    1000 and 7. They are text, as a reader reads them (YAML 1.2 reads `2:0` and `1_000` so too; its hex and octal are
    left out as well: a title or tag is no number in another base)."""


INT, FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_NUMBERS = {
    INT: re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
    FLOAT: re.compile(r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, _NUMBERS.get(tag, regexp)) for tag, regexp in resolvers if tag != TIMESTAMP]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


class YamlSyntaxError(ValueError):
    """A YAML error with the 1-based line it is on (relative to the text given)."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message = message
        self.line = line


def load_yaml_with_lines(text: str) -> tuple[Any, dict[str, int]]:
    """Parse `text`; return the data and, for a top-level mapping, the 1-based line of each key."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        anchored = _ANCHOR.search(text) is not None
        lines, nodes = _key_lines(node, anchored)  # before construction, which merges `<<:` keys into the node's own
        # Without an anchor the document has no alias: it is a tree of `nodes` values, none holding itself, and the
        # walks of `_check_aliases` (a third of reading an article's front matter) would find nothing.
        if nodes > MAX_VALUES or anchored:
            _check_aliases(node)
        data = None if node is None else _plain_data(loader, node) if not anchored else _NOT_PLAIN
        if data is _NOT_PLAIN:
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        if (conflict := conflict_message(text)) is not None:  # (site.yaml after a `git pull` that stopped on it)
            raise YamlSyntaxError(conflict[1], conflict[0]) from None
        source_lines = text.split("\n")
        hashed = _hash_in_list(source_lines, (exc.problem_mark or exc.context_mark).line if (exc.problem_mark or exc.context_mark) else -1)
        if hashed is not None:
            raise YamlSyntaxError(f"YAML syntax error: {hashed[1]}", hashed[0]) from None
        unclosed = _unclosed(exc, source_lines)
        if unclosed is not None:
            raise YamlSyntaxError(f"YAML syntax error: {unclosed}", exc.context_mark.line + 1) from None
        mark = exc.problem_mark or exc.context_mark
        at_end = exc.problem_mark is not None and exc.problem_mark.line >= text.rstrip("\n").count("\n")
        flow = exc.context in _OPENED  # (a block mapping's context is where it starts: the first key, no help)
        if exc.context_mark is not None and at_end and flow and not _on_tab(exc.problem_mark, source_lines):
            mark = exc.context_mark  # an unclosed [ or {: where it opened helps more than the end (a tab is where it is)
        line = mark.line + 1 if mark is not None else None
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        hint = "check quotes, colons and indentation"
        line_text = source_lines[mark.line] if mark is not None and mark.line < len(source_lines) else ""
        if _on_tab(mark, source_lines):
            hint = "a tab: YAML indents with spaces only"
        elif exc.problem and exc.problem.startswith("mapping values are not allowed"):
            hint = _colon_hint(line_text) or hint
        problem_line = exc.problem_mark.line if exc.problem_mark is not None else -1
        if (glued := _glued_key(exc, source_lines)) is not None:
            raise YamlSyntaxError(f"YAML syntax error: {glued[1]}", glued[0]) from None
        if (indent := _indent_hint(exc, source_lines)) is not None:
            raise YamlSyntaxError(f"YAML syntax error: {indent}", problem_line + 1) from None
        if (runs_on := _runs_on(exc.problem_mark, source_lines)) is not None:
            raise YamlSyntaxError(f"YAML syntax error: {runs_on[1]}", runs_on[0]) from None
        if (inner := _inner_quote_hint(source_lines[problem_line] if 0 <= problem_line < len(source_lines) else "")) is not None:
            raise YamlSyntaxError(f"YAML syntax error: {inner}", problem_line + 1) from None
        if (
            exc.problem == "did not find expected key"
            and 0 <= problem_line < len(source_lines)
            and (early := _closed_early_hint(source_lines[problem_line])) is not None
        ):
            raise YamlSyntaxError(f"YAML syntax error: {early}", problem_line + 1) from None
        if exc.context == "while scanning a simple key" and exc.context_mark is not None and not _on_tab(mark, source_lines):
            # A plain line among the keys, as a title with a line break in it is written by a script (`title: Launch` then
            # `delayed`): PyYAML names the line after it, and only its own words.
            message = "this line is no `key: value`: if it goes on with the value above, indent it or join it to that line"
            first, _, rest = source_lines[exc.context_mark.line].strip().partition(" ")
            if (toml := toml_line(source_lines[exc.context_mark.line])) is not None:  # (a line of Hugo's config.toml)
                message = f"`{toml[0]} = ...` is TOML (Hugo's config.toml); YAML writes {toml[0]}: {toml[1]}"
            elif re.fullmatch(r"[A-Za-z_][\w-]*", first) and rest.strip():
                message += f"; if {first} is a key, write {first}: {rest.strip()}"
            raise YamlSyntaxError(f"YAML syntax error: {message}", exc.context_mark.line + 1) from None
        if exc.context == "while scanning an alias" and (item := _ALIAS_ITEM.search(line_text)) is not None:
            # (`exclude: [*.excalidraw.md]`, `- *.tmp`: a glob pattern, as a .gitignore writes it)
            message = f"a list's item cannot start with * as written (YAML reads * there as an alias): put it in quotes, {quoted(item[1])}"
            raise YamlSyntaxError(f"YAML syntax error: {message}", line) from None
        if not _on_tab(mark, source_lines) and (start := _start_hint(line_text) or _flow_colon_hint(line_text)) is not None:
            raise YamlSyntaxError(f"YAML syntax error: {start}", line) from None
        if exc.problem == "did not find expected node content" and _EMPTY_ITEM.search(line_text):
            # (`tags: [МКС, , Роскосмос]`: PyYAML's words name no comma)
            message = "a list with an empty item (two commas with nothing between, or a comma right after [): delete the extra comma"
            raise YamlSyntaxError(f"YAML syntax error: {message}", line) from None
        raise YamlSyntaxError(f"YAML syntax error: {what} ({hint})", line) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: a control one, copied from a PDF or a terminal
        line = text.count("\n", 0, exc.position) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlSyntaxError(f"YAML error: a control character ({what}), which YAML does not allow (delete it)", line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML error: {exc}", None) from None
    finally:
        loader.dispose()
    return data, lines


# Where a text may hold an anchor (`&name`): PyYAML's scanners (libyaml's and its own) take letters, digits, `-` and
# `_` after the `&`. It finds more than anchors (`AT&T` in a title), never fewer.
_ANCHOR = re.compile("&[0-9A-Za-z_-]")


def _check_aliases(node: yaml.Node) -> None:
    """Raise a YamlSyntaxError for a document that holds itself through an alias, or whose aliases make more values
    than a file may hold (`MAX_VALUES`), on the line where it starts to."""
    if (itself := _holding_itself(node)) is not None:
        # (`a: &a [*a]`: constructed, a list that holds itself, and the reader went round it to a RecursionError traceback)
        message = (
            "YAML syntax error: this value holds an alias of its own anchor (&a [*a]), which makes it without end: write the value out"
        )
        raise YamlSyntaxError(message, itself.start_mark.line + 1)
    if (too_many := _too_many_values(node)) is not None:
        # (`b: &b [*a, *a, ...]` over `a: &a [...]`, a "billion laughs": written out, the data took minutes and gigabytes)
        message = f"YAML syntax error: its aliases (*a) make more than the {MAX_VALUES:,} values a file may hold: write the values out"
        raise YamlSyntaxError(message, too_many)


# Two commas with only spaces between, or a comma opening a list, outside quotes: a flow list's empty item.
_EMPTY_ITEM = re.compile(r"""^[^"'#]*(?:,\s*,|\[\s*,)""")

# What PyYAML is doing when a [, { or quote is not closed (its own words, the same in the C and the Python loader).
_OPENED = {"while parsing a flow sequence": "[]", "while parsing a flow mapping": "{}", "while scanning a quoted scalar": "\"'"}
_CLOSE = {
    "[": "end the list with ]",
    "{": "end the mapping with }",
    '"': 'end the value with "; a " inside it is written \\"',
    "'": "end the value with '; a ' inside it is written ''",
}


def _unclosed(exc: yaml.MarkedYAMLError, lines: list[str]) -> str | None:
    """What to say of a [, { or quote not closed on its line, or None for another error.

    PyYAML notices one only where it cannot go on: on the next key's line, or past the last line (`title: [broken`
    on line 2 was an error on line 3). Its context mark is where the bracket or quote opened: the message is put
    there. (A quote's error on a later line is an unclosed quote only at the end: a quoted value may span lines.)"""
    opened, problem = exc.context_mark, exc.problem_mark
    if exc.context not in _OPENED or opened is None or problem is None or problem.line <= opened.line or _on_tab(problem, lines):
        return None
    if exc.context == "while scanning a quoted scalar" and "end of stream" not in (exc.problem or ""):
        return None
    line = lines[opened.line] if opened.line < len(lines) else ""
    char = line[opened.column : opened.column + 1]
    if char not in _OPENED[exc.context]:
        return None
    hint = _CLOSE[char]
    key, value = key_value(line) or ("", "")
    # Text that starts with a bracket (`title: [Video] ...`) is meant to be quoted; a list with commas is a list.
    if char in "[{" and value.startswith(char) and "," not in value:
        hint += f"; if the {char} is part of the text, put the value in quotes: {key}: {json.dumps(value, ensure_ascii=False)}"
    return f"the {char} opened here is not closed ({hint})"


# `key:value`, a key without the space YAML needs after its colon (not a link's `https://`).
_GLUED_KEY = re.compile(r"^(\s*)([A-Za-z_][\w-]*):([^\s/].*)$")
_KEY_AT = re.compile(r"^( *)[^\s#'\"\[\]{}:-][^:]*:(?:\s|$)")  # a `key:` line, and its indent


def _glued_key(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str] | None:
    """The 1-based line and message of `title:Текст`, a key without a space after its colon, which YAML reads as text.
    As the first key, the text runs on into the next key's line, where PyYAML says "mapping values are not allowed"
    ("check quotes, colons and indentation" on the line of `date:`): the line is the one above it. After another key,
    PyYAML says "could not find expected ':'" while scanning it as a simple key, whose mark is on it (and the message
    was a plain line's, "indent it or join it to that line"). None for another error."""
    if exc.context == "while scanning a simple key" and exc.context_mark is not None:
        number = exc.context_mark.line
        found = _GLUED_KEY.match(lines[number]) if number < len(lines) else None
        return (number + 1, _glued_message(found)) if found else None
    problem = exc.problem_mark
    if problem is None or not (exc.problem or "").startswith("mapping values are not allowed"):
        return None
    for number in range(min(problem.line, len(lines) - 1), -1, -1):
        found = _GLUED_KEY.match(lines[number])
        if found and number < problem.line:
            return number + 1, _glued_message(found)
        if number < problem.line and key_line(lines[number]) is not None:
            return None
    return None


def _glued_message(found: re.Match[str]) -> str:
    key, value = found[2], found[3].strip()
    return f"no space after the colon of {key}:, so YAML reads the line as text, not a key: write {key}: {value}"


def _indent_hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> str | None:
    """What to say of a key indented less than the key above it in its mapping (`  name: ТАСС` above ` url: ...`),
    where PyYAML says "did not find expected key" on it; None for another error or line."""
    problem = exc.problem_mark
    if problem is None or exc.problem != "did not find expected key" or problem.line >= len(lines):
        return None
    here = _KEY_AT.match(lines[problem.line])
    above = next((line for line in reversed(lines[: problem.line]) if line.strip() and not line.lstrip().startswith("#")), "")
    there = _KEY_AT.match(above)
    if here is None or there is None or not 0 < len(here[1]) < len(there[1]):
        return None
    spaces = len(there[1])
    return f"this key is indented {len(here[1])} space{'s' * (len(here[1]) != 1)}, the key above it {spaces}: keys of one mapping line up (indent it {spaces} spaces)"


# A line whose value opens a quote it does not close: `title: "Soyuz`, `- 'Роскосмос`, `key: "text ""`.
_OPENS_QUOTE = re.compile(r"""^\s*(?:- +)?(?:[^\s#'"\[\]{}:-][^:#]*:[ \t]+)?(["'])(.*)$""")


def _runs_on(problem: yaml.Mark | None, lines: list[str]) -> tuple[int, str] | None:
    """The 1-based line and message of a quote left open whose value a quote on a later line closes: `title: "Soyuz`
    above `credit: "TASS"` reads as one value up to the quote before TASS, and PyYAML's "did not find expected key"
    came on that later line, with "check quotes, colons and indentation". None for another error. (A quote open to
    the end of the text is `_unclosed`'s.)"""
    if problem is None or problem.line >= len(lines):
        return None
    before = lines[problem.line][: problem.column].rstrip()
    if not before or before[-1] not in "'\"":
        return None
    quote = before[-1]
    for number in range(problem.line - 1, -1, -1):
        if _open_quote(lines[number], quote):
            below = problem.line - number
            where = f"{below} line{'s' * (below != 1)} below"
            return (
                number + 1,
                f"the {quote} opened here is not closed on its line, so the value runs on to the {quote} {where} ({_CLOSE[quote]})",
            )
        if quote in lines[number]:
            return None
    return None


def _open_quote(line: str, quote: str) -> bool:
    """Whether `line`'s value opens `quote` and leaves it open (a ' inside single quotes is written '', a " inside double
    ones \\")."""
    found = _OPENS_QUOTE.match(line)
    if found is None or found[1] != quote:
        return False
    rest = found[2].replace("''", "") if quote == "'" else re.sub(r"\\.", "", found[2])
    return quote not in rest


def _hash_in_list(lines: list[str], error_line: int) -> tuple[int, str] | None:
    """The line and message of a list whose item starts with `#` (`tags: [#space, #news]`, as Obsidian writes tags): YAML
    reads `#` after `[` or `, ` as a comment, so the list is never closed, and PyYAML's own words (`did not find
    expected node content`) came on the line after it. Only for the error PyYAML found there (on that line or the two
    after it, 0-based `error_line`), and for a list that ends on its line (`title: [#1] Top news` is text in brackets)."""
    for number, line in enumerate(lines, 1):
        found = _HASHED_ITEM.match(line) if number - 1 <= error_line <= number + 1 else None
        if found and found[2].rstrip().endswith("]") and "]" not in found[2].rstrip()[:-1]:
            key, items = found[1], [item.strip() for item in found[2].rstrip("] ").split(",")]
            quoted = ", ".join(json.dumps(item, ensure_ascii=False) for item in items if item)
            bare = ", ".join(item.lstrip("#") for item in items if item)
            return (
                number,
                f"a # after [ or a comma starts a YAML comment, so the list ends there: write {key}: [{quoted}] (or {key}: [{bare}])",
            )
    return None


_HASHED_ITEM = re.compile(r"^\s*([^\s#'\"\[\]{}:-][^:]*):\s*\[\s*((?:[^'\"\]]*,\s*)?#[^'\"]*)$")


def _on_tab(mark: yaml.Mark | None, lines: list[str]) -> bool:
    return mark is not None and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t"


# `key: value` whose plain value holds a colon (title: Artemis I: SLS), the commonest YAML error in front matter.
KEY_VALUE_WITH_COLON = re.compile(r"^\s*([^\s#'\"\[\]{}:-][^:]*):[ \t]+([^\s'\"\[\]{}|>&*!].*:.*)$")


_COMMENT = re.compile(r"\s+#.*$")  # a YAML comment ends a plain value: " #" and what follows
KEY_LINE = re.compile(r"^\s*([^\s#'\"\[\]{}:-][^:]*):(?:[ \t]+(.*))?$")  # `key:` or `key: value`, the value as written


def read_mapping(path: Path, shown: str, problems: list[Problem], what: str) -> tuple[dict, dict[str, int]]:
    """A YAML file of `key: value` lines (theme.yaml, a strings file) and its keys' lines; ({}, {}) for an empty one, or
    one whose problem (not UTF-8, a syntax error, not a mapping: `what` says what it is to hold) is added to
    `problems`, named `shown` (the file as messages name it)."""
    try:
        data, lines = load_yaml_with_lines(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        line, message = not_utf8(exc, shown)
        problems.append(Problem(shown, line, None, message))
        return {}, {}
    except YamlSyntaxError as exc:
        problems.append(Problem(shown, exc.line, None, exc.message))
        return {}, {}
    if data is None:  # (an empty file, as one is started)
        return {}, {}
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, None, f"must be a mapping of {what}"))
        return {}, {}
    return data, lines


def line_of(path: Path, key: str) -> int | None:
    """The line of YAML file `path` that sets its top-level `key`, for a message about a value found wrong after the
    file was read (a theme that is not there): the values are kept, not their lines. None where it cannot tell."""
    try:
        return load_yaml_with_lines(path.read_text(encoding="utf-8"))[1].get(key)
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return None


def line_below(path: Path, key: str, after: int | None = None) -> int | None:
    """The first line of `path` after line `after` (a top-level key's: it ends at the next one) that sets `key` (`key:`,
    `"key":` or `'key':`, at any indent), found by its text: the YAML reader keeps the lines of top-level keys only
    (`logo:` of `publisher:`, an entry of `tag_names:`). None where none does (`publisher: {name: X, logo: y}`)."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return line_below_in(lines, key, after)


def line_below_in(lines: Sequence[str], key: str, after: int | None = None) -> int | None:
    """`line_below` of a file's `lines`, read already (site.yaml's, which `Config` keeps)."""
    starts = (f"{key}:", f'"{key}":', f"'{key}':")
    for number, text in enumerate(lines[after or 0 :], (after or 0) + 1):
        if after and text.strip() and not text[:1].isspace() and not text.lstrip().startswith("#"):
            return None  # the next top-level key
        if text.lstrip().startswith(starts):
            return number
    return None


def key_line(line: str) -> tuple[str, str] | None:
    """(key, value as written, its comment too; "" for none) of a `key:` or `key: value` line; None for any other."""
    match = KEY_LINE.match(line)
    return (match[1].rstrip(), (match[2] or "").rstrip()) if match else None


def key_value(line: str) -> tuple[str, str] | None:
    """(key, value as written, without a comment) of a `key: value` line; None for any other line."""
    found = key_line(line)
    return (found[0], _COMMENT.sub("", found[1]).rstrip()) if found else None


def cut_by_comment(written: str) -> str | None:
    """What YAML reads of a plain value written `plain text #more`, whose ` #` starts a comment that cuts the text
    (`title: Запуск #2 перенесён` reads as "Запуск"); None where no comment cuts it (no ` #`, quotes, a list, ...)."""
    comment = None if written[:1] in "'\"[{|>&*!#%@`" else _COMMENT.search(written)
    return written[: comment.start()] if comment else None


def quoted(value: str) -> str:
    """`value` as a quoted YAML string, the way a hint tells to write it."""
    # A JSON string is a YAML double-quoted one; single quotes read better around a value holding double ones.
    return f"'{value}'" if '"' in value and "'" not in value else json.dumps(value, ensure_ascii=False)


_QUOTED_VALUE = re.compile(r"""(\s*(?:- )?[^\s:#'"][^:#]*?):\s+(["'])(.*?)\s*""")


def _inner_quote_hint(line: str) -> str | None:
    """For a line `key: "text "quoted" text"`, whose inner quote ends the value early (YAML then finds text where a key
    should be): the exact line to write, with the other quotes outside (`title: 'Он сказал "нет"'`), or the inner ones
    escaped. None for another line."""
    match = _QUOTED_VALUE.fullmatch(line)
    if match is None:
        return None
    key, quote, rest = match.groups()
    if not rest.endswith(quote) or quote not in rest[:-1]:
        return None
    value = rest[:-1]
    other = "'" if quote == '"' else '"'
    escaped = value.replace('"', '\\"') if quote == '"' else value.replace("'", "''")
    inside = "double" if quote == '"' else "single"
    fix = f"{key.strip()}: {quote}{escaped}{quote}"
    if other not in value:
        fix = f"{key.strip()}: {other}{value}{other} (the other quotes outside), or {fix}"
    return f"a {inside} quote inside the value ends it early: write {fix}"


_TOML_LINE = re.compile(r"([A-Za-z_][\w-]*)\s*=\s*(.+)")


def toml_line(line: str) -> tuple[str, str] | None:
    """(key, value) of a line written as TOML writes one (`baseURL = "https://example.org/"`, Hugo's config.toml), else None."""
    found = _TOML_LINE.fullmatch(line.strip())
    return (found[1], found[2].strip()) if found else None


# What YAML takes a plain value's first character for, where a title or name copied from a CMS starts with it.
_STARTS = {
    "@": "YAML reserves @",
    "`": "YAML reserves `",
    "%": "YAML reads % there as a directive",
    "*": "YAML reads * there as an alias",
    "&": "YAML reads & there as an anchor",
    "!": "YAML reads ! there as a type tag",
    "-": "YAML reads '- ' there as a list item",
    "[": "YAML reads [ there as the start of a list",
    "{": "YAML reads { there as the start of a mapping",
}


def _start_hint(line: str) -> str | None:
    """For a line `key: value` whose value starts with a character YAML reads as its own syntax (`title: @mention`,
    `title: *`, `title: - dash`, `title: [Video] Launch`, `title: "Quoted" and more`, as CMS exports write titles):
    the line to write, the value in quotes. None for another line, and for a [ or { list or mapping meant as one
    (`_a_collection`), whose error is another."""
    found = key_value(line)
    if found is None or not found[1]:
        return None
    key, value = found
    char = value[0]
    if (
        (char not in _STARTS and char not in "\"'")
        or (char == "-" and value[1:2] not in (" ", ""))
        or (char in "[{" and _a_collection(value, "]}"["[{".index(char)]))
    ):
        return None
    if char in "\"'":
        if value.endswith(char) or char not in value[1:]:
            return None  # (a value quoted as a whole, or a quote not closed: their errors are others)
        return f"a value that starts with a quote ends at the next one: put the whole value in quotes, {key}: {quoted(value)}"
    return f"a value cannot start with {char} as written ({_STARTS[char]}): put the value in quotes, {key}: {quoted(value)}"


# A list's item starting with * (`[*.md]`, `, *.md`, `- *.md`): the item, to the next comma or ] or the line's end.
_ALIAS_ITEM = re.compile(r"(?:[\[,]\s*|^\s*-\s+)(\*[^,\]]*?)\s*(?:[,\]]|$)")


def _a_collection(value: str, close: str) -> bool:
    """Whether a value that starts with [ or { was meant as a list or mapping: one that ends the value, or one left open
    with a comma in it (`[a, b`). One closed before text goes on is text: `[Видео] Старт «Союза» с Байконура, 24 мая`
    and `[Фото, видео] Старт «Союза»`, as a CMS's titles start, were told only "did not find expected key"."""
    return value.endswith(close) or (close not in value and "," in value)


_FLOW_ITEM_COLON = re.compile(r"(?<=[{,])(\s*)([^\s:,{}'\"][^:,{}]*):\s+([^'\"{}\[\],][^,{}]*?:\s[^,{}]*?)(\s*)(?=[,}])")


def _flow_colon_hint(line: str) -> str | None:
    """For a line `key: {name: РИА: Новости, url: ...}` whose item holds a colon and a space, which ends the item's
    value in a { } mapping: the line to write, with that value in quotes. None for another line."""
    found = key_value(line)
    if found is None or not found[1].startswith("{") or not _FLOW_ITEM_COLON.search(found[1]):
        return None
    key, value = found
    fixed = _FLOW_ITEM_COLON.sub(lambda m: f"{m[1]}{m[2]}: {quoted(m[3])}{m[4]}", value)
    return f"a colon and a space inside a value of {{ }} end it: put that value in quotes, {key}: {fixed}"


def _closed_early_hint(line: str) -> str | None:
    """For `tags: [Банк России], МКС]`, a ] too many (as a sed replacing a tag's name with `Name]`, or an edit, leaves
    one), which YAML reads as the list's end and the rest as no YAML ("did not find expected key"): the line to write,
    the list without its inner brackets. None for another line, and for a list holding quotes."""
    found = key_value(line)
    if found is None or not found[1].startswith("[") or not found[1].endswith("]") or "]" not in found[1][1:-1]:
        return None
    key, value = found
    if "'" in value or '"' in value:
        return None
    items = [item.strip() for item in value[1:-1].replace("[", "").replace("]", "").split(",")]
    fixed = f"[{', '.join(item for item in items if item)}]"
    return f"the list ends at its first ], and what follows it is no YAML: write {key}: {fixed}"


def _colon_hint(line: str) -> str | None:
    """For a line `key: value: more`, how to write it: the value in quotes."""
    match = KEY_VALUE_WITH_COLON.match(line)
    if match is None:
        return None
    key, value = match.group(1).rstrip(), _COMMENT.sub("", match.group(2)).rstrip()
    return f"a colon in the value: put the value in quotes, {key}: {quoted(value)}"


def _key_lines(node: yaml.Node | None, anchored: bool = True) -> tuple[dict[str, int], int]:
    """The 1-based line of each key of a top-level mapping, and how many nodes the document has (`_mappings`). A key
    given twice in any mapping, top-level or nested (`image:` with two `credit:`), is an error: PyYAML would keep the
    last silently, and the first is as likely the one meant. The first repeat in the text is the one reported.
    `anchored`: whether the text may hold an anchor (`_ANCHOR`); one that holds none is a tree, whose nodes are counted
    without keeping them."""
    mappings, nodes = _mappings(node) if anchored else _tree_mappings(node)
    repeats = [repeat for mapping in mappings for repeat in _repeated_keys(mapping)]
    if repeats:
        line, message = min(repeats)
        raise YamlSyntaxError(message, line)
    if not isinstance(node, yaml.MappingNode):
        return {}, nodes
    return {key_node.value: key_node.start_mark.line + 1 for key_node in _keys(node)}, nodes


def _mappings(node: yaml.Node | None) -> tuple[list[yaml.MappingNode], int]:
    """Every mapping node in the document, at any depth, and how many nodes it has (an alias is the node it names, so
    each is visited and counted once)."""
    found, seen, pending = [], set(), [node]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            found.append(current)
            pending += [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            pending += current.value
    return found, len(seen)


def _tree_mappings(node: yaml.Node | None) -> tuple[list[yaml.MappingNode], int]:
    """`_mappings` of a document without an alias (no node is reached twice): the same mappings and count, without
    the set of the nodes seen, a third of the walk's time."""
    found, nodes, pending = [], 0, [node]
    while pending:
        current = pending.pop()
        if current is None:
            continue
        nodes += 1
        kind = type(current)
        if kind is yaml.ScalarNode:
            continue
        if kind is yaml.MappingNode or isinstance(current, yaml.MappingNode):
            found.append(current)
            pending += [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            pending += current.value
    return found, nodes


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_OTHER_SCALARS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))
_NOT_PLAIN = object()  # (what `_plain_data` gives for a document it leaves to PyYAML)


class _NotPlainError(Exception):
    """A node `_plain_data` does not make itself."""


def _plain_data(loader: yaml.BaseLoader, node: yaml.Node) -> Any:
    """The data of a document without an alias, made as PyYAML's constructor makes it, or `_NOT_PLAIN`: its texts,
    lists and mappings of scalar keys made here, its numbers, booleans and nulls by PyYAML's own constructors. PyYAML
    goes through its bookkeeping for every node (a table of the nodes made, one of those being made, a generator for
    each list and mapping, run once the rest is made: two fifths of reading a front matter). Any other node (another
    tag, a merge key `<<:`, a key that is a list) and any error (`!!int x`) leave the whole document to PyYAML, which
    makes it, or raises the error it raises, as before."""
    try:
        return _made(loader, node)
    except _NotPlainError:
        return _NOT_PLAIN
    except Exception:  # noqa: BLE001 (PyYAML raises it again, with the document's first error in its own order)
        return _NOT_PLAIN


def _made(loader: yaml.BaseLoader, node: yaml.Node) -> Any:
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode:
        if tag == _STR:
            return node.value
        if tag in _OTHER_SCALARS:
            return loader.yaml_constructors[tag](loader, node)
    elif kind is yaml.SequenceNode and tag == _SEQ:
        return [_made(loader, child) for child in node.value]
    elif kind is yaml.MappingNode and tag == _MAP:
        made = {}
        for key, value in node.value:
            if type(key) is not yaml.ScalarNode or key.tag != _STR and key.tag not in _OTHER_SCALARS:
                raise _NotPlainError  # (`<<:` merges, `=` is a value key, and a list or mapping as a key is an error)
            made[_made(loader, key)] = _made(loader, value)
        return made
    raise _NotPlainError


def _holding_itself(node: yaml.Node | None) -> yaml.Node | None:
    """The first list or mapping in the document that holds itself, through an alias of its anchor inside it (`a: &a
    [*a]`), else None. A walk down from the top, each node once, that keeps the nodes on the way to the current one."""
    done, on_way, pending = set(), set(), [(node, False)]
    while pending:
        current, leaving = pending.pop()
        if leaving:
            on_way.discard(id(current))
            done.add(id(current))
            continue
        if id(current) in on_way:
            return current
        if current is None or id(current) in done or not isinstance(current, (yaml.MappingNode, yaml.SequenceNode)):
            continue
        on_way.add(id(current))
        pending.append((current, True))
        parts = [part for pair in current.value for part in pair] if isinstance(current, yaml.MappingNode) else current.value
        pending += [(part, False) for part in reversed(parts)]
    return None


def _too_many_values(node: yaml.Node | None) -> int | None:
    """The 1-based line of the key whose value makes the document hold more than `MAX_VALUES` values, written out (the
    first line for a document that is no mapping), else None. An alias counts as all it names, each time: the data is
    one copy of each, but the reader writes an article's keys out as JSON, once per alias."""
    counted = _values_in(node)
    if counted.get(id(node), 0) <= MAX_VALUES:
        return None
    total = 0
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        total += counted[id(key)] + counted[id(value)]
        if total > MAX_VALUES:
            return key.start_mark.line + 1
    return node.start_mark.line + 1


def _values_in(node: yaml.Node | None) -> dict[int, int]:
    """id -> how many values each list, mapping and scalar of the document holds, written out (at most one more than
    `MAX_VALUES`). Counted once per node, from the innermost up (`_holding_itself` saw to it that no node holds itself)."""
    counted: dict[int, int] = {}
    pending = [(node, False)]
    while pending:
        current, leaving = pending.pop()
        if current is None or (not leaving and id(current) in counted):
            continue
        if isinstance(current, yaml.MappingNode):
            parts = [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            parts = current.value
        else:
            counted[id(current)] = 1
            continue
        if leaving:
            counted[id(current)] = min(1 + sum(counted[id(part)] for part in parts), MAX_VALUES + 1)
        else:
            pending.append((current, True))
            pending += [(part, False) for part in parts]
    return counted


def _keys(mapping: yaml.MappingNode) -> list[yaml.ScalarNode]:
    """A mapping's own scalar keys, without `<<:` (whose keys construction merges, and own keys may override)."""
    return [key for key, _ in mapping.value if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge"]


def _repeated_keys(mapping: yaml.MappingNode) -> list[tuple[int, str]]:
    """(line, message) for each key of `mapping` given again after its first time."""
    first_lines: dict[str, int] = {}
    repeats = []
    for key_node in _keys(mapping):
        line = key_node.start_mark.line + 1
        if key_node.value in first_lines:
            above = line - first_lines[key_node.value]  # (lines relative to `text`: the caller knows where it starts in its file)
            where = f", here and {above} line{'s' * (above > 1)} above" if above else " on this line"
            repeats.append((line, f"{key_node.value}: given twice{where} (keep one)"))
        else:
            first_lines[key_node.value] = line
    return repeats
