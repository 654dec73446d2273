"""Which articles are translations of each other.

Linked explicitly (`translation_key:` shared, or `translation_of:` naming the original's file) or,
by default, when articles in different languages share the file name (or slug) and the date: a
translation usually keeps the original's file name. Each group holds at most one article per
language; anything else is an error naming every file involved.
"""

from __future__ import annotations

from collections import defaultdict

from .content import DATE_PREFIX, Article, file_stem
from .errors import Problem


def translation_groups(articles: list[Article], shown_as: str = "content") -> tuple[list[tuple[Article, ...]], list[Problem]]:
    """Articles grouped by translation (singletons included), in input order; and the problems."""
    by_path = {a.source_path: a for a in articles}
    parent = {path: path for path in by_path}

    def find(path: str) -> str:
        while parent[path] != path:
            parent[path] = parent[parent[path]]
            path = parent[path]
        return path

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    problems: list[Problem] = []
    keyed: dict[str, str] = {}
    implicit: dict[tuple, list[Article]] = defaultdict(list)
    for article in articles:
        if article.translation_key:
            union(keyed.setdefault(article.translation_key, article.source_path), article.source_path)
        if article.translation_of:
            if article.translation_of in by_path:
                union(article.translation_of, article.source_path)
            else:
                problems.append(
                    Problem(
                        f"{shown_as}/{article.source_path}",
                        None,
                        "translation_of",
                        f"{article.translation_of} is not a published article (it should name the original's file under {shown_as}/)",
                    )
                )
        if not article.translation_key and not article.translation_of:
            day = article.date.date()
            implicit[("name", _name(article.source_path), day)].append(article)
            implicit[("slug", article.slug, day)].append(article)
    for candidates in implicit.values():
        if len({a.lang for a in candidates}) == len(candidates) > 1:  # one per language: they translate each other
            for other in candidates[1:]:
                union(candidates[0].source_path, other.source_path)
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        members[find(article.source_path)].append(article)
    groups = []
    for group in members.values():
        langs = [a.lang for a in group]
        if len(set(langs)) != len(langs):
            files = ", ".join(f"{shown_as}/{a.source_path} ({a.lang})" for a in sorted(group, key=lambda a: a.source_path))
            problems.append(
                Problem(
                    f"{shown_as}/{group[0].source_path}",
                    None,
                    "translation_of",
                    f"translations of one article must be in different languages: {files}",
                )
            )
        groups.append(tuple(group))
    return groups, problems


def _name(source_path: str) -> str:
    """The file name without folder, extension and date prefix: what a translation keeps."""
    stem = file_stem(source_path)[0]
    prefix = DATE_PREFIX.match(stem)
    return prefix.group(4) if prefix else stem
