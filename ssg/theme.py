"""The Jinja environment: site templates over theme templates, interface strings, date formats.

Nothing here knows about particular pages: `Theme.render` takes a template name and a context
(built by `pages.py`) and returns the HTML, turning any Jinja error into a `TemplateError` that
names the template file and line. A name or attribute that is not there is such an error
(`_Undefined`), not an empty string.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import re
import traceback
import zoneinfo
from ast import literal_eval
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import BuiltinFunctionType, FunctionType, GeneratorType, MethodType
from typing import Any, Protocol, TypeVar

import jinja2
import jinja2.compiler
import jinja2.ext
import jinja2.runtime
import markupsafe
from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from jinja2 import nodes
from jinja2.utils import internalcode, missing
from markupsafe import Markup, escape

from .config import Config
from .conflicts import conflict_message
from .content import ARTICLE_KEYS, Day
from .datepatterns import BABEL_STYLES, PATTERN_TOKEN, bad_pattern, locale_date_part, pattern_problem
from .errors import Problem, TemplateError, TemplateTimeoutError
from .i18n import DATE_KEYS, SSG_STRINGS, Origins, is_t_call, load_strings, string_warnings, translator, unfilled_calls
from .markdown import REF_PREFIX, markdownify
from .themeconfig import THEME_FILE, ThemeFolder, display_path, theme_chain
from .timelimit import RenderTimeoutError, Watchdog, timeout_message

# Templates are UTF-8, a byte-order mark at the start left out (Notepad's "UTF-8 with BOM"): kept, it was text before
# `<meta>` in a head_extra.html, which closed the page's head there and put the site's meta tags and scripts in its body.
TEMPLATE_ENCODING = "utf-8-sig"

_T = TypeVar("_T")  # what a check of the theme's templates finds (`Theme.checked`)
CARD_TEMPLATE = "card.html"  # one article's entry in a listing, which templates render with `card(article)` (`render.Renderer.card`)
REDIRECT_TEMPLATE = "redirect.html"  # the page at an article's old URL (`redirects.py`)
PAGE_TEMPLATE = "page.html"  # a standalone page (About: `content.StandalonePage`)
# The index of outlets (sources/): ssg keeps a plain one for a theme made before outlets had pages, which lacks it.
SOURCES_TEMPLATE = "sources.html"
SEARCH_TEMPLATE = "search.html"  # the search page: a theme without it has no search (`Theme.searching`)
# A template's endings: the pages' (.html, .xml, .txt), a stylesheet one includes (`vars.css`; the default theme's
# languages.css, empty now that its rules are style.css's: an inline <style> is refused under a strict CSP);
# and other tools' endings, which a designer may give a Jinja template that others include or import (`macros.j2`).
TEMPLATE_SUFFIXES = (".html", ".xml", ".txt", ".css")
OTHER_SUFFIXES = (".htm", ".j2", ".jinja", ".jinja2", ".njk", ".liquid", ".tmpl", ".tpl")
THEME_DELIMITER = ":"  # `default:base.html`: the template of that theme (and the themes it extends), not the site's
REFERRING = (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)  # the tags that name another template
# What each template a page is made with makes, for a theme that lacks it (`Theme.missing_templates`). page.html,
# redirect.html and sources.html are not among them: a theme may leave them out (`BUILT_IN_TEMPLATES`); nor search.html,
# without which a site has no search (`Theme.searching`).
PAGE_TEMPLATES = {
    "article.html": "every article's page is made with it",
    "list.html": "the home page, tag pages, outlet pages and date archives are made with it",
    "tags.html": "the tags index (tags/) is made with it",
    "archive.html": "the archive (archive/) is made with it",
    "404.html": "the page shown for a missing page (404.html) is made with it",
}
# Templates a theme may leave out: the page a moved article's old URL shows (`redirects.py`), whose page ssg keeps as
# `ssg/redirect.html`, for a theme's `redirect.html` to extend (its `message` block, as the default theme's does) or to
# replace. Opened from disk, a folder's address shows its file listing: the script goes to its index.html, as the default
# theme's site.js does for links. And a standalone page's (About), in the theme's `base.html`: a theme made before ssg
# had pages shows them without a template of its own.
BUILT_IN_TEMPLATES = {
    "ssg/redirect.html": """\
<!doctype html>
<html{{ lang_attrs(page.lang) }}>
<head>
  <meta charset="utf-8">
  <title>{{ target.title }}</title>
  <link rel="canonical" href="{{ abs_url(target) }}">
  <meta name="robots" content="noindex">
  <script>if (location.protocol === "file:") location.replace({{ url_for(target) | tojson }}.replace(/\\/$/, "/index.html"));</script>
  <meta http-equiv="refresh" content="0; url={{ url_for(target) }}">
</head>
<body>
{% block message %}
  <p><a href="{{ url_for(target) }}">{{ target.title }}</a></p>
{% endblock %}
</body>
</html>
""",
    REDIRECT_TEMPLATE: '{% extends "ssg/redirect.html" %}\n',
    SOURCES_TEMPLATE: """\
{% extends "base.html" %}
{% block content %}
<ul>
  {% for outlet in outlets %}
  <li><a href="{{ url_for(outlet) }}">{{ outlet.label(page.lang) }}</a> ({{ outlet.count }})</li>
  {% endfor %}
</ul>
{% endblock %}
""",
    PAGE_TEMPLATE: """\
{% extends "base.html" %}
{% block content %}
<article>
  <h1>{{ standalone.title }}</h1>
  {{ content }}
</article>
{% endblock %}
""",
}


@dataclass(frozen=True)
class Theme:
    """Templates, static folders and interface strings of the theme and the site's overrides."""

    env: jinja2.Environment
    template_dirs: tuple[Path, ...]  # site first, then the theme's, then each theme's it extends
    static_dirs: tuple[Path, ...]  # the last theme it extends first, so the site's files win when copied later
    strings: dict[str, dict[str, str]]  # lang -> key -> text
    default_lang: str
    project_root: Path
    chain: tuple[ThemeFolder, ...] = ()  # the site's theme and each theme it extends (`themeconfig.theme_chain`)
    translators: dict[str, Callable[..., str]] = field(default_factory=dict, repr=False, compare=False)  # lang -> its `t`
    origins: Origins = field(default_factory=Origins, repr=False, compare=False)  # where each string came from (`i18n`)
    watchdog: Watchdog = field(default_factory=Watchdog, repr=False, compare=False)  # stops a page that never ends

    @functools.cached_property
    def templates(self) -> frozenset[str]:
        """The names of the templates there are (the site's, the theme's and those of the themes it extends)."""
        return frozenset(self.env.list_templates())

    @functools.cached_property
    def _parses(self) -> dict[str, tuple[str | None, nodes.Template] | None]:
        return {}

    @functools.cached_property
    def _checks(self) -> dict[Any, list]:
        return {}

    def checked(self, key: Any, check: Callable[[], list[_T]]) -> list[_T]:
        """What `check` of the theme's templates finds, made once per theme: the preview keeps its theme from save to
        save while no template or string changes, and the designer's checks (`strays._unseen_blocks`, the strings' and
        their calls') went over every project template's parse on each save (+21-28% of a save's instructions, 16
        templates of a theme of the site's own)."""
        if key not in self._checks:
            self._checks[key] = check()
        return list(self._checks[key])

    def parse(self, name: str) -> nodes.Template | None:
        """The parse of the template `name` (`base.html`, `default:list.html`), made once per theme (the preview keeps its
        theme from save to save while no template changes); None where it is not there or does not parse (said
        elsewhere)."""
        found = self._parsed(name)
        return found[1] if found is not None else None

    def _parsed(self, name: str) -> tuple[str | None, nodes.Template] | None:
        """The file of the template `name` and its parse: the one parse of it that every check of the theme's templates
        reads (`parse`, `parsed_templates`), where each had made its own."""
        if name not in self._parses:
            try:
                source, filename, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
                self._parses[name] = (filename, self.env.parse(source))
            except (jinja2.TemplateNotFound, jinja2.TemplateSyntaxError):
                self._parses[name] = None
        return self._parses[name]

    @property
    def search_static(self) -> tuple[str, ...]:
        """The static files (a folder: ending in `/`) that only the search page uses, as the chain's theme.yaml
        files list them (`search_static:`): a site without search leaves them out."""
        return tuple(path for theme in self.chain for path in theme.search_static)

    def searching(self, enabled: bool) -> bool:
        """Whether a site whose search is `enabled` (site.yaml) has search: a search page needs `search.html`."""
        return enabled and SEARCH_TEMPLATE in self.templates

    def render(
        self,
        template: str,
        context: dict[str, Any],
        rendering: Callable[[], str] | None = None,
        known: SiteFacts | None = None,
    ) -> str:
        """`template` rendered with `context`; an error names the template's line, and what `rendering()` says: the page
        (its article's file, its URL), which an error that depends on the article (`article.extra.views + 1`) is about
        (asked only then: every page of a build is rendered here). `known`: what the site has that an error's hint asks
        of it (`SiteFacts`)."""
        running = self.watchdog.start()
        try:
            try:
                return self._render(template, context, rendering, known)
            finally:
                self.watchdog.stop(running)
        except RenderTimeoutError as exc:  # told as the page ended, it came after `_render`'s handler (in `stop`): as late
            self.watchdog.stop(running)
            raise TemplateTimeoutError(self.problem(exc, template, rendering() if rendering else "")) from None

    def _render(self, template: str, context: dict[str, Any], rendering: Callable[[], str] | None, known: SiteFacts | None) -> str:
        try:
            return render_named(self.env.get_template(template), context, known)
        except Exception as exc:  # noqa: BLE001 - whatever a template raises is reported on its line
            error = TemplateTimeoutError if isinstance(exc, RenderTimeoutError) else TemplateError
            raise error(self.problem(exc, template, rendering() if rendering else "")) from None

    def problem(self, exc: Exception, template: str, rendering: str = "") -> Problem:
        """What went wrong rendering `template` (for `rendering`: see `render`), on the template file and line where
        it did."""
        if isinstance(exc, jinja2.TemplateSyntaxError):
            return self.syntax_problem(exc, template)
        file, line = self.template_frame(exc)  # (a missing template: the one that includes or extends it, when it is not this)
        if isinstance(exc, jinja2.TemplateNotFound):
            return Problem(file or template, line, None, f"template {exc.name!r} not found in {', '.join(map(str, self.template_dirs))}")
        what = " on ".join(filter(None, (getattr(exc, _RENDERING, ""), rendering)))  # (an entry's article, in a listing)
        message = self.unknown_filter(str(exc)) or f"{type(exc).__name__}: {exc}"
        if isinstance(exc, RenderTimeoutError):
            message = timeout_message(self.watchdog.limit)
        elif isinstance(exc, RecursionError):
            message += " (a macro that calls itself, or a template that includes itself, with no condition that ends it)"
        message += RENDERING.format(what) if what else ""
        return Problem(file or template, line, None, message)  # a runtime error: the line that raised it

    def syntax_problem(self, exc: jinja2.TemplateSyntaxError, template: str) -> Problem:
        """A syntax error on its line; a block left open (`{% if %}` without `{% endif %}`) on the line that opened it,
        where Jinja names the line it noticed it on (the template's last `{% endblock %}`, far below)."""
        file, message = self.display(exc.filename or exc.name or template), exc.message or "syntax error"
        message = self.unknown_filter(message) or message
        opened = _unclosed_block(exc.source) if exc.source and "needs to be closed" in message else None
        if opened is None:
            lines = (exc.source or "").splitlines()[max(0, exc.lineno - 2) : exc.lineno]  # (Jinja may notice on the next line)
            hint = _end_tag_hint(message, exc.source or "", exc.lineno) or self._syntax_hint(message, lines)
            return Problem(file, exc.lineno, None, message + hint)
        name, line = opened
        return Problem(
            file,
            line,
            None,
            f"{{% {name} %}} opened here is not closed (add {{% end{name} %}} where it ends; Jinja noticed on line {exc.lineno})",
        )

    def _syntax_hint(self, message: str, lines: list[str]) -> str:
        """What to write for a syntax error Jinja names without it, from the line it is on (and the one before): a
        filter's argument written in Liquid's way (`| default: "x"` is `| default("x")`), a `{{` or `{%` left open (Jinja
        names the first token after it: "unexpected '/'" of the `</a>` that follows); "" for any other."""
        found = _LIQUID_ARGUMENT.search(lines[-1]) if lines and message.startswith("expected token") else None
        if found is not None:
            name, args, written = found["name"], found["args"], found[0].strip()
            if name not in self.env.filters:
                return f" (a filter takes its arguments in parentheses, not as in {written}; and n{self.unknown_filter(f'No filter named {name!r}.')[1:]})"
            return f" (a filter takes its arguments in parentheses: write | {name}({args}), not {written})"
        if message.startswith("unexpected"):
            text = "\n".join(lines)  # (an expression over both lines, `{% set x = {` ... `} %}`, is closed)
            for opening, closing in (("{{", "}}"), ("{%", "%}")):
                if text.count(opening) > text.count(closing):
                    return f" (a {opening} is not closed: end it with {closing})"
        return ""

    def unknown_filter(self, message: str) -> str | None:
        """Jinja's "No filter named 'upcase'." (at compile time; "... found." within an `{% if %}`, as the page renders)
        with the filter or test likely meant, or one of ssg's functions written as a filter; None for another message."""
        found = _NO_FILTER.fullmatch(message)
        if found is None:
            return None
        kind, name = found["kind"], found["name"]
        known = self.env.filters if kind == "filter" else self.env.tests
        meant = _FILTER_SYNONYMS.get(name) if kind == "filter" else None
        if name in FUNCTIONS:
            fix = f"{name} is a function here: write {name}(value), not value | {name}"
        elif meant in FUNCTIONS:
            fix = f"did you mean {meant}(value)? a function here, not a filter"
        elif meant is not None:
            fix = f"did you mean {meant!r}?"
        else:
            close = _did_you_mean(name, known, f"the {kind}s")
            fix = close[2:-1]
        return f"No {kind} named {name!r} ({fix})"

    def template_frame(self, exc: BaseException) -> tuple[str | None, int | None]:
        frame = _innermost_template(exc)
        return (self.display(frame.filename), frame.lineno) if frame is not None else (None, None)

    def display(self, filename: str) -> str:
        """A template's path as the user knows it: under the project, else under ssg's folder."""
        return display_path(Path(filename), self.project_root)

    def own_templates(self) -> list[str]:
        """Every template's name, each once: not again by a theme's name (`default:base.html`, the same file)."""
        return [name for name in self.env.list_templates(extensions=("html", "xml", "txt")) if THEME_DELIMITER not in name]

    def every_template(self) -> list[str]:
        """`own_templates`, and those of the other endings a template may include or import (`macros.j2`, `vars.css`):
        what asks for a string or names a template may be in any of them."""
        endings = [suffix[1:] for suffix in (*TEMPLATE_SUFFIXES, *OTHER_SUFFIXES)]
        return [name for name in self.env.list_templates(extensions=endings) if THEME_DELIMITER not in name]

    @functools.cached_property
    def parsed_templates(self) -> list[tuple[str, str | None, nodes.Template]]:
        """Each of `every_template` with its file and its parse (the strings no template asks for and the stray
        templates each look at all of them); one that cannot be read or parsed is left out (`check_templates` reports
        it)."""
        return [(name, *found) for name in self.every_template() if (found := self._parsed(name)) is not None]

    def check_templates(self) -> int:
        """Compile every template, reporting each syntax error (`ssg check` renders nothing); returns how many there are."""
        problems = []
        names = self.own_templates()
        for name in names:
            try:
                self.env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                problems.append(self.syntax_problem(exc, name))
        if problems:
            raise TemplateError(problems)
        return len(names)

    def missing_templates(self, references: Mapping[str, Sequence[str]]) -> list[Problem]:
        """A problem for each template the pages take that is not there (`fingerprints.Templates.references`: a
        template -> those that refer to it): one a page is made with, on where the theme would have it; one that a
        template extends, includes, imports or renders with `card(...)`, on that template's line. All of them at once,
        before anything is rendered, in `ssg build` and `ssg check` alike (a build used to stop at the first page it
        could not make, and name nothing else)."""
        problems = []
        for name, referrers in sorted(references.items()):
            if name in self.templates:
                continue
            if not referrers:
                where = self.display(str(self.chain[0].path / "templates" / name)) if self.chain else name
                uses = PAGE_TEMPLATES.get(name, "pages are made with it")
                problems.append(Problem(where, None, None, f"not found: {uses} (write it{self._fallback_hint()})"))
            problems += filter(None, (self._missing_reference(name, referrer) for referrer in sorted(set(referrers))))
        return problems + [p for name, referrers in sorted(references.items()) if name in referrers and (p := self._refers_to_itself(name))]

    def _refers_to_itself(self, name: str) -> Problem | None:
        """A template that extends its own name, or includes it on no condition: meant as the theme's (a site's
        article.html that adds a line to the theme's), it is itself, and rendering went round until Python's
        RecursionError, reported on whichever line the limit was met (another template's, in ssg's folder). On its
        line, with the theme's name to write; None where it includes itself on a condition (a menu's nested items)."""
        if (parsed := self._parsed(name)) is None:
            return None
        filename, ast = parsed
        theirs = next(
            (t.name for t in self.chain if (t.path / "templates" / name).is_file() and filename != str(t.path / "templates" / name)),
            None,
        )
        for node in ast.find_all(nodes.Extends):
            if written_name(node.template) == name:
                fix = f'to extend the theme\'s, write {{% extends "{theirs}:{name}" %}}' if theirs else "a template cannot extend itself"
                return Problem(
                    self.display(filename or name), node.lineno, None, f"extends {name!r}, which is this template itself ({fix})"
                )
        for node in _unconditional(ast, nodes.Include):
            if written_name(node.template) == name:
                fix = (
                    f'to include the theme\'s, write {{% include "{theirs}:{name}" %}}'
                    if theirs
                    else "include it only on a condition that ends"
                )
                message = f"includes {name!r}, which is this template itself, on no condition: its pages would never end ({fix})"
                return Problem(self.display(filename or name), node.lineno, None, message)
        return None

    def _missing_reference(self, name: str, referrer: str) -> Problem | None:
        """The template `referrer` names `name`, which is not there: on its line, saying how it names it. None where it
        only includes it `ignore missing`, or names it in a list with another that may be there (the first there is
        taken: `{% include ["parts/" ~ page.kind ~ ".html", "parts/any.html"] %}`)."""
        if (parsed := self._parsed(referrer)) is None:
            return None
        filename, ast = parsed
        line, how = None, f"refers to {name!r}"
        found = list(ast.find_all((*REFERRING, nodes.Call)))
        named = [n for n in found if not isinstance(n, nodes.Call) and name in map(written_name, template_names(n))]
        if named and all(self._may_go_without(n, name) for n in named):
            return None
        for node in found:
            if isinstance(node, nodes.Call):
                if name == CARD_TEMPLATE and isinstance(node.node, nodes.Name) and node.node.name == "card":
                    line, how = node.lineno, f"calls card(...), which renders {CARD_TEMPLATE} (an article's entry in a listing)"
                    break
            elif node in named:
                verb = {nodes.Extends: "extends", nodes.Include: "includes"}.get(type(node), "imports")
                line, how = node.lineno, f"{verb} {name!r}"
                break
        # (By the names without their extension: `nothere.html` is not `footer.html`, though both end in `.html`.)
        known = {n.rsplit(".", 1)[0]: n for n in sorted(self.templates) if not n.startswith("ssg/") and n.endswith(Path(name).suffix)}
        stem = name.rsplit(".", 1)[0]
        close = closest_name(stem, known)
        if close is None and stem in (mine := {n.rsplit(".", 1)[0]: n for n in sorted(self.templates) if not n.startswith("ssg/")}):
            close, known = stem, mine  # (another ending: `base.htm`, `article.jinja` for article.html)
        fix = f"did you mean {known[close]!r}?" if close else f"write it{self._fallback_hint()}"
        folders = ", ".join(self.display(str(folder)) for folder in self.template_dirs) or "no templates folder"
        if filename is None and referrer in BUILT_IN_TEMPLATES and self.chain:  # (ssg's plain one, for a theme without it)
            where = self.display(str(self.chain[0].path / "templates" / referrer))
            message = f"not there, so ssg's plain {referrer} is used, which {how}, which is not found (in {folders}; {fix})"
            return Problem(where, None, None, message)
        return Problem(self.display(filename or referrer), line, None, f"{how}, which is not found (in {folders}; {fix})")

    def _may_go_without(self, node: nodes.Extends | nodes.Include | nodes.Import | nodes.FromImport, name: str) -> bool:
        """Whether `node` renders without the template `name`: an include `ignore missing`, or a list of names with
        another that is there or is made as the page renders."""
        if isinstance(node, nodes.Include) and node.ignore_missing:
            return True
        others = [written_name(n) for n in template_names(node) if written_name(n) != name]
        return any(other is None or other in self.templates for other in others)

    def _fallback_hint(self) -> str:
        """How a theme that extends no theme with it can take the default theme's missing templates."""
        if not self.chain or any(theme.name == "default" for theme in self.chain):
            return ""
        last = self.chain[-1]
        return f", or add `extends: default` to {self.display(str(last.path / THEME_FILE))} to use the default theme's"

    def t(self, lang: str, key: str, **values: Any) -> str:
        """Interface string `key` in `lang`, falling back to the site's language, then English."""
        return self.translator(lang)(key, **values)

    def translator(self, lang: str) -> Callable[..., str]:
        """`t` for one language (`i18n.translator`), made once."""
        t = self.translators.get(lang)
        if t is None:
            t = self.translators[lang] = translator(self.strings, self.origins, lang, self.default_lang, self.translator)
        return t

    def string_warnings(self, config: Config, checking: bool) -> list[Problem]:
        """The site's languages the theme has no strings for (`i18n.string_warnings`), and the site's own strings that
        nothing asks for."""
        return self.checked(
            ("strings", config, checking),
            lambda: (
                string_warnings(self.origins, config, checking)
                + self._unasked_strings()
                + unfilled_calls(self.own_parsed(), self._theirs, self.strings)
            ),
        )

    def own_parsed(self) -> list[tuple[str, nodes.Template]]:
        """Each template file of the project's own (the site's `templates/`, and its themes' in `themes/`), as shown
        (`themes/courier/templates/article.html`), with its parse (`parse`: once per theme). Those of ssg's own theme are
        not read: a site on it alone parses nothing for what is said of a designer's templates."""
        found = []
        owners = {theme.path / "templates": theme.name for theme in self.chain}
        for folder in self.template_dirs:
            if not folder.is_relative_to(self.project_root):
                continue
            owner = owners.get(folder)
            for path in sorted(folder.rglob("*")):
                if path.suffix in TEMPLATE_SUFFIXES and path.is_file() and not path.name.startswith("."):
                    name = path.relative_to(folder).as_posix()
                    ast = self.parse(f"{owner}{THEME_DELIMITER}{name}" if owner else name)
                    if ast is not None:
                        found.append((self.display(str(path)), ast))
        return found

    def _theirs(self) -> Iterator[nodes.Template]:
        """The parse of each template of a theme of the chain (`default:article.html`, one the site's replaces too: it
        may be the one that fills a string's values) and of ssg's own."""
        yield from (ast for _, file, ast in self.parsed_templates if not (file and Path(file).is_relative_to(self.project_root)))
        for name in self.env.list_templates(extensions=("html",)):
            if THEME_DELIMITER in name and (ast := self.parse(name)) is not None:
                yield ast

    def _unasked_strings(self) -> list[Problem]:
        """A warning for each string of the site's i18n/ that no theme has and no template asks for: a misspelt key
        (`footer_txt:`) changed nothing, and said nothing. A key a template puts together (`t(name ~ "_page")`) is
        asked for where it has a part so written; none is told where a template of the project asks for one made of
        nothing written (`t(article.extra.section)`), which may be any."""
        theirs = self.origins.themes | SSG_STRINGS.keys() | set(DATE_KEYS)
        unknown = {key: at for key, at in self.origins.own.items() if key not in theirs}
        if not unknown:
            return []
        asked, parts = set(), set()
        for _, filename, ast in self.parsed_templates:
            for call in ast.find_all(nodes.Call):
                if not is_t_call(call):
                    continue
                key = call.args[0]
                written = [n.value for n in key.find_all(nodes.Const) if isinstance(n.value, str)]
                if isinstance(key, nodes.Const):
                    asked.add(key.value)
                elif written:
                    parts.update(written)
                elif filename and Path(filename).is_relative_to(self.project_root):  # (ssg's themes ask for their own)
                    return []
        problems = []
        for key, (file, line) in sorted(unknown.items()):
            if key not in asked and not any(key.startswith(part) or key.endswith(part) for part in parts):
                close = closest_name(key, sorted(theirs | asked))
                fix = f"did you mean {close!r}?" if close else "a template asks for a string with t('name')"
                problems.append(Problem(file, line, key, f"no theme has this string, and no template asks for it ({fix})"))
        return problems


RENDERING = " (rendering {})"  # after a runtime error's message: the page, or listing entry, being rendered
_RENDERING = "_ssg_rendering"  # set on an error by `rendering_entry`


def _unconditional(node: nodes.Node, kind: type[nodes.Node]) -> Iterator[Any]:
    """The `kind` nodes under `node` that every rendering of it meets: none in an `{% if %}`, a loop (over what may be
    empty), a macro or an `x if c else y`."""
    for child in node.iter_child_nodes():
        if isinstance(child, (nodes.If, nodes.For, nodes.Macro, nodes.CallBlock, nodes.CondExpr)):
            continue
        if isinstance(child, kind):
            yield child
        yield from _unconditional(child, kind)


def template_names(node: nodes.Extends | nodes.Include | nodes.Import | nodes.FromImport) -> list[nodes.Expr]:
    """What a tag that names another template names: one name, or each of a list (Jinja takes the first that is there).
    `written_name` tells a name written as such from one made as the page renders."""
    named = node.template
    if isinstance(named, nodes.Const) and isinstance(named.value, (list, tuple)):
        return [nodes.Const(value) for value in named.value]
    return list(named.items) if isinstance(named, (nodes.List, nodes.Tuple)) else [named]


def written_name(node: nodes.Expr) -> str | None:
    """A template's name as a template writes it (`"parts/head.html"`); None for one made as the page renders."""
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else None


def rendering_entry(exc: BaseException, what: str) -> None:
    """Tell an error raised rendering a listing's entry (`card.html`, within the listing's template) which entry it was
    (`the entry of content/x.md`), for `Theme.problem`: the listing's page alone does not say which article it is."""
    if not hasattr(exc, _RENDERING):
        with contextlib.suppress(AttributeError):  # (an exception type without a __dict__)
            setattr(exc, _RENDERING, what)


_NO_FILTER = re.compile(r"No (?P<kind>filter|test) named '(?P<name>[^']+)'(?: found)?\.")
# The functions every page's templates get (`render.Renderer.context`), which a filter's name may mean.
FUNCTIONS = frozenset(
    {
        "url_for",
        "abs_url",
        "t",
        "format_date",
        "format_datetime",
        "format_time",
        "format_number",
        "tags_of",
        "outlet_of",
        "card",
        "translations_of",
        "language_name",
        "in_own_lang",
        "lang_attrs",
        "text_direction",
    }
)
# Filters of other template languages (Liquid's, Hugo's, Django's) by what they are called here: a letter's difference
# would not find `upper` for Liquid's `upcase`.
_FILTER_SYNONYMS = {
    "upcase": "upper",
    "uppercase": "upper",
    "downcase": "lower",
    "lowercase": "lower",
    "strip_html": "striptags",
    "striphtml": "striptags",
    "plainify": "striptags",
    "size": "length",
    "len": "length",
    "jsonify": "tojson",
    "json": "tojson",
    "number_of_words": "wordcount",
    "truncatewords": "truncate",
    "truncate_words": "truncate",
    "strip": "trim",
    "safeHTML": "safe",
    "escape_once": "escape",
    "date": "format_date",
    "relative_url": "url_for",
    "relURL": "url_for",
    "absolute_url": "abs_url",
    "absURL": "abs_url",
}


# Jinja's tags that open a block `{% end<name> %}` closes (`set` only without `=`: `{% set x %}...{% endset %}`).
_BLOCK_TAGS = frozenset({"if", "for", "block", "macro", "call", "filter", "with", "autoescape", "set", "trans"})


# A filter given its argument as Liquid (Jekyll, Shopify) and Django give it, `| default: "x"`, or after a space,
# `| truncate 50`: Jinja says only "expected token 'end of print statement', got ':'".
_LIQUID_ARGUMENT = re.compile(r"""\|\s*(?P<name>\w+)(?:\s*:\s*|\s+(?=-?\d|"|'))(?P<args>(?:(?!%}|}})[^|])*?)\s*(?=\||}}|%}|$)""")


_UNKNOWN_TAG = re.compile(r"Encountered unknown tag '(?P<tag>\w+)'\. Jinja was looking for the following tags: (?P<tags>[^.]+)\.")
_ENDBLOCK_NAME = re.compile(r"expected token 'end of statement block', got '(?P<name>\w+)'")
_BLOCK_TAG = re.compile(r"\{%-?\s*(?P<end>end)?block\b\s*(?P<name>\w*)")


def _end_tag_hint(message: str, source: str, lineno: int) -> str:
    """What to write for a misspelt closing tag, which Jinja names without the one meant: `{% endfi %}` ("unknown tag
    'endfi'. Jinja was looking for ... 'endif'"), `{% endblock contents %}` in `{% block content %}` ("expected token 'end
    of statement block', got 'contents'"); "" for any other message."""
    found = _UNKNOWN_TAG.match(message)
    if found is not None:
        close = closest_name(found["tag"], re.findall(r"'(\w+)'", found["tags"]))
        return f" (did you mean {{% {close} %}}?)" if close else ""
    found = _ENDBLOCK_NAME.fullmatch(message)
    line = source.splitlines()[lineno - 1] if 0 < lineno <= len(source.splitlines()) else ""
    if found is None or not re.search(r"\{%-?\s*endblock\s+" + found["name"] + r"\b", line):
        return ""
    opened: list[tuple[str, int]] = []  # the blocks open before the line: `{% block x %}` ... `{% endblock %}`
    for number, text in enumerate(source.splitlines()[: lineno - 1], start=1):
        for tag in _BLOCK_TAG.finditer(text):
            if tag["end"]:
                opened = opened[:-1]
            else:
                opened.append((tag["name"], number))
    before = line[: line.find("endblock " + found["name"])]
    for tag in _BLOCK_TAG.finditer(before):  # (a block opened and closed earlier on the same line)
        opened = opened[:-1] if tag["end"] else [*opened, (tag["name"], lineno)]
    if not opened:
        return ""
    name, at = opened[-1]
    return (
        f" ({{% endblock {found['name']} %}} closes {{% block {name} %}} of line {at}: write {{% endblock {name} %}}, or {{% endblock %}})"
    )


def _unclosed_block(source: str) -> tuple[str, int] | None:
    """The innermost block tag of `source` left open, and the line that opened it; None for a stray end tag."""
    env = jinja2.Environment()
    try:
        tokens = [(line, kind, value) for line, kind, value in env.lex(source) if kind != "whitespace"]
    except jinja2.TemplateSyntaxError:
        return None
    opened: list[tuple[str, int]] = []
    for n, (line, kind, value) in enumerate(tokens[:-1]):
        if kind != "block_begin" or tokens[n + 1][1] != "name":
            continue
        name = tokens[n + 1][2]
        if name in _BLOCK_TAGS:
            rest = tokens[n + 2 : next((m for m in range(n + 2, len(tokens)) if tokens[m][1] == "block_end"), len(tokens))]
            if name != "set" or not any(kind == "operator" and value == "=" for _, kind, value in rest):
                opened.append((name, line))
        elif name.startswith("end") and opened:
            if opened[-1][0] != name[3:]:
                # The end of a block further out (`{% endblock %}` with an `{% if %}` open): the innermost one is left
                # open. An end tag of no open block is a stray one, which Jinja's own message and line name.
                return opened[-1] if any(open_name == name[3:] for open_name, _ in opened) else None
            opened.pop()
    return opened[-1] if opened else None


class _Undefined(jinja2.StrictUndefined):
    """A name or an attribute that is not there: an error wherever a template uses it (prints it, tests it with
    `{% if %}`, loops over it), naming what is missing and what is there, rather than an empty string that hides a
    typo (`article.subtitel`). `is defined` and `default(...)` still ask for it. A key a mapping lacks is the
    exception (`_MissingKey`): `article.extra` and `site.params` are free-form, and a key one article has is
    missing from the next."""

    __slots__ = ()

    def __new__(cls, hint: str | None = None, obj: Any = missing, name: Any = None, exc: type = jinja2.UndefinedError) -> _Undefined:
        return object.__new__(_MissingKey if cls is _Undefined and isinstance(obj, Mapping) else cls)

    @property
    def _undefined_message(self) -> str:
        hint, obj, name = self._undefined_hint, self._undefined_obj, self._undefined_name
        if hint:
            return hint
        if obj is missing:
            return f"{name!r} is undefined"
        if obj is None:
            return f"None has no attribute {name!r} (a field that may be empty wants an {{% if %}} around it)"
        if isinstance(obj, Mapping):
            return f"no key {name!r} here{_did_you_mean(str(name), map(str, obj), 'its keys')}"
        if not isinstance(name, str):
            return f"{type(obj).__name__!r} object has no element {name!r}"
        what = f"{type(obj).__name__!r} object has no attribute {name!r}"
        if isinstance(obj, str):
            return what + _text_hint(obj, name)
        names = [n for n in dir(obj) if not n.startswith("_")]
        documented = DOCUMENTED.get(type(obj).__name__)
        written = _PAGES.get(type(obj).__name__)
        elsewhere = _ELSEWHERE.get(name.lower()) if written is not None else None
        if elsewhere is not None and (elsewhere is _LINK or type(obj).__name__ in ("Article", "StandalonePage")):
            return (
                f"{what} ({elsewhere.format(x=written)})"  # (what other generators' templates read off a page: Hugo's .Permalink, .Content)
            )
        kept = _kept_here(obj, name, written)
        if kept:
            return f"{what} ({kept})"
        if documented is None:
            return what + _did_you_mean(name, names, "its attributes")
        # Its fields as docs/templates.md lists them, not its internals (`from_record`, `key`); a name close to one of
        # those is still suggested (`translaton_of`).
        close = _did_you_mean(name, documented, "its attributes")
        return what + (close if "did you mean" in close else _did_you_mean(name, names, "") or close)


class _MissingKey(_Undefined):
    """A key a mapping lacks (`article.extra.views`, `site.params.analytics`): empty and false, as Jinja's default
    (and Hugo's `.Params`); what is read from it (`.x`, a call) is still an error."""

    __slots__ = ()
    __iter__, __str__, __len__ = jinja2.Undefined.__iter__, jinja2.Undefined.__str__, jinja2.Undefined.__len__
    __eq__, __ne__, __bool__, __hash__ = (
        jinja2.Undefined.__eq__,
        jinja2.Undefined.__ne__,
        jinja2.Undefined.__bool__,
        jinja2.Undefined.__hash__,
    )

    def __contains__(self, item: Any) -> bool:  # (Jinja's default has none: `in` iterates over nothing)
        return False


def _kept_here(obj: Any, name: str, written: str | None) -> str | None:
    """Where an article or page keeps `name`, a front-matter key of its own (`subtitle:`, Pelican's `author:`), or Hugo's
    `.Params` are: in `extra`. None for another object or name."""
    noun = _NOUNS.get(type(obj).__name__)
    if noun is None or written is None:
        return None
    if name.lower() == "params":
        return f"Hugo's .Params: the front matter's other keys are {written}.extra here: write {written}.extra.<key>"
    extra = getattr(obj, "extra", None)
    if isinstance(extra, Mapping) and name in extra:
        return f"{name}: is a front-matter key of this {noun}: write {written}.extra.{name}"
    return None


def _did_you_mean(name: str, names: Iterable[str], known: str) -> str:
    """The name closest to `name` (two letters swapped first: `scr` is `src`), else every name (`known`: what they are;
    "": none listed)."""
    names = sorted(set(names))
    close = closest_name(name, names)
    if close:
        return f" (did you mean {close!r}?)"
    return f" ({known}: {', '.join(names)})" if names and known else ""


_OTHER_SPELLINGS = {"elseif": "elif", "elsif": "elif", "else_if": "elif", "endforeach": "endfor", "foreach": "for"}


def closest_name(name: str, names: Iterable[str]) -> str | None:
    """The name of `names` that `name` most likely misspells: the same letters in another order first (`scr` is `src`,
    which difflib ranks below other names), else the closest by difflib; None when none is close."""
    names = list(names)
    if name in _OTHER_SPELLINGS and _OTHER_SPELLINGS[name] in names:  # (Twig's and PHP's `elseif`: Jinja's elif, not else)
        return _OTHER_SPELLINGS[name]
    same_letters = [n for n in names if sorted(n) == sorted(name)]
    close = same_letters or difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    if close and close[0] in name and len(name) - len(close[0]) >= 3:  # (`subtitle` holds `title` as a word of its own: no typo of it)
        return None
    return close[0] if close else None


# The attributes docs/templates.md gives each object templates see, by its type's name (`pages.py` imports this module,
# so its types cannot be named here). An unknown attribute's message lists these (tests/test_theme.py holds them to the
# types and the docs).
DOCUMENTED = {
    "Article": (*ARTICLE_KEYS, "extra", "source_path", "canonical_url", "noindex"),
    "StandalonePage": ("title", "updated", "lang", "summary", "slug", "draft", "menu", "extra", "source_path", "canonical_url", "noindex"),
    "Tag": ("name", "slug", "count", "label"),
    "Outlet": ("name", "slug", "count", "label"),
    "Image": ("src", "credit", "alt", "caption"),
    "Source": ("name", "url"),
    "Paginator": ("page", "pages", "total", "first", "last", "prev", "next"),
    "ArticleLink": ("title", "date", "lang", "path"),
    "PageLink": ("title", "lang", "path", "external"),
    "Link": ("path", "label"),
    "LanguageLink": ("code", "name", "path", "current"),
    "Feed": ("path", "title", "subtitle", "lang"),
    "ArchiveYear": ("year", "path", "count", "months"),
    "ArchiveMonth": ("month", "path", "count"),
    "SiteInfo": (
        "title",
        "description",
        "base_url",
        "lang",
        "publisher",
        "params",
        "search",
        "sources",
        "languages",
        "home",
        "feed",
        "latest",
    ),
    "PageInfo": ("kind", "path", "lang", "title"),
}
# Names other generators give a page's link and text, which here are functions or a name of their own, on the objects
# that are pages (their link) or have a text (the article's, a standalone page's).
_PAGES = {"Article": "article", "StandalonePage": "standalone", "PageInfo": "page.path", "Tag": "tag", "Outlet": "outlet"}
_LINK = "its link is url_for({x}), relative, which works under a sub-path and from disk; abs_url({x}) for its full URL"
_TEXT = (
    "the page's rendered text is a name of its own: {{{{ content }}}}, on its own page; a listing's entry (card.html) shows "
    "its summary, {{{{ {x}.summary }}}}"
)
_ELSEWHERE = {
    **dict.fromkeys(("url", "permalink", "relpermalink", "link", "href", "absolute_url"), _LINK),
    **dict.fromkeys(("content", "body", "html", "text"), _TEXT),
}
_TAG_ATTRIBUTES = frozenset({"name", "slug", "count", "label", "names", "key"})


def _text_hint(text: str, name: str) -> str:
    """What to say of an attribute a string does not have: Python's str methods are no list to show a template's
    author. A tag's attribute read from a string is most likely from `article.tags`, which holds the tags' names."""
    if name in _TAG_ATTRIBUTES:
        return (
            f" ({_shortened(text)} is text: article.tags holds the tags' names; tags_of(article) gives its tags as Tag "
            "objects, with name, slug, count and label(lang))"
        )
    close = _did_you_mean(name, (n for n in dir(str) if not n.startswith("_")), "")
    return close or f" ({_shortened(text)} is text)"


def _shortened(text: str) -> str:
    """A text quoted, cut short where it is long (a title is, a tag's name is not)."""
    return repr(_cut(text))


def _cut(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


_UNDEFINED_NAME = re.compile(r"'(\w+)' is undefined")
_NO_ATTRIBUTE = re.compile(r"'(?P<type>Article|StandalonePage)' object has no attribute '(?P<name>\w+)'")
_NOUNS = {"Article": "article", "StandalonePage": "page"}
_TAGS_HINTED = re.compile(r"(?P<all>'str' object has no attribute '(?P<name>\w+)') \((?P<text>.*) is text: article\.tags holds")
_READS_TAGS = re.compile(r"\btags\b|\btags_of\b|\btag\b")
_PARAMS_KEY = re.compile(r"\.params\.(\w+)|\.params\[[\"'](\w+)[\"']\]", re.IGNORECASE)
# What a listing's page has and its entries (`card.html`, made once for every page that shows one) do not.
_PAGE_ONLY = frozenset({"page", "paginator", "articles", "heading", "tag", "outlet", "meta", "menu", "languages", "latest"})
_CARD_SEES = (
    " in card.html, an article's entry, made once and shown on every listing page that has the article: it sees article, "
    "lang (the page's language), site and the functions, not the page (see docs/templates.md, card(article))"
)


class SiteFacts(Protocol):
    """What the site has that a template error's hint asks of it (the renderer's): gathered only for such an error."""

    def kept_keys(self) -> Collection[str]:
        """The front-matter keys some article or page keeps for templates (`extra`)."""
        ...

    def tag_names(self) -> Collection[str]:
        """The names of the articles' tags."""
        ...


# The context's name of the page's `Renderer.front_links`, which `markdownify_in` resolves a text's links with: in the
# context, as the page's `url_for` is, since the environment outlives a build's renderer. (No template's name: `_`.)
FRONT_LINKS = "_front_links"


@jinja2.pass_context
def markdownify_in(context: jinja2.runtime.Context, value: Any) -> Markup:
    """The `markdownify` filter (`markdown.markdownify`), its links to articles and content files made real for the page
    it is on (`Renderer.front_links`, with the page's `url_for`): a rights notice's or caption's `[the map](map.png)`
    is held with a marker, which a custom template showing it through this filter printed as `href="ssg-ref:..."`."""
    html = markdownify(value)
    resolve = context.get(FRONT_LINKS)
    if REF_PREFIX in html and resolve is not None and (url_for := context.get("url_for")) is not None:
        return Markup(resolve(str(html), url_for, context.get("t")))  # (`t`: the page's language's words)
    return html


def render_named(template: jinja2.Template, context: dict[str, Any], known: SiteFacts | None = None) -> str:
    """`template.render(context)`; a name it does not know is reported with the names it does (`_did_you_mean`), an
    attribute an article lacks that is a front-matter key of some article or page with the way to read it
    (`_kept_hint`), an attribute read of a text with what the text is (`_text_read_hint`), as `known` tells them.

    Said here, where the context is known: Jinja makes an undefined name without it. (Only a bare "'x' is undefined":
    an entry's template, rendered within a listing, says it first, with its own names.)"""
    try:
        return template.render(context)
    except jinja2.UndefinedError as exc:
        if known is not None:
            _kept_hint(exc, known)
            _text_read_hint(exc, known)
        found = _UNDEFINED_NAME.fullmatch(str(exc.message))
        if found and found[1] in context:  # (the page has it: a macro of a file imported without the page's names)
            name = _imported_name(exc, template.environment)
            imported = (
                f' in an imported template: import it with the page\'s names ({{% import "{name}" as m with context %}}, or '
                f'{{% from "{name}" import ... with context %}})'
            )
            exc.args = (exc.message + imported + ", or pass it to the macro",)
        elif found and template.name == CARD_TEMPLATE and found[1] in _PAGE_ONLY:
            exc.args = (exc.message + _CARD_SEES,)
        elif found:
            names = [n for n in context if n not in template.environment.globals and n != FRONT_LINKS]
            declared = _declared(exc, template.environment)
            if found[1] in declared:  # (a loop's variable after its loop, a `{% set %}` inside a block of another)
                exc.args = (
                    exc.message + f" here: the template sets {found[1]!r} elsewhere (a loop's variable is known only inside its loop)",
                )
                raise
            close = closest_name(found[1], sorted({*names, *declared}))  # (listed: the page's alone)
            exc.args = (exc.message + (f" (did you mean {close!r}?)" if close else _did_you_mean(found[1], names, "names here")),)
        raise


def _kept_hint(exc: jinja2.UndefinedError, known: SiteFacts) -> None:
    """`exc` told to read `article.extra.<key>` where the attribute an article or page lacks is a front-matter key that
    other articles have (this one's own is told by `_Undefined`): `{{ article.subtitle }}` was told "did you mean
    'title'?", and the template printed the wrong text."""
    found = _NO_ATTRIBUTE.match(str(exc.message))
    if found is not None and ".extra.<key>" in str(exc.message):
        key = _PARAMS_KEY.search(_source_line(exc))  # (`article.params.author`: the key it reads)
        exc.args = (str(exc.message).replace(".extra.<key>", f".extra.{key[1] or key[2]}"),) if key else exc.args
    if found is None or ".extra." in str(exc.message) or found["name"] not in known.kept_keys():
        return
    holder, noun = _PAGES[found["type"]], _NOUNS[found["type"]]
    exc.args = (
        f"{found[0]} ({found['name']}: is a front-matter key of some {noun}s: write {holder}.extra.{found['name']}, empty where one has none)",
    )


def _text_read_hint(exc: jinja2.UndefinedError, known: SiteFacts) -> None:
    """`exc` without the tags' hint (`_text_hint`) where the text is no tag's name and the line reads no tags: told of
    `{{ article.extra.author.name }}` (author: Jane Doe), it sent the designer to `article.tags`. The expression read
    as text is named from the template's line, with the way to print it."""
    found = _TAGS_HINTED.match(str(exc.message))
    if found is None:
        return
    line, written = _source_line(exc), found["text"]
    try:
        text = literal_eval(written)
    except (ValueError, SyntaxError):  # (cut short: a long text, no tag's name)
        text = None
    if text in known.tag_names() or _READS_TAGS.search(line):
        return
    read = re.search(rf"([A-Za-z_][\w.]*(?:\[[^\]]*\][\w.]*)*)\.{found['name']}\b", line)
    if read is not None:
        hint = f"{read[1]} is text ({written}): print it as {{{{ {read[1]} }}}}"
    else:
        hint = f"{written} is text: print it as it is, without .{found['name']}"
    exc.args = (f"{found['all']} ({hint})",)


def _innermost_template(exc: BaseException) -> traceback.FrameSummary | None:
    """The frame of `exc`'s traceback in the template it was raised in (Jinja compiles a template's code under its
    file's name and lines), None where none is: its file, line and that line's text (`line`, read as it is on disk)."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.endswith(TEMPLATE_SUFFIXES)]
    return frames[-1] if frames else None


def _source_line(exc: BaseException) -> str:
    """The template's line an error was raised on ("" where none is known or it cannot be read)."""
    frame = _innermost_template(exc)
    return (frame.line or "") if frame is not None else ""


def _imported_name(exc: BaseException, env: jinja2.Environment) -> str:
    """The name an import gives the template an error was raised in (`macros.html`, `partials/macros.html`): the
    message said `{% import 'x.html' as m with context %}`, and the designer had written `{% from "macros.html" import
    byline %}`."""
    frame = _innermost_template(exc)
    if frame is None:
        return "x.html"
    file = Path(frame.filename)
    loaders = env.loader.loaders if isinstance(env.loader, jinja2.ChoiceLoader) else [env.loader]
    folders = [Path(folder) for loader in loaders if isinstance(loader, jinja2.FileSystemLoader) for folder in loader.searchpath]
    return next((file.relative_to(folder).as_posix() for folder in folders if file.is_relative_to(folder)), file.name)


def _declared(exc: BaseException, env: jinja2.Environment) -> set[str]:
    """The names the template an error was raised in gives itself (a macro it imports or defines, a `{% set %}`, a loop's
    variable): `{{ by_line(article) }}` after `{% from "macros.html" import byline %}` was told the page's names alone,
    without `byline`. Read only for such an error."""
    frame = _innermost_template(exc)
    try:
        ast = env.parse(Path(frame.filename).read_text(encoding=TEMPLATE_ENCODING)) if frame is not None else None
    except (OSError, jinja2.TemplateSyntaxError):
        return set()
    if ast is None:
        return set()
    names = {name.name for name in ast.find_all(nodes.Name) if name.ctx in ("store", "param")}
    names |= {macro.name for macro in ast.find_all(nodes.Macro)}
    names |= {alias if isinstance(alias, str) else alias[1] for node in ast.find_all(nodes.FromImport) for alias in node.names}
    return names


class _Context(jinja2.runtime.Context):
    """Jinja's context, with a quicker way to call a plain function.

    A template calls a function through `Context.call`, which first asks the function, and its
    `__call__`, whether it wants the context, the environment or the evaluation context passed in
    (`jinja2.pass_context` and its kin mark a function with an attribute). The default theme calls
    `url_for`, `t` and the date formatters about 120 times a page, and those questions were a tenth
    of the rendering. A plain Python function with no attributes at all wants none of them, so it
    is called directly, with what Jinja passes (`_loop_vars`, `_block_vars`) removed as Jinja
    removes it. So is a method of such a function, and a built-in (`date.isoformat`), which can
    carry no attributes. Anything else goes the usual way.
    """

    @internalcode  # (left out of tracebacks, as Jinja's own `call`)
    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature: any keyword may be passed on)
        kind = type(__obj)  # (a function's test written out: most calls are of one)
        if not ((kind is FunctionType and not __obj.__dict__) or kind is BuiltinFunctionType or _plain(__obj)):
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a StopIteration exception")
        except TypeError as exc:
            if (usage := _call_usage(__obj, args, kwargs, exc)) is not None:
                raise TypeError(usage) from None
            raise


# ssg's functions of one argument that other generators' templates call with more (Flask's `url_for("article",
# slug=...)`): by the name each has in Python, the name templates know it by.
_ONE_TARGET = {"url_for": "url_for", "_abs_url": "abs_url"}


def _call_usage(obj: Any, args: tuple, kwargs: dict, exc: TypeError) -> str | None:
    """What a call of `url_for` or `abs_url` with other than one argument is told (`render.not_one_target`), for the
    TypeError of its own signature (not one raised inside it); None for another."""
    name = _ONE_TARGET.get(getattr(obj, "__name__", ""))
    if name is None or not str(exc).startswith(f"{getattr(obj, '__qualname__', '')}()"):
        return None
    from .render import not_one_target  # (here: render imports this module; asked only as such a call fails)

    return not_one_target(name, args, kwargs)


def _plain(obj: Any) -> bool:
    """A callable that cannot ask for a context: a function or method without Jinja's mark (`jinja_pass_arg`, which
    `pass_context` and its kin set, and all `jinja2.utils._PassArg.from_obj` looks for), or a built-in. (Not "without
    attributes": the strings' `t`, given `t.has`, went Jinja's slow way on each of its 30 calls a page, +11% of a
    page's instructions.)"""
    kind = type(obj)
    if kind is MethodType:
        obj = obj.__func__
        kind = type(obj)
    return (kind is FunctionType and "jinja_pass_arg" not in obj.__dict__) or kind is BuiltinFunctionType


# markupsafe's C escaping of a str, without the Markup wrapper; found by feature detection (it is not public API).
_escape_str = getattr(markupsafe, "_escape_inner", None)


def quick_escape(value: Any) -> str:
    """markupsafe's `escape`, as the text a `{{ }}` prints, quicker for what templates print most: a plain str, or
    Markup already.

    Every `{{ }}` of an autoescaped template is an `escape` call, about 190 a page. What it gives is only joined
    into the page (or into the Markup a macro or `{% set %}` block makes of its text), so a str of the escaped text
    serves as well as a Markup of it, without making one: Markup's Python-level `__new__` was a third of each call,
    and making it at all another fifth. The text is the same either way (tests/test_theme.py compares them).
    """
    kind = type(value)
    if kind is str and _escape_str is not None:
        return _escape_str(value)
    if kind is Markup:
        return value
    if kind is GeneratorType or isinstance(value, Iterator):  # (`tags_of(article) | map(attribute="name")`, `| reverse`)
        raise TypeError(PRINTED_GENERATOR)
    if kind is list or kind is tuple:  # (`article.tags | map(attribute="slug") | list` printed "[Undefined, Undefined]")
        for item in value:
            if isinstance(item, _Undefined) and not isinstance(item, _MissingKey):
                item._fail_with_undefined_error()
    return escape(value)


PRINTED_GENERATOR = (
    "a filter's sequence (map, select, reject, reverse, ...) printed as it is shows as <generator object ...>, another on every "
    'build: end it with | join(", "), or | list'
)


COMPILED_FORM = "1"  # what `_CodeGenerator` makes of a template: another keeps a build from loading the code it compiled before


def compiled_form(env: jinja2.Environment) -> str:
    """What a template's compiled code depends on besides its source: `COMPILED_FORM`, and which filters and tests take
    the context (Jinja compiles the call with it or without). `markdownify` came to take it, and every page of a site
    whose templates an older ssg had compiled failed: "markdownify_in() missing 1 required positional argument"."""
    passing = sorted(
        f"{kind}:{name}"
        for kind, found in (("f", env.filters), ("t", env.tests))
        for name, f in found.items()
        if hasattr(f, "jinja_pass_arg")
    )
    return f"{COMPILED_FORM}:{','.join(passing)}"


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja's compiler, with each run of text and `{{ }}` between two tags yielded as one string.

    Jinja yields each piece on its own, `<a href="`, the URL, `">`: about 500 pieces an article page, each of
    which goes up through every template it is in (article.html's block, base.html, an include's loop) before
    it is joined. Joined where they are made, they go up as one: the same text, with a fifth fewer instructions
    a page (render_cost.py). Jinja's own code writes the pieces, into a list (as it does in a macro), so what
    each one prints and the line an error names are its.
    """

    def visit_Output(self, node: nodes.Output, frame: jinja2.compiler.Frame) -> None:  # noqa: N802 (Jinja names its visitors so)
        printed = sum(not isinstance(child, nodes.TemplateData) for child in node.nodes)
        if frame.buffer is not None or frame.require_output_check or not printed or len(node.nodes) < 2:
            super().visit_Output(node, frame)
            return
        frame.buffer = self.temporary_identifier()
        try:
            self.writeline(f"{frame.buffer} = []")
            super().visit_Output(node, frame)
            self.writeline(f"yield concat({frame.buffer})")
        finally:
            frame.buffer = None


class _ConflictMarkers(jinja2.ext.Extension):
    """A template a `git pull` left git's conflict markers in is a syntax error on the `<<<<<<<` line: Jinja took them
    for text and printed them, with both versions, on every page made with it."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if (conflict := conflict_message(source)) is not None:
            raise jinja2.TemplateSyntaxError(conflict[1], conflict[0], name, filename)
        return source


class _Template(jinja2.Template):
    """A template whose compiled code prints through `quick_escape`, and whose contexts are quicker to make.

    Jinja's compiled module imports `escape` from `jinja2.runtime` and calls it only on what a
    `{{ }}` prints; the module's namespace is where that name is looked up."""

    @classmethod
    def _from_namespace(cls, environment: jinja2.Environment, namespace: Any, globals: Any) -> jinja2.Template:
        if namespace.get("escape") is escape:
            namespace["escape"] = quick_escape
        return super()._from_namespace(environment, namespace, globals)

    def new_context(self, vars: dict[str, Any] | None = None, shared: bool = False, locals: Mapping[str, Any] | None = None) -> Any:
        """Jinja's, given the template's globals as one dict (`_globals`): a context reads them whole, and Jinja's
        `ChainMap` of them (Jinja's own over the template's) is read in Python, twice as a page is rendered and again
        for each template it includes (six a page in the default theme, a tenth of each)."""
        return jinja2.runtime.new_context(self.environment, self.name, self.blocks, vars, shared, self._globals, locals)

    @functools.cached_property
    def _globals(self) -> dict[str, Any]:
        """The template's globals, read once: ssg adds none after it loads the theme."""
        return dict(self.globals)


def load_theme(config: Config) -> Theme:
    """Build the environment for the configured theme with the site's overrides on top.

    A theme that `extends:` another falls back to its templates, static files and strings (`themeconfig`), and each
    theme of the chain is also reachable by name, `{% extends "default:base.html" %}`: a site's or a theme's template
    can then extend the one it replaces, changing a block of it instead of copying it whole."""
    chain = theme_chain(config)
    site_templates = config.root / config.templates_dir
    template_dirs = tuple(p for p in (site_templates, *(theme.path / "templates" for theme in chain)) if p.is_dir())
    by_name = {
        theme.name: jinja2.FileSystemLoader(
            [str(t.path / "templates") for t in chain[n:] if (t.path / "templates").is_dir()], encoding=TEMPLATE_ENCODING
        )
        for n, theme in enumerate(chain)
    }
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader([str(p) for p in template_dirs], encoding=TEMPLATE_ENCODING),
                jinja2.DictLoader(BUILT_IN_TEMPLATES),
                jinja2.PrefixLoader(by_name, delimiter=THEME_DELIMITER),
            ]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
        undefined=_Undefined,
        extensions=[_ConflictMarkers],
    )
    env.code_generator_class = _CodeGenerator
    env.context_class = _Context
    env.filters["markdownify"] = markdownify_in  # a front-matter text's Markdown (a rights notice's link), as Hugo's filter
    env.template_class = _Template
    folders = [theme.path for theme in reversed(chain)]  # the last one extended first: what extends it wins
    static_dirs = tuple(p for p in (*(f / "static" for f in folders), config.root / config.static_dir) if p.is_dir())
    strings, origins = load_strings([f / "i18n" for f in folders], config.root / "i18n", lambda path: display_path(path, config.root))
    # site.yaml's date formats for a language win over the theme's; a site without `languages:` has one for all
    for code in config.language_codes if config.multilingual else sorted({*config.language_codes, *strings}):
        long, short = config.date_formats(code)
        if long:
            strings.setdefault(code, {})["datetime_long"] = long
        if short:  # (the latest list and the 404 page's: they kept the theme's where only date_format was set)
            strings.setdefault(code, {})["datetime_short"] = short
    return Theme(
        env, template_dirs, static_dirs, strings, config.lang, config.root, chain, origins=origins, watchdog=Watchdog(config.timeout)
    )


def format_for(lang: str, zone: str | None = None):
    """Babel date formatters bound to a language; `style` is a Babel style name or pattern. `zone`: the site's time
    zone, where a time in another offset (an outlet's own, `23:30-05:00`) is shown with it (`_format`)."""

    def fmt_date(value: date | datetime, style: str = "long", lang: str = lang) -> str:
        return _format("date", value, _offset(value), style, lang)

    def fmt_datetime(value: datetime, style: str = "medium", lang: str = lang) -> str:
        if isinstance(value, Day):  # written without a time: the day alone, not a made-up midnight
            if (problem := _style_problem("datetime", style)) is not None:  # (as written: its date part may hide it)
                raise ValueError(problem)
            return _format("date", value.date(), None, date_part(style), lang)
        return _format("datetime", value, _offset(value), style, lang, zone)

    def fmt_time(value: datetime, style: str = "HH:mm", lang: str = lang) -> str:
        return _format("time", value, _offset(value), style, lang, zone)

    return fmt_date, fmt_datetime, fmt_time


def number_format(lang: str) -> Callable[..., int | float]:
    """Templates' `format_number`: a count as the language writes it, its thousands grouped ("10 432" in Russian, with
    a no-break space; "10,432" in English, "10.432" in German): a tag or outlet of 10432 articles showed "10432"."""

    def fmt_number(value: int | float, lang: str = lang) -> int | float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(_not_a_number(value))
        return _grouped(value, lang)

    return fmt_number


class _Shown:
    """A number that prints as its language writes it (`format_number`) and is the number still: a site's own string
    with a format of its own for it (`{count:d}`, `{count:,}`) formats the number, and a template can count with it."""

    shown: str

    def __str__(self) -> str:
        return self.shown

    def __format__(self, spec: str) -> str:
        return self.shown if not spec else super().__format__(spec)


class _ShownInt(_Shown, int):
    pass


class _ShownFloat(_Shown, float):
    pass


@functools.lru_cache(maxsize=4096)  # (a listing page shows a few counts, and a site has a few thousand of them)
def _grouped(value: int | float, lang: str) -> int | float:
    number = (_ShownInt if isinstance(value, int) else _ShownFloat)(value)
    number.shown = babel_numbers.format_decimal(value, locale=_locale(lang))
    return number


_TIME_FIELDS = frozenset("hHkKmsSAaBbjJCzZvVOXx")


def date_part(style: str) -> str:
    """The date fields of a Babel style or pattern: "MMMM d, y, h:mm a" -> "MMMM d, y"; "long" stays "long". A
    language's own pattern (`datepatterns.locale_patterns`) has its locale's date pattern ("d MMMM y 'р'.")."""
    return locale_date_part(style) or _date_part(style)


@functools.cache  # asked for every date written as a day, on every page that shows one; a theme has a few patterns
def _date_part(style: str) -> str:
    """`date_part` of any pattern.

    What lies between the first and the last date field is kept (its time fields dropped); literals before the
    first and after the last went with the time ("d MMMM y, HH:mm" -> "d MMMM y")."""
    if style in BABEL_STYLES:
        return style
    tokens = [m.group(0) for m in PATTERN_TOKEN.finditer(style)]
    dated = [i for i, token in enumerate(tokens) if token[0].isalpha() and token[0] not in _TIME_FIELDS]
    if not dated:
        return "long"
    kept = [t for t in tokens[dated[0] : dated[-1] + 1] if not (t[0].isalpha() and t[0] in _TIME_FIELDS)]
    return "".join(kept)


def format_date(value: date, style: str, lang: str) -> str:
    """A date in `lang` (cached, like the template formatters)."""
    return _format("date", value, None, style, lang)


@functools.cache
def date_formatter(style: str, lang: str) -> Callable[[date], str]:
    """`format_date(value, style, lang)` for many dates, each met once (`pages.period_label`'s 4,000 at 10,000
    articles): Babel's pattern looked up and parsed once rather than on each call (50 ms through `format_date`, 29 ms
    through this, in every build of a new process). The same text: it is Babel's `format_date` less its lookups."""
    problem = _style_problem("date", style)
    if problem is not None:
        raise ValueError(problem)
    locale = _locale(lang)
    pattern = babel_dates.parse_pattern(babel_dates.get_date_format(style, locale) if style in BABEL_STYLES else style)
    return functools.partial(pattern.apply, locale=locale)


def _offset(value: date | datetime) -> object:
    return value.utcoffset() if isinstance(value, datetime) else None


@functools.lru_cache(maxsize=65536)
def _format(kind: str, value: date | datetime, offset: object, style: str, lang: str, zone: str | None = None) -> str:
    # Cached: the same dates (the latest list, listings) are formatted on thousands of pages.
    # `offset` is part of the key: 11:42+00:00 and 14:42+03:00 are equal datetimes but print differently.
    if not isinstance(value, (date, time)) or (kind != "time" and isinstance(value, time)):
        # Babel takes None for "now": an empty field (an article without `updated`) would print today, and change daily.
        raise TypeError(_not_a_date(kind, value))
    problem = _style_problem(kind, style)
    if problem is not None:
        raise ValueError(problem)
    formatter = {"date": babel_dates.format_date, "datetime": babel_dates.format_datetime, "time": babel_dates.format_time}[kind]
    label = None
    if zone is not None and isinstance(value, datetime) and value.utcoffset() is not None:
        fields = _pattern_of(style)
        local = _in_site_zone(value, zone)
        if local is None and _CLOCK_FIELDS.intersection(fields) and not _ZONE_FIELDS.intersection(fields):
            label = _gmt(value.utcoffset())  # (a pattern that shows a zone itself, or no time, gets none)
        elif local is not None and _ZONE_FIELDS.intersection(fields):
            value = local  # (its zone's name, which a fixed offset has none of: "Unknown Region (UTC+03:00) Time")
    shown = formatter(value, format=style, locale=_locale(lang))
    return f"{shown} {label}" if label else shown


def _in_site_zone(value: datetime, zone: str) -> datetime | None:
    """`value` in the site's time zone by name where its offset is that zone's at that moment (to the minute, as dates
    are read: `content._whole_minutes`), else None: an outlet's own time (`23:30-05:00`), shown as written, then says
    its offset (`GMT-5`). Without it a Moscow site listed New York's 23:30 of 31 March above Moscow's 01:30 of 1 April,
    newest first, as though time ran back, and an "Updated" line beside it was in another zone without a word."""
    try:
        there = value.astimezone(zoneinfo.ZoneInfo(zone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OverflowError):
        return value  # (no zone to compare with: as the site's)
    ours, theirs = there.utcoffset(), value.utcoffset()
    same = ours is not None and theirs is not None and round(ours.total_seconds() / 60) == round(theirs.total_seconds() / 60)
    return there if same else None


def _gmt(offset: timedelta) -> str:
    """An offset as a page shows it beside a time: `GMT-5`, `GMT+5:30`."""
    minutes = round(offset.total_seconds() / 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"GMT{'-' if minutes < 0 else '+'}{hours}{f':{rest:02d}' if rest else ''}"


_ZONE_FIELDS = frozenset("zZvVOXx")
_CLOCK_FIELDS = frozenset("hHkKjJm")


@functools.cache
def _pattern_of(style: str) -> str:
    """The letters of a Babel style's or pattern's fields, quoted text left out. A style name stands for its time
    pattern's, which `long` and `full` end with a zone (`-0500`, `GMT+03:00`) and `short` and `medium` do not."""
    if style in BABEL_STYLES:
        return "Hmz" if style in ("long", "full") else "Hm"
    return "".join(m[0][0] for m in PATTERN_TOKEN.finditer(style) if m[0][:1].isalpha())


@functools.cache
def _style_problem(kind: str, style: str) -> str | None:
    """What is wrong with the style or pattern a template gives `format_<kind>`, with what to write; None when nothing is.

    site.yaml's and the strings' patterns are checked as they are read (`datepatterns.pattern_problem`); a template's
    own went to Babel as it was: `format_datetime(d, "%d.%m.%Y")` printed "%29.%51.%2022" under every article, and
    `format_date(d, "dd.MM HH:mm")` (a time in a date) stopped the build with "'datetime.date' object has no attribute
    'hour'"."""
    if not isinstance(style, str):
        return f"format_{kind}: the style is {_cut(repr(style))}, not a text (one of {', '.join(BABEL_STYLES)}, or a pattern: 'd MMMM y')"
    problem = pattern_problem(style)
    if problem is not None:
        return f"format_{kind}: {bad_pattern(style, problem)}"
    fields = sorted({m[1] for m in PATTERN_TOKEN.finditer(style) if m[1]}) if style not in BABEL_STYLES else []
    wrong = [f for f in fields if (f in _TIME_FIELDS) == (kind == "date")] if kind in ("date", "time") else []
    if not wrong:
        return None
    shows, other = ("a date alone", "time") if kind == "date" else ("a time alone", "date")
    return (
        f"format_{kind} shows {shows}, and {style!r} has {other} fields ({', '.join(wrong)}): format_datetime(d, {style!r}) "
        f"shows a date with its time (a style is one of {', '.join(BABEL_STYLES)})"
    )


def _not_a_date(kind: str, value: object) -> str:
    """Why `format_<kind>(value)` cannot format `value`: an empty field wants an `{% if %}`; anything else is the wrong
    value passed (`format_date(article.title)`)."""
    if value is None:
        return f"format_{kind}: None is not a date (a field that may be empty wants an {{% if %}} around it)"
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()  # (its own message: the key that is missing)
    takes = {"date": "a date", "datetime": "a date and time", "time": "a time"}[kind]
    what = _described(value)
    if isinstance(value, time):
        what = f"a time, {value} (format_time formats it)"
    written = ""
    if isinstance(value, str) and _ISO_DAY.match(value):  # (front matter other than `date:` and `updated:` stays text)
        written = ": a date written in front matter's other keys is text, which a template can print as it is"
    return f"format_{kind} takes {takes} (article.date, article.updated), and got {what}{written}"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _not_a_number(value: object) -> str:
    """Why `format_number(value)` cannot format `value`, as `_not_a_date` says it of a date."""
    if value is None:
        return "format_number: None is not a number (a field that may be empty wants an {% if %} around it)"
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()
    return f"format_number takes a number (tag.count, paginator.total), and got {_described(value)}"


def _described(value: object) -> str:
    """A value a template passed where it should not, as a message names it: "the text 'A'", "42 (an int)"."""
    if isinstance(value, str):
        return f"the text {_shortened(value)}"
    kind_of = type(value).__name__
    return f"{_cut(repr(value))} ({'an' if kind_of[0] in 'aeiou' else 'a'} {kind_of})"


@functools.cache
def _locale(lang: str) -> Locale:
    """Babel's locale for `lang`, parsed once: given a name, Babel parses it on every call (half the time of one)."""
    return Locale.parse(lang.replace("-", "_"))
