"""Which articles are translations of each other.

Linked explicitly (`translation_key:` shared, or `translation_of:` naming the original's file) or,
by default, when articles in different languages share the file name in one folder, or the file
name (or slug) and the date: a translation usually keeps the original's file name. Each group holds at most one article per
language; anything else is an error naming every file involved.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from .content import DATE_PREFIX, Article, article_name
from .errors import Problem
from .scripts import ByLetters


class _Groups:
    """Union-find over source paths: the smallest path of a group is its root."""

    def __init__(self, paths: list[str]):
        self.parent = {path: path for path in paths}

    def find(self, path: str) -> str:
        while self.parent[path] != path:
            self.parent[path] = self.parent[self.parent[path]]
            path = self.parent[path]
        return path

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def translation_groups(
    articles: list[Article], shown_as: str = "content", unreadable: frozenset[str] = frozenset()
) -> tuple[list[tuple[Article, ...]], list[Problem]]:
    """Articles grouped by translation (singletons included), in input order; and the problems (none for a
    `translation_of` naming one of the `unreadable` files, which have errors of their own)."""
    groups = _Groups([a.source_path for a in articles])
    problems = _link_explicit(articles, groups, shown_as, unreadable)
    _link_implicit([a for a in articles if not a.translation_key and not a.translation_of], groups)
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        members[groups.find(article.source_path)].append(article)
    for group in members.values():
        if len({a.lang for a in group}) != len(group):
            files = ", ".join(f"{shown_as}/{a.source_path} ({a.lang})" for a in sorted(group, key=lambda a: a.source_path))
            message = f"translations of one article must be in different languages: {files}"
            problems.append(Problem(f"{shown_as}/{group[0].source_path}", None, "translation_of", message))
    return [tuple(group) for group in members.values()], problems


def _link_explicit(articles: list[Article], groups: _Groups, shown_as: str, unreadable: frozenset[str]) -> list[Problem]:
    """`translation_key:` and `translation_of:`; a `translation_of` pointing nowhere is a problem."""
    problems, keyed = [], {}
    # (`translation_of:` is read composed, and a Mac saves `ёлка.md` decomposed: names are found by their letters too.)
    known, unread = ByLetters(a.source_path for a in articles), ByLetters(unreadable)
    for article in articles:
        if article.translation_key:
            groups.union(keyed.setdefault(article.translation_key, article.source_path), article.source_path)
        if not article.translation_of:
            continue
        if (original := known.find(article.translation_of)) is not None:
            groups.union(original, article.source_path)
        elif unread.find(article.translation_of) is None:
            # (the build names as `unreadable` the files that failed to read and the originals not published, drafts and
            # missing files, whose translations are published alone with a warning: what is left is a standalone page)
            message = f"{article.translation_of} is a standalone page, not an article (name the original article's file under {shown_as}/, or remove translation_of:)"
            problems.append(Problem(f"{shown_as}/{article.source_path}", None, "translation_of", message))
    return problems


def _link_implicit(articles: list[Article], groups: _Groups) -> None:
    """Same file name in one folder (`x.md`, `x.ru.md`), or same file name (or slug) and date in any, one article per
    language: translations of each other. (A translation published after midnight, or the same instant written with
    another offset, has another day: beside its original, it is still its translation.)"""
    candidates: dict[tuple, list[Article]] = defaultdict(list)
    for article in articles:
        day, name = article.date.date(), _name(article.source_path)
        candidates[("beside", posixpath.dirname(article.source_path), name)].append(article)
        candidates[("name", name, day)].append(article)
        candidates[("slug", article.slug, day)].append(article)
    for same in candidates.values():
        if len({a.lang for a in same}) == len(same) > 1:
            for other in same[1:]:
                groups.union(same[0].source_path, other.source_path)


def _name(source_path: str) -> str:
    """The file name without folder, extension, language suffix and date prefix: what a translation keeps."""
    stem = article_name(source_path)[0]
    prefix = DATE_PREFIX.match(stem)
    return prefix.group(4) if prefix else stem
