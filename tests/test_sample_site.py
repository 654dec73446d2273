"""The bundled sample archive: builds cleanly, is valid HTML5, and has no broken internal link."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ssg.build import BuildOptions, build
from ssg.config import load_config
from ssg.linkcheck import check_links

from .conftest import NOW, REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "public"
    config = load_config(REPO, output_dir=str(out))
    result = build(config, BuildOptions(now=NOW))
    assert result.warnings == []
    assert result.pages["article"] >= 12
    return out


def test_sample_has_no_broken_internal_link(sample):
    report = check_links(sample, "https://example.org/")  # feeds, sitemap and canonical URLs are checked too
    assert report.pages > 50 and report.links > 1000
    assert [str(b) for b in report.broken] == []


def test_sample_is_valid_html(sample):
    assert VNU.is_file(), "run `npm ci` (the Makefile's test target does) to get the Nu HTML checker"
    assert shutil.which("java"), "the Nu HTML checker needs Java (apt-get install default-jre-headless)"
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(sample)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[:5000]


def test_sample_has_russian_and_english_articles(sample):
    pages = [p.read_text(encoding="utf-8") for p in [*sample.glob("20*/*/*/*/index.html"), *sample.glob("ru/20*/*/*/*/index.html")]]
    assert any('<html lang="ru"' in p for p in pages) and any('<html lang="en"' in p for p in pages)
    assert (
        "Interfax"
        in (sample / "2021/05/24").joinpath(next(p.name for p in (sample / "2021/05/24").iterdir() if p.is_dir()), "index.html").read_text()
    )


def test_sample_links_its_translations(sample):
    english = (sample / "2021/05/24/roscosmos-china/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="ru" href="https://example.org/ru/2021/05/24/roscosmos-china/">' in english
    russian = (sample / "ru/2021/05/24/roscosmos-china/index.html").read_text(encoding="utf-8")
    assert '<html lang="ru"' in russian and "Эта статья на других языках:" in russian


def test_sample_russian_feed_and_pages_name_the_site_in_russian(sample):
    feed = (sample / "ru/feed.xml").read_text(encoding="utf-8")
    assert "<title>Архив новостей космоса и обороны (русский)</title>" in feed
    assert 'term="Roscosmos" scheme="https://example.org/tags/" label="Роскосмос"' in feed and 'label="Roscosmos"' not in feed
    russian = (sample / "ru/2021/05/24/roscosmos-china/index.html").read_text(encoding="utf-8")
    assert '<meta property="og:site_name" content="Архив новостей космоса и обороны">' in russian


def test_sample_has_an_about_page_in_each_languages_menu(sample):
    english, russian = (
        (sample / "about/index.html").read_text(encoding="utf-8"),
        (sample / "ru/about/index.html").read_text(encoding="utf-8"),
    )
    assert '<h1 class="article__title">About this archive</h1>' in english and '<html lang="ru"' in russian
    assert '<li><a href="about/">About this archive</a></li>' in (sample / "index.html").read_text(encoding="utf-8")
    assert '<li><a href="about/">Об архиве</a></li>' in (sample / "ru/index.html").read_text(encoding="utf-8")
    assert "about/" not in (sample / "feed.xml").read_text(encoding="utf-8")
