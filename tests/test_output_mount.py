"""An output folder on a file system of its own: a Docker volume (`-v $PWD/public:/site/public`), a disk of its own, a
tmpfs. Nothing can be renamed into it from beside it (EXDEV), so its builds stage inside it (`output.working_path`).

The builds run twice: into a tmpfs mounted for the test, and into an ordinary folder that ssg is told is on a file
system of its own. Mounting needs root and mount(8): CI runs as root (`.ci/run`), so where they are missing the test
fails saying so, never skips (a test skipped in CI proves nothing).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

import ssg.output
from ssg.build import Builder, BuildOptions
from ssg.config import load_config
from ssg.errors import ContentError, OutputError, TemplateError
from ssg.output import MANIFEST, Output, on_its_own_device, working_path

from .conftest import NOW, Project, article, tree

WORKING = (".ssg-staging", ".ssg-lock", ".ssg-moving.json", ".ssg-trash")


@pytest.fixture
def mount() -> Iterator[Callable[..., None]]:
    """Mounts a tmpfs on a folder, or `source` there (a bind mount); each is unmounted after the test. Fails the test,
    saying why, where mounting is not permitted."""
    mounted: list[Path] = []

    def mount_on(folder: Path, source: Path | None = None, size: str | None = None) -> None:
        if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.fail("mounting needs root and mount(8): run the tests as root, as CI does (.ci/run)")
        how = ["--bind", str(source)] if source else ["-t", "tmpfs", *(["-o", f"size={size}"] if size else []), "none"]
        done = subprocess.run(["mount", *how, str(folder)], capture_output=True, text=True, check=False)
        if done.returncode:
            pytest.fail(f"mount {' '.join(how[:2])} is not permitted here: {done.stderr.strip()} (CI's root can mount)")
        mounted.append(folder)

    yield mount_on
    for folder in reversed(mounted):
        if subprocess.run(["umount", str(folder)], check=False).returncode:
            subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture
def site(project: Project) -> Project:
    return project.write(
        {
            "content/2021/launch.md": article("Launch", "2021-05-24T10:15:00+03:00", "A launch.", tags="[Roscosmos]"),
            "content/2021/docking.md": article("Docking", "2021-06-02T08:00:00+03:00", "A docking.", tags="[Roscosmos, ISS]"),
            "content/2020/first.md": article("First", "2020-12-31T23:00:00+03:00", "![Soyuz](../images/soyuz.png)"),
            "content/images/soyuz.png": b"\x89PNG fake",
            "static/media/logo.png": b"\x89PNG logo",
        }
    )


@pytest.fixture(params=["tmpfs", "told"])
def volume(request: pytest.FixtureRequest, site: Project, mount: Callable[..., None], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The site's output folder, empty, on a file system of its own: a tmpfs, or a folder ssg is told is one."""
    site.public.mkdir()
    if request.param == "tmpfs":
        mount(site.public)
    else:
        real, public = on_its_own_device, site.public.resolve()
        monkeypatch.setattr(ssg.output, "on_its_own_device", lambda folder: Path(folder).resolve() == public or real(folder))
    return site.public


def everything(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, the manifest included: "byte for byte"."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def snapshot(folder: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every file and folder under `folder` with its bytes (None for a folder) and mtime: "exactly as it was"."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def left_behind(site: Project) -> list[str]:
    """ssg's working files, inside the output folder or beside it."""
    inside = [name for name in os.listdir(site.public) if name.startswith(".ssg-") and name != MANIFEST]
    return inside + [name for name in os.listdir(site.root) if name.startswith(".public.")]


def stop_moving_in_after(monkeypatch: pytest.MonkeyPatch, staging: Path, moves: int) -> None:
    """Ctrl-C as the build moves its `moves`-th staged file in."""
    real_replace, done = os.replace, []

    def interrupted(source, target):
        if str(source).startswith(str(staging)):
            done.append(target)
            if len(done) == moves:
                raise KeyboardInterrupt
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", interrupted)


def killed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build killed (SIGKILL, the OOM killer) runs no `abort`: its lock ends with it, its files stay."""
    monkeypatch.setattr(Output, "abort", lambda self: os.close(self._lock))


def test_a_first_build_stages_inside_and_equals_one_into_an_ordinary_folder(site, volume, monkeypatch):
    inode, staged = volume.stat().st_ino, []
    commit = Output.commit

    def spied(self):
        staged.append((self.staging, self.staging.is_dir()))
        return commit(self)

    monkeypatch.setattr(Output, "commit", spied)
    result = site.build()
    assert staged == [(volume / ".ssg-staging", True)] and result.changed > 20
    assert volume.stat().st_ino == inode and not left_behind(site)
    plain = site.root.parent / "plain"
    site.build(output_dir=str(plain))
    assert staged[-1][0] == site.root.parent / ".plain.ssg-staging"
    assert everything(volume) == everything(plain)


def test_a_rebuild_replaces_only_what_changed_and_deletes_what_went(site, volume):
    site.build()
    before = snapshot(volume)
    site.write({"content/2021/launch.md": article("Launch", "2021-05-24T10:15:00+03:00", "An edited launch.", tags="[Roscosmos]")})
    site.remove("content/2021/docking.md")
    result = site.build()
    after = snapshot(volume)
    assert b"An edited launch." in after["2021/05/24/launch/index.html"][0]
    assert "2021/06/02/docking/index.html" not in after and result.deleted >= 1
    kept = [path for path, (data, _) in after.items() if data is not None and path in before and before[path][0] == data]
    assert "media/logo.png" in kept and "2020/12/31/first/index.html" in kept
    assert {path: after[path] for path in kept} == {path: before[path] for path in kept}  # (their mtimes too)
    assert not left_behind(site)
    plain = site.root.parent / "plain"
    site.build(output_dir=str(plain))
    assert everything(volume) == everything(plain)


@pytest.mark.parametrize("broken", ["content", "template"])
def test_a_failed_build_leaves_the_folder_as_it_was(site, volume, broken):
    """A content error stops the build before anything is staged; a template's, while pages are (the staging folder
    inside is removed)."""
    site.build()
    before = snapshot(volume)
    site.write({"content/2021/new.md": article("New", "2021-07-01T10:00:00+03:00")})
    if broken == "content":
        site.write({"content/2021/docking.md": "---\ntitle: [broken\n---\n"})
    else:
        site.write({"templates/tags.html": "{{ 1 / 0 }}\n"})
    with pytest.raises(ContentError if broken == "content" else TemplateError):
        site.build()
    assert snapshot(volume) == before and not left_behind(site)


def test_a_rebuild_stopped_while_moving_files_in_is_finished_by_the_next(site, volume):
    site.build()
    site.write({"site.yaml": site.root.joinpath("site.yaml").read_text().replace("Test archive", "Renamed archive")})
    with pytest.MonkeyPatch.context() as patch, pytest.raises(KeyboardInterrupt):
        stop_moving_in_after(patch, volume / ".ssg-staging", 5)
        site.build()
    site.build()
    assert "Renamed archive" in site.page("") and not left_behind(site)
    plain = site.root.parent / "plain"
    site.build(output_dir=str(plain))
    assert everything(volume) == everything(plain)


@pytest.mark.parametrize("when", ["staging", "moving"])
def test_a_first_build_killed_is_not_taken_for_the_users_files(site, volume, when):
    """Killed, a build leaves its working files inside the folder (its staging folder, its lock file, its list of files
    being moved): the next build takes none of them for the user's (the folder is not refused as holding files ssg did
    not create), removes them, and makes the whole site."""
    with pytest.MonkeyPatch.context() as patch, pytest.raises(KeyboardInterrupt):
        killed(patch)
        if when == "staging":
            patch.setattr(Output, "commit", lambda self: (_ for _ in ()).throw(KeyboardInterrupt))
        else:
            stop_moving_in_after(patch, volume / ".ssg-staging", 3)
        site.build()
    left = sorted(name for name in os.listdir(volume) if name in WORKING)
    assert left == ([".ssg-lock", ".ssg-staging"] if when == "staging" else [".ssg-lock", ".ssg-moving.json", ".ssg-staging"])
    site.build()
    assert not left_behind(site)
    plain = site.root.parent / "plain"
    site.build(output_dir=str(plain))
    assert everything(volume) == everything(plain)


def test_a_long_lived_builder_sets_files_aside_inside_the_folder(site, volume):
    """`build --watch` sets the files a save replaces or deletes aside, by a second name on the same file system: in a
    trash folder inside the output, which its next builds write over and which is emptied when it stops."""
    config, options = load_config(site.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder(remember=True)
    builder.build(config, options)
    page = volume / "2021/05/24/launch/index.html"
    old, gone = page.read_bytes(), (volume / "2021/06/02/docking/index.html").read_bytes()
    site.write({"content/2021/launch.md": article("Launch", "2021-05-24T10:15:00+03:00", "An edited launch.", tags="[Roscosmos]")})
    site.remove("content/2021/docking.md")
    builder.build(config, options)
    trash = volume / ".ssg-trash"
    aside = [path.read_bytes() for path in trash.iterdir() if path.name != ".ssg-trash"]
    assert old in aside and gone in aside and b"An edited launch." in page.read_bytes()
    assert ".ssg-trash" not in (volume / MANIFEST).read_text(encoding="utf-8")
    builder.tidy()
    # (Kept while the builder lives: `SPARES_KEPT` files set aside, and its staging folder, empty, for its next build.)
    assert sorted(left_behind(site)) == [".ssg-staging", ".ssg-trash"] and not list((volume / ".ssg-staging").iterdir())
    site.write({"content/2021/launch.md": article("Launch", "2021-05-24T10:15:00+03:00", "Again.", tags="[Roscosmos]")})
    builder.build(config, options)
    builder.empty_trash()
    assert not left_behind(site)
    plain = site.root.parent / "plain"
    site.build(output_dir=str(plain))
    assert everything(volume) == everything(plain)


def test_a_disk_mounted_inside_the_output_folder_gets_its_files_by_copy(site, mount):
    """A rename into a folder on another file system than the staging folder's fails (EXDEV): the file is copied beside
    its place and renamed there, whole."""
    site.build()
    before = tree(site.public)
    mount(site.public / "media")  # (hides the logo the build put there)
    site.build()
    assert tree(site.public) == before and os.listdir(site.public / "media") == ["logo.png"]
    site.write({"static/media/logo.png": b"\x89PNG new logo"})
    site.build()
    assert (site.public / "media/logo.png").read_bytes() == b"\x89PNG new logo" and os.listdir(site.public / "media") == ["logo.png"]


def test_a_bind_mount_of_a_folder_on_the_same_file_system_works_by_copying(site, mount):
    """`mount --bind` (a volume of a container on the host's own disk) keeps st_dev, so the output is not told apart from
    an ordinary folder, yet renames into it fail (EXDEV): each file is copied in, whole. A long-lived builder's trash
    folder is beside it then, where no file can be set aside by a second name: they are freed at once."""
    elsewhere = site.root.parent / "volume"
    elsewhere.mkdir()
    site.public.mkdir()
    mount(site.public, elsewhere)
    assert not on_its_own_device(site.public)
    config, options = load_config(site.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder(remember=True)
    builder.build(config, options)
    site.write({"content/2021/launch.md": article("Launch", "2021-05-24T10:15:00+03:00", "An edited launch.", tags="[Roscosmos]")})
    builder.build(config, options)
    assert b"An edited launch." in (elsewhere / "2021/05/24/launch/index.html").read_bytes()
    trash = site.root / ".public.ssg-trash"
    assert not trash.exists() or os.listdir(trash) == [".ssg-trash"]  # (its mark alone: nothing set aside)
    builder.tidy()
    assert not left_behind(site) and not [p for p in elsewhere.rglob(".*") if p.name != MANIFEST]
    plain = site.root.parent / "plain"
    site.build(output_dir=str(plain))
    assert everything(elsewhere) == everything(plain)


def test_a_file_that_cannot_be_renamed_in_is_copied_and_nothing_is_left(tmp_path, monkeypatch):
    """`_move_in` where the rename fails as across file systems (no mount needed)."""
    staged, target = tmp_path / "staged.html", tmp_path / "out/page.html"
    target.parent.mkdir()
    staged.write_text("new")
    target.write_text("old")
    real_replace = os.replace

    def across(source, destination):
        if Path(source) == staged:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), str(source), str(destination))
        return real_replace(source, destination)

    monkeypatch.setattr(os, "replace", across)
    ssg.output._move_in(str(staged), str(target))
    assert target.read_text() == "new" and os.listdir(target.parent) == ["page.html"]


def test_the_device_check_compares_the_folder_with_the_one_holding_it(tmp_path, monkeypatch):
    """Without a mount: the folder's st_dev made to differ from its parent's."""
    folder, file = tmp_path / "public", tmp_path / "file"
    folder.mkdir()
    file.write_text("x")
    assert not on_its_own_device(folder) and working_path(folder, "staging") == tmp_path / ".public.ssg-staging"
    real_stat, other = os.stat, {str(folder), str(file)}

    def stat(path, *args, **kwargs):
        found = real_stat(path, *args, **kwargs)
        return SimpleNamespace(st_mode=found.st_mode, st_dev=found.st_dev + 1) if str(path) in other else found

    monkeypatch.setattr(os, "stat", stat)
    assert on_its_own_device(folder) and working_path(folder, "staging") == folder / ".ssg-staging"
    assert working_path(folder, "trash") == folder / ".ssg-trash" and ssg.output.moving_list(folder) == folder / ".ssg-moving.json"
    assert not on_its_own_device(file) and not on_its_own_device(tmp_path / "missing")
    assert working_path(tmp_path / "missing", "lock") == tmp_path / ".missing.ssg-lock"


def test_lost_found_counts_as_the_users_only_in_an_ordinary_folder(site, monkeypatch):
    """An ext4 disk mounted as the output holds `lost+found`: no reason to ask for --force. In a folder of the project
    it is someone's."""
    (site.public / "lost+found").mkdir(parents=True)
    with pytest.raises(OutputError, match="holds files ssg did not create"):
        site.build()
    real = on_its_own_device
    monkeypatch.setattr(ssg.output, "on_its_own_device", lambda folder: Path(folder) == site.public or real(folder))
    site.build()
    assert (site.public / "lost+found").is_dir() and "lost+found" not in (site.public / MANIFEST).read_text(encoding="utf-8")


def test_a_site_file_named_as_ssgs_own_is_never_published_there(site):
    """`static/.ssg-staging/x.txt` would go where a build on a mounted folder stages its files, and be lost with it: a
    static folder's hidden folders are not published (but `.well-known/`), so it never goes there."""
    site.build()
    site.write({"static/.ssg-staging/x.txt": "x", "static/.ssg-trash/y.txt": "y"})
    site.build()
    assert not (site.public / ".ssg-staging/x.txt").exists() and not (site.public / ".ssg-trash/y.txt").exists()
    assert not left_behind(site)


def test_a_rename_across_file_systems_left_over_is_a_message_naming_the_staging_folder(tmp_path):
    output = Output(tmp_path / "public")
    error = OSError(errno.EXDEV, os.strerror(errno.EXDEV), str(output.staging / "a/index.html"))
    problem = output.failure(error)
    output.abort()
    assert str(problem) == (
        f"{tmp_path / 'public/a/index.html'}: invalid cross-device link: it is on another file system or mount than "
        f"{tmp_path / '.public.ssg-staging'}, where ssg stages the build; build elsewhere (-o DIR) (no output folder was "
        "made)"
    )
    assert os.listdir(tmp_path) == []


def test_a_full_disk_is_first_made_room_on_with_the_files_the_preview_set_aside(site, mount):
    """The preview's builder keeps files its saves replaced, to write over (`SPARES_KEPT`): on a disk they filled, a
    save that made a file larger than any of them failed ("no space left on device: make room on that disk"), and so
    did every save after it until the preview stopped, the room taken by ssg's own files. A build out of room removes
    them, and goes on."""
    site.public.mkdir()
    mount(site.public, size="4m")
    site.write({"static/media/big.bin": b"1" * 2_500_000})
    config, options = load_config(site.root), BuildOptions(now=NOW, jobs=1)
    builder = Builder()
    builder.build(config, options)
    site.write({"static/media/big.bin": b"small"})
    builder.build(config, options)
    builder.tidy()  # (the author pauses: the 2.5 MB file it replaced is kept)
    site.write({"static/media/mid.bin": b"2" * 2_000_000})
    builder.build(config, options)
    assert (site.public / "media/mid.bin").read_bytes() == b"2" * 2_000_000 and (site.public / "media/big.bin").read_bytes() == b"small"
    builder.empty_trash()
    assert not left_behind(site)
