"""Build-speed benchmark: cold, no-change and one-edit builds of a generated archive, and Hugo.

    python benchmarks/run.py [--articles 10000] [--work benchmarks/out] [--no-hugo] [--saves 5]

Generates the archive with `generate.py` (and the same articles as a Hugo site), then measures
wall time and peak RSS of the whole process tree for each build with `measure.py`. One edit is
measured twice: as a new `ssg build`, and as `ssg build --watch` answers saves (from the save to
the end of the rebuild it prints, debounce included; the median of --saves saves to articles from
the middle of the archive, 1.5 s apart, as an author reads between saves). It checks that the
incrementally built output is byte-identical to a cold build of the same content (after all
those edits), and prints one Markdown table (the README quotes it).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import Measurement, _TreeSampler, run  # noqa: E402

SSG = [sys.executable, "-m", "ssg"]
MIB = 1024 * 1024


def ssg_build(project: Path, *extra: str) -> Measurement:
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    result = run([*SSG, "-C", str(project), "build", *extra], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"ssg build failed in {project}")
    return result


def article_to_edit(project: Path, offset: int = 0) -> Path:
    """An article from the middle of the archive (not in the latest list)."""
    files = sorted((project / "content").rglob("*.md"))
    return files[(len(files) // 2 + offset) % len(files)]


def edit(target: Path) -> Path:
    """Append a sentence to the body of an article: the save the one-edit figures time."""
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\nAn added sentence about the benchmark edit.\n")
    return target


def cells(m: Measurement) -> tuple[str, str, str]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of a measured command, as table cells."""
    return f"{m.wall_s:.2f}", f"{m.user_s + m.sys_s:.2f}", f"{m.peak_tree_rss_bytes / MIB:.0f}"


def watched_edits(project: Path, saves: int) -> tuple[list[float], int]:
    """Seconds from each save to the end of the rebuild `ssg build --watch` reports, and the peak RSS of its tree."""
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    process = subprocess.Popen(
        [*SSG, "-C", str(project), "build", "--watch"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    sampler = _TreeSampler(process.pid, 0.02)
    sampler.start()

    def until(start: str) -> None:
        while not (line := lines.get(timeout=120)).startswith(start):
            if line.startswith(("error", "Build failed", "Traceback")):
                raise SystemExit(f"ssg build --watch: {line}")

    try:
        until("Watching ")
        seconds = []
        for n in range(saves):
            time.sleep(1.5)
            target = article_to_edit(project, 1 + n)  # (listing 10,000 files is not part of a save)
            started = time.perf_counter()
            edit(target)
            until("Built in ")
            seconds.append(time.perf_counter() - started)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    finally:
        process.kill()
        sampler.stop_event.set()
        sampler.join()
    return seconds, sampler.peak_bytes


def same_trees(a: Path, b: Path) -> bool:
    def files(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != ".ssg-manifest.json"}

    names = files(a)
    if names != files(b):
        return False
    match, mismatch, errors = filecmp.cmpfiles(a, b, sorted(names), shallow=False)
    return not mismatch and not errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=HERE / "out")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--saves", type=int, default=5, help="saves answered by `ssg build --watch`")
    args = parser.parse_args()
    work = args.work / f"a{args.articles}"
    project, hugo_site = work / "ssg", work / "hugo"
    if not (project / "content").is_dir():
        shutil.rmtree(work, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(project), "--articles", str(args.articles), "--hugo", str(hugo_site)],
            check=True,
        )
    for folder in (project / "public", project / ".ssg-cache"):
        shutil.rmtree(folder, ignore_errors=True)
    rows = [("ssg cold build", *cells(ssg_build(project)))]
    rows.append(("ssg no-change rebuild", *cells(ssg_build(project))))
    edited = edit(article_to_edit(project))
    rows.append((f"ssg one article edited ({edited.name})", *cells(ssg_build(project))))
    rows.append(("ssg no-change rebuild after it", *cells(ssg_build(project))))
    if args.saves:
        watched, watch_rss = watched_edits(project, args.saves)
        spread = f"median of {len(watched)} saves; min {min(watched):.2f}, max {max(watched):.2f}"
        rows.append(
            (f"ssg build --watch, one article edited ({spread})", f"{statistics.median(watched):.2f}", "", f"{watch_rss / MIB:.0f}")
        )
    fresh = work / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    ssg_build(fresh)
    identical = same_trees(project / "public", fresh / "public")
    if not args.no_hugo and shutil.which("hugo"):
        for attempt in (1, 2):
            shutil.rmtree(hugo_site / "public", ignore_errors=True)
            rows.append(
                (f"Hugo cold build (run {attempt})", *cells(run(["hugo", "--quiet", "-s", str(hugo_site)], stdout=subprocess.DEVNULL)))
            )
    print(f"\n{args.articles} articles, {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {date.today()}\n")
    # CPU time too: on a shared machine wall time also measures the neighbours.
    print("| build | wall s | CPU s | peak RSS, all processes (MiB) |")
    print("| --- | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {' | '.join(row)} |")
    print(f"\nOne-edit output byte-identical to a cold build: {'yes' if identical else 'NO'}")


if __name__ == "__main__":
    main()
