"""What other generators' template code left in an article becomes: Jekyll's Liquid, Hugo's and WordPress's shortcodes.

ssg runs no template language in an article. What needs none is read as its generator reads it: Jekyll's
`{% highlight %}` and `{% raw %}` blocks, Hugo's built-in shortcodes (`figure`, `youtube`, `vimeo`, `highlight`;
`x`, `instagram` and `gist` as links to the post, as ssg downloads nothing), and WordPress's `[caption]`, `[embed]`,
`[video]` and `[audio]`, never in code. Every other tag stays the text it is, and `template_tags` lists those the
rendered body shows, for a warning on their lines. The Markdown renderer registers `ShortcodesExtension`: a document
without `{%`, `{{` or a bracketed WordPress name pays nothing for it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit
from xml.etree.ElementTree import Element, SubElement

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# An HTML tag (`<p>`, `</div>`, `<!-- -->`): a `<` then a letter, `/` or `!`; `{{< youtube x >}}` left in an HTML block
# holds `< youtube x >`, which is none.
HTML_TAG = re.compile(r"<[A-Za-z/!][^>]*>")

# A tag of the template language an archive was written for, left in its text: Hugo's shortcodes ({{< figure >}},
# {{% note %}}) and Jekyll's Liquid ({% include x.html %}, {{ site.baseurl }}), as the rendered HTML shows them.
# A Liquid tag holds no braces: `{{1}, {2}}` in prose (a set, a formula) is none.
LIQUID_TAG = re.compile(r"\{%[^{}]*?%\}|\{\{[^{}]*?\}\}", re.S)
_WIKILINK = re.compile(r"!?\[\[[^\[\]\n]+\]\]")  # Obsidian's `[[Note]]`, `[[Note|text]]`, `![[image.png]]`
_EXTENSION_OF_FILE = re.compile(r"\.[A-Za-z0-9]{2,5}$")
_TEMPLATE_TAG = re.compile(r"\{\{(?:&lt;|%).*?(?:&gt;|%)\}\}|" + LIQUID_TAG.pattern, re.S)
# Obsidian's Templater commands (`<% tp.file.title %>`, `<%* ... %>`) left in a note made from a template, as the
# rendered HTML shows them (escaped): a vault's note showed them as written, without a word.
_TEMPLATER = re.compile(r"&lt;%[-_*+]?[^\n%]*?%&gt;")
# Code in rendered HTML, whose tags are meant as written (and whose `<!--more-->` is no excerpt separator).
CODE = re.compile(r"<pre[ >].*?</pre>|<code[ >].*?</code>", re.S)


def template_tags(body: str) -> list[str]:
    """The Hugo shortcodes and Liquid tags in the text of `body` (HTML), as written, and Obsidian's `[[links]]` and
    `![[embeds]]`: ssg runs no template language in an article, and reads no wikilinks, so a moved archive's (a
    vault's) would show as text where a picture, a note or a link was. Those in code are meant."""
    if "{{" not in body and "{%" not in body and "[" not in body and "&lt;%" not in body:
        return []
    text = HTML_TAG.sub("", CODE.sub("", body))  # (in an attribute, a tag is in a link, which is checked as one)
    hugo = [html.unescape(" ".join(tag.split())) for tag in _TEMPLATE_TAG.findall(text)] if "{" in text else []
    hugo += [html.unescape(tag) for tag in _TEMPLATER.findall(text)] if "&lt;%" in text else []
    return hugo + (wordpress_tags(html.unescape(text)) + _WIKILINK.findall(html.unescape(text)) if "[" in text else [])


def template_kind(tag: str) -> str:
    """What a tag `template_tags` found is, as messages name it: a Hugo shortcode, a WordPress one or a Liquid tag."""
    if tag.startswith("["):
        return "a WordPress shortcode"
    if tag.startswith("<%"):
        return "a Templater command (Obsidian's)"
    return "a Hugo shortcode" if tag.startswith(("{{<", "{{%")) else "a Liquid tag (Jekyll's)"


def left_as_text(tag: str) -> str:
    """Why `tag` (of `template_tags`) shows as text, for its warning: ssg runs no template language, and renders
    Hugo's built-in shortcodes (`_RENDERED`) only in Markdown text (not in an HTML block) and with what they need.
    (Obsidian's links and embeds are the build's to tell: `wikilink_hint`, `embed_hint`.)"""
    if tag.startswith("["):
        return _wp_left_as_text(tag)
    code = _shortcode(tag) if tag.startswith(("{{<", "{{%")) else None
    if code is not None and code.name in _RENDERED:
        needs = _NEEDS.get(code.name, "its parameters")
        return f"{tag} is {template_kind(tag)} ssg renders only in Markdown text (not inside HTML) and with {needs}: here it shows as text"
    return f"{tag} is {template_kind(tag)}, which ssg does not run: it shows as text (write Markdown or HTML in its place)"


def is_wikilink(tag: str) -> bool:
    """Whether a tag of `template_tags` is Obsidian's link to a note (`[[Коммерсантъ]]`, `[[Note|text]]`) or its embed
    (`![[photo.png]]`, `![[Note#Part]]`): told of by the build, which knows whether an article, or a file, has that
    name (`wikilink_hint`, `embed_hint`)."""
    return tag.startswith(("[[", "![["))


def is_file_embed(tag: str) -> bool:
    """Whether Obsidian's tag embeds a file (`![[Pasted image 2024.png|300]]`), not a note."""
    name = wikilink_parts(tag)[0]
    return tag.startswith("!") and _EXTENSION_OF_FILE.search(name) is not None and not name.lower().endswith((".md", ".markdown"))


def embed_hint(tag: str, found: list[str]) -> str:
    """The warning on Obsidian's `![[file]]` left in an article: the Markdown picture of the file of the content
    folder it names (`found`: the paths from the article of those it may name, as Obsidian finds one by its name
    alone, in an attachments folder or any other), else that none has it, or which several do. The path was the
    embed's name alone, as though beside the article: written so, it was the next build's error (a vault's trial)."""
    name = wikilink_parts(tag)[0]
    text = tag.strip("![]").partition("|")[2].strip()
    alt = "" if re.fullmatch(r"\d+(?:x\d+)?", text) else text  # (`|300`: an embed's width, not its text)
    written = [f"<{path}>" if any(char.isspace() for char in path) else path for path in found]
    if not found:
        fix = f"no file of the content folder is named {name!r}: put it there and write ![{alt}](its path from this article)"
    elif len(found) > 1:
        fix = f"{len(found)} files of the content folder are named {name!r}: write ![{alt}](the path of the one meant), as {', '.join(written[:3])}"
    else:
        fix = f"write ![{alt}]({written[0]})"
    return _shown_as_text(tag, fix)


def wikilink_parts(tag: str) -> tuple[str, str, str]:
    """A wikilink's note name, heading (or "") and shown text: `[[Crew note#Landing|the crew]]`."""
    target, _, text = tag.strip("![]").partition("|")
    name, _, heading = target.partition("#")
    return name.strip(), heading.strip(), text.strip() or name.strip()


def wikilink_hint(tag: str, linked: str | None, heading_id: Callable[[str], str] | None = None) -> str:
    """The warning on Obsidian's `[[link]]` left in an article: a link to the article of that name (`linked`, its path
    from the linking article), written as a person writes one (`[Коммерсантъ](../2019/Коммерсантъ.md)`, `<...>` around
    a path with spaces: not %-encoded); else, no article having that name (a vault's note for an outlet or a person),
    the text alone, as the page would show it. A link to a heading of its own article (`[[#Details]]`), the link to its
    id (`heading_id`: the id ssg gives a heading of that text); "no article is named ''" was said of it."""
    name, heading, text = wikilink_parts(tag)
    if not name and heading and heading_id is not None:
        return _shown_as_text(tag, f"write [{text or heading}](#{heading_id(heading)}), a link to its heading")
    if linked is None:
        return _shown_as_text(tag, f"no article is named {name!r}: write {text} as plain text")
    target = linked + (f"#{heading}" if heading else "")
    written = f"<{target}>" if any(char.isspace() for char in target) else target
    return _shown_as_text(tag, f"write [{text}]({written}), a link to its article")


def _shown_as_text(tag: str, fix: str) -> str:
    """The warning on Obsidian's link or embed `tag`, with what to write (`fix`)."""
    return f"{tag} is Obsidian's, which ssg does not read: it shows as text ({fix})"


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
    marked, and without each `{% comment %}` ... `{% endcomment %}` block (the author's note, which Jekyll never shows).
    Wherever they stand, in code too: Jekyll runs Liquid before Markdown, and `{% raw %}{{ x }}{% endraw %}` in a code
    span or block showed `{{ x }}` there. A tag alone on its line goes with the line (a code block would start or end
    with an empty line). `keep_tags`: only marked, each line where it was (see `raw_text_marked`)."""
    parts, done, opened = [], 0, None
    for tag in LIQUID_TAG.finditer(text):
        name = _liquid_name(tag[0]) if tag[0].startswith("{%") else None
        if opened is None and name in (["raw"], ["comment"]):
            opened = (name[0], tag.span() if keep_tags else _with_line(text, tag))
        elif opened is not None and name == ["end" + opened[0]]:
            closed = tag.span() if keep_tags else _with_line(text, tag)
            between = text[opened[1][1] : closed[0]].replace("{%", "{" + RAW_MARK + "%").replace("{{", "{" + RAW_MARK + "{")
            if opened[0] == "comment" and not keep_tags:
                between = ""
            parts += [text[done : opened[1][1] if keep_tags else opened[1][0]], between]
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
    """`lines` with each `{% highlight LANG %}` ... `{% endhighlight %}` and `{{< highlight LANG >}}` ... `{{< /highlight
    >}}` (the first tag at the start of a line outside fenced code) as a fenced code block, without the blank lines
    Jekyll and Hugo strip around the code."""
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
    """The fenced code block for a highlight block that starts at `lines[index]`, and the index of the line
    after it; None if none starts there (or it has no end)."""
    line = lines[index]
    indent = len(line) - len(line.lstrip(" "))
    start = _BLOCK_TAG.match(line, indent) if indent <= 3 and line.startswith(("{%", "{{<", "{{%"), indent) else None
    words = tag_words(start[0]) if start else []
    end = (
        _end_tag(lines, index, start.end(), "endhighlight" if line.startswith("{%", indent) else "/highlight")
        if words[:1] == ["highlight"]
        else None
    )
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
    pad = " " * indent  # (in a list item, at its text: the fence stays in the item, as the block did)
    if pad and any(text.strip() and not text.startswith(pad) for text in code):
        code = [pad + text if text.strip() else text for text in code]  # (code at the margin: as written, under the fence)
    return ["", pad + ticks + lang, *code, pad + ticks, "", lines[last][tag.end() :]], last + 1


def _end_tag(lines: list[str], index: int, column: int, name: str) -> tuple[int, re.Match[str]] | None:
    """The line and the match of the first end tag `name` (`{% endhighlight %}`, `{{< /highlight >}}`) from `column` of
    `lines[index]` on."""
    for number in range(index, len(lines)):
        for tag in _BLOCK_TAG.finditer(lines[number], column if number == index else 0):
            if tag_words(tag[0]) == [name]:
                return number, tag
    return None


def tag_words(tag: str) -> list[str]:
    """The name and positional arguments of a Liquid tag or a shortcode."""
    if tag.startswith("{%"):
        return _liquid_name(tag)
    code = _shortcode(tag)
    return [code.name, *code.positional] if code else []


def linked_article(tag: str) -> str | None:
    """The article file a link's template tag names (`tag_words`' tag): Hugo's `ref` and `relref` (`"x.md"`, or
    `path="x.md"`), Jekyll's `post_url` (`2018-12-03-name`) and `link` (a path from the site's root,
    `_posts/2021-03-06-name.md`); None for another tag."""
    if tag.startswith("{%"):
        words = _liquid_name(tag)
        return words[1] if words[:1] in (["post_url"], ["link"]) and len(words) > 1 else None
    code = _shortcode(tag)
    return (code.get("path", 0) or None) if code and code.name in ("ref", "relref") else None


# Hugo's shortcodes: `{{< name params >}}`, and `{{% name params %}}`, whose output Hugo reads as Markdown (for the
# built-in ones ssg renders, the same). Parameters are positional or named (`key=value`), quoted with "", '' or ``.
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|`[^`]*`'
_INSIDE = rf"(?:{_QUOTED}|[^\"'`])*?"
SHORTCODE = re.compile(rf"\{{\{{<({_INSIDE})>\}}\}}|\{{\{{%({_INSIDE})%\}}\}}", re.S)
_BLOCK_TAG = re.compile(rf"{SHORTCODE.pattern}|{LIQUID_TAG.pattern}", re.S)  # (a shortcode first: `{{< x >}}` is no Liquid)
_PARAMETER = re.compile(rf"\s*(?:([\w-]+)\s*=\s*)?({_QUOTED}|[^\s\"'`=]+)", re.S)
# Hugo's way to show a shortcode as text: `{{</* figure src="x" */>}}` shows `{{< figure src="x" >}}`, in code too (a
# post about Hugo writes it there), marked as `{% raw %}` text is.
_ESCAPED = re.compile(r"\{\{([<%])\s*/\*(.*?)\*/\s*([>%])\}\}", re.S)
# A code span or a shortcode, whichever starts first: a shortcode in a code span is meant as written (`` `{{< x >}}` ``),
# and a `` `value` `` quoted in a shortcode is no code span.
_SPAN_OR_SHORTCODE = re.compile(rf"(?<!\\)(`+).+?(?<!`)\1(?!`)|({SHORTCODE.pattern})", re.S)


@dataclass(frozen=True)
class _Shortcode:
    name: str
    positional: tuple[str, ...]
    named: dict[str, str]

    def get(self, key: str, position: int | None = None) -> str:
        """The parameter named `key`, or else the one at `position`; "" without either."""
        if key in self.named:
            return self.named[key]
        return self.positional[position] if position is not None and position < len(self.positional) else ""


def _shortcode(tag: str) -> _Shortcode | None:
    """`tag` (`{{< figure src="x.jpg" >}}`) read, or None if it is no shortcode Hugo would read."""
    match = SHORTCODE.fullmatch(tag)
    inside = (match[1] if match[1] is not None else match[2]).strip() if match else ""
    values = _parameters(inside)
    if not values or values[0][0] is not None:
        return None
    return _Shortcode(values[0][1], tuple(v for k, v in values[1:] if k is None), {k: v for k, v in values[1:] if k is not None})


def _parameters(inside: str) -> list[tuple[str | None, str]] | None:
    """The parameters of a shortcode's tag (Hugo's and WordPress's read alike: `key="value"`, `key=value`, `"value"`),
    each (its name or None, its value unquoted); None where they are no parameters. A tag may close itself (`/`)."""
    inside = inside.removesuffix("/").rstrip()
    values: list[tuple[str | None, str]] = []
    position = 0
    while position < len(inside):
        found = _PARAMETER.match(inside, position)
        if found is None:
            return None
        values.append((found[1], _unquoted(found[2])))
        position = found.end()
    return values


def _unquoted(value: str) -> str:
    if value[:1] == '"':
        return value[1:-1].replace('\\"', '"')
    return value[1:-1] if value[:1] in ("'", "`") else value


def _figure(code: _Shortcode, md: markdown.Markdown) -> Element | None:
    """Hugo's `figure`: the picture (linked with `link`), and a caption of its `title` (a heading, as Hugo writes it),
    `caption` and `attr` (their Markdown read). The picture's path is read as a Markdown image's: ssg copies the file
    from content/ and checks it. Its `alt` is the caption's text without one (Hugo's), or the title's."""
    src = code.get("src")
    if not src:
        return None
    figure = Element("figure", {"class": code.get("class")} if code.get("class") else {})
    holder = figure
    if code.get("link"):
        holder = SubElement(figure, "a", {"href": code.get("link")} | {key: code.get(key) for key in ("target", "rel") if code.get(key)})
    title, caption, attr, attrlink = code.get("title"), code.get("caption"), code.get("attr"), code.get("attrlink")
    from .markdown import inline_text  # (markdown.py registers this module: imported once it is loaded)

    alt = code.get("alt") or inline_text(caption) or title
    SubElement(holder, "img", {"src": src, "alt": alt} | {key: code.get(key) for key in ("width", "height", "loading") if code.get(key)})
    if title or caption or attr:
        figcaption = SubElement(figure, "figcaption")
        if title:  # (as HTML, for the table of contents and the headings' ids to leave it out)
            figcaption.text = md.htmlStash.store(f"<h4>{html.escape(title)}</h4>")
        if caption or attr:
            text = SubElement(figcaption, "p")
            text.text = " ".join(filter(None, [caption, "" if attrlink else attr]))
            if attr and attrlink:
                text.text += " " if caption else ""
                SubElement(text, "a", {"href": attrlink}).text = attr
    return figure


_VIDEO_ID = re.compile(r"[\w-]+")
_PLAYER = {
    "allow": "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share",
    "allowfullscreen": "allowfullscreen",
    "loading": "lazy",
    "referrerpolicy": "strict-origin-when-cross-origin",
    "style": "width: 100%; height: auto; aspect-ratio: 16 / 9; border: 0",  # (the theme's CSS keeps it within the page)
}


def _player(src: str, title: str, css_class: str) -> Element:
    box = Element("div", {"class": f"video {css_class}".strip()})
    SubElement(box, "iframe", {"src": src, "title": title, **_PLAYER})
    return box


def _youtube(code: _Shortcode, md: markdown.Markdown) -> Element | None:
    """Hugo's `youtube`: the player, from youtube-nocookie.com (YouTube's own host that sets no cookie before play)."""
    video = code.get("id", 0)
    if not _VIDEO_ID.fullmatch(video):
        return None
    query = {key: code.get(key) for key in ("start", "end") if code.get(key).isdigit()}
    query |= {key: "1" for key in ("autoplay", "mute", "loop") if _true(code.get(key))}
    query |= {"mute": "1"} if "autoplay" in query else {}  # (as Hugo: browsers play only a muted video by itself)
    query |= {"playlist": video} if "loop" in query else {}  # (YouTube loops a playlist, of this one video)
    query |= {"controls": "0"} if code.get("controls").lower() == "false" else {}
    src = f"https://www.youtube-nocookie.com/embed/{video}" + (f"?{urlencode(query)}" if query else "")
    return _player(src, code.get("title") or "YouTube video", code.get("class"))


def _vimeo(code: _Shortcode, md: markdown.Markdown) -> Element | None:
    """Hugo's `vimeo`: the player, told not to track the reader (`dnt=1`)."""
    video = code.get("id", 0)
    if not _VIDEO_ID.fullmatch(video):
        return None
    return _player(f"https://player.vimeo.com/video/{video}?dnt=1", code.get("title") or "Vimeo video", code.get("class"))


def _true(value: str) -> bool:
    return value.lower() in ("true", "1")


# Hugo fetches a post's text for these at build time. ssg downloads nothing (a build reads only the project: it is the
# same offline, and tells no service who builds when), so the post is a link to it, quoted as the embed stood there.
# No warning: the link is what the reader can follow, and nothing in the article would make it better.
_USER = re.compile(r"\w+")
_POST_ID = re.compile(r"\d+")


def _x_post(code: _Shortcode, md: markdown.Markdown) -> Element | None:
    """Hugo's `x`, and `twitter` and `tweet` before it: `user` and `id`, or the `id` alone of older archives."""
    both = len(code.positional) > 1
    user, post = code.get("user", 0 if both else None), code.get("id", 1 if both else 0)
    if not _POST_ID.fullmatch(post) or user and not _USER.fullmatch(user):
        return None
    return _post_link(f"https://x.com/{user}/status/{post}" if user else f"https://x.com/i/web/status/{post}")


def _instagram(code: _Shortcode, md: markdown.Markdown) -> Element | None:
    post = code.get("id", 0)
    return _post_link(f"https://www.instagram.com/p/{post}/") if _VIDEO_ID.fullmatch(post) else None


def _gist(code: _Shortcode, md: markdown.Markdown) -> Element | None:
    """Hugo's `gist`: user, id and a file of the gist (GitHub's anchor for it: `file-` and its name, each run of other
    characters than letters and digits a hyphen)."""
    user, gist, file = code.get("user", 0), code.get("id", 1), code.get("file", 2)
    if not _VIDEO_ID.fullmatch(user) or not _USER.fullmatch(gist):
        return None
    anchor = "#file-" + re.sub(r"[^a-z0-9]+", "-", file.lower()) if file else ""
    return _post_link(f"https://gist.github.com/{user}/{gist}{anchor}")


def _post_link(url: str) -> Element:
    quote = Element("blockquote", {"class": "embed"})
    SubElement(SubElement(quote, "p"), "a", {"href": url}).text = AtomicString(url)
    return quote


# What each of `_RENDERED` cannot be made without, as its warning names it.
_NEEDS = {
    "figure": "a src",
    "youtube": "a video id (the letters after v= in its link)",
    "vimeo": "a video id (the number in its link)",
    "x": "a post's numeric id",
    "twitter": "a post's numeric id",
    "tweet": "a post's numeric id",
    "instagram": "a post's id",
    "gist": "a user and a gist id",
}
_RENDERED: dict[str, Callable[[_Shortcode, markdown.Markdown], Element | None]] = {
    "figure": _figure,
    "youtube": _youtube,
    "vimeo": _vimeo,
    "x": _x_post,
    "twitter": _x_post,
    "tweet": _x_post,
    "instagram": _instagram,
    "gist": _gist,
}


def _rendered(text: str, md: markdown.Markdown) -> list[str | Element] | None:
    """`text` (of the Markdown tree, before its inline Markdown is read) cut at each shortcode ssg renders, with what it
    renders between the pieces; None without one."""
    if "{{" not in text or isinstance(text, AtomicString):
        return None
    pieces: list[str | Element] = []
    done = 0
    for found in _SPAN_OR_SHORTCODE.finditer(text):
        code = _shortcode(found[2]) if found[2] else None
        made = _RENDERED[code.name](code, md) if code and code.name in _RENDERED else None
        if made is not None:
            pieces += [text[done : found.start()], made]
            done = found.end()
    return [*pieces, text[done:]] if pieces else None


class _HugoShortcodes(Treeprocessor):
    """The shortcodes ssg renders, Hugo's and WordPress's, in the text of the Markdown tree before its inline Markdown
    is read (so a figure's caption is read as Markdown, and its picture's path as an image's); not in code."""

    def __init__(self, md: markdown.Markdown, found: ShortcodesExtension):
        super().__init__(md)
        self.found = found

    def run(self, root: Element) -> None:
        if self.found.hugo:
            _render_in_tree(root, lambda text: _rendered(text, self.md))
        if self.found.wordpress:
            _render_in_tree(root, lambda text: _wp_rendered(text, self.md))


def _render_in_tree(root: Element, rendered: Callable[[str], list[str | Element] | None]) -> None:
    """Each text of the tree (not in code) cut where `rendered` makes an element of a shortcode: a paragraph of
    shortcodes and text is cut around them; elsewhere (an item, a cell) they stand in the text."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        if element.tag in ("pre", "code"):
            continue
        if element.text and (pieces := rendered(element.text)):
            if element.tag == "p" and not len(element) and element in parents:
                _replace_paragraph(parents[element], element, pieces)
                continue
            element.text = pieces[0]
            _insert(element, 0, pieces)
        for index, child in reversed(list(enumerate(element))):
            if child.tail and (pieces := rendered(child.tail)):
                child.tail = pieces[0]
                _insert(element, index + 1, pieces)


def _insert(parent: Element, index: int, pieces: list[str | Element]) -> None:
    """Put the elements of `pieces` (text, element, text, ...: the first text already in place) into `parent` from
    `index` on, each followed by its text."""
    for offset, (made, after) in enumerate(zip(pieces[1::2], pieces[2::2], strict=True)):
        made.tail = after  # type: ignore[union-attr]
        parent.insert(index + offset, made)  # type: ignore[arg-type]


def _replace_paragraph(parent: Element, paragraph: Element, pieces: list[str | Element]) -> None:
    """`paragraph` in `parent` as the paragraphs of its text between the elements of `pieces`, and these."""
    blocks = []
    for piece in pieces:
        if not isinstance(piece, str):
            blocks.append(piece)
        elif piece.strip():
            blocks.append(Element("p"))
            blocks[-1].text = piece.strip()
    index = list(parent).index(paragraph)
    parent.remove(paragraph)
    for offset, block in enumerate(blocks):
        parent.insert(index + offset, block)


# WordPress's shortcodes, as converters of its export leave them in the text (`[caption ...]<img ...> Text[/caption]`;
# lezoo's wordpress-export-to-markdown escapes the brackets: `\[caption ...\]`). A bracket is Markdown's too (`[1]`,
# `[Фото]`, a link's text, `[^1]`, `[x]`): only a name of WordPress's core and of its common plugins (`_WP_NAMES`,
# `_WP_PREFIXES`) is one, or `[name key="value"]` closed by `[/name]` further on. Those that need nothing of the old site
# render as WordPress renders them (`_WP_RENDERED`); the rest stay text, for `template_tags` to warn of.
_WP_NAMES = frozenset(
    (
        *("caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"),  # core
        *("contact-form-7", "contact-form", "gravityform", "gravityforms", "wpforms", "ninja_form", "ninja_forms"),  # forms
        *("fluentform", "formidable", "mc4wp_form", "yikes-mailchimp", "simple-contact-form"),
        *("youtube", "vimeo", "soundcloud", "tweet", "googlemaps", "slideshow", "wpvideo", "recipe", "polldaddy"),  # Jetpack's
        *("pdf-embedder", "pdfjs-viewer", "embeddoc", "metaslider", "smartslider3", "rev_slider", "envira-gallery"),
        *("foogallery", "ngg", "nggallery", "ngg_images", "table", "wpdatatable", "tablepress", "su_button", "su_spoiler"),
    )
)
_WP_PREFIXES = ("vc_", "et_pb_", "fusion_", "su_", "av_", "cs_")  # page builders' (WPBakery, Divi, Avada, Shortcodes Ultimate, ...)
_WP_ATTRIBUTES = r"(?:[^\[\]\"'\\]|\\[^\[\]]|\"[^\"]*\"|'[^']*')*"
_WP_OPENING = re.compile(rf"\\?\[([A-Za-z][\w-]*)(\s{_WP_ATTRIBUTES})?\\?\]")
_WP_KEY_VALUE = re.compile(r"[\w-]+=(?:\"[^\"]*\"|'[^']*')")  # `[name key="value"]`: one of these makes a bracket a shortcode
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")  # what lezoo (turndown) escapes in text: `attachment\_105`
# A code span or a WordPress shortcode, whichever starts first: one in a code span is meant as written.
_SPAN_OR_WP = re.compile(rf"(?<!\\)(`+).+?(?<!`)\1(?!`)|({_WP_OPENING.pattern})", re.S)
# `[caption]`'s content: the picture (an `<img>` or a Markdown image, maybe in a link), then its caption.
_CAPTIONED = re.compile(
    r"\s*(?P<picture><a\b[^>]*>\s*<img\b[^>]*>\s*</a>|<img\b[^>]*>|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\))",
    re.I,
)


def markdown_unescaped(text: str) -> str:
    """`text` without Markdown's backslash escapes, as its rendered text shows it."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text) if "\\" in text else text


def is_wordpress_name(name: str) -> bool:
    """Whether `[name]` is a shortcode of WordPress or of one of its common plugins, not a bracket of Markdown."""
    return name in _WP_NAMES or name.startswith(_WP_PREFIXES)


def _wp_shortcode(name: str, inside: str | None) -> _Shortcode | None:
    """`[name inside]` read as WordPress reads its attributes (`key="value"`, `key=value`, `"value"`), lezoo's Markdown
    escapes (`attachment\\_105`) undone; None where they are no attributes."""
    values = _parameters(markdown_unescaped(inside or "").strip())
    if values is None:
        return None
    return _Shortcode(name, tuple(v for k, v in values if k is None), {k.lower(): v for k, v in values if k is not None})


def _wp_caption(code: _Shortcode, content: str, md: markdown.Markdown) -> Element | None:
    """WordPress's `[caption]`: a figure of the picture that opens its content (an `<img>`, or a Markdown image; in a
    link too) and of the rest, its caption (or its `caption` attribute), each read as inline Markdown and HTML later."""
    picture = _CAPTIONED.match(content)
    if picture is None:
        return None
    caption = code.get("caption") or content[picture.end() :].strip()  # (WordPress's order: the attribute, where it is set)
    align = code.get("align")
    figure = Element("figure", {"class": f"wp-caption {align}" if re.fullmatch(r"align\w+", align) else "wp-caption"})
    figure.text = picture["picture"]
    if caption:
        SubElement(figure, "figcaption").text = caption
    return figure


_YOUTUBE_URL = re.compile(
    r"https?://(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/|live/)|youtu\.be/)([\w-]+)"
)
_VIMEO_URL = re.compile(r"https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(\d+)")


def _wp_embed(code: _Shortcode, content: str, md: markdown.Markdown) -> Element | None:
    """WordPress's `[embed]URL[/embed]` (and Jetpack's `[youtube URL]`, `[vimeo URL]`): a YouTube or Vimeo video as
    ssg renders Hugo's `youtube` and `vimeo`; another URL as a link to it, as Hugo's `x` is (WordPress asked the
    service for the post's HTML; ssg downloads nothing)."""
    url = markdown_unescaped(content.strip() or code.get("url", 0)).strip("<> \n")
    if not _WEB_URL.fullmatch(url):
        return None
    if video := _YOUTUBE_URL.match(url):
        start = re.search(r"[?&#](?:t|start)=(\d+)s?(?:&|$)", url)
        return _youtube(_Shortcode("youtube", (video[1],), {"start": start[1]} if start else {}), md)
    if video := _VIMEO_URL.match(url):
        return _vimeo(_Shortcode("vimeo", (video[1],), {}), md)
    return _post_link(url)


_WEB_URL = re.compile(r"https?://[^\s<>\"]+")
_MEDIA_CONTENT = re.compile(r"(?:https?://[^\s<>\"]+|(?:<track\b[^>]*>\s*)+)")  # what a player's shortcode may hold: its file
_MEDIA_KEYS = {
    "video": ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"),
    "audio": ("src", "mp3", "m4a", "ogg", "oga", "wav", "wma", "flac"),
}


def _wp_media(code: _Shortcode, content: str, md: markdown.Markdown) -> Element | None:
    """WordPress's `[video]` and `[audio]`: the player of its file (`src`, or the key of its format: `mp4="..."`), with
    a link to the file for a browser that plays none. A path is read as a link's (`/wp-content/uploads/...` from the
    site's root, in static/; `clip.mp4` beside the article), so the file is copied and checked as a link's is."""
    src = next((code.get(key) for key in _MEDIA_KEYS[code.name] if code.get(key)), "") or markdown_unescaped(content.strip())
    if not src or any(c.isspace() for c in src) or _scheme(src) not in ("", "http", "https"):
        return None
    link = getattr(md, "ssg_refs", None)  # (the renderer's links: their markers are made URLs when the page is written)
    attributes = {"controls": "controls", "preload": code.get("preload") or ("metadata" if code.name == "video" else "none")}
    attributes |= {key: code.get(key) for key in ("poster", "width", "height") if code.name == "video" and code.get(key)}
    attributes |= {key: key for key in ("loop", "autoplay", "muted") if _true(code.get(key)) or code.get(key) == "on"}
    attributes["src"] = src
    if link is not None:
        attributes |= {key: link.rewrite(attributes[key]) for key in ("src", "poster") if key in attributes}
    player = Element(code.name, attributes)
    SubElement(player, "a", {"href": attributes["src"]}).text = AtomicString(src.rsplit("/", 1)[-1] or src)
    return player


def _scheme(url: str) -> str | None:
    """`url`'s scheme ("" for a path); None for what urlsplit refuses (a host in brackets that is no IP address,
    `http://[site]/v.mp4`, a template's), which stopped the build on its ValueError traceback: no file to play."""
    try:
        return urlsplit(url).scheme
    except ValueError:
        return None


_WP_RENDERED: dict[str, Callable[[_Shortcode, str, markdown.Markdown], Element | None]] = {
    "caption": _wp_caption,
    "wp_caption": _wp_caption,
    "embed": _wp_embed,
    "youtube": _wp_embed,
    "vimeo": _wp_embed,
    "video": _wp_media,
    "audio": _wp_media,
}
# Whether a document (its lines joined) may hold a shortcode of those, on one of its lines: `[` and the name, then white
# space (not a line's end), a `\\` or a `]` (a document without one takes no step). Without the backslash that may
# escape the `[`, where the bracket after it is found alone: with it, the expression could not start at each bracket
# alone, and was tried at every character of every line with a link (2% of an article's reading).
_WP_RENDERED_IN_LINES = re.compile(rf"\[(?:{'|'.join(_WP_RENDERED)})(?:[^\S\n]|[\\\]])")
_WP_ENCLOSING = frozenset(("caption", "wp_caption", "embed"))  # what these render is their content: no end tag, no render


def _wp_rendered(text: str, md: markdown.Markdown) -> list[str | Element] | None:
    """`text` (of the Markdown tree, before its inline Markdown is read) cut at each WordPress shortcode ssg renders
    (with its content and end tag), with what it renders between the pieces; None without one."""
    if "[" not in text or isinstance(text, AtomicString):
        return None
    pieces: list[str | Element] = []
    done, position = 0, 0
    while found := _SPAN_OR_WP.search(text, position):
        position = found.end()
        name = found[3]
        if not found[2] or name not in _WP_RENDERED or found.start() < done:
            continue
        end = re.compile(rf"\\?\[/{re.escape(name)}\\?\]").search(text, found.end())
        again = re.compile(rf"\\?\[{re.escape(name)}[\s\\\]]").search(text, found.end())
        if end is not None and again is not None and again.start() < end.end():
            end = None  # (that end closes a later one: this one closes itself, `[video src=...]`)
        if end is None and name in _WP_ENCLOSING:
            continue
        code = _wp_shortcode(name, found[4])
        content = text[found.end() : end.start()] if end else ""
        if name in _MEDIA_KEYS and content.strip() and not _MEDIA_CONTENT.fullmatch(content.strip()):
            end, content = None, ""  # (text between [video src=...] and a [/video]: the text's, not the player's)
        made = _WP_RENDERED[name](code, content, md) if code else None
        if made is not None:
            pieces += [text[done : found.start()], made]
            done = position = end.end() if end else found.end()
    return [*pieces, text[done:]] if pieces else None


def wordpress_tags(text: str) -> list[str]:
    """The WordPress shortcodes in `text` (the rendered body's, without HTML and code), their opening tags as written:
    a name of WordPress's or its plugins', or `[name key="value"]` closed by a `[/name]` further on."""
    found = []
    for tag in _WP_OPENING.finditer(text):
        name, inside = tag[1], tag[2] or ""
        if is_wordpress_name(name) or _WP_KEY_VALUE.search(inside) and f"[/{name}]" in text[tag.end() :]:
            found.append(" ".join(tag[0].split()))
    return found


# What to write in place of a WordPress shortcode ssg does not render, by its name (`left_as_text`).
_WP_FIXES = {
    "gallery": "its ids name the old site's attachments, which the export does not hold: write the images in its place as Markdown, "
    "one ![alt](images/x.jpg) a line",
    "caption": "ssg renders [caption] around an image, <img> or ![alt](src), followed by its caption, in one paragraph: "
    "write it so, or the image and its caption as Markdown",
    "embed": "write the video's or post's URL between [embed] and [/embed]",
    "video": "write [video src=\"https://...\"] with the file's URL or its path from the site's root, or a <video> element",
    "audio": "write [audio src=\"https://...\"] with the file's URL or its path from the site's root, or an <audio> element",
    "playlist": "write a link to each file, or an <audio> or <video> element each",
    "youtube": "write [embed]https://www.youtube.com/watch?v=...[/embed] with the video's link",
    "vimeo": "write [embed]https://vimeo.com/...[/embed] with the video's link",
}


def _wp_left_as_text(tag: str) -> str:
    name = _WP_OPENING.match(tag)[1]  # type: ignore[index]  (`wordpress_tags` found it so)
    fix = _WP_FIXES.get("caption" if name == "wp_caption" else name)
    if fix is None and "form" in name:  # (contact-form-7, gravityform, wpforms, ...)
        fix = "a static site cannot send a form: write how to reach you, an e-mail address or a link to a form service"
    return f"{tag} is WordPress's, which ssg does not run: it shows as text ({fix or 'write Markdown or HTML in its place'})"


# Hugo's paired shortcodes that hold Markdown: `comment` (its text is the author's note, never shown) and `details`
# (a disclosure box: `summary`, `open`).
_PAIRED = re.compile(r"(\{\{[<%]\s*(comment|details)\b.*?[>%]\}\})(.*?)\{\{[<%]\s*/\2\s*[>%]\}\}", re.S)


def _paired_blocks(text: str) -> str:
    """`text` with each of Hugo's `comment` blocks left out, as Hugo leaves it out of the page (it stays in the file),
    and each `details` block as the `<details>` Hugo makes, its Markdown read (`markdown="1"`, md_in_html)."""

    def made(found: re.Match[str]) -> str:
        if found[2] == "comment":
            return ""
        code = _shortcode(found[1])
        summary = html.escape(code.get("summary") if code and code.get("summary") else "Details")
        opened = " open" if code and _true(code.get("open")) else ""
        return f'\n\n<details markdown="1"{opened}>\n<summary markdown="span">{summary}</summary>\n\n{found[3].strip()}\n\n</details>\n\n'

    return _PAIRED.sub(made, text)


# A shortcode as an HTML attribute's value, as Hugo's docs write a link (`<a href="{{< ref "x.md" >}}">`): its own
# quotes end the attribute, and its `<` is none Markdown reads in a tag, so the tag showed as text and its `</a>` was
# "closing nothing".
_IN_ATTRIBUTE = re.compile(r'(<[a-zA-Z][^<>\n]*?\s(?:href|src)\s*=\s*)"(\{\{<[^\n]*?>\}\}|\{\{%[^\n]*?%\}\})"')


# A shortcode's opening left open at the end of its line (`{{< figure`, its parameters on the lines below, as Hugo reads
# them): Markdown read the lines as a paragraph and `>}}` as a quote, and the figure showed as text.
_OPEN_AT_END = re.compile(r"\{\{(?:<(?:(?!>\}\})[^\n])*|%(?:(?!%\}\})[^\n])*)$", re.M)
_MOST_LINES = 20  # (a shortcode's parameters: a figure's are a handful; an opening never closed is no shortcode)


def _in_fences(lines: list[str]) -> list[bool]:
    """Whether each line is fenced code (` ``` ` or `~~~`, the fences too), where a Liquid tag or shortcode is text."""
    marks = []
    fence = ""
    for line in lines:
        opening = _FENCE.match(line)
        marks.append(bool(fence or opening))
        if fence:
            if opening and opening[1].startswith(fence) and not line.strip().strip(fence[0]):  # (its closing fence)
                fence = ""
        elif opening:
            fence = opening[1]
    return marks


def _shortcodes_on_one_line(lines: list[str]) -> list[str]:
    """`lines` with each shortcode written over several lines joined into one (its parameters' lines in one line, as
    written, separated by spaces), as Hugo reads it: not in code, and not across a blank line."""
    out: list[str] = []
    code = _in_fences(lines)
    at = 0
    while at < len(lines):
        line = lines[at]
        at += 1
        if not code[at - 1] and (open_ := _OPEN_AT_END.search(line)) and not line[: open_.start()].count("`") % 2:
            closer = ">}}" if open_[0][2] == "<" else "%}}"
            end = next((n for n in range(at, min(at + _MOST_LINES, len(lines))) if closer in lines[n] or not lines[n].strip()), None)
            if end is not None and lines[end].strip():
                line = " ".join([line.rstrip(), *(part.strip() for part in lines[at : end + 1])])
                at = end + 1
        out.append(line)
    return out


def _attribute_shortcodes_escaped(lines: list[str]) -> list[str]:
    """`lines` with each shortcode written as an attribute's value escaped as one (`href="{{&lt; ref &quot;x.md&quot;
    &gt;}}"`): the tag is then HTML, and its link one to a file named as the shortcode, which the build's check of
    links names with the file to link, as it names a Markdown link's `({{< ref "x.md" >}})`. Not in code."""
    return [
        line
        if code or line.startswith(("    ", "\t"))
        else _IN_ATTRIBUTE.sub(lambda m: m[0] if m.string[: m.start()].count("`") % 2 else f'{m[1]}"{html.escape(m[2])}"', line)
        for line, code in zip(lines, _in_fences(lines), strict=True)
    ]


class _TemplateBlocks(Preprocessor):
    """Before fenced code is found: Jekyll's `{% raw %}` blocks, Hugo's escaped shortcodes, and both's highlight blocks
    (a document without `{%` or `{{` pays nothing); notes whether a shortcode is left for `_HugoShortcodes`."""

    def __init__(self, md: markdown.Markdown, found: ShortcodesExtension):
        super().__init__(md)
        self.found = found

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)  # (what no line holds the text does not: none of these strings holds a line's end)
        liquid, hugo = "{%" in text, "{{" in text
        self.found.hugo = False
        self.found.wordpress = "[" in text and _WP_RENDERED_IN_LINES.search(text) is not None
        if not liquid and not hugo:
            return lines
        if liquid:
            text = _without_raw_tags(text)
        if hugo and "/*" in text:
            text = _ESCAPED.sub(lambda m: f"{{{RAW_MARK}{{{RAW_MARK}{m[1]}{m[2]}{m[3]}}}}}", text)  # (`{%`, too, is no tag)
        if hugo and ("comment" in text or "details" in text):
            text = _paired_blocks(text)
        self.found.hugo = "{{<" in text or "{{%" in text
        if self.found.hugo and _OPEN_AT_END.search(text):
            text = "\n".join(_shortcodes_on_one_line(text.split("\n")))
        if self.found.hugo and "=" in text and _IN_ATTRIBUTE.search(text):
            text = "\n".join(_attribute_shortcodes_escaped(text.split("\n")))
        return _highlights_as_fences(text.split("\n")) if liquid or self.found.hugo else text.split("\n")


_KRAMDOWN_TOC = re.compile(r"[ ]{0,3}\{:\s*toc\s*\}\s*")
_ITEM = re.compile(r"[ ]{0,3}(?:[*+-]|\d+[.)])[ \t]+\S")
_KRAMDOWN_ATTRIBUTES = re.compile(r"[ ]{0,3}\{:\s*[.#][^{}]*\}\s*")  # (`{: .class}`, `{: #id .class}`)


class _KramdownToc(Preprocessor):
    """Jekyll's (kramdown's) table of contents, a one-item list followed by `{:toc}` (`* TOC` then `{:toc}`), as the
    `[TOC]` Python-Markdown's toc extension fills in: it showed as a list with one item, the word "TOC". And
    kramdown's attributes of a table, the line after its last row (`{: .data-table}`), which became a row of the table:
    left out (a class of the old site's stylesheet). Not in fenced code."""

    def run(self, lines: list[str]) -> list[str]:
        if not any("{:" in line and (_KRAMDOWN_TOC.fullmatch(line) or _KRAMDOWN_ATTRIBUTES.fullmatch(line)) for line in lines):
            return lines
        out: list[str] = []
        for line, code in zip(lines, _in_fences(lines), strict=True):
            if not code and _KRAMDOWN_TOC.fullmatch(line) and out and _ITEM.match(out[-1]):
                out[-1] = "[TOC]"
                continue
            if not code and _KRAMDOWN_ATTRIBUTES.fullmatch(line) and out and out[-1].lstrip().startswith("|"):
                continue
            out.append(line)
        return out


class ShortcodesExtension(Extension):
    """Jekyll's Liquid blocks and Hugo's shortcodes as ssg reads them."""

    hugo = False  # whether the document being read holds a shortcode (set by `_TemplateBlocks`, for `_HugoShortcodes`)
    wordpress = False  # and whether it may hold one of WordPress's (a bracketed name)

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.preprocessors.register(
            _TemplateBlocks(md, self), "ssg_template_blocks", 27
        )  # after normalize_whitespace (30), before fenced code (25)
        md.preprocessors.register(_KramdownToc(md), "ssg_kramdown_toc", 28)
        md.treeprocessors.register(_HugoShortcodes(md, self), "ssg_shortcodes", 30)  # before task-list (25) and inline (20)
