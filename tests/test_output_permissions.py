"""Output folders the build user may write and folders around them it may not: the deploy setup (`/var/www` root's,
`/var/www/site` the deploy user's) and a tree of another user's.

Root may write anywhere, so the builds run as root without that override: `setpriv` drops every capability (a folder
of `nobody`'s, mode 755, is then really unwritable). CI runs as root (`.ci/run`): where root or setpriv(1) is missing
the tests fail saying so, never skip (a test skipped in CI proves nothing).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ssg.errors import OutputError
from ssg.locks import hold_lock, release_lock
from ssg.output import MANIFEST

from .conftest import Project, article, ssg_env

NOBODY = pwd.getpwnam("nobody").pw_uid
WITHOUT_OVERRIDE = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--"]


def build_as_user(project: Project, output: Path | None = None) -> subprocess.CompletedProcess:
    """`ssg build` of `project` as root without its override of file permissions."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.fail("these builds need root and setpriv(1) to drop root's override: run the tests as root, as CI does (.ci/run)")
    command = [*WITHOUT_OVERRIDE, sys.executable, "-m", "ssg", "-C", str(project.root), "build"]
    command += ["--clock", "2026-01-01T00:00:00+00:00", *(["-o", str(output)] if output else [])]
    return subprocess.run(command, capture_output=True, text=True, env=ssg_env(), check=False)


@pytest.fixture
def site(project: Project) -> Project:
    return project.write(
        {
            "content/2021/launch.md": article("Launch", "2021-05-24T10:15:00+03:00", "A launch.", tags="[Roscosmos]"),
            "content/2021/docking.md": article("Docking", "2021-06-02T08:00:00+03:00", "A docking.", tags="[ISS]"),
        }
    )


@pytest.fixture
def web_root(tmp_path: Path) -> Path:
    """`/var/www/site` of the deploy setup: the folder, empty, is the build user's; `/var/www`, holding it, another's."""
    www = tmp_path / "www"
    (www / "site").mkdir(parents=True)
    os.chown(www, NOBODY, -1)
    www.chmod(0o755)
    return www / "site"


def everything(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_output_folder_whose_parent_is_not_writable_is_built_inside(site, web_root):
    """It was refused as a folder that "cannot be created", there and holding the last build: ssg staged beside it, in
    the parent. It stages inside it now, as in a mount point, and keeps what a build there keeps."""
    first = build_as_user(site, web_root)
    assert first.returncode == 0, first.stderr
    assert "Launch" in (web_root / "2021/05/24/launch/index.html").read_text()
    site.write({"content/2021/third.md": article("Third one", "2021-07-01")})
    second = build_as_user(site, web_root)
    assert second.returncode == 0, second.stderr
    assert "Third one" in (web_root / "2021/07/01/third/index.html").read_text()
    assert [p.name for p in web_root.parent.iterdir()] == ["site"]
    assert not [name for name in os.listdir(web_root) if name.startswith(".ssg-") and name != MANIFEST]
    before = everything(web_root)
    site.write({"templates/tags.html": "{{ 1 / 0 }}\n"})  # (a build that fails once its files are staged)
    failed = build_as_user(site, web_root)
    assert failed.returncode == 1 and "division by zero" in failed.stderr
    assert everything(web_root) == before
    assert not [name for name in os.listdir(web_root) if name.startswith(".ssg-") and name != MANIFEST]


def test_an_output_folder_that_cannot_be_made_is_still_told_so(site, web_root):
    result = build_as_user(site, web_root.parent / "other")
    assert result.returncode == 1
    assert (
        f"error: {web_root.parent / 'other'}: cannot create the output folder (permission denied in {web_root.parent}); "
        "build elsewhere (-o DIR or output_dir in site.yaml)"
    ) in result.stderr


def test_an_output_folder_written_neither_in_nor_beside_says_whose_it_is(site, web_root):
    """Neither it nor its parent may be written: it was "cannot create the output folder", though it is there."""
    os.chown(web_root, NOBODY, -1)
    result = build_as_user(site, web_root)
    assert result.returncode == 1
    assert (
        f"error: {web_root}: this build cannot write in this folder, nor beside it (where it would stage the build), which "
        f"is nobody's, not yours (root): build as nobody, or make it yours (sudo chown -R root {web_root}), or build "
        "elsewhere (-o DIR) (nothing was changed in the output folder)"
    ) in " ".join(result.stderr.split())
    assert os.listdir(web_root) == []


def test_an_output_tree_of_another_users_is_told_once_with_its_owner(site):
    """`chown -R nobody public`: each of its folders was told on a line of its own to be made writable with `chmod u+w`,
    which only its owner could run."""
    site.build()
    for folder in [site.public, *(p for p in site.public.rglob("*") if p.is_dir())]:
        os.chown(folder, NOBODY, -1)
    before = everything(site.public)
    site.write({"content/2021/third.md": article("Third one", "2021-07-01")})
    result = build_as_user(site)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {site.public}: this build changes files in this folder (and ")
    assert errors[0].endswith(
        f" folders under it), which are nobody's, not yours (root): build as nobody, or make them yours (sudo chown -R root "
        f"{site.public}), or build elsewhere (-o DIR) (nothing was changed in the output folder)"
    )
    assert everything(site.public) == before


def test_an_output_tree_made_read_only_is_told_once(site):
    """`chmod -R a-w public`, the build user's own: one line for the tree, and a chmod that makes all of it writable."""
    site.build()
    folders = [site.public, *(p for p in site.public.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    site.write({"content/2021/third.md": article("Third one", "2021-07-01")})
    try:
        result = build_as_user(site)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 1 and len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {site.public}: this build changes files in this folder (and ")
    assert errors[0].endswith(
        f" folders under it), which are read-only: make them writable (chmod -R u+w {site.public}), or build elsewhere "
        "(-o DIR) (nothing was changed in the output folder)"
    )


def test_a_build_staging_inside_holds_the_lock_for_a_build_that_could_stage_beside(site):
    """A deploy user's build of /var/www/site stages inside it, and takes the lock there; root's build of the same
    folder, which may write /var/www, staged beside it and took a lock of its own: both wrote the folder at once."""
    site.build()
    lock = site.public / ".ssg-lock"
    handle = hold_lock(lock)
    try:
        site.write({"content/2021/third.md": article("Third one", "2021-07-01")})
        with pytest.raises(OutputError, match="another ssg build is writing this folder now"):
            site.build()
    finally:
        release_lock(lock, handle)
    site.build()
    assert "Third one" in site.page("") and not lock.exists()
    lock.write_bytes(b"")  # (a killed build's, held by none: the next build takes it, and leaves nothing behind)
    site.write({"content/2021/fourth.md": article("Fourth one", "2021-07-02")})
    site.build()
    assert "Fourth one" in site.page("") and not [
        p.name for p in site.public.iterdir() if p.name.startswith(".ssg-") and p.name != MANIFEST
    ]


def test_a_source_folder_or_file_the_build_may_not_read_is_an_error_and_the_site_keeps_its_pages(site):
    """A zip from Windows unpacked with odd modes: content/2021 without x (600) or r (300) had its articles left out,
    and the next build took their pages off the site, "0 warnings"; an article's file of mode 000 was a traceback; a
    static folder without r was left out as silently; a static file of mode 000 was told to be made writable, or the
    site built elsewhere. Each is an error naming it, with the chmod that lets the build read it, and the site is as
    it was."""
    assert build_as_user(site).returncode == 0
    before = everything(site.public)
    (site.root / "static/fonts").mkdir(parents=True)
    (site.root / "static/fonts/serif.woff2").write_bytes(b"wOF2")
    (site.root / "static/robots.txt").write_text("User-agent: *\n")
    cases = [
        ("content/2021", 0o600, "content/2021: cannot be read (permission denied): make it readable (chmod a+rx content/2021)"),
        ("content/2021", 0o300, "content/2021: cannot be read (permission denied): make it readable (chmod a+rx content/2021)"),
        (
            "content/2021/launch.md",
            0o000,
            "content/2021/launch.md: cannot be read (permission denied): make it readable (chmod a+r content/2021/launch.md)",
        ),
        ("static/fonts", 0o300, "static/fonts: cannot be read (permission denied): make it readable (chmod a+rx static/fonts)"),
        (
            "static/robots.txt",
            0o000,
            f"{site.root}/static/robots.txt: cannot be read (permission denied): make it readable (chmod a+r {site.root}/static/robots.txt)",
        ),
    ]
    for path, mode, told in cases:
        target = site.root / path
        kept = target.stat().st_mode & 0o777
        target.chmod(mode)
        try:
            done = build_as_user(site)
        finally:
            target.chmod(kept)
        assert done.returncode == 1 and f"error: {told}\n" in done.stderr and "Traceback" not in done.stderr, (path, done.stderr)
        assert everything(site.public) == before
    # A hidden folder no build publishes is not looked into, readable or not (a second reading: it failed the build).
    (site.root / "static/.private").mkdir()
    (site.root / "static/.private").chmod(0o000)
    try:
        done = build_as_user(site)
    finally:
        (site.root / "static/.private").chmod(0o755)
    assert done.returncode == 0, done.stderr
