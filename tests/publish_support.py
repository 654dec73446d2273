"""A small bilingual archive for the feed, metadata, sitemap and portability tests, and one whose
site.yaml names the site and a tag in each language (`languages:`, `tag_names:`)."""

from __future__ import annotations

from .conftest import article

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
)

FILES: dict[str, str | bytes] = {
    "content/2021/roscosmos-china.md": article(
        "Russia and China agree on rockets",
        "2021-05-24T10:15:00+03:00",
        "Moscow. May 24. INTERFAX - agreement.\n\nSee [the launch](ракета.md) and the [memo](memo.md#details).",
        tags="[Roscosmos, China]",
        source="{name: Interfax, url: 'https://www.interfax.ru/russia/767824'}",
        image="{src: images/soyuz.png, credit: pronedra.ru, alt: A Soyuz on the pad, caption: The rocket.}",
        rights="Public domain",
        summary="Roscosmos and CNSA agree.",
        updated="2021-05-25T09:00:00+03:00",
        aliases="[/2021/05/roscosmos-china.html, /новости/роскосмос/]",  # old URLs: redirect pages
    ),
    "content/2021/ракета.md": article(
        "Ракета «Союз» стартовала с Байконура",
        "2021-05-26T12:00:00+03:00",
        "Текст о ракете и о «Роскосмосе».",
        lang="ru",
        tags="[Роскосмос, Roscosmos]",
        source="{name: ТАСС, url: 'https://tass.ru/kosmos/1'}",
        rights="ТАСС",
    ),
    "content/2021/memo.md": article("Memo signed", "2021-03-09T09:00:00+03:00", "Intro.\n\n## Details\n\nText.", tags="[China]"),
    "content/2020/first.md": article("First one", "2020-12-31T23:00:00+03:00", tags="[Moon]"),
    "content/images/soyuz.png": PNG,
    "static/assets/logo.png": PNG,
}
SITE_YAML = """\
title: Test archive
description: News about rockets.
base_url: https://example.org/
timezone: Europe/Moscow
paginate: 2
publisher: {name: Test Publisher, url: 'https://publisher.example/', logo: assets/logo.png}
"""

PER_LANGUAGE_YAML = """\
title: Archive
description: News about rockets.
base_url: https://example.org/
timezone: Europe/Moscow
languages:
  en: {}
  ru: {title: Пробный архив, description: Новости о ракетах.}
tag_names:
  Moon: {ru: Луна}
"""
PER_LANGUAGE_FILES: dict[str, str | bytes] = {  # one article with a translation, one in Russian only; China has one name
    "content/2021/moon.md": article("Moon landing", "2021-05-24T10:00:00+03:00", tags="[Moon, China]"),
    "content/2021/moon.ru.md": article("Посадка на Луну", "2021-05-24T10:00:00+03:00", tags="[Луна, China]"),
    "content/2021/luna.md": article("Только о Луне", "2021-06-01T10:00:00+03:00", lang="ru", tags="[Moon]"),
}
