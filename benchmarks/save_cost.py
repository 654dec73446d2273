"""Instructions of one save answered by a long-lived builder (the preview's), counted by valgrind: a figure for the
saves of `run.py --saves` that does not move with the machine.

Wall times of a save on a shared 2-core box move by 30-100% from one minute to the next (a tags save at 10,000
articles measured 0.6 to 1.5 s in one hour); callgrind counts the instructions a process executes instead. What it
measures: in one process, a `Builder` builds a copy of a generated archive, tidies (as the preview does when the author
pauses) and freezes what lives on; then `--saves` saves of the kind (`run.edit`: body, title, tags, date, new) are
each answered by a build told the saved path, as the watcher tells it, and followed by the preview's pause (tidy, then
`watch.collect_garbage`; collections as rare as the preview's, `PREVIEW_GEN0`), so that a save's count holds no
collection of the earlier saves' garbage (at 2,000 articles 2-3% of a save: body 588 -> 574 M, tags 667 -> 654 M,
title 460 -> 449 M). Only the last save is counted: callgrind's
instrumentation is switched on for it alone (`callgrind_control`), or, with `--phase`, for each call of that function
during it (a build's phase, e.g. `ssg.build._write_search`; a method as `ssg.build:Builder._read`).

    python benchmarks/save_cost.py --work /tmp/sc --kind tags --kind date            # this checkout
    python benchmarks/save_cost.py --work /tmp/sc --kind date --phase ssg.build._write_search
    python benchmarks/save_cost.py --work /tmp/sc --kind tags --code DIR             # another copy of ssg

A phase called many times a save (`ssg.output:Output.write`) counts the switching too: a whole phase is the figure to
compare. Needs valgrind (`apt-get install valgrind`); about a minute a kind at 2,000 articles, and half as long again
where the archive was built by another version of ssg than the one measured (its copy is built first: see `instructions`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import callgrind

HERE = Path(__file__).resolve().parent

# Run under valgrind with its instrumentation off at the start: build, then answer the saves, counting the last.
HARNESS = """
import functools, importlib, os, subprocess, sys
from pathlib import Path
sys.path.insert(0, sys.argv[5])
from run import article_to_edit, edit
from ssg.build import BuildOptions, Builder, fewer_collections
from ssg.config import load_config
from ssg.watch import PREVIEW_GEN0, collect_garbage

site, kind, saves, phase = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]

def counting(on):
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())], check=True, capture_output=True)

counted = [False]
if phase:
    where, name = phase.rsplit(".", 1)
    module, _, owner = where.partition(":")
    holder = importlib.import_module(module)
    holder = getattr(holder, owner) if owner else holder
    measured = getattr(holder, name)

    @functools.wraps(measured)
    def switched(*args, **kwargs):
        if counted[0]:
            counting(True)
        try:
            return measured(*args, **kwargs)
        finally:
            if counted[0]:
                counting(False)

    setattr(holder, name, switched)
config = load_config(site)
builder = Builder(remember=True)
builder.build(config, BuildOptions(jobs=1))
with fewer_collections(PREVIEW_GEN0):  # (as the preview: `watch.Rebuilder.run`)
    builder.tidy()
    collect_garbage(full=True)
    builder.frozen = True
    for n in range(saves):
        saved = edit(article_to_edit(site, 11 + n), kind)
        counted[0] = n == saves - 1
        if counted[0] and not phase:
            counting(True)
        result = builder.build(config, BuildOptions(jobs=1), changed=[str(saved)])
        if counted[0] and not phase:
            counting(False)
        counted[0] = False
        builder.tidy()
        collect_garbage(full=False)  # (the preview's pause after a build: its garbage is not the next build's)
print(result.counts["plan"], "|", result.counts["pages"], "|", result.counts.get("search", "no search"), "|", result.changed, "files")
"""


def instructions(site: Path, code: Path, kind: str, saves: int, phase: str) -> tuple[int, str]:
    """Instructions of the last of `saves` saves of `kind` (in `phase` alone, if given), on a copy of `site`."""
    with tempfile.TemporaryDirectory(prefix="save-cost-") as folder:
        copy = Path(folder) / "site"
        shutil.copytree(site, copy, symlinks=True)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(code))
        # The copy's pages made by the code measured, as a preview started on a site it built finds them: the archive's
        # were made by whichever copy of ssg built it first, and every page's fingerprint holds ssg's code, so another
        # version's builder re-rendered every page in its first build, which made every listing entry (`render.Cards`)
        # before the saves, and counted them 5% fewer instructions than the same code's (tags 592 against 616 M).
        # (Run in the copy: `python -m` and `-c` put the folder they run in first on the import path, so run from a checkout
        # of ssg, they measured that checkout, whatever --code said.)
        subprocess.run([sys.executable, "-m", "ssg", "build"], cwd=copy, env=env, check=True, capture_output=True)
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null", sys.executable, "-c", HARNESS]
        command += [str(copy), kind, str(saves), phase, str(HERE)]
        run = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=True)
    collected = re.search(r"Collected : (\d+)", run.stderr)
    if collected is None:
        raise SystemExit(f"no instruction count from valgrind:\n{run.stderr[-2000:]}")
    return int(collected.group(1)), run.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the generated archive")
    parser.add_argument("--code", type=Path, default=HERE.parent, help="the ssg source tree to measure (default: this checkout)")
    parser.add_argument("--archive", type=int, default=2000, help="articles in the generated archive")
    parser.add_argument("--kind", action="append", choices=("body", "title", "tags", "date", "new"), help="a kind of save (repeatable)")
    parser.add_argument("--saves", type=int, default=2, help="saves of the kind answered; the last is counted")
    parser.add_argument("--phase", default="", help="count only in this function (module.function or module:Class.method)")
    args = parser.parse_args()
    site, code = callgrind.generated(args.work, args.archive), args.code.resolve()
    if not (site / "public").is_dir():  # (built once, so that each copy's first build takes its pages over)
        subprocess.run([sys.executable, "-m", "ssg", "build"], cwd=site, env=dict(os.environ, PYTHONPATH=str(code)), check=True)
    for kind in args.kind or ["tags", "date"]:
        count, said = instructions(site, code, kind, args.saves, args.phase)
        print(f"{kind}: {count / 1e6:,.0f} M instructions{' in ' + args.phase if args.phase else ''} ({said}; {code})")


if __name__ == "__main__":
    main()
