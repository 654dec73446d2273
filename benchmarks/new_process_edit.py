"""One edit built by a new `ssg build` process, two versions of ssg taking turns on the same edits.

    python benchmarks/new_process_edit.py SITE --code /path/to/main --code /path/to/branch [--rounds 5] [--kind body ...]

Copies the archive SITE (`generate.py`'s) once per version under --work, builds each copy cold with its version, then
for each kind of edit (`run.py`'s `edit`: body, title, tags, date), --rounds times: the same edit to the same article in
every copy, each copy built by its version in a new process, the versions in turns (the first of a round alternates),
timed from the start to the exit (wall and CPU of the process); with --callgrind, one more edit of each kind built
under valgrind's callgrind (instructions, which do not move with the box's load). Each copy keeps its own cache and output: the hash of
ssg's code is part of every page's fingerprint, so one output folder built by two versions is made whole each time.
Prints each version's times and medians by kind, and checks every copy's output is the same as a cold build's of the
edited content (by the last version).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from callgrind import instructions  # noqa: E402
from run import article_to_edit, edit  # noqa: E402

# One `ssg build` in this process, for callgrind (`--callgrind`).
HARNESS = """
import sys
from ssg.cli import main
sys.argv = ["ssg", "build", "-j", "1"]
try:
    main()
except SystemExit:
    pass
"""


def build(project: Path, code: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `ssg build` of `project` by the ssg of `code`."""
    env = dict(os.environ, PYTHONPATH=str(code))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # (in the project: `python -m` puts the folder it runs in first on the import path, a checkout of ssg over `code`)
    subprocess.run([sys.executable, "-m", "ssg", "build"], cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def same_output(first: Path, second: Path) -> bool:
    """Whether two output folders hold the same files with the same bytes (the manifests aside: they hold fingerprints,
    which hash each version's code)."""
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file() and p.name != ".ssg-manifest.json")
    others = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file() and p.name != ".ssg-manifest.json")
    return files == others and filecmp.cmpfiles(first, second, [str(f) for f in files], shallow=False)[1:] == ([], [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--code", type=Path, action="append", required=True, help="a copy of ssg (the folder holding ssg/)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/new-process-edit"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kind", action="append", choices=["body", "title", "tags", "date"])
    parser.add_argument("--callgrind", action="store_true", help="then one more edit of each kind, each built under callgrind")
    args = parser.parse_args()
    kinds = args.kind or ["body", "title", "tags", "date"]
    copies = []
    for n, code in enumerate(args.code):
        copy = args.work / f"v{n}"
        shutil.rmtree(copy, ignore_errors=True)
        copy.mkdir(parents=True)
        shutil.copytree(args.site / "content", copy / "content")
        shutil.copy(args.site / "site.yaml", copy / "site.yaml")
        build(copy, code)  # cold
        copies.append(copy)
    times: dict[tuple[int, str], list[tuple[float, float]]] = {}
    for kind in kinds:
        for round_ in range(args.rounds):
            order = list(range(len(copies)))
            if round_ % 2:
                order.reverse()
            for n in order:
                edit(article_to_edit(copies[n], round_), kind)
                times.setdefault((n, kind), []).append(build(copies[n], args.code[n]))
    for n, code in enumerate(args.code):
        for kind in kinds:
            runs = times[(n, kind)]
            walls = " ".join(f"{wall:.2f}" for wall, _ in runs)
            cpus = " ".join(f"{cpu:.2f}" for _, cpu in runs)
            print(
                f"{code}  {kind:5}  wall {walls}  (median {statistics.median(w for w, _ in runs):.2f})"
                f"  cpu {cpus}  (median {statistics.median(c for _, c in runs):.2f})"
            )
    if args.callgrind:
        for kind in kinds:
            for n, copy in enumerate(copies):
                edit(article_to_edit(copy, args.rounds), kind)
                count, _ = instructions(HARNESS, [], args.code[n], cwd=copy)
                print(f"{args.code[n]}  {kind:5}  {count / 1e6:,.0f} M instructions (callgrind)")
    cold = args.work / "cold"  # the edited content built cold, by the last version
    shutil.rmtree(cold, ignore_errors=True)
    cold.mkdir(parents=True)
    shutil.copytree(copies[0] / "content", cold / "content")
    shutil.copy(copies[0] / "site.yaml", cold / "site.yaml")
    build(cold, args.code[-1])
    for copy in copies:
        print(f"output of {copy} the same as a cold build's: {same_output(cold / 'public', copy / 'public')}")


if __name__ == "__main__":
    main()
