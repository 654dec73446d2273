"""`ssg init` and `ssg new`: start an archive, start an article. Neither ever overwrites a file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from slugify import slugify

from .config import CONFIG_FILE, Config, default_site_yaml
from .errors import SsgError
from .workflow import WORKFLOW_PATH, pages_workflow

EXAMPLE_ARTICLE = """\
---
title: Welcome to your news archive
date: {date}
tags: [Archive]
source: {{name: ssg, url: https://example.org/}}
rights: Written for this archive.
---

This is the first article of the archive. Copy it, or run `ssg new "Title"`, to add more.

Articles are Markdown files with YAML front matter; see the documentation for every field.
"""

GITIGNORE = "/public/\n/.ssg-cache/\n"


def init_project(folder: Path, now: datetime) -> list[Path]:
    """Create site.yaml, content/ with one example article, .gitignore and a GitHub Pages workflow in `folder`."""
    folder = Path(folder)
    if (folder / CONFIG_FILE).exists() or (folder / "content").exists():
        raise SsgError(f"{folder} already holds an archive (site.yaml or content/ exists); nothing was changed")
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        folder / CONFIG_FILE: default_site_yaml(folder.resolve().name.replace("-", " ").title() or "My news archive"),
        folder / "content" / f"{now:%Y}" / "welcome.md": EXAMPLE_ARTICLE.format(date=now.isoformat(timespec="seconds")),
    }
    if not (folder / ".gitignore").exists():
        files[folder / ".gitignore"] = GITIGNORE
    if not (folder / WORKFLOW_PATH).exists():
        files[folder / WORKFLOW_PATH] = pages_workflow()
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    return sorted(files)


def new_article(
    config: Config,
    title: str,
    now: datetime,
    lang: str | None = None,
    tags: tuple[str, ...] = (),
    source_name: str | None = None,
    source_url: str | None = None,
    slug: str | None = None,
) -> Path:
    """Write content/YYYY/<slug>.md with the front matter filled in; returns its path.

    `lang` and `source_url` must already pass the reader's checks (`content.check_lang`,
    `content.check_source_url`): the command line refuses them before anything is written."""
    slug = slugify(slug or title)
    if not slug:
        raise SsgError(f"{title!r} gives an empty file name; pass --slug some-words")
    path = config.content_path / f"{now:%Y}" / f"{slug}.md"
    front: dict = {"title": title, "date": now.isoformat(timespec="seconds")}
    if lang:
        front["lang"] = lang
    front["tags"] = list(tags)
    if source_name or source_url:
        front["source"] = {k: v for k, v in (("name", source_name or _source_host(source_url)), ("url", source_url)) if v}
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    text += "# image: {src: images/photo.jpg, credit: ..., alt: ...}\n# rights: ...\n---\n\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise SsgError(f"{path} already exists; nothing was changed (choose another title or pass --slug)") from None
    return path


def _source_host(url: str) -> str:
    """The name of a source given only by its link: the host without `www.` (https://www.interfax.ru/... -> interfax.ru),
    which is how outlets are usually called, rather than the whole link."""
    parts = urlsplit(url)
    return (parts.hostname or parts.netloc).removeprefix("www.")
