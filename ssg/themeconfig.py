"""theme.yaml -> the folders a theme is made of: its own, then those of each theme it `extends:`.

A theme that extends another holds only what it changes: a template, a stylesheet or a string it leaves out is its
parent's (and so on up the chain). `theme.Theme` puts the chain's folders behind the site's own, so a site still
overrides any of them file by file. theme.yaml is checked as site.yaml is: an unknown key is an error (a `parent:`
that silently did nothing was how a theme author learnt the key is `extends:`), and every problem of the chain is
reported at once.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .config import CONFIG_FILE, Config, closest
from .errors import Problem, TemplateError
from .yamlload import line_of, read_mapping

PACKAGE_DIR = Path(__file__).resolve().parent
THEME_FILE = "theme.yaml"


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{value!r} is not a text (write it after the colon, or leave the key out)")
    return value


def _static_paths(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{value!r} is not a list of paths under static/ (e.g. [assets/search.js, vendor/lunr/])")
    for path in value:
        if path.startswith("/") or ".." in PurePosixPath(path).parts:
            raise ValueError(f"{path!r} is not a path under static/ (write it as the site has it: assets/search.js, vendor/lunr/)")
    return tuple(value)


# Each key theme.yaml may hold: how it is checked, and what it means (docs/templates.md says the same).
THEME_KEYS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "name": (_text, "the theme's name (site.yaml's theme: names it by its folder)"),
    "description": (_text, "one or two sentences about the theme"),
    "author": (_text, "who made it"),
    "license": (_text, "the licence of its templates and files"),
    "homepage": (_text, "where it is published"),
    "extends": (_text, "the theme whose templates, static files and strings it falls back to"),
    "search_static": (_static_paths, "static files (a folder: ending in /) only the search page uses, left out of a site without search"),
}


@dataclass(frozen=True)
class ThemeFolder:
    """One theme of the chain: its folder and what its theme.yaml says (defaults where it has none)."""

    name: str  # as site.yaml or the child's `extends:` names it: the folder's name
    path: Path
    extends: str | None = None
    search_static: tuple[str, ...] = ()


def theme_bases(root: Path) -> tuple[Path, ...]:
    """Where themes are looked for, first found first: the project's themes/, then ssg's own (`shipped_theme_bases`)."""
    return (root / "themes", *shipped_theme_bases(PACKAGE_DIR))


# The folders Python installs distributions into: a package in one is installed, not run from its source checkout.
SITE_DIRECTORIES = frozenset(("site-packages", "dist-packages"))


def source_checkout(package: Path) -> bool:
    """Whether ssg's package folder `package` is that of its source checkout (run from it, or installed editable), not
    installed: there its themes are beside it (themes/), and its commit is git's. Installed, the folder beside it is
    site-packages, whose themes/ any other distribution may bring. (Told by the folder's name: a checkout copied
    without its pyproject.toml, `git archive` of ssg/ and themes/ as the benchmarks compare versions, is one too.)"""
    return package.parent.name not in SITE_DIRECTORIES


@functools.cache
def shipped_theme_bases(package: Path) -> tuple[Path, ...]:
    """Where ssg's own themes are, for its package folder `package`: installed, in it (ssg/themes); run from its source
    checkout, beside it too (themes/), and only there (`source_checkout`)."""
    return (package / "themes", package.parent / "themes") if source_checkout(package) else (package / "themes",)


def find_theme(root: Path, name: str) -> Path | None:
    """The folder of the theme `name`: a folder of that name with templates/ or theme.yaml, first in `theme_bases`."""
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        return None
    return next((base / name for base in theme_bases(root) if _is_theme(base / name)), None)


def theme_names(root: Path) -> list[str]:
    """Every theme the project can name, sorted."""
    return sorted({folder.name for base in theme_bases(root) if base.is_dir() for folder in base.iterdir() if _is_theme(folder)})


def _is_theme(folder: Path) -> bool:
    return (folder / "templates").is_dir() or (folder / THEME_FILE).is_file()


def theme_chain(config: Config) -> tuple[ThemeFolder, ...]:
    """The site's theme and each theme it extends, the site's theme first. Raises `TemplateError` naming every problem:
    a theme that is not there, a theme.yaml that is not right, themes that extend each other in a cycle."""
    folder = find_theme(config.root, config.theme)
    if folder is None:
        line = config.line_of("theme")
        raise TemplateError(Problem(CONFIG_FILE, line, "theme", f"no theme {config.theme!r} ({_looked_for(config.root, config.theme)})"))
    chain: list[ThemeFolder] = []
    problems: list[Problem] = []
    name: str | None = config.theme
    while name is not None and folder is not None:
        theme, shown = read_theme_yaml(config.root, name, folder, problems)
        chain.append(theme)
        name, folder = theme.extends, None
        if name is None:
            break
        named = [t.name for t in chain]
        if name in named:
            cycle = " -> ".join([*named[named.index(name) :], name])
            message = (
                f"{name!r} makes a cycle ({cycle}): a theme cannot extend itself or a theme that extends it; remove one of the extends:"
            )
            problems.append(Problem(shown, line_of(theme.path / THEME_FILE, "extends"), "extends", message))
            break
        folder = find_theme(config.root, name)
        if folder is None:
            message = f"no theme {name!r} ({_looked_for(config.root, name, named)})"
            problems.append(Problem(shown, line_of(theme.path / THEME_FILE, "extends"), "extends", message))
    if problems:
        raise TemplateError(problems)
    return tuple(chain)


def _looked_for(root: Path, name: str, chain: Sequence[str] = ()) -> str:
    """Where a theme was looked for, and the one meant (not one of `chain`, the themes that extend it)."""
    there = [n for n in theme_names(root) if n not in chain]
    close = difflib.get_close_matches(name, there, n=1)
    fix = f"did you mean {close[0]!r}?" if close else f"the themes there are: {', '.join(there) or 'none'}"
    return f"looked for themes/{name}/ with templates/ or {THEME_FILE} in the project and in ssg's own themes; {fix}"


def read_theme_yaml(root: Path, name: str, folder: Path, problems: list[Problem]) -> tuple[ThemeFolder, str]:
    """The theme in `folder` as its theme.yaml says (a theme without one is all defaults), and the file as messages name
    it; what is wrong in it is added to `problems`, and that key is left at its default."""
    path = folder / THEME_FILE
    shown = display_path(path, root)
    if not path.is_file():
        return ThemeFolder(name, folder), shown
    data, lines = read_mapping(path, shown, problems, f"key: value ({', '.join(THEME_KEYS)})")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in THEME_KEYS:
            fix = closest(str(key), THEME_KEYS, _ALIASES, listed="the keys are:")
            problems.append(Problem(shown, lines.get(str(key)), str(key), f"unknown key ({fix})"))
            continue
        try:
            values[key] = THEME_KEYS[key][0](value)
        except ValueError as exc:
            problems.append(Problem(shown, lines.get(key), key, str(exc)))
    return ThemeFolder(name, folder, values.get("extends"), values.get("search_static", ())), shown


# Other generators' words for a key, which difflib does not find close: Hugo's and Zola's themes name a parent so.
_ALIASES = {"extends": ("parent", "base", "inherit", "inherits", "theme", "based_on")}


def display_path(path: Path, root: Path) -> str:
    """A path as the user knows it: under the project, else under ssg's folder (its own themes), else as it is."""
    for base in (root, PACKAGE_DIR.parent):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return str(path)
