"""Placeholder until the search module lands (owned by the search work; overwrite freely)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SearchConfig:
    enabled: bool = True
    fields: tuple[str, ...] = ("title", "tags", "body")
    path: str = "search/"
    languages: tuple[str, ...] = ("en", "ru")


@dataclass(frozen=True)
class SearchDoc:
    ref: str
    path: str
    title: str
    date: str
    lang: str
    lead: str
    tags: tuple[str, ...]
    terms: dict


def article_terms(lang: str, title: str, tags: Sequence[str], body_text: str, config: SearchConfig) -> dict:
    return {}


def write_index(docs: Iterable[SearchDoc], config: SearchConfig) -> Iterator[tuple[str, bytes]]:
    return iter(())
