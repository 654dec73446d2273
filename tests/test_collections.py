"""The cyclic collector around a build: a one-shot build pauses it while it makes what lives until its end (`lasting`),
and leaves it as it found it; a long-lived builder's owner keeps what it froze frozen."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ssg.build
from ssg.build import Builder, BuildOptions, lasting
from ssg.config import load_config
from ssg.errors import SsgError

from .conftest import NOW, article


def test_lasting_pauses_the_collector_and_hands_what_lives_to_the_oldest_generation():
    """Nothing is collected inside; after it, what was made there is no young object that the next collections would
    look at again, and the collector runs as before."""
    assert gc.isenabled()
    collections = []
    gc.callbacks.append(lambda phase, info: collections.append(info["generation"]) if phase == "start" else None)
    try:
        with lasting():
            assert not gc.isenabled()
            kept = [[n] for n in range(300_000)]  # (past every threshold: young collections would have run)
            assert collections == []
        assert gc.isenabled()
        assert gc.get_count()[0] < 1000
    finally:
        gc.callbacks.pop()
    assert len(kept) == 300_000


def test_lasting_leaves_a_paused_or_long_lived_collector_alone():
    """`paused=False` (a long-lived builder, whose owner freezes what outlives builds) thaws nothing; a collector the
    caller paused stays paused."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with lasting(False):
            assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen
        gc.disable()
        with lasting():
            pass
        assert not gc.isenabled()
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_one_shot_build_leaves_the_collector_on_whether_it_succeeds_or_fails(project):
    project.write({"content/2024/a.md": article("A", "2024-01-02T10:00:00+03:00")})
    project.build()
    assert gc.isenabled()
    project.write({"content/2024/b.md": "---\ntitle: B\ndate: nonsense\n---\nBody.\n"})
    with pytest.raises(SsgError):
        project.build()
    assert gc.isenabled()


def test_a_long_lived_or_frozen_builders_builds_leave_the_collector_alone(project, monkeypatch):
    """The preview freezes what lives through its builds (`watch.collect_garbage`): the builds of its builders, and of
    a builder told that objects are kept frozen, do not pause the collector or thaw them."""
    project.write({"content/2024/a.md": article("A", "2024-01-02T10:00:00+03:00")})
    paused = []
    real = ssg.build.lasting

    def spy(paused_now: bool = True):
        paused.append(paused_now)
        return real(paused_now)

    monkeypatch.setattr(ssg.build, "lasting", spy)
    Builder(remember=True).build(load_config(project.root), BuildOptions(now=NOW))
    project.write({"content/2024/a.md": article("A", "2024-01-02T10:00:00+03:00", "Edited.")})  # (else up to date)
    Builder(remember=False).build(load_config(project.root), BuildOptions(now=NOW))
    project.write({"content/2024/a.md": article("A", "2024-01-02T10:00:00+03:00", "Again.")})
    told = Builder(remember=False)
    told.frozen = True  # (its owner keeps objects frozen, as the preview tells its builder)
    told.build(load_config(project.root), BuildOptions(now=NOW))
    assert paused == [False, True, False]


def test_the_ssg_command_leaves_what_a_build_made_to_the_exit_not_to_a_full_collection(project):
    """`python -m ssg build` (`cli.run`): Python's exit runs one full collection, which would look through every object
    the build left; frozen, they are not looked at. Run in a process of its own, as a user runs the command, with a
    thread running: else the command ends without Python's exit (`cli._exit_at_once`, tests/test_cli.py)."""
    project.write({"content/2024/a.md": article("A", "2024-01-02T10:00:00+03:00")})
    probe = (
        "import gc, runpy, sys, threading, time\n"
        "threading.Thread(target=time.sleep, args=(60,), daemon=True).start()\n"
        "sys.argv = ['ssg', '-C', sys.argv[1], 'build', '--future']\n"
        "try:\n"
        "    runpy.run_module('ssg', run_name='__main__')\n"
        "finally:\n"
        "    print('frozen', gc.get_freeze_count(), 'young', gc.get_count()[0], file=sys.stderr)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(ssg.build.__file__).parents[1]))
    done = subprocess.run([sys.executable, "-c", probe, str(project.root)], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert (project.public / "index.html").is_file()
    counts = done.stderr.rsplit("frozen ", 1)[1].split()
    assert int(counts[0]) > 10_000  # what the build made (tens of thousands of objects for one article), left to the exit
    assert int(counts[2]) < 100  # next to nothing is left for a collection to look at (the print's own objects)
