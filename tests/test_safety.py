"""A user's honest mistakes that must not cost them files: each ends with a message saying what was not done and why."""

from __future__ import annotations

import contextlib
import errno
import os
import resource
import shutil
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import ssg.copies
import ssg.leaks
from ssg.build import Builder, BuildOptions
from ssg.cache import Store
from ssg.cli import main
from ssg.config import load_config
from ssg.errors import ConfigError, OutputError, SsgError
from ssg.locks import hold_lock, release_lock
from ssg.output import Output

from .conftest import NOW, article


@pytest.fixture
def site(project):
    return project.write(
        {
            "content/2021/first.md": article("First one", "2021-05-24T10:15:00+03:00", tags="[Moon]"),
            "content/2021/second.md": article("Second one", "2021-06-02T08:00:00+03:00", tags="[Mars]"),
        }
    )


def test_an_output_folder_holding_the_content_folder_is_refused_even_with_force(site):
    """content_dir: site/content with output_dir: site: --force built there, and the output, deployed, published every
    article's Markdown, drafts and all."""
    (site.root / "site").mkdir()
    (site.root / "content").rename(site.root / "site/content")
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + "content_dir: site/content\noutput_dir: site\n"})
    with pytest.raises(OutputError) as error:
        site.build(force=True)
    assert str(error.value) == (
        f"site.yaml:6: output_dir: {site.root / 'site'} holds site/content/, which holds your sources: a build there would "
        "publish them; use a folder beside it, e.g. public"
    )
    assert sorted(p.name for p in (site.root / "site").iterdir()) == ["content"]


def test_an_output_folder_holding_the_cache_is_refused(site):
    """cache_dir: public/cache: the first build made the cache there, then refused public/ for holding files ssg did not
    create, every build after, with no word of the cache."""
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + "cache_dir: public/cache\n"})
    with pytest.raises(ConfigError) as error:
        site.build()
    assert str(error.value) == (
        f"site.yaml:5: cache_dir: {site.public / 'cache'} is inside the output folder, {site.public}, which a build "
        "publishes; use a folder of its own, e.g. .ssg-cache"
    )
    assert not site.public.exists()


@pytest.mark.parametrize(
    ("cache_dir", "told"),
    [
        ("content/cache", "{root}/content/cache is inside content/, which holds your sources"),
        (".", "{root} is the project folder or above it"),
    ],
)
def test_a_cache_folder_among_the_sources_is_refused(site, cache_dir, told):
    """Deleting the cache is always safe, says the README: not where it is the project folder or content/."""
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + f"cache_dir: {cache_dir}\n"})
    with pytest.raises(ConfigError) as error:
        site.build()
    assert str(error.value) == f"site.yaml:5: cache_dir: {told.format(root=site.root)}; use a folder of its own, e.g. .ssg-cache"
    assert not (site.root / "content/cache").exists() and not site.public.exists()


def test_a_file_where_the_cache_goes_is_kept_and_the_build_goes_without_a_cache(site):
    """It stopped with a traceback (FileExistsError from mkdir)."""
    (site.root / ".ssg-cache").write_text("mine\n")
    result = site.build()
    assert (site.public / "index.html").is_file() and (site.root / ".ssg-cache").read_text() == "mine\n"
    assert [str(w) for w in result.warnings] == [
        f"{site.root / '.ssg-cache'}: cannot hold the build cache ({site.root / '.ssg-cache'} is a file, not a folder: "
        "move it away, to spare reading every article again): built without it"
    ]


def test_a_read_only_cache_is_not_needed_for_one_build(site, monkeypatch):
    """A read-only checkout built into a folder elsewhere: SQLite raised "attempt to write a readonly database" after the
    output was written, with a traceback. Root may write anywhere, so the read-only folder is simulated."""
    site.build()
    cache = site.root / ".ssg-cache"
    allowed = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: False if Path(path) == cache and mode & os.W_OK else allowed(path, mode, **kw)
    )
    site.write({"content/2021/third.md": article("Third one", "2021-07-01")})
    result = site.build()
    assert "Third one" in site.page("")
    assert [w.message for w in result.warnings] == [
        f"cannot hold the build cache ({cache} is read-only: make it writable, to spare reading every article again): built without it"
    ]


def test_a_read_only_output_folder_fails_before_anything_is_moved_in(site, monkeypatch):
    """A folder of the output made read-only (chmod) stopped the build halfway through moving its files in: the output
    held pages of two builds. Root may write anywhere, so the read-only folder is simulated."""
    site.build()
    before = site.files()
    tags = site.public / "tags"
    allowed = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode, **kw: False if Path(path) == tags and mode & os.W_OK else allowed(path, mode, **kw)
    )
    site.write({"site.yaml": (site.root / "site.yaml").read_text().replace("Test archive", "Renamed archive")})
    with pytest.raises(OutputError) as error:
        site.build()
    assert str(error.value) == (
        f"{tags}: this build changes files in this folder, which is read-only: make it writable (chmod u+w), or build "
        "elsewhere (-o DIR) (nothing was changed in the output folder)"
    )
    assert site.files() == before
    assert not list(site.root.glob(".public.ssg-*"))


def test_a_read_only_top_of_the_output_folder_fails_before_anything_is_moved_in(site, monkeypatch):
    """The top holds the manifest, written last: a read-only one (chattr +i, a full disk alike) failed there, with the
    pages of the new build moved in and the last build's manifest (a trial)."""
    site.build()
    before = site.files()
    allowed = os.access
    top = site.public
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if Path(path) == top and mode & os.W_OK else allowed(path, mode, **kw))
    site.write({"site.yaml": (site.root / "site.yaml").read_text().replace("Test archive", "Renamed archive")})
    with pytest.raises(OutputError) as error:
        site.build()
    assert str(error.value).startswith(f"{top}: this build changes files in this folder, which is read-only")
    assert site.files() == before


def test_a_manifest_that_cannot_be_written_takes_the_files_moved_in_out_again(site, monkeypatch):
    """A disk that filled as the manifest was written left the new build's pages in, the last build's manifest, and
    part of the new one as .ssg-manifest.json.tmp, which a deploy published (a trial)."""
    site.build()
    before = site.files()
    replace = os.replace

    def full(source, target, *args, **kwargs):
        if str(target) == str(site.public / ".ssg-manifest.json"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full)
    site.write({"site.yaml": (site.root / "site.yaml").read_text().replace("Test archive", "Renamed archive")})
    with pytest.raises(SsgError):
        site.build()
    assert site.files() == before
    monkeypatch.setattr(os, "replace", replace)
    site.build()
    assert "Renamed archive" in site.page("")


def test_a_build_after_one_stopped_while_moving_files_in_says_it_made_them_again(site):
    """A build killed as it moved its files in leaves the output holding two builds' pages; the next said nothing of it."""
    site.build()
    (site.root / ".public.ssg-moving.json").write_text('["index.html"]')
    result = site.build()
    assert result.resumed == 1
    assert result.summary().endswith(
        "(the last build was stopped while moving 1 file in; this one made them again: the folder holds one build again)"
    )
    assert not (site.root / ".public.ssg-moving.json").exists()


def test_a_failed_build_says_the_output_holds_two_builds_where_an_earlier_one_was_stopped_moving_in(site):
    """After a `kill -9` mid-commit, a build that failed on an article said its problem alone: a user trusting that a
    failed build leaves the output as it was would publish the mix (a trial)."""
    site.build()
    (site.root / ".public.ssg-moving.json").write_text('["index.html"]')
    site.write({"content/2021/bad.md": "---\ntitle: Bad\ndate: May 24\n---\nText.\n"})
    result = CliRunner().invoke(main, ["-C", str(site.root), "build"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"note: {site.public} holds files of two builds: an earlier build was stopped while moving its files in, and this one "
        "failed before it made them again (the next build that succeeds does; do not publish the folder until then)"
    )
    held = hold_lock(site.root / ".public.ssg-lock")  # (a build moving its files in now: it lists them too)
    try:
        assert "note:" not in CliRunner().invoke(main, ["-C", str(site.root), "build"]).output
    finally:
        release_lock(site.root / ".public.ssg-lock", held)
    (site.root / ".public.ssg-moving.json").unlink()
    assert "note:" not in CliRunner().invoke(main, ["-C", str(site.root), "build"]).output


def test_a_static_folders_hidden_files_that_hosts_read_are_published_and_no_others(site):
    """`static/.htaccess` and `.nojekyll` were left out without a word (Hugo and Jekyll publish them; a host reads
    them); `.well-known/` was published. A Mac's .DS_Store, git's .gitkeep, an editor's swap and a .env are not."""
    names = [
        ".htaccess",
        ".nojekyll",
        ".well-known/security.txt",
        ".DS_Store",
        ".gitkeep",
        "._logo.png",
        ".style.css.swp",
        "x.css~",
        ".git/HEAD",
        ".env",  # (secrets kept beside the site's files: a second reading)
        ".htpasswd",
        ".npmrc",
    ]
    site.write({f"static/{name}": "x\n" for name in names})
    site.build()
    published = {name for name in names if (site.public / name).exists()}
    assert published == {".htaccess", ".nojekyll", ".well-known/security.txt"}
    site.write({"static/.htaccess": "ErrorDocument 404 /404.html\n"})
    site.build()
    assert (site.public / ".htaccess").read_text() == "ErrorDocument 404 /404.html\n"  # (an edit is a change)


def test_a_static_link_to_a_file_outside_the_project_is_not_published(site, tmp_path):
    """static/key.txt -> ~/.ssh/id_rsa was copied into the site. A link within the project still is."""
    secret = tmp_path / "home/.ssh/id_rsa"
    secret.parent.mkdir(parents=True)
    secret.write_text("PRIVATE KEY\n")
    site.write({"static/robots-extra.txt": "mine\n"})
    (site.root / "static/key.txt").symlink_to(secret)
    (site.root / "static/inside.txt").symlink_to(site.root / "static/robots-extra.txt")
    with pytest.raises(SsgError) as error:
        site.build()
    assert str(error.value) == (
        f"static/key.txt: is a link to {secret}, outside the project, which ssg does not publish: copy the file into "
        "static/ to publish it, or remove the link"
    )
    assert not site.public.exists()
    (site.root / "static/key.txt").unlink()
    site.build()
    assert (site.public / "inside.txt").read_text() == "mine\n" and not (site.public / "key.txt").exists()


def test_a_link_to_a_secret_is_not_published_from_content_or_static(site, tmp_path):
    """A colleague's commit of `content/images/photo.jpg -> ~/.ssh/id_rsa` (or `/etc/passwd`, `/proc/self/environ`, a CI
    job's secrets), named by an article's image, was published as it was, and so were `static/env.txt -> ../.env`, the
    file a static folder's own `.env` is kept out of the site for, and `../up/.env` through `content/up -> ..` (a
    hostile-input trial and its fix's second reading). A picture in a linked folder elsewhere is still published."""
    secret = tmp_path / "home/.ssh/id_rsa"
    secret.parent.mkdir(parents=True)
    secret.write_text("PRIVATE KEY\n")
    body = "![e](../images/env.jpg) ![u](../up/.env) ![p](../passwd/passwd) ![n](../nas/ok.jpg)"
    site.write({".env": "TOKEN=1\n", "nas/ok.jpg": "jpg", "content/2021/a.md": article("A", "2021-05-24", body, image="images/photo.jpg")})
    (site.root / "content/images").mkdir()
    (site.root / "content/images/photo.jpg").symlink_to(secret)
    (site.root / "content/images/env.jpg").symlink_to(site.root / ".env")
    (site.root / "content/up").symlink_to(site.root, target_is_directory=True)
    (site.root / "content/passwd").symlink_to("/etc", target_is_directory=True)
    (site.root / "content/nas").symlink_to(site.root / "nas", target_is_directory=True)
    (site.root / "static").mkdir(exist_ok=True)
    (site.root / "static/env.txt").symlink_to(site.root / ".env")
    with pytest.raises(SsgError) as error:
        site.build()
    hidden = "a hidden file of the project (or the cache's, or the output's), which ssg does not publish"
    computer = "a file of this computer's that ssg does not publish (a hidden one, or one of the system's)"
    assert str(error.value).splitlines() == [
        f"content/images/env.jpg: is a link to {site.root / '.env'}, {hidden}: copy the file into content/images/ to publish it, or remove the link",
        f"content/images/photo.jpg: is a link to {secret}, {computer}: copy the file into content/images/ to publish it, or remove the link",
        f"content/passwd/passwd: is in a linked folder, and leads to /etc/passwd, {computer}: copy the file into content/passwd/ to "
        "publish it, or remove the link",
        f"content/up/.env: is in a linked folder, and leads to {site.root / '.env'}, {hidden}: copy the file into content/up/ to "
        "publish it, or remove the link",
        f"static/env.txt: is a link to {site.root / '.env'}, {hidden}: copy the file into static/ to publish it, or remove the link",
    ]
    assert not site.public.exists()


@pytest.mark.parametrize(
    ("path", "secret"),
    [
        ("/run/media/anna/USB/photos/soyuz.jpg", False),  # (udisks2's mount of a USB drive: Fedora, Arch)
        ("/run/user/1000/gvfs/smb-share:server=nas,share=photos/soyuz.jpg", False),  # (GNOME's of a NAS's share)
        ("/run/secrets/token", True),
        ("/run/user/1000/keyring/control", True),
        ("/etc/passwd", True),
        ("/run/media/anna/USB/.ssh/id_rsa", True),
    ],
)
def test_a_drive_mounted_under_run_is_no_system_folder(path, secret):
    """A content folder linked to a USB drive or a NAS's share, where Linux desktops mount them under /run, failed the
    build as "a file of this computer's that ssg does not publish" (found by a reproducible builds trial)."""
    assert ssg.leaks._secret(Path(path)) is secret


def test_a_static_link_into_the_git_annex_of_the_repository_holding_the_project_is_published(site):
    """git-annex keeps a large file as a link into .git/annex/objects/ at the repository's top: a project in a subfolder
    of that repository (site.root is one here) has its photos there. Another link out of the project is still refused."""
    annexed = site.root.parent / ".git/annex/objects/Xk/3v/SHA256E-s5--ab.jpg/SHA256E-s5--ab.jpg"
    annexed.parent.mkdir(parents=True)
    annexed.write_bytes(b"photo")
    (site.root / "static").mkdir(exist_ok=True)
    (site.root / "static/photo.jpg").symlink_to(annexed)
    site.build()
    assert (site.public / "photo.jpg").read_bytes() == b"photo"
    elsewhere = site.root.parent / "shared/logo.png"  # (a monorepo's shared folder: copy it in)
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"logo")
    (site.root / "static/logo.png").symlink_to(elsewhere)
    with pytest.raises(SsgError, match="static/logo.png: is a link to .*, outside the project"):
        site.build()


def test_init_in_a_folder_with_files_of_its_own_says_what_it_kept(tmp_path):
    """`ssg init` kept the user's .gitignore and workflow, as it should, but said only what it created."""
    folder = tmp_path / "archive"
    (folder / ".github/workflows").mkdir(parents=True)
    (folder / ".github/workflows/pages.yml").write_text("mine\n")
    (folder / ".gitignore").write_text("*.pyc\n")
    result = CliRunner().invoke(main, ["init", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    shown = os.path.relpath(folder)
    assert f"kept {shown}/.gitignore as it is (there already: nothing written over or into it)" in result.output
    assert "  add to it what a build makes, for git to leave it out: /public/ /.ssg-cache/ /.public.ssg-*" in result.output
    assert f"kept {shown}/.github/workflows/pages.yml as it is (there already: nothing written over or into it)" in result.output
    assert (folder / ".gitignore").read_text() == "*.pyc\n" and (folder / ".github/workflows/pages.yml").read_text() == "mine\n"


def test_a_linked_folder_in_content_or_static_is_named_not_passed_over_in_silence(site, tmp_path):
    """content/agency -> ~/clippings/agency: its articles were left out of the site without a word (ssg follows no
    linked folder, so that a link to ~/ or to itself publishes nothing it should not)."""
    clippings = tmp_path / "clippings"
    clippings.mkdir()
    (clippings / "a.md").write_text(article("Agency news", "2021-08-01"))
    (site.root / "content/agency").symlink_to(clippings, target_is_directory=True)
    (site.root / "static").mkdir()
    (site.root / "static/loop").symlink_to(site.root / "static", target_is_directory=True)
    result = site.build()
    assert [str(w) for w in result.warnings] == [
        f"content/agency: is a link to the folder {clippings}, which ssg does not follow: no article in it is read; a file "
        f"an article names there is published, but only on a machine that has {clippings}, not from a clone of the "
        "repository elsewhere, as CI's (to have it all, move the folder into content/ or copy what it holds there; else "
        "remove the link)",
        "static/loop: is a link to static/, which ssg does not follow: its files are read there, once (remove the link if "
        "it is for nothing else)",
    ]
    assert "Agency news" not in site.page("") and not (site.public / "loop").exists()
    (site.root / "content/latest").symlink_to(site.root / "content/2021", target_is_directory=True)  # (back inside: read there)
    site.write({"content/2021/b.md": article("Second one", "2021-08-02")})  # (a link alone changes no input: up to date)
    assert (
        "content/latest: is a link to content/2021/, which ssg does not follow: its files are read there, once (remove the "
        "link if it is for nothing else)"
    ) in [str(w) for w in site.build().warnings]


def test_a_linked_folder_in_a_content_folder_outside_the_project_is_named_not_a_crash(project, tmp_path):
    """content_dir: /srv/archive (a folder outside the project, which site.yaml may name) holding a linked folder: the
    warning's path was made relative to the project, and the build stopped with ValueError's traceback."""
    archive = tmp_path / "archive"
    (archive / "2021").mkdir(parents=True)
    (archive / "2021/a.md").write_text(article("First one", "2021-05-24"))
    (tmp_path / "clippings").mkdir()
    (archive / "agency").symlink_to(tmp_path / "clippings", target_is_directory=True)
    project.write({"site.yaml": (project.root / "site.yaml").read_text() + f"content_dir: {archive}\n"})
    result = project.build()
    assert [str(w) for w in result.warnings] == [
        f"{archive}/agency: is a link to the folder {tmp_path / 'clippings'}, which ssg does not follow: no article in it is "
        f"read; a file an article names there is published, but only on a machine that has {tmp_path / 'clippings'}, not "
        "from a clone of the repository elsewhere, as CI's (to have it all, move the folder into "
        f"{archive}/ or copy what it holds there; else remove the link)"
    ]
    assert "First one" in project.page("")


def test_a_cache_linked_to_a_folder_that_is_gone_is_named_as_such(site, tmp_path):
    """.ssg-cache -> /tmp/ssg-cache, and /tmp emptied at a restart: the warning said the link was a file, to move away."""
    (site.root / ".ssg-cache").symlink_to(tmp_path / "gone", target_is_directory=True)
    result = site.build()
    assert (site.public / "index.html").is_file()
    assert [w.message for w in result.warnings] == [
        f"cannot hold the build cache ({site.root / '.ssg-cache'} is a link to {tmp_path / 'gone'}, which is not there: "
        "make that folder, or remove the link, to spare reading every article again): built without it"
    ]


@pytest.mark.parametrize(
    ("mine", "told"),
    [
        ("/public/\n/resources/_gen/\n.hugo_build.lock\n", "/.ssg-cache/ /.public.ssg-*"),  # a Hugo site's: /public/ is there
        (".ssg-cache/\n", "/public/ /.public.ssg-*"),  # the built site would go into git: it was not said
        ("public\n.ssg-cache\n/.public.ssg-*\n", None),
    ],
)
def test_init_names_only_what_a_kept_gitignore_lacks(tmp_path, mine, told):
    """The hint listed all three lines, /public/ too where it was there, and nothing where .ssg-cache was."""
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / ".gitignore").write_text(mine)
    result = CliRunner().invoke(main, ["init", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    hints = [line for line in result.output.splitlines() if line.startswith("  add to it")]
    assert hints == ([f"  add to it what a build makes, for git to leave it out: {told}"] if told else [])
    assert (folder / ".gitignore").read_text() == mine


@pytest.mark.parametrize("output_dir", [".", "content", ".ssg-cache"])
def test_an_output_folder_site_yaml_refuses_is_blamed_on_its_line(site, output_dir):
    """A new user's trial: `output_dir: content` said `site.yaml: output_dir: ...`, the one message of site.yaml
    without its line."""
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + f"output_dir: {output_dir}\n"})
    with pytest.raises(OutputError) as error:
        site.build()
    assert str(error.value).startswith("site.yaml:5: output_dir: ")


def test_ssg_check_refuses_the_output_folder_a_build_would_refuse(site):
    """`output_dir: content` passed `ssg check` (no errors), then failed `ssg build`."""
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + "output_dir: content\n"})
    result = CliRunner().invoke(main, ["-C", str(site.root), "check"])
    assert result.exit_code == 1
    assert f"error: site.yaml:5: output_dir: {site.root / 'content'} is inside content/, which holds your sources" in result.output


def git(folder: Path, *args: str) -> None:
    """Run git in `folder`, with an identity of its own (the test box may have none)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T"}
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env=env | {"GIT_COMMITTER_EMAIL": "t@example.org"})


def test_a_cache_git_already_tracks_is_warned_of_with_the_command_that_untracks_it(site, monkeypatch):
    """A newsroom that committed .ssg-cache/ before ssg wrote the cache's own .gitignore kept it tracked: megabytes of
    SQLite every build changed and every pull stopped on, with no word from ssg. Each build says so, asking git once."""
    git(site.root, "init", "-q")
    assert site.build().warnings == []  # (in git, not tracked: nothing to say)
    git(site.root, "add", "-f", ".ssg-cache")
    git(site.root, "commit", "-qm", "the archive, cache and all")
    asked = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: asked.append(args[1:2]) or real_run(args, **kw))
    for _ in range(2):  # (the second build has nothing to do: it still tells)
        [warning] = site.build().warnings
        told = str(warning)
        assert told.startswith(".ssg-cache: git tracks ") and "files of the build cache (cache.sqlite, " in told
        assert told.endswith(
            "which every build changes and every pull then stops on: untrack them with `git rm -r --cached .ssg-cache` "
            "(run in the folder of site.yaml) and commit (the cache's own .gitignore keeps it out from then on)"
        )
    assert asked == [["ls-files"], ["ls-files"]]  # once per build
    git(site.root, "rm", "-rq", "--cached", ".ssg-cache")
    assert site.build().warnings == []


def test_the_preview_asks_git_of_its_cache_once(site, monkeypatch):
    """A save in the preview spawns no git: its builder asked at its first build."""
    git(site.root, "init", "-q")
    site.build()
    git(site.root, "add", "-f", ".ssg-cache")
    asked = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: asked.append(args[1:2]) or real_run(args, **kw))
    builder, config = Builder(), load_config(site.root)
    for n in range(3):
        site.write({"content/2021/first.md": article(f"First one, edit {n}", "2021-05-24T10:15:00+03:00")})
        assert "git tracks" in str(builder.build(config, BuildOptions(now=NOW)).warnings)
    assert asked == [["ls-files"]]


def test_no_git_is_no_warning_and_no_failure(site, monkeypatch):
    """git not installed, or not answering: the build goes on as without git."""
    git(site.root, "init", "-q")
    site.build()
    git(site.root, "add", "-f", ".ssg-cache")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert site.build().warnings == []
    monkeypatch.undo()

    def hangs(args, **kw):
        raise subprocess.TimeoutExpired(args, 5)

    monkeypatch.setattr(subprocess, "run", hangs)
    assert site.build().warnings == []


def test_a_hook_in_a_linked_worktree_is_not_told_the_whole_repository_is_the_cache(site, monkeypatch, tmp_path):
    """A pre-commit hook running ssg in a worktree made by `git worktree add` has GIT_DIR set and no GIT_WORK_TREE: git
    took the cache folder for the worktree's top, and the build warned that git tracks every file of the repository
    (site.yaml, the articles) as files of the cache, to be untracked."""
    git(site.root, "init", "-q")
    git(site.root, "add", "site.yaml", "content")
    git(site.root, "commit", "-qm", "the archive")
    linked = tmp_path / "linked"
    git(site.root, "worktree", "add", "-q", str(linked))
    monkeypatch.setenv("GIT_DIR", str(site.root / ".git" / "worktrees" / "linked"))  # (as git sets it for a hook there)
    monkeypatch.setenv("GIT_INDEX_FILE", str(site.root / ".git" / "worktrees" / "linked" / "index"))
    config = load_config(linked)
    assert Builder().build(config, BuildOptions(now=NOW)).warnings == []
    git(linked, "add", "-f", ".ssg-cache")
    told = [str(w) for w in Builder().build(config, BuildOptions(now=NOW)).warnings]
    assert len(told) == 1 and "files of the build cache (cache.sqlite, " in told[0]  # (where it is tracked, still told)


def test_a_cache_folder_holding_files_of_the_user_is_refused(site, tmp_path):
    """cache_dir: ~/cache, a folder of the user's: the build wrote its database into their cache.sqlite, or deleted it where
    it was no database; and deleting the cache, which the README says is always safe, deleted the rest."""
    mine = tmp_path / "home/cache"
    (mine / "Documents").mkdir(parents=True)
    (mine / "notes.txt").write_text("mine\n")
    (mine / "cache.sqlite").write_text("my own file\n")
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + f"cache_dir: {mine}\n"})
    with pytest.raises(ConfigError) as error:
        site.build()
    assert str(error.value) == (
        f"site.yaml:5: cache_dir: {mine} holds files ssg did not create (Documents/, notes.txt): the cache needs a folder of "
        "its own, which deleting is always safe; use one, e.g. .ssg-cache"
    )
    assert sorted(p.name for p in mine.iterdir()) == ["Documents", "cache.sqlite", "notes.txt"]
    assert (mine / "cache.sqlite").read_text() == "my own file\n" and not site.public.exists()
    site.write({"site.yaml": (site.root / "site.yaml").read_text().replace(f"cache_dir: {mine}\n", "")})
    site.build()
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + "cache_dir: public\n"})  # (the output's pages: so told)
    with pytest.raises(ConfigError) as error:
        site.build()
    assert str(error.value) == (
        f"site.yaml:5: cache_dir: {site.public} is the output folder, which a build publishes; use a folder of its own, e.g. .ssg-cache"
    )


def test_the_default_cache_folder_with_a_stray_file_is_still_used(site, tmp_path):
    """.ssg-cache is ssg's by its name: a sync tool's conflicted copy, a note or a link loop left there stopped every build
    of a project that had built, blaming a cache_dir: site.yaml did not have (found in a second reading); a folder of its
    own disk (lost+found) named by cache_dir: is ssg's too."""
    site.build()
    cache = site.root / ".ssg-cache"
    (cache / "cache (Anna's conflicted copy 2026-12-01).sqlite").write_text("a copy\n")
    (cache / "loop").symlink_to("loop")
    assert site.build().changed == 0
    disk = tmp_path / "disk"
    (disk / "lost+found").mkdir(parents=True)
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + f"cache_dir: {disk}\n"})
    site.build()
    assert (disk / "cache.sqlite").is_file()
    (disk / "loop").symlink_to("loop")  # (named by cache_dir:, told by its name, not with a traceback)
    with pytest.raises(ConfigError, match=r"holds files ssg did not create \(loop\)"):
        site.build()


def test_a_cache_folder_of_ssg_own_files_is_used_again(site):
    """What a build and a preview leave in the cache is no one else's: a build beside a running preview, and the next."""
    site.build()
    cache = site.root / ".ssg-cache"
    (cache / "serve.serving").write_text("http://127.0.0.1:8000/ (process 1)")  # (a preview running)
    (cache / "serve").mkdir()
    (cache / ".serve.ssg-staging").mkdir()
    (cache / ".DS_Store").write_bytes(b"\0")
    (cache / "search-0123456789ab.sqlite.new").write_bytes(b"")  # (a search index made anew, its build killed)
    site.write({"content/2021/third.md": article("Third one", "2021-07-01")})
    site.build()
    assert "Third one" in site.page("")


def _cap_the_cache(monkeypatch: pytest.MonkeyPatch, under: Path | None = None) -> None:
    """A nearly full disk under the build cache (under `under`; None: any cache, a temporary one too): SQLite's own
    limit on the file's pages stands in for the disk."""
    opened = Store._open

    def capped(store: Store) -> sqlite3.Connection:
        db = opened(store)
        if under is None or (store.path is not None and store.path.is_relative_to(under)):
            db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
        return db

    monkeypatch.setattr(Store, "_open", capped)


def test_a_full_disk_under_the_cache_is_a_warning_and_the_site_is_built_without_it(site, monkeypatch):
    """A nearly full disk under the project stopped the build as it wrote the cache (which a build writes before its
    output), though the output was on another disk: a read-only cache is gone without, with a warning, and so is
    this one now."""
    site.build()
    _cap_the_cache(monkeypatch, site.root)
    site.write({f"content/2021/new-{n}.md": article(f"New {n}", "2021-07-01", body="Long text. " * 3000) for n in range(3)})
    result = site.build()
    assert "New 2" in site.page("2021/07/01/new-2/")
    assert [(w.path, w.message) for w in result.warnings] == [
        (
            str(site.root / ".ssg-cache"),
            "cannot hold the build cache (its disk is full: make room on it, or set cache_dir in site.yaml to a folder on "
            "another disk, to spare reading every article again): built without it, giving its disk back the room this "
            "build took in it",
        )
    ]
    assert not [p.name for p in site.root.iterdir() if p.name.startswith(".public.")]


def test_a_full_disk_under_every_cache_is_told_and_leaves_the_output_as_it_was(site, monkeypatch):
    """The temporary folder a build goes without its cache through on the same full disk: the cache's disk is told,
    not the temporary folder's, which is gone."""
    site.build()
    before = site.files()
    _cap_the_cache(monkeypatch)
    site.write({f"content/2021/new-{n}.md": article(f"New {n}", "2021-07-01", body="Long text. " * 3000) for n in range(3)})
    with pytest.raises(OutputError) as error:
        site.build()
    assert str(error.value) == (
        f"{site.root / '.ssg-cache/cache.sqlite'}: the build cache cannot be written (the disk is full): make room on that "
        "disk, or set cache_dir in site.yaml to a folder on another disk (the output folder is as the last build left it)"
    )
    assert site.files() == before
    monkeypatch.undo()
    site.build()
    assert "New 2" in site.page("2021/07/01/new-2/")


def test_a_full_disk_under_the_cache_of_a_first_build_says_no_output_folder_was_made(site, monkeypatch):
    """It said "the output folder is as the last build left it", where no build had made one."""
    _cap_the_cache(monkeypatch)
    site.write({f"content/2021/new-{n}.md": article(f"New {n}", "2021-07-01", body="Long text. " * 3000) for n in range(3)})
    with pytest.raises(OutputError) as error:
        site.build()
    assert str(error.value).endswith("set cache_dir in site.yaml to a folder on another disk (no output folder was made)")
    assert not site.public.exists()


def _disk_full() -> sqlite3.OperationalError:
    """SQLite's own error of a full disk ("database or disk is full", SQLITE_FULL), from a database capped at 2 pages."""
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA max_page_count = 2")
    try:
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    except sqlite3.OperationalError as error:
        return error
    finally:
        db.close()
    raise AssertionError("a database capped at 2 pages took 100 KB")


@pytest.mark.parametrize("failing", ["remember_build", "commit"])
def test_a_full_disk_once_the_output_is_moved_in_is_a_warning_and_the_next_build_writes_nothing(site, monkeypatch, failing):
    """The disk filled as the build saved its record in the cache, after it had moved the output in: the build exited 1
    (a CI deploy stopped) though the output folder held the whole new site. It succeeds now, with a warning; the next
    build, which finds no record of it, reads no article again (their records were saved before the output was written),
    goes by the output's manifest, and writes nothing; the one after finds it all up to date."""
    site.build()
    original, moved_in = getattr(Store, failing), []

    def full(store: Store, *args: object) -> object:
        if failing == "remember_build" or moved_in:  # (the articles' records are committed before the output is written)
            raise _disk_full()
        return original(store, *args)

    def commit(output: Output) -> list[str]:
        moved_in.append(True)
        return committed(output)

    committed = Output.commit
    monkeypatch.setattr(Store, failing, full)
    monkeypatch.setattr(Output, "commit", commit)
    site.write({"content/2021/third.md": article("Third one", "2021-07-01")})
    result = CliRunner().invoke(main, ["-C", str(site.root), "build", "--clock", "2026-01-01T00:00:00+00:00"])
    assert result.exit_code == 0, result.output
    cache = site.root / ".ssg-cache"
    assert (
        f"{cache / 'cache.sqlite'}: the output folder holds this build, whole, but the build cache cannot be written (the "
        "disk is full), so it has no record of this build: the next build cannot tell that nothing changed, and checks every "
        "page again (writing only those that differ); make room on that disk, or set cache_dir in site.yaml to a folder on "
        "another"
    ) in " ".join(result.output.split())
    assert "1 warning" in result.output and "Third one" in site.page("")
    monkeypatch.undo()
    built = site.files()
    again = site.build()
    assert (again.up_to_date, again.read, again.changed, again.deleted, again.warnings) == (False, 0, 0, 0, [])
    assert site.files() == built
    assert site.build().up_to_date


def test_a_folder_of_the_output_linked_elsewhere_is_not_written_through(site, tmp_path):
    """public/tags replaced by a link to a folder of the user's (~/mytags, which held a copy of it and their own
    index.html): the next build wrote its pages there, over theirs, though deleting leaves such a folder alone."""
    site.build()
    before = site.files()
    mine = tmp_path / "home/mytags"
    shutil.copytree(site.public / "tags", mine)
    (mine / "index.html").write_text("MINE\n")
    shutil.rmtree(site.public / "tags")
    (site.public / "tags").symlink_to(mine, target_is_directory=True)
    site.write({"content/2021/third.md": article("Third one", "2021-07-01", tags="[Venus]")})
    with pytest.raises(OutputError) as error:
        site.build()
    assert str(error.value) == (
        f"{site.public / 'tags'}: is a link to {mine}, and this build writes /tags/index.html through it, into that folder: "
        "ssg writes through no link, never to write outside the output folder; remove the link (what it leads to stays as "
        "it is), or build elsewhere (-o DIR)"
    )
    assert (mine / "index.html").read_text() == "MINE\n" and not (mine / "venus").exists()
    assert site.files() == {path: data for path, data in before.items() if not path.startswith("tags/")}  # (not through it)
    (site.public / "tags").unlink()
    site.build()
    assert "Venus" in site.page("tags/") and (mine / "index.html").read_text() == "MINE\n"


@pytest.mark.parametrize(
    ("given", "told"),
    [
        (
            "content_dir: .",
            "content_dir: {root} is the project folder or above it, which holds the output folder and the build cache too; use a folder of its own, e.g. content",
        ),
        (
            "content_dir: public",
            "content_dir: {root}/public is the output folder, which every build replaces; use a folder of its own, e.g. content",
        ),
        (
            "static_dir: .ssg-cache/static",
            "static_dir: {root}/.ssg-cache/static is inside the build cache, {root}/.ssg-cache; use a folder of its own, e.g. static",
        ),
    ],
)
def test_a_source_folder_where_the_output_or_the_cache_is_is_blamed_on_its_own_line(site, given, told):
    """content_dir: public was told 'site.yaml: output_dir: .../public is inside public/, which holds your sources; use a
    folder of its own, e.g. public' (no line, the wrong key, and the folder it was), content_dir: . that cache_dir was
    inside it."""
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + given + "\n"})
    (site.root / given.split(": ")[1]).mkdir(parents=True, exist_ok=True)
    with pytest.raises(ConfigError) as error:
        site.build()
    assert str(error.value) == "site.yaml:5: " + told.format(root=site.root)


def test_the_folder_suggested_for_the_output_is_none_of_the_sources(site):
    """`-o public` with `content_dir: public` was told "use a folder of its own, e.g. public": the folder it was."""
    (site.root / "content").rename(site.root / "public")
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + "content_dir: public\n"})
    with pytest.raises(OutputError) as error:
        site.build(output_dir=str(site.root / "public"))
    assert str(error.value).endswith(
        f"{site.root / 'public'} is inside public/, which holds your sources; use a folder of its own, e.g. site"
    )
    site.write({"site.yaml": (site.root / "site.yaml").read_text() + "output_dir: public/site\n"})
    with pytest.raises(OutputError) as error:
        site.build()
    assert str(error.value).endswith("use a folder of its own, e.g. site")
    # (nor one that holds them: a second reading found content_dir: public/content told "e.g. public")
    (site.root / "public").rename(site.root / "content")
    (site.root / "public").mkdir()
    (site.root / "content").rename(site.root / "public/content")
    site.write({"site.yaml": (site.root / "site.yaml").read_text().replace("content_dir: public\n", "content_dir: public/content\n")})
    for given in (".", "public"):
        with pytest.raises(OutputError) as error:
            site.build(output_dir=str(site.root / given))
        assert str(error.value).endswith("e.g. site"), given


def test_an_article_linked_to_a_file_that_is_gone_is_named_not_left_out_in_silence(site, tmp_path):
    """content/2021/usb.md -> /media/usb/usb.md, the drive not mounted at the next build: the article and its page left
    the site without a word. A link to itself likewise."""
    drive = tmp_path / "media/usb"
    drive.mkdir(parents=True)
    (drive / "usb.md").write_text(article("From the drive", "2021-07-01"))
    (site.root / "content/2021/usb.md").symlink_to(drive / "usb.md")
    assert site.build().warnings == [] and "From the drive" in site.page("2021/07/01/usb/")
    drive.rename(tmp_path / "media/unmounted")
    (site.root / "content/2021/self.md").symlink_to("self.md")
    result = site.build()
    assert [str(w) for w in result.warnings] == [
        "content/2021/self.md: is a link to self.md, which leads to no file (moved or deleted, on a drive not mounted, or "
        "a link to itself): the article is not read, and its page is left out of the site; put the file back there, or "
        "remove the link",
        f"content/2021/usb.md: is a link to {drive / 'usb.md'}, which leads to no file (moved or deleted, on a drive not "
        "mounted, or a link to itself): the article is not read, and its page is left out of the site; put the file back "
        "there, or remove the link",
    ]


def test_an_article_file_that_is_no_file_is_left_out_with_a_warning_not_read(site, tmp_path):
    """A named pipe `content/2021/pipe.md` (a FIFO) made `ssg build` wait on it for ever, and `ssg check` likewise on
    one named `x.html`; a link to a device was read whole (to /dev/zero: until the memory ran out). They are left out,
    each with a warning, and none is opened: here a writer waits to hand each pipe an article, which a build that
    opened one would publish (or, the writer gone, wait for ever)."""
    pipes = [site.root / "content/2021/pipe.md", site.root / "content/2021/pipe.html", tmp_path / "elsewhere.md"]
    for pipe in pipes:
        os.mkfifo(pipe)
    (site.root / "content/2021/linked.md").symlink_to(tmp_path / "elsewhere.md")
    (site.root / "content/2021/null.md").symlink_to(os.devnull)
    text = article("From a pipe", "2021-07-01").encode()

    done = threading.Event()

    def hand(pipe: Path) -> None:
        while not done.is_set():  # (to each reader: a build that reads the file once and `ssg check` again)
            with contextlib.suppress(BrokenPipeError), open(pipe, "wb") as writer:  # (waits for a reader)
                writer.write(text)

    writers = [threading.Thread(target=hand, args=(pipe,), daemon=True) for pipe in pipes]
    for writer in writers:
        writer.start()
    try:
        result = site.build()
        checked = CliRunner().invoke(main, ["-C", str(site.root), "check"])
    finally:
        done.set()
        for pipe in pipes:  # (the writers let go: each hands its article to no one, and stops)
            os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
        for writer in writers:
            writer.join()
    left_out = "not a file: no article is read from it, and it is left out of the site (remove it)"
    assert [str(w) for w in result.warnings] == [
        f"content/2021/linked.md: is a link to {tmp_path / 'elsewhere.md'}, a named pipe (FIFO), {left_out}",
        f"content/2021/null.md: is a link to {os.devnull}, a device, {left_out}",
        f"content/2021/pipe.md: is a named pipe (FIFO), {left_out}",
    ]
    assert "From a pipe" not in "".join(p.read_text() for p in (site.root / "public").rglob("*.html"))
    assert checked.exit_code == 0 and f"content/2021/pipe.md: is a named pipe (FIFO), {left_out}" in checked.output
    for name in ("pipe.md", "linked.md", "null.md"):  # (of no input: the build was "up to date", and told them still)
        (site.root / "content/2021" / name).unlink()
    assert site.build().warnings == []


def test_the_preview_tells_of_an_article_linked_to_nothing_at_its_first_build(site, tmp_path):
    """A soak trial: the preview's builder skipped the walk that finds an article linked to a file that is gone (every
    save would pay for it), so an editor who only previewed never heard of it. It walks at its first build, and at any
    build that lists every content file."""
    (site.root / "content/2021/usb.md").symlink_to(tmp_path / "media/usb/usb.md")
    builder, config = Builder(), load_config(site.root)
    first = builder.build(config, BuildOptions(now=NOW))
    assert [w.path for w in first.warnings] == ["content/2021/usb.md"] and "leads to no file" in first.warnings[0].message
    site.write({"content/2021/first.md": article("First one", "2021-05-24T10:15:00+03:00", "Edited.", tags="[Moon]")})
    saved = [str(site.root / "content/2021/first.md")]  # (as the watcher tells a save)
    assert builder.build(config, BuildOptions(now=NOW), changed=saved).warnings == []  # (not on every save)
    # A build told of no save lists every file (the build server's, for each command: `ssg build --server`), and tells
    # it as `ssg build` does.
    site.write({"content/2021/first.md": article("First one", "2021-05-24T10:15:00+03:00", "Again.", tags="[Moon]")})
    assert [w.path for w in builder.build(config, BuildOptions(now=NOW)).warnings] == ["content/2021/usb.md"]


def test_a_file_size_limit_under_the_cache_is_told(site):
    """`ulimit -f` (a shared host's limit on a file's size): SQLite tells only 'disk I/O error', which the message gives
    with what it may be; it stopped the build in SQLite's traceback. (Python ignores SIGXFSZ: a write past the limit
    fails with EFBIG, as it would in `ssg build`.)"""
    site.build()
    before = site.files()
    site.write({f"content/2021/new-{n}.md": article(f"New {n}", "2021-07-01", body="Long text. " * 3000) for n in range(3)})
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (65536, limits[1]))  # (the new articles' records are more, in the cache's log)
    try:
        with pytest.raises(OutputError) as error:
            site.build()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
    assert str(error.value) == (
        f"{site.root / '.ssg-cache/cache.sqlite'}: the build cache cannot be written (a disk I/O error: the disk full, a "
        "file-size limit (ulimit -f) reached, or the disk failing): check it, or set cache_dir in site.yaml to a folder on "
        "another disk (the output folder is as the last build left it)"
    )
    assert site.files() == before


def test_an_output_folder_of_the_users_files_names_some_of_them(site, tmp_path):
    """-o ~/site-gh-pages, a worktree of the published branch: the refusal named the folder alone, not what in it was
    not ssg's (its .git, the CNAME), for the user to judge whether --force is safe there."""
    folder = tmp_path / "gh-pages"
    (folder / ".git").mkdir(parents=True)
    for name in ("CNAME", "index.html", "a.html", "b.html", "c.html", "d.html"):
        (folder / name).write_text("mine\n")
    with pytest.raises(OutputError) as error:
        site.build(output_dir=str(folder))
    assert str(error.value) == (
        f"{folder}: holds files ssg did not create (.git/, CNAME, a.html, b.html, c.html and 2 more); a git checkout: pass "
        "--force to build there and leave those files alone (not empty it: its .git would go), or build elsewhere (-o DIR)"
    )
    shutil.rmtree(folder / ".git")
    with pytest.raises(OutputError) as error:
        site.build(output_dir=str(folder))
    assert str(error.value) == (
        f"{folder}: holds files ssg did not create (CNAME, a.html, b.html, c.html, d.html and 1 more); build elsewhere "
        "(-o DIR), empty it, or pass --force to build there and leave those files alone"
    )


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("content/_drafts/soyuz.md", "_drafts/ is left out of the site (a folder whose name starts with _)"),
        ("content/2019/.notes/soyuz.md", "2019/.notes/ is left out of the site (a folder whose name starts with .)"),
        ("content/_soyuz.md", "a file whose name starts with _ is left out of the site (a note of your own)"),
        ("content/agency/soyuz.md", "agency/ is a link to a folder elsewhere, which ssg does not follow"),
    ],
)
def test_ssg_new_writes_no_article_a_build_would_never_read(site, tmp_path, monkeypatch, given, why):
    """ssg new content/_drafts/soyuz.md (Jekyll's drafts) wrote the article, which no build read, without a word; into a
    linked folder it wrote outside the project."""
    (tmp_path / "clippings").mkdir()
    (site.root / "content/agency").symlink_to(tmp_path / "clippings", target_is_directory=True)
    monkeypatch.chdir(site.root)
    result = CliRunner().invoke(main, ["new", given, "--date", "2019-03-05"])
    assert result.exit_code == 2  # (the file named is the argument refused: a usage error)
    assert result.output.splitlines()[-1] == (
        f"Error: {given}: {why}, so an article there is never read; nothing was changed (name a file a build reads, e.g. "
        "content/2019/soyuz-lands.md; --draft keeps an article out of the site until it is ready)"
    )
    assert not os.path.lexists(site.root / given) and list((tmp_path / "clippings").iterdir()) == []


def test_an_article_file_linked_to_a_secret_is_refused_before_it_is_read(site, tmp_path):
    """`content/2026/hid.md -> ../.hid/h.md` (a hidden folder outside the project) was read and published, page, feeds
    and search, where a picture linked there is refused; `-> /etc/passwd` and `-> /proc/self/environ` were opened and
    parsed (a security trial of `ssg serve`). A link to an ordinary file outside the project is still read."""
    hidden = tmp_path / ".hid/h.md"
    hidden.parent.mkdir()
    hidden.write_text(article("Hidden HIDDENMD", "2021-10-01", "body HIDDENBODY"))
    ordinary = tmp_path / "shared/ok.md"
    ordinary.parent.mkdir()
    ordinary.write_text(article("Shared", "2021-10-02", "body SHAREDBODY"))
    (site.root / "content/2021/ok.md").symlink_to(ordinary)
    site.build()  # (the cache holds records now: the next build hashes what it lists before it reads)
    assert any("SHAREDBODY" in p.read_text() for p in site.public.rglob("*.html"))
    (site.root / "content/2021/hid.md").symlink_to(hidden)
    (site.root / "content/2021/pw.md").symlink_to("/etc/passwd")
    (site.root / "content/pages").mkdir()
    (site.root / "content/pages/env.md").symlink_to("/proc/self/environ")
    computer = "a file of this computer's that ssg does not publish (a hidden one, or one of the system's)"
    for _ in range(2):  # (with the cache's records, and without them)
        with pytest.raises(SsgError) as error:
            site.build()
        assert str(error.value).splitlines() == [
            f"content/2021/hid.md: is a link to {hidden}, {computer}: copy the file into content/2021/ to publish it, or remove the link",
            f"content/2021/pw.md: is a link to /etc/passwd, {computer}: copy the file into content/2021/ to publish it, or remove the link",
            f"content/pages/env.md: is a link to {Path('/proc/self/environ').resolve()}, {computer}: copy the file into content/pages/ "
            "to publish it, or remove the link",
        ]
        shutil.rmtree(site.root / ".ssg-cache")
    assert not any("HIDDENBODY" in p.read_text(errors="replace") for p in site.public.rglob("*") if p.is_file())
