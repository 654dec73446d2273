"""How fast the preview's watcher takes in the events of a change to many files: a speed figure for `ssg serve`.

`sed -i` over a 3,000-article archive makes ~35,000 file events in 7-10 s (each file: its temporary made, written,
closed, renamed over the article). The watchdog thread classifies every path of every event (`watch.classify`) and
adds it to the pending batch (`watch.Batcher.add`); when that is slower than sed, the preview hears the last event
long after sed ended, and builds only then (11-18 s after it, with pathlib's classifying at 230 us a path and each
file made looked for among all the batch's). This replays those events, as the watchdog thread gets them (reads left
out), for `--files` files, and prints the seconds they took, best of `--rounds`:

    python benchmarks/watch_events.py --files 6000

(6,000 files: 10.76 s at e629dd0, before the watcher classified paths on strings, 0.99 s after; a busy 2-core box.)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ssg.watch import Batcher, Change, ChangeKind, Layout, classify

ROOT = Path("/archive")
LAYOUT = Layout(
    ROOT,
    ((ROOT / "content", ChangeKind.CONTENT), (ROOT / "templates", ChangeKind.TEMPLATES), (ROOT / "static", ChangeKind.STATIC)),
    (ROOT / "public", ROOT / ".ssg-cache"),
)


def replay(files: int) -> float:
    """Seconds to take in the events of `sed -i` over `files` articles."""
    batcher = Batcher(signature=lambda path: (1, 1))
    start = time.perf_counter()
    for n in range(files):
        folder = ROOT / "content" / str(2013 + n % 12)
        real, temporary = str(folder / f"article-{n}.md"), str(folder / f"sedAbc{n}")
        batcher.add([Change(classify(temporary, LAYOUT), temporary)], created=temporary)
        batcher.add([Change(classify(temporary, LAYOUT), temporary)])
        batcher.add([Change(classify(temporary, LAYOUT), temporary)], closed=True)
        batcher.add([Change(classify(path, LAYOUT), path) for path in (temporary, real)], created=real)
    took = time.perf_counter() - start
    batcher.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=6000, help="files changed at once (default: 6000)")
    parser.add_argument("--rounds", type=int, default=3, help="runs, the best of which is printed (default: 3)")
    args = parser.parse_args()
    best = min(replay(args.files) for _ in range(args.rounds))
    print(f"{args.files} files' events taken in: {best:.2f} s ({best / args.files * 1e6:.0f} us a file)")


if __name__ == "__main__":
    main()
