"""Where the `ssg` command starts (and `python -m ssg`): a build sent to the build server (`ssg build --server`) is
sent before the rest of ssg is imported, which takes a third of a second the server spares (`buildserver`); every
other command is `cli.run`'s."""

from __future__ import annotations

import os
import sys

from .resources import out_of_memory, out_of_memory_message

# The exit code of a command stopped by Ctrl-C (or `kill`): 128 + SIGINT, what a shell reports for a process a Ctrl-C
# ended, and what `git`, `make` or Hugo give; click's own is 1, a build's failure, which a deploy script could not tell
# from an interruption.
INTERRUPTED = 130


def colour() -> bool | None:
    """click's `color` for this process's messages: none where `NO_COLOR` is set (no-color.org), else a terminal's."""
    return False if os.environ.get("NO_COLOR") else None


def run() -> None:
    """The command. A Ctrl-C before click's handler is there (as ssg is imported, its first 0.2 s) ends it as one
    later does, with "Aborted!" and `INTERRUPTED`: it printed a traceback of the import it stopped. Memory that ran
    out outside a build (which tells its own, with its output folder's state), as ssg or a library is imported under
    `ulimit -v` (Babel's data, lxml's code not mapped), is told in words too, with exit code 1: it was a traceback."""
    try:
        _run()
    except KeyboardInterrupt:
        print("\nAborted!", file=sys.stderr)
        sys.exit(INTERRUPTED)
    except (MemoryError, RuntimeError, ImportError, OSError) as error:
        if not out_of_memory(error):
            raise
        print(f"error: {out_of_memory_message(what='ssg')}", file=sys.stderr)
        sys.exit(1)


def _run() -> None:
    if "--server" in sys.argv:  # (only then: every other command spares importing what the client needs)
        from . import buildserver

        sent = buildserver.forwarded(sys.argv[1:]) if buildserver.supported() else None
        if sent is not None:
            if (warning := encoding_warning()) is not None and sys.stderr is not None:
                print(f"warning: {warning}", file=sys.stderr)  # (as `cli.run` tells it: the server's goes to its log)
            sys.exit(buildserver.send_build(*sent, sys.stdout, sys.stderr))
    from .cli import run as run_command

    run_command()


def encoding_warning() -> str | None:
    """Python reads file names in the locale's encoding unless in its UTF-8 mode, and git writes them in UTF-8: on a
    machine set to a legacy locale (ru_RU.CP1251, KOI8-R) `ёлка.md` read as `С‘Р»РєР°.md`, and the article was
    published at /rmmeurr.../. What every command says first there, with what to set; None elsewhere."""
    if sys.platform == "win32" or sys.getfilesystemencoding() == "utf-8" or sys.flags.utf8_mode:
        return None
    return (
        f"this machine reads file names as {sys.getfilesystemencoding()} (its locale), and git writes them in UTF-8: a name "
        "of more than ASCII letters (ёлка.md, café.md) reads otherwise here, and its page's URL differs from other "
        "machines' (or its build fails); set PYTHONUTF8=1, or a UTF-8 locale (LC_ALL=ru_RU.UTF-8)"
    )
