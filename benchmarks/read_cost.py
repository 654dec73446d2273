"""Instructions per article read, counted by valgrind: a read-speed figure that does not move with the machine.

The read phase of a cold build (front matter, Markdown, shortcodes, link checks, search terms, summary: what
each worker does per article, `load._read_one`) is most of its CPU. Wall and CPU times on a shared 2-core box vary
by 10-40% from run to run; valgrind's callgrind counts the instructions a process executes instead, the same
within a fraction of a percent whatever else the machine is doing (see render_cost.py, its twin for pages).

What it measures: in one process, every 7th article of a generated archive is read, `--warm` of them first (the
renderer is made, the stemmers' caches fill), then `--articles` more; the same run without those is subtracted,
and the difference divided by `--articles` is the cost of one article. The caches are warmer in a real worker,
which reads half of the archive: a number to compare two versions of ssg, not a prediction of a build.

    python benchmarks/read_cost.py --work /tmp/rc            # this checkout
    python benchmarks/read_cost.py --work /tmp/rc --code DIR  # another copy of ssg, e.g. `git archive` of an older commit

Needs valgrind (`apt-get install valgrind`); about three minutes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import callgrind

HERE = Path(__file__).resolve().parent

# Run under valgrind: read `warm` articles, then `count` more, and stop.
HARNESS = """
import sys
from pathlib import Path
from ssg.config import load_config
from ssg.load import _read_one, content_files
from ssg.stamps import read_settings

site, warm, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
config = load_config(site)
settings = read_settings(config)
import inspect
# (from 2026-12-08 a read is also told where a link in content/ may lead, `leaks.Reach`; None: judged as before)
extra = (None,) if 'Reach' in str(inspect.signature(_read_one)) else ()
items = [(str(config.content_path), path, settings, *extra) for path in content_files(config.content_path)[::7]]
for item in items[: warm + count]:
    _read_one(item)
"""


def instructions(site: Path, code: Path, warm: int, count: int) -> int:
    """Instructions executed by one run of the harness under callgrind."""
    return callgrind.instructions(HARNESS, [str(site), str(warm), str(count)], code)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the generated archive")
    parser.add_argument("--code", type=Path, default=HERE.parent, help="the ssg source tree to measure (default: this checkout)")
    parser.add_argument("--archive", type=int, default=2000, help="articles in the generated archive")
    parser.add_argument("--warm", type=int, default=100, help="articles read before those measured")
    parser.add_argument("--articles", type=int, default=100, help="articles measured")
    args = parser.parse_args()
    site, code = callgrind.generated(args.work, args.archive), args.code.resolve()
    base = instructions(site, code, args.warm, 0)
    total = instructions(site, code, args.warm, args.articles)
    print(f"{(total - base) / args.articles / 1e6:.2f} M instructions per article read ({code})")


if __name__ == "__main__":
    main()
