"""How long `ssg serve` takes from saving an article to telling the browser to reload.

Usage::

    python benchmarks/generate.py /tmp/archive --articles 10000
    python benchmarks/serve_bench.py /tmp/archive [--edits 10] [--pause 2]

Starts the preview in-process on a free port, listens to its event stream like a browser tab
does, then edits `--edits` articles one after another (appending a sentence, as an author saving
in an editor would), `--pause` seconds apart (the author reads the reloaded page before the next
save; the preview does what a build leaves for later in such pauses, see `Rebuilder.run`; 0
saves again at once), and times each save until the event that makes the page reload. That event
is sent only after the rebuild has committed, so the browser's reload request follows it within
a millisecond or two. Prints each edit, the median, and where the time went: the debounce wait
(`quiet` of the watcher plus the file-system event delivery) and each phase of the rebuild (the
phases of `ssg build --profile`). The articles are restored afterwards.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import threading
import time
from pathlib import Path

import ssg.watch
from ssg.build import Builder, BuildOptions, BuildResult
from ssg.config import Config
from ssg.load import content_files
from ssg.server import Preview, ServeOptions

MARKS: dict[str, float] = {}


def timed_build(builder: Builder, config: Config, options: BuildOptions, *more, build=Builder.build) -> BuildResult:
    """The preview's build(), with its start and end noted (phases leave out its set-up)."""
    MARKS["start"] = time.perf_counter()
    try:
        return build(builder, config, options, *more)
    finally:
        MARKS["end"] = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="an ssg project, e.g. from benchmarks/generate.py")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=2.0, help="seconds between a reload and the next save")
    args = parser.parse_args()

    ssg.watch.Builder.build = timed_build
    preview = Preview(args.site, ServeOptions(port=0))
    started = time.perf_counter()
    preview.start()
    print(
        f"first build (preview folder {'cold' if preview.rebuilder.last and preview.rebuilder.last.read else 'warm'}): {time.perf_counter() - started:.2f} s"
    )
    rebuilds = threading.Thread(target=preview.run, name="rebuilds")
    rebuilds.start()
    stream = EventStream(preview)
    epoch = stream.next()["epoch"]
    content = preview.rebuilder.config.content_path
    files = content_files(content)
    chosen = [content / files[i * len(files) // args.edits] for i in range(args.edits)]
    originals = {path: path.read_bytes() for path in chosen}
    latencies, parts, phases = [], [], []
    try:
        for n, path in enumerate(chosen):
            time.sleep(args.pause)
            previous = preview.rebuilder.last
            saved = time.perf_counter()
            path.write_bytes(originals[path] + f"\nEdited for the benchmark ({n}).\n".encode())
            while (message := stream.next())["epoch"] == epoch:
                pass
            received = time.perf_counter()
            latency = received - saved
            epoch = message["epoch"]
            while preview.rebuilder.last is previous:  # set just after the event went out
                time.sleep(0.001)
            result = preview.rebuilder.last
            latencies.append(latency)
            parts.append({"debounce": MARKS["start"] - saved, "build()": MARKS["end"] - MARKS["start"], "event": received - MARKS["end"]})
            phases.append(result.timings)
            print(
                f"edit {n + 1:2}: {latency * 1000:6.0f} ms  (build {result.seconds * 1000:4.0f} ms, {result.changed} files written)  {path.name}"
            )
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
        stream.next()  # the rebuild of the restored articles
        preview.stop()
        rebuilds.join()
    print(
        f"\nsave -> reload event, median of {len(latencies)}: {statistics.median(latencies) * 1000:.0f} ms "
        f"(min {min(latencies) * 1000:.0f}, max {max(latencies) * 1000:.0f})"
    )
    for name in parts[0]:
        print(f"  {name:<18} {statistics.median(p[name] for p in parts) * 1000:6.0f} ms")
    print("build() by phase (ssg build --profile):")
    for name in phases[0]:
        print(f"  {name:<18} {statistics.median(p.get(name, 0.0) for p in phases) * 1000:6.0f} ms")
    unphased = [part["build()"] - sum(p.values()) for part, p in zip(parts, phases, strict=True)]
    print(f"  {'(outside phases)':<18} {statistics.median(unphased) * 1000:6.0f} ms")


class EventStream:
    """The live-reload event stream, read as a browser tab would."""

    def __init__(self, preview: Preview):
        host, port = preview.server.server_address[:2]
        self.connection = http.client.HTTPConnection(host, port, timeout=120)
        self.connection.request("GET", "/__ssg__/events")
        self.response = self.connection.getresponse()

    def next(self) -> dict:
        while True:
            line = self.response.fp.readline()
            if not line:
                raise RuntimeError("the event stream ended")
            if line.startswith(b"data: "):
                return json.loads(line[6:])


if __name__ == "__main__":
    main()
