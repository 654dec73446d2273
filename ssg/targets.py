"""Site paths that templates and site.yaml name, checked against what the build writes.

A template that writes `url_for('brand/logo.svg')` and a `publisher: {logo: ...}` of site.yaml name a file by its path,
which nothing else checks before the site is published: the page shows a broken picture or link, and `ssg check
--links` finds it on every page, naming the built pages rather than the template's line. So each build checks the
paths templates write out (found when templates are analysed: `fingerprints.Templates`) against the files it writes,
once per build: a handful of set look-ups, whatever the size of the site.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable
from urllib.parse import urlsplit

from .config import CONFIG_FILE, Config
from .errors import Problem, SsgError
from .fingerprints import LINKING, TemplateLink, Templates
from .pages import Page
from .redirects import REDIRECT_KIND
from .theme import load_theme
from .urls import is_later_page, output_file


class Written:
    """The files a build writes, by their path in the output folder: its pages', the files it copies (static/, content
    files) and those it makes (feeds, the sitemap, `latest.js`, robots.txt), and the search index's folder."""

    def __init__(self, pages: Collection[str], files: Collection[str], generated: Collection[str], folders: Iterable[str] = ()):
        self.pages, self.files, self.generated = pages, files, generated
        self.folders = tuple(folders)  # written to by parts whose files are not known yet (the search index's)

    def __contains__(self, file: object) -> bool:
        return file in self.pages or file in self.files or file in self.generated

    def has(self, site_path: str) -> bool:
        """Whether a link to `site_path` (no leading slash; a `#part` or `?query` is left out) finds a file."""
        return output_file(site_path) in self or any(site_path.startswith(folder) for folder in self.folders)


def site_path(written: str) -> str:
    """The site path a template's literal names, as `url_for` reads it: from the site's root, without `#part` or
    `?query`."""
    return written.lstrip("/").split("#", 1)[0].split("?", 1)[0]


def template_link_problems(
    links: Iterable[TemplateLink], written: Written, config: Config, candidates: Callable[[], list[str]]
) -> list[Problem]:
    """A warning on each template line that names a site path the build writes nothing at (`url_for('tgas/')`);
    `candidates`: the paths a misspelt one may have meant, asked only when one is."""
    problems = []
    for link in links:
        if link.call not in LINKING:
            problems.append(Problem(link.file, link.line, None, _rooted(link, config)))
            continue
        path = site_path(link.target)
        if written.has(path):
            continue
        what = f"{link.written} links to /{path}, which this site does not have"
        fix = _fix(link.target, path, written, config, candidates, folder=_static_of(link.file, config))
        problems.append(Problem(link.file, link.line, None, f"{what} ({fix})"))
    return problems


def _rooted(link: TemplateLink, config: Config) -> str:
    """Why a path a template writes from the site's root is wrong (`href="/assets/site.css"`), and how to write it: a
    site under a sub-path, and pages opened from disk, do not have the host's root as theirs."""
    path = link.target.lstrip("/")
    call = f"url_for('{path[:-1]}' ~ ...)" if path.endswith("…") else f"url_for({path!r})"
    fix = f"url({{{{ {call} }}}})" if link.call == "url" else f'{link.call}="{{{{ {call} }}}}"'
    base = urlsplit(config.base_url)
    if base.path.strip("/"):
        host, path = f"{base.scheme}://{base.netloc}/", path.rstrip("…")
        return f"{link.written} is written from the host's root: it leads to {host}{path}, not {config.base_url}{path}, nor to a file opened from disk (write {fix})"
    return f"{link.written} is written from the host's root, which a site under a sub-path and a page opened from disk do not share (write {fix})"


def site_yaml_paths(config: Config, written: Written, candidates: Callable[[], list[str]]) -> tuple[list[Problem], list[Problem]]:
    """The problems and warnings of the paths in the site that site.yaml names and the build writes nothing at, each on
    its line with what was likely meant: `image:` (an error: every link preview of a page without a picture would show
    a missing one), `publisher.logo` (a warning: every page's JSON-LD and the feeds name it, and sites built before it
    was checked keep building) and each `menu:` link (a warning: every page's header would link nowhere). A full URL
    (`https://...`) is taken as it is."""
    errors, warnings = [], []
    image = config.image
    if image and not _elsewhere(image) and not written.has(site_path(image)):
        fix = _fix(image, site_path(image), written, config, candidates, "or give its URL (https://...)")
        message = f"{image!r} is no file of the site: link previews of pages without a picture would show a missing one ({fix})"
        errors.append(Problem(CONFIG_FILE, config.line_of("image"), "image", message))
    logo = config.publisher.get("logo")
    if logo and not _elsewhere(logo) and not written.has(site_path(logo)):
        url = config.base_url + site_path(logo)
        fix = _fix(logo, site_path(logo), written, config, candidates, "or give the logo's full URL")
        message = (
            f"logo: {logo!r} is no file of the site: every page's JSON-LD (and the feeds) would name {url}, which is not there ({fix})"
        )
        publisher = config.line_of("publisher")  # (its line where `logo:` is on it: `publisher: {name: X, logo: y}`)
        line = config.line_below("logo", publisher) or publisher
        warnings.append(Problem(CONFIG_FILE, line, "publisher", message))
    for n, entry in enumerate(config.menu, 1):
        if entry.external or written.has(site_path(entry.url)):
            continue
        fix = _fix(entry.url, site_path(entry.url), written, config, candidates, "or give an http(s) address")
        name = entry.name_in(config.lang, config.lang)[0]
        message = f"entry {n} ({name}): {entry.url!r} is no page or file of the site ({fix})"
        warnings.append(Problem(CONFIG_FILE, config.line_of("menu"), "menu", message))
    return errors, warnings


def _elsewhere(written: str) -> bool:
    """Whether a path site.yaml gives is a full URL (of this site or another), which is taken as it is."""
    return "://" in written or written.startswith("//")


def _static_of(file: str, config: Config) -> str:
    """The static folder beside a template (`themes/courier/static` of `themes/courier/templates/base.html`): a file a
    theme's template names belongs with the theme, where the site's `static/` was suggested; else the site's."""
    folder, found, _ = file.partition("/templates/")
    if found and folder.startswith("themes/") and folder.count("/") == 1:
        return f"{folder}/static"
    return config.static_dir


def _fix(
    written: str, path: str, outputs: Written, config: Config, candidates: Callable[[], list[str]], other: str = "", folder: str = ""
) -> str:
    """What to write instead of a site path the build writes nothing at; `folder`: the static folder to put a missing
    file in (the site's where not given)."""
    if "://" in written or written.startswith("//"):
        return "url_for and abs_url take a path of this site: write another site's URL as it is"
    if outputs.has(path + "/"):
        return f"a page's path ends with a slash: write {path + '/'!r} (opened from disk, {path!r} shows a folder's listing)"
    static = f"{config.static_dir}/"
    if path.startswith(static) and outputs.has(path.removeprefix(static)):  # (`/static/logo.png`: Hugo's folder is the site's root)
        return f"the files of {static} are at the site's root: write {path.removeprefix(static)!r}"
    close = difflib.get_close_matches(path, candidates(), n=1, cutoff=0.75)
    page = path.endswith("/") or not path
    put = f"put the file at {folder or config.static_dir}/{path}"
    if close:
        return f"did you mean {close[0]!r}?" + ("" if page else f" else {put}" + (f", {other}" if other else ""))
    return "no page of the site is there" if page else f"{put}, {other or 'or fix the path'}"


def template_lines(config: Config) -> dict[str, list[str]]:
    """Each site path the site's templates name literally -> the template lines that name it
    (`templates/article.html:12: url_for('tgas/')`): `ssg check --links` says which line wrote a link it finds broken on
    many pages. Empty where the theme cannot be loaded (its own error is the build's to report)."""
    try:
        theme = load_theme(config)
    except SsgError:
        return {}
    found: dict[str, list[str]] = {}
    for link in Templates().analyse(theme, theme.own_templates()).links:
        found.setdefault(site_path(link.target.rstrip("…")), []).append(f"{link.file}:{link.line}: {link.written}")
    return found


def stylesheet_sources(config: Config) -> dict[str, str]:
    """Each stylesheet of the site's and its themes' `static/` folders, by its path in the output -> its file as the
    user knows it (`themes/courier/static/css/site.css`): `ssg check --links` names the built `css/site.css`, which is
    not the file to edit. Empty where the theme cannot be loaded (its own error is the build's to report)."""
    try:
        theme = load_theme(config)
    except SsgError:
        return {}
    found: dict[str, str] = {}
    for folder in theme.static_dirs:  # (the site's last: its file wins, as when the build copies them)
        for path in sorted(folder.rglob("*.css")):
            found[path.relative_to(folder).as_posix()] = theme.display(str(path))
    return found


def page_candidates(pages: Iterable[Page]) -> list[str]:
    """The pages worth suggesting for a misspelt site path: not articles, redirects, day or month archives or later
    pages of a listing, which a template would not name. (A later page as `urls` makes it: a tag named Page, at
    tags/page/, was never suggested.)"""
    return [page.path for page in pages if page.kind not in _NOT_NAMED and not is_later_page(page.path)]


_NOT_NAMED = frozenset({"article", REDIRECT_KIND, "day", "month"})
