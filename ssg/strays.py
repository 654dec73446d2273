"""Templates saved where ssg never reads them, each a warning that says where it would be read.

A designer who saves `templates/partials/footer.html` (Hugo's habit), `layouts/article.html` (Hugo's folder),
`_includes/footer.html` (Jekyll's and Eleventy's) or `themes/courier/list.html` (beside the theme's `templates/`) saw
the preview rebuild and nothing change, and neither `ssg build` nor `ssg check` said a word. A template is used by its
name: a page is made with one of the names `theme.PAGE_TEMPLATES` (and the optional ones) gives, and any other is used
only where a template includes, extends or imports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from jinja2 import nodes

from .config import Config
from .errors import Problem
from .theme import (
    CARD_TEMPLATE,
    OTHER_SUFFIXES,
    PAGE_TEMPLATE,
    PAGE_TEMPLATES,
    REDIRECT_TEMPLATE,
    REFERRING,
    SEARCH_TEMPLATE,
    SOURCES_TEMPLATE,
    TEMPLATE_SUFFIXES,
    THEME_DELIMITER,
    Theme,
    closest_name,
    template_names,
    written_name,
)
from .themeconfig import PACKAGE_DIR, shipped_theme_bases

# What a page may be made with, used or not by this site (search.html with search off is no stray).
NAMED_BY_SSG = frozenset({*PAGE_TEMPLATES, CARD_TEMPLATE, PAGE_TEMPLATE, REDIRECT_TEMPLATE, SEARCH_TEMPLATE, SOURCES_TEMPLATE})
# Other generators' template folders, at the top of a project or of a theme: -> whose.
OTHER_FOLDERS = {"layouts": "Hugo's", "_layouts": "Jekyll's", "_includes": "Jekyll's and Eleventy's"}


# The default theme's templates no page of its own uses any more, kept for a site's copy of an older template that
# includes them (`languages.css`, emptied when its rules moved to style.css: a site's older base.html includes it).
# Built from ssg's own checkout (the sample archive), the default theme is the project's, and was told of as unused.
_KEPT_FOR_OLDER_COPIES = frozenset({"languages.css"})  # (a site's own copy of one is told of, as before)


def stray_templates(theme: Theme, config: Config, used: Mapping[str, Sequence[str]]) -> list[Problem]:
    """A warning for each template of the site's own (its `templates/`, and the project's themes of the chain) that no
    page is made with and no template refers to, and for each folder of another generator's templates; `used`: the
    templates this build's pages take (`fingerprints.Templates.references`). Only the project's folders are looked at
    (a few directory listings: every build of the preview asks)."""
    problems = []
    folders = [(config.root / config.templates_dir, config.templates_dir)]
    for folder in [theme.path for theme in theme.chain if theme.path.is_relative_to(config.root)]:
        shown = folder.relative_to(config.root).as_posix()
        folders.append((folder / "templates", f"{shown}/templates"))
        problems += _beside_templates(folder, shown)
    problems += _other_folders(config.root, "", config.templates_dir)
    unused = [
        (name, f"{shown}/{name}")
        for folder, shown in folders
        for name in _templates_in(folder)
        if name not in used and not (name in _KEPT_FOR_OLDER_COPIES and folder.parent.parent in shipped_theme_bases(PACKAGE_DIR))
    ]
    unused = [(name, file) for name, file in unused if name not in NAMED_BY_SSG]
    if unused:
        referred, dynamic = _referred(theme)
        if not dynamic:  # (`{% include "parts/" ~ name %}` may name any of them)
            problems += [_unused(theme, config, name, file) for name, file in unused if name not in referred]
    return problems + _unseen_blocks(theme)


def _unseen_blocks(theme: Theme) -> list[Problem]:
    """A warning for each block of a project's template that the template it extends never shows: a misspelt
    `{% block contents %}` in an article.html that extends base.html (whose block is `content`) built every article page
    without its text, and neither `ssg build` nor `ssg check` said a word. A block inside one the parent shows is shown.
    Only the project's own templates are read (a site on ssg's theme alone parses nothing), each once per theme."""
    return theme.checked("unseen blocks", lambda: [problem for file, ast in theme.own_parsed() for problem in _unseen_in(theme, file, ast)])


def _unseen_in(theme: Theme, file: str, ast: nodes.Template) -> list[Problem]:
    """`_unseen_blocks` of one template, `file` as shown."""
    extends = next(ast.find_all(nodes.Extends), None)
    if extends is None:
        return _extends_nothing(file, ast)
    if not isinstance(extends.template, nodes.Const):
        return []
    parent = extends.template.value
    shown = _blocks_of(theme, parent)
    if shown is None:  # (a parent that is not there, or another extends made as it renders: said elsewhere, or unknowable)
        return []
    problems = []
    for block in _outer_blocks(ast):
        if block.name not in shown:
            close = closest_name(block.name, shown)
            hint = f"did you mean {{% block {close} %}}? " if close else ""
            blocks = ", ".join(sorted(shown)) or "none"
            message = (
                f"{{% block {block.name} %}} is no block of {parent}, which never shows it ({hint}{parent} and the templates "
                f"it extends have the blocks {blocks})"
            )
            problems.append(Problem(file, block.lineno, None, message))
    return problems


def _extends_nothing(file: str, ast: nodes.Template) -> list[Problem]:
    """A warning for a template pages are made with that has blocks, extends nothing and is no page of its own (no
    `<html>`): an article.html whose `{% extends "base.html" %}` was lost made article pages of its block's text alone,
    without a head, a stylesheet or the site's header, and nothing was said."""
    name = file.rpartition("/templates/")[2] if "/templates/" in file else file.partition("/")[2]
    block = next(ast.find_all(nodes.Block), None)
    if name not in NAMED_BY_SSG - {CARD_TEMPLATE} or block is None:
        return []
    if any(re.search(r"<(html|!doctype)\b", node.data, re.IGNORECASE) for node in ast.find_all(nodes.TemplateData)):
        return []
    if next(ast.find_all(nodes.Include), None) is not None:  # (its <html> may be in what it includes: head.html)
        return []
    message = (
        f"{{% block {block.name} %}} in a template that extends nothing: its pages are the block's text alone, without "
        f'base.html\'s <head>, stylesheet and header (start it with {{% extends "base.html" %}})'
    )
    return [Problem(file, block.lineno, None, message)]


def _blocks_of(theme: Theme, name: str, seen: frozenset[str] = frozenset()) -> set[str] | None:
    """The names of the blocks the template `name` and the templates it extends define; None where one of them is not
    there or is named as it renders (or they extend each other: said elsewhere)."""
    ast = theme.parse(name) if name not in seen else None
    if ast is None:
        return None
    blocks = {block.name for block in ast.find_all(nodes.Block)}
    extends = next(ast.find_all(nodes.Extends), None)
    if extends is None:
        return blocks
    if not isinstance(extends.template, nodes.Const):
        return None
    above = _blocks_of(theme, extends.template.value, seen | {name})
    return None if above is None else blocks | above


def _outer_blocks(node: nodes.Node) -> Iterator[nodes.Block]:
    """The blocks of a template that no block of its own holds (those it holds show where their holder shows)."""
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            yield child
        else:
            yield from _outer_blocks(child)


def _templates_in(folder: Path) -> Iterator[str]:
    """The names templates have in `folder` (`partials/footer.html`), as `{% include %}` names them."""
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.suffix in (*TEMPLATE_SUFFIXES, *OTHER_SUFFIXES) and path.is_file() and not path.name.startswith("."):
                yield path.relative_to(folder).as_posix()


def _referred(theme: Theme) -> tuple[set[str], bool]:
    """Every template name a template of the theme (or the site) refers to, whether this site's pages take it or not
    (a partial that only search.html includes, with search off); and whether one refers to a name made as it renders."""
    referred, dynamic = set(), False
    for _, _, ast in theme.parsed_templates:
        for node in ast.find_all(REFERRING):
            for name in map(written_name, template_names(node)):
                if name is not None:
                    referred.add(name.rpartition(THEME_DELIMITER)[2])
                else:
                    dynamic = True
    return referred, dynamic


def _unused(theme: Theme, config: Config, name: str, file: str) -> Problem:
    """A template nothing uses, with the name it was likely meant to have."""
    base = name.rpartition("/")[2]
    known = sorted({n for n in theme.templates if THEME_DELIMITER not in n and not n.startswith("ssg/")} - {name})
    suffix = Path(base).suffix  # (compared without it: `nothere.html` is not `footer.html`; `article.j2` is article.html)
    stems = {k.rsplit(".", 1)[0]: k for k in known if "/" not in k and (k.endswith(suffix) or suffix in OTHER_SUFFIXES)}
    close = closest_name(base.rsplit(".", 1)[0], stems)
    meant = base if base in known else stems[close] if close else None
    what = "not used: no page is made with it, and no template includes, extends or imports it"
    themes_have = meant is None and any(n.endswith(THEME_DELIMITER + name) for n in theme.templates)
    theirs = _included_by_themes(theme, name) if themes_have else None
    if theirs:  # (a partial of the theme it extends, which a template of the project's that replaces the includer leaves out)
        return Problem(
            file,
            None,
            None,
            f"not used: no template the pages are made with includes {name} ({theirs} does, which a template of this "
            f'project replaces): add {{% include "{name}" %}} where it belongs',
        )
    if meant is not None:
        fix = f"to replace the theme's {meant}, save it as {file[: len(file) - len(name)]}{meant}"
    else:
        pages = ", ".join(sorted(PAGE_TEMPLATES))
        fix = f"pages are made with {pages} and the others docs/templates.md names; any other, where a template includes it"
    return Problem(file, None, None, f"{what} ({fix})")


def _included_by_themes(theme: Theme, name: str) -> str | None:
    """Which template of a theme of the chain includes `name` (`the default theme's base.html`), or None."""
    for each in sorted(theme.templates):
        owner, found, template = each.partition(THEME_DELIMITER)
        ast = theme.parse(each) if found else None
        if ast is not None and any(isinstance(n.template, nodes.Const) and n.template.value == name for n in ast.find_all(nodes.Include)):
            return f"the {owner} theme's {template}"
    return None


def _beside_templates(folder: Path, shown: str) -> list[Problem]:
    """Templates at the top of a project's theme, beside its `templates/` folder, and other generators' folders there."""
    problems = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix == ".html" and path.is_file():
                message = f"not read: a theme's templates are read from {shown}/templates/ (move it to {shown}/templates/{path.name})"
                problems.append(Problem(f"{shown}/{path.name}", None, None, message))
    return problems + _other_folders(folder, f"{shown}/", "templates")


def _other_folders(folder: Path, shown: str, templates: str) -> list[Problem]:
    """Another generator's template folders in `folder` (shown as `shown`), which hold templates; not the one ssg reads
    them from, `templates` (site.yaml's `templates_dir: layouts`, kept from Hugo, is read)."""
    problems = []
    for name, whose in OTHER_FOLDERS.items():
        found = folder / name
        if found != folder / templates and found.is_dir() and any(path.suffix in TEMPLATE_SUFFIXES for path in found.rglob("*")):
            message = f"{whose} templates folder, not read: ssg reads templates from {shown}{templates}/, by name (see docs/templates.md)"
            problems.append(Problem(f"{shown}{name}/", None, None, message))
    return problems
