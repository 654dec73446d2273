"""The command line: exit codes, messages, init and new."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from click.testing import CliRunner

from ssg import __version__, workflow
from ssg.cli import _kind, main
from ssg.dates import local_time_doubt
from ssg.entry import INTERRUPTED
from ssg.scaffold import names_a_file
from ssg.workflow import install_requirement
from ssg.yamlload import load_yaml_with_lines

from .conftest import SITE_YAML, Project, article, ssg_env, tree


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_version_and_help():
    assert run("--version").output.startswith(f"ssg, version {__version__}")  # (and the commit, where it is known)
    for command in ([], ["build"], ["check"], ["new"], ["init"]):
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_usage_error_exits_2():
    assert run("build", "--no-such-flag").exit_code == 2


def test_init_then_build_then_check(tmp_path):
    folder = tmp_path / "archive"
    result = run("init", str(folder))
    assert result.exit_code == 0 and "site.yaml" in result.output
    created = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert created[:2] == [".github/workflows/pages.yml", ".gitignore"] and created[3] == "site.yaml" and len(created) == 4
    assert created[2].startswith("content/") and created[2].endswith("/welcome.md")
    config = yaml.safe_load((folder / "site.yaml").read_text())
    assert config["title"] and config["base_url"] == "https://example.org/"
    # The output, the cache, and what a build stopped by a crash may leave beside the output (staging, lock, moving list).
    assert (folder / ".gitignore").read_text().splitlines() == ["/public/", "/.ssg-cache/", "/.public.ssg-*"]
    result = run("-C", str(folder), "build")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Built ") and "pages (" in result.output and str(folder / "public") in result.output
    assert run("-C", str(folder), "check").exit_code == 0
    assert run("init", str(folder)).exit_code == 1  # never overwrites


@pytest.fixture
def machine_in(monkeypatch):
    """Set this computer's time zone (TZ) for `ssg init`, as tzlocal reads it once per process and keeps it."""
    import tzlocal

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        tzlocal.reload_localzone()

    yield set_zone
    monkeypatch.undo()
    tzlocal.reload_localzone()


def test_init_writes_the_computers_time_zone(tmp_path, machine_in):
    """site.yaml said timezone: UTC on every machine: on a journalist's Moscow laptop, `ssg new` dated an article written
    at 19:50 16:50+00:00, and a clipping's 10:00 was read as UTC, shown at 13:00 (and at night its URL had the day
    before). The computer's zone is written; where it is UTC (a server, a container), init says what to set."""
    machine_in("Europe/Moscow")
    result = run("init", str(tmp_path / "moscow"), "--languages", "ru")
    assert yaml.safe_load((tmp_path / "moscow/site.yaml").read_text())["timezone"] == "Europe/Moscow"
    assert "timezone: UTC" not in result.output
    welcome = (tmp_path / "moscow/content").rglob("*.md").__next__().read_text(encoding="utf-8")
    assert "+03:00" in welcome
    assert run("-C", str(tmp_path / "moscow"), "new", "Запуск", "--date", "2026-12-06 19:50").exit_code == 0
    assert "2026-12-06T19:50:00+03:00" in (tmp_path / "moscow/content/2026/zapusk.md").read_text(encoding="utf-8")
    assert run("-C", str(tmp_path / "moscow"), "new", "Посадка").exit_code == 0  # (now, as the author's clock shows it)
    assert "+03:00" in next((tmp_path / "moscow/content").rglob("posadka.md")).read_text(encoding="utf-8")
    machine_in("Etc/UTC")
    result = run("init", str(tmp_path / "server"))
    assert yaml.safe_load((tmp_path / "server/site.yaml").read_text())["timezone"] == "UTC"
    assert (
        "site.yaml says timezone: UTC, as this computer does (or it could not tell): where the archive's times are another zone's"
        in result.output
    )
    pelican = tmp_path / "pelican"
    pelican.mkdir()
    (pelican / "pelicanconf.py").write_text("TIMEZONE = 'Asia/Novosibirsk'\n")
    result = run("init", str(pelican))  # (the old site's zone wins, and needs no word)
    assert yaml.safe_load((pelican / "site.yaml").read_text())["timezone"] == "Asia/Novosibirsk" and "this computer's" not in result.output


def test_init_adds_a_github_pages_workflow(tmp_path):
    folder = tmp_path / "archive"
    run("init", str(folder))
    workflow = yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert 'ssg build -o public --base-url "${{ steps.pages.outputs.base_url }}/"' in runs and "ssg check --links public" in runs
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/cache", "actions/upload-pages-artifact"]
    cache = next(s["with"] for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache == {"path": ".ssg-cache", "key": "ssg-${{ github.sha }}", "restore-keys": "ssg-"}
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["env"]["SSG_REQUIREMENT"] == (install_requirement() or "")
    install = next(s["run"] for s in steps if s.get("name") == "Install ssg")
    assert 'if [ -z "$SSG_REQUIREMENT" ]' in install and install.rstrip().endswith('pip install "$SSG_REQUIREMENT"')
    assert workflow[True] == {  # (YAML 1.1 reads `on:` as true)
        "push": {"branches": ["main"]},
        "schedule": [{"cron": "17 4 * * *"}],  # daily: an article dated later is published on its date
        "workflow_dispatch": None,
    }


def test_workflow_command_adds_the_workflow_to_an_archive_without_one(tmp_path, monkeypatch):
    """An archive made before the workflow existed: the docs' `python -c ...` needed ssg's own Python, and `ssg init .`
    refuses an existing archive (found by a new user's trial). It never writes over one."""
    folder = tmp_path / "archive"
    run("init", str(folder))
    (folder / ".github/workflows/pages.yml").unlink()
    monkeypatch.chdir(folder)
    result = run("workflow")
    assert result.exit_code == 0 and "created .github/workflows/pages.yml" in result.output
    assert yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())["name"] == "Publish to GitHub Pages"
    (folder / ".github/workflows/pages.yml").write_text("# mine\n")
    again = run("workflow")
    assert again.exit_code == 1 and "is there already; nothing was changed" in again.output
    assert (folder / ".github/workflows/pages.yml").read_text() == "# mine\n"


def git(folder: Path, *args: str) -> None:
    """Run git in `folder`, with a committer of its own (the machine may have none)."""
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=folder, check=True, capture_output=True)


def test_workflow_publishes_on_pushes_to_the_branch_the_repository_is_on(tmp_path, monkeypatch):
    """`git init -b master && ssg init` wrote `branches: [main]`: no push ever ran the workflow, only the daily schedule
    (a trial). A repository with no commit yet has its branch already; a detached HEAD, or no repository, gets main."""
    for branch in ["master", "1.0"]:  # (1.0: quoted, or YAML reads a number)
        folder = tmp_path / f"on-{branch}"
        folder.mkdir()
        git(folder, "init", "-q", "-b", branch)
        result = run("init", str(folder))
        assert result.exit_code == 0, result.output
        written = yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())
        assert written[True]["push"] == {"branches": [branch]}
        shown = os.path.relpath(folder / ".github/workflows/pages.yml")
        assert f"{shown} publishes the site on every push to {branch} (the branch this repository is on), and daily" in result.output
    folder = tmp_path / "on-master"
    git(folder, "checkout", "-q", "-b", "trunk")
    (folder / ".github/workflows/pages.yml").unlink()
    monkeypatch.chdir(folder)
    result = run("workflow")  # (an archive in a repository already, on another branch)
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())[True]["push"] == {"branches": ["trunk"]}
    assert ".github/workflows/pages.yml publishes the site on every push to trunk (the branch this repository is on)" in result.output
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "archive")
    git(folder, "checkout", "-q", "--detach")
    (folder / ".github/workflows/pages.yml").unlink()
    result = run("workflow")
    assert yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())[True]["push"] == {"branches": ["main"]}
    told = ".github/workflows/pages.yml publishes the site on every push to main (change `branches:` in it if you push another)"
    assert told in result.output
    outside = tmp_path / "outside"
    assert told.replace(".github", os.path.relpath(outside / ".github"), 1) in run("init", str(outside)).output


def test_workflow_of_an_archive_in_a_repositorys_subfolder_goes_to_its_top_and_runs_in_the_subfolder(tmp_path, monkeypatch):
    """`ssg init mono/site` wrote mono/site/.github/workflows/pages.yml, which GitHub never reads (workflows are read at
    the repository's top alone), and moved there by hand, it built the top folder (a trial). Now the file goes to the
    top, ssg runs in site/ and the actions' paths are under it; the steps, run as CI runs them, build and cache there."""
    mono = tmp_path / "mono"
    mono.mkdir()
    git(mono, "init", "-q", "-b", "main")
    (mono / "README.md").write_text("The newsroom's repository.\n")
    result = run("init", str(mono / "site"))
    assert result.exit_code == 0, result.output
    shown = os.path.relpath(mono / ".github/workflows/pages.yml")
    assert f"created {shown}" in result.output and not (mono / "site/.github").exists()
    assert (
        f"{shown} publishes the site on every push to main (the branch this repository is on), and daily\n"
        "  it is at the repository's top, the only place GitHub reads workflows from, and builds the archive in site/\n"
    ) in result.output
    written = yaml.safe_load((mono / ".github/workflows/pages.yml").read_text())
    assert written["defaults"] == {"run": {"working-directory": "site"}}
    steps = written["jobs"]["build"]["steps"]
    cache = next(s["with"] for s in steps if s.get("uses", "").startswith("actions/cache@"))
    upload = next(s["with"] for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert cache["path"] == "site/.ssg-cache" and upload == {"path": "site/public"}
    monkeypatch.chdir(mono / written["defaults"]["run"]["working-directory"])  # (as CI runs the `run:` steps)
    for command in [s["run"] for s in steps if s.get("run", "").startswith("ssg ")]:
        result = run(*shlex.split(command.replace("${{ steps.pages.outputs.base_url }}", "https://user.github.io/mono"))[1:])
        assert result.exit_code == 0, (command, result.output)
    assert (mono / upload["path"] / "index.html").is_file() and (mono / cache["path"] / "cache.sqlite").is_file()
    # `ssg workflow` in the archive's folder: the same place, never over the file there; site.yaml's cache_dir under site/.
    again = run("workflow")
    assert again.exit_code == 1 and "../.github/workflows/pages.yml: is there already; nothing was changed" in again.output
    (mono / ".github/workflows/pages.yml").unlink()
    (mono / "site/site.yaml").write_text((mono / "site/site.yaml").read_text() + "cache_dir: ../caches/ssg\n")
    result = run("workflow")
    assert result.exit_code == 0 and "created ../.github/workflows/pages.yml" in result.output
    written = yaml.safe_load((mono / ".github/workflows/pages.yml").read_text())
    steps = written["jobs"]["build"]["steps"]
    assert next(s["with"] for s in steps if s.get("uses", "").startswith("actions/cache@"))["path"] == "caches/ssg"
    assert written["defaults"] == {"run": {"working-directory": "site"}}
    # Deeper, with a space; and an archive at the repository's top has no working directory to name.
    assert run("init", str(mono / "news/ru archive")).exit_code == 0  # (the top's workflow is there: kept)
    (mono / ".github/workflows/pages.yml").unlink()
    monkeypatch.chdir(mono / "news/ru archive")
    assert run("workflow").exit_code == 0
    written = yaml.safe_load((mono / ".github/workflows/pages.yml").read_text())
    assert written["defaults"] == {"run": {"working-directory": "news/ru archive"}}
    upload = next(s["with"] for s in written["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload == {"path": "news/ru archive/public"}
    top = tmp_path / "top"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    assert run("init", str(top)).exit_code == 0
    assert "defaults" not in yaml.safe_load((top / ".github/workflows/pages.yml").read_text())
    monkeypatch.setattr("ssg.gitrepo.shutil.which", lambda name: None)  # (no git installed: in the archive's folder, as before)
    assert run("init", str(mono / "other")).exit_code == 0
    assert yaml.safe_load((mono / "other/.github/workflows/pages.yml").read_text())[True]["push"] == {"branches": ["main"]}


def test_pages_workflow_steps_work_with_another_output_dir(tmp_path, monkeypatch):
    # site.yaml offers output_dir; the workflow's check and upload steps read public/ all the same.
    folder = tmp_path / "archive"
    run("init", str(folder))
    config = folder / "site.yaml"
    config.write_text(config.read_text().replace("# output_dir: public", "output_dir: docs"))
    steps = yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())["jobs"]["build"]["steps"]
    monkeypatch.chdir(folder)  # as CI runs them, in the repository's root
    for command in [s["run"] for s in steps if s.get("run", "").startswith("ssg ")]:
        command = command.replace("${{ steps.pages.outputs.base_url }}", "https://user.github.io/archive")
        result = run(*shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.output)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert (folder / upload["with"]["path"] / "index.html").is_file()


def test_workflow_keeps_the_cache_the_build_makes(tmp_path, monkeypatch):
    """Each run of the workflow built from a fresh clone with no cache: at 10,000 articles 33 s of CPU, where a build
    with the last run's cache takes 15 s. The cache step keeps site.yaml's cache_dir as written there (`~/` is the
    runner's home, not this computer's), which `ssg workflow` reads, and the workflow's own build fills it."""
    folder = tmp_path / "archive"
    run("init", str(folder))
    config = folder / "site.yaml"
    config.write_text(config.read_text() + "cache_dir: build/ssg cache\n")
    (folder / ".github/workflows/pages.yml").unlink()
    monkeypatch.chdir(folder)
    assert run("workflow").exit_code == 0
    steps = yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())["jobs"]["build"]["steps"]
    cache = next(s["with"] for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["path"] == "build/ssg cache"
    build = next(s["run"] for s in steps if s.get("run", "").startswith("ssg build"))
    result = run(*shlex.split(build.replace("${{ steps.pages.outputs.base_url }}", "https://user.github.io/archive"))[1:])
    assert result.exit_code == 0, result.output
    assert (folder / cache["path"] / "cache.sqlite").is_file()
    for written, path in [
        ("cache_dir: ~/ssg cache\ntimezone: Mars/Base\n", "~/ssg cache"),  # (another option wrong: the path all the same)
        ("title: [broken\n", ".ssg-cache"),  # (no YAML: the default, and the build in CI says why)
    ]:
        config.write_text(written)
        (folder / ".github/workflows/pages.yml").unlink()
        assert run("workflow").exit_code == 0
        steps = yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())["jobs"]["build"]["steps"]
        assert next(s["with"] for s in steps if s.get("uses", "").startswith("actions/cache@"))["path"] == path


def test_workflow_installs_ssg_from_where_it_came_from(tmp_path, monkeypatch):
    class Installed:
        def __init__(self, direct_url: str | None):
            self.direct_url = direct_url

        def read_text(self, name: str) -> str | None:
            return self.direct_url

    git = '{"url": "https://github.com/u/ssg.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}'
    for direct_url, expected in [
        (git, "ssg @ git+https://github.com/u/ssg.git@abc123"),
        # Over ssh: CI has no key; the same repository over https (found by a new user's trial).
        (git.replace("https://", "ssh://git@"), "ssg @ git+https://github.com/u/ssg.git@abc123"),
        # A fork that keeps ssg in a subfolder: pip's `subdirectory`, which CI's pip needs to find the project.
        (git[:-1] + ', "subdirectory": "pkg"}', "ssg @ git+https://github.com/u/ssg.git@abc123#subdirectory=pkg"),
        # A local checkout or a wheel: nothing CI can reach, and "ssg" on PyPI is another project.
        ('{"url": "file:///home/u/ssg", "dir_info": {"editable": true}}', None),
        (None, None),
    ]:
        monkeypatch.setattr(importlib.metadata, "distribution", lambda name, d=direct_url: Installed(d))  # (workflow imports it there)
        assert install_requirement() == expected
    # What `ssg init` writes into the workflow, from a fork's subfolder (a trial: `#subdirectory=` was dropped).
    fork = git[:-1] + ', "subdirectory": "pkg"}'
    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Installed(fork))
    assert run("init", str(tmp_path / "archive")).exit_code == 0
    written = yaml.safe_load((tmp_path / "archive/.github/workflows/pages.yml").read_text())["env"]["SSG_REQUIREMENT"]
    assert written == "ssg @ git+https://github.com/u/ssg.git@abc123#subdirectory=pkg"


def test_init_and_workflow_warn_of_another_workflow_that_publishes_to_github_pages(tmp_path, monkeypatch):
    """A Hugo site's hugo.yml (actions/deploy-pages) stayed beside ssg's pages.yml without a word: both ran on every
    push, and the last to finish published, the old site maybe (a trial). A workflow that publishes nothing is no one's."""
    folder = tmp_path / "hugo-site"
    (folder / ".github/workflows").mkdir(parents=True)
    (folder / ".github/workflows/hugo.yml").write_text("jobs:\n  deploy:\n    steps:\n      - uses: actions/deploy-pages@v4\n")
    (folder / ".github/workflows/test.yaml").write_text("jobs:\n  test:\n    steps:\n      - run: make test\n")
    told = (
        "warning: .github/workflows/hugo.yml publishes to GitHub Pages too: both would run on every push, and the last to "
        "finish wins (the old site's, maybe); delete it to publish with .github/workflows/pages.yml"
    )
    result = run("init", str(folder))
    assert result.exit_code == 0 and told in result.output and "test.yaml" not in result.output
    (folder / ".github/workflows/pages.yml").unlink()
    monkeypatch.chdir(folder)
    assert told in run("workflow").output


def test_init_keeps_an_existing_workflow(tmp_path):
    folder = tmp_path / "archive"
    (folder / ".github/workflows").mkdir(parents=True)
    (folder / ".github/workflows/pages.yml").write_text("mine\n")
    assert run("init", str(folder)).exit_code == 0
    assert (folder / ".github/workflows/pages.yml").read_text() == "mine\n"


def test_init_in_a_folder_with_articles_adds_what_it_lacks_and_changes_none_of_them(tmp_path):
    """A Hugo site's folder (content/, config.toml): `ssg init .` was refused as "already holds an archive"."""
    folder = tmp_path / "hugo-site"
    (folder / "content/post").mkdir(parents=True)
    (folder / "content/post/a.md").write_text("---\ntitle: A\ndate: 2021-05-24\n---\nText.\n")
    (folder / "config.toml").write_text('baseURL = "https://example.org/"\n')
    result = run("init", str(folder))
    assert result.exit_code == 0, result.output
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == [".github/workflows/pages.yml", ".gitignore", "config.toml", "content/post/a.md", "site.yaml"]
    assert (folder / "content/post/a.md").read_text() == "---\ntitle: A\ndate: 2021-05-24\n---\nText.\n"
    assert run("-C", str(folder), "build").exit_code == 0
    assert run("init", str(folder)).exit_code == 1  # (site.yaml there: never overwritten)


def test_init_in_a_jekyll_sites_folder_says_where_its_posts_must_go(tmp_path):
    """`ssg init` in a Jekyll site's folder made content/ with one sample article; build and check were content with it,
    and the archive's 40 posts in _posts/ were left out without a word."""
    folder = tmp_path / "blog"
    (folder / "_posts").mkdir(parents=True)
    (folder / "_posts/2021-05-24-a.md").write_text("---\ntitle: A\n---\nText.\n")
    told = "_posts/: Jekyll's articles, not read: ssg reads articles from content/ (move _posts/ into content/)"
    result = CliRunner().invoke(main, ["init", str(folder)])
    assert result.exit_code == 0 and f"warning: {told}" in result.output
    result = run("-C", str(folder), "build")
    assert result.exit_code == 0 and told in result.output
    (folder / "_posts").rename(folder / "content/_posts")
    result = run("-C", str(folder), "build")
    assert result.exit_code == 0 and "0 warnings" in result.output and (folder / "public/2021/05/24/a/index.html").is_file()


def test_init_of_the_current_folder_says_the_next_step_without_cd(tmp_path, monkeypatch):
    """And that base_url is to be set: ssg init's https://example.org/ was published without a word, in every canonical
    link, feed and the sitemap (a search engines' trial); not for a moved archive, whose own address it took."""
    monkeypatch.chdir(tmp_path)
    *_, before, last = run("init", ".").output.splitlines()
    assert last == "Next: ssg build" and before.startswith("Before publishing: set base_url in site.yaml to the site's address")
    (tmp_path / "hugo").mkdir()
    (tmp_path / "hugo/hugo.toml").write_text('baseURL = "https://news.example.com/"\n')
    assert "set base_url" not in run("init", "hugo").output


def front_of(text: str) -> dict:
    """An article's front matter as ssg reads it (dates as their text), once its date is seen written bare as the example
    article has it: `ssg new` wrote `date: '2026-12-06T19:50:00+03:00'`, quoted."""
    front = text.split("---")[1]
    assert not re.search(r"^date: ['\"]", front, re.MULTILINE), front
    return load_yaml_with_lines(front)[0]


def test_new_writes_front_matter_and_never_overwrites(project):
    args = [
        "-C",
        str(project.root),
        "new",
        "Роскосмос и NASA",
        "--lang",
        "ru",
        "--tag",
        "Roscosmos",
        "--tag",
        "NASA",
        "--source-name",
        "TASS",
        "--source-url",
        "https://tass.ru/1",
    ]
    result = run(*args)
    assert result.exit_code == 0
    path = Path.cwd() / result.output.strip()  # printed relative to where the user is
    text = path.read_text(encoding="utf-8")
    assert "/roskosmos-i-nasa.md" in str(path)
    front = front_of(text)
    assert front["title"] == "Роскосмос и NASA" and front["lang"] == "ru" and front["tags"] == ["Roscosmos", "NASA"]
    assert front["source"] == {"name": "TASS", "url": "https://tass.ru/1"} and front["date"].endswith("+03:00")
    again = run(*args)
    # (from the archive, as every message names its files; the path printed is from where the command was started)
    assert again.exit_code == 1 and "error: content/2026/roskosmos-i-nasa.md: already exists" in again.output
    assert path.read_text(encoding="utf-8") == text
    assert run("-C", str(project.root), "build", "--future").exit_code == 0


def test_new_parts_tags_by_commas_as_front_matter_does(project):
    """`--tag "Роскосмос, МКС"` made one tag named so, where `tags: Роскосмос, МКС` in front matter is two (a new
    user's trial): names are parted by commas in both."""
    result = run("-C", str(project.root), "new", "Стыковка", "--date", "2023-01-01", "--tag", "Роскосмос, МКС", "--tag", " NASA ,")
    assert result.exit_code == 0, result.output
    assert front_of((Path.cwd() / result.output.strip()).read_text(encoding="utf-8"))["tags"] == ["Роскосмос", "МКС", "NASA"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--lang", "Russian", "Invalid value for '--lang': 'Russian' is not a language code (write ru)"),
        ("--lang", "", "Invalid value for '--lang': is empty (use a language code: en, ru, ...)"),
        (
            "--source-url",
            "ftp://x",
            "Invalid value for '--source-url': 'ftp://x' is not an absolute http(s) URL (e.g. https://www.interfax.ru/...)",
        ),
        ("--source-url", "www.interfax.ru/1", "Invalid value for '--source-url': 'www.interfax.ru/1' is not an absolute http(s) URL"),
        (
            "--date",
            "01.07.2019",
            "Invalid value for '--date': '01.07.2019' is not an ISO 8601 date (write --date 2019-07-01 if it is 1 July, or --date 2019-01-07 if it is 7 January)",
        ),
        ("--date", "2019-02-30", "Invalid value for '--date': '2019-02-30' is not a date: February 2019 has 28 days"),
        (
            "--date",
            "на днях",
            "Invalid value for '--date': 'на днях' is not a date (use 2021-05-24 or 2021-05-24T10:15:00+03:00)",  # (as date: says)
        ),
        (
            "--date",
            "9 июля 09:51",  # (as a news site's latest list dates an item)
            "Invalid value for '--date': '9 июля 09:51' has no year (write --date YYYY-07-09T09:51:00, the article's year for YYYY;",
        ),
    ],
)
def test_new_refuses_what_check_would_reject_and_writes_nothing(project, option, value, message):
    result = run("-C", str(project.root), "new", "T1", option, value)
    assert result.exit_code == 2 and message in result.output
    assert not any((project.root / "content").iterdir())  # nothing written


def test_new_files_a_clipping_of_past_news_under_its_year_and_may_start_it_as_a_draft(project):
    """Archiving a 2019 clipping meant editing `date:` and moving the file from content/2026/ by hand."""

    def new(*args: str) -> tuple[Path, dict]:
        result = run("-C", str(project.root), "new", *args)
        assert result.exit_code == 0, result.output
        path = (Path.cwd() / result.output.strip()).resolve()
        return path.relative_to(project.root), front_of(path.read_text(encoding="utf-8"))

    day, front = new("Old news", "--date", "2019-07-16")
    assert str(day) == "content/2019/old-news.md" and front["date"] == "2019-07-16" and "draft" not in front
    timed, front = new("Older news", "--date", "2018-01-05T10:30", "--draft")
    assert str(timed) == "content/2018/older-news.md" and front["draft"] is True
    assert front["date"] == "2018-01-05T10:30:00+03:00"  # the site's time zone, Europe/Moscow
    result = run("-C", str(project.root), "build")
    assert result.exit_code == 0 and "1 draft left out" in result.output
    assert (project.root / "public/2019/07/16/old-news/index.html").is_file()
    assert not (project.root / "public/2018").exists()
    translation = run("-C", str(project.root), "new", "Старые новости", "--translation-of", str(day), "--date", "2020-01-01")
    assert translation.exit_code == 2 and "takes the original's date, tags and source" in translation.output


def test_new_writes_a_date_before_standard_time_as_the_build_reads_it(project):
    """Moscow's offset before 1919 has seconds (+02:30:17), which YAML's timestamp has no room for: written as one, the
    next ssg build stopped in PyYAML's traceback (found in a second reading). Nor have RFC 3339 and HTML: a date
    trial found `+03:31:19` in a 1917 clipping's page, feed and sitemap. The offset is kept to the minute, as
    written by `ssg new`, read from the site's time zone, or written with its seconds in an older file."""
    result = run("-C", str(project.root), "new", "Bloody Sunday", "--date", "1905-01-22T10:00")
    assert result.exit_code == 0, result.output
    assert "date: 1905-01-22T10:00:00+02:30\n" in (Path.cwd() / result.output.strip()).read_text(encoding="utf-8")
    project.write(
        {
            "content/1917/revolution.md": article("Revolution", "1917-11-07T10:00:00", updated="1917-11-08T10:00:00Z"),
            "content/1905/older.md": article("Written by an older ssg", "1905-01-23T10:00:00+02:30:17"),
        }
    )
    built = run("-C", str(project.root), "build")
    assert built.exit_code == 0, built.output
    assert '<time datetime="1905-01-22T10:00:00+02:30">' in project.page("1905/01/22/bloody-sunday/")
    assert '<time datetime="1905-01-23T10:00:00+02:30">' in project.page("1905/01/23/older/")
    revolution = project.page("1917/11/07/revolution/")
    assert '<time datetime="1917-11-07T10:00:00+03:31">' in revolution and '"dateModified": "1917-11-08T13:31:19+03:31"' in revolution
    with_seconds = re.compile(r"[+-]\d\d:\d\d:\d\d\b")
    for path in project.root.joinpath("public").rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".js") and path.is_file():
            assert not with_seconds.search(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("5 марта 2019, 14:30", "2019-03-05T14:30:00+03:00"),  # the site's time zone, Europe/Moscow
        ("2019-03-05 14:30 MSK", "2019-03-05T14:30:00+03:00"),
        ("Tue, 05 Mar 2019 14:30:00 +0200", "2019-03-05T14:30:00+02:00"),  # the outlet's offset, kept
        ("Вт, 5 мар 2019 14:30:00 +0300", "2019-03-05T14:30:00+03:00"),
        ("5 March 2019", "2019-03-05"),
        ("2019-03-05, 14:30", "2019-03-05T14:30:00+03:00"),
        ("16.07.2019", "2019-07-16"),  # day first: no other reading
        ("16.07.2019 10:30 +3", "2019-07-16T10:30:00+03:00"),  # an offset in hours alone
    ],
)
def test_new_takes_a_date_as_journalists_write_it_and_writes_it_as_iso(project, written, date):
    """A clipping's date is copied from the outlet's page: `--date "5 марта 2019, 14:30"` was refused."""
    result = run("-C", str(project.root), "new", "Old news", "--date", written)
    assert result.exit_code == 0, result.output
    path = Path.cwd() / result.output.strip()
    assert path.parent.name == "2019"
    assert front_of(path.read_text(encoding="utf-8"))["date"] == date


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2013-07-16 10:30 MSK", "2013-07-16T10:30:00+04:00"),  # Moscow's time was UTC+4 from 2011 to 2014
        ("16 июля 2013, 10:30 по московскому времени", "2013-07-16T10:30:00+04:00"),
        ("16 января 2016, 10:30 мск", "2016-01-16T10:30:00+03:00"),
        ("Jul 16, 2019 10:30 AM ET", "2019-07-16T10:30:00-04:00"),  # Eastern Time in summer: EDT
        ("Jan 16, 2019 10:30 AM ET", "2019-01-16T10:30:00-05:00"),
        ("Jul 16, 2019 10:30 AM PT", "2019-07-16T10:30:00-07:00"),
        ("Jul 16, 2019 10:30 AM EST", "2019-07-16T10:30:00-05:00"),  # (a name of one offset: that one)
    ],
)
def test_a_zone_named_after_the_time_is_that_zones_time_on_that_day(project, written, date):
    """A date trial: `MSK` was +03:00 in 2013 (when Moscow kept UTC+4), `ET` -05:00 in July: an hour off, in what `ssg
    new` wrote and what a build's error said to write."""
    result = run("-C", str(project.root), "new", "Old news", "--date", written)
    assert result.exit_code == 0, result.output
    assert front_of((Path.cwd() / result.output.strip()).read_text(encoding="utf-8"))["date"] == date
    project.write({f"content/{date[:4]}/pasted.md": article("Pasted", f"'{written}'")})
    failed = run("-C", str(project.root), "build")
    assert failed.exit_code == 1 and f"(write date: {date})" in failed.output, failed.output


def test_a_time_the_site_zones_clocks_skipped_or_showed_twice_warns(project):
    """A date trial: a time with no offset that Moscow's clocks never showed (the night they moved on, 2010) or
    showed twice (the night they went back) was read by the offset before the change, without a word."""
    project.write(
        {
            "content/2010/skipped.md": article("Skipped", "2010-03-28T02:30:00"),
            "content/2010/twice.md": article("Twice", "2010-10-31 02:30"),
            "content/2010/zoned.md": article("Zoned", "2010-10-31T02:30:00+03:00"),  # (the offset says which)
            "content/2010/fine.md": article("Fine", "2010-10-31T04:30:00"),
        }
    )
    result = run("-C", str(project.root), "build")
    assert result.exit_code == 0
    warnings = sorted(line.removeprefix("warning: ") for line in result.output.splitlines() if line.startswith("warning: "))
    assert warnings == [
        "content/2010/skipped.md:3: date: 2010-03-28 02:30 is a time Europe/Moscow's clocks never showed (they moved on then): it "
        "is read as 2010-03-28T02:30:00+03:00, which they showed as 2010-03-28 03:30; write the offset the outlet meant",
        "content/2010/twice.md:3: date: 2010-10-31 02:30 is a time Europe/Moscow's clocks showed twice (they went back then): it "
        "is read as the first, 2010-10-31T02:30:00+04:00; write 2010-10-31T02:30:00+03:00 for the second",
    ]
    new = run("-C", str(project.root), "new", "Again", "--date", "28 марта 2010, 02:30")
    assert new.exit_code == 0 and "warning: --date 2010-03-28 02:30 is a time Europe/Moscow's clocks never showed" in new.output
    # A day alone is that day, though its clocks started at 01:00 (Cairo's, the night they moved on: a second reading).
    assert local_time_doubt("2024-04-26", "Africa/Cairo") is None and local_time_doubt("2024-04-26T00:30", "Africa/Cairo")


@pytest.mark.parametrize(
    ("written", "days_back", "clock"),
    [
        ("вчера в 18:30", 1, "T18:30:00+03:00"),
        ("Today 09:15", 0, "T09:15:00+03:00"),
        ("позавчера", 2, ""),
        # (ahead, as an editor schedules an article: "not a date" before, where the past forms were read)
        ("завтра в 10:00", -1, "T10:00:00+03:00"),
        ("tomorrow 10:00", -1, "T10:00:00+03:00"),
        ("послезавтра", -2, ""),
    ],
)
def test_new_takes_a_date_relative_to_now_and_writes_the_day_it_is(project, written, days_back, clock):
    """A date copied from an outlet's latest news (`вчера в 18:30`) is relative to now, which `ssg new` knows: it writes
    the exact date (a build refuses one in front matter, `tests/invalid_sites/relative-date`). The day is the site's
    (Europe/Moscow); a run across its midnight may see either day."""
    moscow = ZoneInfo("Europe/Moscow")
    before = datetime.now(moscow).date()
    result = run("-C", str(project.root), "new", "Crew lands", "--date", written)
    after = datetime.now(moscow).date()
    assert result.exit_code == 0, result.output
    path = Path.cwd() / result.output.strip()
    written_date = str(front_of(path.read_text(encoding="utf-8"))["date"])
    assert written_date in {f"{day - timedelta(days=days_back)}{clock}" for day in (before, after)}
    assert path.parent.name == written_date[:4]


def test_new_given_a_file_name_writes_that_file(project, monkeypatch):
    """`ssg new content/2019/foo.md` (Hugo's habit) wrote content/2026/content-2019-foo-md.md titled "content/2019/foo.md"."""
    monkeypatch.chdir(project.root)

    def new(*args: str) -> tuple[str, dict]:
        result = run("new", *args)
        assert result.exit_code == 0, result.output
        written = result.output.strip()
        return written, front_of(Path(written).read_text(encoding="utf-8"))

    path, front = new("content/2019/soyuz-ms-12-lands.md", "--date", "5 марта 2019, 14:30")
    assert path == "content/2019/soyuz-ms-12-lands.md"
    assert front["title"] == "Soyuz ms 12 lands" and front["date"] == "2019-03-05T14:30:00+03:00"
    # From content/ (as Hugo names it), the name's date, the name's language, --title.
    path, front = new("2019/2019-03-06-progress.md")
    assert path == "content/2019/2019-03-06-progress.md" and (front["title"], front["date"]) == ("Progress", "2019-03-06")
    path, front = new("content/2019/2019-03-07-progress.ru.md", "--title", "«Прогресс» пристыковался")
    assert front["lang"] == "ru" and front["title"] == "«Прогресс» пристыковался"
    this_year = str(datetime.now(ZoneInfo("Europe/Moscow")).year)
    path, front = new(f"content/{this_year}/launch.md")
    assert front["date"].startswith(this_year)
    # Never over a file; never outside content/; a folder of another year wants the date.
    for args, message in (
        (["content/2019/soyuz-ms-12-lands.md", "--date", "2019-03-05"], "content/2019/soyuz-ms-12-lands.md: already exists"),
        (["../outside.md"], "../outside.md: is not under content/"),
        (
            # (a date trial: the outlet's own day, 2024-12-31, is the one the build reads, not Moscow's 2025-01-01)
            ["content/2025/2025-01-01-new-york.md", "--date", "2024-12-31T23:30:00-05:00"],
            "'2024-12-31T23:30:00-05:00' disagrees with content/2025/2025-01-01-new-york.md: the file name says 2025-01-01 and its folder 2025",
        ),
        (["content/2018/undated.md"], "content/2018/undated.md is in 2018's folder: pass its date, e.g. --date 2018-07-16"),
        (["content/2019/x.md", "--slug", "y"], "content/2019/x.md names the file to write"),
        (["A title", "--title", "Another"], "--title goes with a file name for TITLE"),
    ):
        result = run("new", *args)
        assert result.exit_code in (1, 2) and message in result.output, result.output
    assert not (project.root / "outside.md").exists() and not (project.root / "content/2018").exists()
    assert run("build").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["content/2019/baz.md", "--date", "2020-01-01"],
            "'2020-01-01' disagrees with content/2019/baz.md: the file is in the folder of 2019 "
            "(pass a date of 2019, or name a file that agrees with the date)",
        ),
        (
            ["content/2019/2019-03-05-baz.md", "--date", "5 марта 2020"],
            "'5 марта 2020' disagrees with content/2019/2019-03-05-baz.md: the file name says 2019-03-05 and its folder 2019 "
            "(leave --date out to take the date its name says",
        ),
        (
            ["content/2018/2019-03-05-baz.md"],
            "content/2018/2019-03-05-baz.md: its name's date 2019-03-05 disagrees with its file: the file is in the folder of 2018 "
            "(name a file in the folder of 2019, or one whose name has a date of 2018)",
        ),
        (
            # (a date trial: the outlet's own day, 2024-12-31, is the one the build reads, not Moscow's 2025-01-01)
            ["content/2025/2025-01-01-new-york.md", "--date", "2024-12-31T23:30:00-05:00"],
            "'2024-12-31T23:30:00-05:00' disagrees with content/2025/2025-01-01-new-york.md: the file name says 2025-01-01 and its folder 2025",
        ),
        (["content/2018/undated.md"], "content/2018/undated.md is in 2018's folder: pass its date, e.g. --date 2018-07-16"),
        (["content/2019/2019-02-30-baz.md"], "its name's 2019-02-30 is not a date: February 2019 has 28 days (rename it, or pass --date)"),
    ],
)
def test_new_refuses_a_file_whose_date_disagrees_with_its_path_with_or_without_date(project, monkeypatch, args, message):
    """`ssg new content/2019/baz.md --date 2020-01-01` wrote a file the next build warned of (`the file is in the folder
    of 2019`): the path was compared with the date only without --date."""
    monkeypatch.chdir(project.root)
    result = run("new", *args)
    assert result.exit_code == 2 and message in " ".join(result.output.split()), result.output
    assert not any((project.root / "content").iterdir())


def test_new_writes_a_file_whose_date_agrees_with_its_path_and_the_build_says_nothing_of_it(project, monkeypatch):
    monkeypatch.chdir(project.root)
    for args in (
        ["content/2020/new-year.md", "--date", "2019-12-31T23:30:00Z"],  # (2020 in Moscow, as the build reads it)
        ["content/2024/2024-12-31-new-york.md", "--date", "2024-12-31T23:30:00-05:00"],  # (the outlet's day)
        ["content/2019/2019-03-05-baz.md", "--date", "2019-03-05T10:00"],
        ["content/2019/2019-03-06-qux.md"],
    ):
        assert run("new", *args).exit_code == 0
    result = run("build")
    assert result.exit_code == 0 and "disagrees" not in result.output, result.output


def test_new_given_a_file_under_pages_writes_a_page(project, monkeypatch):
    """`ssg new content/pages/x.md` wrote an article's date, tags and image into a file the build reads as a page."""
    monkeypatch.chdir(project.root)
    result = run("new", "content/pages/contacts.md", "--menu", "2")
    assert result.exit_code == 0, result.output
    text = Path(result.output.strip()).read_text(encoding="utf-8")
    assert front_of(text) == {"title": "Contacts", "menu": 2} and "image" not in text
    assert run("new", "content/pages/about.md", "--page", "--title", "About us").exit_code == 0
    for args, message in (
        (["content/pages/x.md", "--date", "2019-01-01"], "content/pages/x.md is a standalone page (it is under content/pages/)"),
        (["content/pages/x.md", "--tag", "Moon"], "which has no date, tags or source"),
        (["content/2019/x.md", "--page"], "--page and --menu start a standalone page, which goes under content/pages/"),
    ):
        result = run("new", *args)
        assert result.exit_code == 2 and message in " ".join(result.output.split()), result.output
    assert sorted(p.name for p in (project.root / "content/pages").iterdir()) == ["about.md", "contacts.md"]
    project.write({"content/a.md": article("A", "2021-01-01")})
    result = run("build")
    assert result.exit_code == 0 and (project.public / "contacts/index.html").is_file(), result.output


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            "content/2019/foo.txt",
            "content/2019/foo.txt: ends in .txt, and ssg reads articles from .md, .markdown, .mdown, .mkd, .mkdn, .mdwn files only",
        ),
        ("foo.html", "foo.html: ends in .html, and ssg reads articles from .md, .markdown, .mdown, .mkd, .mkdn, .mdwn files only"),
        (
            "content/2019/foo",
            "content/2019/foo: has no suffix, and ssg reads articles from .md, .markdown, .mdown, .mkd, .mkdn, .mdwn files only",
        ),
    ],
)
def test_new_refuses_a_file_ssg_would_not_read(project, monkeypatch, given, message):
    """`ssg new content/2019/foo.txt` wrote content/2019/content-2019-foo-txt.md titled "content/2019/foo.txt". The
    file named is the argument refused: a usage error (exit 2), as a bad --date is (it exited 1)."""
    monkeypatch.chdir(project.root)
    result = run("new", given, "--date", "2019-01-01")
    assert result.exit_code == 2 and message in result.output, result.output
    assert not any((project.root / "content").iterdir())


@pytest.mark.parametrize(
    ("argument", "is_file"),
    [
        ("content/2019/foo.md", True),
        ("2019/foo", True),
        ("foo.markdown", True),
        ("notes.TXT", True),
        ("Tass.com", False),  # (a one-word title)
        ("Soyuz MS-21 docks/undocks", False),  # (a title: it has spaces)
        ("Roscosmos", False),
    ],
)
def test_an_argument_with_a_slash_or_a_files_suffix_and_no_space_names_a_file(argument, is_file):
    assert names_a_file(argument) is is_file


def test_new_with_a_headline_longer_than_a_file_name_cuts_the_slug_at_a_word(project):
    """A long headline (transliterated, longer still) was a file name over 255 bytes: a traceback."""
    title = "Роскосмос и CNSA договорились о совместной лунной станции и о сотрудничестве в пилотируемых полётах " * 4
    result = run("-C", str(project.root), "new", title)
    assert result.exit_code == 0, result.output
    name = Path(result.output.strip()).name
    assert len(name) <= 203 and name.startswith("roskosmos-i-cnsa-dogovorilis-")
    assert run("-C", str(project.root), "build", "--future").exit_code == 0
    result = run("-C", str(project.root), "new", "T", "--slug", "a" * 201)
    assert (
        result.exit_code == 2 and "Invalid value for '--slug': 'aaaa" in result.output and "(use at most 200 characters)" in result.output
    )
    assert len(list((project.root / "content").rglob("*.md"))) == 1


@pytest.mark.parametrize("title", ["", "   ", "\u200f", "\u0301\ufe0f"])
def test_new_refuses_an_empty_title_and_writes_nothing(project, title):
    """`ssg new "" --slug x` (what the empty-file-name message advised) wrote `title: ''`, which the next build rejects;
    so did a title of a direction mark or a combining accent alone, which shows as nothing."""
    for args in ([title], [title, "--slug", "x"]):
        result = run("-C", str(project.root), "new", *args)
        assert (
            result.exit_code == 2
            and "Invalid value for 'TITLE': is empty (e.g. ssg new \"Soyuz MS-21 docks with Prichal\")" in result.output
        )
    assert not any((project.root / "content").iterdir())


def test_new_writes_a_pasted_title_as_readers_see_it(project):
    """A headline copied from a news site brings its soft hyphens (hyphenation hints), no-break and zero-width spaces:
    `ssg new` wrote them into the file, where no editor shows them; and one of them alone was taken for a title."""
    pasted = "\u00a0Космо\u00adдром  Восточный\u200b готов к\u00a0запуску "
    result = run("-C", str(project.root), "new", pasted)
    assert result.exit_code == 0, result.output
    path = Path.cwd() / result.output.strip()
    assert path.name == "kosmodrom-vostochny-gotov-k-zapusku.md"
    assert front_of(path.read_text(encoding="utf-8"))["title"] == "Космодром Восточный готов к запуску"
    named = run("-C", str(project.root), "new", "2019/vostochny.md", "--date", "2019-03-05", "--title", "Восточ\u00adный  готов")
    assert named.exit_code == 0, named.output
    written = (project.root / "content/2019/vostochny.md").read_text(encoding="utf-8")
    assert front_of(written)["title"] == "Восточный готов"
    blank = run("-C", str(project.root), "new", "\u200b\u00ad", "--slug", "x")
    assert blank.exit_code == 2 and "Invalid value for 'TITLE': is empty" in blank.output


def test_new_names_a_source_given_only_by_its_url_after_the_host(project):
    result = run("-C", str(project.root), "new", "T2", "--lang", "pt-BR", "--source-url", "https://www.interfax.ru/russia/1")
    assert result.exit_code == 0, result.output
    front = front_of((Path.cwd() / result.output.strip()).read_text(encoding="utf-8"))
    assert front["lang"] == "pt-BR" and front["source"] == {"name": "interfax.ru", "url": "https://www.interfax.ru/russia/1"}
    assert run("-C", str(project.root), "check", "--future").exit_code == 0


def test_new_writes_a_source_url_as_typed_and_the_build_encodes_it(project):
    """`ssg new --source-url https://tass.ru/космос/запуск` wrote the percent-encoded URL into the new file (each letter
    six unreadable characters); the file keeps it as typed, and pages carry it encoded, as a browser sends it."""
    url = "https://tass.ru/космос/запуск"
    result = run("-C", str(project.root), "new", "Запуск", "--lang", "ru", "--source-url", url)
    assert result.exit_code == 0, result.output
    front = front_of((Path.cwd() / result.output.strip()).read_text(encoding="utf-8"))
    assert front["source"] == {"name": "tass.ru", "url": url}
    assert run("-C", str(project.root), "build", "--future").exit_code == 0
    (page,) = (project.public).glob("20*/*/*/zapusk/index.html")
    assert 'href="https://tass.ru/%D0%BA%D0%BE%D1%81%D0%BC%D0%BE%D1%81/%D0%B7%D0%B0%D0%BF%D1%83%D1%81%D0%BA"' in page.read_text(
        encoding="utf-8"
    )


def test_errors_exit_1_with_every_problem(project):
    project.write({"content/a.md": "---\ntitle: A\ndate: nope\n---\n", "content/b.md": "no front matter\n"})
    result = run("-C", str(project.root), "build")
    assert result.exit_code == 1
    assert "error: content/a.md:3: date: 'nope' is not a date" in result.output
    assert "error: content/b.md:1: no front matter" in result.output
    assert "Build failed: 2 problems." in result.output
    assert not (project.root / "public").exists()


def test_a_long_list_of_problems_ends_with_those_many_files_share(project):
    """A converter that wrote lang: uk into 4,009 files of an import gave 9,416 lines: each file is still listed, and the
    list ends with what most files share, what to fix first. A short list, or one without shared problems, has none."""
    files = {f"content/2020/uk-{n:02}.md": article(f"Story {n}", "2020-01-01", draft="maybe") for n in range(20)}
    files |= {f"content/2020/day-{n}.md": f"---\ntitle: Day {n}\ndate: 2020-02-3{n}\n---\nText.\n" for n in range(2, 5)}
    project.write(files)
    result = run("-C", str(project.root), "build")
    assert result.exit_code == 1
    assert result.output.count("draft: ") >= 20  # (every file's line)
    tail = result.output[result.output.index("Build failed: 23 problems.") :].splitlines()
    assert tail[1] == "Of these 23 problems, the most common:"
    assert tail[2] == "  in 20 files: draft: 'maybe' is not true or false (write draft: true or draft: false)"
    # (the three impossible dates, each its own message, are one thing to fix, shown by the first)
    assert tail[3] == "  in 3 files, as in content/2020/day-2.md: date: '2020-02-32' is not a date: a month has at most 31 days"
    assert len(tail) == 4
    project.write({f"content/2020/uk-{n:02}.md": article(f"Story {n}", "2020-01-01") for n in range(3, 20)})
    assert "most common" not in run("-C", str(project.root), "build").output


def test_dates_an_import_wrote_day_first_are_one_problem_in_the_tally(project):
    """Clippings imported with `date: 24.02.2024`: each file's message names its own date and the fix, and the tally of
    the most common ended with five lines "in 3 files" of one date each, not the one thing to fix in all 22 files."""
    project.write({f"content/2024/a{n:02}.md": f"---\ntitle: A{n}\ndate: 24.0{n % 9 + 1}.2024\n---\nText.\n" for n in range(22)})
    result = run("-C", str(project.root), "check")
    tail = result.output[result.output.index("Check failed: 22 problems.") :].splitlines()
    assert tail[1:] == [
        "Of these 22 problems, the most common:",
        "  in 22 files, as in content/2024/a00.md: date: '24.01.2024' is not an ISO 8601 date (write date: 2024-01-24)",
    ]


def test_the_tally_keeps_apart_the_mistakes_its_messages_give_different_fixes_for():
    """Leaving out all a message gave in parentheses made one count of a misspelt image, a missing one and one in
    another folder (found in a second reading); each file's own path, value and number still make no kind of their own."""
    typo = "image 'a/x.jpg' not found (did you mean 'a/y.jpg'?)"
    missing = "image 'a/x.jpg' not found (put it at content/a/x.jpg or static/a/x.jpg, or fix the path)"
    elsewhere = "image 'a/x.jpg' not found (content/pictures/x.jpg has that name: write ./pictures/x.jpg)"
    assert len({_kind(typo), _kind(missing), _kind(elsewhere)}) == 3
    assert _kind(missing) == _kind(missing.replace("x.jpg", "290.JPG").replace("a/", "upload/iblock/"))
    assert _kind("date: '2021-05-32' is not a date") == _kind("date: '2021-04-31' is not a date")
    assert _kind("has 28 days (write 2019-02-28)") == _kind("has 30 days (write 2019-04-30)")


def test_problems_that_name_each_files_own_path_are_one_problem_in_the_tally(project):
    """An import whose lead images were on the old CMS's server (`image: /upload/iblock/290.JPG`, 371 files): each
    message names its own picture and where to put it, and the tally after 386 problems named 9 files of another
    mistake as the most common, not the one in 371 (found in a bulk importer's trial)."""
    files = {f"content/2021/a{n:02}.md": article(f"A {n}", "2021-05-24", image=f"/upload/iblock/{n}.JPG") for n in range(21)}
    files |= {f"content/2021/b{n}.md": f"---\ntitle: B\ndate: 2021-05-3{n}\n---\nText.\n" for n in range(2, 5)}
    files |= {f"content/2021/c{n:02}.md": article(f"'<b>Срочно</b>: {n}'", "2021-05-24") for n in range(20)}
    project.write(files)
    result = run("-C", str(project.root), "check")
    tail = result.output[result.output.index("Check failed: 24 problems.") :].splitlines()
    assert tail[1:] == [
        "Of these 24 problems, the most common:",
        "  in 21 files, as in content/2021/a00.md: image: image 'upload/iblock/0.JPG' not found (put it at"
        " content/upload/iblock/0.JPG or static/upload/iblock/0.JPG, or fix the path)",
        "  in 3 files, as in content/2021/b2.md: date: '2021-05-32' is not a date: a month has at most 31 days",
    ]
    # (warnings likewise: a CMS's <b> in 20 titles, each told the title to write in double quotes)
    assert "  in 20 files, as in content/2021/c00.md: title: holds HTML (<b>)" in result.output


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--base-url", "example.org"], "error: --base-url: 'example.org' is not an absolute http(s) URL (write https://example.org/)"),
        (
            ["--base-url", "example.org/archive/"],
            "'example.org/archive/' is not an absolute http(s) URL (write https://example.org/archive/)",
        ),
        (
            ["--base-url", "/archive/"],
            "'/archive/' is not an absolute http(s) URL (use https://example.org/ or https://user.github.io/archive/)",
        ),
        (["-o", "."], "error: -o/--output: {root} is the project folder or above it; use a folder of its own"),
        (["-o", "/"], "error: -o/--output: / is the project folder or above it"),
        (["--output", "content/x"], "error: -o/--output: {root}/content/x is inside content/, which holds your sources"),
        (["-o", ".ssg-cache"], "error: -o/--output: {root}/.ssg-cache is the build cache"),
        # (over the running preview: its pages lost the reload script, its drafts were removed)
        (["-o", ".ssg-cache/serve"], "error: -o/--output: {root}/.ssg-cache/serve is the preview's folder in the build cache, which ssg"),
        (["-o", ".ssg-cache/serve/x"], "error: -o/--output: {root}/.ssg-cache/serve/x is the preview's folder in the build cache"),
        (
            ["--base-url", "https://example.org/my archive/"],
            "holds a space or a control character (write it as 'https://example.org/my%20archive/')",
        ),
        # The address bar's address of the home page (a publisher's trial): every canonical link, feed and the 404 page's
        # links were under https://user.github.io/archive/index.html/.
        (
            ["--base-url", "https://user.github.io/archive/index.html"],
            "error: --base-url: 'https://user.github.io/archive/index.html' is the address of a page, not of the folder the"
            " site is in (write https://user.github.io/archive/)",
        ),
        # (and the other pages' names of an address bar: a second reading found index.shtml and default.aspx accepted)
        (
            ["--base-url", "https://example.org/news/default.aspx"],
            "error: --base-url: 'https://example.org/news/default.aspx' is the address of a page, not of the folder the"
            " site is in (write https://example.org/news/)",
        ),
        (
            ["--base-url", "https://example.org/index.shtml"],
            "error: --base-url: 'https://example.org/index.shtml' is the address of a page, not of the folder the site is in"
            " (write https://example.org/)",
        ),
    ],
)
def test_bad_build_flag_is_blamed_on_the_flag_not_site_yaml(project, monkeypatch, flags, message):
    monkeypatch.chdir(project.root)  # -o is relative to where the user is
    result = run("build", *flags)
    assert result.exit_code == 2 and message.format(root=project.root) in result.output  # a usage error, as the README says
    assert "site.yaml" not in result.output


def test_bad_site_yaml_values_are_still_blamed_on_site_yaml(project):
    project.write({"site.yaml": "title: T\nbase_url: example.org\noutput_dir: /\n"})
    result = run("-C", str(project.root), "build")
    assert "error: site.yaml:2: base_url: 'example.org' is not an absolute http(s) URL" in result.output
    result = run("-C", str(project.root), "build", "--base-url", "https://example.org/")  # the flag overrides the bad value
    assert result.exit_code == 1 and result.output.startswith("error: site.yaml:3: output_dir: / is the project folder or above it")


def test_warnings_are_listed_by_file_and_line(project):
    """They came phase by phase (a typo read, then a link checked), so a long list jumped from file to file."""
    project.write(
        {
            "content/a.md": article("A", "2021-01-01", "See [b](gone.md)."),
            "content/b.md": article("B", "2021-01-02", tittle="x"),
        }
    )
    result = run("-C", str(project.root), "build")
    assert [line.split(":")[1] for line in result.output.splitlines() if line.startswith("warning: ")] == [" content/a.md", " content/b.md"]


def test_check_writes_nothing(project):
    project.write({"content/a.md": article("A", "2021-01-01", tittle="x")})
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 0 and "did you mean 'title'?" in result.output
    assert not (project.root / "public").exists() and not (project.root / ".ssg-cache").exists()


def test_check_reads_through_the_cache_a_build_left(project, monkeypatch):
    """At 10,000 articles `ssg check` read every file again: 11.7 s, where a build after it took 1.1 s."""
    project.write({"content/a.md": article("A", "2021-01-01", tittle="x"), "content/b.md": article("B", "2021-01-02")})
    assert run("-C", str(project.root), "build").exit_code == 0
    read = []
    monkeypatch.setattr("ssg.load.read_article", lambda *args, **kwargs: read.append(args) or pytest.fail("read again"))
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 0 and "Checked site.yaml, 2 articles and" in result.output and "did you mean 'title'?" in result.output
    assert read == []


def test_console_script_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "ssg", "--version"], capture_output=True, text=True, check=True)
    assert __version__ in result.stdout


def test_failed_file_still_shows_its_typo_warning(project):
    project.write({"content/a.md": "---\ntittle: A\ndate: 2021-01-01\n---\n"})
    result = run("-C", str(project.root), "build")
    assert result.exit_code == 1
    assert "warning: content/a.md:2: tittle: unknown key, kept for templates; did you mean 'title'?" in result.output
    assert "error: content/a.md:4: title: is missing" in result.output


def test_check_reports_template_syntax_errors(project):
    project.write({"content/a.md": article("A", "2021-01-01"), "templates/tags.html": "{% if %}\n", "templates/extra.html": "ok\n{{ x }\n"})
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert "error: templates/extra.html:2: unexpected '}'" in result.output
    assert "error: templates/tags.html:1: Expected an expression, got 'end of statement block'" in result.output


def test_init_says_when_the_workflow_needs_its_requirement(tmp_path, monkeypatch):
    monkeypatch.setattr(workflow, "install_requirement", lambda: None)
    monkeypatch.setattr("ssg.cli.install_requirement", lambda: None)
    folder = tmp_path / "my archive"
    result = run("init", str(folder))
    assert result.exit_code == 0
    assert f"set SSG_REQUIREMENT in {os.path.relpath(folder / '.github/workflows/pages.yml')} to where" in result.output
    assert f"Next: cd '{folder}' && ssg build" in result.output
    env = yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())["env"]
    assert env == {"SSG_REQUIREMENT": ""}


def test_output_folder_that_cannot_be_made_is_one_line_not_a_traceback(project, tmp_path):
    project.write({"content/a.md": article("A", "2021-01-01")})
    (tmp_path / "file").write_text("x")
    result = run("-C", str(project.root), "build", "-o", str(tmp_path / "file/sub"))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"error: {tmp_path / 'file/sub'}: cannot create the output folder ({tmp_path / 'file'} is not a folder); "
        "build elsewhere (-o DIR or output_dir in site.yaml)",
        "Build failed: 1 problem.",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "site"]


def test_forced_build_names_every_file_it_will_not_replace(project):
    project.write({"content/a.md": article("A", "2021-01-01"), "public/robots.txt": "MINE", "public/tags/index.html": "MINE"})
    result = run("-C", str(project.root), "build", "--force")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert [e.split(": ")[1] for e in errors] == [str(project.root / "public/robots.txt"), str(project.root / "public/tags/index.html")]
    assert "Build failed: 2 problems." in result.output
    assert (project.root / "public/robots.txt").read_text() == "MINE"


def test_new_takes_only_the_sites_languages(project):
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text() + "languages: [en, ru]\n"})
    result = run("-C", str(project.root), "new", "Mond", "--lang", "de")
    assert result.exit_code == 2 and "'de' is not one of the site's languages (en, ru)" in result.output
    assert not any((project.root / "content").iterdir())  # nothing written
    assert run("-C", str(project.root), "new", "Луна", "--lang", "ru").exit_code == 0


def test_new_says_which_of_the_sites_languages_a_code_written_otherwise_is(project):
    """A preview trial: `ssg new --lang de-AT` on a site of de said only "'de-AT' is not one of the site's languages",
    where the build says to write de; the same words now, and a code no page may carry is never offered to add."""
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text() + "languages: [en, de]\n"})
    result = run("-C", str(project.root), "new", "Über die Raumfahrt", "--lang", "de-AT")
    assert result.exit_code == 2 and (
        "'de-AT' is not one of the site's languages (en, de): write --lang de (or add 'de-AT' to `languages:` in site.yaml)"
    ) in " ".join(result.output.split())
    refused = run("-C", str(project.root), "new", "Über die Raumfahrt", "--lang", "ger")
    assert refused.exit_code == 2 and "'ger' is not a language code (write de)" in refused.output
    assert not any((project.root / "content").iterdir())  # nothing written


def test_new_on_a_bilingual_site_takes_the_language_of_a_titles_alphabet(project):
    """`ssg new "Роскосмос сообщил о запуске"` on an en/ru site wrote no `lang:`, and the article was built as English."""
    site_yaml = project.root.joinpath("site.yaml").read_text()

    def front(*args: str) -> dict:
        result = run("-C", str(project.root), "new", *args)
        assert result.exit_code == 0, result.output
        return front_of((Path.cwd() / result.output.strip()).read_text(encoding="utf-8"))

    project.write({"site.yaml": site_yaml + "lang: en\nlanguages:\n  en: {}\n  ru: {title: Архив}\n"})
    assert front("Роскосмос сообщил о запуске")["lang"] == "ru"
    assert front("Роскосмос и CNSA договорились о лунной станции")["lang"] == "ru"  # (names in Latin letters too)
    assert front("Роскосмос: второй запуск", "--lang", "en")["lang"] == "en"  # --lang wins
    assert "lang" not in front("Roscosmos reports a launch")  # the site's language
    assert "lang" not in front("Interview: «Роскосмос» chief on the ISS")  # mostly Latin: the site's
    assert front("SpaceX запустила Starship")["lang"] == "ru"  # mostly Latin names, but a Russian verb
    assert front("Apple представила iPhone 17")["lang"] == "ru"
    # A Russian site's English title is English, as a Russian title on an English site is Russian (found by a new
    # user's trial: `lang:` was left out, and the article was built as Russian).
    project.write({"site.yaml": site_yaml + "lang: ru\nlanguages: [ru, en]\n"})
    assert front("NASA picks SpaceX for Artemis lander")["lang"] == "en"
    assert front("Interview: «Роскосмос» head on the ISS")["lang"] == "en"
    assert front("Роскосмос сообщил о пуске")["lang"] == "ru"
    assert "lang" not in front("SpaceX Starship")  # names alone tell no language: the site's
    assert front("Apple представила iPhone 18")["lang"] == "ru"
    # A site of one language, or of none written in Cyrillic, has nothing to choose.
    project.write({"site.yaml": site_yaml + "lang: en\n"})
    assert "lang" not in front("Роскосмос сообщил о стыковке")
    project.write({"site.yaml": site_yaml + "lang: en\nlanguages: [en, de]\n"})
    assert "lang" not in front("Роскосмос сообщил о посадке")
    # Two languages in Cyrillic and one other (a Kyiv editor's uk, ru, en): a Latin title is English, a Cyrillic one the
    # language whose own letters it has, else the site's (a trial: every one was Ukrainian, without a word).
    project.write({"site.yaml": site_yaml + "lang: uk\nlanguages: [uk, ru, en]\n"})
    assert front("NASA picks Blue Origin for a lander")["lang"] == "en"
    assert front("Роскосмос сообщил о запуске ракеты")["lang"] == "ru"
    assert front("Київ отримав новий супутник")["lang"] == "uk"
    assert "lang" not in front("Спутник над городом")  # (no letter of one alone: the site's)


def test_new_takes_the_language_of_a_script_that_one_of_the_sites_languages_alone_is_written_in(project):
    """`ssg new "مسبار جديد يصل إلى المريخ"` on a site with zh and ar wrote no `lang:`, and the article was built as
    English; Cyrillic titles were told. Arabic letters are ar, Hebrew he, Greek el, kana ja, Han zh."""
    site_yaml = project.root.joinpath("site.yaml").read_text()

    def lang(*args: str) -> str | None:
        result = run("-C", str(project.root), "new", *args)
        assert result.exit_code == 0, result.output
        return front_of((Path.cwd() / result.output.strip()).read_text(encoding="utf-8")).get("lang")

    project.write({"site.yaml": site_yaml + "lang: en\nlanguages: [en, zh, ar, he, el]\n"})
    assert lang("مسبار جديد يصل إلى المريخ") == "ar"
    assert lang("שיגור חדש לחלל") == "he"
    assert lang("Νέα αποστολή στον Άρη") == "el"
    assert lang("北京发射新卫星") == "zh"
    assert lang("NASA picks SpaceX") is None
    assert lang("مسبار آخر", "--lang", "en") == "en"  # --lang wins
    project.write({"site.yaml": site_yaml + "lang: en\nlanguages: [en, zh, ja, ar, fa]\n"})
    assert lang("ガガーリンの飛行") == "ja"  # kana: Japanese
    assert lang("北京的新卫星") == "zh"  # Han alone: not Japanese, which a title writes with kana
    assert lang("مسبار جديد إلى المريخ") is None  # Arabic letters: ar or fa
    # A reviewer's finding: the katakana middle dot (punctuation, between a foreign name's parts in Chinese too) was
    # taken for kana, and a Chinese title with it was written lang: ja. Han alone is not Japanese.
    assert lang("尤里・加加林访问北京") == "zh"
    project.write({"site.yaml": site_yaml + "lang: en\nlanguages: [en, ja]\n"})
    assert lang("尤里・加加林访问上海") is None and lang("ガガーリンの宇宙飛行") == "ja"


def test_new_names_a_russian_titles_file_as_a_russian_reader_spells_it_in_latin(project):
    result = run("-C", str(project.root), "new", "Союз МС-27 вернулся на Землю", "--lang", "ru")
    assert result.exit_code == 0, result.output
    assert Path(result.output.strip()).name == "soyuz-ms-27-vernulsya-na-zemlyu.md"  # (not soiuz-...-zemliu)


def test_new_starts_a_translation_beside_the_original(project):
    original = article("Moon landing", "2026-05-24 10:00", tags="[Roscosmos, Moon]", source="{name: TASS, url: 'https://tass.com/1'}")
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text() + "languages: [en, ru]\n", "content/2026/moon.md": original})
    result = run("-C", str(project.root), "new", "--translation-of", "2026/moon.md", "Посадка на Луну")
    assert result.exit_code == 0, result.output
    path = (Path.cwd() / result.output.strip()).resolve()
    assert path == project.root / "content/2026/moon.ru.md"
    front = front_of(path.read_text(encoding="utf-8"))
    assert front == {
        "title": "Посадка на Луну",
        "lang": "ru",
        "translation_of": "2026/moon.md",
        "date": "2026-05-24 10:00",
        "tags": ["Roscosmos", "Moon"],
        "source": {"name": "TASS", "url": "https://tass.com/1"},
    }
    assert run("-C", str(project.root), "build").exit_code == 0
    assert 'hreflang="en" href="https://example.org/2026/05/24/moon/"' in project.page("ru/2026/05/24/moon/")
    # Named from where the user is, too; never over an existing file; never in the original's language.
    again = run("-C", str(project.root), "new", "--translation-of", str(project.root / "content/2026/moon.md"), "Again")
    assert again.exit_code == 1 and "moon.ru.md: already exists" in again.output
    # (named after the original, whatever the title: another title would not help)
    assert "the translation of 2026/moon.md into 'ru' was started there: edit it (an article has one translation" in again.output
    assert "choose another title" not in again.output
    same = run("-C", str(project.root), "new", "--translation-of", "2026/moon.md", "--lang", "en", "Again")
    assert same.exit_code == 1 and "content/2026/moon.md is in 'en' already" in same.output
    missing = run("-C", str(project.root), "new", "--translation-of", "2026/mars.md", "Марс")
    assert missing.exit_code == 1 and "2026/mars.md is not an article file under content/" in missing.output


def test_new_translation_writes_the_tags_names_in_its_language_where_tag_names_gives_them(project):
    """The translation copied the English names: the Russian version had `Dmitry Rogozin` beside other Russian articles'
    `Дмитрий Рогозин` (a new user's trial). Names site.yaml does not translate are copied as they are."""
    site_yaml = (
        project.root.joinpath("site.yaml").read_text() + "languages: [en, ru]\ntag_names:\n  Dmitry Rogozin: {ru: Дмитрий Рогозин}\n"
    )
    original = article("Rogozin", "2021-05-24", tags="[Dmitry Rogozin, Moon]")
    project.write({"site.yaml": site_yaml, "content/2021/rogozin.md": original})
    result = run("-C", str(project.root), "new", "--translation-of", "2021/rogozin.md", "Рогозин")
    assert result.exit_code == 0, result.output
    front = front_of((project.root / "content/2021/rogozin.ru.md").read_text(encoding="utf-8"))
    assert front["tags"] == ["Дмитрий Рогозин", "Moon"]
    # And back: a Russian original's names, in English.
    project.write({"content/2021/rogozin-2.ru.md": article("Рогозин", "2021-05-25", tags="[Дмитрий Рогозин]", lang="ru")})
    assert run("-C", str(project.root), "new", "--translation-of", "2021/rogozin-2.ru.md", "Rogozin").exit_code == 0
    front = front_of((project.root / "content/2021/rogozin-2.en.md").read_text(encoding="utf-8"))
    assert front["tags"] == ["Dmitry Rogozin"]


def test_new_translation_writes_the_tags_names_in_its_language_where_the_entry_is_keyed_by_another_language(project):
    """A Russian editor's trial: on a site of `lang: ru` whose tag_names: are keyed by the English names (`Roscosmos:
    {ru: Роскосмос}`, the tags' URLs kept), the Russian translation of an English article got `Roscosmos` and `Moon`,
    which its page shows as Роскосмос and Луна, but which the editor, reading the file, took for tags left untranslated.
    The names are now each language's as the pages show them: the entry's own name where it gives none other."""
    site_yaml = SITE_YAML + "lang: ru\nlanguages: [ru, en]\ntag_names:\n  Roscosmos: {ru: Роскосмос}\n  Moon: {ru: Луна}\n"
    original = article("Moon landing", "2021-05-24", lang="en", tags="[Roscosmos, Moon, Elon Musk]")
    project.write({"site.yaml": site_yaml, "content/2021/moon.md": original})
    result = run("-C", str(project.root), "new", "--translation-of", "2021/moon.md", "Посадка на Луну")
    assert result.exit_code == 0, result.output
    front = front_of((project.root / "content/2021/moon.ru.md").read_text(encoding="utf-8"))
    assert front["tags"] == ["Роскосмос", "Луна", "Elon Musk"]
    project.write({"content/2021/rocket.md": article("Ракета", "2021-05-25", tags="[Роскосмос, Луна]")})
    assert run("-C", str(project.root), "new", "--translation-of", "2021/rocket.md", "Rocket").exit_code == 0
    front = front_of((project.root / "content/2021/rocket.en.md").read_text(encoding="utf-8"))
    assert front["tags"] == ["Roscosmos", "Moon"]


def test_new_translation_of_an_article_dated_by_its_name_keeps_the_date(project):
    project.write(
        {
            "site.yaml": project.root.joinpath("site.yaml").read_text() + "languages: [en, ru]\n",
            "content/2021/2021-05-24-launch.md": "---\ntitle: Launch\n---\n\nText.\n",
        }
    )
    result = run("-C", str(project.root), "new", "--translation-of", "2021/2021-05-24-launch.md", "--slug", "zapusk", "Запуск")
    assert result.exit_code == 0, result.output
    front = front_of((project.root / "content/2021/zapusk.md").read_text(encoding="utf-8"))
    assert front["date"] == "2021-05-24"
    assert run("-C", str(project.root), "check").exit_code == 0
    # A clipping dated by its `published:` (its date where it has no `date:`): the translation takes that.
    project.write({"content/2021/clip.md": "---\ntitle: Clip\npublished: 2021-06-01T10:00:00+03:00\n---\n\nText.\n"})
    result = run("-C", str(project.root), "new", "--translation-of", "2021/clip.md", "Клип")
    assert result.exit_code == 0, result.output
    front = front_of((project.root / "content/2021/clip.ru.md").read_text(encoding="utf-8"))
    assert front["date"] == "2021-06-01T10:00:00+03:00"
    assert run("-C", str(project.root), "check").exit_code == 0


def test_new_translation_takes_the_originals_keys_in_any_case(project):
    """`Date:`, `Tags:` and `Source:` (Hugo's spelling, which builds read): the translation had none of them, and its
    first build failed on "date: is missing" (a second reading)."""
    project.write(
        {
            "site.yaml": project.root.joinpath("site.yaml").read_text() + "languages: [en, ru]\n",
            "content/2021/moon.md": "---\nTitle: Moon\nDate: 2021-05-24\nTags: [Space]\nSource: {name: TASS, url: 'https://tass.ru/1'}\n---\n\nText.\n",
        }
    )
    result = run("-C", str(project.root), "new", "--translation-of", "2021/moon.md", "Луна")
    assert result.exit_code == 0, result.output
    front = front_of((project.root / "content/2021/moon.ru.md").read_text(encoding="utf-8"))
    assert (str(front["date"]), front["tags"], front["source"]["name"]) == ("2021-05-24", ["Space"], "TASS")
    assert run("-C", str(project.root), "check").exit_code == 0


def test_new_translation_needs_the_sites_languages(project):
    project.write({"content/a.md": article("A", "2021-01-01")})
    result = run("-C", str(project.root), "new", "--translation-of", "a.md", "А")
    assert result.exit_code == 1 and "a translation needs the site's languages in site.yaml (e.g. languages: [en, ru]" in result.output
    assert sorted(p.name for p in (project.root / "content").iterdir()) == ["a.md"]


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_missing_content_folder_is_an_error_not_an_empty_site(project, command):
    # A typo in content_dir built an empty site, which a sync with --delete would then publish over the archive.
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text() + "content_dir: articels\n"})
    result = run("-C", str(project.root), command)
    assert result.exit_code == 1
    assert (
        f"error: site.yaml: content_dir: the content folder 'articels' is not in {project.root}: fix the name, or create it"
        in result.output
    )
    assert not (project.root / "public").exists()
    (project.root / "content").rmdir()  # the default folder, which site.yaml does not name
    project.write({"site.yaml": project.root.joinpath("site.yaml").read_text().replace("content_dir: articels\n", "")})
    result = run("-C", str(project.root), command)
    assert result.exit_code == 1 and f"error: content/: the content folder is not in {project.root}: create it" in result.output


def test_run_inside_the_archive_points_at_it(project, tmp_path, monkeypatch):
    monkeypatch.chdir(project.root / "content")
    result = run("build")
    assert result.exit_code == 1
    assert f"site.yaml: not found in {project.root / 'content'} (the archive is {project.root}: run ssg there, or pass -C" in result.output
    monkeypatch.chdir(tmp_path)
    elsewhere = run("-C", str(tmp_path / "nothing"), "build")  # (a typo in a cron line: no archive to start there)
    assert elsewhere.exit_code == 2 and f"Directory '{tmp_path / 'nothing'}' does not exist." in elsewhere.output
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "(run `ssg init" in run("-C", str(empty), "build").output


def test_check_with_a_folder_checks_that_project(project):
    project.write({"content/a.md": article("A", "2021-01-01", tittle="x")})
    result = run("check", str(project.root))
    assert (
        result.exit_code == 0
        and "Checked site.yaml, 1 article and the templates" in result.output
        and "did you mean 'title'?" in result.output
    )
    assert not (project.root / "public").exists()
    project.write({"content/b.md": article("B", "2021-01-02", draft="true")})
    assert "no errors, 1 warning; 1 draft left out (--drafts to include)." in run("check", str(project.root)).output


def test_a_blank_title_fails_check_and_build_with_its_line_not_a_traceback(project):
    project.write({"content/x.md": '---\ntitle: " "\ndate: 2021-01-01\n---\nBody.\n'})
    for command in ("check", "build"):
        result = run("-C", str(project.root), command)
        assert result.exit_code == 1
        assert "error: content/x.md:2: title: is empty (write the title after `title:`)" in result.output
    assert not (project.root / "public").exists()


def test_profile_shows_each_phases_time_and_what_it_went_through(project):
    project.write({f"content/2021/story-{n}.md": article(f"Story {n}", f"2021-05-1{n}T10:00:00+03:00", tags="[Moon]") for n in range(3)})

    def profile() -> dict[str, str]:
        result = CliRunner().invoke(main, ["-C", str(project.root), "build", "--profile"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        rows = [line.split(None, 5) for line in result.output.splitlines() if line.startswith("  ") and " s " in line]
        return {row[0]: row[5] if len(row) > 5 else "" for row in rows}

    cold = profile()
    assert list(cold) == ["inputs", "theme", "read", "assemble", "plan", "pages", "feeds", "sitemap", "search", "copy", "commit"]
    assert cold["inputs"] == "3 content files" and cold["read"] == "3 files read, the rest from the cache"
    assert cold["assemble"].startswith("3 articles, 1 tag, ") and cold["plan"].endswith("pages to render (their inputs changed)")
    planned = int(cold["plan"].split()[0])
    assert planned > 3 and cold["pages"] == f"{planned} rendered, {planned} of them changed"
    assert cold["search"].startswith("3 documents in ") and cold["commit"].endswith(" removed")

    path = project.root / "content/2021/story-1.md"
    path.write_text(path.read_text() + "\nOne more sentence.\n")
    edited = profile()
    assert edited["read"] == "1 file read, the rest from the cache"
    rendered = int(edited["pages"].split()[0])
    assert 0 < rendered < planned and edited["sitemap"].endswith(", 0 changed")

    assert list(profile()) == ["inputs"]  # nothing changed: the build stops once it has hashed its inputs


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_a_build_stopped_by_sigterm_removes_its_staging_folder_like_ctrl_c(project, stop):
    """`kill` (a CI job's timeout, `docker stop`) ended the process at once, leaving the staging folder and the render
    helpers behind; now it stops the build as Ctrl-C does. Both exit with 130, as a shell tells a Ctrl-C (click's 1
    was a failed build's)."""
    project.write({"content/a.md": article("A", "2021-01-01")})
    assert run("-C", str(project.root), "build").exit_code == 0
    before = tree(project.public)
    project.write({"content/b.md": article("B", "2021-01-02")})
    script = (
        "import os, signal, sys\n"
        "from ssg.cli import main\n"
        "from ssg.render import Renderer\n"
        f"Renderer.render = lambda self, page: os.kill(os.getpid(), signal.{stop})\n"
        "main(sys.argv[1:])\n"
    )
    command = [sys.executable, "-c", script, "-C", str(project.root), "build", "-j", "1"]
    # (Ctrl-C as a terminal's: not ignored, as a shell's background job would have it)
    stopped = subprocess.run(command, capture_output=True, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert stopped.returncode == INTERRUPTED and "Aborted!" in stopped.stderr
    assert tree(project.public) == before
    assert not [p.name for p in project.root.iterdir() if p.name.startswith(".public.")]


MOVE_IN = "        real(staged, target)\n"  # (`signalled_as_files_move_in`'s hook moves the second file in after the signal)


def signalled_as_files_move_in(project, stop: str, handling: object, then: str, built: dict | None = None) -> subprocess.CompletedProcess:
    """`ssg build` of four edited articles, sent signal `stop` as it moves its second file in (SIGINT handled as
    `handling` in its process: a terminal's, or ignored as by a shell's background job); `then`: what the hook does
    after (move the file in, or fail). `built`: filled with the output before the edit."""
    project.write({f"content/a{n}.md": article(f"A {n}", f"2021-01-0{1 + n}") for n in range(4)})
    assert run("-C", str(project.root), "build").exit_code == 0
    if built is not None:
        built.update(tree(project.public))
    project.write({f"content/a{n}.md": article(f"A {n}, edited", f"2021-01-0{1 + n}") for n in range(4)})
    script = (
        "import os, signal, sys\n"
        "import ssg.output\n"
        "from ssg.cli import main\n"
        "real, moved = ssg.output._move_in, []\n"
        "def move_in(staged, target):\n"
        "    moved.append(target)\n"
        "    if len(moved) == 2:\n"
        f"        os.kill(os.getpid(), signal.{stop})\n"
        f"{then}"
        "    else:\n"
        "        real(staged, target)\n"
        "ssg.output._move_in = move_in\n"
        "main(sys.argv[1:])\n"
    )
    command = [sys.executable, "-c", script, "-C", str(project.root), "build", "-j", "1"]
    return subprocess.run(command, capture_output=True, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, handling))


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_a_build_stopped_as_it_moves_its_files_in_moves_them_all_first(project, tmp_path, stop):
    """A Ctrl-C (or `kill`) while the commit moves files in left the output folder holding files of two builds until
    the next build made them again (a deploy copying it meanwhile published that); the commit now ends first, and
    the build stops after it: "Aborted!", exit 130, the output this build's, whole."""
    stopped = signalled_as_files_move_in(project, stop, signal.SIG_DFL, then=MOVE_IN)
    assert stopped.returncode == INTERRUPTED and "Aborted!" in stopped.stderr, stopped.stderr
    assert stopped.stderr.count("stopping once this build's files are all moved in") == 1
    fresh = Project(tmp_path / "fresh")
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns("public", ".ssg-cache", ".public.*"))
    assert run("-C", str(fresh.root), "build").exit_code == 0
    assert tree(project.public) == tree(fresh.public)
    assert not [p.name for p in project.root.iterdir() if p.name.startswith(".public.")]
    again = run("-C", str(project.root), "build")
    assert again.exit_code == 0 and " 0 written" in again.output, again.output


@pytest.mark.parametrize("case", ["ignored", "failed"])
def test_a_signal_held_as_files_move_in_that_is_ignored_or_comes_with_a_failure(project, case):
    """A Ctrl-C the process ignores (`ssg build &` in a shell) while files move in is ignored: the build ends as it
    would have, saying nothing of it. One that comes as the commit fails acts all the same once the last build's files
    are put back ("Aborted!", exit 130): a preview, which goes on after a failed build, went on after its Ctrl-C."""
    failing = "        raise PermissionError(13, 'Permission denied', target)\n" if case == "failed" else MOVE_IN
    before: dict[str, bytes] = {}
    handling = signal.SIG_IGN if case == "ignored" else signal.SIG_DFL
    done = signalled_as_files_move_in(project, "SIGINT", handling, then=failing, built=before)
    assert "stopping once" not in done.stderr if case == "ignored" else "stopping once" in done.stderr
    if case == "ignored":
        assert done.returncode == 0 and "Aborted!" not in done.stderr, done.stderr
        assert tree(project.public) != before and not [p for p in project.root.iterdir() if p.name.startswith(".public.")]
    else:
        assert done.returncode == INTERRUPTED and "Aborted!" in done.stderr, done.stderr
        assert tree(project.public) == before


@pytest.mark.parametrize(
    "pool",
    [
        "ProcessPoolExecutor(1, multiprocessing.get_context('fork'), render._inherit, (None, None, [], None, 8, os.getpid()))",
        "(held := workers.worker_pool(1)).__enter__()",  # (reading articles, `ssg check --links`; held: the pool ends with its context)
    ],
)
def test_a_worker_ends_with_the_process_that_started_it(tmp_path, pool):
    """A render helper that outlived a killed build rendered on into the staging folder, where the next build stages
    its pages, then waited forever to hand its results over, holding the build's output pipe open (a CI step never
    ended); a link check's workers, killed with `ssg check --links`, stayed as well."""
    script = (
        "import multiprocessing, os, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from ssg import render, workers\n"
        "def helper():\n"
        "    print(os.getpid(), flush=True)\n"
        "    time.sleep(60)\n"
        "if __name__ == '__main__':\n"
        f"    pool = {pool}\n"
        "    pool.submit(helper)\n"
        "    time.sleep(60)\n"
    )
    (tmp_path / "build.py").write_text(script)
    build = subprocess.Popen([sys.executable, str(tmp_path / "build.py")], stdout=subprocess.PIPE, text=True)
    helper = int(build.stdout.readline())
    build.kill()
    build.wait()
    deadline = time.monotonic() + 10
    while _running(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    outlived = _running(helper)
    if outlived:
        os.kill(helper, signal.SIGKILL)
    assert not outlived


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def test_init_that_cannot_write_a_file_says_which_and_changes_nothing(tmp_path):
    """A file named `.github` where the workflow goes stopped `ssg init` with a traceback, after site.yaml and content/
    were written, and a second `ssg init` then refused the half-made archive."""
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / ".github").write_text("mine")
    result = run("init", str(folder))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"error: {folder / '.github/workflows'}: cannot be created ({folder / '.github'} is a file, not a folder); nothing was changed",
        "Init failed: 1 problem.",
    ]
    assert [p.name for p in folder.iterdir()] == [".github"] and (folder / ".github").read_text() == "mine"


def test_new_that_cannot_write_the_article_says_which_and_why(project):
    """A year's folder that is a file (or a folder without permission) stopped `ssg new` with a traceback."""
    year = project.root / f"content/{datetime.now(ZoneInfo('Europe/Moscow')):%Y}"  # (the site's timezone)
    year.write_text("not a folder")
    result = run("-C", str(project.root), "new", "Soyuz docks", "--slug", "soyuz")
    assert result.exit_code == 1
    assert (
        result.output.splitlines()[0]
        == f"error: {year / 'soyuz.md'}: cannot be created ({year} is a file, not a folder); nothing was changed"
    )
    assert year.read_text() == "not a folder"


def test_profile_counts_the_urls_the_sitemap_lists(project):
    """The 404 and search pages (and drafts) are no sitemap URLs: the profile counted every planned page as one."""
    project.write({f"content/2021/story-{n}.md": article(f"Story {n}", f"2021-05-1{n}T10:00:00+03:00") for n in range(2)})
    result = CliRunner().invoke(main, ["-C", str(project.root), "build", "--profile"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("  sitemap "))
    listed = (project.public / "sitemap.xml").read_text().count("<url>")
    assert f"  {listed} URLs in 1 file, " in row


def test_check_renders_a_page_of_each_kind_and_fails_on_a_template_error_as_build_does(project):
    project.write({"content/a.md": article("A", "2021-01-01", tags="[Space]")})
    result = run("-C", str(project.root), "check")
    # article, home, tag, year, month, day, tags, sources (the index, without outlets), archive, 404, search
    assert result.exit_code == 0 and "and the templates (11 pages rendered, one of each kind, nothing written to the site)" in result.output
    assert "Checked site.yaml, 1 article and" in result.output
    base = '{% extends "base.html" %}\n{% block content %}\n'
    project.write(
        {
            "templates/article.html": base + "<h1>{{ article.title }}</h1>\n{{ artcle.x }}\n{% endblock %}\n",
            "templates/card.html": "<li>\n{{ article.titel }}</li>\n",
        }
    )
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert result.output == (
        "error: templates/article.html:4: UndefinedError: 'artcle' is undefined (did you mean 'article'?) "
        "(rendering content/a.md at /2021/01/01/a/)\n"
        "error: templates/card.html:2: UndefinedError: 'Article' object has no attribute 'titel' (did you mean 'title'?) "
        "(rendering the entry of content/a.md on /)\n"
        "Check failed: 2 problems.\n"
    )
    assert sorted(p.name for p in project.root.iterdir()) == ["content", "site.yaml", "templates"]  # nothing written
    result = run("-C", str(project.root), "build")
    assert result.exit_code == 1 and "error: templates/article.html:4: UndefinedError: 'artcle' is undefined" in result.output


def test_check_renders_a_page_of_each_language_and_the_article_page_that_shows_the_most(bilingual):
    bilingual.write({"templates/card.html": '<li>{% if lang == "ru" %}{{ nmae }}{% endif %}</li>\n'})
    result = run("-C", str(bilingual.root), "check")
    assert result.exit_code == 1 and "error: templates/card.html:1: UndefinedError: 'nmae' is undefined" in result.output
    bilingual.remove("templates/card.html")
    # Only one article has an image: its page is the one rendered.
    bilingual.write(
        {
            "content/en/pictured.md": article("Pictured", "2020-01-01", image="{src: 'https://example.com/a.jpg', credit: X}"),
            "templates/article.html": '{% extends "base.html" %}\n{% block content %}\n{% if article.image %}{{ article.image.scr }}{% endif %}\n{% endblock %}\n',
        }
    )
    result = run("-C", str(bilingual.root), "check")
    assert result.exit_code == 1
    assert "error: templates/article.html:3: UndefinedError: 'Image' object has no attribute 'scr' (did you mean 'src'?)" in result.output


def test_check_renders_a_listings_later_page_too(project):
    """Found in review: a mistake only a second page of a listing reaches (`paginator.prev` set) passed `ssg check`."""
    project.write(
        {
            "site.yaml": project.root.joinpath("site.yaml").read_text().replace("paginate: 2", "paginate: 1"),
            "content/a.md": article("A", "2021-01-01"),
            "content/b.md": article("B", "2021-01-02"),
            "templates/list.html": '{% extends "base.html" %}\n{% block content %}\n{% if paginator.prev %}{{ paginator.perv }}{% endif %}\n{% endblock %}\n',
        }
    )
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert (
        "error: templates/list.html:3: UndefinedError: 'Paginator' object has no attribute 'perv' (did you mean 'prev'?)" in result.output
    )


def test_theme_lists_its_files_and_copies_them_into_the_site_to_be_edited_there(project):
    """Where the default theme lives (in site-packages) was nowhere said: a user could not see what to override."""
    project.write({"content/a.md": article("A", "2021-05-24 10:00")})
    assert run("-C", str(project.root), "build").exit_code == 0
    before = tree(project.root / "public")
    listed = run("-C", str(project.root), "theme")
    assert listed.exit_code == 0 and "  templates/article.html\n" in listed.output and "  i18n/ru.yaml\n" in listed.output
    copied = run("-C", str(project.root), "theme", "article.html", "static/assets/style.css", "i18n/ru.yaml")
    assert copied.exit_code == 0, copied.output
    for path in ("templates/article.html", "static/assets/style.css", "i18n/ru.yaml"):
        assert (project.root / path).is_file()
    assert run("-C", str(project.root), "build").exit_code == 0
    assert tree(project.root / "public") == before  # the copies are the theme's: the same site
    (project.root / "templates/article.html").write_text("mine", encoding="utf-8")
    again = run("-C", str(project.root), "theme", "article.html", "articl.html")
    assert again.exit_code == 1 and "is there already; nothing was changed" in again.output
    assert "articl.html: is no file of the theme 'default' (did you mean templates/article.html?)" in again.output
    assert (project.root / "templates/article.html").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("name", "copied"),
    [("style.css", "static/assets/style.css"), ("assets/site.js", "static/assets/site.js"), ("ru.yaml", "i18n/ru.yaml")],
)
def test_theme_finds_a_file_by_the_end_of_its_path(project, name, copied):
    """`ssg theme style.css` suggested templates/languages.css, a template, for the theme's stylesheet."""
    result = run("-C", str(project.root), "theme", name)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("created ") and result.output.endswith(f"/{copied}\n") and (project.root / copied).is_file()


def test_theme_says_where_the_file_likely_meant_is(project):
    result = run("-C", str(project.root), "theme", "styles.css", "nothing-like-it.txt")
    assert result.exit_code == 1
    assert "error: styles.css: is no file of the theme 'default' (did you mean static/assets/style.css?)" in result.output
    assert "error: nothing-like-it.txt: is no file of the theme 'default' (ssg theme lists them)" in result.output
    project.write({"themes/two/templates/base.html": "", "themes/two/static/a/x.js": "", "themes/two/static/b/x.js": ""})
    project.write({"site.yaml": SITE_YAML + "theme: two\n"})
    result = run("-C", str(project.root), "theme", "x.js")
    assert result.exit_code == 1
    assert (
        "error: x.js: is in more than one folder of the theme 'two': static/a/x.js, static/b/x.js (name the one to copy)" in result.output
    )


def test_init_sets_the_archives_languages(tmp_path):
    """A Russian or bilingual archive meant finding `lang:` and `languages:` in site.yaml by hand."""
    assert run("init", str(tmp_path / "bi"), "--languages", "ru,en").exit_code == 0
    config = yaml.safe_load((tmp_path / "bi/site.yaml").read_text(encoding="utf-8"))
    # Each language with the site's title, to translate (the English pages and feeds were "<title> (English)").
    assert (config["lang"], config["languages"]) == ("ru", {"ru": {"title": "Bi"}, "en": {"title": "Bi"}})
    welcome = next((tmp_path / "bi/content").rglob("welcome.md")).read_text(encoding="utf-8")
    assert "title: Добро пожаловать в ваш архив новостей\n" in welcome and "lang:" not in welcome  # (in the default language)
    built = run("-C", str(tmp_path / "bi"), "build")
    assert built.exit_code == 0 and "0 warnings" in built.output and (tmp_path / "bi/public/en/index.html").is_file()
    site_yaml = (tmp_path / "bi/site.yaml").read_text(encoding="utf-8")
    (tmp_path / "bi/site.yaml").write_text(site_yaml.replace("en: {title: Bi}", "en: {title: Space clippings}"), encoding="utf-8")
    (tmp_path / "bi/content/2021").mkdir(parents=True)
    (tmp_path / "bi/content/2021/e.md").write_text("---\ntitle: E\ndate: 2021-01-01\nlang: en\n---\nText.\n", encoding="utf-8")
    assert run("-C", str(tmp_path / "bi"), "build").exit_code == 0  # (an English article: the English feed has one)
    assert "<title>Space clippings</title>" in (tmp_path / "bi/public/en/index.html").read_text(encoding="utf-8")
    assert "<title>Space clippings (English)</title>" in (tmp_path / "bi/public/en/feed.xml").read_text(encoding="utf-8")
    assert run("init", str(tmp_path / "ru"), "--languages", "ru").exit_code == 0
    config = yaml.safe_load((tmp_path / "ru/site.yaml").read_text(encoding="utf-8"))
    assert config["lang"] == "ru" and "languages" not in config
    refused = run("init", str(tmp_path / "x"), "--languages", "Russian")
    assert refused.exit_code == 2 and "'Russian' is not a language code" in refused.output and not (tmp_path / "x").exists()


def test_init_in_a_moved_archive_takes_its_generators_settings(tmp_path):
    """`ssg init` in a Hugo, Jekyll or Pelican archive's folder wrote site.yaml's defaults (lang: en, timezone: UTC, ssg's
    permalink): a Pelican article's `Date: 2020-10-14 08:45`, written in its TIMEZONE, was read as UTC, three hours off in
    every feed, and every URL moved, without a word (a keeper's trial). The old settings' title, address, language, time
    zone and URL pattern are written into site.yaml, each as site.yaml checks it, and init says what it took and left."""
    hugo = tmp_path / "hugo"
    (hugo / "content/posts").mkdir(parents=True)
    (hugo / "config.toml").write_text(
        'baseURL = "https://news.example.org/"\ntitle = "Архив"\nlanguageCode = "ru-ru"\ntimeZone = "Mars/Base"\n'
        '[permalinks]\n  posts = "/:year/:month/:slug/"\n'
    )
    result = run("init", str(hugo))
    assert (
        "read config.toml: site.yaml takes title: Архив, base_url: https://news.example.org/, lang: ru, permalink: {year}/{month}/{slug}/, "
        "old_urls: {hugo: '/:year/:month/:slug/'}, old_tag_urls: ['/tags/{hugo}/', '/tags/{hugo}/index.xml'], "
        "feeds: {old_paths: [index.xml]} (the old site's feed, kept for its readers)\n"
        "  old_urls: each article's address on the Hugo site (/:year/:month/:slug/, made as Hugo made it) gets a page that "
        "redirects to the article, where ssg's permalink: puts it elsewhere\n"
    ) in result.output
    assert "  not taken: timezone: 'Mars/Base' is not a time zone (use a name like Europe/Moscow or UTC)\n" in result.output
    site = yaml.safe_load((hugo / "site.yaml").read_text())
    assert (site["title"], site["lang"], site["timezone"], site["permalink"]) == ("Архив", "ru", "UTC", "{year}/{month}/{slug}/")
    # Hugo kept a tag's letters in its address (/tags/роскосмос/), where ssg spells them in Latin: every tag keeps it.
    assert site["old_tag_urls"] == ["/tags/{hugo}/", "/tags/{hugo}/index.xml"]
    for number, (settings, taken, told) in enumerate(
        [
            ('[taxonomies]\n  tag = "metki"\n', ["/metki/{hugo}/", "/metki/{hugo}/index.xml"], None),
            ('[taxonomies]\n  category = "categories"\n', None, None),  # (no tags: Hugo made no tag pages)
            ("uglyURLs = true\n", ["/tags/{hugo}.html", "/tags/{hugo}/index.xml"], None),
            (
                'defaultContentLanguage = "ru"\ndefaultContentLanguageInSubdir = true\n',
                ["/ru/tags/{hugo}/", "/ru/tags/{hugo}/index.xml"],
                None,
            ),
            ("removePathAccents = true\n", None, "Hugo's removePathAccents made its tags' addresses otherwise"),
            (
                '[permalinks]\n  tags = "/topic/:slug/"\n',
                None,
                "Hugo's permalinks: {tags: /topic/:slug/} made its tags' addresses otherwise",
            ),
        ]
    ):
        other = tmp_path / f"hugo-{number}"
        other.mkdir()
        (other / "config.toml").write_text(f'title = "X"\n{settings}')
        result = run("init", str(other))
        assert yaml.safe_load((other / "site.yaml").read_text()).get("old_tag_urls") == taken
        assert told is None or f"not taken: old_tag_urls: {told}" in result.output, result.output
    # Every post's old address: Hugo's default (no [permalinks]) is its content path, letters kept (/posts/союз-вернулся/),
    # which ssg's permalink: cannot say: every article moved without a word (a keeper's trial). init writes no
    # permalink: then, and old_urls: keeps each address; with uglyURLs, Hugo's pages were .html files.
    for settings, written in [
        ("", "/:sections/:slugorfilename/"),
        ("uglyURLs = true\n", "/:sections/:slugorfilename.html"),
        ('uglyURLs = true\n[permalinks]\n  posts = "/:year/:slug/"\n', "/:year/:slug.html"),
        ('[permalinks]\n  posts = ":year/:title/"\n', "/:year/:title/"),
    ]:
        other = tmp_path / f"hugo-urls-{len(settings)}"
        (other / "content/posts").mkdir(parents=True)
        (other / "content/posts/союз-вернулся.md").write_text("---\ntitle: Союз вернулся\ndate: 2021-10-17\n---\nТекст.\n")
        (other / "config.toml").write_text(f'title = "X"\n{settings}')
        assert run("init", str(other)).exit_code == 0
        assert yaml.safe_load((other / "site.yaml").read_text())["old_urls"] == {"hugo": written}
        assert run("-C", str(other), "build").exit_code == 0
        old = written.replace(":sections", "posts").replace(":slugorfilename", "союз-вернулся").replace(":year", "2021")
        old = old.replace(":slug", "союз-вернулся").replace(":title", "союз-вернулся").lstrip("/")
        assert 'http-equiv="refresh"' in (other / "public" / old / ("index.html" if old.endswith("/") else "")).read_text()

    # Hugo's [languages]: site.yaml's languages, the default first, each with its title (Hugo's or the site's). With
    # `lang:` alone, the first build failed on an article and its translation (name.md, name.en.md) on one URL.
    bilingual = tmp_path / "hugo-bilingual"
    (bilingual / "content/posts").mkdir(parents=True)
    (bilingual / "config.toml").write_text(
        'title = "News"\ndefaultContentLanguage = "ru"\n[languages.en]\n  weight = 1\n  [languages.en.params]\n'
        '    description = "Clippings"\n[languages.de]\n  weight = 2\n[languages.ru]\n  title = "Новости"\n  weight = 3\n'
    )
    (bilingual / "content/posts/moon.md").write_text("---\ntitle: Луна\ndate: 2024-01-02T10:00:00+03:00\n---\nТекст.\n")
    (bilingual / "content/posts/moon.en.md").write_text("---\ntitle: Moon\ndate: 2024-01-02T10:00:00+03:00\n---\nText.\n")
    result = run("init", str(bilingual))
    assert (
        "lang: ru, languages: {ru: {title: Новости}, en: {description: Clippings}, de: {}}, old_urls: {hugo: '/:sections/:slugorfilename/'}, old_tag_urls"
        in result.output
    )
    site = yaml.safe_load((bilingual / "site.yaml").read_text())
    assert site["lang"] == "ru" and "title" not in site  # (each language's title is shown: the site's would warn it is not)
    assert site["languages"] == {"ru": {"title": "Новости"}, "en": {"title": "News", "description": "Clippings"}, "de": {"title": "News"}}
    built = run("-C", str(bilingual), "build")
    assert built.exit_code == 0 and "warning:" not in built.output, built.output
    assert 'hreflang="en" href="https://example.org/en/2024/01/02/moon/"' in (bilingual / "public/2024/01/02/moon/index.html").read_text()
    assert 'http-equiv="refresh"' in (bilingual / "public/en/posts/moon/index.html").read_text()  # (Hugo's /en/posts/moon/)
    assert 'http-equiv="refresh"' in (bilingual / "public/posts/moon/index.html").read_text()
    given = tmp_path / "hugo-given"  # (languages given to init win)
    given.mkdir()
    (given / "config.toml").write_text('title = "X"\n[languages.en]\n[languages.ru]\n')
    told = run("init", str(given), "--languages", "ru,en")
    assert yaml.safe_load((given / "site.yaml").read_text())["languages"] == {"ru": {"title": "X"}, "en": {"title": "X"}}
    assert "  not taken: languages: {en: {}, ru: {}} (--languages ru,en given)" in told.output and "takes title: X, old" in told.output
    one = tmp_path / "hugo-one"  # (one language: the site's lang)
    one.mkdir()
    (one / "config.toml").write_text('title = "X"\n[languages.ru]\n  title = "Икс"\n')
    assert run("init", str(one)).exit_code == 0
    site = yaml.safe_load((one / "site.yaml").read_text())
    assert site["lang"] == "ru" and site["title"] == "X" and "languages" not in site

    jekyll = tmp_path / "jekyll"
    (jekyll / "_posts").mkdir(parents=True)
    (jekyll / "_config.yml").write_text(
        "title: Blog\nurl: https://example.org\nbaseurl: /news\ntimezone: Europe/Moscow\nlocale: ru_RU\nexcerpt_separator: <!--cut-->\n"
    )
    assert run("init", str(jekyll)).exit_code == 0
    site = yaml.safe_load((jekyll / "site.yaml").read_text())
    assert site["base_url"] == "https://example.org/news/" and site["lang"] == "ru" and site["excerpt_separator"] == "<!--cut-->"
    assert not (jekyll / "content").exists()  # (no example article to publish with the posts moved in)
    assert site["permalink"] == "{categories}/{year}/{month}/{day}/{slug}.html"  # (no permalink: is Jekyll's `date` style)
    assert site["old_urls"] == {"jekyll": "date"}  # (its :title kept the file name's case: /2021/03/09/Big-News.html)

    pelican = tmp_path / "pelican"
    (pelican / "content").mkdir(parents=True)
    (pelican / "content/rokot.md").write_text("Title: Рокот\nDate: 2020-10-14 08:45\n\nТекст.\n")
    (pelican / "pelicanconf.py").write_text(
        "import os\nSITENAME = 'Архив'\nSITEURL = ''\nTIMEZONE = 'Europe/Moscow'\nDEFAULT_LANG = 'ru'\n"
        "ARTICLE_URL = '{date:%Y}/{slug}.html'\nPATH = os.path.join('content')\nJINJA = {[1]: 2}\n"
    )
    (pelican / "publishconf.py").write_text("from pelicanconf import *\nSITEURL = 'https://archive.example.org'\n")
    result = run("init", str(pelican))
    assert (
        "read pelicanconf.py and publishconf.py: site.yaml takes title: Архив, timezone: Europe/Moscow, "
        "base_url: https://archive.example.org/, lang: ru, permalink: {year}/{slug}.html, old_tag_urls: ['/tag/{pelican}.html'], "
        "feeds: {old_paths: [feeds/all.atom.xml]} (the old site's feed, kept for its readers)\n"
    ) in result.output
    assert "  not taken: lang_permalink: {slug}-{lang}.html places the articles of the site's other languages" in result.output
    assert run("-C", str(pelican), "build").exit_code == 0
    for settings, taken in [
        (
            "TAG_FEED_ATOM = 'feeds/{slug}.atom.xml'\nTAG_FEED_RSS = 'feeds/{slug}.rss'\n",
            ["/tag/{pelican}.html", "/feeds/{pelican}.atom.xml"],
        ),
        ("SLUGIFY_USE_UNICODE = True\n", None),  # (its tags' addresses in their letters)
        ("TAG_SAVE_AS = ''\n", None),  # (no tag pages)
    ]:
        other = tmp_path / f"pelican-{len(settings)}"
        (other / "content").mkdir(parents=True)
        (other / "content/a.md").write_text("Title: A\nDate: 2020-10-14 08:45\nTags: Роскосмос\n\nТекст.\n")
        (other / "pelicanconf.py").write_text(settings)
        assert run("init", str(other)).exit_code == 0
        assert yaml.safe_load((other / "site.yaml").read_text()).get("old_tag_urls") == taken
        assert run("-C", str(other), "build").exit_code == 0
        assert taken is None or (other / "public/tag/roskosmos.html").is_file()
    assert '<time datetime="2020-10-14T08:45:00+03:00">' in (pelican / "public/2020/rokot.html").read_text()


@pytest.mark.parametrize(
    ("file", "settings", "old_paths"),
    [
        ("config.toml", "", ["index.xml"]),  # (Hugo's RSS of the home page)
        ("config.toml", 'disableKinds = ["RSS"]\n', None),
        ("config.toml", '[outputs]\n  home = ["HTML"]\n', None),
        ("config.toml", '[outputFormats.RSS]\n  baseName = "rss"\n', ["rss.xml"]),
        ("config.toml", '[outputFormats.RSS]\n  baseName = "feed"\n', None),  # (ssg's own feed's address)
        ("config.toml", 'defaultContentLanguage = "ru"\ndefaultContentLanguageInSubdir = true\n', ["ru/index.xml"]),
        ("pelicanconf.py", "", ["feeds/all.atom.xml"]),  # (Pelican's default FEED_ALL_ATOM)
        ("pelicanconf.py", "FEED_ALL_ATOM = None\n", None),
        ("pelicanconf.py", "FEED_ALL_ATOM = 'feeds/all.atom.xml'\nFEED_RSS = 'feeds/rss.xml'\n", ["feeds/all.atom.xml", "feeds/rss.xml"]),
    ],
)
def test_init_keeps_the_old_sites_feed_for_its_readers(tmp_path, file, settings, old_paths):
    """A user trial: `ssg init` kept a moved archive's tag feeds (old_tag_urls:) but not the site's own, which readers
    subscribed to follow no redirect page: `feeds: {old_paths: ...}`, as docs/content.md says to write, is taken."""
    site = tmp_path / "old"
    site.mkdir()
    (site / file).write_text(f'title = "X"\n{settings}' if file == "config.toml" else f"SITENAME = 'X'\n{settings}")
    result = run("init", str(site))
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((site / "site.yaml").read_text()).get("feeds", {}).get("old_paths") == old_paths
    told = f"feeds: {{old_paths: [{', '.join(old_paths)}]}} (the old site's feed, kept for its readers)" if old_paths else "feeds:"
    assert (told in result.output) == bool(old_paths), result.output


@pytest.mark.parametrize("clock", ["2026-12-06", "2026-12-06T12:00:00", "tomorrow"])
def test_build_clock_takes_a_moment_with_its_offset(project, clock):
    """`--clock` (Hugo's): the build's moment, for what is future and what a relative date's error suggests. Without an
    offset it would be a moment in no zone."""
    result = run("-C", str(project.root), "build", "--clock", clock)
    assert result.exit_code == 2 and f"Invalid value for '--clock': {clock!r} is not a moment with its offset" in result.output


@pytest.mark.parametrize("clock", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
def test_build_clock_at_an_end_of_the_calendar_is_a_usage_error(project, clock):
    """`--clock 9999-12-31T23:59:59-12:00`: the build stopped on "OverflowError: date value out of range", putting the
    moment in the site's time zone. A day inside either end builds, in any zone."""
    project.write({"content/2021/a.md": article("A", "2021-06-02")})
    for command in ("build", "check"):
        result = run("-C", str(project.root), command, "--clock", clock)
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output
        assert f"Invalid value for '--clock': {clock!r} is too near an end of the calendar" in result.output
        assert "from 0001-01-02 to 9999-12-30 UTC" in result.output
    project.write({"site.yaml": SITE_YAML.replace("Europe/Moscow", "Pacific/Kiritimati")})  # (+14:00)
    assert run("-C", str(project.root), "build", "--clock", "9999-12-30T23:59:59+00:00").exit_code == 0
    project.write({"site.yaml": SITE_YAML.replace("Europe/Moscow", "Etc/GMT+12")})  # (-12:00)
    assert run("-C", str(project.root), "build", "--clock", "0001-01-02T00:00:00+00:00").exit_code == 0


# Run as `ssg` runs: an exit handler registered, and a hook told when Python's finalization begins (its audit event).
EXIT_PROBE = """
import atexit, os, sys, threading, time
import ssg.cli

def told(event, args, write=os.write):
    if event in ("cpython.PyInterpreterState_Clear", "cpython._PySys_ClearAuditHooks"):
        write(1, b"finalized\\n")

sys.addaudithook(told)
atexit.register(print, "exit handler ran")
if sys.argv[1] == "thread":
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
sys.argv = ["ssg", "-C", sys.argv[2], "build"]
ssg.cli.run()
"""


@pytest.mark.parametrize("other_thread", [False, True])
def test_a_command_ends_without_finalization_yet_with_its_exit_handlers(tmp_path, other_thread):
    """`cli._exit_at_once`: a build that is done ends without Python's finalization (70-120 ms of freeing memory the
    system takes back at once), its exit handlers run once, its output whole and its exit code kept; where a thread is
    still running, the exit is Python's."""
    from .conftest import ssg_env

    root = tmp_path / "site"
    (root / "content" / "2021").mkdir(parents=True)
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (root / "content" / "2021" / "a.md").write_text(article("A story", "2021-05-24T10:00:00+03:00"), encoding="utf-8")
    mode = "thread" if other_thread else "alone"
    done = subprocess.run([sys.executable, "-c", EXIT_PROBE, mode, str(root)], capture_output=True, text=True, env=ssg_env(), check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Built ") and lines.count("exit handler ran") == 1
    assert ("finalized" in lines) == other_thread
    (root / "content" / "2021" / "b.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-c", EXIT_PROBE, mode, str(root)], capture_output=True, text=True, env=ssg_env(), check=False)
    assert failed.returncode == 1 and "Build failed" in failed.stderr
    assert failed.stdout.splitlines().count("exit handler ran") == 1


def test_a_command_run_with_its_output_closed_keeps_its_exit_code(tmp_path):
    """A stream closed at the start is None in Python (`ssg build 2>&-` from cron, `pythonw`): the exit's flush of it
    was an AttributeError, and a build that succeeded exited 1 (second reading, helper-123)."""
    from .conftest import ssg_env

    root = tmp_path / "site"
    (root / "content" / "2021").mkdir(parents=True)
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (root / "content" / "2021" / "a.md").write_text(article("A story", "2021-05-24T10:00:00+03:00"), encoding="utf-8")
    code = "import sys, ssg.cli; sys.argv = ['ssg', '-C', sys.argv[1], 'build']; ssg.cli.run()"
    for closing in (">&-", "2>&-", ">&- 2>&-"):
        done = subprocess.run(["sh", "-c", f'exec "$0" "$@" {closing}', sys.executable, "-c", code, str(root)], env=ssg_env(), check=False)
        assert done.returncode == 0, closing


def test_the_default_worker_count_is_the_cores_this_process_may_use(monkeypatch):
    """`os.cpu_count()` counted the machine's cores: under `taskset -c 0`, a container's CPU set or a CI runner's slice
    of a large host, a build started a worker (~48 MB) for each of them."""
    from ssg.build import BuildOptions
    from ssg.workers import usable_cores

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert usable_cores() == 1 and BuildOptions().jobs == 1


def test_no_color_leaves_a_terminals_messages_plain(project):
    """no-color.org: `NO_COLOR=1` on a terminal still coloured every warning."""
    import pty

    project.write({"content/a.md": article("A", "2021-01-01", tittle="x")})
    for no_color, coloured in (("1", False), ("", True)):
        main_end, terminal = pty.openpty()
        env = {**ssg_env(), "NO_COLOR": no_color}
        done = subprocess.run([sys.executable, "-m", "ssg", "-C", str(project.root), "build"], stdout=terminal, stderr=terminal, env=env)
        os.close(terminal)
        said = b""
        while True:
            try:
                chunk = os.read(main_end, 65536)
            except OSError:  # (the terminal closed: all read)
                break
            if not chunk:
                break
            said += chunk
        os.close(main_end)
        assert done.returncode == 0 and b"did you mean 'title'?" in said and (b"\x1b[" in said) == coloured, said


def test_init_says_which_pages_of_the_old_site_have_no_counterpart(tmp_path):
    """Hugo's category pages (/categories/новости/ and its feed), Pelican's category, author and page URLs vanished on
    the move, and `ssg init` listed none of them among what it did not take (a trial of a migrating user)."""
    hugo = tmp_path / "hugo"
    (hugo / "content/posts").mkdir(parents=True)
    (hugo / "config.toml").write_text('title = "X"\n')
    (hugo / "content/posts/a.md").write_text("---\ntitle: A\ndate: 2021-01-01\ncategories: [Новости]\n---\nText.\n")
    told = run("init", str(hugo)).output
    assert "  not taken: taxonomies: the old site's category pages (/categories/<name>/) have no counterpart: ssg makes" in told
    plain = tmp_path / "hugo-plain"  # (no article with categories: nothing to say)
    (plain / "content/posts").mkdir(parents=True)
    (plain / "config.toml").write_text('title = "X"\n')
    (plain / "content/posts/a.md").write_text("---\ntitle: A\ndate: 2021-01-01\n---\nText.\n")
    assert "category pages" not in run("init", str(plain)).output
    pelican = tmp_path / "pelican"
    pelican.mkdir()
    (pelican / "pelicanconf.py").write_text("SITENAME = 'X'\nAUTHOR_SAVE_AS = ''\n")
    told = run("init", str(pelican)).output
    assert "  not taken: CATEGORY_URL: the old site's category pages (category/{slug}.html) have no counterpart" in told
    assert "  not taken: PAGE_URL: the old site's pages (pages/{slug}.html) are at pages' own URLs in ssg" in told
    assert "AUTHOR_URL" not in told  # (Pelican wrote no author pages)


def test_init_of_a_bilingual_hugo_site_with_its_default_language_in_a_folder_says_what_old_urls_miss(tmp_path):
    """Hugo's defaultContentLanguageInSubdir put the default language's articles under /ru/ as well: old_urls: wrote
    their redirects at the root, where Hugo had none, without a word (a second reading)."""
    hugo = tmp_path / "hugo"
    (hugo / "content/posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(
        'title = "X"\ndefaultContentLanguage = "ru"\ndefaultContentLanguageInSubdir = true\n'
        "[languages.ru]\n  weight = 1\n[languages.en]\n  weight = 2\n"
    )
    told = run("init", str(hugo)).output
    assert "not taken: old_urls: Hugo's defaultContentLanguageInSubdir put the default language's articles under /ru/ too" in told
