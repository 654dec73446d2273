"""The elements an article's HTML leaves open, closed where its text ends.

Raw HTML passes through Markdown as written, and a fragment pasted from a news site's page often opens an element it
never closes (`<div class="article__text">`, a `<b>` before the `</p>`): the page's own elements after the text went
inside it, so the previous/next links, the latest list and the footer all showed bold, or inside the article's
column. A closing tag that closes nothing the text opened (`</div>` left from a cut) closed the theme's own element.
Here the text's elements are closed where they should be at the latest (at the end of the text, or before the closing
tag of an element around them, a paragraph's `</p>` too) and a stray closing tag is left out; the reader warns on the
line of each, with the tag to write or delete.

The tags are read by the standard library's `html.parser`, which reads them as browsers do where it matters here:
quoted and unquoted attribute values (`<a href=https://x.org/>` is no self-closed `<a>`), comments, declarations, and
a script's or a style's text, in which `if (a<b)` is no tag.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from html.parser import HTMLParser
from itertools import accumulate
from typing import NamedTuple

# Elements without content, and those HTML closes by itself (a <p> at the next block, an <li> at the next item): none
# of them is left open in a way that reaches the page around the text.
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
_SELF_CLOSING = frozenset(
    ["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rt", "rp"]
)
# Where `<x/>` closes the element: SVG's and MathML's (`<path d="..."/>`). HTML ignores the slash on its own elements:
# `<div class="lead"/>` opens a <div> as `<div class="lead">` does.
_FOREIGN = frozenset(["svg", "math"])
# Elements whose text is no markup up to their end tag (browsers read a textarea's or a title's `<b>` as text);
# `html.parser` knows this of <script> and <style> only.
_TEXT_ONLY = frozenset(["textarea", "title"])
# What stands in `_Scanner.open_` for an element HTML closes by itself (a <p>, an <li>): its end tag, where written
# (Markdown writes every paragraph's), closes what was opened in it, and nothing closes it where it is not.
_SELF_CLOSED = ""
# What a <p> ends at, where a browser ends it (HTML's "close a p element"): a block's start tag (`Read more <div
# class="note">`: the paragraph Markdown made around it ends there, and its `</p>` after the block closes nothing).
_ENDS_P = frozenset(
    ["address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption", "figure", "footer",
     "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
     "table", "ul"]
)  # fmt: skip
# What no end tag ends: a <plaintext> makes the rest of the page text, its own elements shown as their source (HTML's
# parsing: its `</plaintext>` is text too). Shown as text itself, as the tags of a text that shows no HTML are.
_NEVER_ENDS = frozenset(["plaintext"])
_P_SCOPE = frozenset(["button", "table", "td", "th", "caption", "object", "template", "marquee", "applet"])  # (a <p> beyond is not ended)


class Balanced(NamedTuple):
    """The HTML with its elements closed, and what was wrong: each element left open (its name and its start tag as
    written, `<b>`), and each closing tag that closed nothing (`</div>`), each with how many times the HTML has that
    tag so far (1 for the first), to find its line in the text."""

    html: str
    unclosed: tuple[tuple[str, str, int], ...]
    stray: tuple[tuple[str, int], ...]
    inert: tuple[tuple[str, int], ...] = ()  # each tag shown as text (`_NEVER_ENDS`), as `stray`


def balanced(html: str) -> Balanced:
    """`html` with every element it opens closed (`Balanced`); the same text where it closes each."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    open_, edits = scanner.open_, scanner.edits
    if not edits and not open_:
        return Balanced(html, (), (), ())
    out, at = [], 0
    for begin, end, replacement in edits:
        out += [html[at:begin], replacement]
        at = end
    out.append(html[at:])
    open_ = [item for item in open_ if item[1] != _SELF_CLOSED]
    out += [f"</{name}>" for name, _, _ in reversed(open_)]
    unclosed = sorted(scanner.unclosed + open_, key=lambda item: item[2])
    stray = sorted(scanner.stray, key=lambda item: item[1])
    nth = _Occurrences(html)
    return Balanced(
        "".join(out),
        tuple((name, written, nth(written, at)) for name, written, at in unclosed),
        tuple((written, nth(written, at)) for written, at in stray),
        tuple((written, nth(written, at)) for written, at in scanner.inert),
    )


class _Occurrences:
    """How many times `html` has a tag up to an offset and at it (1 for the first), asked in the offsets' order: each
    tag's text counted on from where it was last asked, not from the start (10,000 `<span>` left open, a pasted page's,
    counted 10,000 times from the start took 0.3 s of one article's reading; 40,000 ten times that)."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.seen: dict[str, tuple[int, int]] = {}  # a tag as written -> (the offset counted up to, its count there)

    def __call__(self, written: str, at: int) -> int:
        since, count = self.seen.get(written, (0, 0))
        if at < since:  # (asked out of order: from the start)
            since, count = 0, 0
        count += self.html.count(written, since, at)
        self.seen[written] = (at, count)
        return count + 1


class _Scanner(HTMLParser):
    """The elements of one HTML text as they open and close: what is open, and the edits that balance it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.lines = [0, *accumulate(len(line) + 1 for line in html.split("\n"))]  # each line's offset, for `getpos`
        self.open_: list[tuple[str, str, int]] = []  # (name, the start tag as written, its offset)
        self.edits: list[tuple[int, int, str]] = []  # (start, end, what replaces the text between), in order
        self.unclosed: list[tuple[str, str, int]] = []  # (as `open_`) closed by the end of an element around them
        self.stray: list[tuple[str, int]] = []  # (the closing tag as written, its offset)
        self.inert: list[tuple[str, int]] = []  # (a tag shown as text, `_NEVER_ENDS`, as written; its offset)
        self.text_of: str | None = None  # the textarea or title whose text this is: no tags up to its end tag
        # How many of `open_` have each name: most texts have no <p>, SVG or element of an end tag's name open, and
        # looking through `open_` for one at each block's start tag, `<br/>` or end tag made 10,000 nested <div> of a
        # pasted page 2.7 s of reading, and 5,000 `</p>` after 5,000 <b> left open 0.9 s.
        self.named: Counter[str] = Counter()
        self.marks: list[int] = []  # where in `open_` each <p> and element a <p> is not ended beyond (`_P_SCOPE`) is

    def _open(self, tag: str, written: str) -> None:
        if (tag == "p") if written == _SELF_CLOSED else (tag in _P_SCOPE):
            self.marks.append(len(self.open_))
        self.open_.append((tag, written, self._offset()))
        self.named[tag] += 1

    def set_cdata_mode(self, elem: str, *args: object, **kwargs: object) -> None:
        """As the parser's, but for a <plaintext>, which is shown as text here (`_NEVER_ENDS`): Pythons with gh-137836's
        fix (3.12 on, and security releases) read everything after it as its text, and the elements opened or closed
        after it were not balanced."""
        if elem != "plaintext":
            super().set_cdata_mode(elem, *args, **kwargs)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def _shown_as_text(self, written: str) -> None:
        start = self._offset()
        self.edits.append((start, start + len(written), escape(written)))
        self.inert.append((written, start))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.text_of is None and tag in _NEVER_ENDS:
            self._shown_as_text(self.get_starttag_text() or f"<{tag}>")
            return
        if self.text_of is None and tag in _ENDS_P:
            self._end_paragraph()
        if self.text_of is None and tag in _SELF_CLOSING:
            self._open(tag, _SELF_CLOSED)
        elif self.text_of is None and tag not in _VOID:
            self._open(tag, self.get_starttag_text() or f"<{tag}>")
            if tag in _TEXT_ONLY:
                self.text_of = tag

    def _end_paragraph(self) -> None:
        """A <p> open in scope ends here, as a browser ends it: what was opened in it stays open (a browser carries it
        into the block)."""
        if self.marks and self.open_[self.marks[-1]][0] == "p":  # (the innermost mark: a <p>, or a scope it ends not past)
            del self.open_[self.marks.pop()]
            self.named["p"] -= 1

    def _close_from(self, depth: int) -> None:
        """Close `open_`'s elements from `depth` up."""
        for name, _, _ in self.open_[depth:]:
            self.named[name] -= 1
        del self.open_[depth:]
        while self.marks and self.marks[-1] >= depth:
            self.marks.pop()

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _FOREIGN or self.named["svg"] or self.named["math"]:
            return  # (`<svg/>`, `<path/>`: closed)
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.text_of is not None and tag != self.text_of:
            return
        self.text_of = None
        if tag in _VOID:
            return
        if tag in _NEVER_ENDS:
            start = self._offset()
            self._shown_as_text(self.html[start : self.html.find(">", start) + 1 or len(self.html)])
            return
        start = self._offset()
        depth = next((n for n in range(len(self.open_) - 1, -1, -1) if self.open_[n][0] == tag), None) if self.named[tag] else None
        if depth is None and tag in _SELF_CLOSING:
            return  # (a `</p>` without its <p>: browsers make it an empty paragraph, which closes none of the page's)
        if depth is None:
            end = self.html.find(">", start) + 1 or len(self.html)
            self.stray.append((self.html[start:end], start))
            self.edits.append((start, end, ""))
            return
        # (`<div><b>text</div>`, `<p>Читайте: <a href="...">МКС</p>`: the <b> or <a> would outlive its <div> or <p>,
        # and browsers carry it on into every paragraph after it)
        inner = [item for item in self.open_[depth + 1 :] if item[1] != _SELF_CLOSED]
        if inner:
            self.unclosed += inner
            self.edits.append((start, start, "".join(f"</{name}>" for name, _, _ in reversed(inner))))
        self._close_from(depth)
