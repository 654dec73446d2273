"""A newsroom sharing one archive through git: what pulls, merges and clones leave in a project."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssg.build import Builder, BuildOptions
from ssg.cli import main
from ssg.config import load_config
from ssg.errors import ConfigError, ContentError, OutputError, TemplateError
from ssg.output import MANIFEST

from .conftest import NOW, SITE_YAML, Project, article, ssg_env, tree
from .test_content import problems, read

CONFLICTED_FRONT = """\
---
title: Roscosmos signs launch deal
date: 2026-12-05T08:38:57+00:00
source:
<<<<<<< HEAD
  name: Interfax
  url: https://www.interfax.ru/1
=======
  name: TASS
  url: https://tass.ru/2
>>>>>>> efb427c (bob: deal)
---

Text.
"""

CONFLICTED_BODY = """\
---
title: Roscosmos signs launch deal
date: 2026-12-05T08:38:57+00:00
---

<<<<<<< HEAD
Alice's text about the deal.
=======
Bob's text from TASS.
>>>>>>> efb427c (bob: deal)
"""


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (CONFLICTED_FRONT, "5: None: an unresolved merge conflict: git's <<<<<<< line here, ======= on line 8, >>>>>>> on line 11"),
        (CONFLICTED_BODY, "6: None: an unresolved merge conflict: git's <<<<<<< line here, ======= on line 8, >>>>>>> on line 10"),
    ],
)
def test_git_conflict_markers_in_an_article_are_an_error_on_their_line(text, where):
    """A `git pull` that stopped on an article left git's markers in it: in front matter they gave a YAML error on the
    line after `<<<<<<<` that never said "conflict"; in the body they were published (`=======` a heading)."""
    assert problems(text) == [f"2021/story.md:{where}; keep the lines you want of the two versions and delete the three marker lines"]


@pytest.mark.parametrize(
    "body",
    [
        "```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n```\n",
        # (a fence of four showing one of three, as a page about Markdown does: the inner ``` does not close it)
        "````markdown\n```\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n```\n````\n",
        "~~~\n```python\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n~~~\n",
    ],
)
def test_marker_lines_shown_in_fenced_code_are_text(body):
    """An article about git may show a conflict as an example: in fenced code it is no conflict of the file."""
    assert "problems" not in read(article("How to merge", "2021-01-01", body))


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_git_conflict_markers_in_site_yaml_are_told_as_a_conflict(project, line_end):
    """site.yaml edited by two editors: the YAML error was 'mapping values are not allowed' on another line."""
    text = SITE_YAML + "<<<<<<< HEAD\nlatest: 5\n=======\nlatest: 8\n>>>>>>> 1234abc (bob: latest)\n"
    project.write({"site.yaml": text.replace("\n", line_end).encode()})
    with pytest.raises(ConfigError) as caught:
        load_config(project.root)
    assert [str(p) for p in caught.value.problems] == [
        "site.yaml:5: an unresolved merge conflict: git's <<<<<<< line here, ======= on line 7, >>>>>>> on line 9; "
        "keep the lines you want of the two versions and delete the three marker lines"
    ]


def test_the_build_cache_is_never_committed_whatever_its_name(project):
    """`cache_dir: build-cache` (or an archive made before `ssg init` wrote its .gitignore): `git add -A` committed
    megabytes of SQLite that every editor's next build changed, so that every pull stopped on them."""
    project.write({"site.yaml": SITE_YAML + "cache_dir: build-cache\n", "content/2021/a.md": article("A", "2021-01-01")})
    project.build()
    git = ["git", "-C", str(project.root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    staged = subprocess.run([*git, "diff", "--cached", "--name-only"], check=True, capture_output=True, text=True).stdout.split()
    assert "content/2021/a.md" in staged
    assert [name for name in staged if name.startswith("build-cache/")] == []


def test_one_story_written_up_by_two_editors_is_told_as_such(project):
    """Two editors each wrote up the same news, one in content/2026/, one in a folder of their own: the message said to
    give one a `lang:` if it translated the other, which it did not."""
    project.write(
        {
            "content/2021/deal-signed.md": article("Deal signed", "2021-12-05T10:00:00+03:00", "Alice's text."),
            "content/2021/december/deal-signed.md": article("Deal  signed", "2021-12-05T11:00:00+03:00", "Bob's text."),
        }
    )
    with pytest.raises(ContentError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [
        "content/2021/december/deal-signed.md: slug: has the same URL /2021/12/05/deal-signed/ as content/2021/deal-signed.md, "
        "with the same title: if it is one story written twice, keep one file; if two, give one a `slug:` of its own"
    ]


def test_an_output_kept_in_git_whose_manifest_a_pull_merged_says_so_and_what_to_do(project):
    """`output_dir: docs` committed for GitHub Pages: two editors' builds merged left git's markers in the manifest, and
    the build said only that it 'is damaged'."""
    project.write({"content/2021/a.md": article("A", "2021-01-01")})
    project.build()
    manifest = project.public / MANIFEST
    ours = manifest.read_text(encoding="utf-8")
    manifest.write_text(f"<<<<<<< HEAD\n{ours}\n=======\n{ours.replace('a', 'b')}\n>>>>>>> 5d1e0c2 (bob: story)\n", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        project.build()
    [problem] = caught.value.problems
    assert problem.message == (
        "has git's merge-conflict markers (line 1): a pull merged two builds of this output folder, kept in git; if every "
        "file in it is ssg's, delete the folder and build again (then git add it): the build writes the merged site"
    )


def test_a_translation_of_an_article_not_pulled_yet_says_there_is_no_such_file(project):
    """`ssg new --translation-of 2026/moon-base.md` before pulling the colleague's article said it 'is not an article file'
    and showed the form of one, which it had."""
    project.write({"site.yaml": SITE_YAML + "languages: [en, ru]\n"})
    result = CliRunner().invoke(main, ["-C", str(project.root), "new", "--translation-of", "2026/moon-base.md", "Лунная база"])
    assert result.exit_code == 1
    assert "2026/moon-base.md is not an article file under content/: there is no such file (if another editor wrote it, pull first)" in (
        result.output
    )


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_git_conflict_markers_in_a_template_are_an_error_on_their_line(project, line_end):
    """Two editors changed templates/footer.html: Jinja took the markers for text and printed both versions, markers and
    all, at the foot of every page."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-01-01"),
            "templates/footer.html": (
                "<footer>\n<<<<<<< HEAD\n  <p>{{ site.title }} newsroom</p>\n=======\n  <p>{{ site.title }} (Carol)</p>\n"
                ">>>>>>> 77aa0c1 (carol: footer)\n</footer>\n"
            )
            .replace("\n", line_end)
            .encode(),
        }
    )
    with pytest.raises(TemplateError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [
        "templates/footer.html:2: an unresolved merge conflict: git's <<<<<<< line here, ======= on line 4, >>>>>>> on line 6; "
        "keep the lines you want of the two versions and delete the three marker lines"
    ]


def test_a_link_to_an_article_a_colleague_renamed_names_its_new_file(project):
    """Bob renamed deal-signed.md to deal-signed-paris.md; Alice's follow-up, pulled, still linked the old name: the
    warning named no file (too far apart for a typo)."""
    project.write(
        {
            "content/2021/deal-signed-paris.md": article("Deal signed in Paris", "2021-12-05"),
            "content/2021/follow-up.md": article("Follow-up", "2021-12-06", "See [the deal](deal-signed.md)."),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/follow-up.md:6: links to 2021/deal-signed.md, which is not a published article "
        "(did you mean content/2021/deal-signed-paris.md? write deal-signed-paris.md)"
    ]


CONFLICTED_CSS = """\
:root { --accent: #b4232b; }
<<<<<<< HEAD
.site-header { background: navy; }
=======
.site-header { background: teal; }
>>>>>>> 3f2a9c1 (dana: header colour)
"""


@pytest.mark.parametrize(
    "path",
    ["static/assets/custom.css", "static/js/menu.js", "static/embeds/map.html", "themes/courier/static/assets/courier.css"],
)
def test_git_conflict_markers_in_a_static_stylesheet_or_script_are_an_error_on_their_line(project, path):
    """A `git pull` that stopped on static/assets/custom.css left git's markers in it, and the build copied them as they
    were: browsers dropped the rule after them, and every reader downloaded both versions."""
    project.write({"content/2021/a.md": article("A", "2021-01-01"), path: CONFLICTED_CSS})
    if path.startswith("themes/"):
        project.write({"themes/courier/theme.yaml": "extends: default\n", "site.yaml": SITE_YAML + "theme: courier\n"})
    with pytest.raises(ContentError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2: an unresolved merge conflict: git's <<<<<<< line here, ======= on line 4, >>>>>>> on line 6; "
        "keep the lines you want of the two versions and delete the three marker lines"
    ]
    assert not project.public.exists()  # (found before anything is written)
    project.write({path: CONFLICTED_CSS.replace("<<<<<<< HEAD\n", "").split("=======")[0]})  # resolved
    project.build()
    assert "navy" in (project.public / path.split("static/", 1)[1]).read_text()


def test_only_static_files_that_changed_are_read_for_conflict_markers(project, monkeypatch):
    """A preview's save of an article reads no stylesheet: what the last build copied as it is now is known."""
    project.write({"content/2021/a.md": article("A", "2021-01-01"), "static/assets/custom.css": "body { color: black; }\n"})
    builder = Builder()
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.suffix) or real(self))
    project.write({"content/2021/a.md": article("A, edited", "2021-01-01")})
    builder.build(load_config(project.root), BuildOptions(now=NOW))
    assert ".css" not in read and ".js" not in read
    project.write({"static/assets/custom.css": CONFLICTED_CSS})
    with pytest.raises(ContentError, match=r"static/assets/custom.css:2: an unresolved merge conflict"):
        builder.build(load_config(project.root), BuildOptions(now=NOW))


def _mac_named(text: str) -> str:
    """`text` as macOS names a file: its letters decomposed (NFD), `й` as `и` and a breve."""
    return unicodedata.normalize("NFD", text)


def _archive_named(project: Project, name: Callable[[str], str]) -> dict[str, bytes]:
    """An archive whose folder, article and picture have Cyrillic names (given by `name`), linked from another article
    as a person types the names (composed, NFC); built, its files."""
    project.write(
        {
            name("content/2021/май/ёлка-на-мкс.md"): article("Ёлка на МКС", "2021-12-24T09:00:00+03:00", "Ёлка.\n\n![Ёлка](ёлка.jpg)"),
            name("content/2021/май/ёлка.jpg"): b"\xff\xd8\xff\xe0 a picture",
            "content/2021/link.md": article("Ссылка", "2021-12-25T09:00:00+03:00", "См. [ёлку](май/ёлка-на-мкс.md)."),
        }
    )
    project.build()
    return tree(project.public)


def test_names_a_mac_saved_decomposed_build_as_they_do_on_the_mac(project, tmp_path):
    """A Mac saves `й` and `ё` of a file's name decomposed (NFD), and links typed to them are composed: on the Mac the
    build published the picture, and CI on Linux failed, 'linked file not found (put it at content/2021/май/ёлка.jpg)',
    the very path where it was; the article's URL was /yelka-na-mks/ there, /yolka-na-mks/ where the name was typed.
    The same archive, its names composed, builds to the same bytes."""
    mac = _archive_named(project, _mac_named)
    assert mac == _archive_named(Project(tmp_path / "typed").write({"site.yaml": SITE_YAML}), str)
    assert "2021/12/24/yolka-na-mks/index.html" in mac
    assert "2021/май/ёлка.jpg" in mac
    assert 'href="../../24/yolka-na-mks/"' in mac["2021/12/25/link/index.html"].decode()


def test_a_tag_pasted_with_decomposed_letters_is_the_tag_typed(project):
    """A tag copied from a Mac's file name or a PDF (`Ёлки` decomposed) was another tag than `Ёлки` typed: tags/yolki-2/,
    and a warning naming the two tags alike."""
    project.write(
        {
            "content/2021/a.md": article("А", "2021-06-05", tags="[Ёлки]"),
            "content/2021/b.md": _mac_named(article("Б", "2021-06-06", tags="[Ёлки]")),
        }
    )
    assert project.build().warnings == []
    assert sorted(path.name for path in (project.public / "tags").iterdir()) == ["index.html", "yolki"]


def test_a_machine_set_to_a_legacy_locale_is_told_to_read_file_names_as_git_wrote_them(project):
    """Python reads file names in the locale's encoding: on a machine set to ru_RU.CP1251 (or, as here, to the C locale
    with Python's UTF-8 mode turned off) `ёлка.md` was published at another URL than everywhere else, without a word.
    It is said, with what to set; set, the URL is everyone's."""
    project.write({"content/2021/ёлка.md": article("Ёлка на МКС", "2021-12-24T09:00:00+03:00")})
    env = {**ssg_env(), "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = subprocess.run([sys.executable, "-m", "ssg", "-C", str(project.root), "build"], env=env, capture_output=True, check=False)
    assert "warning: this machine reads file names as ascii (its locale), and git writes them in UTF-8" in done.stderr.decode()
    assert "set PYTHONUTF8=1, or a UTF-8 locale (LC_ALL=ru_RU.UTF-8)" in done.stderr.decode()
    assert "Traceback" not in done.stderr.decode()  # (the name's escapes failed its digest: now an error on the file)
    env["PYTHONUTF8"] = "1"
    done = subprocess.run([sys.executable, "-m", "ssg", "-C", str(project.root), "build"], env=env, capture_output=True, check=False)
    assert done.returncode == 0 and "warning: this machine" not in done.stderr.decode(), done.stderr.decode()
    assert (project.public / "2021/12/24/yolka/index.html").is_file()


def test_pictures_in_a_folder_linked_out_of_the_repository_are_said_to_be_there_only(project, tmp_path):
    """content/nas -> /mnt/nas/photos, committed: the editor's build published the picture while its warning said
    nothing in the folder was published, and CI's clone, where the link leads nowhere, said to put the picture at
    content/nas/launch.jpg, not that content/nas was a link to a share it does not have."""
    share = tmp_path / "nas"
    share.mkdir()
    (share / "launch.jpg").write_bytes(b"\xff\xd8\xff")
    project.write({"content/2021/a.md": article("Пуск", "2021-06-02", image="{src: nas/launch.jpg, credit: Роскосмос}")})
    (project.root / "content/nas").symlink_to(share, target_is_directory=True)
    [warning] = project.build().warnings
    assert f"a file an article names there is published, but only on a machine that has {share}" in warning.message
    assert (project.public / "nas/launch.jpg").is_file()
    (share / "launch.jpg").unlink()
    share.rmdir()
    with pytest.raises(ContentError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [
        f"content/2021/a.md:4: image: image 'nas/launch.jpg' not found (content/nas is a link to {share}, which is not on "
        "this machine: keep the file in content/, which every clone of the repository has (as CI's))"
    ]


def test_a_git_lfs_pointer_is_no_picture_to_publish(project):
    """A clone without git-lfs (GitHub's checkout without `lfs: true`) has a pointer, 130 bytes of text, for each picture
    git-lfs keeps: CI published the pointers as the photos, "0 warnings" (found by a reproducible builds trial)."""
    pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146a9e6c2b1\nsize 482113\n"
    project.write({"content/2020/a.md": article("Луна", "2020-12-17", image="{src: images/moon.jpg, credit: CNSA}")})
    project.write({"content/images/moon.jpg": pointer, "static/tiny.gif": b"GIF89a\x01\x00\x01\x00"})
    with pytest.raises(ContentError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [
        "content/images/moon.jpg: is Git LFS's pointer to the file, not the file: this clone has not fetched it (git lfs "
        "pull; in a GitHub Actions workflow, actions/checkout with lfs: true)"
    ]
    project.write({"content/images/moon.jpg": b"\xff\xd8\xff" + b"photo" * 200})
    project.build()
    assert (project.public / "tiny.gif").is_file()


def test_a_picture_git_annex_has_not_fetched_is_told_to_get(project):
    """A clone without `git annex get` has each annexed picture as a link leading nowhere: the error said to write the
    path the article had written ("content/images/moon.jpg has that name: write images/moon.jpg"; found by a
    reproducible builds trial)."""
    project.write({"content/2020/a.md": article("Луна", "2020-12-17", image="{src: images/moon.jpg, credit: CNSA}")})
    (project.root / "content/images").mkdir()
    (project.root / "content/images/moon.jpg").symlink_to("../../.git/annex/objects/Xk/3v/SHA256E-s5--ab.jpg/SHA256E-s5--ab.jpg")
    with pytest.raises(ContentError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [
        "content/2020/a.md:4: image: image 'images/moon.jpg' not found (content/images/moon.jpg is git-annex's link to a "
        "file this clone has not fetched: git annex get content/images/moon.jpg)"
    ]


def test_files_whose_names_differ_only_in_capitals_are_told_a_mac_clone_holds_one(project):
    """static/Logo.png and static/logo.png, both in git: a Mac's clone has one file for the two, and the site built
    there lacked one of them without a word, where Linux's (CI's) had both."""
    project.write(
        {
            "static/Logo.png": b"\x89PNG one",
            "static/logo.png": b"\x89PNG two",
            "content/2021/a.md": article("Пуск", "2021-06-02", "![a](images/Photo.jpg) ![b](images/photo.jpg)"),
            "content/2021/images/Photo.jpg": b"\xff\xd8 one",
            "content/2021/images/photo.jpg": b"\xff\xd8 two",
        }
    )
    told = "only in capitals: a clone on a Mac or Windows, whose names ignore case, holds one file for the two"
    assert [str(w) for w in project.build().warnings] == [
        f"content/2021/images/photo.jpg: its name differs from content/2021/images/Photo.jpg's {told}, and the site "
        "built there lacks one (give one another name)",
        f"static/logo.png: its name differs from static/Logo.png's {told}, and the site built there lacks one (give one another name)",
    ]


def test_two_articles_whose_names_differ_only_in_capitals_say_so(project):
    """content/2021/Note.md and note.md, both in git: a Mac's clone shows one file, and the build in CI said to set
    another slug or date on a file the editor there could not see."""
    project.write({"content/2021/Note.md": article("A", "2021-06-03"), "content/2021/note.md": article("B", "2021-06-03")})
    with pytest.raises(ContentError) as caught:
        project.build()
    assert [str(p) for p in caught.value.problems] == [
        "content/2021/note.md: slug: has the same URL /2021/06/03/note/ as content/2021/Note.md, its name in other capitals: "
        "a clone on a Mac or Windows, whose names ignore case, holds one file for the two, so keep one (git rm --cached the "
        "other there) or give it another name"
    ]


def test_a_terminal_set_to_a_legacy_locale_gives_its_words_and_gets_its_messages_in_its_encoding(project):
    """In a CP1251 terminal, the command started again in UTF-8 mode (as it once did there) read `ssg new "Ёлка на
    МКС"`'s title, given as CP1251 bytes, as UTF-8 (escapes: "gives an empty file name"), and printed its messages in
    UTF-8 (`РјР°СЏ` on the terminal for `мая`). Its words and messages are the terminal's."""
    _have_legacy_locale()
    project.write({"content/2021/a.md": article("A", "2021-05-01")})
    env = {**ssg_env(), "LC_ALL": "ru_RU.CP1251", "LANG": "ru_RU.CP1251"}
    env.pop("PYTHONUTF8", None), env.pop("PYTHONIOENCODING", None)
    title = "Ёлка на МКС".encode("cp1251")
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"ssg", b"-C", str(project.root).encode(), b"new", title, b"--date", b"2021-12-24"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("cp1251")
    assert "title: Ёлка на МКС" in (project.root / "content/2021/yolka-na-mks.md").read_text(encoding="utf-8")
    assert "yolka-na-mks.md" in done.stdout.decode("cp1251")
    (project.root / "content/2021/b.md").write_text("---\ntitle: Б\ndate: 24 мая\n---\nТекст\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-m", "ssg", "-C", str(project.root), "build"], env=env, capture_output=True, check=False)
    assert failed.returncode == 1 and "'24 мая' has no year" in failed.stderr.decode("cp1251")


def test_a_folder_name_a_legacy_locale_cannot_read_is_an_error_naming_it(tmp_path):
    """Under ru_RU.CP1251 the "И" of a folder's UTF-8 name (bytes D0 98) reads as an escape, which the cache's database
    cannot hold: the build ended in a traceback. It is an error naming the folder, with what to set."""
    _have_legacy_locale()
    root = tmp_path / "Иван"
    (root / "content/2021").mkdir(parents=True)
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (root / "content/2021/a.md").write_text(article("A", "2021-05-01"), encoding="utf-8")
    env = {**ssg_env(), "LC_ALL": "ru_RU.CP1251", "LANG": "ru_RU.CP1251"}
    env.pop("PYTHONUTF8", None), env.pop("PYTHONIOENCODING", None)
    done = subprocess.run([sys.executable, "-m", "ssg", "build"], cwd=root, env=env, capture_output=True, check=False)
    told = done.stderr.decode("cp1251")
    assert done.returncode == 1 and "Traceback" not in told, told
    assert f"error: {root}/public: this machine's locale (cp1251) cannot read this name, which is in UTF-8 (set PYTHONUTF8=1" in told
    assert not (root / "public").exists()


def test_a_picture_of_static_a_mac_named_is_where_a_typed_link_looks(project):
    """static/images/ёлка.jpg saved on a Mac (decomposed) and linked as typed (/images/ёлка.jpg): the articles' text is
    read composed, so static/ is copied at its names composed, or the page's picture was a 404 on Linux."""
    project.write(
        {
            _mac_named("static/images/ёлка.jpg"): b"\xff\xd8\xff a picture",
            "content/2021/a.md": article("Ёлка", "2021-12-24", "![Ёлка](/images/ёлка.jpg)"),
        }
    )
    assert project.build().warnings == []
    assert "images/ёлка.jpg" in tree(project.public)


def test_letters_only_composed_where_a_mark_follows(project):
    """Composing the whole text (NFC) also changed characters that were right: 神 (U+FA19, a compatibility ideograph
    of a Japanese name) became U+795E, Å (U+212B) U+00C5. Only a letter followed by combining marks is composed."""
    from ssg.scripts import composed

    assert composed("\ufa19 \u212b " + _mac_named("ёлка")) == "\ufa19 \u212b ёлка"


def test_capitals_are_folded_as_a_mac_folds_them(project):
    """`casefold` took ß for ss, which a Mac or Windows does not: Maße.png and Masse.png are two files everywhere."""
    project.write({"static/Maße.png": b"\x89PNG one", "static/Masse.png": b"\x89PNG two", "content/2021/a.md": article("A", "2021-06-02")})
    assert project.build().warnings == []


def test_copies_from_two_folders_that_clash_in_capitals_say_so(project):
    """content/2021/img/logo.png and static/2021/IMG/logo.png: each clone holds both; it is their copies that clash."""
    project.write(
        {
            "static/2021/IMG/logo.png": b"\x89PNG one",
            "content/2021/img/logo.png": b"\x89PNG two",
            "content/2021/a.md": article("A", "2021-06-02", "![a](img/logo.png)"),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/img/logo.png: is copied to /2021/img/logo.png, which differs from /2021/IMG/logo.png, "
        "static/2021/IMG/logo.png's copy, only in capitals: a build on a Mac or Windows, whose names ignore case, writes "
        "one file for the two, as a host that ignores case serves one (give one another name)"
    ]


def test_a_content_folder_linked_within_the_repository_is_in_every_clone(project):
    """content/photos -> ../assets/photos: every clone has it, so the warning does not say only one machine does."""
    (project.root / "assets/photos").mkdir(parents=True)
    (project.root / "assets/photos/launch.jpg").write_bytes(b"\xff\xd8\xff")
    project.write({"content/2021/a.md": article("Пуск", "2021-06-02", "![a](../photos/launch.jpg)")})
    (project.root / "content/photos").symlink_to("../assets/photos", target_is_directory=True)
    [warning] = project.build().warnings
    assert warning.message.endswith("no article in it is read; a file an article names there is published")


def test_a_missing_file_linked_by_a_decomposed_name_is_told_on_its_line(project):
    project.write({"content/2021/a.md": article("Ёлка", "2021-12-24", "Text.\n\n" + _mac_named("![Ёлка](ёлка.jpg)"))})
    with pytest.raises(ContentError) as caught:
        project.build()
    assert [(p.path, p.line) for p in caught.value.problems] == [("content/2021/a.md", 8)]


def test_a_translation_of_an_article_a_mac_named_is_found_by_its_name_typed(project):
    """`ssg new --translation-of 2021/ёлка.md` typed, for a file a Mac saved decomposed: it said the file was not pulled."""
    project.write(
        {
            "site.yaml": SITE_YAML + "languages: [ru, en]\n",
            _mac_named("content/2021/ёлка.md"): article("Ёлка на МКС", "2021-12-24", lang="ru"),
        }
    )
    result = CliRunner().invoke(main, ["-C", str(project.root), "new", "--translation-of", "2021/ёлка.md", "--lang", "en", "A tree"])
    assert result.exit_code == 0, result.output
    [written] = [p for p in (project.root / "content/2021").iterdir() if p.name.endswith(".en.md")]
    assert f"translation_of: {_mac_named('2021/ёлка.md')}" in written.read_text(encoding="utf-8")
    # The build links the two, by the name typed too (it said the original 'is not there (deleted or moved?)').
    written.write_text(written.read_text(encoding="utf-8").replace(_mac_named("ёлка"), "ёлка") + "Text.\n", encoding="utf-8")
    assert [w.message for w in project.build().warnings] == []
    assert 'hreflang="en"' in project.page("2021/12/24/yolka/")


def test_a_project_in_a_folder_named_in_a_legacy_encoding_builds(project, tmp_path):
    """`-C ~/архив`, the folder named in CP1251 on such a machine: restarted in UTF-8 mode, the build failed on its name
    (a traceback: surrogates not allowed). It builds, with the locale's warning."""
    _have_legacy_locale()
    folder = os.path.join(os.fsencode(tmp_path), "архив".encode("cp1251"))
    os.makedirs(os.path.join(folder, b"content", b"2021"))
    with open(os.path.join(folder, b"site.yaml"), "w", encoding="utf-8") as handle:
        handle.write(SITE_YAML)
    with open(os.path.join(folder, b"content", b"2021", b"a.md"), "w", encoding="utf-8") as handle:
        handle.write(article("A", "2021-05-01"))
    env = {**ssg_env(), "LC_ALL": "ru_RU.CP1251", "LANG": "ru_RU.CP1251"}
    env.pop("PYTHONUTF8", None), env.pop("PYTHONIOENCODING", None)
    done = subprocess.run([sys.executable.encode(), b"-m", b"ssg", b"-C", folder, b"build"], env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode("cp1251")
    assert os.path.isfile(os.path.join(folder, b"public", b"2021", b"05", b"01", b"a", b"index.html"))


def test_two_static_files_of_the_same_letters_one_decomposed_are_an_error(project):
    """static/images/ёлка.jpg saved twice, by a Mac (decomposed) and by Linux (composed): one went into the site without
    a word. Both are named."""
    project.write(
        {
            _mac_named("static/images/ёлка.jpg"): b"\xff\xd8\xff one",
            "static/images/ёлка.jpg": b"\xff\xd8\xff two",
            "content/2021/a.md": article("A", "2021-06-02"),
        }
    )
    with pytest.raises(ContentError) as caught:
        project.build()
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "static/images/ёлка.jpg",
            f"its name is the same letters as {_mac_named('static/images/ёлка.jpg')}'s, one written with its letters "
            "decomposed (as a Mac saves them): the site can hold one of the two (delete one)",
        )
    ]


def test_a_content_folder_linked_from_the_root_is_on_one_machine_only(project):
    """content/photos -> /home/anna/archive/assets/photos, inside the repository but written from the root: a clone
    elsewhere has the folder at another place, where the link leads nowhere."""
    (project.root / "assets/photos").mkdir(parents=True)
    (project.root / "assets/photos/launch.jpg").write_bytes(b"\xff\xd8\xff")
    project.write({"content/2021/a.md": article("Пуск", "2021-06-02", "![a](../photos/launch.jpg)")})
    (project.root / "content/photos").symlink_to(project.root / "assets/photos", target_is_directory=True)
    [warning] = project.build().warnings
    assert "published, but only on a machine that has" in warning.message
    assert warning.message.endswith("(make it relative: ln -sfn ../assets/photos content/photos)")


def test_a_translation_names_its_original_exactly_before_by_its_letters(project):
    """Two files of one name, one a Mac saved (decomposed), are two articles: `translation_of:` naming the one typed
    linked the other, by their composed name, without a word."""
    project.write(
        {
            "site.yaml": SITE_YAML + "languages: [ru, en]\n",
            "content/2021/ёлка.md": article("Ёлка на МКС", "2021-12-24", "Текст.", lang="ru"),
            _mac_named("content/2021/ёлка.md"): article("Ёлка на Земле", "2021-12-20", "Текст.", lang="ru", slug="yolka-zemlya"),
            "content/2021/tree.md": article("A tree", "2021-12-24", "Text.", lang="en", translation_of="2021/ёлка.md"),
        }
    )
    project.build()
    tree_page = project.page("2021/12/24/tree/")
    assert "yolka-zemlya" not in tree_page and "yolka/" in tree_page


def test_a_static_folder_named_twice_is_copied_once_without_a_word(project):
    """`static_dir:` naming the theme's own static folder: every file was 'the same letters as' itself."""
    project.write(
        {
            "site.yaml": SITE_YAML + "theme: mine\nstatic_dir: themes/mine/static\n",
            "themes/mine/theme.yaml": "extends: default\n",
            "themes/mine/static/css/x.css": "body{}",
            "content/2021/a.md": article("A", "2021-06-02"),
        }
    )
    project.build()
    assert "css/x.css" in tree(project.public)


def test_a_link_in_a_loop_in_content_is_passed_by(project):
    """`content/loop -> loop` (a link committed by mistake, or to a folder of another machine's that loops): the listing
    stopped the build in a traceback (ELOOP)."""
    project.write({"content/2021/a.md": article("A", "2021-06-02")})
    (project.root / "content/loop").symlink_to("loop")
    project.build()
    assert (project.public / "2021/06/02/a/index.html").is_file()


@pytest.mark.parametrize(("folder", "links"), [("content", {"content": "content"}), ("static", {"static": "a", "a": "b", "b": "a"})])
def test_a_source_folder_that_is_a_link_in_a_loop_is_a_problem_naming_it(project, folder, links):
    """`ln -s content content`, or `static -> a -> b -> a`: the build and `ssg check` stopped on pathlib's "RuntimeError:
    Symlink loop" traceback (the folders were resolved before anything was asked of them), the preview's builder said
    there was no content folder, and `ssg new` could not create a year's folder."""
    if folder == "content":
        (project.root / "content").rmdir()
    for name, target in links.items():
        (project.root / name).symlink_to(target)
    shown = " -> ".join([folder, *[links[name] for name in [folder, *list(links.values())[:-1]]]])
    expected = f"{folder}/: is a link that loops back to itself ({shown}), which leads to no folder: make it the folder, or a link to one"
    with pytest.raises(ConfigError) as one_shot:
        project.build()
    with pytest.raises(ConfigError) as preview:
        Builder().build(load_config(project.root), BuildOptions(now=NOW, drafts=True))
    assert [str(p) for p in one_shot.value.problems] == [str(p) for p in preview.value.problems] == [expected]
    result = CliRunner().invoke(main, ["-C", str(project.root), "check"])
    assert result.exit_code == 1 and expected in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["-C", str(project.root), "new", "Hello"])
    assert (result.exit_code == 1 and expected in result.output) if folder == "content" else result.exit_code == 0


def test_tags_parted_by_spaces_pasted_decomposed_are_told_as_typed_ones_are(project):
    """`tags: Ёлки Роскосмос` pasted from a Mac's file name or a PDF (decomposed): the article was read composed, the
    line looked up for the hint was not, and the hint (write tags: [Ёлки, Роскосмос]) was missed."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-06-02", tags="[Ёлки]"),
            "content/2021/b.md": article("B", "2021-06-03", tags="[Роскосмос]"),
            "content/2021/c.md": _mac_named(article("C", "2021-06-04", tags="Ёлки Роскосмос")),
        }
    )
    assert [w.message for w in project.build().warnings] == [
        "'Ёлки Роскосмос' is one tag, though each of its words is a tag already: for those, write tags: [Ёлки, Роскосмос]"
    ]


def _have_legacy_locale() -> None:
    """The tests of a legacy locale run on every machine: `make test` (tools/system-deps.sh) makes ru_RU.CP1251."""
    made = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout.lower().split()
    assert "ru_ru.cp1251" in made, "no ru_RU.CP1251 locale: run tools/system-deps.sh (make test does)"


def test_a_template_saved_with_a_byte_order_mark_keeps_the_pages_head_whole(project):
    """head_extra.html saved by Notepad as "UTF-8 with BOM": the mark was text before the `<meta>`, which closed the
    page's head there (browsers put the meta tag and the theme's scripts after it in the body)."""
    project.write(
        {
            "content/2021/a.md": article("A", "2021-05-01"),
            "templates/head_extra.html": b'\xef\xbb\xbf<meta name="x-test" content="1">\r\n',
        }
    ).build()
    page = project.page("2021/05/01/a/")
    assert '<meta name="x-test" content="1">' in page and "\ufeff" not in page


def test_what_windows_and_macos_leave_in_a_static_folder_is_not_published(project):
    """Explorer's Thumbs.db (thumbnails of the folder's pictures, deleted ones too), desktop.ini, Office's ~$ lock
    files, a Mac's `Icon\\r` and WSL's `:Zone.Identifier` (the address a download came from) were published, where a
    `.DS_Store` was not."""
    junk = ["Thumbs.db", "thumbs.db", "ehthumbs.db", "desktop.ini", "Icon\r", "~$notes.docx", "logo.png:Zone.Identifier"]
    project.write({"content/2021/a.md": article("A", "2021-05-01"), "static/images/logo.png": b"\x89PNG"})
    project.write({f"static/images/{name}": b"junk" for name in junk}).build()
    assert sorted(p.name for p in (project.public / "images").iterdir()) == ["logo.png"]


def test_an_old_url_that_differs_from_a_page_only_in_capitals_is_told(project):
    """`aliases: [/2021/05/01/Launch/]` (an old WordPress URL) beside the article at /2021/05/01/launch/: Linux keeps
    both folders, but a host that ignores case, or the output zipped for a colleague on Windows, holds one, and the
    article was replaced by a redirect to another article, "0 warnings"."""
    project.write(
        {
            "content/2021/launch.md": article("Launch", "2021-05-01"),
            "content/2021/landing.md": article("Landing", "2021-05-02", aliases="[/2021/05/01/Launch/]"),
        }
    )
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/landing.md:4: aliases: /2021/05/01/Launch/ differs from /2021/05/01/launch/, the URL of "
        "content/2021/launch.md, only in capitals: a host that ignores case, or a copy of the site on a Mac or Windows, "
        "holds one file for the two (remove the old URL here, or ask the host to redirect it)"
    ]


def test_one_articles_name_saved_composed_and_decomposed_is_told_as_such(project):
    """`ёжик.md` saved on a Mac (its ё decomposed) beside the same name typed on Linux: the error named two paths
    that look the same, "set a different slug or date"."""
    decomposed = unicodedata.normalize("NFD", "content/2021/ёжик.md")
    project.write({"content/2021/ёжик.md": article("A", "2021-05-01"), decomposed: article("B", "2021-05-01")})
    with pytest.raises(ContentError) as caught:
        project.build()
    [problem] = caught.value.problems
    assert problem.path != problem.message.split(" as ")[1].split(",")[0]  # (one of each: they look the same)
    assert unicodedata.normalize("NFC", problem.message) == (
        "has the same URL /2021/05/01/yozhik/ as content/2021/ёжик.md, the same name with its letters written otherwise: a "
        "Mac writes ё and й as two characters each (decomposed), other systems as one, and both files are here; keep one "
        "(git rm --cached the other)"
    )


def test_a_picture_linked_on_the_writers_windows_disk_is_told_on_its_line(project):
    """Typora on Windows writes a pasted picture as `C:\\Users\\...\\image.png`: the page showed a broken picture to
    every reader, "0 warnings" (only `ssg check --links` said "unknown scheme 'c'")."""
    body = "![w](C:\\Users\\me\\AppData\\Roaming\\Typora\\typora-user-images\\image.png)\n\n[q](file:///C:/Users/me/photo.jpg)"
    project.write({"content/2021/a.md": article("A", "2021-05-01", body)})
    told = (
        "a file on the writer's computer, which readers cannot reach: copy the file into content/ beside the article and link to it there"
    )
    assert [str(w) for w in project.build().warnings] == [
        f"content/2021/a.md:6: links to C:\\Users\\me\\AppData\\Roaming\\Typora\\typora-user-images\\image.png, {told} (image.png)",
        f"content/2021/a.md:8: links to file:///C:/Users/me/photo.jpg, {told} (photo.jpg)",
    ]


def test_a_link_to_an_article_saved_as_md_in_capitals_says_to_rename_it(project):
    """`REPORT.MD` (as Windows saves it) is no article, and `[r](REPORT.MD)` copied its source, front matter and all,
    into the site, "0 warnings". The link is to an article: it says so, with the name to give the file."""
    project.write({"content/2021/a.md": article("A", "2021-05-01", "[r](REPORT.MD)"), "content/2021/REPORT.MD": article("R", "2021-05-02")})
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/a.md:6: links to 2021/REPORT.MD, which is not a published article (ssg reads articles from names "
        "ending in .md, not .MD: rename it REPORT.md)"
    ]
    assert not (project.public / "2021/REPORT.MD").exists()


def test_a_link_from_the_sites_root_in_other_capitals_is_told_the_path_the_site_has(project):
    """`/2021/Images/photo.jpg` where the site has /2021/images/photo.jpg: it works on a Mac's preview and not on a host
    that tells capitals apart, and the warning said to put the file at static/2021/Images/photo.jpg."""
    body = "![p](images/photo.jpg) [w](/2021/Images/photo.jpg)"
    project.write({"content/2021/a.md": article("A", "2021-05-01", body), "content/2021/images/photo.jpg": b"JPG"})
    assert [str(w) for w in project.build().warnings] == [
        "content/2021/a.md:6: links to /2021/Images/photo.jpg, which this site does not have (the site has "
        "/2021/images/photo.jpg, its name in other capitals, which a host that tells capitals apart needs: write that)"
    ]


def test_a_picture_saved_under_its_name_decomposed_and_composed_is_told_and_noticed(project):
    """images/фото-й.jpg saved by a Mac (decomposed) and added later by Linux (composed), the article linking it: the
    build said "up to date" and kept the Mac's copy, where a cold build took Linux's, without a word."""
    mac = unicodedata.normalize("NFD", "content/2021/images/фото-й.jpg")
    project.write({"content/2021/a.md": article("A", "2021-05-01", "![p](images/фото-й.jpg)"), mac: b"MAC"}).build()
    project.write({"content/2021/images/фото-й.jpg": b"LINUX"})
    with pytest.raises(ContentError) as caught:
        project.build()
    [problem] = caught.value.problems
    assert "its name is the same letters as content/2021/images/" in problem.message and "(delete one)" in problem.message
    (project.root / mac).unlink()
    project.build()
    assert (project.public / "2021/images/фото-й.jpg").read_bytes() == b"LINUX"
