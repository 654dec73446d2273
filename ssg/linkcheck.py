"""Check a built site: every internal href/src (and #anchor) must resolve to a file in it.

External links are collected and listed, never fetched. Used by `ssg check --links` and by the
tests on every site they build.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"), ("iframe", "src")}


@dataclass(frozen=True)
class BrokenLink:
    page: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url}: {self.reason}"


@dataclass
class LinkReport:
    broken: list[BrokenLink] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    pages: int = 0
    links: int = 0


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        if tag == "base" and values.get("href"):
            self.base = values["href"]
        for attribute in ("href", "src"):
            if (tag, attribute) in LINK_ATTRIBUTES and values.get(attribute):
                if tag == "link" and values.get("rel") in ("canonical", "alternate") and urlsplit(values[attribute]).scheme:
                    continue  # absolute by standard: checked as an external link would be
                self.links.append(values[attribute])


def check_links(folder: Path, root_path: str = "/") -> LinkReport:
    """Check every HTML file under `folder`; root-absolute links are read under `root_path`."""
    report = LinkReport()
    parsed: dict[str, _Collector] = {}

    def parse(rel: str) -> _Collector:
        if rel not in parsed:
            collector = _Collector()
            collector.feed((folder / rel).read_text(encoding="utf-8", errors="replace"))
            parsed[rel] = collector
        return parsed[rel]

    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
    for page in pages:
        report.pages += 1
        for url in parse(page).links:
            report.links += 1
            problem = _check(folder, page, url, root_path, parse, report)
            if problem:
                report.broken.append(BrokenLink(page, url, problem))
    return report


def _check(folder: Path, page: str, url: str, root_path: str, parse, report: LinkReport) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "mailto", "tel", "data", "javascript") or parts.netloc:
        if parts.scheme in ("http", "https") or parts.netloc:
            report.external.add(url)
        return None
    if parts.scheme:
        return f"unknown scheme {parts.scheme!r}"
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(root_path):
            return f"points outside the site's path {root_path}"
        target = path[len(root_path) :]
    elif path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith("/"):
            target += "/"
    else:
        target = page
    if target.startswith("../") or target == "..":
        return "points outside the site"
    if target in (".", "./", "/"):
        target = ""
    if target.startswith("./"):
        target = target[2:]
    file = target + "index.html" if target == "" or target.endswith("/") else target
    if (folder / file).is_dir():
        file = file + "/index.html"
    if not (folder / file).is_file():
        return f"no such file {file}"
    if parts.fragment and file.endswith(".html") and unquote(parts.fragment) not in parse(file).ids:
        return f"no element with id {parts.fragment!r} in {file}"
    return None
