"""Where the `ssg` command starts (and `python -m ssg`): a build sent to the build server (`ssg build --server`) is
sent before the rest of ssg is imported, which takes a third of a second the server spares (`buildserver`); every
other command is `cli.run`'s."""

from __future__ import annotations

import sys


def run() -> None:
    if "--server" in sys.argv:  # (only then: every other command spares importing what the client needs)
        from . import buildserver

        sent = buildserver.forwarded(sys.argv[1:]) if buildserver.supported() else None
        if sent is not None:
            sys.exit(buildserver.send_build(*sent, sys.stdout, sys.stderr))
    from .cli import run as run_command

    run_command()
