"""`ssg --version` names the commit: every commit is 0.1.0, and `pip install -U git+...@newer` over an older commit's
install said "Requirement already satisfied" and kept it, which `ssg --version`, `0.1.0` either way, did not tell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from ssg import __version__
from ssg.cli import main
from ssg.provenance import version_text

COMMIT = "985c46671684a4b88ad62823d799ee3488c0b04d"


def installed(folder: Path, direct_url: dict | None) -> Path:
    """A site-packages in `folder` holding ssg as pip installs it, with the direct_url.json pip writes (PEP 610)."""
    site_packages = folder / "site-packages"
    package = site_packages / "ssg"
    package.mkdir(parents=True)
    info = site_packages / f"ssg-{__version__}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: ssg\nVersion: {__version__}\n")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url))
    return package


def test_an_install_from_git_names_the_commit_pip_recorded(tmp_path):
    vcs = {"url": "git+https://example.org/ssg.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"}}
    assert version_text(__version__, installed(tmp_path, vcs)) == f"{__version__} (commit 985c46671684)"


def test_an_install_from_a_folder_or_an_index_names_no_commit(tmp_path):
    assert version_text(__version__, installed(tmp_path / "a", {"url": "file:///src/ssg", "dir_info": {}})) == __version__
    assert version_text(__version__, installed(tmp_path / "b", None)) == __version__


def test_a_source_checkout_names_its_commit(tmp_path):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(tmp_path)]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "ssg").mkdir()
    (tmp_path / "ssg" / "__init__.py").write_text("")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    assert version_text(__version__, tmp_path / "ssg") == f"{__version__} (commit {head[:12]})"


def test_the_version_option_says_the_version_and_a_start_asks_no_commit():
    assert CliRunner().invoke(main, ["--version"]).output.startswith(f"ssg, version {__version__}")
    code = "import sys, ssg.cli; print(sorted({'importlib.metadata', 'ssg.provenance'} & set(sys.modules)))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"
