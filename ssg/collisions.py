"""Two things the build would write to one output file, found before anything is written (as Zola's
`find_path_collisions`): each a problem naming both, on the key that makes one of them, with what to change.
"""

from __future__ import annotations

from operator import attrgetter
from pathlib import Path

from .config import CONFIG_FILE
from .errors import Problem
from .pages import OUTLET_KINDS, Page
from .redirects import REDIRECT_KIND
from .scripts import composed


def collisions(
    pages: list[Page],
    files: dict[str, Path],
    single_lang: str | None,
    generated: dict[str, str],
    shown_as: str,
    root: Path | None = None,
    paths: set[str] | None = None,
) -> list[Problem]:
    """Two things that would be written to one output file: a problem naming both.

    `single_lang`: the site's language when it has no `languages:` (then two articles in two languages on one URL are
    translations, and the message says how to publish both). `generated`: the other files the build writes (feeds,
    the sitemap), by what they are, so that a static file in their place is named with them. Articles are named as
    `shown_as/<path>` (the content folder). A redirect page (`redirects.py`) never takes the place of anything else:
    the problem is on the old URL that makes it, naming a file it would overwrite from `root` (the project's). `paths`:
    the pages' files, where the caller has them."""
    paths = set(map(attrgetter("file"), pages)) if paths is None else paths
    redirects = [page for page in pages if page.kind == REDIRECT_KIND]
    problems = _folder_clashes(redirects, paths | files.keys() | generated.keys(), shown_as) if redirects else []
    if len(paths) == len(pages) and paths.isdisjoint(files) and generated.keys().isdisjoint(files):
        return problems  # the usual case, found without the sorting that orders the messages
    owners: dict[str, Page] = {}
    # Articles in file order, so the message is on the file that sorts later; then standalone pages (a page on an
    # article's URL is the page's to move: its slug alone makes it), in file order; redirects last.
    for page in sorted(pages, key=lambda p: (p.kind == REDIRECT_KIND, p.kind == "page", _source_of(p) or "")):
        path = page.file
        if path in owners and page.kind == REDIRECT_KIND:
            first = owners[path]
            what = "an old URL of {} too (one page can redirect to one article: remove it from one of them)"
            if "owner" in page.context or "owner" in first.context:  # (a tag's old address: `redirects.listing_aliases`)
                what = "an old address of {} too (a page can lead to one place only: remove it from one of them)"
            what = what if first.kind == REDIRECT_KIND else "the URL of {} (a redirect cannot take its place: remove the old URL here)"
            problems.append(_redirect_clash(page, "is " + what.format(_owner(first, shown_as)), shown_as))
        elif path in owners:
            first = owners[path]
            message = _collision(page, first, single_lang, _owner(first, shown_as))
            problems.append(Problem(_owner(page, shown_as), None, "slug" if page.kind in ("article", "page") else None, message))
        owners.setdefault(path, page)
    for path, source in files.items():
        shown = source.relative_to(root).as_posix() if root and source.is_relative_to(root) else str(source)
        if path in owners and owners[path].kind == REDIRECT_KIND:
            what = f"is the path of {shown}, which the site copies there (a redirect cannot take its place: remove the old URL here)"
            problems.append(_redirect_clash(owners[path], what, shown_as))
        elif path in owners:
            message = f"would overwrite /{path} of {_owner(owners[path], shown_as)}: give this file another name, or remove it"
            problems.append(Problem(shown, None, None, message))
        elif path in generated:  # (a name of ssg's own, such as latest.js, which a site may have used before ssg wrote it)
            message = f"would overwrite /{path} of {generated[path]}, which ssg writes there: give this file another name"
            problems.append(Problem(shown, None, None, message))
    return problems


def case_clashes(files: dict[str, Path], root: Path) -> list[Problem]:
    """A warning for each file the build copies whose path differs from another's only in capitals (static/Logo.png
    and static/logo.png, content/images/Photo.jpg and photo.jpg): git keeps both, but a clone on a Mac or Windows,
    whose names ignore case, holds one file for the two, so the site built there differed from Linux's (CI's), and a
    host that ignores case serves one for both. Nothing to sort or list in the usual case: one set of folded paths.
    Capitals by `str.lower`, as those systems fold them (`casefold` takes ß for ss, which they do not)."""
    if len({path.lower() for path in files}) == len(files):
        return []
    first: dict[str, str] = {}
    problems = []
    for path in sorted(files):
        if (other := first.setdefault(path.lower(), path)) != path:
            shown, earlier = (f.relative_to(root).as_posix() if f.is_relative_to(root) else str(f) for f in (files[path], files[other]))
            if composed(shown).lower() == composed(earlier).lower():
                message = (
                    f"its name differs from {earlier}'s only in capitals: a clone on a Mac or Windows, whose names ignore "
                    "case, holds one file for the two, and the site built there lacks one (give one another name)"
                )
            else:  # (two folders, content/img/ and static/IMG/: each clone has both, their copies clash)
                message = (
                    f"is copied to /{path}, which differs from /{other}, {earlier}'s copy, only in capitals: a build on a Mac or "
                    "Windows, whose names ignore case, writes one file for the two, as a host that ignores case serves one (give one another name)"
                )
            problems.append(Problem(shown, None, None, message))
    return problems


def old_url_case_clashes(pages: list[Page], written: set[str], shown_as: str) -> list[Problem]:
    """A warning for each old URL (a redirect page) whose file differs from another page's only in capitals (an
    article's `aliases: [/2026/03/01/Launch/]`, a WordPress URL, beside the article at /2026/03/01/launch/): Linux
    keeps both, but a host that ignores case, or a copy of the output on a Mac or Windows, holds one file for the two,
    and the article was replaced by a redirect to another (or the other way), without a word. Only redirects' paths
    are looked at: every other page's is a slug, in lower case. `written`: every page's file. (Jekyll's `old_urls:`
    make one such of every article whose file name has capitals, each of its own article's: those are docs/content.md's,
    and not looked for one by one, which went over every page for each.)"""
    upper = [page for page in pages if page.kind == REDIRECT_KIND and page.file != page.file.lower()]
    if not upper:
        return []  # (the usual case: no old URL in capitals, and nothing to fold)
    folded: dict[str, list[str]] = {}
    for path in written:
        folded.setdefault(path.lower(), []).append(path)
    by_file = {page.file: page for page in pages}
    problems = []
    for page in upper:
        others = [path for path in folded[page.file.lower()] if path != page.file]
        if not others:
            continue
        there = by_file[min(others)]
        if page.context["alias"].key == "old_urls" and _source_of(there) == _source_of(page):
            continue  # (Jekyll's `Big-News.html` of ssg's `big-news.html`: docs/content.md says what a host ignoring case does)
        what = (
            f"differs from /{there.file.removesuffix('index.html')}, the URL of {_owner(there, shown_as)}, only in capitals: a host "
            "that ignores case, or a copy of the site on a Mac or Windows, holds one file for the two (remove the old URL here, "
            "or ask the host to redirect it)"
        )
        problems.append(_redirect_clash(page, what, shown_as))
    return problems


def _folder_clashes(redirects: list[Page], written: set[str], shown_as: str) -> list[Problem]:
    """A redirect whose path goes through a file the build writes (`/index.html/`: in the folder `index.html`), or
    that is an .html file where the build writes into a folder of that name: written, one would replace the other, a
    page of the site gone. Redirects only: every other path follows a pattern, and only a redirect is an .html file
    that could be a folder of another path (a path with `.htm` in a folder's name: a few, looked at alone)."""
    problems = []
    folders_of = {}  # a folder named like a page (x.html/) -> a path in it
    for path in written:
        if ".htm" in path.rpartition("/")[0]:
            parts = path.split("/")
            folders_of.update(("/".join(parts[:n]), path) for n in range(1, len(parts)))
    for page in redirects:
        folders = page.file.split("/")[:-1]
        through = next(("/".join(folders[: n + 1]) for n in range(len(folders)) if "/".join(folders[: n + 1]) in written), None)
        if through is not None:
            what = f"would make the file /{through}, which the site writes, a folder (a redirect cannot take its place: remove the old URL here)"
        elif page.file in folders_of:
            what = f"is a folder of the site (/{folders_of[page.file]} is in it): a redirect cannot take its place: remove the old URL here"
        else:
            continue
        problems.append(_redirect_clash(page, what, shown_as))
    return problems


def _redirect_clash(page: Page, what: str, shown_as: str) -> Problem:
    """An old URL of an article (`redirects.py`) where the site has something else, on the key that names it."""
    where = CONFIG_FILE if "owner" in page.context else _owner(page, shown_as)
    return Problem(where, page.context.get("line"), page.context["alias"].key, f"/{page.path} {what}")


def _source_of(page: Page) -> str | None:
    """The content path of the article or standalone page a page is of (its own page, or a redirect to it)."""
    if page.kind == "article":
        return page.context["article"].source_path
    if page.kind == "page":
        return page.context["standalone"].source_path
    return page.context["source_path"] if page.kind == REDIRECT_KIND else None


def _same_name(a: Page, b: Page) -> bool:
    return a.context["article"].source_path.rsplit("/", 1)[-1] == b.context["article"].source_path.rsplit("/", 1)[-1]


def _same_title(a: Page, b: Page) -> bool:
    return " ".join(a.context["article"].title.split()).casefold() == " ".join(b.context["article"].title.split()).casefold()


def _owner(page: Page, shown_as: str) -> str:
    if page.kind == REDIRECT_KIND and "owner" in page.context:  # (an old address of a tag's page: `redirects.listing_aliases`)
        return page.context["owner"]
    if page.kind in ("tag", "source"):
        return f"the {page.kind} page of {page.title!r}"
    source = _source_of(page)
    return f"{shown_as}/{source}" if source else f"the {page.kind} page"


def _collision(page: Page, first: Page, single_lang: str | None, first_owner: str) -> str:
    """What to do about two pages on one URL: a translation on a site without `languages:` needs those, not a new slug."""
    message = f"has the same URL /{page.path} as {first_owner}"
    langs = [p.lang for p in (first, page)] if {page.kind, first.kind} <= {"article", "page"} else []
    if (source := _source_of(page)) and source != (other := _source_of(first)) and source.lower() == (other or "").lower():
        # (`Note.md` and `note.md`, both in git: a Mac shows one file, the editor there saw nothing to rename, and CI failed)
        return (
            f"{message}, its name in other capitals: a clone on a Mac or Windows, whose names ignore case, holds one file for "
            "the two, so keep one (git rm --cached the other there) or give it another name"
        )
    if source and source != other and composed(source) == composed(other or ""):
        # (`ёжик.md` saved on a Mac, its letters decomposed, beside the same name typed on Linux: two names that look one)
        return (
            f"{message}, the same name with its letters written otherwise: a Mac writes ё and й as two characters each "
            "(decomposed), other systems as one, and both files are here; keep one (git rm --cached the other)"
        )
    if page.kind == first.kind == "article" and langs[0] == langs[1] and _same_title(first, page):
        # (two editors who wrote up the same story, each in a file of their own, pulled each other's)
        return f"{message}, with the same title: if it is one story written twice, keep one file; if two, give one a `slug:` of its own"
    if page.kind == first.kind == "article" and not single_lang and langs[0] == langs[1] and _same_name(first, page):
        return (
            f"{message}, in the same language: if one translates the other, give it its `lang:` (a folder's name does not set it); "
            "if they are two articles, give one a `slug:` of its own"
        )
    if single_lang and len(set(langs)) == 2:
        langs = sorted(set(langs) | {single_lang}, key=lambda code: (code != single_lang, code))  # the site's own first
        return (
            f"{message}, in another language: to publish translations side by side, list the languages in site.yaml "
            f"(languages: [{', '.join(langs)}]; see docs/languages.md)"
        )
    if first.kind in OUTLET_KINDS:  # (a page an archive had at /sources/ before ssg made outlet pages: it may keep its URL)
        return f"{message} (set a different `slug:`, or keep the URL for it with sources: {{enabled: false}} in site.yaml, which leaves the outlet pages out)"
    return f"{message} (set a different `slug:`)" if page.kind == "page" else f"{message} (set a different `slug:` or date)"
