"""Ctrl-C while a build reads articles in worker processes: the build ends at once, leaving no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Reads the articles in two workers and takes its time over each result, so that Ctrl-C comes while the workers are
# reading or wait for more (where it ended a worker, the pool broke, and the build hung at exit, joining a worker
# that waited to hand over a result nobody read).
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from ssg.content import ReadSettings
    from ssg.load import _read_many
    from ssg.search import SearchConfig

    content = Path(sys.argv[1])
    paths = sorted(str(p.relative_to(content)) for p in content.rglob("*.md"))
    settings = ReadSettings("en", "UTC", (), SearchConfig(enabled=False))
    for number, _ in enumerate(_read_many(content, paths, settings, 2)):
        if number == 0:
            print("reading", flush=True)
        time.sleep(0.05)
    """
)


@pytest.mark.parametrize("delay", [0.0, 0.0, 0.02, 0.05, 0.1, 0.3, 1.0])
def test_ctrl_c_while_reading_ends_the_build_and_its_workers(tmp_path: Path, delay: float) -> None:
    content = tmp_path / "content" / "2021"
    content.mkdir(parents=True)
    for number in range(400):
        (content / f"a{number}.md").write_text(f"---\ntitle: A {number}\ndate: 2021-05-24\n---\n\nText {number}.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "content")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own: Ctrl-C reaches the build and its workers, as in a terminal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert child.stdout.readline().strip() == "reading"
        time.sleep(delay)
        os.killpg(child.pid, signal.SIGINT)
        _, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            pytest.fail("the process hung after Ctrl-C")
    assert child.returncode != 0
    assert "KeyboardInterrupt" in err
    assert "InvalidStateError" not in err and "BrokenProcessPool" not in err, err
    # The workers end on the Ctrl-C they got too, a moment after the build: wait for that (0.5 s was not always enough
    # on a loaded box), and fail on one still running 10 s later, as one left behind runs for ever.
    deadline = time.monotonic() + 10
    while (left := _group(child.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert left == [], f"worker processes left running: {left}"


def _group(pgid: int) -> list[str]:
    """The processes still running in process group `pgid` (not the ended ones a parent has yet to reap)."""
    found = subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True).stdout.split()
    return [pid for pid in found if _running(pid)]


def _running(pid: str) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def test_ctrl_c_before_the_command_is_parsed_says_aborted(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """A Ctrl-C in a command's first 0.2 s, as ssg is imported (before click's handler is there), printed the traceback
    of the import it stopped, and ended with 1 (a trial): it ends as a later one does."""
    from ssg import entry

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "_run", interrupted)
    with pytest.raises(SystemExit) as done:
        entry.run()
    assert done.value.code == entry.INTERRUPTED == 130
    assert capsys.readouterr().err == "\nAborted!\n"


def test_ctrl_c_as_the_pool_starts_is_told_as_an_interruption(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C as the pool started its thread left one that cannot be joined: the build ended on "RuntimeError: cannot
    join thread before it is started", exit 1, not "Aborted!" (a trial's one in 130 Ctrl-Cs)."""
    from concurrent.futures import ProcessPoolExecutor

    from ssg.workers import worker_pool

    def unjoinable(self: ProcessPoolExecutor, wait: bool = True, *, cancel_futures: bool = False) -> None:
        raise RuntimeError("cannot join thread before it is started")

    monkeypatch.setattr(ProcessPoolExecutor, "shutdown", unjoinable)
    with pytest.raises(KeyboardInterrupt), worker_pool(1):
        raise KeyboardInterrupt
    with pytest.raises(RuntimeError), worker_pool(1):  # (without an interruption, such an error is not hidden)
        pass
