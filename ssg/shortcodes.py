"""What other generators' template code left in an article becomes: Jekyll's Liquid and Hugo's shortcodes.

ssg runs no template language in an article. What needs none is read as its generator reads it (Jekyll's
`{% highlight %}` and `{% raw %}` blocks); every other tag stays the text it is, and `template_tags` lists those the
rendered body shows, for a warning on their lines. The Markdown renderer registers `LiquidExtension`: a document
without `{%` pays nothing for it.
"""

from __future__ import annotations

import html
import re

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.preprocessors import Preprocessor

_TAG = re.compile(r"<[^>]+>")

# A tag of the template language an archive was written for, left in its text: Hugo's shortcodes ({{< figure >}},
# {{% note %}}) and Jekyll's Liquid ({% include x.html %}, {{ site.baseurl }}), as the rendered HTML shows them.
# A Liquid tag holds no braces: `{{1}, {2}}` in prose (a set, a formula) is none.
LIQUID_TAG = re.compile(r"\{%[^{}]*?%\}|\{\{[^{}]*?\}\}", re.S)
_TEMPLATE_TAG = re.compile(r"\{\{(?:&lt;|%).*?(?:&gt;|%)\}\}|" + LIQUID_TAG.pattern, re.S)
# Code in rendered HTML, whose tags are meant as written (and whose `<!--more-->` is no excerpt separator).
CODE = re.compile(r"<pre[ >].*?</pre>|<code[ >].*?</code>", re.S)


def template_tags(body: str) -> list[str]:
    """The Hugo shortcodes and Liquid tags in the text of `body` (HTML), as written: ssg runs no template language in
    an article, so a moved archive's would show as text where a picture or a note was. Those in code are meant."""
    if "{{" not in body and "{%" not in body:
        return []
    text = _TAG.sub("", CODE.sub("", body))  # (in an attribute, a tag is in a link, which is checked as one)
    return [html.unescape(" ".join(tag.split())) for tag in _TEMPLATE_TAG.findall(text)]


# Jekyll's Liquid blocks that mean something without Liquid. `{% raw %}` ... `{% endraw %}`: what stands between is text
# (ssg runs no Liquid, so the tags go and their text is marked with this non-character until the HTML is made, for
# `template_tags` to pass over it). `{% highlight LANG %}` ... `{% endhighlight %}`: the code block ```LANG makes.
RAW_MARK = "\ufdd0"
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_HIGHLIGHT_LANG = re.compile(r"[\w#.+-]+")  # (as fenced code takes a language)


def _liquid_name(tag: str) -> list[str]:
    """The words of a `{% ... %}` tag (`{%- raw -%}` too): its name and arguments."""
    return tag[2:-2].strip("-").split()


def _without_raw_tags(text: str, keep_tags: bool = False) -> str:
    """`text` without the tags of each `{% raw %}` ... `{% endraw %}` (a lone one is text), what stands between them
    marked. Wherever they stand, in code too: Jekyll runs Liquid before Markdown, and `{% raw %}{{ x }}{% endraw %}`
    in a code span or block showed `{{ x }}` there. A tag alone on its line goes with the line (a code block would
    start or end with an empty line). `keep_tags`: only marked, each line where it was (see `raw_text_marked`)."""
    parts, done, opened = [], 0, None
    for tag in LIQUID_TAG.finditer(text):
        name = _liquid_name(tag[0]) if tag[0].startswith("{%") else None
        if opened is None and name == ["raw"]:
            opened = tag.span() if keep_tags else _with_line(text, tag)
        elif opened is not None and name == ["endraw"]:
            closed = tag.span() if keep_tags else _with_line(text, tag)
            between = text[opened[1] : closed[0]].replace("{%", "{" + RAW_MARK + "%").replace("{{", "{" + RAW_MARK + "{")
            parts += [text[done : opened[1] if keep_tags else opened[0]], between]
            done, opened = closed[0] if keep_tags else closed[1], None
    return "".join([*parts, text[done:]]) if parts else text


def raw_text_marked(text: str) -> str:
    """`text` (an article file's) with the Liquid tags in its `{% raw %}` text marked, so that a search for a tag the
    rendered body shows finds its line, not the same words in raw text."""
    return _without_raw_tags(text, keep_tags=True) if "{%" in text else text


def _with_line(text: str, tag: re.Match[str]) -> tuple[int, int]:
    """Where `tag` stands in `text`, with its line (and the line's end) if it stands there alone."""
    start, end = text.rfind("\n", 0, tag.start()) + 1, text.find("\n", tag.end())
    end = len(text) if end < 0 else end
    alone = not text[start : tag.start()].strip() and not text[tag.end() : end].strip()
    return (start, min(end + 1, len(text))) if alone else tag.span()


def _highlights_as_fences(lines: list[str]) -> list[str]:
    """`lines` with each `{% highlight LANG %}` ... `{% endhighlight %}` (the first tag at the start of a line outside
    fenced code) as a fenced code block, without the blank lines Jekyll strips around the code."""
    out: list[str] = []
    fence, index = "", 0
    while index < len(lines):
        line, index = lines[index], index + 1
        block = None if fence else _highlight_block(lines, index - 1)
        if block is None:
            if fence and line.strip(" ").startswith(fence) and not line.strip(" ").strip(fence[0]):
                fence = ""
            elif not fence and (opened := _FENCE.match(line)):
                fence = opened[1]
            out.append(line)
            continue
        out += block[0]
        index = block[1]
    return out


def _highlight_block(lines: list[str], index: int) -> tuple[list[str], int] | None:
    """The fenced code block for a `{% highlight %}` block that starts at `lines[index]`, and the index of the line
    after it; None if none starts there (or it has no end)."""
    line = lines[index]
    indent = len(line) - len(line.lstrip(" "))
    start = LIQUID_TAG.match(line, indent) if indent <= 3 and line.startswith("{%", indent) else None
    words = _liquid_name(start[0]) if start else []
    end = _end_tag(lines, index, start.end()) if start and words[:1] == ["highlight"] else None
    if start is None or end is None:
        return None
    last, tag = end
    if last == index:
        code = [line[start.end() : tag.start()]]
    else:
        code = [line[start.end() :], *lines[index + 1 : last], lines[last][: tag.start()]]
    while code and not code[0].strip():
        code.pop(0)
    while code and not code[-1].strip():
        code.pop()
    ticks = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall("\n".join(code))), default=0))
    lang = words[1] if len(words) > 1 and _HIGHLIGHT_LANG.fullmatch(words[1]) and words[1] != "linenos" else ""
    return ["", ticks + lang, *code, ticks, "", lines[last][tag.end() :]], last + 1


def _end_tag(lines: list[str], index: int, column: int) -> tuple[int, re.Match[str]] | None:
    """The line and the match of the first `{% endhighlight %}` from `column` of `lines[index]` on."""
    for number in range(index, len(lines)):
        for tag in LIQUID_TAG.finditer(lines[number], column if number == index else 0):
            if tag[0].startswith("{%") and _liquid_name(tag[0]) == ["endhighlight"]:
                return number, tag
    return None


class _LiquidBlocks(Preprocessor):
    """Jekyll's `{% raw %}` and `{% highlight %}` blocks, before fenced code is found (a document without `{%` pays
    nothing)."""

    def run(self, lines: list[str]) -> list[str]:
        if not any("{%" in line for line in lines):
            return lines
        return _highlights_as_fences(_without_raw_tags("\n".join(lines)).split("\n"))


class _AttrListNotLiquid(AttrListTreeprocessor):
    """`attr_list`, which took a Liquid tag at the end of a block (`{% endraw %}`, `{% include x.html %}`) for the
    block's attributes: the tag went, its words made attributes (`<p _ include x.html>`). `{%` starts no attribute list."""

    BASE_RE = r"\{(?![%" + RAW_MARK + r"])\:?[ ]*([^\}\n ][^\n]*)\}"
    HEADER_RE = re.compile(rf"[ ]+{BASE_RE}[ ]*$")
    BLOCK_RE = re.compile(rf"\n[ ]*{BASE_RE}[ ]*$")
    INLINE_RE = re.compile(rf"^{BASE_RE}")


class LiquidExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.preprocessors.register(_LiquidBlocks(md), "ssg_liquid_blocks", 27)  # after normalize_whitespace (30), before fenced code (25)
        md.treeprocessors.register(_AttrListNotLiquid(md), "attr_list", 8)  # (attr_list's name and place)
