"""What render_cost.py and read_cost.py share: a harness run under valgrind's callgrind, and the archive it reads.

Instructions counted by callgrind are the same within a fraction of a percent whatever else a shared box is doing,
where wall and CPU times move by 10-40%: a figure to compare two versions of ssg by.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def instructions(harness: str, args: list[str], code: Path, cwd: Path | None = None) -> tuple[int, str]:
    """(instructions executed, what it printed) of one run of the Python `harness` under callgrind, with `args`
    after it and the ssg of `code` to import (a fixed hash seed: the same run gives the same count)."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(code))
    # Every run imports the same bytecode: the first run of a fresh copy (`git archive`) compiled ssg, and a cost
    # measured as the difference of two runs came out a quarter of itself (read_cost: 3.3 against 13.0 M an article).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "ssg")], env=env, capture_output=True, check=False)
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", harness, *args]
    # (In `code` unless told: `-c` puts the folder it runs in first on the import path, over PYTHONPATH.)
    run = subprocess.run(command, cwd=cwd or code, env=env, capture_output=True, text=True, check=True)
    collected = re.search(r"Collected : (\d+)", run.stderr)
    if collected is None:
        raise SystemExit(f"no instruction count from valgrind:\n{run.stderr[-2000:]}")
    return int(collected.group(1)), run.stdout.strip()


def generated(work: Path, articles: int) -> Path:
    """The archive of `articles` generated articles under `work` (`generate.py`), made on first use."""
    site = work / f"a{articles}"
    if not site.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(site), "--articles", str(articles)], check=True)
    return site
