"""The elements an article's HTML leaves open, closed where its text ends.

Raw HTML passes through Markdown as written, and a fragment pasted from a news site's page often opens an element it
never closes (`<div class="article__text">`, a `<b>` before the `</p>`): the page's own elements after the text went
inside it, so the previous/next links, the latest list and the footer all showed bold, or inside the article's
column. A closing tag that closes nothing the text opened (`</div>` left from a cut) closed the theme's own element.
Here the text's elements are closed where they should be at the latest (at the end of the text, or before the closing
tag of an element around them) and a stray closing tag is left out; the reader warns on the line of each, with the
tag to write or delete.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Elements without content, and those HTML closes by itself (a <p> at the next block, an <li> at the next item): none
# of them is left open in a way that reaches the page around the text.
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
_SELF_CLOSING = frozenset(
    ["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rt", "rp"]
)
# A tag as HTML reads one (its attributes' quoted values may hold `>`), or what holds none: a comment, a doctype or
# processing instruction, and the whole of a script's, a style's or a textarea's raw text (`if (a<b)` is no tag).
_TAG = re.compile(
    r"""<(?:!--.*?(?:-->|$)|![^>]*>|\?[^>]*>"""
    r"""|(?P<raw>script|style|textarea|title)\b[^>]*>.*?(?:</(?P=raw)\s*>|$)"""
    r"""|(?P<closing>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*?)?(?P<self>/)?\s*>)""",
    re.S | re.I,
)


class Balanced(NamedTuple):
    """The HTML with its elements closed, and what was wrong: each start tag left open as written (`<b>`), and each
    closing tag that closed nothing (`</div>`), each with how many times the HTML has it so far (1 for the first), to
    find its line in the text."""

    html: str
    unclosed: tuple[tuple[str, int], ...]
    stray: tuple[tuple[str, int], ...]


def balanced(html: str) -> Balanced:
    """`html` with every element it opens closed (`Balanced`); the same text where it closes each."""
    open_: list[tuple[str, str, int]] = []  # (tag, the start tag as written, its offset)
    edits: list[tuple[int, int, str]] = []  # (start, end, what replaces the text between), in order
    unclosed: list[tuple[str, int]] = []  # start tags closed by the end of an element around them, and their offsets
    stray: list[tuple[str, int]] = []
    for tag in _TAG.finditer(html):
        closing, name = tag["closing"], (tag["name"] or "").lower()
        if not name or name in _VOID or name in _SELF_CLOSING or tag["self"]:
            continue  # (a comment, a raw text's element whole, a doctype; `<br/>`)
        if not closing:
            open_.append((name, tag[0], tag.start()))
            continue
        depth = next((n for n in range(len(open_) - 1, -1, -1) if open_[n][0] == name), None)
        if depth is None:
            stray.append((tag[0], tag.start()))
            edits.append((tag.start(), tag.end(), ""))
            continue
        inner = open_[depth + 1 :]
        if inner:  # (`<div><b>text</div>`: the <b> would outlive its <div>, and browsers carry it on)
            unclosed += [(written, at) for _, written, at in inner]
            edits.append((tag.start(), tag.start(), "".join(f"</{inside}>" for inside, _, _ in reversed(inner))))
        del open_[depth:]
    if not edits and not open_:
        return Balanced(html, (), ())
    out, at = [], 0
    for begin, end, replacement in edits:
        out += [html[at:begin], replacement]
        at = end
    out.append(html[at:])
    out += [f"</{name}>" for name, _, _ in reversed(open_)]
    unclosed += [(written, at) for _, written, at in open_]
    return Balanced("".join(out), _counted(html, unclosed), _counted(html, stray))


def _counted(html: str, found: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Each (tag as written, its offset) as (tag as written, how many times `html` has it up to there), in order."""
    return tuple((written, html.count(written, 0, at) + 1) for written, at in sorted(found, key=lambda item: item[1]))
