"""Instructions per rendered page, counted by valgrind: a render-speed figure that does not move with the machine.

Wall and CPU times on a shared 2-core box vary by 10-40% from run to run (the same build took 14 s
and 22 s within minutes), which hides a 5% gain in the renderer. valgrind's callgrind counts the
instructions a process executes instead: the same code, input and hash seed give the same count
within a fraction of a percent, whatever else the machine is doing.

What it measures: a generated archive is built once (so the cache is warm), then, under callgrind,
a build that renders every `--every`-th page of it `--times` times and stops, and the same build
rendering nothing. The difference, divided by the pages rendered, is the cost of one page: the
template, its context, links, dates and metadata (not the staging of files, nor reading articles).

    python benchmarks/render_cost.py --work /tmp/rc            # this checkout
    python benchmarks/render_cost.py --work /tmp/rc --code DIR  # another copy of ssg, e.g. `git archive` of an older commit

Needs valgrind (`apt-get install valgrind`); about a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import callgrind

HERE = Path(__file__).resolve().parent

# Run under valgrind: build with every page's rendering replaced by a fixed sample, rendered TIMES times, then stop.
HARNESS = """
import sys
from pathlib import Path
import ssg.build as build
from ssg.config import load_config

every, times, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
kinds = set(sys.argv[4].split(",")) if len(sys.argv) > 4 else None


class Rendered(Exception):
    pass


def sample(renderer, output, todo, jobs, *_):
    pages = [page for page, _ in todo if kinds is None or page.kind in kinds][::every]
    size = sum(len(renderer.render(page)) for _ in range(times) for page in pages)
    print(f"rendered {len(pages)} pages x {times}, {size} bytes")
    raise Rendered
    yield


build.render_pages = sample
try:
    build.build(load_config(Path("."), output_dir=out), build.BuildOptions(jobs=1))
except Rendered:
    pass
"""


def instructions(site: Path, code: Path, every: int, times: int, out: Path, kind: str | None = None) -> tuple[int, str]:
    """(instructions executed, what the harness printed) of one run under callgrind; `kind`: pages of that kind only."""
    return callgrind.instructions(HARNESS, [str(every), str(times), str(out), *([kind] if kind else [])], code, cwd=site)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the generated archive and outputs")
    parser.add_argument("--code", type=Path, default=HERE.parent, help="the ssg source tree to measure (default: this checkout)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--every", type=int, default=10, help="render every N-th page of the site")
    parser.add_argument("--times", type=int, default=2, help="render the sample this many times")
    parser.add_argument("--kind", action="append", default=[], help="measure pages of this kind alone (article, day, tag...); repeatable")
    args = parser.parse_args()
    site, code = callgrind.generated(args.work, args.articles), args.code.resolve()
    env = dict(os.environ, PYTHONPATH=str(code))
    subprocess.run([sys.executable, "-m", "ssg", "build", "-o", str(args.work / "out")], cwd=site, env=env, check=True, capture_output=True)
    instructions(site, code, args.every, 1, args.work / "sample")  # warms the cache for this code (templates, terms)
    base, _ = instructions(site, code, args.every, 0, args.work / "sample")
    for kind in args.kind or [None]:
        total, printed = instructions(site, code, args.every, args.times, args.work / "sample", kind)
        pages = int(re.search(r"rendered (\d+) pages", printed).group(1)) * args.times
        print(f"{printed}\n{(total - base) / pages / 1e6:.2f} M instructions per {kind or ''} page ({code})".replace("  ", " "))


if __name__ == "__main__":
    main()
