"""site.yaml's `exclude:` (`exclude.Exclusions`): gitignore's patterns of the content folder, for an Obsidian vault
used as one (a trial published its `Templates/`, its Excalidraw drawings, its dashboards and its `private/` folder as
articles)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import ssg.exclude
from ssg.build import Builder, BuildOptions
from ssg.cli import main
from ssg.config import load_config
from ssg.errors import SsgError
from ssg.events import ContentEvents
from ssg.exclude import Exclusions, checked
from ssg.load import content_stats, other_article_files, restat
from ssg.scaffold import default_site_yaml, new_file
from ssg.watch import ChangeKind, Layout, classify

from .conftest import NOW, SITE_YAML, Project, article

VAULT_EXCLUDE = """\
exclude:
  - Templates/
  - "*.excalidraw.md"
  - private/**
  - Dashboards/*.md
"""


def vault(project: Project, exclude: str = VAULT_EXCLUDE) -> Project:
    """An Obsidian vault as the content folder: an article, and what the vault holds besides (each of which a build
    without `exclude:` reads as an article, and publishes)."""
    return project.write(
        {
            "site.yaml": SITE_YAML + exclude,
            "content/2024/real.md": article("Real", "2024-02-01", "The article."),
            "content/Templates/Daily.md": article("<% tp.file.title %>", "2024-01-01", "<% tp.date.now() %>"),
            "content/2024/Drawing 2024.excalidraw.md": article("Drawing 2024", "2024-01-02", "```compressed-json\nN4Ig\n```"),
            "content/Dashboards/Home.md": article("Home", "2024-01-03", "```dataview\nTABLE file.mtime\n```"),
            "content/Dashboards/2023/Old.md": article("Old dashboard", "2023-01-03", "Kept: the pattern is one folder's files."),
            "content/private/diary.md": article("Diary", "2024-01-04", "Not for the site. ![scan](scan.png)"),
            "content/private/scan.png": b"\x89PNG\r\n\x1a\n",
            "content/.obsidian/app.json": "{}",
        }
    )


@pytest.mark.parametrize(
    ("pattern", "excluded", "kept"),
    [
        # no slash but at the end: at any depth (gitignore's rule), folders alone
        ("Templates/", ["Templates/a.md", "notes/Templates/a.md"], ["Templates.md", "templates/a.md", "TemplatesX/a.md"]),
        # a slash at the start: the content folder's top alone
        ("/Templates/", ["Templates/a.md"], ["notes/Templates/a.md"]),
        ("*.excalidraw.md", ["Drawing 2024.excalidraw.md", "2024/x.excalidraw.md"], ["2024/excalidraw.md", "2024/x.md"]),
        ("private/**", ["private/a.md", "private/deep/b.md"], ["notes/private/a.md", "private.md"]),
        # a slash in the middle: from the top
        ("drafts/old-*.md", ["drafts/old-1.md"], ["drafts/new.md", "x/drafts/old-1.md", "drafts/deeper/old-1.md"]),
        ("**/drafts/", ["drafts/a.md", "x/y/drafts/a.md"], ["drafts.md"]),
    ],
)
def test_patterns_match_as_gitignore_writes_them(pattern, excluded, kept):
    exclusions = Exclusions([pattern])
    assert [path for path in excluded if not exclusions.excludes(path)] == []
    assert [path for path in kept if exclusions.excludes(path)] == []


def test_a_file_taken_back_with_an_exclamation_mark_is_kept_but_not_out_of_a_folder_excluded_whole():
    """git's rule: a folder excluded is not listed, so no file in it comes back; a file excluded by its name does."""
    exclusions = Exclusions(["*.excalidraw.md", "!keep.excalidraw.md", "private/", "!private/public.md"])
    assert exclusions.excludes("2024/x.excalidraw.md")
    assert not exclusions.excludes("2024/keep.excalidraw.md")
    assert exclusions.excludes("private/public.md")


def test_folder_patterns_ask_no_file_its_name():
    """The listing of 10,000 files asks each folder once; the files' names only where a pattern may name a file."""
    assert not Exclusions(["Templates/", "private/**", "/Dashboards/"]).names_files
    assert Exclusions(["Templates/", "*.excalidraw.md"]).names_files
    assert Exclusions(["Templates/", "!Templates/keep.md"]).names_files  # (with a `!`, the order decides: all are asked)


def test_the_listing_goes_into_no_excluded_folder_and_asks_no_file_without_a_pattern_for_files(project, monkeypatch):
    vault(project)
    content = project.root / "content"
    asked: list[str] = []
    real = Exclusions.file
    monkeypatch.setattr(Exclusions, "file", lambda self, path: asked.append(path) or real(self, path))
    exclusions = load_config(project.root).exclude
    assert list(content_stats(content, exclude=exclusions)) == ["2024/real.md", "Dashboards/2023/Old.md"]
    assert list(content_stats(content)) == [
        "2024/Drawing 2024.excalidraw.md",
        "2024/real.md",
        "Dashboards/2023/Old.md",
        "Dashboards/Home.md",
        "Templates/Daily.md",
        "private/diary.md",
    ]
    folders_only = Exclusions(["Templates/", "private/", "Dashboards/"])
    assert list(content_stats(content, exclude=folders_only)) == ["2024/Drawing 2024.excalidraw.md", "2024/real.md"]
    assert asked == []  # (`kept` asks pathspec of the listed files at once, where some pattern names files)


def test_restat_lists_as_a_full_listing_does(project):
    vault(project)
    content = project.root / "content"
    exclusions = load_config(project.root).exclude
    stats = content_stats(content, exclude=exclusions)
    project.write(
        {
            "content/2024/Drawing 2025.excalidraw.md": "new drawing",
            "content/Templates/Weekly.md": "new template",
            "content/private/more/x.md": "new",
            "content/2024/other.md": article("Other", "2024-02-02"),
        }
    )
    changed = [content / p for p in ("2024/Drawing 2025.excalidraw.md", "Templates/Weekly.md", "private/more", "2024/other.md")]
    assert restat(content, stats, changed, exclusions) == content_stats(content, exclude=exclusions)
    assert "2024/other.md" in restat(content, stats, changed, exclusions)


def test_a_vault_builds_without_its_templates_drawings_dashboards_and_private_notes_and_without_a_warning(project):
    vault(project)
    result = project.build()
    assert result.warnings == []
    assert result.articles == 2  # (2024/real.md, Dashboards/2023/Old.md)
    published = "\n".join(project.files())
    text = "\n".join(data.decode("utf-8", "replace") for data in project.files().values())
    for word in ("tp.file.title", "Drawing 2024", "dataview", "Diary", "scan.png", "obsidian"):
        assert word not in published and word not in text, word
    assert "The article." in project.page("2024/02/01/real/")


def test_without_exclude_the_same_vault_is_published_as_before(project):
    """(What the trial found: each of them an article.)"""
    vault(project, exclude="")
    assert project.build().articles == 6


def test_an_excluded_file_an_article_links_is_not_published_and_the_link_is_told(project):
    vault(project)
    project.write(
        {
            "content/2024/real.md": article(
                "Real", "2024-02-01", "See [the template](../Templates/Daily.md) and ![a scan](../private/scan.png)."
            ),
        }
    )
    with pytest.raises(SsgError) as raised:
        project.build()
    [problem] = raised.value.problems
    assert (problem.path, problem.line) == ("content/2024/real.md", 6)
    assert "'private/scan.png' not found (site.yaml's exclude: leaves content/private/scan.png out of the site" in problem.message
    project.write({"content/2024/real.md": article("Real", "2024-02-01", "See [the template](../Templates/Daily.md).")})
    [warning] = project.build().warnings
    assert warning.message == (
        "links to Templates/Daily.md, which is not a published article (site.yaml's exclude: leaves content/Templates/Daily.md out of the site)"
    )
    assert not (project.public / "Templates").exists() and not (project.public / "private").exists()


def test_a_pattern_that_matches_nothing_is_warned_of_on_its_line_where_what_it_meant_is_there(project):
    vault(project, VAULT_EXCLUDE + "  - templates/\n  - content/private/\n  - Dashboard/\n  - drafts/\n  - '*.tmp'\n")
    warnings = project.build().warnings
    assert [(w.path, w.line, w.field, w.message) for w in warnings] == [
        (
            "site.yaml",
            10,
            "exclude",
            "'templates/' matches nothing in content/ (content/Templates/ is there: names are matched with their capitals as written)",
        ),
        ("site.yaml", 11, "exclude", "'content/private/' matches nothing in content/ (its patterns are paths in content/: write private/)"),
        ("site.yaml", 12, "exclude", "'Dashboard/' matches nothing in content/ (content/Dashboards/ is there: write Dashboards for it)"),
    ]  # (not drafts/ nor *.tmp, which nothing is like: a folder a clone has not, as a vault's .gitignore keeps private/)
    project.write({"site.yaml": SITE_YAML + "exclude: [Templates/, Template/]\n"})
    [warning] = project.build().warnings
    assert (warning.line, warning.message) == (
        5,
        "'Template/' matches nothing in content/ (content/Templates/ is there: write Templates for it)",
    )
    assert project.build(dry_run=True).warnings == [warning]  # (ssg check)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "{Templates: true}",
            "must be a list of patterns of files and folders in the content folder, e.g. exclude: [Templates/, '*.excalidraw.md', private/]",
        ),
        ("true", "must be a list of patterns"),
        ("[Templates/, 2019]", "2019 is a number, not a pattern: put it in quotes, '2019'"),
        ("[Templates/, '']", "has an empty pattern: remove it, or write one"),
        ("[Templates/, [a]]", "['a'] is not a pattern: write each as text"),
        (
            "[*.excalidraw.md]",
            'YAML syntax error: a list\'s item cannot start with * as written (YAML reads * there as an alias): put it in quotes, "*.excalidraw.md"',
        ),
    ],
)
def test_a_wrong_exclude_is_an_error_on_its_line_saying_what_to_write(project, value, message):
    project.write({"site.yaml": SITE_YAML + f"exclude: {value}\n"})
    with pytest.raises(SsgError) as raised:
        load_config(project.root)
    [problem] = raised.value.problems
    assert (problem.path, problem.line) == ("site.yaml", 5)
    assert problem.message.startswith(message), problem.message


def test_one_pattern_written_alone_and_an_empty_list_are_taken():
    assert checked("Templates/") == Exclusions(["Templates/"])
    assert checked([]) is None  # (nothing asked of any file)


def test_init_explains_it_commented_with_an_example():
    text = default_site_yaml()
    assert "\n# exclude: [Templates/, '*.excalidraw.md', private/]  # e.g.\n" in text
    assert "as a .gitignore writes them" in text


def test_new_refuses_an_article_no_build_would_read(project):
    project.write({"site.yaml": SITE_YAML + "exclude: [Templates/]\n"})
    with pytest.raises(SsgError) as raised:
        new_file(load_config(project.root), "content/Templates/daily.md")
    assert "site.yaml's exclude: leaves it out of the site" in raised.value.problems[0].message


def test_ssg_check_names_no_excluded_file_as_unread(project):
    """`other_article_files` names files with front matter that are no Markdown: a vault's `Templates/x.html` is none."""
    vault(project)
    project.write({"content/Templates/page.html": "---\ntitle: x\n---\n", "content/notes/page.html": "---\ntitle: y\n---\n"})
    content = project.root / "content"
    assert other_article_files(content, load_config(project.root).exclude) == ["notes/page.html"]
    assert [w.path for w in project.build(dry_run=True).warnings] == ["content/notes/page.html"]


def test_the_preview_takes_a_save_of_an_excluded_file_for_no_change(project):
    vault(project)
    layout = Layout.of(load_config(project.root))
    content = project.root / "content"
    for path in ("Templates/Daily.md", "Templates", "2024/Drawing 2025.excalidraw.md", "private/deep/x.md", "Dashboards/Home.md"):
        assert classify(content / path, layout) is ChangeKind.IGNORED, path
    for path in ("2024/real.md", "Dashboards/2023/Old.md", "2024"):
        assert classify(content / path, layout) is ChangeKind.CONTENT, path


def test_the_build_servers_events_do_not_watch_an_excluded_folder(project):
    vault(project)
    content = project.root / "content"
    events = ContentEvents(content, load_config(project.root).exclude)
    assert events.take() is None
    (content / "Templates/Daily.md").write_text("edited")
    (content / "private/new").mkdir()
    (content / "2024/real.md").write_text(article("Real", "2024-02-01", "Edited."))
    assert events.take() == {str(content / "2024/real.md")}
    assert all("Templates" not in folder and "private" not in folder for folder in events._folders.values())


def test_a_builder_saves_of_an_excluded_file_build_nothing(project):
    vault(project)
    builder = Builder(hears=True)
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    (project.root / "content/Templates/Daily.md").write_text(article("Changed", "2024-01-01", "x"))
    (project.root / "content/2024/Drawing 2024.excalidraw.md").write_text("drawn again")
    assert builder.build(load_config(project.root), BuildOptions(now=NOW)).up_to_date


def test_the_module_names_pathspec_as_pyproject_does():
    """(pyproject lists the library it imports.)"""
    assert ssg.exclude.GitIgnoreSpec.__module__.startswith("pathspec")


def test_init_of_a_hugo_site_takes_ignore_files_that_say_an_ending_and_tells_of_the_others(tmp_path):
    hugo = tmp_path / "hugo"
    (hugo / "content/posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "https://news.example.com/"\nignoreFiles = ["\\\\.excalidraw\\\\.md$", "^private/"]\n')
    told = CliRunner().invoke(main, ["init", str(hugo)], catch_exceptions=False).output
    assert "\nexclude: ['*.excalidraw.md']\n" in (hugo / "site.yaml").read_text(encoding="utf-8")
    assert "ignoreFiles: ['^private/'] are regular expressions: write in exclude: the content folder's files and folders" in told
    assert load_config(hugo).exclude == Exclusions(["*.excalidraw.md"])


def test_init_of_a_jekyll_site_says_its_exclude_is_not_ssgs(tmp_path):
    """Jekyll's `exclude:` names the site folder's files (Gemfile, node_modules/), of which ssg reads none: taken over,
    each would be a pattern of the content folder matching nothing."""
    jekyll = tmp_path / "jekyll"
    jekyll.mkdir()
    (jekyll / "_config.yml").write_text("title: X\nurl: https://example.org\nexclude: [Gemfile, node_modules/, vendor/]\n")
    told = CliRunner().invoke(main, ["init", str(jekyll)], catch_exceptions=False).output
    assert "exclude: Jekyll's are paths in the site's folder, where ssg reads only the content folder and static/" in told
    assert "\n# exclude: [Templates/, '*.excalidraw.md', private/]  # e.g.\n" in (jekyll / "site.yaml").read_text(encoding="utf-8")


def test_hugos_ignore_files_pasted_in_site_yaml_is_told_of_ssgs_exclude(project):
    project.write({"site.yaml": SITE_YAML + "ignoreFiles: ['\\.tmp$']\n"})
    with pytest.raises(SsgError) as raised:
        load_config(project.root)
    assert raised.value.problems[0].message.startswith("unknown option (Hugo's; ssg's is exclude, a .gitignore's patterns")


def test_the_one_expression_a_listing_asks_says_what_pathspec_says():
    """`kept` asks pathspec's expressions joined as one (a third of the time of asking pathspec path by path)."""
    patterns = ["*.excalidraw.md", "drafts/old-*.md", "/top-*.md", "**/notes/*.md", "a?c.md", "[Dd]ashboard.md", "x\\ y.md"]
    paths = [
        "Drawing 2024.excalidraw.md", "2024/x.excalidraw.md", "2024/excalidraw.md", "drafts/old-1.md", "x/drafts/old-1.md",
        "top-1.md", "x/top-1.md", "notes/a.md", "x/notes/a.md", "x/notes/y/a.md", "abc.md", "a/b/c.md", "Dashboard.md",
        "2021/dashboard.md", "x y.md", "x/x y.md", "2021/a.md",
    ]  # fmt: skip
    exclusions = Exclusions(patterns)
    assert exclusions._one is not None  # (else pathspec is asked path by path, and this compares nothing)
    spec = ssg.exclude.GitIgnoreSpec.from_lines(patterns)
    assert [exclusions.file(path) for path in paths] == [spec.match_file(path) for path in paths]
    assert list(exclusions.kept(dict.fromkeys(paths, (1, 1)))) == [path for path in paths if not spec.match_file(path)]


def test_a_missing_files_hint_names_no_excluded_file(project):
    vault(project)
    project.write({"content/2024/real.md": article("Real", "2024-02-01", "![a scan](scan.png)")})
    with pytest.raises(SsgError) as raised:
        project.build()
    [problem] = raised.value.problems
    assert "private/scan.png" not in problem.message
    assert problem.message == "linked file '2024/scan.png' not found (put it at content/2024/scan.png or fix the path)"


def test_static_is_copied_whole_whatever_exclude_says(project):
    """`exclude:` is the content folder's: static/ is the site's files as they are (docs/content.md says so)."""
    vault(project)
    project.write({"static/Templates/print.css": "body {}\n", "static/private/key.asc": "public key\n"})
    project.build()
    assert (project.public / "Templates/print.css").is_file() and (project.public / "private/key.asc").is_file()
