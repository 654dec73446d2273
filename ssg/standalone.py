"""Standalone pages (About, Contacts) as the site shows them: which are versions of one another, and the header's menu.

A site has a handful of pages beside its articles, with no date, tags or listing, so this is made anew from the
published pages on every build (incremental builds included): it cannot disagree with a cold build.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .content import StandalonePage


@dataclass(frozen=True)
class Standalones:
    """The published standalone pages, by source path, and their language versions.

    On a bilingual site, pages in different languages with one slug (`about.md` and `about.ru.md`, or a Russian page
    with `slug: about`) are versions of one another, as their URLs say (`about/`, `ru/about/`): the language switch
    leads from one to the other, and the menu shows each page in the reader's language where it has that version."""

    pages: tuple[StandalonePage, ...] = ()
    versions: dict[str, tuple[StandalonePage, ...]] = field(
        default_factory=dict
    )  # source path -> its versions, the default language's first

    @classmethod
    def of(cls, pages: Iterable[StandalonePage], languages: tuple[str, ...] = ()) -> Standalones:
        """`languages`: a bilingual site's, the default first (without them every page stands alone)."""
        ordered = tuple(sorted(pages, key=lambda p: p.source_path))
        if not languages:
            return cls(ordered)
        rank = {code: n for n, code in enumerate(languages)}
        by_slug: dict[str, list[StandalonePage]] = {}
        for page in ordered:
            by_slug.setdefault(page.slug, []).append(page)
        versions = {}
        for group in by_slug.values():
            if len({page.lang for page in group}) > 1:
                found = tuple(sorted(group, key=lambda p: (rank.get(p.lang, len(rank)), p.lang, p.source_path)))
                versions |= dict.fromkeys((page.source_path for page in group), found)
        return cls(ordered, versions)

    def translations(self, page: StandalonePage) -> tuple[StandalonePage, ...]:
        """The other language versions of `page`."""
        return tuple(p for p in self.versions.get(page.source_path, ()) if p.lang != page.lang)

    def version(self, page: StandalonePage, lang: str) -> StandalonePage:
        """`page` in `lang` if it has that version, else itself."""
        return next((p for p in self.versions.get(page.source_path, ()) if p.lang == lang), page)

    def menu(self, lang: str) -> tuple[StandalonePage, ...]:
        """The pages in the header's menu of a page in `lang`, in the menu's order (`menu:`, then title): each page in
        `lang` where it has that version, else its first version (the default language's, where it has one). A version
        without `menu:` takes its page out of that language's menu."""
        shown: dict[str, StandalonePage] = {}  # the first version's path -> the one shown
        for page in self.pages:
            group = self.versions.get(page.source_path)
            first = group[0] if group else page
            if first.source_path not in shown:
                shown[first.source_path] = self.version(first, lang)
        return tuple(sorted((p for p in shown.values() if p.menu is not None), key=_menu_order))


def _menu_order(page: StandalonePage) -> tuple:
    return (page.menu, page.title.casefold(), page.source_path)
