"""Shared fixtures: small sites written into tmp_path and built in-process."""

from __future__ import annotations

import functools
import os
import signal
import sqlite3
import subprocess
import textwrap
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ssg.build import BuildOptions, BuildResult, build
from ssg.config import load_config
from ssg.output import MANIFEST

REPO = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 1, 1, tzinfo=UTC)
SITE_YAML = """\
title: Test archive
base_url: https://example.org/
timezone: Europe/Moscow
paginate: 2
"""


def article(title: str, date: str, body: str = "Body text.", **front: object) -> str:
    """The text of an article file; extra front matter as YAML flow values."""
    lines = [f"title: {title}", f"date: {date}"] + [f"{k}: {v}" for k, v in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


def tree(folder: Path) -> dict[str, bytes]:
    """A built site's files; not ssg's own manifest, whose fingerprints change with ssg's internals."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST}


def ssg_env() -> dict[str, str]:
    """The environment for `python -m ssg` as a separate process: this checkout's ssg, and Python's
    fault handler on, so that `ctrl_c` can have a process that hangs print where each thread is."""
    return {**os.environ, "PYTHONPATH": str(REPO), "PYTHONFAULTHANDLER": "1"}


def ctrl_c(process: subprocess.Popen, output: Callable[[], str], timeout: float = 5) -> int:
    """Press Ctrl-C in `process` (started with `ssg_env`) and return its exit code once it ends.

    One that is still running after `timeout` seconds is sent SIGABRT, on which the fault handler
    prints every thread's stack, and the test fails with `output()`, the stacks at its end: a stop
    that hangs once on a loaded machine is then a place in the code to look at, not a bare timeout.
    """
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        process.wait(timeout=10)
        raise AssertionError(f"still running {timeout} s after Ctrl-C; its output and threads:\n{output()}") from None


class Project:
    """A site in a temporary folder: write files, build, read the output."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, files: dict[str, str | bytes]) -> Project:
        for name, data in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(textwrap.dedent(data) if data.startswith("\n") else data, encoding="utf-8")
        return self

    def remove(self, name: str) -> None:
        (self.root / name).unlink()

    def build(self, **options: object) -> BuildResult:
        overrides = {k: options.pop(k) for k in ("base_url", "output_dir") if k in options}
        config = load_config(self.root, **overrides)
        return build(config, BuildOptions(**({"now": NOW} | options)))

    @property
    def public(self) -> Path:
        return self.root / "public"

    def cache_sql(self, statement: str, *values: object) -> list[tuple]:
        """Run one SQL statement on the build cache's database (to read, damage or lose what a build kept there)."""
        db = sqlite3.connect(self.root / ".ssg-cache" / "cache.sqlite")
        try:
            found = db.execute(statement, values).fetchall()
            db.commit()
            return found
        finally:
            db.close()

    def page(self, site_path: str) -> str:
        path = self.public / site_path
        if site_path == "" or site_path.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def files(self) -> dict[str, bytes]:
        return {p.relative_to(self.public).as_posix(): p.read_bytes() for p in sorted(self.public.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A project as `ssg init` leaves it, without the example article: site.yaml and an empty content folder."""
    project = Project(tmp_path / "site").write({"site.yaml": SITE_YAML})
    (project.root / "content").mkdir()
    return project


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright. Missing is a failure, not a skip: CI installs it.

    One per test module, closed at its end: Playwright's sync API allows one running instance.
    """
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "browser tests need Debian's chromium (apt-get install chromium; make test does it)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def served(folder: Path, handler: type[SimpleHTTPRequestHandler] | None = None) -> Iterator[str]:
    """A local HTTP server for `folder`, for the browser tests (`handler`: a `_QuietHandler` of the test's own, which
    adds a header or holds an answer back); yields its root URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler or _QuietHandler, directory=str(folder)))
    httpd.daemon_threads = True  # (an answer a test holds back does not keep the server from closing)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


BILINGUAL_YAML = """\
title: Archive
base_url: https://example.org/
timezone: Europe/Moscow
paginate: 50
lang: en
languages:
  en: {}
  ru: {title: Архив, description: Новости космоса, date_format: "d MMMM y, HH:mm"}
tag_names:
  Roscosmos: {ru: Роскосмос}
"""
PAIRS = 6  # English articles with a Russian translation (same file name and date)


@pytest.fixture
def bilingual(project):
    files = {"site.yaml": BILINGUAL_YAML}
    for n in range(PAIRS * 2):
        date = f"2021-0{1 + n % 6}-1{n % 10}T10:00:00+03:00"
        files[f"content/en/story-{n}.md"] = article(f"Story {n}", date, f"English body {n}.", tags="[Roscosmos, Moon]")
        if n % 2 == 0:  # half of the Russian articles translate English ones
            files[f"content/ru/story-{n}.md"] = article(f"Новость {n}", date, f"Русский текст {n}.", lang="ru", tags="[Роскосмос]")
    for n in range(PAIRS):
        files[f"content/ru/only-{n}.md"] = article(
            f"Только по-русски {n}", f"2022-02-0{1 + n}T12:00:00+03:00", "Текст.", lang="ru", tags="[Роскосмос]"
        )
    return project.write(files)
