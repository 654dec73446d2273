"""`ssg build --server`, run as the user runs it: each build answered by a server that outlives the command writes what
`ssg build` writes, byte for byte, and says what it says, with its exit code; one server serves a project's commands
one after another, stops when asked, when a command runs other code, when its command's Ctrl-C stops a build, or
after its idle time; a broken edit fails the build, not the server."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from ssg import buildserver
from ssg.entry import INTERRUPTED

from .conftest import REPO, SITE_YAML, Project, article, ssg_env, tree

CLOCK = ["--clock", "2026-01-01T00:00:00+00:00"]


@pytest.fixture
def short_tmp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary folder of a short path for the servers' sockets (pytest's are longer than a socket's path may be),
    in this process and in the commands it runs; every server started there is stopped at the end."""
    folder = Path(tempfile.mkdtemp(prefix="ssg-t", dir="/tmp"))
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    try:
        yield folder
    finally:
        for pid in servers_started(folder):
            with suppress(OSError):  # (only a server still there: not a process that took its number since)
                if b"build-server" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    os.kill(pid, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def site(tmp_path: Path) -> Project:
    return Project(tmp_path / "site").write(
        {
            "site.yaml": SITE_YAML,
            "content/2021/one.md": article("Роскосмос запустил спутник", "2021-03-01T10:00:00+03:00", tags="[космос, Роскосмос]"),
            "content/2021/two.md": article("NASA lands a rover", "2021-04-02T11:00:00+00:00", tags="[space, NASA]", lang="en"),
            "content/2022/three.md": article("Третья новость", "2022-05-03T12:00:00+03:00", tags="[космос]"),
        }
    )


def ssg(root: Path, *args: str, env: dict | None = None, **popen: object) -> subprocess.CompletedProcess:
    """`python -m ssg -C root args`, as the user runs it, to its end."""
    return subprocess.run(
        [sys.executable, "-m", "ssg", "-C", str(root), *args],
        cwd=REPO,
        env=env or ssg_env(),
        capture_output=True,
        text=True,
        timeout=120,
        **popen,
    )


def learned(site: Project, **popen: object) -> bool:
    """Start the project's server and let it learn the archive: the first command is answered as `ssg build` answers
    it, and the server learns the archive right after (`buildserver.serve_builds`); a second command waits for that."""
    return all(ssg(site.root, "build", "--server", *CLOCK, **popen).returncode == 0 for _ in range(2))


def ignoring_ctrl_c() -> None:
    """Start a process as a shell starts one in the background (`ssg build --server &`): SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def servers_started(short_tmp: Path) -> list[int]:
    """The process of every server started under `short_tmp`, in order (each says so first in its log)."""
    return [int(pid) for log in short_tmp.glob("ssg-*/*.log") for pid in re.findall(r"ssg build server (\d+)", log.read_text())]


def log_text(short_tmp: Path) -> str:
    return "".join(log.read_text() for log in short_tmp.glob("ssg-*/*.log"))


def cold_build(site: Project, tmp_path: Path) -> dict[str, bytes]:
    """What a fresh `ssg build` of the project's files writes (into a folder of its own, with a cache of its own)."""
    copy = tmp_path / "cold"
    shutil.rmtree(copy, ignore_errors=True)
    # (Nor the working files beside the output: the server may be building meanwhile, learning the archive.)
    shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("public", ".ssg-cache", ".public.ssg-*"))
    done = ssg(copy, "build", *CLOCK)
    assert done.returncode == 0, done.stderr
    return tree(copy / "public")


def without_times(text: str) -> str:
    return re.sub(r"in \d+\.\d+ s", "in T s", text)


def test_builds_through_the_server_write_what_ssg_build_writes(site: Project, short_tmp: Path, tmp_path: Path) -> None:
    first = ssg(site.root, "build", "--server", *CLOCK)
    assert first.returncode == 0, first.stderr
    assert "Starting a build server" in first.stderr
    assert tree(site.public) == cold_build(site, tmp_path)
    # Each kind of edit, built by the same server, gives what a fresh build of the same files gives.
    edits = [
        (
            "content/2021/one.md",
            article("Роскосмос запустил спутник", "2021-03-01T10:00:00+03:00", "Новый текст.", tags="[космос, Роскосмос]"),
        ),
        ("content/2021/two.md", article("NASA lands a second rover", "2021-04-02T11:00:00+00:00", tags="[space, NASA]", lang="en")),
        ("content/2022/three.md", article("Третья новость", "2022-05-03T12:00:00+03:00", tags="[космос, МКС]")),
        ("content/2022/three.md", article("Третья новость", "2020-01-03T12:00:00+03:00", tags="[космос, МКС]")),
        ("content/2023/four.md", article("Четвёртая", "2023-06-04T09:00:00+03:00")),
    ]
    for name, text in edits:
        site.write({name: text})
        done = ssg(site.root, "build", "--server", *CLOCK)
        assert done.returncode == 0, done.stderr
        assert "Starting a build server" not in done.stderr
        assert tree(site.public) == cold_build(site, tmp_path), name
    site.remove("content/2021/two.md")
    done = ssg(site.root, "build", "--server", *CLOCK)
    assert done.returncode == 0 and tree(site.public) == cold_build(site, tmp_path)
    assert len(servers_started(short_tmp)) == 1  # (one server answered them all)
    # What it says is what `ssg build` says, with its exit code: here, that nothing changed since.
    here = ssg(site.root, "build", *CLOCK)
    there = ssg(site.root, "build", "--server", *CLOCK)
    assert (there.returncode, without_times(there.stdout), there.stderr) == (here.returncode, without_times(here.stdout), here.stderr)
    assert "up to date" in there.stdout


def test_the_first_command_is_answered_as_ssg_build_answers_it_and_the_server_learns_the_archive_after(
    site: Project, short_tmp: Path, tmp_path: Path
) -> None:
    """A long-lived builder's first build goes over the whole archive (10 s at 10,000 articles, where `ssg build` finds
    nothing changed in 0.4 s): the first command is built as `ssg build` builds it, and the server learns after."""
    assert ssg(site.root, "build", *CLOCK).returncode == 0
    first = ssg(site.root, "build", "--server", *CLOCK)
    assert first.returncode == 0 and "(up to date: nothing changed since the last build)" in first.stdout
    site.write({"content/2021/one.md": article("Роскосмос", "2021-03-01T10:00:00+03:00")})
    second = ssg(site.root, "build", "--server", *CLOCK)  # (the learned builder's)
    assert second.returncode == 0 and tree(site.public) == cold_build(site, tmp_path)
    assert len(servers_started(short_tmp)) == 1


def test_a_build_by_another_process_between_two_of_the_server(site: Project, short_tmp: Path, tmp_path: Path) -> None:
    """`ssg build` (or `build --watch`) may write the output between two commands the server answers: the server finds
    the output as that build left it, not as it remembers it."""
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    site.write({"content/2021/one.md": article("Другой заголовок", "2021-03-01T10:00:00+03:00", tags="[космос]")})
    assert ssg(site.root, "build", *CLOCK).returncode == 0
    site.write({"content/2021/one.md": article("Роскосмос запустил спутник", "2021-03-01T10:00:00+03:00", tags="[космос, Роскосмос]")})
    done = ssg(site.root, "build", "--server", *CLOCK)
    assert done.returncode == 0, done.stderr
    assert tree(site.public) == cold_build(site, tmp_path)
    assert len(servers_started(short_tmp)) == 1


def test_files_deleted_by_hand_from_the_output_are_made_again_as_ssg_build_makes_them(site: Project, short_tmp: Path, tmp_path) -> None:
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    for edited in (False, True):
        (site.public / "sitemap.xml").unlink()
        shutil.rmtree(site.public / "tags")
        if edited:
            site.write({"content/2021/two.md": article("NASA lands", "2021-04-02T11:00:00+00:00", tags="[space, NASA]", lang="en")})
        done = ssg(site.root, "build", "--server", *CLOCK)
        assert done.returncode == 0, done.stderr
        assert tree(site.public) == cold_build(site, tmp_path)
    assert len(servers_started(short_tmp)) == 1


def test_a_broken_edit_fails_the_build_and_the_next_one_goes_through_the_same_server(site: Project, short_tmp: Path) -> None:
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    good = site.public.joinpath("index.html").read_bytes()
    site.write({"content/2021/one.md": "---\ntitle: [unclosed\ndate: 2021-03-01\n---\nText.\n"})
    broken = ssg(site.root, "build", "--server", *CLOCK)
    assert broken.returncode == 1
    assert "content/2021/one.md:2" in broken.stderr and "Build failed: 1 problem." in broken.stderr
    assert site.public.joinpath("index.html").read_bytes() == good  # (the output as the last good build left it)
    # Flags parsed by the server as the command line parses them: a usage error is one.
    usage = ssg(site.root, "build", "--server", "--jobs", "0")
    assert usage.returncode == 2 and "--jobs" in usage.stderr
    watching = ssg(site.root, "build", "--server", "--watch")
    assert watching.returncode == 2 and "--watch keeps its builder itself; it does not go with --server" in watching.stderr
    site.write({"content/2021/one.md": article("Исправлено", "2021-03-01T10:00:00+03:00")})
    fixed = ssg(site.root, "build", "--server", *CLOCK)
    assert fixed.returncode == 0, fixed.stderr
    assert any("Исправлено" in text.decode() for name, text in tree(site.public).items() if name.endswith(".html"))
    assert len(servers_started(short_tmp)) == 1


def test_the_command_line_sends_the_build_it_parsed(site: Project, short_tmp: Path, tmp_path: Path, monkeypatch) -> None:
    """`ssg build --server` where the command line was parsed (here in-process; `entry` sends most without): the
    options as given, a relative output folder from the archive's folder `-C` names, as git -C reads paths (it was from
    the shell's folder, while `check --links public` and `new content/...` read theirs otherwise)."""
    from click.testing import CliRunner

    from ssg.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["-C", str(site.root), "build", "--server", "-o", "out", "-j", "1", "--profile", *CLOCK])
    assert result.exit_code == 0, result.stderr
    assert "Starting a build server" in result.stderr and "  phase " in result.stderr
    assert tree(site.root / "out") == cold_build(site, tmp_path)
    assert not site.public.exists() and not (tmp_path / "out").exists()


def test_a_relative_output_folder_sent_before_the_command_line_is_loaded_is_from_the_archive(site: Project, short_tmp: Path) -> None:
    """`entry` sends `ssg -C site build --server -o out` without click: the server read `out` from the shell's folder."""
    assert ssg(site.root, "build", "--server", "-o", "out", *CLOCK).returncode == 0
    assert (site.root / "out/index.html").is_file() and not (REPO / "out").exists()


def test_stop_server(site: Project, short_tmp: Path) -> None:
    none = ssg(site.root, "build", "--stop-server")
    assert none.returncode == 0 and f"No build server runs for {site.root.resolve()}." in none.stdout
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    site.write({"content/2021/one.md": article("Роскосмос", "2021-03-01T10:00:00+03:00")})
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0  # (it sets the files it replaced aside)
    (pid,) = servers_started(short_tmp)
    stopped = ssg(site.root, "build", "--stop-server")
    assert stopped.returncode == 0 and f"Stopped the build server of {site.root.resolve()} (process {pid})." in stopped.stdout
    # Stopped once it says so: what its builds set aside beside the output is gone (a deploy may follow at once); the
    # process itself ends a few ms after it lets go of its lock (the kernel's part of an exit: 6-7 ms here).
    assert wait_gone(pid, timeout=5)
    assert not [p.name for p in site.root.iterdir() if p.name.startswith(".public.ssg-")]
    assert not list(short_tmp.glob("ssg-*/*.sock")) and not list(short_tmp.glob("ssg-*/*.lock"))
    assert "No build server runs" in ssg(site.root, "build", "--stop-server").stdout


def test_stop_server_from_inside_the_archive_names_the_archive(site: Project, short_tmp: Path) -> None:
    """`ssg build --stop-server` in content/: no server is started for a folder without a site.yaml, so it says where
    the archive is, as `ssg build` there does, and fails (a script that stops the server must not go on as if it had)."""
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    inside = ssg(site.root / "content", "build", "--stop-server")
    root = site.root.resolve()
    assert inside.returncode == 1 and inside.stdout == ""
    assert inside.stderr == (
        f"error: no build server runs for {root / 'content'}: site.yaml: not found in {root / 'content'} "
        f"(the archive is {root}: run ssg there, or pass -C {root})\n"
    )
    assert len(servers_started(short_tmp)) == 1 and "Stopped the build server" in ssg(site.root, "build", "--stop-server").stdout


def test_stop_server_with_build_options_is_refused(site: Project, short_tmp: Path) -> None:
    """It builds nothing: options of a build with it are a mistake, said as such (exit 2), not ignored."""
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    refused = ssg(site.root, "build", "--stop-server", "--drafts", "-o", "elsewhere")
    assert refused.returncode == 2
    assert "Error: --stop-server builds nothing; it does not go with --drafts, --output" in refused.stderr
    # (--server with it, as one who typed `ssg build --server` to build may type it to stop the server, is no mistake)
    stopped = ssg(site.root, "build", "--server", "--stop-server")
    assert len(servers_started(short_tmp)) == 1 and "Stopped the build server" in stopped.stdout


def test_a_command_of_another_environment_gets_a_server_of_its_own(site: Project, short_tmp: Path) -> None:
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    other = ssg(site.root, "build", "--server", *CLOCK, env={**ssg_env(), "TZ": "Asia/Tokyo"})
    assert other.returncode == 0, other.stderr
    first, second = servers_started(short_tmp)
    assert wait_gone(first)
    assert "stopped for a command of other code or environment" in log_text(short_tmp)
    assert "0 written, 0 removed" in other.stdout  # (the second server's first build: the output as the first left it)
    assert ssg(site.root, "build", "--server", *CLOCK, env={**ssg_env(), "TZ": "Asia/Tokyo"}).returncode == 0
    assert servers_started(short_tmp) == [first, second]


def test_the_server_stops_after_its_idle_time(site: Project, short_tmp: Path) -> None:
    socket_path = buildserver.address(site.root)
    process = subprocess.Popen(
        [sys.executable, "-m", "ssg", "-C", str(site.root), "build-server", str(socket_path), "--idle", "0.5"],
        cwd=REPO,
        env=ssg_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert "stopped after 0.5 s without a build" in output
    assert not socket_path.exists()


def test_two_commands_at_once_share_one_server(site: Project, short_tmp: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "ssg", "-C", str(site.root), "build", "--server", *CLOCK]
    running = [
        subprocess.Popen(command, cwd=REPO, env=ssg_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    for process in running:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    assert len(servers_started(short_tmp)) == 1
    assert tree(site.public) == cold_build(site, tmp_path)


def test_ctrl_c_stops_the_build_in_the_server_and_the_server(site: Project, short_tmp: Path, tmp_path: Path) -> None:
    """The command's Ctrl-C stops the server's build, here while it waits for the build cache another build holds (a
    wait in a system call, which only a signal ends); the server then ends, and the next command starts another."""
    assert learned(site)
    site.write({"content/2023/four.md": article("Четвёртая", "2023-06-04T09:00:00+03:00")})
    from ssg.locks import hold_lock, release_lock

    lock_path = site.root / ".ssg-cache" / "lock"
    held = hold_lock(lock_path)
    try:
        client = subprocess.Popen(
            [sys.executable, "-m", "ssg", "-C", str(site.root), "build", "--server", *CLOCK],
            cwd=REPO,
            env=ssg_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert "is using the build cache" in client.stderr.readline()  # (the server's build waits: it said so)
        client.send_signal(signal.SIGINT)
        out, err = client.communicate(timeout=60)
    finally:
        release_lock(lock_path, held)
    assert client.returncode == INTERRUPTED and "Aborted!" in err, log_text(short_tmp)
    (pid,) = servers_started(short_tmp)
    assert wait_gone(pid)
    assert "stopped: a build was interrupted, or failed on an error of ssg's" in log_text(short_tmp)
    assert not [p for p in site.root.iterdir() if p.name.startswith(".") and "staging" in p.name]
    done = ssg(site.root, "build", "--server", *CLOCK)
    assert done.returncode == 0, done.stderr
    assert tree(site.public) == cold_build(site, tmp_path)


def test_a_client_that_goes_away_stops_the_build(site: Project, short_tmp: Path) -> None:
    """A client killed (not only Ctrl-C'd) mid-build: its socket closes, which stops the build and the server. (Even
    where the server was started by a command that ignored Ctrl-C, as one started in the background does.)"""
    assert learned(site, preexec_fn=ignoring_ctrl_c)
    from ssg.locks import hold_lock, release_lock

    lock_path = site.root / ".ssg-cache" / "lock"
    held = hold_lock(lock_path)
    try:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.connect(str(buildserver.address(site.root)))
        request = {"identity": server_identity(), "args": ["--server", *CLOCK], "cwd": str(REPO), "color": False}
        connection.sendall(json.dumps(request).encode() + b"\n")
        said = buildserver._Lines(connection)
        assert json.loads(next(said)) == {"started": True}
        assert "is using the build cache" in json.loads(next(said))["err"]
        connection.close()
        (pid,) = servers_started(short_tmp)
        assert wait_gone(pid)
    finally:
        release_lock(lock_path, held)
    assert "stopped: a build was interrupted, or failed on an error of ssg's" in log_text(short_tmp)


def test_ctrl_c_of_a_command_waiting_for_another_ends_it_at_once_and_the_server_goes_on(site: Project, short_tmp: Path) -> None:
    """A command sent while the server builds another's waits its turn; its Ctrl-C ends it then and there (as a `ssg
    build` waiting for the cache's lock), and the server, which has not begun its build, skips it."""
    assert learned(site)
    from ssg.locks import hold_lock, release_lock

    lock_path = site.root / ".ssg-cache" / "lock"
    held = hold_lock(lock_path)
    command = [sys.executable, "-m", "ssg", "-C", str(site.root), "build", "--server", *CLOCK]
    try:
        first = subprocess.Popen(command, cwd=REPO, env=ssg_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert "is using the build cache" in first.stderr.readline()  # (the server builds it: it waits for the lock)
        second = subprocess.Popen(command, cwd=REPO, env=ssg_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with pytest.raises(subprocess.TimeoutExpired):
            second.wait(timeout=1)  # (its turn has not come)
        second.send_signal(signal.SIGINT)
        out, err = second.communicate(timeout=10)  # (not waiting for the first's build, which waits for the lock)
        assert second.returncode == INTERRUPTED and "Aborted!" in err
        assert first.poll() is None
    finally:
        release_lock(lock_path, held)
    out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    assert len(servers_started(short_tmp)) == 1 and "stopped" not in log_text(short_tmp)


def test_a_file_name_no_encoding_reads_is_told_as_ssg_build_tells_it(site: Project, short_tmp: Path) -> None:
    """A name in Windows-1251 (an old archiver's): named by its bytes, with the command that renames it, by both; it
    stopped `ssg build` in a traceback where the cache went to store it, and the server with it."""
    for raw in ("content/2020/новости.md".encode("cp1251"), b"content/2020/caf\xe9.md"):
        name = os.fsdecode(raw)
        (site.root / name).parent.mkdir(parents=True, exist_ok=True)
        (site.root / name).write_text(article("Новости", "2020-01-01T10:00:00+03:00"), encoding="utf-8")
    here = ssg(site.root, "build", *CLOCK)
    there = ssg(site.root, "build", "--server", *CLOCK)
    assert here.returncode == there.returncode == 1 and "Traceback" not in here.stderr + there.stderr
    assert there.stderr.split("\n", 1)[1] == here.stderr  # (but for the line saying the server starts)
    assert "error: content/2020/caf\\xe9.md: the file's name is not UTF-8: rename it" in here.stderr
    assert (
        "content/2020/\\xed\\xee\\xe2" in here.stderr and "Windows-1251 (Cyrillic): rename it (or: convmv -f cp1251 -t utf-8" in here.stderr
    )
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 1
    assert len(servers_started(short_tmp)) == 1  # (it went on)


def test_no_server_is_started_for_a_folder_without_site_yaml_nor_for_a_usage_error_the_command_line_finds(
    tmp_path: Path, site: Project, short_tmp: Path
) -> None:
    (tmp_path / "empty").mkdir()
    for folder, said in ((tmp_path / "empty", "site.yaml"), (tmp_path / "missing", "does not exist")):
        here, there = ssg(folder, "build"), ssg(folder, "build", "--server")
        assert (there.returncode, there.stderr) == (here.returncode, here.stderr) and said in there.stderr
    watching = ssg(site.root, "build", "--server", "--watch")
    assert watching.returncode == 2 and "--watch keeps its builder itself; it does not go with --server" in watching.stderr
    assert servers_started(short_tmp) == []


def test_a_server_started_by_a_usage_error_the_command_line_does_not_find_stops(site: Project, short_tmp: Path) -> None:
    """`-C` after `build` goes to the server before the command line is parsed: the server answered the usage error
    and waited an hour, learning nothing. It stops now; a usage error sent to a server that built stays an answer."""
    mistyped = ssg(site.root, "build", "-C", "y", "--server")
    assert mistyped.returncode == 2 and re.search(r"No such option:? '?-C\b", mistyped.stderr)  # (click 8.4: quoted, 8.2: after ": ")
    (first,) = servers_started(short_tmp)
    assert wait_gone(first) and "stopped: the command that started it was a usage error, which built nothing" in log_text(short_tmp)
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    misspelt = ssg(site.root, "build", "--bogus", "--server")
    assert misspelt.returncode == 2 and re.search(r"No such option:? '?--bogus\b", misspelt.stderr)
    (_, second) = servers_started(short_tmp)
    assert is_server_of(second, short_tmp) and ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    assert servers_started(short_tmp) == [first, second]


def test_a_cache_git_no_longer_tracks_is_no_longer_told(site: Project, short_tmp: Path) -> None:
    """The warning that git tracks the build cache, asked anew at each command as `ssg build` asks it: the server
    kept telling it after the cache was untracked."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(site.root)]
    assert ssg(site.root, "build", *CLOCK).returncode == 0
    subprocess.run(["git", "init", "-q", str(site.root)], check=True)
    subprocess.run([*git, "add", "-f", ".ssg-cache/cache.sqlite"], check=True)
    subprocess.run([*git, "commit", "-qm", "the cache, by mistake"], check=True)
    site.write({"content/2021/one.md": article("Роскосмос", "2021-03-01T10:00:00+03:00")})
    assert "git tracks 1 file of the build cache" in ssg(site.root, "build", "--server", *CLOCK).stderr
    subprocess.run([*git, "rm", "-rq", "--cached", ".ssg-cache"], check=True)
    subprocess.run([*git, "commit", "-qm", "untracked"], check=True)
    site.write({"content/2021/one.md": article("Роскосмос снова", "2021-03-01T10:00:00+03:00")})
    assert "git tracks" not in ssg(site.root, "build", "--server", *CLOCK).stderr
    assert len(servers_started(short_tmp)) == 1


def test_two_stops_at_once_both_wait_for_the_server_to_end(site: Project, short_tmp: Path) -> None:
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    (pid,) = servers_started(short_tmp)
    command = [sys.executable, "-m", "ssg", "-C", str(site.root), "build", "--stop-server"]
    stops = [
        subprocess.Popen(command, cwd=REPO, env=ssg_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    for stop in stops:
        out, err = stop.communicate(timeout=60)
        assert stop.returncode == 0 and "Traceback" not in err, err
        assert wait_gone(pid, timeout=0)  # (each returned once the server had ended)


def test_a_server_whose_folder_was_deleted_leaves_the_next_one_alone(site: Project, short_tmp: Path) -> None:
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    shutil.rmtree(short_tmp / f"ssg-{os.getuid()}")
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0  # (a server of its own, in a folder made anew)
    (second,) = servers_started(short_tmp)  # (the first's log went with its folder)
    first = next(int(pid) for pid in os.listdir("/proc") if pid.isdigit() and int(pid) != second and is_server_of(int(pid), short_tmp))
    os.kill(first, signal.SIGTERM)
    assert wait_gone(first)
    assert buildserver.address(site.root).exists() and buildserver.address(site.root).with_suffix(".lock").exists()
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    assert servers_started(short_tmp) == [second]


def wait_for(condition: Callable[[], bool], timeout: float = 60) -> bool:
    """Whether `condition()` holds within `timeout` seconds (asked every 50 ms)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def is_server_of(pid: int, short_tmp: Path) -> bool:
    """Whether process `pid` is a build server whose socket is under `short_tmp`."""
    try:
        return (
            b"build-server" in Path(f"/proc/{pid}/cmdline").read_bytes()
            and str(short_tmp).encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
        )
    except OSError:
        return False


def test_a_command_under_another_umask_gets_a_server_of_its_own(site: Project, short_tmp: Path, tmp_path: Path) -> None:
    """The output's files take their modes from the umask: a server started under 022 wrote 644 for a command under 077."""
    assert ssg(site.root, "build", "--server", *CLOCK).returncode == 0
    site.write({"content/2023/four.md": article("Четвёртая", "2023-06-04T09:00:00+03:00")})
    command = [sys.executable, "-m", "ssg", "-C", str(site.root), "build", "--server", *CLOCK]
    done = subprocess.run(command, cwd=REPO, env=ssg_env(), capture_output=True, text=True, preexec_fn=lambda: os.umask(0o077))
    assert done.returncode == 0, done.stderr
    assert len(servers_started(short_tmp)) == 2
    made = [p for p in site.public.rglob("*.html") if "2023" in p.as_posix()]
    assert made and all(p.stat().st_mode & 0o777 == 0o600 for p in made)


def saved_as_it_learns(tmp_path: Path, path: Path, text: str) -> dict[str, str]:
    """The environment of commands whose server writes `text` to `path` (once) as its learning build starts: a save
    between the first command and that build, made certain (a test that saved after the command lost the race)."""
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(
        "import contextlib, os, pathlib\n"
        "import ssg.build\n"
        "real = ssg.build.Builder.learning\n"
        "@contextlib.contextmanager\n"
        "def learning(self):\n"
        "    saved = pathlib.Path(os.environ['SAVED_AS_IT_LEARNS'])\n"
        "    if not os.environ.get('SAVED'):\n"
        "        os.environ['SAVED'] = '1'\n"
        "        saved.parent.mkdir(exist_ok=True)\n"
        "        saved.write_text(os.environ['SAVED_TEXT'], encoding='utf-8')\n"
        "    with real(self):\n"
        "        yield\n"
        "ssg.build.Builder.learning = learning\n",
        encoding="utf-8",
    )
    return {**ssg_env(), "PYTHONPATH": f"{hook}{os.pathsep}{REPO}", "SAVED_AS_IT_LEARNS": str(path), "SAVED_TEXT": text}


def output_state(site: Project) -> dict[str, tuple[bytes, int, int]]:
    """Every file of the output folder, its manifest too, with its bytes, modification time and mode."""
    return {p.as_posix(): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in sorted(site.public.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("saved", "text"),
    [
        ("content/2023/four.md", article("Четвёртая", "2023-06-04T09:00:00+03:00")),
        # (No page's bytes change: the manifest's fingerprints do, which the learning build wrote after no command.)
        ("content/2022/three.md", article("Третья новость", "2022-05-03T12:00:00+03:00", tags="[космос]", notes="private")),
    ],
    ids=["new article", "a key no template shows"],
)
def test_a_server_that_did_not_learn_the_archive_learns_it_by_the_next_command(
    site: Project, short_tmp: Path, tmp_path: Path, saved: str, text: str
) -> None:
    """A file saved between the first command and the server's learning build is not built then, with the server's
    umask, by no command (a deploy may be copying the output): the log says why, the next command builds it as `ssg
    build` does, and the server learns the archive after that one."""
    env = saved_as_it_learns(tmp_path, site.root / saved, text)
    assert ssg(site.root, "build", "--server", *CLOCK, env=env).returncode == 0
    before = output_state(site)
    assert wait_for(lambda: "not learned: " in log_text(short_tmp))
    told = r"^not learned: it would write \d+ files?, remove 0 and change the manifest of public \(the next command is learned by\)$"
    assert re.search(told, log_text(short_tmp), re.M), log_text(short_tmp)
    assert "learned the archive" not in log_text(short_tmp)
    assert output_state(site) == before
    assert (site.root / saved).read_text(encoding="utf-8") == text
    done = ssg(site.root, "build", "--server", *CLOCK, env=env)
    assert done.returncode == 0, done.stderr
    assert tree(site.public) == cold_build(site, tmp_path)
    assert wait_for(lambda: "learned the archive" in log_text(short_tmp))
    site.write({"content/2023/four.md": article("Четвёртая, исправленная", "2023-06-04T09:00:00+03:00")})
    done = ssg(site.root, "build", "--server", *CLOCK, env=env)
    assert done.returncode == 0, done.stderr
    assert tree(site.public) == cold_build(site, tmp_path)
    assert len(servers_started(short_tmp)) == 1


def test_a_server_whose_learning_build_failed_says_so(site: Project, short_tmp: Path, tmp_path: Path) -> None:
    """A file broken between the first command and the learning build: that build fails as `ssg build` would, writing
    nothing; the log says so (not that it learned), and the next command fails alike, then builds once it is fixed."""
    env = saved_as_it_learns(tmp_path, site.root / "content/2022/three.md", "---\ntitle: [Третья\n---\n\nТекст.\n")
    assert ssg(site.root, "build", "--server", *CLOCK, env=env).returncode == 0
    before = output_state(site)
    assert wait_for(lambda: "learning the archive failed (exit 1)" in log_text(short_tmp)), log_text(short_tmp)
    assert "learned the archive" not in log_text(short_tmp) and "not learned" not in log_text(short_tmp)
    assert output_state(site) == before
    broken = ssg(site.root, "build", "--server", *CLOCK, env=env)
    assert broken.returncode == 1 and "content/2022/three.md:2" in broken.stderr
    site.write({"content/2022/three.md": article("Третья новость", "2022-05-03T12:00:00+03:00", tags="[космос, МКС]")})
    done = ssg(site.root, "build", "--server", *CLOCK, env=env)
    assert done.returncode == 0, done.stderr
    assert tree(site.public) == cold_build(site, tmp_path)
    assert len(servers_started(short_tmp)) == 1


def test_a_command_whose_streams_are_closed_builds(site: Project, short_tmp: Path) -> None:
    """`ssg build --server 2>&- >&-` (from cron): it builds, and says nothing, as `ssg build` does."""
    command = [sys.executable, "-m", "ssg", "-C", str(site.root), "build", "--server", *CLOCK]
    done = subprocess.run(
        command,
        cwd=REPO,
        env=ssg_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        close_fds=True,
        pass_fds=(),
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: (os.close(1), os.close(2)),
    )
    assert done.returncode == 0
    assert (site.public / "index.html").is_file()


def server_identity() -> str:
    """The identity of a server started by `ssg` with `ssg_env` (this process's environment may differ in PYTHONPATH)."""
    done = subprocess.run(
        [sys.executable, "-c", "from ssg.buildserver import identity; print(identity())"],
        cwd=REPO,
        env=ssg_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def wait_gone(pid: int, timeout: float = 30) -> bool:
    """Whether process `pid` ends within `timeout` seconds (a server is no child of this process: it is polled)."""

    def ended() -> bool:
        try:
            os.kill(pid, 0)
            with open(f"/proc/{pid}/stat") as stat:  # (a zombie: ended, not yet reaped by its parent, which is gone)
                return stat.read().split(") ")[-1].startswith("Z")
        except (ProcessLookupError, FileNotFoundError):
            return True

    return wait_for(ended, timeout)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["build", "--server"], (".", [])),
        (["-C", "site", "build", "--server", "-o", "out"], ("site", ["-o", "out"])),
        (["--project=site", "build", "-j", "1", "--server"], ("site", ["-j", "1"])),
        (["--project", "site", "build", "--profile", "--server"], ("site", ["--profile"])),
        (["build"], None),
        (["build", "--server", "--help"], None),
        (["build", "--server", "--stop-server"], None),
        (["build", "--", "--server"], None),
        (["new", "--server"], None),
        (["--version"], None),
        (["-v", "build", "--server"], None),
        (["build", "--server", "-w"], None),
        (["-C", "elsewhere", "build", "--server"], None),  # (no site.yaml there)
        ([], None),
    ],
)
def test_which_commands_go_to_the_server_before_the_command_line_is_loaded(
    argv: list[str], expected: tuple | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Project(tmp_path).write({"site.yaml": SITE_YAML, "site/site.yaml": SITE_YAML})
    found = buildserver.forwarded(argv)
    if expected is None:
        assert found is None
    else:
        project, args = found  # type: ignore[misc]
        assert (str(project), [arg for arg in args if arg != "--server"]) == expected


def test_a_socket_folder_open_to_others_is_refused(short_tmp: Path, tmp_path: Path) -> None:
    folder = short_tmp / f"ssg-{os.getuid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    with pytest.raises(buildserver.ServerError, match="not a folder of this user's alone"):
        buildserver.address(tmp_path)
    folder.chmod(0o700)
    assert buildserver.address(tmp_path).parent == folder


def test_a_socket_path_too_long_is_told(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    long = tmp_path / ("x" * 90)
    long.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(long))
    with pytest.raises(buildserver.ServerError, match="too long for a socket's path"):
        buildserver.address(tmp_path)


def test_a_server_that_ends_mid_build_is_told_with_its_log(tmp_path: Path) -> None:
    """Killed (`kill -9`, the OOM killer) after it started the build: the command names the log to read."""
    import io

    ours, theirs = socket.socketpair()
    theirs.sendall(b'{"started": true}\n{"err": "building\\n"}\n')
    theirs.close()
    err = io.StringIO()
    assert buildserver._Reply(ours, io.StringIO(), err, tmp_path / "server.log").read() == 1
    assert err.getvalue() == f"building\nerror: the build server ended before the build did (its log: {tmp_path / 'server.log'})\n"
    ours.close()


@pytest.mark.parametrize("installed", [True, False])
def test_a_server_puts_ssgs_folder_first_on_its_import_path_only_where_it_is_not_on_it(tmp_path: Path, installed: bool) -> None:
    """A server imports the ssg of the command that started it, from its folder. Installed from a wheel, that folder is
    site-packages, which put first came before the standard library in the server alone (a distribution's `enum`, a
    backport, replaced Python's own there); run from a source checkout it is on no path of the server's: first."""
    here = sysconfig.get_paths()["purelib"] if installed else str(tmp_path)
    show = buildserver._IMPORT_PATH_CODE + "print(repr(sys.path))"
    before = subprocess.run([sys.executable, "-P", "-c", "import sys; print(repr(sys.path))"], capture_output=True, text=True, check=True)
    after = subprocess.run([sys.executable, "-P", "-c", show, here], capture_output=True, text=True, check=True)
    paths = ast.literal_eval(before.stdout)
    assert ast.literal_eval(after.stdout) == (paths if installed else [here, *paths])
