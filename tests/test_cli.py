"""The command line: exit codes, messages, init and new."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from ssg import __version__, workflow
from ssg.cli import main
from ssg.workflow import install_requirement

from .conftest import article


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_version_and_help():
    assert run("--version").output.strip() == f"ssg, version {__version__}"
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
    result = run("-C", str(folder), "build")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Built ") and "pages (" in result.output and str(folder / "public") in result.output
    assert run("-C", str(folder), "check").exit_code == 0
    assert run("init", str(folder)).exit_code == 1  # never overwrites


def test_init_adds_a_github_pages_workflow(tmp_path):
    folder = tmp_path / "archive"
    run("init", str(folder))
    workflow = yaml.safe_load((folder / ".github/workflows/pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert 'ssg build --base-url "${{ steps.pages.outputs.base_url }}/"' in runs and "ssg check --links public" in runs
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/upload-pages-artifact"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["env"]["SSG_REQUIREMENT"] == install_requirement()
    assert workflow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # YAML 1.1 reads `on:` as true


def test_workflow_installs_ssg_from_where_it_came_from(monkeypatch):
    class Installed:
        def __init__(self, direct_url: str | None):
            self.direct_url = direct_url

        def read_text(self, name: str) -> str | None:
            return self.direct_url

    git = '{"url": "https://github.com/u/ssg.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}'
    for direct_url, expected in [
        (git, "ssg @ git+https://github.com/u/ssg.git@abc123"),
        ('{"url": "file:///home/u/ssg", "dir_info": {"editable": true}}', f"ssg=={__version__}"),
        (None, f"ssg=={__version__}"),
    ]:
        monkeypatch.setattr(workflow.metadata, "distribution", lambda name, d=direct_url: Installed(d))
        assert install_requirement() == expected


def test_init_keeps_an_existing_workflow(tmp_path):
    folder = tmp_path / "archive"
    (folder / ".github/workflows").mkdir(parents=True)
    (folder / ".github/workflows/pages.yml").write_text("mine\n")
    assert run("init", str(folder)).exit_code == 0
    assert (folder / ".github/workflows/pages.yml").read_text() == "mine\n"


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
    front = yaml.safe_load(text.split("---")[1])
    assert front["title"] == "Роскосмос и NASA" and front["lang"] == "ru" and front["tags"] == ["Roscosmos", "NASA"]
    assert front["source"] == {"name": "TASS", "url": "https://tass.ru/1"} and front["date"].endswith("+03:00")
    again = run(*args)
    assert again.exit_code == 1 and "already exists" in again.output
    assert path.read_text(encoding="utf-8") == text
    assert run("-C", str(project.root), "build", "--future").exit_code == 0


def test_errors_exit_1_with_every_problem(project):
    project.write({"content/a.md": "---\ntitle: A\ndate: nope\n---\n", "content/b.md": "no front matter\n"})
    result = run("-C", str(project.root), "build")
    assert result.exit_code == 1
    assert "error: content/a.md:3: date: 'nope' is not a date" in result.output
    assert "error: content/b.md:1: no front matter" in result.output
    assert "Build failed: 2 problems." in result.output
    assert not (project.root / "public").exists()


def test_check_writes_nothing(project):
    project.write({"content/a.md": article("A", "2021-01-01", tittle="x")})
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 0 and "did you mean 'title'?" in result.output
    assert not (project.root / "public").exists() and not (project.root / ".ssg-cache").exists()


def test_console_script_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "ssg", "--version"], capture_output=True, text=True, check=True)
    assert __version__ in result.stdout


def test_failed_file_still_shows_its_typo_warning(project):
    project.write({"content/a.md": "---\ntittle: A\ndate: 2021-01-01\n---\n"})
    result = run("-C", str(project.root), "build")
    assert result.exit_code == 1
    assert "warning: content/a.md:2: tittle: unknown key, kept for templates; did you mean 'title'?" in result.output
    assert "error: content/a.md: title: is missing" in result.output


def test_check_reports_template_syntax_errors(project):
    project.write({"content/a.md": article("A", "2021-01-01"), "templates/tags.html": "{% if %}\n", "templates/extra.html": "ok\n{{ x }\n"})
    result = run("-C", str(project.root), "check")
    assert result.exit_code == 1
    assert "error: templates/extra.html:2: unexpected '}'" in result.output
    assert "error: templates/tags.html:1: Expected an expression, got 'end of statement block'" in result.output


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
