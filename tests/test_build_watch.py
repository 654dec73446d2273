"""`ssg build --watch`, run as the user runs it: a save rebuilds the output folder to exactly what a
fresh build of the same files makes; a broken save is reported, keeps the last good output, and
watching goes on; Ctrl-C stops it."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from .conftest import REPO, SITE_YAML, article, ctrl_c, ssg_env

ARTICLE = "content/2021/roscosmos.md"


def ssg(root: Path, *args: str, **popen: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "ssg", "-C", str(root), *args],
        cwd=REPO,
        env=ssg_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )


class Lines:
    """The output of a running process, line by line, waited for with a timeout."""

    def __init__(self, process: subprocess.Popen):
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._reader.start()

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            self._queue.put(line)

    def until(self, start: str, timeout: float = 20) -> list[str]:
        """The lines up to the first that starts with `start`."""
        got, deadline = [], time.monotonic() + timeout
        while True:
            try:
                line = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no line starting {start!r}; output so far:\n{''.join(self.seen)}") from None
            self.seen.append(line)
            got.append(line)
            if line.startswith(start):
                return got

    def built(self, path: str, outcome: str = "Built in") -> list[str]:
        """The lines up to the outcome of the build of the batch that names `path`. (Not the next "Built in": the pause
        after a build lists every content file, and one saved as it listed is built there, before its event's batch
        builds it again; that second "Built in" came after the next save, whose build the test then did not wait for.)"""
        return self.until(f"Changed: {path}") + self.until(outcome)

    def drained(self) -> str:
        """All the output of a process that has ended, once the reader has taken the last of it."""
        self._reader.join(timeout=5)
        while not self._queue.empty():
            self.seen.append(self._queue.get())
        return "".join(self.seen)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".ssg-manifest.json"
    }


def cold_build(root: Path, copy: Path) -> dict[str, bytes]:
    """What a fresh `ssg build` makes of the same files."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    process = ssg(copy, "build")
    assert process.wait(timeout=60) == 0, process.stdout.read()
    return tree(copy / "public")


def test_saves_rebuild_the_output_as_a_fresh_build_would(project, tmp_path):
    site = project.write(
        {
            "site.yaml": SITE_YAML,
            ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "The first text.", tags="[Roscosmos]"),
            "content/2021/june.md": article("June news", "2021-06-02T08:00:00+03:00", tags="[Roscosmos, NASA]"),
            "content/2021/july.md": article("July news", "2021-07-02T08:00:00+03:00"),
        }
    )
    process = ssg(site.root, "build", "--watch")
    lines = Lines(process)
    try:
        assert any("Built in" in line for line in lines.until("Watching "))
        # An edit of the text, then of the tags and the date: each save is one rebuild.
        site.write({ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "A new text.", tags="[Roscosmos]")})
        lines.built(ARTICLE)
        assert tree(site.public) == cold_build(site.root, tmp_path / "fresh1")
        site.write({"content/2021/june.md": article("June news", "2021-08-30T08:00:00+03:00", tags="[NASA, ESA]")})
        lines.built("content/2021/june.md")
        assert tree(site.public) == cold_build(site.root, tmp_path / "fresh2")
        assert "Body text." in site.page("2021/08/30/june/")

        # A broken save: reported with its file and line, the output stays as it was, watching goes on.
        before = tree(site.public)
        site.write({"content/2021/broken.md": "---\ntitle: [unclosed\n---\n"})
        failure = "".join(lines.built("content/2021/broken.md", "Build failed"))
        assert "content/2021/broken.md:2" in failure and "the output keeps the last good build" in failure
        assert tree(site.public) == before
        # Each problem is printed once: a second broken file's save prints its own, a fix of one prints none again.
        site.write({"content/2021/broken2.md": "---\ntitle: [unclosed\n---\n"})
        failure = lines.built("content/2021/broken2.md", "Build failed")
        assert [line for line in failure if line.startswith("error:")] == [
            line for line in failure if line.startswith("error: content/2021/broken2.md:2")
        ]
        assert failure[-1].startswith("Build failed: 2 problems (1 told above); ")
        site.remove("content/2021/broken.md")
        failure = lines.built("content/2021/broken.md", "Build failed")
        assert not [line for line in failure if line.startswith("error:")]
        assert failure[-1].startswith("Build failed: 1 problem (1 told above); ")
        site.remove("content/2021/broken2.md")
        lines.built("content/2021/broken2.md")
        assert tree(site.public) == before

        assert ctrl_c(process, lines.drained) == 0
        lines.until("Stopped.")
        assert not any("Traceback" in line for line in lines.seen), "".join(lines.seen)
    finally:
        process.kill()
        process.wait()


def test_a_change_the_watcher_missed_is_built_once_the_author_pauses(project, tmp_path):
    """Saves list again only the folders their events name; a change no event told of (here, the file a content
    link points to, edited outside the project) is found by the full listing the watcher does in a pause."""
    outside = tmp_path / "outside.md"
    outside.write_text(article("Linked", "2021-03-01", "First text."), encoding="utf-8")
    project.write({"content/2022/other.md": article("Other", "2022-01-01")})
    (project.root / "content/2021").mkdir()
    (project.root / "content/2021/linked.md").symlink_to(outside)
    process = ssg(project.root, "build", "--watch")
    lines = Lines(process)
    try:
        lines.until("Watching ")
        outside.write_text(article("Linked", "2021-03-01", "Second text."), encoding="utf-8")
        project.write({"content/2022/other.md": article("Other", "2022-01-01", "Edited.")})  # a save in another folder
        told = lines.built("content/2022/other.md")
        assert "Edited." in project.page("2022/01/01/other/")
        missed = "Changed: content files the watcher did not report"
        if not any(line.startswith(missed) for line in told):  # (else the first build's pause came between the two saves)
            assert lines.until("Changed:")[-1].startswith(missed)
            lines.until("Built in")
        assert "Second text." in project.page("2021/03/01/linked/")
    finally:
        process.kill()
        process.wait()


def test_output_files_deleted_by_hand_are_made_again_once_the_author_pauses(project, tmp_path):
    """The long-lived builder trusts the files it moved in to be there (no 20,000 stats on each save): a page, a tag's
    page and its feed deleted from the output by hand stayed missing until their inputs changed, where a new `ssg build`
    makes them again. The pause after a build looks for each, and builds again where some are gone."""
    project.write(
        {
            ARTICLE: article("Russia and China agree", "2021-05-24T10:15:00+03:00", "The first text.", tags="[Roscosmos]"),
            "content/2022/other.md": article("Other", "2022-01-01"),
        }
    )
    deleted = ["2021/05/24/roscosmos/index.html", "tags/roscosmos/feed.xml", "tags/roscosmos/index.html"]
    process = ssg(project.root, "build", "--watch")
    lines = Lines(process)
    try:
        lines.until("Watching ")
        for path in deleted:
            (project.public / path).unlink()
        project.write({"content/2022/other.md": article("Other", "2022-01-01", "Edited.")})  # (a save: its pause comes after)
        lines.built("content/2022/other.md")
        # (The first build's pause may have found some of them before the save, and a pause after it the rest.)
        while not all((project.public / path).is_file() for path in deleted):
            lines.until("Changed: files deleted from ")
            lines.until("Built in")
        told = [line.rstrip() for line in lines.seen if line.startswith(f"Changed: files deleted from {project.public} ")]
        named = [line.partition(" since the last build (")[2].removesuffix("): made again").split(", ") for line in told]
        assert sorted(name for names in named for name in names) == deleted, "".join(lines.seen)
        assert tree(project.public) == cold_build(project.root, tmp_path / "fresh")
    finally:
        process.kill()
        process.wait()


def test_poll_sees_a_save_that_no_file_event_tells(project, tmp_path):
    """`--poll` (the default on a network drive, a FUSE mount or a virtual machine's shared folder, where a save made
    elsewhere makes no file event): here a write through a hard link from outside the project, which none tells."""
    outside = tmp_path / "outside.md"
    outside.write_text(article("Linked", "2021-03-01", "First text."), encoding="utf-8")
    (project.root / "content/2021").mkdir(parents=True)
    os.link(outside, project.root / "content/2021/linked.md")
    process = ssg(project.root, "build", "--watch", "--poll")
    lines = Lines(process)
    try:
        lines.until("Watching ")
        outside.write_text(article("Linked", "2021-03-01", "Second text."), encoding="utf-8")
        lines.built("content/2021/linked.md")  # (named: its change was seen, not found by the listing of a pause)
        assert "Second text." in project.page("2021/03/01/linked/")
    finally:
        process.kill()
        process.wait()
    usage = subprocess.run(
        [sys.executable, "-m", "ssg", "-C", str(project.root), "build", "--poll"],
        cwd=REPO,
        env=ssg_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert usage.returncode == 2 and "--poll tells --watch how to watch; it goes with --watch" in usage.stderr


def test_a_first_build_that_fails_does_not_claim_a_last_good_one(project):
    project.write({"content/2021/broken.md": "---\ntitle: [unclosed\n---\n"})
    process = ssg(project.root, "build", "--watch")
    lines = Lines(process)
    try:
        failure = "".join(lines.until("Build failed"))
        assert "content/2021/broken.md:2" in failure and "nothing is built yet: fix it and save" in failure
        project.write({"content/2021/broken.md": article("Fixed", "2021-01-01")})
        lines.built("content/2021/broken.md")
        assert "Fixed" in project.page("2021/01/01/broken/")
    finally:
        process.kill()
        process.wait()


def test_watch_does_not_take_profile(project):
    process = ssg(project.root, "build", "--watch", "--profile")
    output = process.communicate(timeout=20)[0]
    assert process.returncode == 2 and "--profile" in output and not project.public.exists()
