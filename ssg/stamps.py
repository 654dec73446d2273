"""What a build's cached records and page fingerprints are keyed by, besides each file's bytes: ssg's version and
reading code, the libraries that read, and the settings that change what a file reads as or a page shows. Another
stamp makes the cache start afresh (`cache.Store`); another fingerprint makes every page again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
from datetime import datetime
from pathlib import Path

import markdown as python_markdown
import slugify

from . import __version__, search
from .cache import STORAGE
from .config import Config
from .content import RECORD_FORMAT, ReadSettings
from .markdown import EXTENSIONS
from .theme import Theme


def read_settings(config: Config, now: datetime | None = None) -> ReadSettings:
    """How files read under `config`; `now`: the build's moment, which a relative date's error is told at."""
    names = tuple((name, *sorted(other.values())) for name, other in sorted(config.tag_names.items()))
    outlets = tuple((name, *sorted(other.values())) for name, other in sorted(config.source_names.items()))
    return ReadSettings(
        config.lang,
        config.timezone,
        config.require,
        config.search,
        names,
        config.cyrillic_lang,
        config.other_alphabet_lang,
        config.content_dir,
        outlets,
        config.pelicanconf.title_slugs,
        config.excerpt_separator,
        now,
        config.language_codes if config.multilingual else (),
    )


def cache_stamp(config: Config) -> str:
    """Everything besides a file's bytes that changes what it reads as."""
    parts = {
        "ssg": __version__,
        "markdown": python_markdown.__version__,
        "extensions": EXTENSIONS,
        "pymdownx": _version_of("pymdown-extensions"),  # (of `EXTENSIONS`)
        # how a file name or `slug:` becomes the URL's (and a Pelican title: text-unidecode's tables)
        "slugs": [slugify.__version__, _version_of("iuliia"), _version_of("text-unidecode")],
        "settings": config.render_key(),
        "search": getattr(search, "TERMS_VERSION", ""),
        "code": _reader_code(),  # a working copy's edits to how files read, between two version numbers
        "content": config.content_dir,  # files are remembered by path under it
        "pelican_slugs": config.pelicanconf.title_slugs,  # (pelicanconf.py's SLUGIFY_SOURCE: a slug of the title or file)
        "record": RECORD_FORMAT,  # what a record holds
        "storage": STORAGE,  # how the cache stores it
    }
    return json.dumps(parts, sort_keys=True)


@functools.cache
def _version_of(distribution: str) -> str:
    """The installed version of `distribution`, from the name of its `.dist-info` folder (PEP 427's `name-version`,
    the name with `_` for `-` and `.`, read case-blind) in the first folder of the import path that has metadata of it,
    as importlib.metadata finds it: importing that (and the email package it parses metadata with) was 20-25 ms of
    every build in a new process, the no-change build's among them, for three versions. Where that folder does not tell
    one version alone (an `.egg-info` or an egg, as a source checkout on PYTHONPATH or `setup.py develop` has it; two
    folders left by an interrupted upgrade), or an entry before it is no folder to list (a zip file), importlib.metadata
    is asked: a stamp naming another copy's version would take a cache of that version for this one's."""
    wanted = _distribution_key(distribution)
    for versions in _installed():
        if versions is None:
            break  # (a zip file, or a folder that cannot be listed: what it holds is not known)
        if wanted in versions:
            if len(versions[wanted]) == 1 and "" not in versions[wanted]:
                return next(iter(versions[wanted]))
            break
    import importlib.metadata  # noqa: PLC0415

    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:  # (a copy without its metadata: the code's own stamp still changes)
        return ""


@functools.cache
def _installed() -> list[dict[str, set[str]] | None]:
    """For each folder of the import path in order, the versions of each distribution its `.dist-info` folders name,
    "" for one it has an `.egg-info` or an egg of (listed once for all of `_version_of`'s questions); None for an entry
    that is no folder to list."""
    found: list[dict[str, set[str]] | None] = []
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except FileNotFoundError:  # (not there: nothing is imported from it)
            continue
        except OSError:
            found.append(None)
            continue
        versions: dict[str, set[str]] = {}
        for name in names:
            if name.endswith(".dist-info"):
                stem, _, version = name.removesuffix(".dist-info").partition("-")
                if version:
                    versions.setdefault(_distribution_key(stem), set()).add(version)
            elif name.endswith((".egg-info", ".egg")):
                versions.setdefault(_distribution_key(name.partition("-")[0].removesuffix(".egg-info")), set()).add("")
        found.append(versions)
    return found


def _distribution_key(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@functools.cache
def _reader_code() -> str:
    """Read once a process, at its first build (the code it runs): a long `ssg serve` that hashed the files on disk after they
    changed would stamp what its old code read as the new code's."""
    here = Path(__file__).parent
    return hashlib.sha256(
        b"".join(
            (here / name).read_bytes()
            for name in (
                "conflicts.py",
                "content.py",
                "dates.py",
                "frontmatter.py",
                "htmlbalance.py",
                "hugo.py",
                "markdown.py",
                "pelican.py",
                "scripts.py",
                "shortcodes.py",
                "yamlload.py",
            )
        )
    ).hexdigest()


def global_fingerprint(config: Config, theme: Theme, reading: str, code: str) -> str:
    """What every page depends on besides its own data and templates; `reading`: the build's `cache_stamp` (it reads
    ssg's reader code, so it is made once a build); `code`: `code.code_version()`, ssg's code and libraries (how
    pages render, between two version numbers too)."""
    parts = {
        "ssg": __version__,
        "code": code,
        "reading": reading,  # with it, an article's key (file path and bytes) determines all of the article
        # (Not `exclude:`: which articles there are, which pages' own fingerprints hold; an article left out by it, or
        # taken back, renders the pages it is on, as one deleted or added does, not every page.)
        "config": repr([(k, repr(v)) for k, v in config.settings() if k not in ("root", "output_dir", "cache_dir", "timeout", "exclude")]),
        "strings": theme.strings,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
