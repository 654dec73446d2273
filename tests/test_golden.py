"""Golden sites: the whole output of each site under golden/ is compared file by file.

After an intended change to the output, regenerate the expectations and review the diff:
    SSG_UPDATE_GOLDEN=1 pytest tests/test_golden.py && git diff tests/golden
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from ssg.build import BuildOptions, build
from ssg.config import load_config
from ssg.output import MANIFEST

from .conftest import NOW, tree

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir() if p.is_dir()))
def test_golden_site(name, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(GOLDEN / name / "site", site)
    build(load_config(site), BuildOptions(now=NOW, jobs=1))
    actual = tree(site / "public")
    expected_dir = GOLDEN / name / "expected"
    if os.environ.get("SSG_UPDATE_GOLDEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(site / "public", expected_dir, ignore=shutil.ignore_patterns(MANIFEST))
    expected = tree(expected_dir)
    assert sorted(actual) == sorted(expected)
    for path in sorted(expected):
        if actual[path] != expected[path]:
            diff = difflib.unified_diff(
                expected[path].decode(errors="replace").splitlines(), actual[path].decode(errors="replace").splitlines(), lineterm=""
            )
            pytest.fail(f"{path} differs from the golden copy:\n" + "\n".join(list(diff)[:60]))
