"""Thin click commands: parse flags, call one function, map our errors to exit codes.

Exit codes: 0 fine, 1 content/config/template errors, 2 usage (click's own).
"""

from __future__ import annotations

import functools
import gc
import os
import re
import shlex
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import click
from click.core import ParameterSource

from . import __version__
from .build import BuildOptions, build, without_cache
from .cache import unusable
from .checks import check_folder_loops
from .config import CONFIG_FILE, FLAGS, Config, config_missing, init_value, load_config, option_text
from .content import (
    DATE_PREFIX,
    PAGES_FOLDER,
    article_name,
    check_lang,
    check_slug,
    check_source_url,
    folder_year,
    name_as_shown,
    parse_date,
    shows_as_nothing,
)
from .dates import against_path, local_time_doubt, relative, understand
from .entry import INTERRUPTED, colour, encoding_warning
from .errors import ArgumentError, Problem, SsgError, in_file_order
from .load import posts_outside
from .oldconfig import read_old_config
from .output import MANIFEST, moving_list, stopped_note
from .scaffold import (
    add_workflow,
    copy_from_theme,
    gitignore_lacks,
    init_project,
    is_page_file,
    machine_zone,
    names_a_file,
    new_article,
    new_file,
    new_page,
    new_theme,
    new_translation,
    theme_files,
    title_of_file,
)
from .targets import stylesheet_sources, template_lines
from .workers import usable_cores
from .workflow import install_requirement, other_pages_warning, pages_notes, pages_place

EXTERNAL_LISTED = 20  # external URLs `ssg check --links` lists one by one; more are counted by host


def _tell(message: str) -> None:
    """A word to the user on stderr while a command waits (`BuildOptions.waiting`)."""
    click.echo(message, err=True)


def _fail(error: SsgError, what: str, note: str | None = None) -> None:
    _warn(error.warnings)
    for problem in error.problems:
        click.secho(f"error: {problem}", fg="red", err=True)
    count = len(error.problems)
    click.echo(f"{what} failed: {count:,} problem{'s' * (count != 1)}.", err=True)
    most_common(error.problems, "problems")
    if note:
        click.secho(f"note: {note}", fg="yellow", err=True)
    # Only the command line was wrong (a bad --base-url or -o): a usage error, as the README's exit codes say.
    sys.exit(2 if error.problems and all(p.path in FLAGS.values() for p in error.problems) else 1)


def _warn(warnings: list[Problem]) -> None:
    for warning in in_file_order(warnings):
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    most_common(warnings, "warnings")


MANY = 20  # problems from which the list ends with those that many files share
SHARED = 3  # files that must share a problem for the tally to name it


def most_common(problems: list[Problem], what: str) -> None:
    """After a long list (an import that wrote `lang: uk` into 4,009 files among 9,416 problems): the problems that many
    files share, most first, as one line each, so that what to fix first is not lost in the list. Every one is still
    listed above it: a converter or an editor's error list goes by the lines."""
    if len(problems) < MANY:
        return
    files: dict[tuple[str | None, str], set[str]] = {}
    messages: dict[tuple[str | None, str], dict[str, Problem]] = {}  # each kind's messages as written, the first's problem
    for problem in problems:
        kind = (problem.field, _kind(problem.message))
        files.setdefault(kind, set()).add(problem.path)
        messages.setdefault(kind, {}).setdefault(problem.message, problem)
    counts = Counter({kind: len(paths) for kind, paths in files.items()})
    shared = [(n, messages[kind]) for kind, n in counts.most_common(5) if n >= SHARED]
    if not shared:
        return
    click.echo(f"Of these {len(problems):,} {what}, the most common:", err=True)
    for n, written in shared:
        problem = next(iter(written.values()))
        where = f", as in {problem.path}" if len(written) > 1 else ""  # (one message with values of its own in each file)
        click.echo(f"  in {n:,} files{where}: {problem.field + ': ' if problem.field else ''}{problem.message}", err=True)


def _kind(message: str) -> str:
    """A problem's message without the values it quotes (in either quotes), the paths and the numbers it names: the
    dates of an import written `24.02.2024`, each its own message, are one thing to fix first in many files, and so are
    371 lead images on the old server's `/upload/iblock/`, each told where to put its own file. Of the fix it gives (in
    parentheses) its first two words stay, which tell the kind of fix: `(did you mean ...?)`, `(put it at ...)` and
    `(... has that name: ...)` are three mistakes, and `(write date: 2025-12-31)` and `(write date: 2025-02-01 if it is
    1 February, or ...)` one."""
    unquoted = re.sub(r'"[^"]*"', '"…"', re.sub(r"'[^']*'", "'…'", message))
    bare = re.sub(r"\d+", "#", re.sub(r"[\w.-]+/[^\s)]*", "…", unquoted))
    return re.sub(r"\((\S+(?: \S+)?)[^()]*\)", r"(\1…)", bare)


@contextmanager
def terminated_as_interrupted() -> Iterator[None]:
    """`kill` (SIGTERM: a CI job's timeout, `docker stop`) stops a build as Ctrl-C does, removing its staging folder;
    by default it ended the process at once, leaving that folder and the render helpers behind. (The preview's and
    the build server's too: `watch.stopped_by_signals`.)"""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class _Main(click.Group):
    """ssg's commands, which a Ctrl-C (or `kill`: `terminated_as_interrupted`) ends with "Aborted!", as click ends
    them, but with exit code `INTERRUPTED` rather than click's 1. In the build server a build's Ctrl-C stops the server
    too (`build_server_command`): there it goes on up."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            if SERVER_BUILDER in ctx.meta:
                raise
            click.echo("\nAborted!", err=True)
            ctx.exit(INTERRUPTED)
        except UnicodeEncodeError as error:
            if encoding_warning() is None or not isinstance(error.object, str) or error.reason != "surrogates not allowed":
                raise
            # (ru_RU.CP1251 reads the "И" of a folder's UTF-8 name as an escape, which no file, database or page can
            # hold: the command failed with a traceback where the first line had said what to set.)
            name = os.fsencode(error.object).decode("utf-8", "replace")
            click.secho(
                f"error: {name}: this machine's locale ({sys.getfilesystemencoding()}) cannot read this name, which is "
                "in UTF-8 (set PYTHONUTF8=1, or a UTF-8 locale: LC_ALL=ru_RU.UTF-8)",
                fg="red",
                err=True,
            )
            ctx.exit(1)


def _show_version(ctx: click.Context) -> None:
    """`ssg, version 0.1.0 (commit 985c466f1d2a)`: every commit is 0.1.0, and an upgrade of a git install that pip left
    as it was (`provenance`) said the same as one that took."""
    if ctx.resilient_parsing:
        return
    from .provenance import version_text

    click.echo(f"ssg, version {version_text(__version__, Path(__file__).resolve().parent)}", color=ctx.color)
    ctx.exit()


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _, shown: _show_version(ctx) if shown else None,
    help="Show the version (and the commit, where it is known) and exit.",
)
@click.option(
    "-C",
    "--project",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    help="Run as if started in this folder (the one holding site.yaml): the paths given are from there too, as git -C reads them.",
)
@click.pass_context
def main(ctx: click.Context, project: Path) -> None:
    """ssg: a static site generator for news-article archives."""
    if project != Path("."):
        # (As git -C and make -C: `ssg -C arch new content/2015/x.md` wrote arch/content/content/2015/x.md, and `-o public`
        # and `check --links public` were from the shell's folder, each command reading the paths it was given otherwise.)
        try:
            started = os.getcwd()
        except FileNotFoundError:  # (the folder it was started in is gone: `ssg -C /abs/proj build` still builds)
            started = None
        project = Path(os.path.join(started, project)) if started is not None else project
        os.chdir(project)
        ctx.meta[STARTED] = started
        if started is not None:  # (in one process that runs several commands, a test's or the build server's)
            ctx.call_on_close(functools.partial(os.chdir, started))
    ctx.obj = project


STARTED = "ssg.started"  # the folder a command started in, before `-C` (`ctx.meta`): where the paths it prints are from


def _shown(path: Path | str) -> str:
    """A path a command prints (a file `ssg new` wrote, one `ssg init` created), from the folder the command was started
    in, which `-C` does not change: `$EDITOR "$(ssg -C arch new ...)"` opens it. Absolute where that folder is gone."""
    context = click.get_current_context(silent=True)
    started = context.find_root().meta.get(STARTED, os.curdir) if context is not None else os.curdir
    return os.path.relpath(path, started) if started is not None else os.path.abspath(path)


def run() -> None:
    """The `ssg` command (and `python -m ssg`): `main`, then the process ends without its cyclic garbage collector
    looking through everything the command made. Python's exit runs one full collection; after a build it traverses
    every object the build left (the site's model, the renderer and theme holding one another): 70-90 ms of a 2 s
    one-edit build at 10,000 articles, 250 ms after a cold one. Frozen (`gc.freeze`), they are left to the exit, which
    frees the memory at once; and where the command is done, it ends without Python's finalization (`_exit_at_once`).
    Not in `main`: tests run it many times in one process, which must collect.

    A machine whose locale reads file names otherwise than git writes them is told so first, with what to set
    (`entry.encoding_warning`). (Starting again in UTF-8 mode read the terminal's words, a folder's name in the locale's
    encoding among them, as UTF-8, and a build there failed on them.)"""
    if (warning := encoding_warning()) is not None:
        click.secho(f"warning: {warning}", fg="yellow", err=True, color=colour())
    try:
        main(color=colour())
    except SystemExit as done:
        _exit_at_once(done)
        raise
    finally:
        gc.freeze()


def _exit_at_once(done: SystemExit) -> None:
    """End the process with `done`'s code without Python's finalization, where nothing is left for it to do but free
    memory: module by module, it let go of everything they hold (Babel's locale data, the compiled templates, the caches
    of formatted dates, 400 modules). After one edit at 10,000 articles, from the build's last line to the process's
    end took 0.13-0.21 s against 0.06-0.09 s this way (alternating runs on a loaded 2-core box); callgrind counts it a
    few million instructions only: the time is the memory it goes through, which the system takes back at once. The
    exit handlers still run (logging's, a temporary folder's), and stdout and stderr are flushed; where a thread or a
    worker process is still there, or a flush fails (a closed pipe: Python's own exit says so), the exit is Python's.
    Returns where it does not end the process."""
    import atexit
    import threading

    code = 0 if done.code is None else done.code
    run_handlers = getattr(atexit, "_run_exitfuncs", None)  # (CPython's: what its exit runs first)
    if not isinstance(code, int) or run_handlers is None or threading.active_count() > 1:
        return
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is not None and multiprocessing.active_children():
        return
    if not _flushed():
        return
    run_handlers()  # (then none are left for an exit to run)
    if _flushed():  # (again: a handler may have written)
        os._exit(code)


def _flushed() -> bool:
    """Whether stdout and stderr are flushed; a stream Python found closed at the start is None (`ssg build 2>&-` from
    cron: its exit code is the build's, not an AttributeError's)."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # (a closed pipe, a closed stream)
        return False
    return True


def _clock_option(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    """`--clock`: a moment with its offset (as Hugo's `--clock`), for testing what a build does at another time."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise click.BadParameter(f"{value!r} is not a moment with its offset (e.g. 2026-12-06T12:00:00+03:00)", param_hint="'--clock'")
    if not _CLOCK_RANGE[0] <= moment <= _CLOCK_RANGE[1]:
        raise click.BadParameter(
            f"{value!r} is too near an end of the calendar (in the site's time zone it may be past it): give a moment "
            "from 0001-01-02 to 9999-12-30 UTC (e.g. 2026-12-06T12:00:00+03:00)",
            param_hint="'--clock'",
        )
    return moment


# The moments `--clock` takes: a day inside either end of what Python's dates hold. At 9999-12-31T23:59:59-12:00 (or
# 0001-01-01T00:00:00+14:00) the build stopped on "OverflowError: date value out of range", putting the moment in the
# site's time zone (which is at most 14 hours from UTC).
_CLOCK_RANGE = (datetime(1, 1, 2, tzinfo=UTC), datetime(9999, 12, 30, 23, 59, 59, tzinfo=UTC))


_JOBS = click.option("-j", "--jobs", type=click.IntRange(1), default=usable_cores(), show_default=True, help="Worker processes.")
_POLL = click.option(
    "--poll/--no-poll",
    default=None,
    help="Look for changes every second rather than trust file events, which a network drive, a FUSE mount or a VM's or "
    "container's shared folder may not deliver (default: where the project is on one of those).",
)
_CLOCK = click.option(
    "--clock",
    callback=_clock_option,
    help="As if it were this moment (2026-12-06T12:00:00+03:00): which articles are future, what a relative date's error suggests.",
)


@main.command("build")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--future", is_flag=True, help="Include articles dated in the future.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-o", "--output", type=click.Path(file_okay=False), help="Output folder (default: output_dir of site.yaml, public).")
@click.option("--base-url", help="Override base_url of site.yaml for this build.")
@click.option("--force", is_flag=True, help="Build into a folder holding files ssg did not create (it never replaces them).")
@click.option("--profile", is_flag=True, help="Print the time each phase took.")
@_JOBS
@click.option("-w", "--watch", is_flag=True, help="Stay running and rebuild the output on every save (Ctrl-C to stop).")
@_POLL
@_CLOCK
@click.option(
    "--server",
    is_flag=True,
    help="Build through this project's build server, which keeps what a build learns for the next (started if none runs).",
)
@click.option("--stop-server", is_flag=True, help="Stop this project's build server, and build nothing.")
@click.pass_context
def build_command(
    ctx: click.Context,
    drafts: bool,
    future: bool,
    strict: bool,
    output: str | None,
    base_url: str | None,
    force: bool,
    profile: bool,
    jobs: int,
    watch: bool,
    poll: bool | None,
    clock: datetime | None,
    server: bool,
    stop_server: bool,
) -> None:
    """Build the site into the output folder."""
    project: Path = ctx.obj
    if stop_server:
        given = [
            name
            for name in ctx.params
            if name not in ("stop_server", "server") and ctx.get_parameter_source(name) is not ParameterSource.DEFAULT
        ]
        if given:
            raise click.UsageError(f"--stop-server builds nothing; it does not go with {', '.join(_flag(name) for name in given)}")
        _stop_server(project)
        return
    if server and watch:
        raise click.UsageError("--watch keeps its builder itself; it does not go with --server")
    if poll is not None and not watch:
        raise click.UsageError(f"{'--poll' if poll else '--no-poll'} tells --watch how to watch; it goes with --watch")
    # In the build server (`build-server`): its builder, or None where it builds as `ssg build` does.
    builder = ctx.meta.get(SERVER_BUILDER)
    if server and SERVER_BUILDER not in ctx.meta:
        _build_through_server(project, ctx)
        return
    output_dir = str(Path(output).resolve()) if output else None
    options = BuildOptions(drafts=drafts, future=future, strict=strict, force=force, jobs=jobs, waiting=_tell, now=clock)
    if watch:
        if profile:
            raise click.UsageError("--profile times one build; it does not go with --watch")
        from .watch import build_and_watch  # here: the other commands need not load watchdog

        try:
            with tempfile.TemporaryDirectory(prefix="ssg-cache-") as spare:
                load = _cache_or(spare, lambda: load_config(project, base_url=base_url, output_dir=output_dir))
                build_and_watch(project, load, options, poll)
        except SsgError as error:
            _fail(error, "Build")
        return
    config = None
    try:
        config = load_config(project, base_url=base_url, output_dir=output_dir)
        with terminated_as_interrupted():
            result = build(config, options) if builder is None else builder.build(config, options)
    except SsgError as error:
        _fail(error, "Build", stopped_note(config.output_path) if config is not None else None)
    _warn(result.warnings)
    if profile:
        click.echo(f"  {'phase':<10} {'time':>10}  {'RSS':>8}  what it went through (RSS: the largest of this process so far)", err=True)
        for name, seconds in result.timings.items():
            click.echo(f"  {name:<10} {seconds:8.3f} s {result.peak_mib[name]:6.0f} MiB  {result.counts.get(name, '')}".rstrip(), err=True)
    click.echo(result.summary())


SERVER_BUILDER = "ssg.server_builder"  # (click's `Context.meta`, shared by a command's contexts)


def _cache_or(spare: str, load: Callable[[], Config]) -> Callable[[], Config]:
    """`load`, whose config builds through the cache folder `spare` where its own cannot be written (`cache.unusable`:
    a read-only checkout or mount), with `build.without_cache`'s warning, told once for each cause: `ssg build` went
    without it so, and `ssg build --watch` failed every build. (`ssg serve` cannot: its preview is built in the cache.)"""
    told: set[str] = set()

    def loaded() -> Config:
        config = load()
        why = unusable(config.cache_path)
        if why is None:
            return config
        if why not in told:
            told.add(why)
            _warn([without_cache(config, why, " (through a temporary one, for as long as this command runs)")])
        return replace(config, cache_dir=spare)

    return loaded


def _build_through_server(project: Path, ctx: click.Context) -> None:
    """`ssg build --server` where the command line was parsed (`entry.run` sends most without: `buildserver`)."""
    from . import buildserver

    if not buildserver.supported():
        click.secho("warning: the build server needs Unix sockets, which this system lacks: building here", fg="yellow", err=True)
    if not (buildserver.supported() and buildserver.is_project(project)):
        # (Without a site.yaml the build says what is wrong, as `ssg build` does: no server is started for it.)
        ctx.invoke(build_command, **{**ctx.params, "server": False})
        return
    args = [arg for name, value in ctx.params.items() for arg in _as_args(name, value)]
    sys.exit(buildserver.send_build(project, args, sys.stdout, sys.stderr))


def _flag(name: str) -> str:
    """The long option of `ssg build`'s parameter `name`."""
    return "--" + name.replace("_", "-")


def _as_args(name: str, value: object) -> list[str]:
    """The `ssg build` arguments that give parameter `name` its `value`."""
    flag = _flag(name)
    if value is None or value is False:
        return []
    if value is True:
        return [flag]
    if name == "output":
        return [flag, str(Path(str(value)).resolve())]
    return [flag, value.isoformat() if isinstance(value, datetime) else str(value)]


def _stop_server(project: Path) -> None:
    from . import buildserver

    if not buildserver.supported():
        click.echo("No build server runs here: this system lacks the Unix sockets it needs.")
        return
    try:
        stopped = buildserver.stop_server(project, sys.stderr)
    except buildserver.ServerError as error:
        click.secho(f"error: {error}", fg="red", err=True)
        sys.exit(1)
    resolved = project.resolve()
    if stopped:
        click.echo(f"Stopped the build server of {resolved} (process {stopped}).")
    elif (missing := config_missing(resolved)) is not None:  # (no server is started for such a folder: a mistake)
        click.secho(f"error: no build server runs for {resolved}: {missing}", fg="red", err=True)
        sys.exit(1)
    else:
        click.echo(f"No build server runs for {resolved}.")


@main.command("build-server", hidden=True)
@click.argument("socket_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--idle", type=click.FloatRange(min=0, min_open=True), default=None, help="Seconds without a build before it stops.")
@click.pass_obj
def build_server_command(project: Path, socket_path: Path, idle: float | None) -> None:
    """The build server `ssg build --server` starts (`buildserver`), not a command to type."""
    from .buildserver import IDLE, serve_builds

    def run_build(args: list[str], builder: object, color: bool) -> int:
        """`ssg build args` with the server's builder (None: a builder for one build, as `ssg build`'s), as the command
        line would run it: its messages, its exit code."""
        try:
            with main.make_context("ssg", ["-C", str(project), "build", *args], color=color) as ctx:
                ctx.meta[SERVER_BUILDER] = builder
                main.invoke(ctx)
        except click.ClickException as error:
            error.show()
            return error.exit_code
        except click.exceptions.Exit as done:
            return done.exit_code
        except click.Abort:
            click.echo("Aborted!", err=True)
            return 1
        except KeyboardInterrupt:  # (told as `ssg build` tells it; the server then stops: the builder may be halfway)
            click.echo("\nAborted!", err=True)
            raise
        except SystemExit as done:
            return done.code if isinstance(done.code, int) else 0 if done.code is None else 1
        return 0

    serve_builds(project.resolve(), socket_path, run_build, IDLE if idle is None else idle)


@main.command("serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 or ::: every one; not local: others see it)."
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port; the next free one if taken.")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser tab.")
@click.option("--no-reload", is_flag=True, help="Rebuild on save, but do not reload open pages.")
@click.option("--no-drafts", is_flag=True, help="Hide drafts and future articles, as the published site does.")
@_POLL
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Answer requests for this name too (a proxy that passes its own on: JupyterHub's, a Codespace's); with a "
    "leading dot (.example.org), for it and every name under it; localhost and IP addresses always are.",
)
@click.pass_obj
def serve_command(
    project: Path,
    host: str,
    port: int,
    open_browser: bool,
    no_reload: bool,
    no_drafts: bool,
    poll: bool | None,
    allowed_hosts: tuple[str, ...],
) -> None:
    """Preview the site with drafts, rebuilding and reloading the browser on every save."""
    from .server import ServeOptions, allowed_host, serve  # here: the other commands need not load watchdog

    try:
        allowed = tuple(map(allowed_host, allowed_hosts))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--allow-host") from None
    try:
        serve(project, ServeOptions(host, port, open_browser, reload=not no_reload, drafts=not no_drafts, poll=poll, allowed_hosts=allowed))
    except SsgError as error:
        _fail(error, "Serve")


@main.command("check")
@click.option("--drafts", is_flag=True, help="Check drafts as published articles.")
@click.option("--future", is_flag=True, help="Check future articles as published.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--links", is_flag=True, help="Check the links of a built site instead (FOLDER, default: the output folder).")
@click.option("--base-url", help="With --links: the base_url the site was built for (default: its home page's canonical URL).")
@click.option("--external", is_flag=True, help=f"With --links: list every external URL (more than {EXTERNAL_LISTED} are counted by host).")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@_JOBS
@_CLOCK
@click.pass_obj
def check_command(
    project: Path,
    drafts: bool,
    future: bool,
    strict: bool,
    links: bool,
    base_url: str | None,
    external: bool,
    folder: Path | None,
    jobs: int,
    clock: datetime | None,
) -> None:
    """Check site.yaml, every article and the templates of the project (FOLDER, default: here) without writing
    anything (one page of each kind is rendered); or, with --links, the links of a built site (FOLDER, default: the
    output folder)."""
    # (An option of the other way of checking was passed over without a word: `ssg check --external` checked the
    # content and listed no URL.)
    mixed = [name for name, given in (("--base-url", base_url), ("--external", external)) if given and not links]
    mixed += [
        name for name, given in (("--drafts", drafts), ("--future", future), ("--strict", strict), ("--clock", clock)) if given and links
    ]
    if mixed:
        other = "without --links (the content's check)" if links else "with --links (the built site's links)"
        raise click.UsageError(f"{' and '.join(mixed)} {'work' if len(mixed) > 1 else 'works'} only {other}")
    if links:
        _check_links(project, folder, base_url, external, jobs)
        return
    try:
        config = load_config(folder or project)
        result = build(config, BuildOptions(drafts=drafts, future=future, strict=strict, dry_run=True, jobs=jobs, waiting=_tell, now=clock))
    except SsgError as error:
        _fail(error, "Check")
    _warn(result.warnings)
    rendered, read = f"{result.checked} page{'s' * (result.checked != 1)}", f"{result.articles} article{'s' * (result.articles != 1)}"
    if result.page_files:  # (standalone pages: About)
        read += f", {result.page_files} standalone page{'s' * (result.page_files != 1)}"
    click.echo(
        f"Checked site.yaml, {read} and the templates ({rendered} rendered, one of each kind, nothing written to the site): "
        f"no errors, {len(result.warnings)} warning{'s' * (len(result.warnings) != 1)}"
        + (f"; {result.left_out()}" if result.left_out() else "")
        + "."
    )


def _check_links(project: Path, folder: Path | None, base_url: str | None, every_external: bool, jobs: int) -> None:
    """Exit 1 if any internal link is broken. The site's base URL: --base-url, else the one the
    output says it was built for (a build with --base-url differs from site.yaml), else site.yaml's."""
    from .linkcheck import by_target, check_links, site_base_url  # (only here: it brings a CSS parser to every command)

    config = None
    try:
        config = load_config(project)
        folder = folder or config.output_path
    except SsgError as error:
        if folder is None and (project / CONFIG_FILE).is_file():
            # site.yaml names the folder, and cannot be read: its problems are what to fix ("no site.yaml here" was said
            # of a site.yaml with a bad line, or of a broken tag_names file)
            _fail(error, "Check")
        if folder is None:
            raise click.UsageError("no site.yaml here: name the folder to check (ssg check --links DIR)") from None
    if not folder.is_dir():
        raise click.UsageError(f"{folder} does not exist; run ssg build first")
    if not (folder / "index.html").is_file() and not (folder / MANIFEST).is_file():
        # (A CI's publishing gate passed "0 broken" for an empty folder, `content/` or a mistyped path.)
        raise click.UsageError(f"{folder} holds no built site (no index.html, no {MANIFEST}): name the folder ssg build wrote")
    if moving_list(folder).exists():  # (a build killed as it moved files in: each file is this build's or the last's)
        message = (
            "the last build was stopped while moving its files in: the folder holds pages of two builds; build again before publishing it"
        )
        _fail(SsgError(Problem(str(folder), None, None, message)), "Check")
    with terminated_as_interrupted():  # (`kill`: its workers end with it, `workers.die_with`)
        report = check_links(folder, base_url or site_base_url(folder) or (config and config.base_url) or "/", jobs)
    # (First: the broken ones come last, above the count, not lost above these.) An archive links thousands of outlets'
    # pages: one line per URL buried the few broken links under 9,000 lines (found by a new user's trial).
    if every_external or len(report.external) <= EXTERNAL_LISTED:
        for url, pages in sorted(report.external.items()):
            click.echo(f"external (not fetched): {url} (on {pages[0]}{f' and {len(pages) - 1} more' if len(pages) > 1 else ''})")
    else:
        hosts = Counter(urlsplit(url).hostname or url for url in report.external)
        most = ", ".join(f"{host} {count}" for host, count in sorted(hosts.items(), key=lambda item: (-item[1], item[0]))[:5])
        click.echo(
            f"external (not fetched): {len(report.external)} URLs on {len(hosts)} hosts, most on {most}"
            f"{', ...' if len(hosts) > 5 else ''} (--external lists them)"
        )
    sys.stdout.flush()
    groups = by_target(report.broken)  # (a template's mistake is on every page it makes: one line, with the template's)
    written_by = template_lines(config) if config is not None and report.broken else {}
    stylesheets = stylesheet_sources(config) if config is not None and any(link.line for link in report.broken) else {}
    for group in groups:
        by = written_by.get(group.target, ()) if group.target else ()
        if not by:  # (a stylesheet's url(), on its line of the file to edit)
            by = tuple(f"{stylesheets[file]}:{line}" for file, _, line in (w.rpartition(":") for w in group.pages) if file in stylesheets)
        click.secho(f"broken: {group.describe(by)}", fg="red", err=True)
    different = f" ({len(groups)} different)" if len(groups) != len(report.broken) else ""
    click.echo(
        f"Checked {report.links} links in {report.pages} files: {len(report.broken)} broken{different}, {len(report.external)} external."
    )
    if report.broken:
        sys.exit(1)


def _checked_by(check: Callable[[str], str]) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A click callback that checks an option with the reader's own rule for that field, so `ssg new`
    never writes what `ssg check` rejects: a bad value is a usage error naming the option, before anything is written."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return check(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc), ctx, param) from None

    return callback


def _title(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A title as readers see it (`name_as_shown`): one pasted from a news site brings soft hyphens, no-break and
    zero-width spaces, which the new file would keep out of sight (and one of them alone is no title)."""
    if value is None:
        return None
    value = name_as_shown(value)
    if shows_as_nothing(value):  # the reader would refuse the article at the next build
        raise click.BadParameter('is empty (e.g. ssg new "Soyuz MS-21 docks with Prichal")', ctx, param)
    return value


@main.command("new")
@click.argument("title", callback=_title)
@click.option("--lang", callback=_checked_by(check_lang), help="Language code of the article, e.g. en, ru (default: lang of site.yaml).")
@click.option(
    "--tag",
    "tags",
    multiple=True,
    callback=lambda ctx, param, values: tuple(name.strip() for value in values for name in value.split(",") if name.strip()),
    help="A tag; repeat for more, or part names by commas as tags: does in front matter (--tag 'Роскосмос, МКС').",
)
@click.option("--source-name", help="Where the article comes from (default with --source-url: the link's host, e.g. interfax.ru).")
@click.option("--source-url", callback=_checked_by(check_source_url), help="Link to the original (http or https).")
@click.option("--slug", callback=_checked_by(check_slug), help="File name and URL slug (default: from the title).")
@click.option(
    "--date",
    "date_text",
    help="When it was published, for a clipping of past news: 2019-07-16, 2019-07-16T10:30 or as the outlet writes it, '16 июля 2019, 10:30', 'вчера в 18:30', or ahead, 'завтра в 10:00' (default: now). Files it under content/2019/.",
)
@click.option("--draft", is_flag=True, help="Write draft: true (ssg build leaves it out until you remove it; ssg serve shows it).")
@click.option(
    "--translation-of",
    type=click.Path(path_type=Path),
    help="Start a translation of this article file: <its name>.<lang>.md beside it, with its date, tags, source and image.",
)
@click.option(
    "--title",
    "file_title",
    callback=_title,
    help="With a file name for TITLE (content/2019/foo.md): the title (default: from the file's name).",
)
@click.option("--page", is_flag=True, help="Start a standalone page (About, Contacts) instead: content/pages/<slug>.md, with no date.")
@click.option("--menu", type=int, help="With --page: its place in the header's menu (1 first); without it the page is not in the menu.")
@click.pass_obj
def new_command(
    project: Path,
    title: str,
    lang: str | None,
    tags: tuple[str, ...],
    source_name: str | None,
    source_url: str | None,
    slug: str | None,
    date_text: str | None,
    draft: bool,
    translation_of: Path | None,
    file_title: str | None,
    page: bool,
    menu: int | None,
) -> None:
    """Start an article: writes content/YYYY/<slug>.md and prints its path. With --page, a standalone page (About):
    content/pages/<slug>.md. TITLE may instead be the file to write, as hugo new takes one (content/2019/foo.md, .md or
    .markdown): its title from its name (or --title), its date from --date (or the name's 2019-03-05- prefix, or now),
    which must agree with its folder and name; one under content/pages/ is a page, as --page writes one."""
    try:
        config = load_config(project)
        check_folder_loops(config, ("content_dir",))
        wrong = config.foreign_language(lang, "--lang ") if lang else None
        if wrong:
            raise click.BadParameter(wrong, param_hint="'--lang'")
        if names_a_file(title):
            try:
                file = new_file(config, title)
            except ArgumentError as refused:  # (a usage error, exit 2, as a bad --date is)
                raise click.UsageError(str(refused)) from None
            if translation_of or slug:
                raise click.UsageError(f"{title} names the file to write, which --translation-of and --slug name for themselves")
            if is_page_file(file):  # (read as a standalone page: made as --page makes one)
                if tags or source_name or source_url or date_text:
                    raise click.UsageError(
                        f"{config.content_dir}/{file} is a standalone page (it is under {config.content_dir}/{PAGES_FOLDER}/), "
                        "which has no date, tags or source (a page is not news; an article goes in a year's folder: "
                        f"{config.content_dir}/2019/foo.md)"
                    )
                path = new_page(config, file_title or title_of_file(file), lang, draft=draft, menu=menu, file=file)
            else:
                if page or menu is not None:
                    raise click.UsageError(
                        f"--page and --menu start a standalone page, which goes under {config.content_dir}/{PAGES_FOLDER}/ "
                        f"(ssg new {config.content_dir}/{PAGES_FOLDER}/about.md); {title} is an article's file"
                    )
                when = _file_date(file, date_text, config)
                path = new_article(
                    config, file_title or title_of_file(file), when, lang, tags, source_name, source_url, draft=draft, file=file
                )
            click.echo(_shown(path))
            return
        if file_title is not None:
            raise click.UsageError(
                f"--title goes with a file name for TITLE (ssg new content/2019/foo.md --title ...); here the title is {title!r}"
            )
        if menu is not None and not page:
            raise click.UsageError("--menu places a standalone page in the header's menu: it goes with --page")
        if page:
            if tags or source_name or source_url or date_text or translation_of:
                raise click.UsageError("--page starts a page, which has no date, tags, source or original (a page is not news)")
            path = new_page(config, title, lang, slug, draft, menu)
        elif translation_of is not None:
            if tags or source_name or source_url or date_text or draft:
                raise click.UsageError("--translation-of takes the original's date, tags and source (edit them in the new file)")
            path = new_translation(config, translation_of, title, lang, slug)
        else:
            when = datetime.now(config.tz).replace(microsecond=0) if date_text is None else _date(date_text, config.timezone)
            path = new_article(config, title, when, lang, tags, source_name, source_url, slug, draft)
    except SsgError as error:
        _fail(error, "New")
    click.echo(_shown(path))


def _file_date(file: str, date_text: str | None, config: Config) -> datetime:
    """The date of `ssg new content/2019/2019-03-05-foo.md`: `--date`, else its name's, else now (in the site's time
    zone). A usage error where it disagrees with what the file's path says of it (`dates.against_path`), which the
    next build would warn of: the date is the one to pass, the file the one to name."""
    shown = f"{config.content_dir}/{file}"
    prefix = DATE_PREFIX.match(article_name(file)[0])
    named = parse_date("-".join(prefix.groups()[:3]), config.timezone) if prefix else None
    if prefix and named is None and not date_text:
        day = "-".join(prefix.groups()[:3])
        raise click.UsageError(f"{shown}: its name's {day} {understand(day, '', config.timezone)[1]} (rename it, or pass --date)")
    when = _date(date_text, config.timezone) if date_text else named or datetime.now(config.tz).replace(microsecond=0)
    days = {when.date()}  # (the day as written, which a build reads: a UTC time is written in the site's zone, an offset kept)
    wrong = against_path(days, named.date() if named else None, folder_year(file))
    if wrong is None:
        return when
    if date_text:
        fix = "leave --date out to take the date its name says" if wrong.named else f"pass a date of {wrong.year}"
        raise click.BadParameter(
            f"{date_text!r} disagrees with {shown}: {wrong.told} ({fix}, or name a file that agrees with the date)", param_hint="'--date'"
        )
    if named is None:  # (a clipping of past news, filed by its year: now would be no date of it)
        raise click.UsageError(f"{shown} is in {wrong.year}'s folder: pass its date, e.g. --date {wrong.year}-07-16")
    raise click.UsageError(
        f"{shown}: its name's date {named.date().isoformat()} disagrees with its file: {wrong.told} "
        f"(name a file in the folder of {named.year}, or one whose name has a date of {wrong.year})"
    )


def _date(text: str, timezone: str) -> datetime:
    """`--date` as the reader takes `date:` (a day alone stays a day), or as people write dates (`5 марта 2019, 14:30`,
    `Tue, 05 Mar 2019 14:30:00 +0300`, `16.07.2019`), or relative to now (`вчера в 18:30`, `2 hours ago`): a clipping's date is copied from the outlet's page, and the
    command writes it as ISO 8601. A usage error saying why, or how to write it, where it reads as no date or as two:
    what the reader says of such a `date:` (`dates.understand`)."""
    iso: str | None = text
    if parse_date(text, timezone) is None:
        found = relative(text, datetime.now(UTC), timezone)  # (`вчера в 18:30`, copied from an outlet's latest news just now)
        if found is not None:
            iso = found.iso
        else:
            iso, why = understand(text, "--date ", timezone)
            if iso is None:
                raise click.BadParameter(f"{text!r} {why}", param_hint="'--date'")
    if (doubt := local_time_doubt(iso, timezone)) is not None:  # (as the build would tell it: a time the clocks skipped)
        click.echo(f"warning: --date {doubt}", err=True)
    return parse_date(iso, timezone)


@main.command("theme")
@click.argument("files", nargs=-1)
@click.option(
    "--new",
    "new",
    metavar="NAME",
    help="Start a theme of your own, themes/NAME, that extends the site's theme (with FILES copied into it; into the one there, where it is).",
)
@click.pass_obj
def theme_command(project: Path, files: tuple[str, ...], new: str | None) -> None:
    """List the theme's files; with FILES (article.html, static/assets/style.css, i18n/ru.yaml), copy them into the
    site's templates/, static/ or i18n/ to edit them there (the site's copy overrides the theme's; never over a file).
    With --new NAME, start the theme themes/NAME instead, which extends the site's theme, and copy FILES into it (into
    the theme that is there, from the themes it extends, where it is)."""
    try:
        config = load_config(project)
        if new is not None:
            for path in new_theme(config, new, files):
                click.echo(f"created {_shown(path)}")
            if config.theme != new:
                click.echo(f'To build with it, set `theme: {new}` in site.yaml (see docs/templates.md, "Making a theme").')
            return
        if files:
            for path in copy_from_theme(config, files):
                click.echo(f"created {_shown(path)}")
            return
        chain, found = theme_files(config)
    except SsgError as error:
        _fail(error, "Theme")
    click.echo(f"Theme {config.theme!r}: {chain[0].path}")
    for theme in chain[1:]:
        click.echo(f"  which extends {theme.name!r}: {theme.path}")
    folders = {"templates": config.templates_dir, "static": config.static_dir}
    for name, path in found.items():
        inherited = next((theme.name for theme in chain[1:] if path.is_relative_to(theme.path)), None)
        part, _, rest = name.partition("/")
        own = f"{folders.get(part, part)}/{rest}"  # (a copy `ssg theme x` made, edited there: the pages take it instead)
        replaces = "wins over it, key by key" if part == "i18n" else "replaces it"
        notes = [f"from {inherited}"] * bool(inherited) + [f"the site's {own} {replaces}"] * (config.root / own).is_file()
        click.echo(f"  {name}" + (f"  ({'; '.join(notes)})" if notes else ""))
    if len(chain) > 1 and chain[0].path.is_relative_to(config.root):  # (the project's own theme: a designer's)
        click.echo(
            f"To change one in the theme {config.theme!r}, copy it there: ssg theme --new {config.theme} base.html; in the site "
            "alone: ssg theme article.html (see docs/templates.md)."
        )
    else:
        click.echo("To change one, copy it into the site and edit the copy: ssg theme article.html (see docs/templates.md).")


def _languages(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...]:
    """`--languages ru,en`: language codes as `lang:` takes them (the reader's rule), each once."""
    codes = tuple(dict.fromkeys(code.strip() for code in (value or "").split(",") if code.strip()))
    try:
        return tuple(check_lang(code) for code in codes)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx, param) from None


@main.command("workflow")
@click.pass_obj
def workflow_command(project: Path) -> None:
    """Add the GitHub Pages workflow (.github/workflows/pages.yml) to an archive made before ssg init wrote one."""
    try:
        place = add_workflow(project)
    except SsgError as error:
        _fail(error, "Workflow")
    click.echo(f"created {_shown(place.path)}")
    for note in pages_notes(place, _shown(place.path)):
        click.echo(note)
    for warning in other_pages_warning(place.top):
        click.echo(warning, err=True)
    if install_requirement() is None:
        click.echo(f"Before publishing: set SSG_REQUIREMENT in {_shown(place.path)} to where CI can install ssg from (see docs/deploy.md).")


@main.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--languages",
    callback=_languages,
    help="The archive's languages, the default first: ru (Russian articles), or en,ru (bilingual: see docs/languages.md).",
)
def init_command(folder: Path, languages: tuple[str, ...]) -> None:
    """Create a new archive in FOLDER: site.yaml, content/ with one article."""
    old = None if (Path(folder) / CONFIG_FILE).exists() else read_old_config(Path(folder), init_value, len(languages) > 1)
    if old is not None and languages:  # (the command's languages win: Hugo's [languages] beside them contradicted them)
        for name in ("lang", "languages"):
            if name in old.values:
                old.left.append(
                    f"{name}: {option_text(name, old.values.pop(name)).split(': ', 1)[1]} (--languages {','.join(languages)} given)"
                )
    try:
        zone = machine_zone()
        now = datetime.now(ZoneInfo(zone)).replace(microsecond=0)  # (the example article's date, in the site's zone)
        created, kept = init_project(folder, now, languages, old and old.values, zone)
    except SsgError as error:
        _fail(error, "Init")
    if old is not None:  # (an archive moved from Hugo, Jekyll or Pelican: what site.yaml took of its settings)
        taken = (
            ", ".join(
                option_text(name, value)
                if name in ("languages", "old_urls")
                else f"feeds: {{old_paths: [{', '.join(value['old_paths'])}]}} (the old site's feed, kept for its readers)"
                if name == "feeds"
                else f"{name}: {list(value) if isinstance(value, tuple) else value}"
                for name, value in old.values.items()
            )
            or "nothing"
        )
        click.echo(f"read {old.source}: site.yaml takes {taken}")
        if old_urls := old.values.get("old_urls"):
            ((generator, pattern),) = old_urls.items()
            click.echo(
                f"  old_urls: each article's address on the {generator.title()} site ({pattern}, made as {generator.title()} made it) "
                "gets a page that redirects to the article, where ssg's permalink: puts it elsewhere"
            )
        for left in old.left:
            click.echo(f"  not taken: {left}")
    for path in created:
        click.echo(f"created {_shown(path)}")
    for path in kept:  # (what it did not write, and why: a folder with files of its own)
        click.echo(f"kept {_shown(path)}{'/' * path.is_dir()} as it is (there already: nothing written over or into it)")
        lacks = gitignore_lacks(path.read_text(encoding="utf-8", errors="replace")) if path.name == ".gitignore" and path.is_file() else []
        if lacks:
            click.echo(f"  add to it what a build makes, for git to leave it out: {' '.join(lacks)}")
    for problem in posts_outside(folder, "content"):  # (an archive moved from Jekyll: its folder, where `ssg init` was run)
        click.echo(f"warning: {problem}", err=True)
    place = pages_place(folder)
    if place.path in created:
        for note in pages_notes(place, _shown(place.path)):
            click.echo(note)
        for warning in other_pages_warning(place.top):
            click.echo(warning, err=True)
    if place.path in created and install_requirement() is None:
        click.echo(
            f"Before publishing with GitHub Pages: set SSG_REQUIREMENT in {_shown(place.path)} to where CI can install ssg "
            "from (see docs/deploy.md)."
        )
    if zone == "UTC" and not (old and "timezone" in old.values) and any(path.name == CONFIG_FILE for path in created):
        click.echo(
            "site.yaml says timezone: UTC, as this computer does (or it could not tell): where the archive's times are another zone's (a Moscow outlet's "
            "10:00), set it there (timezone: Europe/Moscow): a time written without an offset is read in it"
        )
    if not (old and "base_url" in old.values) and any(path.name == CONFIG_FILE for path in created):
        click.echo(
            "Before publishing: set base_url in site.yaml to the site's address (https://example.org/ stands there): "
            "the canonical links, feeds, sitemap and link previews are made with it (the GitHub Pages workflow gives its own)"
        )
    here = Path(folder).resolve() == Path.cwd().resolve()
    click.echo("Next: ssg build" if here else f"Next: cd {shlex.quote(str(folder))} && ssg build")
