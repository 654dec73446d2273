"""What each output file is made from, as one hash: equal fingerprints, equal files.

A page's fingerprint covers the build-wide inputs (config, interface strings, each language's
feed), its templates, its `deps`, and what it reads from the shared context: the latest list,
the tags of the articles it shows, the URLs its article's body links to. Feeds and the sitemap get
fingerprints too, so an unchanged one is kept without being made again.

Computed for every page of every build, so this is one of the hot loops of a rebuild: parts shared
by many pages (the latest list, an article's tags) are turned into text once per build.
"""

from __future__ import annotations

import hashlib
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from itertools import chain, compress, repeat
from operator import attrgetter, is_, is_not
from typing import Any, NamedTuple

import jinja2
import jinja2.meta

from . import sitemap
from .content import Article, StandalonePage
from .feeds import Feed
from .load import is_editor_file
from .pages import ArticleLink, Page
from .printmemo import PrintMemo, Shared, signatures
from .reach import marks as reach_marks
from .site import Site
from .theme import CARD_TEMPLATE, OTHER_SUFFIXES, REFERRING, TEMPLATE_SUFFIXES, Theme, template_names, written_name

# What of an article the sitemap never shows. Everything else counts, new fields included.
TEXT_FIELDS = frozenset({"key", "title", "summary", "source", "rights", "image", "extra", "article_links", "files", "aliases"})
SITEMAP_FIELDS = tuple(f.name for f in fields(Article) if f.name not in TEXT_FIELDS)
_STRUCTURE = attrgetter(*SITEMAP_FIELDS)
_SOURCE_PATH = attrgetter("source_path")
_KEY = attrgetter("key")
_KIND_PATH = attrgetter("kind", "path")
_PATH, _TEMPLATE = attrgetter("path"), attrgetter("template")
_PRINT_MADE, _PAGE_MADE = operator.itemgetter(1), operator.itemgetter(2)  # of what `Fingerprints` made of a page
_NOT_MADE = ((), "", None)  # (what a page the last build did not make is taken for by `Fingerprints.pages`)
_SIGNATURE = operator.itemgetter(0)  # of a memo's entry (`printmemo.PrintMemo`)
_NO_SIGNATURE = (object(), "")  # (what a page the memo has not is taken for: a signature equal to none)


# Among a template's names: it reads a `count` (a tag's or an outlet's, shown by their indexes), which deps leave out.
READS_COUNT = ".count"
_ANALYSIS = "10"  # what `Templates` finds in a source; another value keeps analyses kept by an older ssg from being used
LINKING = ("url_for", "abs_url")  # the functions whose literal arguments are site paths (`TemplateLink`)
# What `Templates` finds in one source: the templates it refers to, the context names it reads, and the site paths it
# names literally, each as (line, function, path).
Parsed = tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[int, str, str], ...]]


class TemplateLink(NamedTuple):
    """A site path a template names literally (`url_for('assets/style.css')`), for the build to check it is there."""

    file: str  # the template's file, as the user knows it (`templates/article.html`)
    line: int
    call: str  # url_for or abs_url; or the attribute (`href`, `src`) or `url` (CSS) of a path written from the root
    target: str  # as written (a path that goes on in an expression, `href="/tags/{{ x }}"`, ends in "…")

    @property
    def written(self) -> str:
        """As the template writes it: `url_for('tags/')`, `href="/tags/"`, `url(/fonts/a.woff2)`."""
        if self.call in LINKING:
            return f"{self.call}({self.target!r})"
        return f"url({self.target})" if self.call == "url" else f'{self.call}="{self.target}"'


class _Source(NamedTuple):
    """A template as one `Templates.analyse` met it."""

    source: str
    file: str | None  # (None for ssg's own, `theme.BUILT_IN_TEMPLATES`)
    parsed: Parsed


class Analysis(NamedTuple):
    """What `Templates.analyse` finds in the templates pages use."""

    templates: dict[str, tuple[str, frozenset[str]]]  # name -> (fingerprint, context names read)
    links: tuple[TemplateLink, ...]  # the site paths they, and all they extend or include, name literally
    sources: dict[str, _Source | None]  # each template read (None: missing), for `Templates.references` to read none again


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class Templates:
    """Each template's fingerprint (its source and all it extends or includes) and the context names it reads.

    Parsing is what costs, so what a source refers to is kept by the source's hash: a `Builder`
    keeps one of these across builds, and the cache keeps the analyses for the next process.
    """

    def __init__(self, parsed: dict[str, Parsed] | None = None) -> None:
        self.parsed = dict(parsed or {})  # source hash -> what it refers to, reads and links (`Parsed`)
        self.added: dict[str, Parsed] = {}  # parsed since the last `take_added`

    def analyse(self, theme: Theme, names: Iterable[str]) -> Analysis:
        """Each of `names`' fingerprint and context names read, and the site paths the templates name."""
        sources: dict[str, _Source | None] = {}  # each template met, None for a missing one (reported as a page renders)
        result = {}
        for name in names:
            digest = hashlib.sha256()
            used: set[str] = set()
            for member in sorted(self._walk(theme, [name], sources)):
                found = sources[member]
                if found is not None:
                    digest.update(f"{member}\0{found.source}\0".encode())
                    used.update(found.parsed[1])
            result[name] = (digest.hexdigest(), frozenset(used))
        links: list[TemplateLink] = []
        for member, found in sorted(sources.items()):
            if found is not None and found.parsed[2]:
                file = theme.display(found.file) if found.file else member  # (once a template: a Path's methods are slow)
                links += (TemplateLink(file, line, call, target) for line, call, target in found.parsed[2])
        return Analysis(result, tuple(links), sources)

    def references(self, theme: Theme, names: Iterable[str], analysis: Analysis | None = None) -> dict[str, list[str]]:
        """Each template that rendering `names` takes (they, what they extend, include and import, and `card.html` where
        one calls `card(...)`) -> the templates that refer to it ([] for one of `names`): with one that is not there,
        which `theme.templates` lacks (`Theme.missing_templates` names them all before anything is rendered). The
        templates an `analysis` of this build read are not read again."""
        return self._walk(theme, names, analysis.sources if analysis is not None else {})

    def take_added(self) -> dict[str, Parsed]:
        added, self.added = self.added, {}
        return added

    def _walk(self, theme: Theme, names: Iterable[str], sources: dict[str, _Source | None]) -> dict[str, list[str]]:
        """`references`, reading each template met into `sources` (None for a missing one) unless it is there."""
        found: dict[str, list[str]] = {name: [] for name in names}
        todo = list(found)
        while todo:
            member = todo.pop()
            if member not in sources:
                try:
                    source, file, _ = theme.env.loader.get_source(theme.env, member)  # type: ignore[union-attr]
                    sources[member] = _Source(source, file, self._parse(theme, source))
                except (jinja2.TemplateNotFound, UnicodeDecodeError):  # (one that is no text: rendering it says so)
                    sources[member] = None
            read = sources[member]
            for referenced in _named(theme, member, read.parsed[0]) if read is not None else ():
                if referenced not in found:
                    found[referenced] = []
                    todo.append(referenced)
                found[referenced].append(member)
        return found

    def _parse(self, theme: Theme, source: str) -> Parsed:
        key = _hash(_ANALYSIS + "\0" + source)
        if key not in self.parsed:
            try:
                ast = theme.env.parse(source)
                names = set(jinja2.meta.find_undeclared_variables(ast))
                if _reads_count(ast):
                    names.add(READS_COUNT)
                names |= reach_marks(ast)  # (whether it links the search page and the feeds: `reach.unreached`)
                referenced = _referenced(ast)
                if "card" in names:  # (`card(article)` renders the entry template: `render.Renderer.card`)
                    referenced.add(CARD_TEMPLATE)
                found = (tuple(sorted(referenced)), tuple(sorted(names)), _literal_links(ast))
            except jinja2.TemplateSyntaxError:
                found = ((), (), ())  # reported by the theme check
            self.parsed[key] = self.added[key] = found
        return self.parsed[key]


# A reference by a name made as a page renders (`{% include "parts/" ~ page.kind ~ ".html" %}`): this mark and the
# name's constant start, for every template whose name starts so (`_named`).
DYNAMIC = "*"


def _referenced(ast: jinja2.nodes.Template) -> set[str]:
    """The templates a source extends, includes or imports: by name, or `DYNAMIC` and the start of a name made as the
    page renders. Such a template's fingerprint is made of every template its name may be: a partial added, changed
    or deleted under `parts/` made no page again, and an edit left pages a cold build makes otherwise."""
    found = set()
    for node in ast.find_all(REFERRING):
        for name in template_names(node):
            written = written_name(name)
            found.add(written if written is not None else DYNAMIC + _constant_start(name))
    found.discard("")
    return found


def _constant_start(node: jinja2.nodes.Node) -> str:
    """What a name made by `~`, `+` or `%` surely starts with ("" where it may be any)."""
    if isinstance(node, jinja2.nodes.Const) and isinstance(node.value, str):
        return node.value
    if isinstance(node, jinja2.nodes.Concat) and node.nodes:
        return _constant_start(node.nodes[0])
    if isinstance(node, jinja2.nodes.Add):
        return _constant_start(node.left)
    if isinstance(node, jinja2.nodes.Mod):
        return _constant_start(node.left).split("%", 1)[0]
    return ""


def _named(theme: Theme, member: str, referenced: Iterable[str]) -> Iterator[str]:
    """The templates `member` refers to: those it names, and each the theme has that a name it makes may be (a template
    by its ending, not a Mac's .DS_Store or an editor's swap beside one: read as a template, a binary one stopped the
    build on a UnicodeDecodeError)."""
    for name in referenced:
        if name.startswith(DYNAMIC):
            start = name[len(DYNAMIC) :]
            yield from sorted(n for n in theme.templates if n.startswith(start) and n != member and _a_template(n))
        else:
            yield name


def _a_template(name: str) -> bool:
    """Whether a file the theme's folders list is a template, one a name made as the page renders may name."""
    return name.endswith(TEMPLATE_SUFFIXES + OTHER_SUFFIXES) and not any(map(is_editor_file, name.split("/")))


def _reads_count(ast: jinja2.nodes.Template) -> bool:
    """Whether a template may read a `count` attribute or item (`tag.count`, `map(attribute="count")`): any name or
    string constant `count` in it counts, so this errs only towards making pages again."""
    return any(node.attr == "count" for node in ast.find_all(jinja2.nodes.Getattr)) or any(
        node.value == "count" for node in ast.find_all(jinja2.nodes.Const)
    )


def _literal_links(ast: jinja2.nodes.Template) -> tuple[tuple[int, str, str], ...]:
    """The site paths a template names as a string written in its call: `url_for('assets/style.css')` (not `url_for(x)`
    or `url_for('tags/' ~ slug)`, which are known only as a page renders). Not those under an `{% if %}` (or an `x if
    c else y`): `{% if site.search %}url_for('search/'){% endif %}` is there only where the page is, and a site without
    it was warned of the link, a failed build with --strict; `ssg check --links` finds such a link where it is shown."""
    guarded = {
        id(call)
        for branch in (*ast.find_all(jinja2.nodes.If), *ast.find_all(jinja2.nodes.CondExpr))
        for part in _branches(branch)
        for call in (part, *part.find_all(jinja2.nodes.Call))  # (`url_for('x/') if c`: the branch is the call)
    }
    found = {
        (node.lineno, node.node.name, node.args[0].value)
        for node in ast.find_all(jinja2.nodes.Call)
        if id(node) not in guarded
        and isinstance(node.node, jinja2.nodes.Name)
        and node.node.name in LINKING
        and node.args
        and isinstance(node.args[0], jinja2.nodes.Const)
        and isinstance(node.args[0].value, str)
    }
    return tuple(sorted(found | _rooted_paths(ast)))


# A path written from the site's root in a template's own HTML or CSS, `href="/assets/site.css"`, `url(/fonts/a.woff2)`:
# right on a host's root alone, where url_for's is right under a sub-path and opened from disk too.
_ROOTED = re.compile(
    r"""(?<![\w-])(?P<attr>(?:data-)?(?:href|src|action|poster|srcset|data))\s*=\s*["']?(?P<path>/(?!/)[^"'\s>]*)"""
    r"""|\b(?P<url>url)\(\s*["']?(?P<upath>/(?!/)[^"')\s]*)"""
)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # (one an expression splits is left open: to the text's end)


def _rooted_paths(ast: jinja2.nodes.Template) -> set[tuple[int, str, str]]:
    """Each path a template's own text writes from the site's root: (line, attribute or `url`, path); a path that an
    expression goes on (`href="/tags/{{ slug }}"`) ends in "…"."""
    found = set()
    for node in ast.find_all(jinja2.nodes.TemplateData):
        text = _HTML_COMMENT.sub(lambda comment: "\n" * comment[0].count("\n"), node.data)  # (no link: `<!-- <link href="/x"> -->`)
        for match in _ROOTED.finditer(text):
            call, path = (match["attr"], match["path"]) if match["attr"] else (match["url"], match["upath"])
            if match.end() == len(text):  # (the text ends there: an expression follows)
                path += "…"
            found.add((node.lineno + text.count("\n", 0, match.start()), call, path))
    return found


def _branches(node: jinja2.nodes.If | jinja2.nodes.CondExpr) -> list[jinja2.nodes.Node]:
    """What an `{% if %}` or an `x if c else y` shows on a condition (not the condition itself)."""
    if isinstance(node, jinja2.nodes.CondExpr):
        return [part for part in (node.expr1, node.expr2) if part is not None]
    return [*node.body, *node.elif_, *node.else_]


class SitemapInputs(NamedTuple):
    """What a sitemap's fingerprint was made from (`Fingerprints.sitemap`), kept for the next build's, which takes over
    what it shows of each page and article that is the same object (`by_identity`): a look at each of 16,500 pages and
    10,000 articles took 10-20 ms of every save."""

    pages: Sequence[Page]
    kinds: tuple[list[tuple[str, str]], str]  # each page's kind and path, and their hash
    articles: Sequence[Article]
    texts: tuple[list[str], str]  # what the sitemap may show of each article (`_structure_text`), and their hash
    standalone: list[tuple]  # each standalone page's path, update, draft flag and language
    limit: int  # URLs in one file (`sitemap.MAX_URLS`)
    fingerprint: str


@dataclass(frozen=True)
class Remembered:
    """What one build's fingerprinting leaves for the next build of the same `Builder`."""

    base: str
    pages: dict[str, tuple[tuple, str, Page]]  # page path -> (inputs, fingerprint, the page)
    tags: dict[str, tuple]  # article key -> its tags as pages show them (`Site.tags_shown`)
    counts: list[tuple[str, int]]  # each tag's key and count, then each outlet's
    outlets: dict[str, tuple[str, str]]  # each `source:` name -> its outlet as pages show it (`Outlet.shown`)
    shared: tuple  # what pages read besides their own deps and the latest lists: templates, article paths
    latest: dict[str, str]  # each language's latest list, as text
    sitemap: SitemapInputs | None  # what the sitemap was made from, and its fingerprint
    scheduled: dict[str, Any]  # what is marked Scheduled (`Site.scheduled`)


class Fingerprints:
    """The fingerprints of one build's pages and feeds.

    `previous` is what the last build of the same `Builder` computed (`remembered`): a page whose
    inputs compare equal to last time's gets last time's fingerprint without being hashed again.
    Every input of a page's hash takes part in the comparison, so this changes nothing but the
    time (deps name articles by key and hold only values whose equality implies equal reprs).
    """

    def __init__(
        self,
        base: str,
        templates: dict[str, tuple[str, frozenset[str]]],
        site: Site,
        paths: dict[str, str],
        latest: dict[str, tuple[ArticleLink, ...]],
        previous: Remembered | None = None,
        keep: bool = True,
        memo: PrintMemo | None = None,
        memoize: bool = False,
    ):
        """`paths`: source path -> site path of every article; `keep=False`: no later build asks for `remembered`
        (a one-shot build), so keep nothing for it. `memo`: what an earlier process's build left (`printmemo`), asked
        where `previous` is not of the same base; `memoize`: make this build's (`memo_made`), to be stored."""
        self.base = base
        self.templates = templates
        self.site = site
        self.paths = paths
        self.latest = latest
        self._latest: dict[str, str] = {}
        same = previous is not None and previous.base == base  # the base covers the config, which changes how a key reads
        self._previous = previous.pages if same else {}
        self._made: dict[str, tuple[tuple, str, Page]] = {}  # page path -> (inputs, fingerprint, the page)
        self._keep = keep
        self._tags = _TagTexts(site.article_tags)
        self._reprs = _Reprs()  # a listing's cards, as text (`_deps_text`)
        self._outlet_texts: dict[str, str] = {}  # source path -> its outlet as a listing's fingerprint names it (`_outlets_text`)
        self._last_shared: tuple[object, object, str] | None = None  # the last listing's heading and links, and their text (`_rest_text`)
        keys, shown = [], []
        if same or keep:  # (a one-shot build neither compares nor keeps them)
            keys = list(map(_KEY, site.articles))
            shown = list(map(site.tags_shown.__getitem__, map(_SOURCE_PATH, site.articles)))
        self._tags_shown = dict(zip(keys, shown, strict=True)) if keep else {}
        tags_kept = same and _same_tags(previous.tags, keys, shown)
        self._count_list = [(tag.key, tag.count) for tag in site.tags] + [("source:" + o.slug, o.count) for o in site.outlets]
        self._outlets = {name: outlet.shown for name, outlet in site.outlet_named.items()}
        # An unchanged article shows its outlet as it did: the name most of the outlet's articles spell it with may
        # have changed (a few hundred names: compared whole).
        outlets_kept = same and all(self._outlets.get(name, shown) == shown for name, shown in previous.outlets.items())
        self._shared = (templates, paths)
        # What is marked Scheduled (the preview's, --future), by site path: each page, entry and latest list that shows
        # one has its mark in its fingerprint. In the base, it made every page again where a future article was added
        # or re-dated (17,000 at 10,000 articles).
        self._marked = {paths[path]: later for path, later in site.scheduled.items() if path in paths} if site.scheduled else {}
        self._latest_texts = {lang: self._latest_text(lang) for lang in latest}
        # Nothing that pages read besides their deps changed: a page the plan took over unchanged (the same
        # object) is what it was, and so is its fingerprint. The latest lists count only for pages that show one
        # (a new article changes them: the default theme's article pages do not), and the tags' counts only for
        # pages whose templates read one (an article tagged NASA changes NASA's count, which the default theme shows
        # on the tags page alone: the pages of the other NASA articles stay as they were).
        shared_as_was = same and previous.shared[0] == templates and _links_lead_as_before(previous.shared[1], paths, site)
        self._kept_as_was = same and tags_kept and outlets_kept and shared_as_was and previous.scheduled == site.scheduled
        self._latest_as_was = same and previous.latest == self._latest_texts
        self._counts_as_was = same and previous.counts == self._count_list
        self._sitemap = previous.sitemap if same else None
        self._counts: str | None = None  # every tag's count, as text (`_counts_text`)
        self._memo = memo if not same else None
        self._memoize = memoize
        self.memo_made: PrintMemo | None = None  # this build's memo, where `memoize` and it differs from `memo`

    def remembered(self) -> Remembered:
        """What the next build's `previous` is."""
        return Remembered(
            self.base,
            self._made,
            self._tags_shown,
            self._count_list,
            self._outlets,
            self._shared,
            self._latest_texts,
            self._sitemap,
            self.site.scheduled,
        )

    def page(self, page: Page) -> str:
        before = self._previous.get(page.path)
        template, uses = self.templates[page.template]
        if (
            before is not None
            and before[2] is page
            and self._kept_as_was
            and (self._latest_as_was or "latest" not in uses)
            and (self._counts_as_was or READS_COUNT not in uses)
        ):
            if self._keep:
                self._made[page.path] = before
            return before[1]
        latest = self._latest_text(page.lang) if "latest" in uses else ""
        links = self._links_text(page.context["article"]) if page.kind == "article" else ""
        if page.kind == "page":
            links = self._links_text(page.context["standalone"])
        tags: tuple[str, ...] = ()
        if "tags_of" in uses and page.kind != "article":  # (an article page's deps hold its tags)
            tags = tuple(map(self._tags.__getitem__, map(_SOURCE_PATH, page.context.get("articles", ()))))
        if "outlet_of" in uses and page.kind != "article":  # (an article page's deps hold its outlet)
            tags += (self._outlets_text(page.context.get("articles", ())),)
        counts = self._counts_text() if READS_COUNT in uses else ""
        marks = self._marks_text(page) if self.site.scheduled else ""
        inputs = (template, page.deps, latest, tags, links, counts, marks)
        if before is not None and before[0] == inputs:
            if self._keep:
                self._made[page.path] = (inputs, before[1], page)
            return before[1]
        parts = [self.base, template, self._deps_text(page), latest, *tags, links, counts]
        fingerprint = _hash("\0".join([*parts, marks] if marks else parts))
        if self._keep:
            self._made[page.path] = (inputs, fingerprint, page)
        return fingerprint

    def pages(self, pages: Sequence[Page]) -> list[str]:
        """`page` of each of `pages`, in order. A page the plan took over unchanged keeps last time's fingerprint where
        nothing its template reads besides its deps changed (`page`'s first case): those are found in bulk, in C, and
        only the others are asked one by one (a call per page was 10-20 ms of every save at 16,500 pages)."""
        if not (self._previous and self._kept_as_was):
            if self._memo is None and not self._memoize:
                return list(map(self.page, pages))
            return self._pages_memoized(pages)
        templates = set(map(_TEMPLATE, pages))
        quick = {
            name: (self._latest_as_was or "latest" not in uses) and (self._counts_as_was or READS_COUNT not in uses)
            for name, (_, uses) in ((name, self.templates[name]) for name in templates)
        }
        paths = list(map(_PATH, pages))
        before = list(map(self._previous.get, paths, repeat(_NOT_MADE)))
        kept = list(map(is_, pages, map(_PAGE_MADE, before)))
        if not all(quick.values()):  # (a template that reads the latest list or the counts, and they changed)
            kept = list(map(operator.and_, kept, map(quick.__getitem__, map(_TEMPLATE, pages))))
        prints = list(map(_PRINT_MADE, before))
        if self._keep:
            self._made.update(compress(zip(paths, before, strict=True), kept))
        for n in compress(range(len(pages)), map(operator.not_, kept)):
            prints[n] = self.page(pages[n])
        return prints

    def _pages_memoized(self, pages: Sequence[Page]) -> list[str]:
        """`pages` for a build without a last build's fingerprints in this process: a page whose signature is the
        memo's (`printmemo`), under the same shared part, takes the memo's fingerprint; the others are hashed. Makes
        `memo_made` where asked to and it differs from the memo."""
        shared = self._shared_now()
        sigs = signatures(pages, self.site.article_tags, self.site.tags_shown, self._rest_text, self._links_text)
        paths = list(map(_PATH, pages))
        memo, self._memo = self._memo, None  # (let go once used: 15-20 MB at 10,000 articles)
        quick = self._memo_templates(memo, shared, set(map(_TEMPLATE, pages))) if memo is not None else {}
        prints: list = [None] * len(pages)
        if any(quick.values()):
            stored = list(map(memo.pages.get, paths, repeat(_NO_SIGNATURE)))  # type: ignore[union-attr]
            try:
                same = list(map(operator.eq, map(_SIGNATURE, stored), sigs))
                if not all(quick.values()):
                    same = list(map(operator.and_, same, map(quick.__getitem__, map(_TEMPLATE, pages))))
                for n in compress(range(len(pages)), same):
                    made = stored[n][1]
                    prints[n] = made if type(made) is str else None
            except (TypeError, IndexError):  # (an entry of another shape: no memo, as a damaged one)
                prints = [None] * len(pages)
        fresh = list(compress(range(len(pages)), map(is_, prints, repeat(None))))
        for n in fresh:
            prints[n] = self.page(pages[n])
        # (a page of no signature, 404, search, a redirect, is hashed each build: only a signed one's makes the memo anew)
        if self._memoize and (any(sigs[n] is not None for n in fresh) or memo is None or memo.shared != shared):
            kept = compress(zip(paths, zip(sigs, prints, strict=True), strict=True), map(is_not, sigs, repeat(None)))
            self.memo_made = PrintMemo(shared, dict(kept))
        return prints

    def _shared_now(self) -> Shared:
        """What this build's fingerprints share (`printmemo.Shared`)."""
        templates = {name: (made, tuple(sorted(uses))) for name, (made, uses) in self.templates.items()}
        tags = [tag.shown for tag in self.site.tags]
        scheduled = repr(sorted(self.site.scheduled.items())) if self.site.scheduled else ""
        return Shared(_hash(self.base + scheduled), templates, self._latest_texts, self._count_list, tags, self._outlets)

    def _memo_templates(self, memo: PrintMemo, shared: Shared, names: set[str]) -> dict[str, bool]:
        """Each of the templates `names` -> whether its pages may take the memo's fingerprints: the build-wide part is
        the same, and so is all of the shared part that the template's pages read."""
        before = memo.shared
        if not (before.base == shared.base and before.tags == shared.tags and before.outlets == shared.outlets):
            return dict.fromkeys(names, False)
        latest_as_was, counts_as_was = before.latest == shared.latest, before.counts == shared.counts
        quick = {}
        for name in names:
            uses = self.templates[name][1]
            quick[name] = (
                before.templates.get(name) == shared.templates[name]
                and (latest_as_was or "latest" not in uses)
                and (counts_as_was or READS_COUNT not in uses)
            )
        return quick

    def feed(self, feed: Feed, entries: Sequence[Article]) -> str:
        """A feed shows its entries' metadata, tags and bodies (whose links name other articles' URLs)."""
        parts = [self.base, "feed", repr(feed)]
        for article in entries:
            parts += (article.key, self.paths[article.source_path], self._tags[article.source_path], self._links_text(article))
        return _hash("\0".join(parts))

    def sitemap(self, pages: Sequence[Page]) -> str:
        """The sitemap lists pages with their dates and translations, never their text.

        So it is made from which pages there are and every article's fields but its text (which
        articles a listing shows, and their dates, follow from these), and each standalone page's
        update, draft flag, language and whether it is listed (`noindex`, `sitemap: false`): editing an article's body or title leaves the sitemap
        alone. A new field of `Article` is included until named here.
        """
        standalone = [(p.source_path, p.updated and p.updated.isoformat(), p.draft, p.lang, p.indexed) for p in self.site.standalone.pages]
        before, articles = self._sitemap, self.site.articles
        # (Each part hashed apart, and again only where it changed: a tag added changes the articles' part alone.)
        kinds = by_identity(pages, before.pages if before else None, before.kinds[0] if before else [], _KIND_PATH, _FEW_PAGES)
        texts = by_identity(
            articles, before.articles if before else None, before.texts[0] if before else [], _structure_text, _FEW_ARTICLES
        )
        kinds_print = before.kinds if before and kinds == before.kinds[0] else (kinds, _hash("\0".join(map("\0".join, kinds))))
        texts_print = before.texts if before and texts == before.texts[0] else (texts, _hash("\0".join(texts)))
        shown = (kinds_print[1], texts_print[1], standalone, sitemap.MAX_URLS)
        if before is not None and shown == (before.kinds[1], before.texts[1], before.standalone, before.limit):
            fingerprint = before.fingerprint
        else:
            fingerprint = _hash("\0".join([self.base, "sitemap", str(sitemap.MAX_URLS), kinds_print[1], texts_print[1], repr(standalone)]))
        record = SitemapInputs(pages, kinds_print, articles, texts_print, standalone, sitemap.MAX_URLS, fingerprint)
        self._sitemap = record if self._keep else None
        return fingerprint

    def _counts_text(self) -> str:
        """Every tag's count, hashed once: for the few pages whose templates read counts (`READS_COUNT`)."""
        if self._counts is None:
            self._counts = _hash(repr(self._count_list))
        return self._counts

    def latest_script(self, langs: Sequence[str]) -> str:
        """`latest.js` shows each of `langs`' latest list, each date as that language's pages show it: the theme's
        strings and Babel's patterns (both in the base) of that language."""
        return _hash("\0".join([self.base, "latest.js", *(f"{lang}\0{self._latest_text(lang)}" for lang in langs)]))

    def _latest_text(self, lang: str) -> str:
        """The latest list, hashed once: most pages show it."""
        text = self._latest.get(lang)
        if text is None:
            shown = repr(self.latest[lang])
            if self._marked:  # (latest.js marks what is scheduled)
                shown += repr([self._marked[link.path] for link in self.latest[lang] if link.path in self._marked])
            text = self._latest[lang] = _hash(shown)
        return text

    def _marks_text(self, page: Page) -> str:
        """When each item `page` shows is published from, of those marked Scheduled (`Site.scheduled`): its article or
        standalone page, or the articles of its listing. Empty where none is."""
        scheduled = self.site.scheduled
        if page.kind == "article":
            shown: Sequence = (page.context["article"],)
        elif page.kind == "page":
            shown = (page.context["standalone"],)
        else:
            shown = page.context.get("articles") or ()
        marks = [(item.source_path, scheduled[item.source_path]) for item in shown if item.source_path in scheduled]
        return repr(marks) if marks else ""

    def _deps_text(self, page: Page) -> str:
        """`repr(page.deps)`, made of texts made once a build where many pages show the same thing: a listing's deps
        name its articles by their cards (`pages.card`, the first part), and an article is on five or six listings (at
        10,000 articles 70,000 cards on 7,000 listing pages: 60 ms of every new process's build, 25 ms now); an article
        page's name its tags, which its listings' fingerprints make into text too (`_TagTexts`). The same text."""
        deps = page.deps
        if type(deps) is not tuple or len(deps) < 2:
            return repr(deps)
        if page.kind == "article":
            path = page.context["article"].source_path
            tags = self.site.article_tags.get(path)
            if tags is None:
                return repr(deps)
            # (A tuple of two or more prints as its parts' reprs joined: the same text where no part is its tags.)
            return f"({', '.join([self._tags[path] if part is tags else repr(part) for part in deps])})"
        cards = deps[0]
        if type(cards) is not tuple or not cards or type(cards[0]) is not tuple:
            return repr(deps)
        try:
            texts = ", ".join(map(self._reprs.__getitem__, cards))
        except TypeError:  # (a card that cannot be a key: never one of `pages.card`'s)
            return repr(deps)
        return f"(({texts}{',' if len(cards) == 1 else ''}), {self._rest_text(deps)})"

    def _rest_text(self, deps: tuple) -> str:
        """`', '.join(map(repr, deps[1:]))` of a listing page's deps: its paginator, then its heading and what it links
        to (the tag, the periods around), which are the same objects on every page of its listing, made into text once
        a listing (7,000 pages at 10,000 articles, each a Tag's and four Links' reprs: 12-15 ms of every new process's
        build). The same text."""
        shared = deps[2:]
        last = self._last_shared
        if len(shared) != 2:
            return ", ".join(map(repr, deps[1:]))
        if last is None or shared[0] is not last[0] or shared[1] is not last[1]:
            last = self._last_shared = (shared[0], shared[1], f"{shared[0]!r}, {shared[1]!r}")
        return f"{deps[1]!r}, {last[2]}"

    def _outlets_text(self, articles: Sequence[Article]) -> str:
        """`repr(list(map(site.outlet_shown, articles)))`, each article's part made once a build (a listing page of
        a theme that shows outlets names those of its articles: 50 ms at 10,000 articles, 10 ms now)."""
        known = self._outlet_texts
        texts = list(map(known.get, map(_SOURCE_PATH, articles)))
        if None in texts:
            for index, text in enumerate(texts):
                if text is None:
                    article = articles[index]
                    texts[index] = known[article.source_path] = repr(self.site.outlet_shown(article))
        return "[" + ", ".join(texts) + "]"

    def _links_text(self, article: Article | StandalonePage) -> str:
        """Where the articles its body links to are now (a linked article moved: the link changes)."""
        if not article.article_links:
            return ""
        return repr([self.paths.get(target) for target in article.article_links])


# Objects not at their last places past which `by_identity` looks them up by identity rather than `make` them: a page's
# kind and path are soon read, an article's text for the sitemap is made in a few microseconds.
_FEW_PAGES, _FEW_ARTICLES = 2000, 64


def by_identity(items: Sequence, before: Sequence | None, values: list, make: Callable[[Any], Any], few: int) -> list:
    """`make(item)` of each of `items`, where `values` holds it of each of `before` (the last build's), taken over for
    each item that is the same object: most are at their last places (looked up by identity where a few dozen are
    not: an article moved or added shifts the others), and none of them is looked at (in C)."""
    if before is None:
        return list(map(make, items))
    if len(items) == len(before):
        found = list(values)
        moved = list(compress(range(len(items)), map(is_not, items, before)))
        if len(moved) <= few:
            for n in moved:
                found[n] = make(items[n])
            return found
    # (By id: the last build's objects are held by `before`, so no other object has one of their ids.)
    found = list(map(dict(zip(map(id, before), values, strict=True)).get, map(id, items)))
    for n in compress(range(len(found)), map(is_, found, repeat(None))):
        found[n] = make(items[n])
    return found


def _structure_text(article: Article) -> str:
    """What the sitemap may show of an article (`SITEMAP_FIELDS`), and its outlet's name: that says which outlet's page
    lists it, whose lastmod is its newest article's (an article's source removed left the outlet's old date there)."""
    return repr((_STRUCTURE(article), article.source.name if article.source is not None else None))


def _links_lead_as_before(before: dict[str, str], paths: dict[str, str], site: Site) -> bool:
    """Whether every link of an article's or a standalone page's text leads where it did: of the site paths `paths`
    gives (`urls.link_paths`), pages read only those their bodies link to (`render.body_links`). A moved date or a new
    article changes its own path, which its own pages' deps show, and which no other page reads unless its text links
    there: every page's inputs were made and compared again (0.15 s of a moved date at 10,000 articles)."""
    if before == paths:
        return True
    moved = {path for path, where in paths.items() if before.get(path) != where} | (before.keys() - paths.keys())
    texts = chain(site.articles, site.standalone.pages)
    return all(moved.isdisjoint(links) for links in map(attrgetter("article_links"), texts) if links)


def _same_tags(before: dict[str, tuple], keys: list[str], shown: list[tuple]) -> bool:
    """Every article that is as it was (by key: `keys`) shows its tags as it did (`shown`, each article's). A new or
    changed article is on no page that a plan took over: every page showing it is made again. Compared in C: a
    rebuild asks this of every article."""
    return all(map(operator.eq, map(before.get, keys, shown), shown))


class _TagTexts(dict):
    """Source path -> the article's tags as text, made when first asked for (a rebuild asks for few)."""

    def __init__(self, tags: dict[str, tuple]):
        super().__init__()
        self.tags = tags

    def __missing__(self, path: str) -> str:
        text = self[path] = repr(self.tags[path])
        return text


class _Reprs(dict):
    """An object -> its repr, made when first asked for (each listing card, once a build)."""

    def __missing__(self, key: object) -> str:
        text = self[key] = repr(key)
        return text
