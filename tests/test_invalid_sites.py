"""Every site under invalid_sites/ fails to build with exactly the messages in its expected.txt.

To add a case: a folder with site.yaml, content/ (and templates/ if needed) and expected.txt; and clock.txt for a case
whose messages name the build's moment (a relative date's: what it would be if copied today), passed as `--clock`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssg.cli import main

CASES = Path(__file__).parent / "invalid_sites"


def clock_args(case: str) -> list[str]:
    """`--clock` with the moment of the case's clock.txt, where it has one."""
    clock = CASES / case / "clock.txt"
    return ["--clock", clock.read_text(encoding="utf-8").strip()] if clock.exists() else []


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_invalid_site_reports_every_problem(case, tmp_path):
    site = tmp_path / case
    shutil.copytree(CASES / case, site, ignore=shutil.ignore_patterns("expected.txt", "clock.txt"))
    (site / "content").mkdir(exist_ok=True)
    result = CliRunner().invoke(main, ["-C", str(site), "build", *clock_args(case)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output == (CASES / case / "expected.txt").read_text(encoding="utf-8")
    assert not (site / "public").exists()
