"""What a build does where the machine runs out of something: memory, open files, a disk's room or its inodes, a
writable mount. Each was a traceback, a hang or a wrong fix (delete the cache, build elsewhere) in a trial that ran
out of them on purpose; none is the site's fault, and each is told with what fixes it."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from concurrent.futures import process
from pathlib import Path

import pytest

import ssg.build
import ssg.cache
import ssg.output
import ssg.render
import ssg.workers
from ssg.build import Builder
from ssg.cache import write_failure
from ssg.config import load_config
from ssg.errors import OutputError, SsgError
from ssg.output import Output
from ssg.resources import too_many_files_fix

from .conftest import NOW, REPO, article, ssg_env, tree


@pytest.fixture
def site(project):
    return project.write({f"content/2021/a-{n}.md": article(f"Article {n}", f"2021-05-{n + 1:02}", tags="[Moon]") for n in range(12)})


@pytest.fixture
def rendering_in_helpers(monkeypatch):
    """Every build renders in a forked helper besides its own process (`render.render_pages`); the helpers are ended
    whatever the test's outcome, as one left waiting would hold the test process's exit for ever."""
    monkeypatch.setattr(ssg.render, "PARALLEL_FROM", 1)
    yield
    for child in multiprocessing.active_children():
        child.kill()
        child.join(5)


def _edited_title(site) -> None:
    site.write({"site.yaml": (site.root / "site.yaml").read_text().replace("Test archive", "Edited archive")})


def test_a_render_pool_that_cannot_start_its_thread_ends_its_helpers_and_tells_memory(site, monkeypatch, rendering_in_helpers):
    """`(ulimit -v 70000; ssg build -j 2)` after a change ended in "RuntimeError: can't start new thread" (the render
    pool's manager thread), then hung for ever: its helper waited for work nobody would send, and Python's exit waited
    for it. The helpers are ended, the output is as it was, and running out of memory is told in words."""
    site.build(jobs=2)
    before = tree(site.public)
    _edited_title(site)

    def no_thread(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(process._ExecutorManagerThread, "start", no_thread)
    with pytest.raises(SsgError) as error:
        site.build(jobs=2)
    assert multiprocessing.active_children() == []
    assert str(error.value).startswith("ssg: the build ran out of memory (")
    assert str(error.value).endswith("or build with fewer processes (-j 1) (the output folder is as the last build left it)")
    assert tree(site.public) == before


def test_a_render_pool_whose_thread_ends_does_not_leave_the_build_waiting(site, monkeypatch, rendering_in_helpers):
    """Its manager thread started, but not the thread feeding the helpers their work (out of memory, at another
    `ulimit -v`): the thread ended on it, with a traceback, and the build waited for the helpers' results for ever."""
    site.build(jobs=2)
    _edited_title(site)
    monkeypatch.setattr(ssg.workers, "WAKE_EVERY", 0.1, raising=False)
    real = multiprocessing.queues.Queue._start_thread

    def failing(queue: multiprocessing.queues.Queue) -> None:
        if isinstance(threading.current_thread(), process._ExecutorManagerThread):
            raise RuntimeError("can't start new thread")
        real(queue)

    monkeypatch.setattr(multiprocessing.queues.Queue, "_start_thread", failing)
    outcome: list[BaseException | None] = []

    def building() -> None:
        try:
            site.build(jobs=2)
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 (what the build raised, for the test to look at)
            outcome.append(error)

    told: list[object] = []
    monkeypatch.setattr(threading, "excepthook", told.append)  # (what `workers` puts back: a traceback not printed)
    worker = threading.Thread(target=building, daemon=True)
    worker.start()
    worker.join(60)
    assert outcome, "the build still waits for its helpers"
    assert isinstance(outcome[0], SsgError) and "the build ran out of memory" in str(outcome[0])
    assert told == [] and threading.excepthook == told.append


def _limited(kind: int, value: int):
    def limit() -> None:
        resource.setrlimit(kind, (value, resource.getrlimit(kind)[1]))

    return limit


def test_memory_that_runs_out_as_ssg_starts_is_told_in_words(site):
    """Under `ulimit -v 40000` ssg's modules (or Babel's data, or lxml's code: "failed to map segment from shared
    object") could not be loaded, and the command ended in a traceback, where the README promises a message."""
    done = subprocess.run(
        [sys.executable, "-m", "ssg", "build"],
        cwd=site.root,
        env=ssg_env() | {"PYTHONFAULTHANDLER": ""},
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited(resource.RLIMIT_AS, 40000 * 1024),
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        "error: ssg ran out of memory (a limit: ulimit -v 40000): raise it (ulimit -v unlimited), or build with fewer processes (-j 1)"
    )


def test_lxml_not_mapped_is_out_of_memory():
    """What lxml's import raises under `ulimit -v 90000`, and a thread not started, are out of memory; another import
    error or runtime error is not."""
    from ssg.resources import out_of_memory

    mapped = ImportError("/venv/lxml/etree.cpython-311-x86_64-linux-gnu.so: failed to map segment from shared object")
    assert out_of_memory(mapped)
    assert out_of_memory(RuntimeError("can't start new thread"))
    assert not out_of_memory(ImportError("No module named 'lxml'"))
    assert not out_of_memory(RuntimeError("dictionary changed size during iteration"))


def test_what_ran_out_is_told_in_one_place_sqlites_errors_too():
    """Which resource ran out was worked out in five places that had drifted apart: SQLite's "database or disk is full"
    and its "unable to open database file" under `ulimit -n` were none of the preview's, so never tried again; ENOMEM
    was told by one and not another. `resources.lacking` tells them all, through what an error was raised from."""
    import sqlite3

    from ssg.resources import Lack, lacking

    def sqlite_error(code: int) -> sqlite3.Error:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        return error

    try:
        try:
            raise OSError(errno.ENOMEM, "Cannot allocate memory")
        except OSError as inner:
            raise ValueError("wrapped") from inner
    except ValueError as wrapped:
        chained = wrapped
    assert lacking(chained) is Lack.MEMORY
    assert lacking(MemoryError()) is lacking(RuntimeError("can't start new thread")) is lacking(OSError(errno.ENOBUFS, "")) is Lack.MEMORY
    assert lacking(OSError(errno.EMFILE, "")) is lacking(sqlite_error(14)) is Lack.FILES
    assert lacking(OSError(errno.ENFILE, "")) is Lack.SYSTEM_FILES
    assert lacking(OSError(errno.ENOSPC, "")) is lacking(OSError(errno.EDQUOT, "")) is lacking(sqlite_error(13)) is Lack.DISK
    assert lacking(sqlite_error(13 | (3 << 8))) is Lack.DISK  # (an extended code: the primary one is its low byte)
    assert lacking(sqlite_error(7)) is Lack.MEMORY
    assert lacking(sqlite_error(11)) is lacking(OSError(errno.EACCES, "")) is lacking(ValueError("x")) is lacking(None) is None
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError:
            raise PermissionError(errno.EACCES, "Permission denied")  # noqa: B904 - (raised while handling it)
    except PermissionError as denied:
        assert lacking(denied) is None  # (what it says, not what it was raised in)


# Run under `unshare -rm` (a user's own mount namespace: no root needed): an 8 MB disk of its own (tmpfs) holds the
# cache; the output is elsewhere. The project's cache is copied out at the end, for the next build with room.
_FULL_DISK = """
import json, os, shutil, subprocess, sys
project, disk, kept = sys.argv[1:4]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk], check=True)
def used():
    stats = os.statvfs(disk)
    return (stats.f_blocks - stats.f_bfree) * stats.f_frsize
def build():
    done = subprocess.run([sys.executable, "-m", "ssg", "build", "-j", "1", "--clock", "2026-01-01T00:00:00Z"], cwd=project,
                          capture_output=True, text=True)
    return done.returncode, done.stderr
first = build()
before = used()
for n in range(60):
    with open(os.path.join(project, "content", "2022", f"long-{n}.md"), "w") as f:
        f.write(f"---\\ntitle: Long {n}\\ndate: 2022-03-{n % 28 + 1:02}\\n---\\n\\n" + f"Word{n} text number {n}. " * 6000)
second = build()
after = used()
shutil.copytree(disk, kept)
print(json.dumps({"first": first, "second": second, "before": before, "after": after}))
"""


def test_a_cache_whose_disk_fills_gives_the_room_back(site, tmp_path):
    """On an 8 MB disk holding the cache, a build warned "cannot hold the build cache (its disk is full ...): built
    without it", and left 5 MB of its records in SQLite's log (cache.sqlite-wal): 4 KB were free on the disk, and the
    user's next save there failed. What the build wrote there is given back; the cache as it stays is sound: the next
    build with room, through it, makes what a build without a cache makes."""
    disk, kept = tmp_path / "disk", tmp_path / "kept"
    disk.mkdir()
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + f"cache_dir: {disk}\n"})
    (site.root / "content/2022").mkdir()
    script = tmp_path / "full.py"
    script.write_text(textwrap.dedent(_FULL_DISK))
    done = subprocess.run(
        ["unshare", "-rm", sys.executable, str(script), str(site.root), str(disk), str(kept)],
        env=ssg_env(),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["first"][0] == 0, found["first"][1]
    assert found["second"][0] == 0, found["second"][1]
    assert found["after"] <= found["before"], found
    assert (
        f"warning: {disk}: cannot hold the build cache (its disk is full: make room on it, or set cache_dir in site.yaml to "
        "a folder on another disk, to spare reading every article again): built without it, giving its disk back the room "
        "this build took in it\n"
    ) in found["second"][1]
    assert not (kept / "cache.sqlite-wal").exists() or (kept / "cache.sqlite-wal").stat().st_size == 0
    # The next build with room, through the cache as the full disk left it, and one without any:
    site.write({"site.yaml": (site.root / "site.yaml").read_text().replace(f"cache_dir: {disk}\n", f"cache_dir: {kept}\n")})
    site.build()
    through_cache = tree(site.public)
    shutil.rmtree(kept)
    shutil.rmtree(site.public)
    site.build()
    assert through_cache == tree(site.public)


def test_too_many_open_files_is_told_with_the_limit_not_as_a_damaged_cache_or_folder(site, monkeypatch):
    """`(ulimit -n 21; ssg build -j 2)` said "the build cache cannot be written (SQLite: unable to open database file):
    deleting .ssg-cache is safe", and at other limits "too many open files: build elsewhere (-o DIR) if it persists":
    neither fixes it. The limit is named, and raising it told."""
    site.build()
    fix = too_many_files_fix()  # (what it says at real limits: `test_raising_the_open_files_limit_is_told_only_where_it_can_be`)
    _edited_title(site)

    def stage(self: Output, path: str, data: bytes, fingerprint: str = "") -> object:
        raise OSError(errno.EMFILE, "Too many open files", str(self.folder / path))

    with monkeypatch.context() as patched:
        patched.setattr(Output, "stage", stage)
        with pytest.raises(OutputError) as error:
            site.build()
    assert error.value.problems[0].message == (f"too many open files: {fix} (the output folder is as the last build left it)")
    cantopen = ssg.cache.sqlite3.OperationalError("unable to open database file")
    cantopen.sqlite_errorname = "SQLITE_CANTOPEN"
    told = write_failure(site.root / ".ssg-cache", cantopen, "the output folder is as the last build left it").message
    assert "deleting" not in told and told == (
        "the build cache cannot be written (SQLite could not open a file of it that is there: too many open files): "
        f"{fix} (the output folder is as the last build left it)"
    )


def test_a_disk_without_free_inodes_is_told_so_not_as_out_of_space(site, monkeypatch):
    """ENOSPC where `df` shows room but `df -i` no free inodes said "no space left on device: make room on that disk",
    and the user found room on it."""
    site.build()
    _edited_title(site)
    real = os.statvfs

    def statvfs(path: object) -> os.statvfs_result:
        found = list(real(path))
        found[5:8] = [100_000, 0, 0]  # f_files, f_ffree, f_favail
        return os.statvfs_result(found)

    def stage(self: Output, path: str, data: bytes, fingerprint: str = "") -> object:
        raise OSError(errno.ENOSPC, "No space left on device", str(self.folder / path))

    monkeypatch.setattr(os, "statvfs", statvfs)
    monkeypatch.setattr(Output, "stage", stage)
    with pytest.raises(OutputError) as error:
        site.build()
    assert error.value.problems[0].message == (
        "no free inodes (files) left on that disk, though it has room: delete files on that disk, or build elsewhere (-o DIR) "
        "(the output folder is as the last build left it)"
    )


def test_an_output_folder_on_a_read_only_mount_is_not_told_as_one_to_create(site, monkeypatch):
    """An output folder there, on a file system mounted read-only, was "cannot create the output folder (read-only file
    system ...)": it is there, and cannot be written; no chmod helps."""
    site.build()
    _edited_title(site)

    def read_only(folder: Path, path: Path) -> int:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(ssg.output, "_take_lock", read_only)
    with pytest.raises(OutputError) as error:
        site.build()
    assert [str(p) for p in error.value.problems] == [
        f"{site.public}: this build cannot write in this folder, which is on a read-only file system (a mount): mount it "
        "read-write, or build elsewhere (-o DIR) (nothing was changed in the output folder)"
    ]


def test_a_read_only_cache_is_a_warning_under_build_watch_too(site, monkeypatch, capsys):
    """A read-only cache was a warning in `ssg build`, which built without it, and an error in `ssg build --watch`, whose
    every build failed on it: it builds without it too, through a temporary one, with the same warning, told once.
    Root may write anywhere, so the read-only folder is simulated."""
    from ssg.cli import _cache_or

    site.build()
    cache = site.root / ".ssg-cache"
    allowed = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: False if Path(path) == cache and mode & os.W_OK else allowed(path, mode, **kw)
    )
    spare = site.root.parent / "spare"
    spare.mkdir()
    load = _cache_or(str(spare), lambda: load_config(site.root))
    builder = Builder(remember=True)
    for title in ("One", "Two"):
        site.write({"content/2021/a-0.md": article(title, "2021-05-01")})
        builder.build(load(), ssg.build.BuildOptions(now=NOW))
        assert f"<title>{title}" in site.page("2021/05/01/a-0/")
    err = capsys.readouterr().err
    assert err.count("warning: ") == 1 and err == (
        f"warning: {cache}: cannot hold the build cache ({cache} is read-only: make it writable, to spare reading every "
        "article again): built without it (through a temporary one, for as long as this command runs)\n"
    )
    assert (spare / "cache.sqlite").is_file()


def _full_disk_under(monkeypatch, cache: Path, also: Callable[[], None] = lambda: None) -> None:
    """The disk under the cache folder `cache` fills as the build saves its first article's record there (before the
    output is touched): SQLite's own error; `also` runs first (another process at work meanwhile)."""
    put = ssg.cache.Store.put

    def full(store: ssg.cache.Store, *args: object) -> None:
        if store.path is not None and store.path.is_relative_to(cache):
            also()
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = 13  # type: ignore[attr-defined]
            error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
            raise error
        put(store, *args)

    monkeypatch.setattr(ssg.cache.Store, "put", full)


def test_a_full_cache_disk_is_given_back_its_room_before_the_lock_is_let_go(site, monkeypatch):
    """The failed build let go of the cache's lock, then took it again to give the room back: a waiting `ssg serve`
    built in between, and lost its compiled templates, or its whole cache folder with its preview's serve/ folder
    and lock. The room is given back while the failed build holds the lock still."""
    cache, told = site.root / ".ssg-cache", []
    site.build()
    _edited_title(site)
    (site.root / "content/2021/a-0.md").write_text(article("Article 0 again", "2021-05-01", tags="[Moon]"))
    give_back, release = ssg.build.give_back, ssg.build.release_lock
    monkeypatch.setattr(ssg.build, "give_back", lambda *args: told.append("give back") or give_back(*args))
    monkeypatch.setattr(ssg.build, "release_lock", lambda path, handle: told.append(f"let go {path.name}") or release(path, handle))
    _full_disk_under(monkeypatch, cache)
    result = site.build()
    assert "giving its disk back the room this build took in it" in str(result.warnings[-1])
    assert told[: told.index("give back") + 1] == ["give back"], told


def test_a_cache_folder_a_full_build_made_goes_unless_another_process_put_something_there(site, monkeypatch):
    """Where the build made the cache folder, it removed it whole (`rmtree`), whatever another process had put there
    meanwhile: a preview's serve/ folder and its lock. What this build made goes, and the folder only where it is then
    empty."""
    cache = site.root / ".ssg-cache"
    _full_disk_under(monkeypatch, cache)
    site.build()
    assert not cache.exists()

    def another() -> None:
        (cache / "serve").mkdir(exist_ok=True)
        (cache / "serve/index.html").write_text("a preview's page\n")

    _full_disk_under(monkeypatch, cache, another)
    site.build()
    assert sorted(os.listdir(cache)) == ["serve"] and (cache / "serve/index.html").is_file()


def test_giving_back_deletes_the_database_where_its_log_cannot_be_emptied_and_nothing_else(site, monkeypatch):
    """Where SQLite cannot empty its log into the database (it grows by what it copies, and the disk is full), the
    database goes with its log; the templates compiled before, and what else is in the folder (a preview's serve/),
    stay; those this build compiled go."""
    cache = site.root / ".ssg-cache"
    site.build()
    (cache / "serve").mkdir()
    (cache / "serve/index.html").write_text("a preview's page\n")
    compiled = set(os.listdir(cache / "templates"))
    (site.root / "content/2021/a-0.md").write_text(article("Article 0 again", "2021-05-01", tags="[Moon]"))
    real = ssg.cache.sqlite3.connect

    def give_back(folder: Path, before: object) -> bool:
        (cache / "templates/made-by-this-build.cache").write_bytes(b"compiled")
        (cache / "cache.sqlite-wal").write_bytes(b"log" * 1000)
        with pytest.MonkeyPatch.context() as patched:  # (no connection can be opened to empty the log)
            patched.setattr(ssg.cache.sqlite3, "connect", lambda *args, **kwargs: (_ for _ in ()).throw(sqlite3.OperationalError("full")))
            return real_give_back(folder, before)

    real_give_back = ssg.build.give_back
    monkeypatch.setattr(ssg.build, "give_back", give_back)
    _full_disk_under(monkeypatch, cache)
    result = site.build()
    assert real is ssg.cache.sqlite3.connect
    assert "and deleted it to give its disk back the room" in str(result.warnings[-1])
    assert not any(name.startswith("cache.sqlite") for name in os.listdir(cache))
    assert set(os.listdir(cache / "templates")) == compiled and (cache / "serve/index.html").is_file()


def test_giving_back_removes_the_search_state_a_cold_build_was_writing(tmp_path):
    """The new search state a cold build writes beside the old (search-*.sqlite.new, tens of MB at 10,000 articles)
    stayed on the full disk, though the warning said the room was given back; a search state's log stayed too."""
    from ssg.cache import give_back, held

    cache = tmp_path / "cache"
    cache.mkdir()
    state = sqlite3.connect(cache / "search-public.sqlite")
    state.execute("PRAGMA journal_mode=WAL")
    state.execute("PRAGMA wal_autocheckpoint=0")
    state.execute("CREATE TABLE t (x)")
    state.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    state.commit()
    before = held(cache)
    state.execute("INSERT INTO t VALUES (?)", (b"y" * 100_000,))
    state.commit()
    (cache / "search-public.sqlite.new").write_bytes(b"n" * 100_000)
    (cache / "search-other.sqlite").write_bytes(b"a state this build started")
    assert (cache / "search-public.sqlite-wal").stat().st_size > 100_000
    assert give_back(cache, before) is False
    state.close()
    assert sorted(os.listdir(cache)) == ["search-public.sqlite"]
    check = sqlite3.connect(cache / "search-public.sqlite")
    assert check.execute("SELECT count(*) FROM t").fetchone() == (2,)
    check.close()


@pytest.mark.parametrize(("soft", "hard", "told"), [
    (64, 128, "this process's limit is 64 (ulimit -n): raise it (ulimit -n 128) and build again"),
    (64, 64, "this process's limit is 64 (ulimit -n), as high as its hard limit (ulimit -Hn) lets it be: build from a new shell"),
    (9, 9, "this process's limit is 9 (ulimit -n), as high as its hard limit (ulimit -Hn) lets it be: build from a new shell"),
])  # fmt: skip
def test_raising_the_open_files_limit_is_told_only_where_it_can_be(soft, hard, told):
    """After `ulimit -n 9` in bash (which sets the hard limit too), the build said "this process's limit is 9 (ulimit -n):
    raise it (ulimit -n 9)", which does nothing. Under real limits, set as the shell sets them: where the hard limit is
    reached, that is what is told."""
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_NOFILE, (int(sys.argv[1]), int(sys.argv[2])));"
        " from ssg.resources import too_many_files_fix; print(too_many_files_fix())"
    )
    done = subprocess.run([sys.executable, "-c", code, str(soft), str(hard)], env=ssg_env(), capture_output=True, text=True, check=True)
    assert done.stdout.startswith(told), done.stdout


def test_pools_that_stop_out_of_order_put_back_the_thread_hook(monkeypatch):
    """Each pool swapped `threading.excepthook` for its own filter and put back the one it found: two pools in two
    threads that stopped out of order left a filter in place for good (every later thread out of memory went untold).
    Out of memory is quiet while any pool works, and the hook found is back once the last one stops."""
    told: list[type] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: told.append(args.exc_type))

    def thread_raising(error: BaseException) -> None:
        def run() -> None:
            raise error

        thread = threading.Thread(target=run)
        thread.start()
        thread.join()

    first, second = ssg.workers._quiet_out_of_memory(), ssg.workers._quiet_out_of_memory()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    thread_raising(MemoryError())
    assert told == []
    second.__exit__(None, None, None)
    thread_raising(MemoryError())
    thread_raising(ValueError())
    assert told == [MemoryError, ValueError]
