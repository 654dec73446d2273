"""Build-speed benchmark: cold, no-change and one-edit builds of a generated archive, and Hugo.

    python benchmarks/run.py [--articles 10000] [--work benchmarks/out] [--no-hugo] [--saves 5]

Generates the archive with `generate.py` (and the same articles as a Hugo site), then measures
wall time and peak RSS of the whole process tree for each build with `measure.py`. One edit is
measured twice: as a new `ssg build` (a sentence added to the body), and as `ssg build --watch`
answers saves (from the save to the end of the rebuild it prints, debounce included): the body,
the title, the tags and the date edited, and a new article added, in turn, --saves of each kind, to articles from the middle
of the archive, 1.5 s apart, as an author reads between saves; then as many saves, each followed 1.5 s later by a
`ssg build --server` (timed from the command's start to its exit: the build server answers it). It checks that the incrementally
built output is byte-identical to a cold build of the same content (after all those edits), and
prints one Markdown table (the README quotes it).
"""

from __future__ import annotations

import argparse
import compileall
import filecmp
import json
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
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import Measurement, _TreeSampler, run  # noqa: E402

SSG = [sys.executable, "-m", "ssg"]
MIB = 1024 * 1024


def ssg_build(project: Path, *extra: str) -> Measurement:
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    # (run in this checkout: `python -m` puts the folder it runs in first on the import path, over PYTHONPATH)
    result = run([*SSG, "-C", str(project), "build", *extra], cwd=HERE.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"ssg build failed in {project}")
    return result


def article_to_edit(project: Path, offset: int = 0) -> Path:
    """An article from the middle of the archive (not in the latest list)."""
    files = sorted((project / "content").rglob("*.md"))
    return files[(len(files) // 2 + offset) % len(files)]


def edit(target: Path, kind: str = "body") -> Path:
    """One save of the kinds the issue names: a sentence added to the body, the title changed, a tag added, the
    date moved a month back (the article moves in every listing it is on, and in the search index's order);
    or a new article, the newest (a copy of `target` beside it, dated now). Returns the file saved."""
    text = target.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    if kind == "body":
        body += "\nAn added sentence about the benchmark edit.\n"
    elif kind == "title":
        front = _replace_key(front, "title", json.dumps(meta["title"] + " (updated)", ensure_ascii=False))
    elif kind == "tags":
        tags = meta.get("tags", [])  # one more of the archive's tags (generate.py's), as an author tags
        added = next(tag for tag in ("NASA", "ESA", "Roscosmos", "SpaceX", "China") if tag not in tags)  # (at most 4 each)
        front = _replace_key(front, "tags", json.dumps([*tags, added], ensure_ascii=False))
    elif kind == "new":  # today's clipping: a new file, the newest article
        target = target.with_name(f"new-{time.time_ns()}-{target.name}")
        front = _replace_key(front, "date", datetime.now(UTC).replace(microsecond=0).isoformat())
    elif kind == "date":
        moment = meta["date"]  # (PyYAML reads an ISO timestamp with its offset as a datetime)
        earlier = moment.replace(year=moment.year - (moment.month == 1), month=(moment.month - 2) % 12 + 1, day=min(moment.day, 28))
        front = _replace_key(front, "date", earlier.isoformat())
    else:
        raise ValueError(kind)
    target.write_text(f"{front}\n---\n{body}", encoding="utf-8")
    return target


def _replace_key(front: str, key: str, value: str) -> str:
    lines = front.split("\n")
    (index,) = [n for n, line in enumerate(lines) if line.startswith(key + ":")]
    lines[index] = f"{key}: {value}"
    return "\n".join(lines)


def cells(m: Measurement) -> tuple[str, str, str]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of a measured command, as table cells."""
    return f"{m.wall_s:.2f}", f"{m.user_s + m.sys_s:.2f}", f"{m.peak_tree_rss_bytes / MIB:.0f}"


EDIT_KINDS = ("body", "title", "tags", "date", "new")


def watched_edits(project: Path, saves: int) -> tuple[dict[str, list[float]], int, int]:
    """Seconds from each save to the end of the rebuild `ssg build --watch` reports, by kind of edit (`saves` of
    each, taking turns), and the peak RSS and PSS of its tree (a save that re-renders many pages forks a
    helper, whose pages shared with the preview RSS counts twice)."""
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    process = subprocess.Popen(
        [*SSG, "-C", str(project), "build", "--watch"],
        cwd=HERE.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # Ctrl-C (SIGINT) stops it below; a benchmark started in the background (nohup, `&`) has it ignored, and passes that on.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
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
        seconds: dict[str, list[float]] = {kind: [] for kind in EDIT_KINDS}
        for n in range(saves * len(EDIT_KINDS)):
            time.sleep(1.5)
            kind = EDIT_KINDS[n % len(EDIT_KINDS)]
            target = article_to_edit(project, 1 + n)  # (listing 10,000 files is not part of a save)
            started = time.perf_counter()
            edit(target, kind)
            until("Built in ")
            seconds[kind].append(time.perf_counter() - started)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    finally:
        process.kill()
        sampler.stop_event.set()
        sampler.join()
    return seconds, sampler.peak_bytes, sampler.peak_pss_bytes


def server_edits(project: Path, saves: int) -> tuple[dict[str, list[float]], int]:
    """Seconds of each `ssg build --server` command after one save, from its start to its exit, by kind of edit
    (`saves` of each, taking turns; each command 1.5 s after its save, as an author runs it after reading), and the
    server's peak RSS. The first command starts the server, whose first build learns the whole site (not counted)."""
    from ssg import buildserver  # (this checkout's: `python -m ssg` below runs it)

    ssg_build(project, "--server")
    log = buildserver.address(project).with_suffix(".log").read_text()
    pid = int(log.rsplit("ssg build server ", 1)[1].split()[0])
    seconds: dict[str, list[float]] = {kind: [] for kind in EDIT_KINDS}
    try:
        for n in range(saves * len(EDIT_KINDS)):
            kind = EDIT_KINDS[n % len(EDIT_KINDS)]
            edit(article_to_edit(project, 100 + n), kind)
            time.sleep(1.5)
            seconds[kind].append(ssg_build(project, "--server").wall_s)
        status = Path(f"/proc/{pid}/status").read_text()
        peak = int(status.split("VmHWM:")[1].split()[0]) * 1024
    finally:
        ssg_build(project, "--stop-server")
    return seconds, peak


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
    parser.add_argument("--saves", type=int, default=5, help="saves of each kind answered by `ssg build --watch`, and by `--server`")
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
    # Python's bytecode of ssg, as an installed ssg has it: where PYTHONDONTWRITEBYTECODE is set (or the source is
    # newer than its .pyc), every `ssg build` would compile the package again first, about 0.15 s on this box.
    compileall.compile_dir(HERE.parent / "ssg", quiet=1)
    rows = [("ssg cold build", *cells(ssg_build(project)))]
    rows.append(("ssg no-change rebuild", *cells(ssg_build(project))))
    edited = edit(article_to_edit(project))
    rows.append((f"ssg one article edited ({edited.name})", *cells(ssg_build(project))))
    rows.append(("ssg no-change rebuild after it", *cells(ssg_build(project))))
    if args.saves:
        watched, watch_rss, watch_pss = watched_edits(project, args.saves)
        for kind, seconds in watched.items():
            spread = f"median of {len(seconds)} saves; min {min(seconds):.2f}, max {max(seconds):.2f}"
            what = {"date": "its date moved a month back", "new": "a new article, the newest"}.get(kind, f"{kind} edited")
            row = (f"ssg build --watch, one article: {what} ({spread})", f"{statistics.median(seconds):.2f}", "", "")
            rows.append(row[:3] + (f"{watch_rss / MIB:.0f} (PSS {watch_pss / MIB:.0f})" if kind == EDIT_KINDS[0] else "",))
        served, server_rss = server_edits(project, args.saves)
        for kind, seconds in served.items():
            spread = f"median of {len(seconds)} commands; min {min(seconds):.2f}, max {max(seconds):.2f}"
            what = {"date": "its date moved a month back", "new": "a new article, the newest"}.get(kind, f"{kind} edited")
            row = (f"ssg build --server after one save: {what} ({spread})", f"{statistics.median(seconds):.2f}", "", "")
            rows.append(row[:3] + (f"{server_rss / MIB:.0f} (the server)" if kind == EDIT_KINDS[0] else "",))
    fresh = work / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("public", ".ssg-cache", ".public.ssg-*"))
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
