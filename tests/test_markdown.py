"""The Markdown renderer: its shortcut for plain text changes nothing."""

from __future__ import annotations

import re
from pathlib import Path

import markdown.extensions.attr_list
import markdown.extensions.toc
import markdown.preprocessors
import markdown.serializers
import markdown.treeprocessors
import pytest

import ssg.markdown
import ssg.shortcodes
from ssg.config import load_config
from ssg.markdown import front_links, inline_markdown, markdownify, render_markdown
from ssg.theme import load_theme

from .conftest import article

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
    _every_pattern_everywhere(monkeypatch)
    slow = [render_markdown(doc, "2021/story.md") for doc in docs]
    assert fast == slow
    assert "<em>" in fast[0].html and "footnote" in fast[0].html and "<abbr" in fast[0].html  # (the markup is there)


def _every_pattern_everywhere(monkeypatch) -> None:
    """Every text through every inline pattern, as Python-Markdown alone does (its own loops over the texts and them)."""
    library = markdown.treeprocessors.InlineProcessor._InlineProcessor__handleInline
    monkeypatch.setattr(ssg.markdown._PlainTextSkippingInline, "_InlineProcessor__handleInline", library)
    monkeypatch.setattr(ssg.markdown._PlainTextSkippingInline, "run", markdown.treeprocessors.InlineProcessor.run)


_INLINE_PIECES = [
    "*", "**", "***", "_", "__", "*em*", "_em_", "**strong**", "snake_case", "[a](b.md)", "[a]", "[a][b]", "![i](x.png)", "![i][b]",
    "[^1]", "`", "``", "`code`", "\\", "\\*", "<b>", "</b>", "<https://a.org/x>", "<a@b.org>", "<!-- c -->", "&amp;", "&#169;", "&",
    "AT&T", "  \n", "\n", "word", "слово", "ёж", "(", ")", "]", "!", "<", ">", "{: .k}", "{#id}",
    "~", "~~", "~~~", "~~del~~", "~x~", "https://a.org/x", "ftp://a.org", "://", "www.a.org", "WwW.a.org", "ww.", "a@b.org", "@",
]  # fmt: skip


def test_inline_patterns_search_only_texts_with_their_characters(monkeypatch):
    import random

    rng = random.Random(5)
    refs = "\n\n[b]: https://example.org/b\n\n*[HTML]: markup\n\n[^1]: A note.\n"
    docs = [" ".join(rng.choice(_INLINE_PIECES) for _ in range(rng.randint(1, 12))) + refs for _ in range(6000)]
    fast = [render_markdown(doc, "2021/story.md") for doc in docs]
    _every_pattern_everywhere(monkeypatch)
    slow = [render_markdown(doc, "2021/story.md") for doc in docs]
    for doc, a, b in zip(docs, fast, slow, strict=True):
        assert a == b, doc


def test_patterns_of_references_are_skipped_only_without_references(monkeypatch):
    import random

    rng = random.Random(7)
    endings = ["", "\n\n[b]: https://example.org/b\n", "\n\n[^1]: A note.\n"]  # (none, a reference, a footnote alone)
    docs = [" ".join(rng.choice(_INLINE_PIECES) for _ in range(rng.randint(1, 12))) + rng.choice(endings) for _ in range(3000)]
    fast = [render_markdown(doc, "2021/story.md") for doc in docs]
    _every_pattern_everywhere(monkeypatch)
    slow = [render_markdown(doc, "2021/story.md") for doc in docs]
    for doc, a, b in zip(docs, fast, slow, strict=True):
        assert a == b, doc
    assert any("<a href" in a.html and "[b]:" in doc and "](" not in doc for doc, a in zip(docs, fast, strict=True))


def test_plain_text_shortcut_is_used_only_with_the_known_patterns():
    md = ssg.markdown._renderer()
    assert isinstance(md.treeprocessors["inline"], ssg.markdown._PlainTextSkippingInline)
    assert {item.name for item in md.inlinePatterns._priority} <= ssg.markdown._KNOWN_INLINE_PATTERNS


@pytest.mark.parametrize(
    "text", ["*a*", "_a_", "`a`", "\\*", "[a](b)", "<b>", "&amp;", "a  \nb", "~~a~~", "https://a.org", "WwW.a.org", "a@b.org"]
)
def test_each_trigger_takes_the_long_way(text):
    assert any(trigger in text for trigger in ssg.markdown._INLINE_TRIGGERS)


def test_inline_triggers_are_in_every_text_a_pattern_needs():
    for needs in ssg.markdown._PATTERN_NEEDS.values():
        for needed in needs:
            assert any(trigger in needed for trigger in ssg.markdown._INLINE_TRIGGERS), needed


# Line starts and pieces every block processor looks for, mixed with prose, for random documents.
_PIECES = [
    "#", "##", "###### h", ">", "> q", "-", "- item", "*", "* item", "+ item", "1.", "1. item", "10.", "2024", "=", "===", "---",
    "___", "***", "* * *", "_", ":", ":   def", "[x]: https://a.org", "[^1]: note", "[^1]", "*[HTML]: markup", "HTML", "|", "a | b",
    "| a |", "--- | ---", "<div>", "</div>", "<div markdown=\"1\">", "```", "~~~", "!", "![i](a.png)", "{: .k }", "[TOC]",
    "word", "Слово", "prose, with a comma.", "ёлка", "&", "\\", "`c`", "x  ", "\u00a0", "\u3000", "\f", "\u0661.", "１.", "१. item",
    "- [ ] task", "* [x] done", "1)", "2.", "~~", "https://a.org", "a@b.org",
]  # fmt: skip


def _random_document(rng) -> str:
    blocks = []
    for _ in range(rng.randint(1, 6)):
        lines = []
        for _ in range(rng.randint(1, 4)):
            indent = rng.choice(["", "", "", " ", "  ", "   ", "    ", "     ", "\t"])
            lines.append(indent + " ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4))))
        blocks.append("\n".join(lines))
    return rng.choice(["\n\n", "\n", "\n\n\n"]).join(blocks) + rng.choice(["", "\n"])


def test_plain_paragraph_shortcut_renders_exactly_as_python_markdown(monkeypatch):
    import random

    rng = random.Random(11)
    docs = _documents() + [_random_document(rng) for _ in range(6000)]
    fast = [render_markdown(doc, "2021/story.md") for doc in docs]
    used = 0
    test = ssg.markdown._PlainParagraph.test

    def counted(self, parent, block):
        nonlocal used
        used += test(self, parent, block)
        return False  # every block through every processor, as Python-Markdown alone does

    monkeypatch.setattr(ssg.markdown._PlainParagraph, "test", counted)
    slow = [render_markdown(doc, "2021/story.md") for doc in docs]
    for doc, a, b in zip(docs, fast, slow, strict=True):
        assert a == b, doc
    assert used > 1000  # (the shortcut was taken, many times)


@pytest.mark.parametrize(
    "doc",
    [
        "a\n\n\u00a0\n\nb",  # a block of only a no-break space: no paragraph at all
        "\u00a0\n\nReal first paragraph.",  # (which would have made the summary empty)
        "Term\n\n\u00a0\n\n: definition",
        "\u0661. one\n\u0662. two",  # a list numbered in Arabic-Indic digits
        "\uff11. fullwidth",
    ],
)
def test_plain_paragraph_shortcut_on_unusual_white_space_and_digits(monkeypatch, doc):
    fast = render_markdown(doc, "2021/story.md")
    monkeypatch.setattr(ssg.markdown._PlainParagraph, "test", lambda self, parent, block: False)
    assert fast == render_markdown(doc, "2021/story.md")


def test_plain_lines_are_what_the_block_processors_take_for_prose():
    import random

    # What the test was before, as a regular expression: no line starts with a block's mark, and no |, no placeholder.
    not_plain = re.compile(r"^[ ]{0,3}[#>*+\-=_:\[\d]|[|\x02\x03]", re.M)
    rng = random.Random(3)
    pieces = [*_PIECES, "\x02wzxhzdk:1\x03", "\t#", "    # code", "   # h", "  \u0661", "\u00b2", "\u2460", "\n", "\n\n", " "]
    blocks = [rng.choice(["", " ", "  ", "   ", "    "]).join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(20000)]
    for block in blocks:
        assert ssg.markdown._plain_lines(block) == (not_plain.search(block) is None), repr(block)
    digits = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    assert [c for c in digits if re.match(r"\d", c)] == [c for c in digits if c.isdecimal()]


def test_quicker_preprocessors_give_what_python_markdown_gives(monkeypatch):
    import random

    rng = random.Random(13)
    pieces = [
        *_PIECES,
        "\t",
        "\ttab",
        " \n",
        "   \n",
        "\r\n",
        "\r",
        "\x02",
        "\x03",
        "<b>",
        "&amp;",
        "&",
        "```",
        "~~~",
        "```py",
        "<!-- c -->",
        "\\*",
        "\\[",
        "{#id}",
        "{.klass}",
        "\n{: #x }",
        "}",
    ]
    pieces += ["\n\n[TOC]\n\n", "[TOC]", "\n\n* TOC\n{:toc}\n\n", "\n\n## Heading\n\n", "\n\n# Title [TOC]\n\n", "`[TOC]`"]
    docs = _documents() + [
        rng.choice(["", " ", "\n", "\t"]).join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(4000)
    ]
    fast = [render_markdown(doc, "2021/story.md") for doc in docs]
    monkeypatch.setattr(ssg.markdown._SkippedWithout, "run", lambda self, lines: self.inner.run(lines))
    monkeypatch.setattr(ssg.markdown._NormalizeWhitespace, "run", markdown.preprocessors.NormalizeWhitespace.run)
    for name in ("run", "build_toc_div", "replace_marker"):
        monkeypatch.setattr(ssg.markdown._TocWhereMarked, name, getattr(markdown.extensions.toc.TocTreeprocessor, name))
    monkeypatch.setattr(ssg.markdown._UnescapeWhereEscaped, "unescape", markdown.treeprocessors.UnescapeTreeprocessor.unescape)
    monkeypatch.setattr(ssg.markdown._AttrListOnly, "run", markdown.extensions.attr_list.AttrListTreeprocessor.run)
    slow = [render_markdown(doc, "2021/story.md") for doc in docs]
    for doc, a, b in zip(docs, fast, slow, strict=True):
        assert a == b, repr(doc)


def test_quicker_preprocessors_are_in_place():
    md = ssg.markdown._renderer()
    assert type(md.preprocessors["normalize_whitespace"]) is ssg.markdown._NormalizeWhitespace
    assert type(md.preprocessors["fenced_code_block"]) is ssg.markdown._SkippedWithout
    assert type(md.preprocessors["html_block"]) is ssg.markdown._SkippedWithout
    assert type(md.treeprocessors["toc"]) is ssg.markdown._TocWhereMarked
    assert type(md.treeprocessors["unescape"]) is ssg.markdown._UnescapeWhereEscaped


def test_plain_paragraph_shortcut_is_used_only_with_the_known_processors():
    md = ssg.markdown._renderer()
    assert next(iter(md.parser.blockprocessors)).__class__ is ssg.markdown._PlainParagraph
    assert {item.name for item in md.parser.blockprocessors._priority} - {"ssg_plain_paragraph"} == ssg.markdown._KNOWN_BLOCK_PROCESSORS


def test_the_serializer_writes_what_python_markdowns_writes(monkeypatch):
    docs = _documents() + [
        " ".join(_INLINE_PIECES),
        "<script>a < b && c</script>\n\n<style>p > a {}</style>\n",
        "- [x] done\n- [ ] to do\n",
    ]
    fast = [render_markdown(doc, "2021/story.md") for doc in docs]
    monkeypatch.setattr(ssg.markdown._renderer(), "serializer", markdown.serializers.to_html_string)
    slow = [render_markdown(doc, "2021/story.md") for doc in docs]
    assert fast == slow


def test_the_serializer_writes_any_tree_as_python_markdown_does():
    """Trees of every kind of element (a comment, a processing instruction, a tag without a name or a qualified one,
    script, style and empty ones, a tree deeper than the serializer's own loop goes) and attribute (without a value,
    boolean, qualified, with characters to escape)."""
    import random
    from xml.etree import ElementTree

    rng = random.Random(11)
    tags = ["p", "div", "a", "P", "script", "style", "SCRIPT", "br", "img", "hr", "HR", "input", "h2", None, "{urn:x}tag"]
    texts = [None, "", "plain", "a & b", "&amp;", "&#169;", "<i>", "x > y", "ё\n", '"quoted"', "\x02klzzwxh:0001\x03"]
    values = [None, "v", "checked", "a&b", "<>", '"', "x\ny", "&amp;"]
    names = ["href", "checked", "hidden", "id", "class", "download"]

    def element(depth):
        kind = rng.random()
        tag = rng.choice(tags)
        made = ElementTree.Element(ElementTree.QName(tag) if tag and tag.startswith("{") else tag)
        if kind < 0.05:
            made = ElementTree.Comment(rng.choice(texts[1:]))
        elif kind < 0.08:
            made = ElementTree.ProcessingInstruction("pi", rng.choice(texts[1:]))
        for _ in range(rng.randint(0, 3)):
            name = rng.choice(names)
            made.set(ElementTree.QName(name) if rng.random() < 0.1 else name, rng.choice(values))
        if rng.random() < 0.1:
            made.set("checked", ElementTree.QName("checked"))
        made.text, made.tail = rng.choice(texts[1:] if kind < 0.08 else texts), rng.choice(texts)
        if depth < 5 and kind >= 0.08:
            made.extend(element(depth + 1) for _ in range(rng.randint(0, 3)))
        return made

    serializer = ssg.markdown._HtmlSerializer()
    for _ in range(3000):
        tree = element(0)
        assert serializer(tree) == markdown.serializers.to_html_string(tree)
    deep = top = ElementTree.Element("div")
    for depth in range(serializer.DEEPEST * 3):
        deep = ElementTree.SubElement(deep, "blockquote" if depth % 2 else "p")
        deep.text, deep.tail = "a & b", "<tail>"
    assert serializer(top) == markdown.serializers.to_html_string(top)


def test_web_links_left_unparsed_are_rewritten_and_told_as_parsed(monkeypatch):
    """A link that starts with http:// or https:// and holds nothing of an address on this computer is not parsed
    (`markdown._WEB`): the same link, and the same links told to lead to this computer, as with urlsplit."""
    hosts = ["example.org", "LOCALHOST", "localhost", "x.localhost", "127.0.0.1", "127.1", "0.0.0.0", "[::1]", "[::1%25en0]", "[site]"]
    hosts += ["local\thost", "loc\nalhost", "user@127.0.0.1", "1270.0.0.1", "xn--e1afmkfd.xn--p1ai", "ЛОКАЛХОСТ", "LOCALHOST.", "[::2]"]
    ends = ["", "/", ":8765/2019/x/", "/a?b=1#c", "/127.0.0.1", "/localhost"]
    urls = [f"{scheme}{host}{end}" for scheme in ("http://", "https://", "HTTP://", "ftp://", "//") for host in hosts for end in ends]

    def rewritten():
        refs = ssg.markdown._RefCollector()
        refs.start("2021/story.md")
        return [refs.rewrite(url) for url in urls], refs.loopback, refs.site, refs.files, refs.outside

    fast = rewritten()
    monkeypatch.setattr(ssg.markdown, "_WEB", ("\x00",))
    assert rewritten() == fast
    assert len(fast[1]) > 50


def test_the_quicker_serializer_is_in_place():
    assert type(ssg.markdown._renderer().serializer) is ssg.markdown._HtmlSerializer


@pytest.mark.parametrize(
    "opening",
    [
        "![Pic](../images/x.png)",  # an article that opens with its picture
        "[![Pic](../images/x.png)](https://example.org/big.png)",  # a picture linked to a larger one
        "![A](a.png) ![B](b.png)",
        '<img src="../images/x.png" alt="Pic">',  # raw HTML inside a paragraph
        '<figure><img src="../images/x.png" alt="Pic"><figcaption>Soyuz</figcaption></figure>',  # a raw HTML block
        "&nbsp;",  # white space only
        "\u00a0\u2003",
        "<br>",
        "# A heading",
        "- a list\n- of two",
        # A player's text is for a browser without one: it was a podcast's summary (a rich author's trial).
        '<audio controls>\n  <source src="media/sound.mp3" type="audio/mpeg">\n  Your browser does not support the audio element.\n</audio>',
        '<audio controls src="a.mp3">Your browser does not support the audio element.</audio>',
    ],
)
def test_first_paragraph_is_the_first_with_text(opening):
    rendered = render_markdown(f"{opening}\n\nThen *text*.\n\nMore text.\n", "2021/story.md")
    assert rendered.first_paragraph == "Then text."


def test_the_words_of_block_elements_are_apart_in_plain_text():
    """`<details><summary>Quokkaword</summary>Wombatword ...` was the one word QuokkawordWombatword in the summary and the
    search index (a rich author's trial): every block element of HTML is a break between words."""
    assert ssg.markdown.plain_text("<details><summary>Read the statement</summary>Roscosmos confirmed.</details>") == (
        "Read the statement Roscosmos confirmed."
    )
    assert ssg.markdown.plain_text("<section>A</section><section>B</section><aside>C</aside><dl><dt>D</dt><dd>E</dd></dl>") == "A B C D E"
    assert ssg.markdown.plain_text("<b>A</b>B<em>C</em><small>D</small><summer>E</summer>") == "ABCDE"  # (inline: no break)


def test_first_paragraph_of_a_body_without_text_is_empty():
    assert render_markdown("![Pic](x.png)\n\n&nbsp;\n", "2021/story.md").first_paragraph == ""
    assert render_markdown("", "2021/story.md").first_paragraph == ""


def test_heading_ids_keep_the_script_as_github_and_hugo_make_them():
    """Writers copy anchors from GitHub or Hugo sites: `other.md#итоги-года` must find `## Итоги года`."""
    body = render_markdown("## Итоги года\n\n## Новый запуск: «Союз»!\n\n## Roscosmos — NASA\n\n## Soyuz-2.1b\n\n## ...\n", "a.md").html
    ids = ["итоги-года", "новый-запуск-союз", "roscosmos--nasa", "soyuz-21b", "section"]
    assert re.findall(r'<h2 id="([^"]+)">', body) == ids


def test_a_heading_named_as_one_of_the_pages_own_ids_gets_another():
    """`## Main` got `id="main"`, the page's <main>'s: its table of contents' link, and another article's `#main`, led
    to the page's top (a rich author's trial)."""
    body = render_markdown("[TOC]\n\n## Main\n\nText.\n\n## Latest title\n\n[x](other.md#main)\n", "a.md").html
    assert re.findall(r'<h2 id="([^"]+)">', body) == ["main_1", "latest-title_1"]
    assert 'href="#main_1"' in body and "ssg-ref:article:other.md#main_1" in body


@pytest.mark.parametrize(
    ("link", "fragment"),
    [
        ("[a](Crew%20note.md#The%20crew)", "#the-crew"),  # Obsidian writes the heading itself
        ("[a](<Crew note.md#The crew>)", "#the-crew"),
        ("[a](other.md#Итоги%20года)", "#итоги-года"),
        ("[a](other.md#итоги-года)", "#итоги-года"),  # an id, as GitHub's: as written
        ("[a](other.md#Crew2021)", "#Crew2021"),  # one set on the heading ({#Crew2021}): as written (found in review)
        ("[a](map.html#Moscow)", "#Moscow"),  # not an article's
        ("[a](map.pdf#page=2)", "#page=2"),
    ],
)
def test_a_link_to_a_heading_of_another_article_leads_to_its_id(link, fragment):
    """(Found by a new user's trial: `#The%20crew` led nowhere, the heading's id being `the-crew`.)"""
    assert re.search(r'href="[^"#]*(#[^"]*)"', _html(link))[1] == fragment


def test_footnote_markers_are_not_part_of_the_plain_text():
    """A footnote's number is a link, not a word: the summary read "an oral agreement1 on ...", and the search
    index held the word "agreement1" instead of "agreement"."""
    rendered = render_markdown("Roscosmos reached an oral agreement[^1] on it.[^note]\n\n[^1]: Verbal.\n[^note]: By Interfax.\n", "a.md")
    assert rendered.first_paragraph == "Roscosmos reached an oral agreement on it."
    assert "agreement on it." in rendered.text and "agreement1" not in rendered.text
    assert "Verbal. By Interfax." in rendered.text  # the footnotes themselves are text, without their "↩"


def test_a_pasted_script_style_or_comment_is_no_text_of_the_article():
    """A fragment pasted from a news site with its ad counter and CSS: search found the article by `background`,
    `important` and `adslotcounter`, which no reader sees on its page."""
    rendered = render_markdown(
        "Launch report.\n\n<script>var adslotcounter = 1; if (a<b) {}</script>\n\n"
        "<STYLE media=screen>.banner { background: red !important }</STYLE>\n\n<!-- <p>old > new</p> -->\n\nThe end.\n",
        "a.md",
    )
    assert rendered.text == "Launch report. The end."
    assert "<script>var adslotcounter" in rendered.html  # (kept on the page as written)
    assert render_markdown("A `<script>x</script>` and <s>struck</s>.\n", "a.md").text == "A <script>x</script> and struck."


# What GitHub (CommonMark and its extensions) renders and Python-Markdown alone did not: text pasted from GitHub,
# Obsidian or a web clipper.


def _html(doc: str) -> str:
    return render_markdown(doc, "2021/story.md").html


def _python_markdown(doc: str) -> str:
    """`doc` as Python-Markdown renders it with the extensions ssg had before the GitHub ones."""
    import markdown

    return markdown.markdown(doc, extensions=["extra", "sane_lists", "toc"], output_format="html")


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        (
            "Key points from the briefing:\n- first point\n- second point",
            "<p>Key points from the briefing:</p>\n<ul>\n<li>first point</li>\n<li>second point</li>\n</ul>",
        ),
        ("Steps:\n* one\n+ two", "<p>Steps:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("The plan:\n1. launch\n2. dock", "<p>The plan:</p>\n<ol>\n<li>launch</li>\n<li>dock</li>\n</ol>"),
        ("It was cold:\n- 5 degrees at night", "<p>It was cold:</p>\n<ul>\n<li>5 degrees at night</li>\n</ul>"),  # CommonMark too
        ("> Quoted:\n> - a\n> - b", "<blockquote>\n<p>Quoted:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</blockquote>"),
    ],
)
def test_a_list_right_after_a_paragraph_line_is_a_list(doc, html):
    assert _html(doc) == html


@pytest.mark.parametrize(
    "doc",
    [
        "In the summer of\n2021. That year the station was ready.",  # only an item numbered 1 starts a list inside a paragraph
        "Numbered from two:\n2. second\n3. third",
        "A dash without a space:\n-5 degrees, and *emphasis*\n*across* lines",
        "Text\n    - indented four: the paragraph goes on",
    ],
)
def test_what_does_not_start_a_list_is_rendered_as_before(doc):
    assert _html(doc) == _python_markdown(doc)


@pytest.mark.parametrize(
    ("two_spaces", "four_spaces"),
    [
        ("- a\n  - b\n  - c\n- d", "- a\n    - b\n    - c\n- d"),
        ("1. a\n   1. b\n   2. c\n2. d", "1. a\n    1. b\n    2. c\n2. d"),
        ("- a\n  1. b\n  2. c", "- a\n    1. b\n    2. c"),
        ("1. a\n   - b\n2. c", "1. a\n    - b\n2. c"),
        ("- a\n  - b\n    - c\n      - d\n- e", "- a\n    - b\n        - c\n            - d\n- e"),
        ("- a\n   - b, three spaces\n- c", "- a\n    - b, three spaces\n- c"),
        ("- a\n  - b\n    more of b\n  - c", "- a\n    - b\n      more of b\n    - c"),
        ("- a\n  - b\n - c, outside a's text", "- a\n    - b\n- c, outside a's text"),
    ],
)
def test_items_nested_by_two_spaces_are_nested_as_by_four(two_spaces, four_spaces):
    """CommonMark nests an item under the one whose text it starts at (two spaces after `- `, three after `1. `);
    Python-Markdown alone made them items of one flat list."""
    assert _html(two_spaces) == _html(four_spaces) == _python_markdown(four_spaces)
    assert "<ul>\n<li>b" in _html(two_spaces) or "<ol>\n<li>b" in _html(two_spaces)


@pytest.mark.parametrize(
    "doc",
    [
        "- a\n    - b\n        - c\n- d",  # four spaces a level, as before
        "1. a\n    1. b\n2. c",
        "  - a list indented two\n  - items side by side",
        "-   a\n  - b: before a's text, so a's sibling",
        "- a\n        - eight spaces: a's text goes on",
        "- a\n  continued\n- b",
        "para\n\n    indented code\n    - not a list\n    ~~not struck~~ https://not.a/link\n\nmore",
    ],
)
def test_lists_written_for_python_markdown_and_indented_code_are_rendered_as_before(doc):
    assert _html(doc) == _python_markdown(doc)


@pytest.mark.parametrize(
    ("at_its_text", "four_spaces"),
    [
        ("- one\n\n  more of one\n\n- two", "- one\n\n    more of one\n\n- two"),
        ("1. one\n\n   more of one\n2. two", "1. one\n\n    more of one\n2. two"),
        ("- a\n\n  - b\n\n    more of b\n\n- c", "- a\n\n    - b\n\n        more of b\n\n- c"),
        ("- a\n\n      code in a (four past its text)", "- a\n\n        code in a (four past its text)"),
        ("1. a\n\n   > quoted in a\n\n2. b", "1. a\n\n    > quoted in a\n\n2. b"),
    ],
)
def test_what_follows_a_blank_line_at_an_items_text_stays_in_the_item(at_its_text, four_spaces):
    """CommonMark (GitHub, Obsidian, Hugo) keeps a block in an item when it is indented as far as the item's text;
    Python-Markdown wanted four spaces, and with two or three the block came after the list (and `2. two` ran into
    it as text)."""
    assert _html(at_its_text) == _html(four_spaces)
    assert _html(at_its_text).count("<li>") == len(re.findall(r"^ *(?:-|\d\.) ", at_its_text, re.M))
    assert "</li>\n</ol>\n<p>" not in _html(at_its_text) and "</li>\n</ul>\n<p>" not in _html(at_its_text)


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        (
            "1. Install it:\n\n   ```bash\n   pip install ssg\n     --upgrade\n   ```\n\n2. Build",
            '<ol>\n<li>\n<p>Install it:</p>\n<pre><code class="language-bash">pip install ssg\n  --upgrade\n</code></pre>\n</li>\n'
            "<li>\n<p>Build</p>\n</li>\n</ol>",
        ),
        (
            "- a\n  ```\n  <b>x</b> - not an item\n  - nor this\n  ```\n- b",
            "<ul>\n<li>a\n    <pre><code>&lt;b&gt;x&lt;/b&gt; - not an item\n- nor this\n</code></pre></li>\n<li>b</li>\n</ul>",
        ),
        (
            "- a\n  - b\n\n    ~~~\n    deep\n    ~~~",
            "<ul>\n<li>a<ul>\n<li>\n<p>b</p>\n<pre><code>deep\n</code></pre>\n</li>\n</ul>\n</li>\n</ul>",
        ),
        ("Text\n\n  ```\n  two spaces in\n  ```\n\nMore", "<p>Text</p>\n<pre><code>two spaces in\n</code></pre>\n<p>More</p>"),
        (
            "> Quoted:\n> ```python\n> a = 1\n>\n> b = 2\n> ```\n> after",
            '<blockquote>\n<p>Quoted:</p>\n<pre><code class="language-python">a = 1\n\nb = 2\n</code></pre>\n<p>after</p>\n</blockquote>',
        ),
        ("> ```\n> alone in its quote\n> ```", "<blockquote>\n<pre><code>alone in its quote\n</code></pre>\n</blockquote>"),
        (
            "- a\n\n  > ```\n  > quoted in an item\n  > ```",
            "<ul>\n<li>\n<p>a</p>\n<blockquote>\n<pre><code>quoted in an item\n</code></pre>\n</blockquote>\n</li>\n</ul>",
        ),
        (
            "Text\n\n    ```\n    four spaces: indented code\n    ```",
            "<p>Text</p>\n<pre><code>```\nfour spaces: indented code\n```\n</code></pre>",
        ),
    ],
)
def test_a_fenced_block_in_an_item_a_quote_or_indented_is_fenced_code(doc, html):
    """Python-Markdown's fences are read at the margin only: in an item (as GitHub writes them, at the item's text)
    or a quote, the fence marks and the code ran into a paragraph, the code's lines joined."""
    assert _html(doc) == html


@pytest.mark.parametrize(
    ("by_two", "by_four"),
    [
        ("> 1. one\n>    1. nested\n> 2. two", "> 1. one\n>     1. nested\n> 2. two"),
        ("> - a\n>   - b", "> - a\n>     - b"),
        ("Text[^1]\n\n[^1]: x\n\n    - a\n      - b", "Text[^1]\n\n[^1]: x\n\n    - a\n        - b"),
        ("Term\n:   Def\n\n    - a\n      - b", "Term\n:   Def\n\n    - a\n        - b"),
    ],
)
def test_a_list_in_a_quote_a_footnote_or_a_definition_nests_by_two_spaces_too(by_two, by_four):
    """(Found in review: `_ListIndents` sees the text's own lines, not a quote's; the list processors nest those.)"""
    assert _html(by_two) == _html(by_four)
    assert "<ul>\n<li>b" in _html(by_two) or "<ol>\n<li>nested" in _html(by_two)


@pytest.mark.parametrize(
    "doc",
    [
        "<pre>\n- a\n  - b\n</pre>",  # an HTML block's lines are its own
        "<pre>\n  ```\n  x\n  ```\n</pre>",
        "<!--\n  ```\n  x\n  ```\n-->\nafter",
        "Text\n\n    > quote\n    > ```\n    > code\n    > ```",  # indented code that shows a quoted fence
    ],
)
def test_what_is_no_items_text_is_rendered_as_before(doc):
    assert _html(doc) == _python_markdown(doc)


def test_a_heading_or_html_at_the_margin_after_a_nested_item_ends_the_list():
    """(Found in review: they went into b's text.)"""
    assert _html("- a\n  - b\n# Heading\ntext").endswith('</ul>\n<h1 id="heading">Heading</h1>\n<p>text</p>')
    assert _html("- a\n  - b\n<div>\n<p>x</p>\n</div>").endswith("</ul>\n<div>\n<p>x</p>\n</div>")


def test_a_fence_right_after_an_items_text_in_a_loose_list_comes_after_its_paragraph():
    """`1. Install it:` then the fence, no blank line, in a list with blank lines: the code stood inside the
    paragraph (`<p>Install it: <pre>`), which a browser ends early."""
    assert _html("1. Install it:\n   ```bash\n   pip install ssg\n   ```\n\n2. Build") == (
        '<ol>\n<li>\n<p>Install it:</p>\n<pre><code class="language-bash">pip install ssg\n</code></pre>\n</li>\n'
        "<li>\n<p>Build</p>\n</li>\n</ol>"
    )
    assert "<p>more text</p>" in _html("- a\n\n  text\n  ```\n  code\n  ```\n  more text")


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        (
            "- a\n  - b\n\n    c\n  - d",
            "<ul>\n<li>\n<p>a</p>\n<ul>\n<li>\n<p>b</p>\n<p>c</p>\n</li>\n<li>\n<p>d</p>\n</li>\n</ul>\n</li>\n</ul>",
        ),
        ("- a\n\n      code\n- b", "<ul>\n<li>\n<p>a</p>\n<pre><code>code\n</code></pre>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>"),
        ("  - a\n\n      - b\n  - c", "<ul>\n<li>\n<p>a</p>\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>"),
        ("  11. a\n         - b\n         - c", '<ol start="11">\n<li>a<ul>\n<li>b</li>\n<li>c</li>\n</ul>\n</li>\n</ol>'),
        ("- a\n\n  - b\n  1. c", "<ul>\n<li>\n<p>a</p>\n<ul>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n</ol>\n</li>\n</ul>"),
        (
            "- a\n  - b\n\n    ---\n  - c",
            "<ul>\n<li>\n<p>a</p>\n<ul>\n<li>\n<p>b</p>\n<hr>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>\n</li>\n</ul>",
        ),
        ("- a\n\n    ## b", '<ul>\n<li>\n<p>a</p>\n<h2 id="b">b</h2>\n</li>\n</ul>'),
        ("- a\n\n    b\n    ===", '<ul>\n<li>\n<p>a</p>\n<h1 id="b">b</h1>\n</li>\n</ul>'),
        ("- a\n\n  b\n## H", '<ul>\n<li>\n<p>a</p>\n<p>b</p>\n</li>\n</ul>\n<h2 id="h">H</h2>'),
        ("- a\n> ```\n> x\n> ```", "<ul>\n<li>a</li>\n</ul>\n<blockquote>\n<pre><code>x\n</code></pre>\n</blockquote>"),
        ("> ```\n> x\n> ```\ntext", "<blockquote>\n<pre><code>x\n</code></pre>\n</blockquote>\n<p>text</p>"),
        ("- a\n\n  ```\n  x\n  ```\n  text", "<ul>\n<li>\n<p>a</p>\n<pre><code>x\n</code></pre>\n<p>text</p>\n</li>\n</ul>"),
    ],
)
def test_a_block_that_commonmark_starts_without_a_blank_line_is_one(doc, html):
    """Found by comparing random documents with CommonMark: an item after a block of an item's, or out of the item
    the block is in, or of the other kind; a line less indented than the code above it; a heading, quote or fence
    less indented than the item's text; a heading in an item written with four spaces. Python-Markdown read each as
    more of the block before it (an item's text, code), or as text."""
    assert _html(doc) == html


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        ("%% private note: check these later %%\n\nReal text.", "<p>Real text.</p>"),
        ("A\n\n%%\nTODO: ask the editor\n%%\n\nB", "<p>A</p>\n<p>B</p>"),
        ("Keep %%hidden%% this.", "<p>Keep  this.</p>"),
        ('Code `printf("%%d %%s")` stays.', '<p>Code <code>printf("%%d %%s")</code> stays.</p>'),
        ("```\na %% b %%\n```", "<pre><code>a %% b %%\n</code></pre>"),
        ("Only one %% here.", "<p>Only one %% here.</p>"),
        # (Found in review: text between two far-apart `%%`, and code, went.)
        (
            "Printf writes %% in C.\n\n## C\n\nPython also %% works.",
            '<p>Printf writes %% in C.</p>\n<h2 id="c">C</h2>\n<p>Python also %% works.</p>',
        ),
        ("Text\n\n    for %%i in (*.txt) do echo %%i", "<p>Text</p>\n<pre><code>for %%i in (*.txt) do echo %%i\n</code></pre>"),
        ("<pre>\nx %%a%% y\n</pre>", "<pre>\nx %%a%% y\n</pre>"),
        # (Found by a vault's trial: a comment opened in a line and closed in a later one of its paragraph was published.)
        ("Text with %% multi\nline SECRET %% end.", "<p>Text with  end.</p>"),
        ("A %% one\ntwo\nthree %% B %%c%% D", "<p>A  B  D</p>"),
        ("%% note\nmore %% text", "<p>text</p>"),
        ("Rose 5%% then\n\nfell 3%% after", "<p>Rose 5%% then</p>\n<p>fell 3%% after</p>"),
        ("A %% b `x %% y`\nc", "<p>A %% b <code>x %% y</code>\nc</p>"),
    ],
)
def test_obsidians_comments_are_not_published(doc, html):
    """(Found by a new user's trial: a note's `%% private note %%` was in the page, its summary, the feed and search.)"""
    assert _html(doc) == html


def test_two_quotes_with_a_blank_line_between_are_two():
    """As GitHub and Obsidian show them (two callouts one after the other); a quote of two paragraphs is one."""
    assert (
        _html("> Quote one.\n\n> Quote two.")
        == "<blockquote>\n<p>Quote one.</p>\n</blockquote>\n<blockquote>\n<p>Quote two.</p>\n</blockquote>"
    )
    assert _html("> a\n>\n> b") == "<blockquote>\n<p>a</p>\n<p>b</p>\n</blockquote>"


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        ("- item\n\t> quote", "<ul>\n<li>\n<p>item</p>\n<blockquote>\n<p>quote</p>\n</blockquote>\n</li>\n</ul>"),
        ("- a\n  > q1\n  > q2", "<ul>\n<li>\n<p>a</p>\n<blockquote>\n<p>q1\nq2</p>\n</blockquote>\n</li>\n</ul>"),
        (
            "Launches by country:\n| Country | Launches |\n|---|---|\n| RU | 3 |",
            "<p>Launches by country:</p>\n<table>\n<thead>\n<tr>\n<th>Country</th>\n<th>Launches</th>\n</tr>\n</thead>\n"
            "<tbody>\n<tr>\n<td>RU</td>\n<td>3</td>\n</tr>\n</tbody>\n</table>",
        ),
        (
            "- item\n  | a |\n  |---|\n  | 1 |",
            "<ul>\n<li>\n<p>item</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n"
            "</tbody>\n</table>\n</li>\n</ul>",
        ),
    ],
)
def test_a_quote_in_an_items_text_and_a_table_after_a_line_of_text_are_blocks(doc, html):
    """As GitHub and Obsidian show them (found by a new user's trial: Obsidian indents by a tab; a clipper writes a
    table right under its caption line): they showed as `&gt; quote` and as rows of pipes."""
    assert _html(doc) == html


def test_an_item_of_the_other_kind_starts_a_list_of_its_own():
    """As GitHub has it (`sane_lists` ran it into the item's text: a newsroom's note after a numbered list, "- Примечание
    редакции", was the last item's); the numbers go on after a nested list (found in review: 11 and 12 were lost)."""
    assert _html("1. an item\n- of another kind") == "<ol>\n<li>an item</li>\n</ol>\n<ul>\n<li>of another kind</li>\n</ul>"
    assert _html("- an item\n1. of another kind") == "<ul>\n<li>an item</li>\n</ul>\n<ol>\n<li>of another kind</li>\n</ol>"
    assert _html("9. nine\n   - sub\n10. ten\n   - sub\n11. eleven\n12. twelve").endswith(
        '<ol start="11">\n<li>eleven</li>\n<li>twelve</li>\n</ol>'
    )


def test_a_quotes_lists_and_fences_are_read_as_the_texts_own():
    """(Found in review: a fence in an item of a quote or callout was inline code; a paragraph after a blank line in
    such an item ended the list, and item 2 ran into it.)"""
    assert "<li>step:\n    <pre><code>code\n</code></pre></li>" in _html("> [!note]\n> - step:\n>   ```\n>   code\n>   ```\n> - two")
    assert _html("> 1. Step one\n>\n>    Details.\n> 2. Step two") == (
        "<blockquote>\n<ol>\n<li>\n<p>Step one</p>\n<p>Details.</p>\n</li>\n<li>\n<p>Step two</p>\n</li>\n</ol>\n</blockquote>"
    )


def test_a_pre_or_a_comment_after_a_line_of_text_is_left_as_written():
    """(Found in review: an Apache licence's `<pre>` after its heading had its numbered lines re-indented.)"""
    assert _html("## License\n<pre>\n1. Definitions.\n\n   License means\n</pre>") == (
        '<h2 id="license">License</h2>\n<pre>\n1. Definitions.\n\n   License means\n</pre>'
    )


def test_an_unclosed_fence_in_an_item_stays_text():
    assert "<pre>" not in _html("- a\n\n  ```\n  never closed")


def test_fenced_code_and_html_blocks_are_left_as_they_are():
    code = "Text\n- not a list\n~~not struck~~ https://not.a/link a@b.org\n- [ ] no task"
    assert _html(f"```\n{code}\n```") == _python_markdown(f"```\n{code}\n```")
    assert _html(f"Intro\n```\n{code}\n```") == _python_markdown(f"Intro\n```\n{code}\n```")
    assert _html(f"<div>\n{code}\n</div>") == f"<div>\n{code}\n</div>"
    inline = "`~~x~~ https://a.org a@b.org`"
    assert _html(inline) == _python_markdown(inline)


def test_strikethrough_and_a_single_tilde():
    assert _html("The launch was ~~on Monday~~ on Tuesday.") == "<p>The launch was <del>on Monday</del> on Tuesday.</p>"
    for doc in ("About ~5 km away.", "H~2~O and ~x~", "a ~ b ~~ c"):
        assert _html(doc) == f"<p>{doc}</p>", doc


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        ("See https://tass.ru/kosmos/1.", '<p>See <a href="https://tass.ru/kosmos/1">https://tass.ru/kosmos/1</a>.</p>'),
        ("(https://ria.ru/x?a=1)", '<p>(<a href="https://ria.ru/x?a=1">https://ria.ru/x?a=1</a>)</p>'),
        ("www.interfax.ru", '<p><a href="http://www.interfax.ru">www.interfax.ru</a></p>'),
        ("https://кремль.рф/путь", '<p><a href="https://кремль.рф/путь">https://кремль.рф/путь</a></p>'),
    ],
)
def test_a_bare_url_is_a_link(doc, html):
    assert _html(doc) == html


@pytest.mark.parametrize(
    "doc",
    [
        "[https://tass.ru/a](https://tass.ru/b)",  # already a link: one link, as written
        "[the report](https://tass.ru/b) and <https://tass.ru/c>",
        "`https://tass.ru/a` in code",
        '<a href="https://tass.ru/a">https://tass.ru/a</a>',  # a link written in HTML, as web clippers paste them
        '<A HREF="mailto:press@tass.ru"><b>press@tass.ru</b></A>, *<a href="https://tass.ru/a">www.tass.ru</a>*',
        "user@github or @roscosmos or github/repo#1",  # no shorthands
    ],
)
def test_a_url_already_linked_or_in_code_is_rendered_as_before(doc):
    assert _html(doc) == _python_markdown(doc)


def test_an_email_address_is_a_mailto_link_and_no_file():
    for doc in ("Write to press@tass.ru.", "Write to <press@tass.ru>."):
        rendered = render_markdown(doc, "2021/story.md")
        assert 'href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;' in rendered.html  # mailto:, as character references
        assert rendered.files == () and "ssg-ref" not in rendered.html  # (the address was read as a file next to the article)
        assert rendered.text == "Write to press@tass.ru."


def test_task_items():
    html = _html("- [ ] todo\n- [x] done\n- [ ]not a task")
    assert html == (
        '<ul class="task-list">\n<li class="task-list-item"><input type="checkbox" disabled/> todo</li>\n'
        '<li class="task-list-item"><input type="checkbox" disabled checked/> done</li>\n<li>[ ]not a task</li>\n</ul>'
    )


def test_plain_text_of_struck_text_links_and_task_items():
    rendered = render_markdown(
        "Roscosmos ~~denied~~ confirmed it: https://tass.ru/kosmos/1 and [Interfax](https://interfax.ru).\n"
        "Contact: press@tass.ru\n\nTasks:\n- [x] launch\n- [ ] dock\n",
        "2021/story.md",
    )
    assert (
        rendered.text == "Roscosmos denied confirmed it: https://tass.ru/kosmos/1 and Interfax. Contact: press@tass.ru Tasks: launch dock"
    )
    assert rendered.first_paragraph.startswith("Roscosmos denied confirmed it: https://tass.ru/kosmos/1 and Interfax.")


def test_the_github_extensions_keep_the_fast_paths():
    md = ssg.markdown._renderer()
    names = {item.name for item in md.inlinePatterns._priority}
    assert {"delimiter", "magic-link", "magic-mail"} <= names <= ssg.markdown._KNOWN_INLINE_PATTERNS
    assert "list_after_paragraph" in ssg.markdown._KNOWN_BLOCK_PROCESSORS
    assert [name for name, _ in ssg.markdown.EXTENSIONS][:3] == ["extra", "sane_lists", "toc"]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            "Published under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)",
            'Published under <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>',
        ),
        ("1961. *Vostok*", "1961. <em>Vostok</em>"),  # never a list, a heading, a quote or a rule: one line of text
        ("1. Photo *Roscosmos*", "1. Photo <em>Roscosmos</em>"),
        ("# 5 *x*", "# 5 <em>x</em>"),
        ("> said *x*\n\n---\n\nb", "&gt; said <em>x</em> --- b"),
        ("© <Company> & **TASS**", "© &lt;Company&gt; &amp; <strong>TASS</strong>"),  # HTML in it stays text
        ("ТАСС", "ТАСС"),
    ],
)
def test_a_front_matter_text_shows_its_inline_markdown_as_one_line(text, html):
    assert inline_markdown(text) == html


def test_markdownify_of_nothing_is_nothing():
    """Hugo's `markdownify` of an empty value gives ""; ours raised a TypeError on a key an article lacks."""
    assert markdownify(None) == markdownify("") == ""
    env = load_theme(load_config(Path(__file__).parent / "golden" / "basic" / "site")).env
    assert env.from_string("[{{ extra.note | markdownify }}]").render(extra={}) == "[]"  # (a key one article lacks)


@pytest.mark.parametrize(
    "text",
    ["- one\n\n- two\n\n    para of two\n- three", "- one\n\n    more of one\n- two", "1. one\n\n    more of one\n2. two"],
)
def test_an_item_after_an_items_indented_paragraph_is_its_sibling(text):
    """Found in review: Python-Markdown took the next item into the paragraph's block, and it became a list nested in
    the item before (GitHub and CommonMark: the next item of the same list)."""
    html = render_markdown(text, "x.md").html
    assert html.count("<li>") == text.count("\n- ") + text.startswith("- ") + text.count("\n2. ") + text.startswith("1. ")
    assert html.count("<ul>") + html.count("<ol>") == 1  # one list, nothing nested


def test_obsidians_highlight_is_marked_and_equal_signs_are_text():
    assert render_markdown("a ==highlight== b, x == y, a==b", "x.md").html == "<p>a <mark>highlight</mark> b, x == y, a==b</p>"


# Jekyll's Liquid blocks, as a moved archive holds them.


@pytest.mark.parametrize(
    ("liquid", "fenced"),
    [
        ('{% highlight python %}\ndef launch():\n    return "ok"\n{% endhighlight %}', '```python\ndef launch():\n    return "ok"\n```'),
        ("{% highlight ruby linenos %}\nx = 1\n\n  y = 2\n{% endhighlight %}", "```ruby\nx = 1\n\n  y = 2\n```"),
        ('{%- highlight js hl_lines="2" -%}\n\nlet a;\nlet b;\n\n{%- endhighlight -%}', "```js\nlet a;\nlet b;\n```"),
        ("{% highlight %}\nplain\n{% endhighlight %}", "```\nplain\n```"),
        ("{% highlight python %}x = 1{% endhighlight %}", "```python\nx = 1\n```"),
        ("{% highlight md %}\n```\ncode\n```\n{% endhighlight %}", "````md\n```\ncode\n```\n````"),
        ("Text before:\n{% highlight sh %}\nls\n{% endhighlight %}\nText after.", "Text before:\n\n```sh\nls\n```\n\nText after."),
    ],
)
def test_a_jekyll_highlight_block_is_the_fenced_code_block_of_its_language(liquid, fenced):
    """It was a paragraph: `attr_list` took `{% endhighlight %}` for attributes (`<p _ endhighlight>`), the lines ran together."""
    rendered = render_markdown(liquid, "2021/story.md")
    assert rendered.html == _python_markdown(fenced) and rendered.template_tags == ()


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        ("{% raw %}\n{{ page.title }} and {% if x %}\n{% endraw %}", "<p>{{ page.title }} and {% if x %}</p>"),
        ("Use {% raw %}{{ site.url }}{% endraw %} here.", "<p>Use {{ site.url }} here.</p>"),
        ("a `{% raw %}{{ x }}{% endraw %}` b", "<p>a <code>{{ x }}</code> b</p>"),  # Jekyll runs Liquid first: in code too
        (
            "```html\n{% raw %}\n<p>{{ x }}</p>\n{% endraw %}\n```",
            '<pre><code class="language-html">&lt;p&gt;{{ x }}&lt;/p&gt;\n</code></pre>',
        ),
        ("{% raw %}\n```\n{{ x }}\n```\n{% endraw %}", "<pre><code>{{ x }}\n</code></pre>"),
        ("{% raw %}{% raw %}{% endraw %} opens it", "<p>{% raw %} opens it</p>"),  # the first endraw closes, as in Liquid
        (
            "{% highlight liquid %}\n{% raw %}{{ x }}{% endraw %}\n{% endhighlight %}",
            '<pre><code class="language-liquid">{{ x }}\n</code></pre>',
        ),
    ],
)
def test_jekylls_raw_tags_go_and_what_is_between_them_is_text_without_a_warning(doc, html):
    rendered = render_markdown(doc, "2021/story.md")
    assert rendered.html == html and rendered.template_tags == ()


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        ("One.\n\n{% comment %}\nДобавить фото {{ x }} {% include a.html %}\n{% endcomment %}\n\nTwo.", "<p>One.</p>\n<p>Two.</p>"),
        ("One {%- comment -%} a note {%- endcomment -%} two.", "<p>One  two.</p>"),
        ("```\ncode\n{% comment %}note{% endcomment %}\n```", "<pre><code>code\n\n</code></pre>"),  # (Liquid runs first)
        ("{% raw %}{% comment %}{% endraw %} shown", "<p>{% comment %} shown</p>"),
    ],
)
def test_jekylls_comment_blocks_are_left_out(doc, html):
    """Jekyll never shows a `{% comment %}` block (an author's note): it was published, in the page, feed and search."""
    rendered = render_markdown(doc, "2021/story.md")
    assert rendered.html == html and rendered.template_tags == ()


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        (  # a WordPress export's captioned picture (wordpress-export-to-markdown)
            "<figure>\n\n![](images/f.png)\n\n<figcaption>\n\nФото: *ТАСС*\n\n</figcaption>\n\n</figure>",
            '<figure>\n<p><img alt="" src="ssg-ref:file:2021/images/f.png"></p>\n<figcaption>\n<p>Фото: <em>ТАСС</em></p>\n</figcaption>\n</figure>',
        ),
        ('<div class="box">\nRaw *text*\n\nMore *text*\n</div>', '<div class="box">\nRaw *text*\n<p>More <em>text</em></p>\n</div>'),
        ("Text\n</div>", "<p>Text</p>\n</div>"),  # (the tag ends the paragraph)
        ("<div>\n*a*\n</div>\n\n*b*", "<div>\n*a*\n</div>\n\n<p><em>b</em></p>"),  # (closed before the blank line: as before)
        ('<div markdown="1">\n\n*a*\n\n</div>', "<div>\n<p><em>a</em></p>\n</div>"),  # (md_in_html's, as before)
        ("```\n<figure>\n\n*a*\n```", "<pre><code>&lt;figure&gt;\n\n*a*\n</code></pre>"),
        ("<pre>\n<div>\n\n*a*\n</pre>", "<pre>\n<div>\n\n*a*\n</pre>"),
        (  # (indented up to three spaces, outside an item: found in the second review)
            "  <figure>\n\n![](http://ex.com/a.png)\n\n  </figure>",
            '<figure>\n<p><img alt="" src="http://ex.com/a.png"></p>\n</figure>',
        ),
        ('Text\n  <div class="note">\n\n**b**\n\n</div>', '<p>Text</p>\n<div class="note">\n<p><strong>b</strong></p>\n</div>'),
    ],
)
def test_an_html_block_ends_at_a_blank_line_as_commonmark_ends_it(doc, html):
    """Python-Markdown read raw HTML on to the element's closing tag: a WordPress export's captioned pictures showed
    as `![](images/f.png)`, their files not copied, and a `</div>` after text went into the paragraph."""
    assert render_markdown(doc, "2021/story.md").html == html


def test_an_indented_html_block_stays_in_its_item_or_footnote():
    """Found in review: a tag indented under an item was taken for one at the margin, which ends the list."""
    item = render_markdown("- one\n  <div>in</div>\n\n- two", "2021/story.md").html
    assert item.count("<ul>") == 1 and item.index("<div>in</div>") < item.index("</li>")
    footnote = render_markdown("Text[^1].\n\n[^1]: note\n  <div>x</div>\n", "2021/story.md").html
    assert footnote.index("<div>x</div>") > footnote.index('<div class="footnote">')


def test_kramdowns_table_of_contents_is_made():
    """Jekyll posts write `* TOC` then `{:toc}` where kramdown puts the contents: it showed as a list of one item, "TOC"."""
    html = render_markdown("* TOC\n{:toc}\n\n## One\n\nText.\n\n## Two\n", "2021/story.md").html
    assert html.startswith('<div class="toc">\n<ul>\n<li><a href="#one">One</a></li>\n<li><a href="#two">Two</a></li>')
    code = "```\n* TOC\n{:toc}\n```"
    assert render_markdown(code, "2021/story.md").html == "<pre><code>* TOC\n{:toc}\n</code></pre>"


def test_kramdowns_attributes_after_a_table_are_no_row_of_it():
    """`{: .data-table}` under a table (a Jekyll idiom) became a third row of the table, "{: .data-table}" in its first
    cell (a rich author's trial); elsewhere, and in code, it is text as before."""
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n{: .data-table}\n\nText {: .x} here.\n", "2021/story.md").html
    assert "{:" not in html.split("</table>")[0] and html.count("<tr>") == 2 and "<p>Text {: .x} here.</p>" in html
    assert "{: .data-table}" in render_markdown("```\n| a |\n{: .data-table}\n```", "2021/story.md").html


def test_a_link_in_raw_text_is_the_link_written():
    rendered = render_markdown("[a]({% raw %}{{ site.url }}{% endraw %}/x)", "2021/story.md")
    assert rendered.files == ("2021/{{ site.url }}/x",) and "\ufdd0" not in rendered.html  # (as without raw)


@pytest.mark.parametrize(
    ("doc", "html", "tags"),
    [
        ("Para\n{% include note.html %}", "<p>Para\n{% include note.html %}</p>", ("{% include note.html %}",)),
        (
            "{% capture x %}\nText\n{% endcapture %}",
            "<p>{% capture x %}\nText\n{% endcapture %}</p>",
            ("{% capture x %}", "{% endcapture %}"),
        ),
        ("- item\n{% endif %}", "<ul>\n<li>item\n{% endif %}</li>\n</ul>", ("{% endif %}",)),
        (
            "# Title {% post_url 2021-01-01-x %}",
            '<h1 id="title--post_url-2021-01-01-x-">Title {% post_url 2021-01-01-x %}</h1>',
            ("{% post_url 2021-01-01-x %}",),
        ),
        ("*em*{% if x %} and", "<p><em>em</em>{% if x %} and</p>", ("{% if x %}",)),
        ("{% raw %} alone", "<p>{% raw %} alone</p>", ("{% raw %}",)),  # without its end: text
        ("{% highlight python %}\nno end", "<p>{% highlight python %}\nno end</p>", ("{% highlight python %}",)),
    ],
)
def test_other_liquid_tags_show_as_the_text_they_are_wherever_they_stand(doc, html, tags):
    rendered = render_markdown(doc, "2021/story.md")
    assert (rendered.html, rendered.template_tags) == (html, tags)


@pytest.mark.parametrize(
    "doc",
    [
        "Para\n{: .klass }",  # attr_list's own syntax
        "Para\n{#anchor .a .b key=value}",
        "Para\n{.klass}",
        "Para\n{ key=value }",
        "Para *em*{: .k } and {#x}",
        "## Heading {#custom}",
        "- item\n{: .x }",
        "*em*{: .k } text",
        "```\n{% include shown.html %}\n{% highlight python %}\nx\n{% endhighlight %}\n```",  # Liquid in code
        "    {% include shown.html %}\n    {% highlight python %}\n    x\n    {% endhighlight %}",
        "`{% include x.html %}` and ``{% raw %}``",
        'The set {1, 2} and {a: b}, a dict {\'k\': 1}, JSON {"a": [1, {"b": 2}]}.',
        "Braces {{1}, {2}} of a set, a template {name} and a lone { or }.",
        "Percent {%} and 100% {50%} of it.",
        '```json\n{"a": {"b": 1}}\n```',
        "    function f() { return {}; }",
    ],
)
def test_braces_in_ordinary_places_are_rendered_as_before(doc):
    assert _html(doc) == _python_markdown(doc)


def test_a_document_without_liquid_takes_no_liquid_step(monkeypatch):
    called = []
    monkeypatch.setattr(ssg.shortcodes, "_without_raw_tags", lambda text: called.append(text) or text)
    render_markdown("Plain {braces}, {{ x }}, {: .k } and 100% {50%}.\n", "2021/story.md")
    assert called == []
    render_markdown("{% include x.html %}", "2021/story.md")
    assert [text.strip() for text in called] == ["{% include x.html %}"]


# The end of the summary, as Hugo, Jekyll and WordPress mark it.


@pytest.mark.parametrize(
    "doc",
    [
        "Intro *one*.\n\nIntro two.\n\n<!--more-->\n\nThe rest.",
        "Intro *one*.\n\nIntro two.\n<!--more-->\nThe rest.",
        "Intro *one*.\n\nIntro two. <!-- more --> The rest.",
        "Intro *one*.\n\nIntro two.\n\n<!--MORE-->\n\nThe rest.",
    ],
)
def test_the_excerpt_is_the_text_before_more_and_the_marker_goes(doc):
    rendered = render_markdown(doc, "2021/story.md")
    assert rendered.excerpt == "Intro one. Intro two." and "more" not in rendered.html.lower()
    assert rendered.first_paragraph == "Intro one." and "The rest." in rendered.html


def test_an_excerpt_separator_of_the_article_ends_the_excerpt_in_its_place():
    rendered = render_markdown("Intro.\n\n<!--more-->\n\nMore.\n\n<!--cut-->\n\nRest.", "2021/story.md", "<!--cut-->")
    assert rendered.excerpt == "Intro. More." and "<!--cut-->" not in rendered.html and "<!--more-->" in rendered.html
    rendered = render_markdown("Intro.\n\n[[more]]\n\nRest.", "2021/story.md", "[[more]]")
    assert rendered.excerpt == "Intro." and rendered.html == "<p>Intro.</p>\n<p>Rest.</p>"


def test_a_marker_in_code_or_no_marker_is_no_excerpt():
    for doc in ("Intro `<!--more-->`.\n\nRest.", "Intro.\n\n    <!--more-->\n\nRest.", "Intro.\n\nRest."):
        rendered = render_markdown(doc, "2021/story.md")
        assert rendered.excerpt == "" and rendered.html == _python_markdown(doc)


# Hugo's built-in shortcodes, as a moved archive holds them.

_PLAYER = (
    '<div class="video">\n<iframe allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; '
    'web-share" allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin" src="{src}" '
    'style="width: 100%; height: auto; aspect-ratio: 16 / 9; border: 0" title="{title}"></iframe>\n</div>'
)


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        (
            '{{< figure src="x.jpg" alt="A rocket" caption="The *Soyuz*" title="Launch" attr="TASS" attrlink="https://tass.ru" '
            'link="big.jpg" class="wide" width="600" >}}',
            '<figure class="wide"><a href="ssg-ref:file:2021/bundle/big.jpg"><img alt="A rocket" src="ssg-ref:file:2021/bundle/x.jpg" '
            'width="600"></a><figcaption><h4>Launch</h4><p>The <em>Soyuz</em> <a href="https://tass.ru">TASS</a></p>\n</figcaption>\n</figure>',
        ),
        (
            '{{% figure src=\'/images/a.png\' caption=`It\'s "so"` attr="*TASS*" %}}',
            '<figure><img alt="It\'s &quot;so&quot;" src="ssg-ref:site:images/a.png"><figcaption>\n'
            '<p>It\'s "so" <em>TASS</em></p>\n</figcaption>\n</figure>',
        ),
        (
            '{{< figure src="./x.jpg" title="T" />}}',
            '<figure><img alt="T" src="ssg-ref:file:2021/bundle/x.jpg"><figcaption><h4>T</h4></figcaption>\n</figure>',
        ),
        ("{{< youtube w7Ft2ymGmfc >}}", _PLAYER.format(src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc", title="YouTube video")),
        (
            '{{% youtube id="w7Ft2ymGmfc" start=30 autoplay=true loop="true" title="The launch" %}}',
            _PLAYER.format(
                src="https://www.youtube-nocookie.com/embed/w7Ft2ymGmfc?start=30&amp;autoplay=1&amp;loop=1&amp;mute=1&amp;playlist=w7Ft2ymGmfc",
                title="The launch",
            ),
        ),
        ('{{< vimeo id="146022717" title="V" >}}', _PLAYER.format(src="https://player.vimeo.com/video/146022717?dnt=1", title="V")),
        (
            '{{< x user="SanDiegoZoo" id="1453110110599868418" >}}',
            '<blockquote class="embed">\n<p><a href="https://x.com/SanDiegoZoo/status/1453110110599868418">'
            "https://x.com/SanDiegoZoo/status/1453110110599868418</a></p>\n</blockquote>",
        ),
        (
            "{{< tweet 877500564405444608 >}}",
            '<blockquote class="embed">\n<p><a href="https://x.com/i/web/status/877500564405444608">'
            "https://x.com/i/web/status/877500564405444608</a></p>\n</blockquote>",
        ),
        (
            "{{< instagram BWNjjyYFxVx hidecaption >}}",
            '<blockquote class="embed">\n<p><a href="https://www.instagram.com/p/BWNjjyYFxVx/">https://www.instagram.com/p/BWNjjyYFxVx/</a></p>\n</blockquote>',
        ),
        (
            "{{< gist spf13 7896402 Img.html >}}",
            '<blockquote class="embed">\n<p><a href="https://gist.github.com/spf13/7896402#file-img-html">'
            "https://gist.github.com/spf13/7896402#file-img-html</a></p>\n</blockquote>",
        ),
        (
            "Before\n{{< youtube abc >}}\nafter.",
            "<p>Before</p>\n" + _PLAYER.format(src="https://www.youtube-nocookie.com/embed/abc", title="YouTube video") + "\n<p>after.</p>",
        ),
    ],
)
def test_hugos_built_in_shortcodes_render_as_hugo_renders_them(doc, html):
    rendered = render_markdown(doc, "2021/bundle/index.md")
    assert (rendered.html, rendered.template_tags) == (html, ())


@pytest.mark.parametrize(
    ("hugo", "fenced"),
    [
        (
            '{{< highlight go "linenos=table,hl_lines=2" >}}\npackage main\n\nfunc main() {}\n{{< /highlight >}}',
            "```go\npackage main\n\nfunc main() {}\n```",
        ),
        ("{{% highlight python %}}\nx = 1\n{{% /highlight %}}", "```python\nx = 1\n```"),
        (
            "Text:\n{{< highlight sh >}}\nls {{< youtube x >}}\n{{< /highlight >}}\nMore.",
            "Text:\n\n```sh\nls {{< youtube x >}}\n```\n\nMore.",
        ),
    ],
)
def test_a_hugo_highlight_block_is_the_fenced_code_block_of_its_language(hugo, fenced):
    rendered = render_markdown(hugo, "2021/story.md")
    assert (rendered.html, rendered.template_tags) == (_python_markdown(fenced), ())


@pytest.mark.parametrize(
    ("block", "fenced"),
    [
        ("{% highlight python %}\n   a = 1\n     b\n   {% endhighlight %}", "```python\n   a = 1\n     b\n   ```"),
        ("{{< highlight python >}}\n   a = 1\n     b\n   {{< /highlight >}}", "```python\n   a = 1\n     b\n   ```"),
        ("{% highlight python %}\na = 1\n  b\n   {% endhighlight %}", "```python\n   a = 1\n     b\n   ```"),  # code at the margin
    ],
)
def test_a_highlight_block_in_a_list_item_is_its_fenced_code_there(block, fenced):
    """(The block's fence was put at the margin: the list ended before it, and the code kept the item's indent.)"""
    item = "1. Step:\n\n   {}\n\n2. Next"
    assert _html(item.format(block)) == _html(item.format(fenced))
    assert '<li>\n<p>Step:</p>\n<pre><code class="language-python">a = 1\n  b\n</code></pre>\n</li>' in _html(item.format(block))


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        # A comment is the author's note: left out of the page, as Hugo leaves it (it was published as text).
        ("A\n\n{{< comment >}}Check the date with TASS.{{< /comment >}}\n\nB", "<p>A</p>\n<p>B</p>"),
        ("A {{% comment %}}\nnote\n{{% /comment %}}", "<p>A </p>"),
        (
            '{{< details summary="Full *text*" open=true >}}\nThe **statement**.\n\n- one\n{{< /details >}}',
            "<details open>\n<summary>Full <em>text</em></summary>\n<p>The <strong>statement</strong>.</p>\n"
            "<ul>\n<li>one</li>\n</ul>\n</details>",
        ),
        ("{{% details %}}x{{% /details %}}", "<details>\n<summary>Details</summary>\n<p>x</p>\n</details>"),
    ],
)
def test_hugos_comment_is_left_out_and_details_is_a_disclosure_box(doc, html):
    rendered = render_markdown(doc, "2021/story.md")
    assert (rendered.html, rendered.template_tags) == (html, ())


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        ('Write {{</* figure src="x.jpg" */>}} for it.', '<p>Write {{&lt; figure src="x.jpg" &gt;}} for it.</p>'),
        ("{{%/* youtube x */%}}", "<p>{{% youtube x %}}</p>"),
        ("`{{</* x */>}}`", "<p><code>{{&lt; x &gt;}}</code></p>"),  # in code too, as Hugo shows it
        (
            '```go-html-template\n{{</* figure src="x" */>}}\n```',
            '<pre><code class="language-go-html-template">{{&lt; figure src=&quot;x&quot; &gt;}}\n</code></pre>',
        ),
    ],
)
def test_an_escaped_shortcode_shows_as_the_shortcode_without_a_warning(doc, html):
    rendered = render_markdown(doc, "2021/story.md")
    assert (rendered.html, rendered.template_tags) == (html, ())


@pytest.mark.parametrize(
    "doc",
    [
        "`{{< youtube w7Ft2ymGmfc >}}` in a code span, ``{{< figure src=`x` >}}`` too",
        '```\n{{< figure src="x.jpg" >}}\n{{< youtube w7Ft2ymGmfc >}}\n```',
        '    {{< figure src="x.jpg" >}}\n    {{< youtube w7Ft2ymGmfc >}}',
        "Para\n\n    {{< youtube w7Ft2ymGmfc >}}\n\nMore.",
    ],
)
def test_shortcodes_in_code_are_left_as_written(doc):
    rendered = render_markdown(doc, "2021/story.md")
    assert (rendered.html, rendered.template_tags) == (_python_markdown(doc), ())


@pytest.mark.parametrize(
    ("doc", "tags"),
    [
        ("{{< notice warning >}}\nCareful.\n{{< /notice >}}", ("{{< notice warning >}}", "{{< /notice >}}")),
        ('Site: {{< param "title" >}}.', ('{{< param "title" >}}',)),
        ("{{< figure >}} without src, {{< youtube >}} without id", ("{{< figure >}}", "{{< youtube >}}")),
        ('{{< tweet user="a b" id="x" >}}', ('{{< tweet user="a b" id="x" >}}',)),
    ],
)
def test_other_shortcodes_stay_text_with_their_warning(doc, tags):
    rendered = render_markdown(doc, "2021/story.md")
    assert rendered.template_tags == tags and all(tag.replace("<", "&lt;").replace(">", "&gt;") in rendered.html for tag in tags)


def test_a_ref_in_a_link_stays_as_it_was():
    rendered = render_markdown('[a]({{< ref "soyuz" >}})', "2021/story.md")
    assert rendered.files == ('2021/{{< ref "soyuz" >}}',) and rendered.template_tags == ()


def test_a_document_without_shortcodes_takes_no_shortcode_step(monkeypatch):
    called = []
    monkeypatch.setattr(ssg.shortcodes, "_rendered", lambda text, md: called.append(text))
    render_markdown("Plain {braces}, {{ x }}, {{1}, {2}} and 100% {50%}.\n", "2021/story.md")
    assert called == []
    render_markdown("{{< youtube x >}}", "2021/story.md")
    assert called == ["{{< youtube x >}}"]


# What CommonMark (Hugo's Goldmark, GitHub) reads and Python-Markdown did not.


@pytest.mark.parametrize(
    ("doc", "two_spaces"),
    [
        ("First line\\\nsecond line", "First line  \nsecond line"),
        ("- an *item*\\\n  goes on\n- b", "- an *item*  \n  goes on\n- b"),
        ("> quoted\\\n> more", "> quoted  \n> more"),
    ],
)
def test_a_backslash_at_the_end_of_a_line_is_a_line_break(doc, two_spaces):
    assert "<br>" in _html(doc) and _html(doc) == _python_markdown(two_spaces)


@pytest.mark.parametrize(
    "doc",
    [
        "Ends a paragraph\\",  # (no line follows: CommonMark too shows it)
        "An escaped backslash\\\\\nends the line",
        "`code\\\nspan`",
        "```\nfenced\\\ncode\n```",
        "    indented\\\n    code",
        "Back\\slash in a line",
    ],
)
def test_other_backslashes_are_rendered_as_before(doc):
    assert _html(doc) == _python_markdown(doc)


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        ("The set\n{1, 2}", "<p>The set\n{1, 2}</p>"),
        ("- item\n{a, b}", "<ul>\n<li>item\n{a, b}</li>\n</ul>"),
        ("## Sets {x}", '<h2 id="sets-x">Sets {x}</h2>'),
        ("*em*{1} after", "<p><em>em</em>{1} after</p>"),
        ("Para\n{{< notice >}}", "<p>Para\n{{&lt; notice &gt;}}</p>"),
    ],
)
def test_braces_that_are_no_attribute_list_stay_text(doc, html):
    """`attr_list` took any braces ending a block for attributes: `<p 1_ 2>The set</p>`."""
    assert _html(doc) == html


# WordPress's shortcodes, as its export's converters leave them (lezoo's escapes the brackets: `\[caption ...\]`).
_YOUTUBE = _PLAYER.format(src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", title="YouTube video")


@pytest.mark.parametrize(
    ("doc", "html"),
    [
        (
            r'\[caption id="attachment\_105" align="aligncenter" width="640"\]![Мост](images/most.png) Мост через *Оку*. '
            r"Фото: ТАСС\[/caption\]",
            '<figure class="wp-caption aligncenter"><img alt="Мост" src="ssg-ref:file:post/bundle/images/most.png"><figcaption>'
            "Мост через <em>Оку</em>. Фото: ТАСС</figcaption>\n</figure>",
        ),
        (
            '[caption id="attachment_12" width="640"]<a href="big.jpg"><img src="x.jpg" alt="Сцена" /></a> Сцена театра[/caption]',
            '<figure class="wp-caption"><a href="ssg-ref:file:post/bundle/big.jpg"><img src="ssg-ref:file:post/bundle/x.jpg" '
            'alt="Сцена" /></a><figcaption>Сцена театра</figcaption>\n</figure>',
        ),
        (
            'Before [caption caption="Given"]<img src="https://e.org/a.jpg" alt="">[/caption] after.',
            '<p>Before</p>\n<figure class="wp-caption"><img src="https://e.org/a.jpg" alt=""><figcaption>Given</figcaption>\n'
            "</figure>\n<p>after.</p>",
        ),
        (r"\[embed\]https://www.youtube.com/watch?v=dQw4w9WgXcQ\[/embed\]", _YOUTUBE),
        ("[embed]\nhttps://youtu.be/dQw4w9WgXcQ\n[/embed]", _YOUTUBE),
        (
            "[embed]https://vimeo.com/146022717[/embed]",
            _PLAYER.format(src="https://player.vimeo.com/video/146022717?dnt=1", title="Vimeo video"),
        ),
        (
            "[embed]https://x.com/a/status/1[/embed]",
            '<blockquote class="embed">\n<p><a href="https://x.com/a/status/1">https://x.com/a/status/1</a></p>\n</blockquote>',
        ),
        (
            '[video width="640" height="360" mp4="https://e.org/a.mp4"][/video]',
            '<video controls height="360" preload="metadata" src="https://e.org/a.mp4" width="640">'
            '<a href="https://e.org/a.mp4">a.mp4</a></video>',
        ),
        (
            '[audio src="/wp-content/uploads/a.mp3"]',
            '<audio controls preload="none" src="ssg-ref:site:wp-content/uploads/a.mp3"><a href="ssg-ref:site:wp-content/uploads/a.mp3">'
            "a.mp3</a></audio>",
        ),
    ],
)
def test_wordpress_shortcodes_render_as_wordpress_renders_them(doc, html):
    rendered = render_markdown(doc, "post/bundle/index.md")
    assert (rendered.html, rendered.template_tags) == (html, ())


def test_a_players_shortcode_never_takes_the_text_after_it():
    """Found in review: `[video src=...]` then text then another `[video ...][/video]` took the later end tag as its own,
    and the text and the second player were gone."""
    html = render_markdown('[video src="http://ex.com/a.mp4"] text between [video src="http://ex.com/b.mp4"][/video]', "2021/story.md").html
    assert "a.mp4" in html and "text between" in html and "b.mp4" in html
    assert "Some words" in render_markdown('[video src="http://ex.com/a.mp4"]Some words[/video]', "2021/story.md").html


def test_a_player_whose_file_has_a_host_in_brackets_that_is_no_ip_address_stays_text_with_a_warning():
    """`[video src="http://[site]/v.mp4"]` (a template's address an export kept) stopped the build on urlsplit's
    ValueError traceback, asked whether the file is on the web: it is no file to play, left as text and warned of."""
    for code in ('[video src="http://[site]/v.mp4"]', '[audio mp3="http://[::1"][/audio]'):
        rendered = render_markdown(f"Before.\n\n{code}\n", "2021/story.md")
        assert rendered.html == f"<p>Before.</p>\n<p>{code}</p>" and rendered.template_tags == (code.removesuffix("[/audio]"),)


def test_a_captions_attribute_is_its_caption_as_in_wordpress():
    html = render_markdown('[caption caption="Set"]<img src="http://ex.com/a.png"> Inside[/caption]', "2021/story.md").html
    assert "<figcaption>Set</figcaption>" in html


@pytest.mark.parametrize(
    "doc",
    [
        '`[caption id="a"]<img src="x.jpg"> C[/caption]` and ``[embed]https://youtu.be/abc[/embed]``',
        '```\n[caption id="a"]<img src="x.jpg"> C[/caption]\n[gallery ids="1,2"]\n```',
        '    [embed]https://youtu.be/abc[/embed]\n    [gallery ids="1,2"]',
    ],
)
def test_wordpress_shortcodes_in_code_are_left_as_written(doc):
    rendered = render_markdown(doc, "2021/story.md")
    assert (rendered.html, rendered.template_tags) == (_python_markdown(doc), ())


def test_brackets_of_markdown_are_no_wordpress_shortcodes():
    doc = "Footnote[^1], [1], [Фото], [x], [Note], [span class] and [TOC of the issue].\n\n- [ ] to do\n- [x] done\n\n[^1]: Note."
    rendered = render_markdown(doc, "2021/story.md")
    assert rendered.template_tags == () and "[1], [Фото], [x], [Note], [span class] and [TOC of the issue]." in rendered.html
    assert 'class="task-list-item"' in rendered.html and 'class="footnote-ref"' in rendered.html


@pytest.mark.parametrize(
    ("doc", "tags"),
    [
        (r'\[gallery ids="119,120,121"\]', ('[gallery ids="119,120,121"]',)),
        (
            '<!-- wp:shortcode -->\n[contact-form-7 id="5" title="Обратная связь"]\n<!-- /wp:shortcode -->',
            ('[contact-form-7 id="5" title="Обратная связь"]',),
        ),
        (
            '[note type="warning"]Careful.[/note] and [vc_row][vc_column]x[/vc_column][/vc_row]',
            ('[note type="warning"]', "[vc_row]", "[vc_column]"),
        ),
        ("[caption]no picture here[/caption]", ("[caption]",)),
        ('[span class="x"] without an end, [not a shortcode="1"]', ()),
    ],
)
def test_other_wordpress_shortcodes_stay_text_with_their_warning(doc, tags):
    assert render_markdown(doc, "2021/story.md").template_tags == tags


@pytest.mark.parametrize(
    "srcset, candidates",
    [
        ("a.jpg", [("a.jpg", "")]),
        ("a.jpg 1x, b.jpg 2x", [("a.jpg", "1x"), ("b.jpg", "2x")]),
        (" a.jpg 800w ,b.jpg 1600w ", [("a.jpg", "800w"), ("b.jpg", "1600w")]),
        ("a.jpg,, b.jpg 2x", [("a.jpg", ""), ("b.jpg", "2x")]),  # a comma that ends a URL ends its candidate
        ("https://cdn.example/w_100,h_200/a.jpg 1x", [("https://cdn.example/w_100,h_200/a.jpg", "1x")]),  # one within it is its own
        (" , ", []),
    ],
)
def test_a_srcset_is_read_as_browsers_read_it(srcset, candidates):
    assert ssg.markdown.srcset_candidates(srcset) == candidates


def test_a_pasted_srcset_and_poster_are_paths_from_the_article_as_src_is():
    html = render_markdown('<img src="a.png" srcset="a.png 1x, ../b.png 2x" alt="">\n\n<video poster="p.jpg"></video>\n', "2021/x.md").html
    assert 'srcset="ssg-ref:file:2021/a.png 1x, ssg-ref:file:b.png 2x"' in html and 'poster="ssg-ref:file:2021/p.jpg"' in html


def test_a_link_to_a_host_in_brackets_that_is_no_address_is_left_as_written(project):
    """`http://[site]/x` (a template's address pasted as it was): urlsplit refuses it, and the build stopped on a traceback."""
    body = 'A [link](http://[site]/x) and <a href="https://[bad]/y">a raw one</a>.'
    made = '<p>A <a href="http://[site]/x">link</a> and <a href="https://[bad]/y">a raw one</a>.</p>'
    assert render_markdown(body, "2021/story.md").html == made
    project.write({"content/2021/story.md": article("Story", "2021-05-01", body)}).build()
    assert made in project.page("2021/05/01/story/")


def test_block_level_answers_are_the_librarys():
    """The renderer keeps each tag's answer to `is_block_level` (`_BlockLevelTags`): the same as the library's."""
    md = ssg.markdown._renderer()
    assert isinstance(md.is_block_level.__self__, ssg.markdown._BlockLevelTags)
    tags = [*md.block_level_elements, "a", "em", "span", "img", "br", "code", "sup", "DIV", "P", "hr/", "x-y", "", None, 3]
    for tag in tags * 2:
        assert md.is_block_level(tag) == markdown.Markdown.is_block_level(md, tag), tag


def test_wordpress_shortcodes_are_looked_for_in_the_lines_joined_as_line_by_line():
    """`_TemplateBlocks` asks whether some line holds a WordPress shortcode ssg renders of the lines joined, with an
    expression that starts at the bracket: the same answer as the expression with its escaping backslash, line by line."""
    import random

    names = "|".join(ssg.shortcodes._WP_RENDERED)
    by_line = re.compile(rf"\\?\[(?:{names})[\s\\\]]")
    rng = random.Random(11)
    pieces = [
        "[",
        "\\[",
        "[caption",
        "\\[caption",
        "[video",
        "[gallery]",
        "caption",
        "]",
        "\\",
        " ",
        "\n",
        "\t",
        "\x0b",
        "\u2028",
        "x",
        "[x ",
    ]
    for _ in range(20_000):
        lines = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))).split("\n")
        expected = any(by_line.search(line) for line in lines)
        assert (ssg.shortcodes._WP_RENDERED_IN_LINES.search("\n".join(lines)) is not None) == expected, lines


def test_a_line_of_hashtags_is_text_not_a_heading():
    """A post pasted from Telegram ends `#Роскосмос #Восточный`: Python-Markdown needs no space after `#`, and the line
    was `<h1>Роскосмос #Восточный</h1>` (found by a daily user's trial); GitHub, Hugo and Obsidian show it as text.
    Only two or more `#word`s are: one alone (`#Итоги`) is a heading in archives written for Python-Markdown, and was
    made text too, as was one with punctuation after it (`#Итоги.`)."""
    html = render_markdown(
        "Ракета стартовала.\n\n#Роскосмос #Восточный\n\nКонец.\n#МКС #космос #Роскосмос\n", "2021/x.md", "<!--more-->"
    ).html
    assert html == "<p>Ракета стартовала.</p>\n<p>#Роскосмос #Восточный</p>\n<p>Конец.\n#МКС #космос #Роскосмос</p>"
    # (A vault's trial: Obsidian's nested tags, one alone too, and Bear's closed ones were headings.)
    for text, shown in [
        ("#Союз-МС #МКС", "#Союз-МС #МКС"),
        ("#МКС\t#Роскосмос_2024", "#МКС    #Роскосмос_2024"),
        ("#space/iss #космос", "#space/iss #космос"),
        ("#космос #space/iss/ms-25", "#космос #space/iss/ms-25"),
        ("#space/iss", "#space/iss"),
        ("#космос/ракеты# #важное#", "#космос/ракеты# #важное#"),
    ]:
        assert render_markdown(text + "\n", "2021/x.md", "<!--more-->").html == f"<p>{shown}</p>", text
    # Headings stay headings: one #word, with punctuation or not, with a space, two hashes, words after the first,
    # a hashtag with punctuation among hashtags.
    for text, heading in [
        ("Конец.\n#МКС", '<p>Конец.</p>\n<h1 id="мкс">МКС</h1>'),
        ("#Итоги", '<h1 id="итоги">Итоги</h1>'),
        ("#Итоги.", '<h1 id="итоги">Итоги.</h1>'),
        ("#Главное:", '<h1 id="главное">Главное:</h1>'),
        ("#Глава_1", '<h1 id="глава_1">Глава_1</h1>'),
        ("#1", '<h1 id="1">1</h1>'),
        ("#МКС #космос.", '<h1 id="мкс-космос">МКС #космос.</h1>'),
        ("#Итоги#", '<h1 id="итоги">Итоги</h1>'),
        ("#1/2 года", '<h1 id="12-года">1/2 года</h1>'),
    ]:
        assert render_markdown(text + "\n", "2021/x.md", "<!--more-->").html == heading, text
    for text, heading in [("# Итоги", "<h1"), ("##Итоги", "<h2"), ("#Итоги года", "<h1"), ("Text\n### Three ###", "<h3")]:
        assert heading in render_markdown(text + "\n", "2021/x.md", "<!--more-->").html, text


def test_extensions_are_those_markdown_makes_of_their_names():
    """The renderer is given `EXTENSIONS` as objects (`_extensions`: Markdown given names looks each up among every
    installed package's entry points, 25-30 ms of a process that reads one article): the same processors in the same
    places, the same settings, the same HTML for a text that uses each extension."""
    configs = {name: dict(config) for name, config in ssg.markdown.EXTENSIONS}
    configs["toc"]["slugify"] = ssg.markdown._heading_id
    by_name = markdown.Markdown(extensions=[*configs], extension_configs=configs, output_format="html")
    made = markdown.Markdown(extensions=ssg.markdown._extensions(configs), output_format="html")

    def parts(md: markdown.Markdown) -> list:
        registries = [md.preprocessors, md.inlinePatterns, md.treeprocessors, md.postprocessors, md.parser.blockprocessors]
        places = [[(item.name, item.priority, type(registry[item.name])) for item in registry._priority] for registry in registries]
        settings = [(type(e), {key: value[0] for key, value in e.config.items()}) for e in md.registeredExtensions]
        return [places, settings]

    assert parts(made) == parts(by_name)
    text = (
        "Text[^1] ~~struck~~ ==marked== www.example.org\n\n- [x] done\n\n[^1]: A note.\n\n*[NASA]: National Aeronautics\n\n"
        "NASA\n\nTerm\n: Its meaning\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nx = 1\n```\n\n"
        '<div markdown="1">*inside*</div>\n\n# Heading {#id .cls}\n\n[TOC]\n'
    )
    assert made.convert(text) == by_name.convert(text)
    assert "<del>" in made.convert(text) and "footnote" in made.convert(text) and "<table>" in made.convert(text)


def test_the_links_of_a_front_matter_text_are_marked_as_the_bodys_and_its_code_is_left():
    found = front_links(
        {"rights": 'See [terms](../terms.md#use), `[x](y.png)`, [map](<my map.png> "A") and [CC](https://cc.org/)'}, "2025/a.md"
    )
    assert found is not None
    assert found.texts == {
        "rights": 'See [terms](ssg-ref:article:terms.md#use), `[x](y.png)`, [map](<ssg-ref:file:2025/my map.png> "A") and [CC](https://cc.org/)'
    }
    assert (found.article_links, found.files) == (("terms.md",), ("2025/my map.png",))


def test_the_page_ids_headings_keep_clear_of_are_the_default_themes():
    """`THEME_IDS` is what the default theme's templates write: a template given a new id keeps it from headings too."""
    templates = Path(ssg.markdown.__file__).parent.parent / "themes/default/templates"
    written = {m for t in templates.glob("*.html") for m in re.findall(r'\bid="([a-z][a-z0-9_-]*)"', t.read_text(encoding="utf-8"))}
    assert written == ssg.markdown.THEME_IDS


def test_pictures_after_the_first_load_as_a_reader_scrolls_near_them():
    """Every picture of an article was loaded with its stylesheet, on a phone's slow link too (a trial of slow networks);
    the first, which may be at the top of the page, is loaded at once."""
    html = render_markdown("![a](a.jpg)\n\nText.\n\n![b](b.jpg) ![c](c.jpg)\n", "2021/x.md").html
    first, second, third = re.findall(r"<img [^>]*>", html)
    assert "loading" not in first and "decoding" not in first
    for later in (second, third):
        assert 'loading="lazy"' in later and 'decoding="async"' in later


def test_under_a_lead_picture_every_picture_of_the_text_loads_as_a_reader_scrolls_near_it():
    """Where the article has a lead picture (`image:`), which the page shows above the text, the text's first picture is
    no longer at the top: it was loaded with the page all the same (a trial of an archive with local pictures)."""
    html = render_markdown("Text.\n\n![a](a.jpg)\n", "2021/x.md", lead_picture=True).html
    assert 'loading="lazy"' in html and 'decoding="async"' in html


def test_an_articles_lead_picture_makes_its_texts_first_picture_lazy_too():
    """The reader tells the renderer of the lead picture from the front matter."""
    from ssg.content import ReadSettings, read_article
    from ssg.search.model import SearchConfig

    front = "---\ntitle: T\ndate: 2021-01-01\n{}---\n\nText.\n\n![a](https://example.org/a.jpg)\n"
    settings = ReadSettings("en", "UTC", (), SearchConfig(enabled=False))
    for image, lazy in (("image: {src: 'https://example.org/l.jpg', credit: X}\n", True), ("", False)):
        record = read_article("2021/x.md", front.format(image).encode(), settings)
        assert ('loading="lazy"' in record["body"]) == lazy, record


def test_a_paragraph_of_obsidians_embeds_alone_is_no_summary():
    """A vault's note that opens with a pasted picture had `![[Pasted image 2024.png]]` as its page description and
    feed summary (found by a vault's trial)."""
    rendered = render_markdown("![[Pasted image 2024.png|300]] ![[b.png]]\n\nThe launch went well.\n", "2021/x.md")
    assert rendered.first_paragraph == "The launch went well."
    assert render_markdown("See ![[b.png]] here.\n", "2021/x.md").first_paragraph == "See ![[b.png]] here."
