"""`ssg build --server`: each build answered by a builder that outlives the command, as mypy's daemon (dmypy) or
Gradle's answer theirs.

A new `ssg build` process spends about a second at 10,000 articles learning again what the last one knew (the
imports, the site model from the cache, every page's fingerprint) before it renders the few pages one edit changed.
`ssg build --watch` and `ssg serve` keep all that in memory, in the process the author started them in. The build
server keeps it between commands: the first `ssg build --server` starts it (a process of its own, in the background,
which says so), and each later one sends it its arguments and prints what it answers, as if it had built itself: the
same output folder, byte for byte, the same messages (but the line saying a server starts, and `--profile`'s memory,
the server's) and the same exit code.

- **One server per project folder**, found by its socket (`address`): a Unix socket in a folder of this user's only,
  named by the project's path. Its client imports nothing of ssg's but this module and `code` (see `ssg.entry`).
- **It runs the code the command would**: a command whose ssg, Python, libraries or environment (`ENVIRONMENT`)
  differ from the server's asks it to stop, and starts another (`identity`).
- **One build at a time**, each from the start as `ssg build` would: every content file is stat'ed, site.yaml read
  again. A command sent meanwhile waits for its turn, as a second `ssg build` waits for the cache's lock.
- **Ctrl-C stops the build**, in the server, as it would in the command (the builder's own handling puts the output
  back); the server then ends, and the next command starts another. Its socket closing says so (`_Watch`). A Ctrl-C
  while the command waits for another's build ends the command alone: the server skips a build whose command is gone.
- **It ends by itself** after an hour without a build (`IDLE`), with `ssg build --stop-server`, or once its socket is
  gone (its folder deleted: a command has started another); `kill` ends it as cleanly. It ends what it does before it
  lets go of its socket and lock: a server started meanwhile waits for it (`Server.run`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TextIO

from .code import code_version, current_umask
from .entry import INTERRUPTED, colour

USAGE = 2  # the exit code of a usage error (click's): `ssg build -C y --server`, an option misspelt

IDLE = 3600.0  # seconds without a build after which the server ends (it holds the builder's memory meanwhile)
CHECK_EVERY = 30.0  # seconds between an idle server's looks at its socket (gone: it stops)
LOG_BYTES = 1 << 20  # a log larger than this, a server starting keeps its last quarter
STOPPING = 60.0  # seconds `stop_server` waits for a server to end
REQUEST = 10.0  # seconds a server waits for a client that connected to say what it wants
STARTING = 60.0  # seconds a client waits for a server it started to listen (its imports take about half a second)
# The environment a build's output or messages may depend on: a server started under another is not asked. (Not PATH,
# which a build reads only to find git, for a warning: an activated virtual environment would start a server anew;
# nor TMPDIR, under which the server's folder is; nor the variables that locate a git repository, which
# `cache.tracked_by_git` leaves out.)
ENVIRONMENT = (
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONUTF8",
    "PYTHONHASHSEED",
    "TZ",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "HOME",
    "GIT_CEILING_DIRECTORIES",
)
SERVER_FLAG = "--server"
# Arguments that the command line answers itself, the server never: help, a stop (a server asked to stop itself would
# wait for itself), and --watch, which keeps its builder in the command (a usage error with --server).
COMMAND_LINES = frozenset({"-h", "--help", "--stop-server", "-w", "--watch"})
MAX_SOCKET_PATH = 103  # bytes of a Unix socket's path (107 on Linux, 103 on macOS and the BSDs)


class ServerError(Exception):
    """The build server cannot be used here (its folder is not this user's alone, no Unix sockets), or it failed to
    start: the message says why and what to do."""


def supported() -> bool:
    """Whether this system has what the server needs: Unix sockets and file locks (not Windows)."""
    return hasattr(socket, "AF_UNIX") and sys.platform != "win32"


def address(project: Path) -> Path:
    """The socket of `project`'s build server: in a folder of this user's alone under the system's temporary folder
    (a socket's path is limited to about 100 bytes, which a project's own folder may pass; and no other user may send
    builds to it). Raises `ServerError` where that folder is someone else's or open to others."""
    folder = Path(tempfile.gettempdir()) / f"ssg-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        found = os.lstat(folder)
    except OSError as error:
        raise ServerError(f"{folder}: cannot make the build server's folder ({error.strerror})") from error
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid() or found.st_mode & 0o077:
        raise ServerError(f"{folder} is not a folder of this user's alone (mode 700): remove it, and the next build makes it")
    name = hashlib.sha256(str(project.resolve()).encode()).hexdigest()[:24]
    path = folder / f"{name}.sock"
    if len(os.fsencode(path)) > MAX_SOCKET_PATH:
        raise ServerError(f"{path} is too long for a socket's path (at most {MAX_SOCKET_PATH} bytes): set TMPDIR to a shorter folder")
    return path


def identity() -> str:
    """What a server must share with a command it builds for: ssg's code and libraries (`code_version`), the Python
    that runs them and how it reads file names (its UTF-8 mode: `python -X utf8`), the environment (`ENVIRONMENT`),
    and the umask, which the output's files take their modes from."""
    environment = "\0".join(f"{name}={os.environ.get(name, '')}" for name in ENVIRONMENT)
    umask = current_umask()
    python = f"{sys.executable}\0{sys.flags.utf8_mode}\0{sys.getfilesystemencoding()}\0{sys.getfilesystemencodeerrors()}"
    return hashlib.sha256(f"{code_version()}\0{python}\0{environment}\0{umask:o}".encode()).hexdigest()


def forwarded(argv: list[str]) -> tuple[Path, list[str]] | None:
    """The project folder and the build's arguments, where `argv` (the command's, without the program) is
    `[-C DIR] build ... --server ...`: those the client sends without importing the command line's code. None for
    anything else (`ssg.cli` parses it, and sends a build with `--server` there, as here)."""
    project, rest = Path("."), list(argv)
    while rest and rest[0] != "build":
        if rest[0] in ("-C", "--project") and len(rest) > 1:
            project, rest = Path(rest[1]), rest[2:]
        elif rest[0].startswith("--project="):
            project, rest = Path(rest[0].partition("=")[2]), rest[1:]
        else:
            return None
    args = rest[1:]
    before_end = args[: args.index("--")] if "--" in args else args
    if not rest or SERVER_FLAG not in before_end or any(arg in COMMAND_LINES for arg in before_end) or not is_project(project):
        return None  # (the command line's to tell: `COMMAND_LINES`, and a folder no build server is for)
    return project, args


def is_project(project: Path) -> bool:
    """Whether `project` holds a site.yaml (`config.CONFIG_FILE`, not imported: the client imports nothing of the
    build): where it does not, `ssg build` says what is wrong, and no server is started (it would have nothing to
    build, and wait an hour)."""
    return (project / "site.yaml").is_file()


# The client's side.


def send_build(project: Path, args: list[str], out: TextIO | None, err: TextIO | None) -> int:
    """`request_build`, with a server that cannot be used or started, or a Ctrl-C before it answers, told on `err`;
    returns the exit code. (`out` or `err` None: the command's stream is closed, `ssg build >&-`: nothing goes there.)"""
    try:
        return request_build(project, args, out, err)
    except ServerError as error:
        _say(err, f"error: {error}")
    except KeyboardInterrupt:  # (while the server starts: it goes on, for the next command)
        _say(err, "\nAborted!")
        return INTERRUPTED
    return 1


def request_build(project: Path, args: list[str], out: TextIO | None, err: TextIO | None) -> int:
    """Build through `project`'s server (`args`: `ssg build`'s, with --server), started if none runs; what it prints
    goes to `out` and `err`. Returns the build's exit code."""
    try:
        socket_path, cwd = address(project), os.path.join(os.getcwd(), project)  # (`-C`: paths from there, as git -C)
    except FileNotFoundError:  # (the working folder was deleted: `ssg -C /abs/path build` still builds)
        if not project.is_absolute():
            raise ServerError("the working folder is gone: run ssg from another") from None
        socket_path, cwd = address(project), str(project)
    color = err is not None and err.isatty() and colour() is None
    message = {"identity": identity(), "args": args, "cwd": cwd, "color": color}
    for _ in range(3):  # (a server of other code stops when asked, and this starts another: at most twice)
        connection = _connect(socket_path)
        if connection is None:
            connection = _start(project, socket_path, err)
        try:
            answer = _exchange(connection, message, out, err, socket_path.with_suffix(".log"))
        except OSError as error:  # (the server ended as it answered: killed, or a bug of ours)
            raise ServerError(f"the build server stopped answering ({error}): see {socket_path.with_suffix('.log')}") from error
        if answer != "restart":
            return answer
    raise ServerError(f"the build server at {socket_path} keeps stopping: see {socket_path.with_suffix('.log')}")


def stop_server(project: Path, err: TextIO | None = None) -> int | None:
    """Stop `project`'s build server, and wait for it to end (it ends a build under way first, then saves the search
    index's state and removes the files its builds set aside: a deploy that follows finds the output folder as a build
    leaves it). Returns its process id; None where no server runs, or one was ending (waited for too)."""
    socket_path = address(project)
    pid = None
    connection = _connect(socket_path)
    if connection is not None:
        with connection:
            try:
                _send(connection, {"stop": True})
                connection.settimeout(1)
                try:
                    reply = next(_Lines(connection), "")
                except TimeoutError:  # (it answers once the build it runs, or what it does after one, ends)
                    _say(err, "The build server is busy with a build: it stops once that is done.")
                    connection.settimeout(None)
                    reply = next(_Lines(connection), "")
                pid = json.loads(reply or "{}").get("stopped")
            except OSError:  # (it was ending: it closed without a word)
                pass
    _wait_ended(socket_path)
    return pid


def _wait_ended(socket_path: Path) -> None:
    """Wait until no server of the socket holds its lock (one ending lets go of it last, once its work is done), at most
    `STOPPING` seconds."""
    from .locks import release_lock

    lock_path = socket_path.with_suffix(".lock")
    release_lock(lock_path, _lock_within(lock_path, STOPPING))


def _lock_within(lock_path: Path, seconds: float, give_up: Callable[[], bool] = lambda: False) -> int | None:
    """The handle of lock `lock_path` held, once whoever holds it lets go, within `seconds`; None after that, or once
    `give_up()` says so."""
    from .locks import hold_lock

    deadline = time.monotonic() + seconds
    while True:
        try:
            return hold_lock(lock_path)
        except BlockingIOError:
            pass
        if give_up() or time.monotonic() > deadline:
            return None
        time.sleep(0.02)


def _say(err: TextIO | None, text: str) -> None:
    if err is not None:
        with suppress(OSError):
            print(text, file=err, flush=True)


def _connect(socket_path: Path) -> socket.socket | None:
    """A connection to the server listening at `socket_path`, or None where none does (no socket, or one a server
    that ended, or is ending, left)."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(str(socket_path))
    except (FileNotFoundError, ConnectionRefusedError):
        connection.close()
        return None
    return connection


# How a server is started (`_start`): it runs this very ssg, whose folder is its argument. The folder goes first on the
# import path where it is not on it (a source checkout, run from there or by `python -m ssg`; `-P` leaves the working
# folder off), not by PYTHONPATH, which is part of the environment a server shares with its commands (`identity`).
# Where it is on it already (installed: site-packages), it stays where it is: put first, it came before the standard
# library, whose modules a distribution's top-level one of the same name (a backport: `enum`, `typing`) replaced there.
_IMPORT_PATH_CODE = (
    "import os, sys\nhere = sys.argv.pop(1)\nif here not in map(os.path.realpath, sys.path):\n    sys.path.insert(0, here)\n"
)
_SERVER_CODE = _IMPORT_PATH_CODE + "from ssg.entry import run\nrun()\n"


def _start(project: Path, socket_path: Path, err: TextIO | None) -> socket.socket:
    """Start `project`'s server and connect to it. It runs this very ssg, in the same UTF-8 mode, from the project's
    folder, in a session of its own (a Ctrl-C in the terminal is for the command, which tells the server), writing
    what it has to say to a log beside its socket."""
    _say(err, f"Starting a build server for {project.resolve()} (later `ssg build --server` builds answer at once).")
    log = socket_path.with_suffix(".log")
    with suppress(OSError):  # (it keeps what servers said, tracebacks among them, but not without end)
        if log.stat().st_size > LOG_BYTES:
            log.write_bytes(log.read_bytes()[-LOG_BYTES // 4 :])
    here = str(Path(__file__).resolve().parent.parent)
    command = [sys.executable, "-P", "-X", f"utf8={sys.flags.utf8_mode}", "-c", _SERVER_CODE, here]
    command += ["-C", str(project.resolve()), "build-server", str(socket_path)]
    with open(log, "ab") as written:
        process = subprocess.Popen(command, cwd=project, stdin=subprocess.DEVNULL, stdout=written, stderr=written, start_new_session=True)
    deadline = time.monotonic() + STARTING
    while time.monotonic() < deadline:
        connection = _connect(socket_path)
        if connection is not None:
            return connection
        if process.poll() is not None and process.returncode != 0:
            break
        time.sleep(0.02)
    tail = log.read_text(encoding="utf-8", errors="replace")[-2000:].strip()
    raise ServerError(f"the build server did not start (its log, {log}, ends: {tail or 'empty'})")


def _exchange(connection: socket.socket, message: dict, out: TextIO | None, err: TextIO | None, log: Path) -> int | str:
    """Send the build, print what the server answers as it comes. Returns the exit code, or "restart" where the server
    runs other code and stopped, or went away before it answered (it was ending). A Ctrl-C tells the server to stop the
    build, and waits for it to say it did, as a build in the command would; a second Ctrl-C does not wait. One that
    comes while the build waits for another command's to end ends the command at once (the server skips its build).
    `log`: the server's log, named where it ends without an answer."""
    reply = _Reply(connection, out, err, log)
    with connection:
        try:
            _send(connection, message)
            return reply.read()
        except KeyboardInterrupt:
            if not reply.started:
                _say(err, "\nAborted!")
                return INTERRUPTED
            try:
                connection.shutdown(socket.SHUT_WR)  # (the server stops the build on it: `_Watch`)
                return reply.read()
            except (KeyboardInterrupt, OSError):
                return INTERRUPTED
        except OSError:
            if not reply.heard:
                return "restart"
            raise


class _Reply:
    """What the server answers a command, printed as it comes."""

    def __init__(self, connection: socket.socket, out: TextIO | None, err: TextIO | None, log: Path):
        self.lines, self.out, self.err, self.log = _Lines(connection), out, err, log
        self.heard = False  # (anything: a server that went away before it said a word was ending)
        self.started = False  # (the build: until then it waited for another command's to end)
        self.broken = False  # (the command's output, a pipe whose reader ended: `ssg build --server | head -1`)

    def read(self) -> int | str:
        """Print what the server says until it gives the exit code (returned), or "restart"."""
        for line in self.lines:
            frame = json.loads(line)
            self.heard = True
            if "started" in frame:
                self.started = True
            elif "out" in frame or "err" in frame:
                self._write(self.out if "out" in frame else self.err, frame.get("out", frame.get("err", "")))
            elif "restart" in frame:
                return "restart"
            elif "exit" in frame:
                return 1 if self.broken else frame["exit"]  # (as a build in the command ends on its closed pipe)
        if not self.heard:
            return "restart"
        _say(self.err, f"error: the build server ended before the build did (its log: {self.log})")
        return 1

    def _write(self, stream: TextIO | None, text: str) -> None:
        if stream is None or self.broken:
            return
        try:
            stream.write(text)
            stream.flush()
        except OSError:
            self.broken = True


def _send(connection: socket.socket, message: dict) -> None:
    """One frame, a line of JSON; ASCII, so that a file name of bytes no encoding reads (kept as surrogates) goes too."""
    connection.sendall(json.dumps(message).encode() + b"\n")


class _Lines:
    """Each line a connection receives, until it closes: an iterator that a Ctrl-C in its wait leaves as it was (a
    generator would end there), so that the client goes on reading what the server says of the stopped build."""

    def __init__(self, connection: socket.socket):
        self.connection, self.buffered, self.lines = connection, b"", []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        while not self.lines:
            chunk = self.connection.recv(65536)
            if not chunk:
                raise StopIteration
            *self.lines, self.buffered = (self.buffered + chunk).split(b"\n")
        return self.lines.pop(0).decode()


# The server's side.


class _Frames:
    """A text stream whose writes go to the client as frames of one kind (`out` or `err`)."""

    encoding, errors = "utf-8", "strict"  # (click writes text to a stream that says so)

    def __init__(self, connection: socket.socket, kind: str, tty: bool):
        self.connection, self.kind, self.tty = connection, kind, tty

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # (click tries bytes first, and writes text to a stream that refuses them)
            raise TypeError("a text stream")
        if text:
            with suppress(OSError):  # (the client is gone: the build goes on until `_Watch` stops it)
                _send(self.connection, {self.kind: text})
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self.tty


class _Watch:
    """While a build runs: a thread that waits for the client's socket to close (a Ctrl-C, or the client killed),
    and then interrupts the build as a Ctrl-C would (a KeyboardInterrupt in the server's main thread)."""

    def __init__(self, connection: socket.socket):
        self.connection = connection
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._wait, daemon=True)

    def _wait(self) -> None:
        try:
            while self.connection.recv(4096):
                pass
        except OSError:
            pass
        if not self.done.is_set():
            # (A signal, not `_thread.interrupt_main`: it ends a wait in a system call too, for the cache's lock.)
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)  # type: ignore[arg-type]

    def __enter__(self) -> _Watch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()


def serve_builds(project: Path, socket_path: Path, run_command: Callable[[list[str], Any, bool], int], idle: float = IDLE) -> None:
    """The server `_start` runs (`ssg build-server`): one long-lived builder (as `ssg build --watch` keeps) answers
    each build until the server stops (`Server`). `run_command(args, builder, color)` runs `ssg build args` with that
    builder (None: as `ssg build` runs it, a builder for one build) and returns its exit code. After each answer it
    does what the preview does while the author reads (`Builder.tidy`, then a collection of the build's garbage),
    unless a command waits; when it stops, all of it.

    The first command is answered as `ssg build` answers it (0.12 s at 10,000 articles where nothing changed, in the
    server): a long-lived builder's first build goes over the whole archive (1.4 s with the cache warm), which that
    command waited for. The builder learns the archive right after, by the same command's arguments, printing nowhere
    (a command sent meanwhile waits for it), and writing nothing (`Builder.learning`): where a file changed since that
    command, it does not learn, and the next command is answered as the first was."""
    from .build import Builder, fewer_collections
    from .events import can_hear
    from .watch import FULL_EVERY, PREVIEW_GEN0, collect_after, stopped_by_signals

    # (As `ssg build`: a file deleted by hand is made again. Content files are listed as file events name them.)
    def new_builder() -> Builder:
        return Builder(remember=True, looks_anew=True, hears=can_hear())

    builder = new_builder()
    since_full = 0  # builds since the last collection that looked at everything
    learn: list[str] | None = None  # the first command's arguments, until the builder has learned the archive by them
    learned = False

    def build(args: list[str], color: bool) -> int:
        nonlocal learn
        if learned:
            return run_command(args, builder, color)
        code = run_command(args, None, color)
        learn = args if code != USAGE else None  # (a usage error is no build to learn by)
        return code

    def pause(stop: Callable[[], bool]) -> None:
        nonlocal builder, since_full, learn, learned
        if learn is not None:
            with _redirected((io.StringIO(), io.StringIO())), builder.learning():
                code = run_command(learn, builder, False)
            learn, learned = None, builder.unlearned is None
            if not learned:  # (a file changed since the command: the next is answered as it was, and learned by)
                print(f"not learned: {builder.unlearned} (the next command is learned by)", flush=True)
                builder.stop_hearing()
                builder.empty_trash()
                # (The next collection looks at everything: the builds froze what they made, `render_pages`.)
                builder, since_full = new_builder(), FULL_EVERY
            elif code:
                print(
                    f"learning the archive failed (exit {code}), as the command did or on a file broken since: later commands build with what it learned",
                    flush=True,
                )
            else:
                print("learned the archive", flush=True)
        builder.tidy(stop)
        if not stop() and (deaf := builder.check_hearing(stop)):
            print(f"listing every content file from now on: {deaf}", flush=True)
        if not stop():
            since_full = collect_after(builder, since_full + 1)

    def finish() -> None:
        builder.tidy()  # (the search index's state saved: the next build, of any process, goes on from it)
        builder.empty_trash()
        builder.stop_hearing()  # (here, not as the process ends: the kernel takes 10-30 ms to drop the watches)

    # A build stops on SIGINT (`_Watch`), which the server is given even where the command that started it was not (one
    # started in the background, `ssg build --server &`, ignores it, and so would every server it started).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with stopped_by_signals(), fewer_collections(PREVIEW_GEN0):
        Server(project, socket_path, idle).run(build, pause, finish)


class Server:
    """The server's loop: one connection at a time, each a build, a stop or a request to restart."""

    def __init__(self, project: Path, socket_path: Path, idle: float = IDLE):
        self.project, self.socket_path, self.idle = project, socket_path, idle
        self.identity = identity()
        self._listener: socket.socket | None = None  # (while it listens)
        self._lock: int | None = None
        self._bound: os.stat_result | None = None  # (its socket, as it made it: removed by none but itself)
        self._idle_since = time.monotonic()  # (since its last command)
        self._built = False  # (whether a command was more than a usage error)

    def run(self, build: Callable[[list[str], bool], int], pause: Callable[[Callable[[], bool]], None], finish: Callable[[], None]) -> None:
        """Listen until idle for `idle` seconds, stopped, asked by a command of other code, interrupted (a build
        stopped by its command's Ctrl-C), or its socket removed. `build(args, color)` runs one build, printing to
        sys.stdout and sys.stderr (the client's, here), and returns its exit code; `pause(stop)` does what a build
        leaves for later, stopping when `stop()` says a command waits; `finish()` what is left when it stops (the
        search index's state saved, the files set aside removed), before it lets go of its socket and lock, so that the
        server a next command starts begins after it. Returns without serving where another server of the project runs,
        or one that is ending does not let go within `STARTING` seconds."""
        if not self._take_lock():
            return
        try:
            self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.socket_path.unlink(missing_ok=True)  # (one a server left that ended without its cleanup: `kill -9`)
            self._listener.bind(str(self.socket_path))
            self._bound = os.stat(self.socket_path)
            self._listener.listen(8)
            print(f"ssg build server {os.getpid()} for {self.project} listening at {self.socket_path}", flush=True)
            while self._answer_next(build, pause):
                pass
        finally:
            self._close()
            try:
                finish()
            finally:
                self._let_go()

    def _take_lock(self) -> bool:
        """Hold the project's server lock: at once, or once a server that is ending lets go of it (its socket takes no
        more commands: at most `STARTING` seconds). False where a server of the project runs."""
        self._lock = _lock_within(self.socket_path.with_suffix(".lock"), STARTING, self._another_listens)
        if self._lock is None and not self._another_listens():
            print(f"not started: another server of the project held its lock for {STARTING:g} s", flush=True)
        return self._lock is not None

    def _another_listens(self) -> bool:
        """Whether a server listens at the socket (one starting at the same moment, once it listens)."""
        running = _connect(self.socket_path)
        if running is not None:
            running.close()
        return running is not None

    def _close(self) -> None:
        """Take no more commands: one that comes finds no server, and starts another (which waits for the lock)."""
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _let_go(self) -> None:
        """Remove the socket (unless another server's is there now: its folder was deleted meanwhile) and let go of the
        lock."""
        from .locks import release_lock

        with suppress(OSError):
            if self._bound is not None and os.path.samestat(self._bound, os.stat(self.socket_path)):
                self.socket_path.unlink()
        release_lock(self.socket_path.with_suffix(".lock"), self._lock)
        self._lock = None

    def _ours(self) -> bool:
        """Whether the socket is still there as it made it (one whose folder was deleted serves no one any more)."""
        try:
            return self._bound is not None and os.path.samestat(self._bound, os.stat(self.socket_path))
        except OSError:
            return False

    def _answer_next(self, build: Callable[[list[str], bool], int], pause: Callable) -> bool:
        """Answer the next connection; False where the server is to stop."""
        listener = self._listener
        assert listener is not None
        while True:
            left = self._idle_since + self.idle - time.monotonic()
            if left <= 0:
                print(f"stopped after {self.idle:g} s without a build", flush=True)
                return False
            listener.settimeout(min(left, CHECK_EVERY))
            try:
                connection, _ = listener.accept()
                break
            except TimeoutError:
                if not self._ours():
                    print("stopped: its socket was removed (a command starts another server)", flush=True)
                    return False
        with connection:
            connection.settimeout(REQUEST)
            try:
                message = json.loads(next(_Lines(connection), "") or "{}")
            except (OSError, ValueError):  # (no request in time, or not one: not a client of ours)
                return True
            connection.settimeout(None)
            if not message or _gone(connection):
                # (A server starting that looked for this one; or a command gone before its turn came, its Ctrl-C while
                # it waited for another's build: nothing to build, nor to stop for. Neither is a build: the idle time
                # goes on.)
                return True
            self._idle_since = time.monotonic()
            if message.get("stop"):
                self._close()  # (before it answers: a command after it starts another server)
                _send(connection, {"stopped": os.getpid()})
                print("stopped (ssg build --stop-server)", flush=True)
                return False
            if message.get("identity") != self.identity:
                self._close()
                _send(connection, {"restart": True})
                print("stopped for a command of other code or environment", flush=True)
                return False
            try:
                os.chdir(message["cwd"])
            except OSError as error:  # (the command's working folder is gone)
                _send(connection, {"err": f"error: {message['cwd']}: {error.strerror}\n"})
                _send(connection, {"exit": 1})
                return True
            _send(connection, {"started": True})
            code, stopping = self._build(connection, message, build)
            with suppress(OSError):
                _send(connection, {"exit": code})
                connection.shutdown(socket.SHUT_RDWR)  # (the watching thread ends)
        self._idle_since = time.monotonic()
        if stopping:
            print("stopped: a build was interrupted, or failed on an error of ssg's", flush=True)
            return False
        self._built = self._built or code != USAGE
        if not self._built:  # (`ssg build -C y --server`: a mistyped command started it, which no later one may be)
            print("stopped: the command that started it was a usage error, which built nothing", flush=True)
            return False
        pause(lambda: _waiting(listener))
        return True

    @staticmethod
    def _build(connection: socket.socket, message: dict, build: Callable[[list[str], bool], int]) -> tuple[int, bool]:
        """The build a command asked for, printing to it: its exit code, and whether the server is to stop (the build
        was interrupted, or failed on an error of ssg's: the builder may be halfway)."""
        color = bool(message.get("color"))
        try:
            with _Watch(connection), _redirected((_Frames(connection, "out", False), _Frames(connection, "err", color))):
                try:
                    return build(message["args"], color), False
                except KeyboardInterrupt:  # (the command's Ctrl-C, or the server's SIGTERM: `build` said "Aborted!")
                    return INTERRUPTED, True
                except Exception:  # noqa: BLE001 - a bug of ours: told as `ssg build` would tell it
                    traceback.print_exc()
                    return 1, True
        except KeyboardInterrupt:  # (a Ctrl-C the command sent as its build ended)
            return INTERRUPTED, True


def _gone(connection: socket.socket) -> bool:
    """Whether the client of `connection` closed it (without reading what is there)."""
    try:
        return connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def _waiting(listener: socket.socket) -> bool:
    """Whether a command waits to be answered."""
    import select

    return bool(select.select([listener], [], [], 0)[0])


@contextmanager
def _redirected(streams: tuple[TextIO, TextIO]) -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = streams
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
