"""A template's runtime error (an unknown name or attribute): `ssg check` finds what `ssg build` finds, and the preview
shows it over the page and goes on."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from ssg.cli import main

from .test_invalid_sites import CASES
from .test_server import ARTICLE_URL, Events, get, running, site  # noqa: F401 - `site`: the fixture, used by name


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_check_reports_what_build_reports_and_writes_nothing(case, tmp_path):
    """Each invalid site gives `ssg check` the messages it gives `ssg build` (tests/test_invalid_sites.py)."""
    project = tmp_path / case
    shutil.copytree(CASES / case, project, ignore=shutil.ignore_patterns("expected.txt"))
    (project / "content").mkdir(exist_ok=True)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    result = CliRunner().invoke(main, ["-C", str(project), "check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output == (CASES / case / "expected.txt").read_text(encoding="utf-8").replace("Build failed", "Check failed")
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_an_unknown_name_in_the_preview_is_shown_over_the_page_and_the_server_goes_on(site):  # noqa: F811 - the fixture
    with running(site.root) as preview:
        events = Events(preview)
        events.until(lambda m: True)
        site.write({"templates/article.html": '{% extends "base.html" %}\n{% block content %}\n{{ article.subtitel }}\n{% endblock %}'})
        problem = events.until(lambda m: m["problems"])["problems"][0]
        assert (problem["path"], problem["line"]) == ("templates/article.html", 3)
        assert problem["message"].startswith("UndefinedError: 'Article' object has no attribute 'subtitel' (its attributes: ")
        status, _, body = get(preview, ARTICLE_URL)  # the last good page, with the error over it
        assert status == 200 and b"Russia and China agree" in body
        site.write({"templates/article.html": '{% extends "base.html" %}\n{% block content %}\n{{ article.title }}!\n{% endblock %}'})
        events.until(lambda m: not m["problems"])
        assert b"Russia and China agree!" in get(preview, ARTICLE_URL)[2]
        events.close()
