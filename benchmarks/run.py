"""Build-speed benchmark: cold, no-change and one-edit builds of a generated archive, and Hugo.

    python benchmarks/run.py [--articles 10000] [--work benchmarks/out] [--no-hugo]

Generates the archive with `generate.py` (and the same articles as a Hugo site), then measures
wall time and peak RSS of the whole process tree for each build with `measure.py`, checks that the
incrementally built output is byte-identical to a cold build of the same content, and prints one
Markdown table (the README quotes it).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import Measurement, run  # noqa: E402

SSG = [sys.executable, "-m", "ssg"]
MIB = 1024 * 1024


def ssg_build(project: Path, *extra: str) -> Measurement:
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    result = run([*SSG, "-C", str(project), "build", *extra], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if result.returncode != 0:
        raise SystemExit(f"ssg build failed in {project}")
    return result


def edit_one(project: Path) -> Path:
    """Append a sentence to the body of an article from the middle of the archive (not in the latest list)."""
    files = sorted((project / "content").rglob("*.md"))
    target = files[len(files) // 2]
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\nAn added sentence about the benchmark edit.\n")
    return target


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
    rows = [("ssg cold build", ssg_build(project))]
    rows.append(("ssg no-change rebuild", ssg_build(project)))
    edited = edit_one(project)
    rows.append((f"ssg one article edited ({edited.name})", ssg_build(project)))
    rows.append(("ssg no-change rebuild after it", ssg_build(project)))
    fresh = work / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("public", ".ssg-cache"))
    ssg_build(fresh)
    identical = same_trees(project / "public", fresh / "public")
    if not args.no_hugo and shutil.which("hugo"):
        for attempt in (1, 2):
            shutil.rmtree(hugo_site / "public", ignore_errors=True)
            rows.append((f"Hugo cold build (run {attempt})", run(["hugo", "--quiet", "-s", str(hugo_site)], stdout=subprocess.DEVNULL)))
    print(f"\n{args.articles} articles, {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, {date.today()}\n")
    # CPU time too: on a shared machine wall time also measures the neighbours.
    print("| build | wall s | CPU s | peak RSS, all processes (MiB) |")
    print("| --- | ---: | ---: | ---: |")
    for name, m in rows:
        print(f"| {name} | {m.wall_s:.2f} | {m.user_s + m.sys_s:.2f} | {m.peak_tree_rss_bytes / MIB:.0f} |")
    print(f"\nOne-edit output byte-identical to a cold build: {'yes' if identical else 'NO'}")


if __name__ == "__main__":
    main()
