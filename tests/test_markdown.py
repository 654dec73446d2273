"""The Markdown renderer: its shortcut for plain text changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ssg.markdown
from ssg.markdown import render_markdown

REPO = Path(__file__).resolve().parent.parent

EVERY_KIND = """\
# A plain heading

A plain paragraph of prose, with commas, dashes – and “quotes”, nothing else.
Second line of it.

## Heading with *emphasis* and `code` {#custom-id}

Text with **strong**, *em*, _under_, __under strong__, ***both***, a * lone star and snake_case_word.
A [link](https://example.org "title"), a [reference][ref], a [short ref], an ![image](a.png), ![ref image][ref].
Autolink <https://example.org/x>, mail <someone@example.org>, <span class="x">inline html</span>, &amp; &copy; &#169;.
Escapes \\*not em\\* and \\[not a link\\], a hard break at the end of this line\x20\x20
and a footnote[^1]. Backslash at the end \\
`code with *stars* and [brackets]` and ``double `tick` code``.

*[HTML]: Hyper Text Markup Language

Abbreviations: HTML is expanded.

[ref]: https://example.org/ref
[short ref]: https://example.org/short

[^1]: The footnote, with a [link](https://example.org).

| Column *a* | Column b |
| ---------- | -------- |
| plain      | `code`   |

Term
:   Definition with _emphasis_.

<div markdown="1">
Inside *html* block, and plain.
</div>

    indented code with *stars*

```python
fenced = "code with [brackets]"
```

- plain item
- item with *em*
  1. nested plain
  2. nested [link](other.md)

> A plain quote.
> A quote with <b>html</b>.

Paragraph {: .klass }
"""


def _documents() -> list[str]:
    docs = [EVERY_KIND, *EVERY_KIND.split("\n\n")]
    docs += [path.read_text(encoding="utf-8").split("---", 2)[-1] for path in sorted((REPO / "content").rglob("*.md"))]
    return docs


def test_plain_text_shortcut_renders_exactly_as_python_markdown(monkeypatch):
    docs = _documents()
    fast = [render_markdown(doc, "2021/story.md") for doc in docs]
    monkeypatch.setattr(ssg.markdown, "_INLINE_TRIGGER", re.compile(""))  # every text through every pattern
    slow = [render_markdown(doc, "2021/story.md") for doc in docs]
    assert fast == slow
    assert "<em>" in fast[0].html and "footnote" in fast[0].html and "<abbr" in fast[0].html  # (the markup is there)


def test_plain_text_shortcut_is_used_only_with_the_known_patterns():
    md = ssg.markdown._renderer()
    assert isinstance(md.treeprocessors["inline"], ssg.markdown._PlainTextSkippingInline)
    assert {item.name for item in md.inlinePatterns._priority} <= ssg.markdown._KNOWN_INLINE_PATTERNS


@pytest.mark.parametrize("text", ["*a*", "_a_", "`a`", "\\*", "[a](b)", "<b>", "&amp;", "a  \nb"])
def test_each_trigger_takes_the_long_way(text):
    assert ssg.markdown._INLINE_TRIGGER.search(text)
