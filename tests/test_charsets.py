"""A file that is not UTF-8 says which encoding it looks saved in and how to convert it, on the line of its first
foreign byte: Windows-1251 and Notepad's UTF-16 are what Russian archives' files come in from Windows editors."""

from __future__ import annotations

import os
import subprocess

import pytest
from click.testing import CliRunner

from ssg.charsets import likely_encoding
from ssg.cli import main

from .conftest import SITE_YAML

TEXT = "---\ntitle: Роскосмос, «Союз» на старте\ndate: 2021-05-24\nlang: ru\n---\n\nКорабль стартовал с Байконура.\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("cp1251"), "CP1251"),
        (TEXT.replace("«", "").replace("»", "").encode("koi8-r"), "KOI8-R"),
        (TEXT.encode("utf-16"), "UTF-16LE"),
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16BE"),
        (TEXT.encode("utf-32"), "UTF-32LE"),  # (its mark starts as UTF-16's: it was told to be UTF-16)
        ("---\ntitle: Grüße aus Köln, à bientôt\n---\n".encode("latin-1"), None),  # accents stand alone, not words
        (b"---\ntitle: x\n---\n\x00\xff\x10\x80 binary", None),
    ],
)
def test_the_encoding_a_file_looks_saved_in(raw, encoding):
    assert likely_encoding(raw) == encoding


def build(project) -> str:
    result = CliRunner().invoke(main, ["-C", str(project.root), "build"], catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    return result.output


def test_a_windows_1251_article_gets_the_iconv_line_that_converts_it_and_the_line_works(project):
    project.write({"content/2021/союз старт.md": TEXT.encode("cp1251")})
    fix = "iconv -f CP1251 -t UTF-8 'content/2021/союз старт.md' > 'content/2021/союз старт.md.utf8'"
    fix += " && mv 'content/2021/союз старт.md.utf8' 'content/2021/союз старт.md'"
    assert build(project) == (
        "error: content/2021/союз старт.md:2: is not UTF-8 text (byte 0xd0); it looks like Windows-1251 (Cyrillic): "
        f"save it as UTF-8 (in the editor, or: {fix})\nBuild failed: 1 problem.\n"
    )
    subprocess.run(fix, shell=True, cwd=project.root, check=True)
    assert (project.root / "content/2021/союз старт.md").read_text(encoding="utf-8") == TEXT
    project.build()


def test_a_notepad_unicode_article_is_named_utf_16(project):
    project.write({"content/2021/a.md": TEXT.encode("utf-16")})
    assert "content/2021/a.md:1: is not UTF-8 text (byte 0xff); it looks like UTF-16 (Notepad's 'Unicode'): save it as UTF-8" in build(
        project
    )


def test_1251_text_pasted_into_a_utf8_site_yaml_names_its_line_and_gives_no_command_that_would_garble_the_rest(project):
    project.write({"site.yaml": (SITE_YAML + "# Архив — вырезки\n").encode() + "description: Вырезки о космосе\n".encode("cp1251")})
    output = build(project)
    assert "error: site.yaml:6: is not UTF-8 text (byte 0xc2); it looks like Windows-1251 (Cyrillic) pasted into UTF-8 text" in output
    assert "iconv" not in output


def test_bytes_of_no_encoding_in_particular_keep_the_plain_message(project):
    project.write({"content/2021/a.md": b"---\ntitle: T\ndate: 2021-05-24\n---\n\xff\x00 text\n"})
    assert "error: content/2021/a.md:5: is not UTF-8 text (byte 0xff); save the file as UTF-8\n" in build(project)


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_file_name_that_is_not_utf8_is_named_by_its_bytes_with_the_line_that_renames_it(project, command):
    """An old archiver's `новости.md` in Windows-1251: `ssg build` and `ssg check` stopped in a traceback where the
    build cache went to store its name."""
    os.makedirs(os.path.join(os.fsencode(project.root), b"content", b"2021"), exist_ok=True)
    with open(os.path.join(os.fsencode(project.root), b"content/2021/" + "новости.md".encode("cp1251")), "w") as file:
        file.write(TEXT)
    result = CliRunner().invoke(main, ["-C", str(project.root), command], catch_exceptions=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        "error: content/2021/\\xed\\xee\\xe2\\xee\\xf1\\xf2\\xe8.md: the file's name is not UTF-8; it looks like Windows-1251 "
        "(Cyrillic): rename it (or: convmv -f cp1251 -t utf-8 --notest -r content)"
    ) in result.output


def test_utf16_without_its_byte_order_mark_is_told_as_such(project):
    """UTF-16 saved without a byte-order mark reads as UTF-8, each Latin letter beside a zero byte: the build said the
    file had no front matter. A stray zero byte is still the reader's to leave out, with a warning (test_content's)."""
    project.write(
        {
            "content/2021/le.md": "---\ntitle: Launch\ndate: 2021-05-24\n---\nText.\n".encode("utf-16-le"),
            "content/2021/ru.md": TEXT.encode("utf-16-le"),  # (its « is no UTF-8: told by the byte, as UTF-16 still)
        }
    )
    told = build(project)
    convert = "iconv -f UTF-16LE -t UTF-8 content/2021/{0}.md > content/2021/{0}.md.utf8 && mv content/2021/{0}.md.utf8 content/2021/{0}.md"
    assert (
        "error: content/2021/le.md:1: is not UTF-8 text: it looks like UTF-16 (Notepad's 'Unicode') without its byte-order "
        f"mark: save it as UTF-8 (in the editor, or: {convert.format('le')})"
    ) in told
    assert f"it looks like UTF-16 (Notepad's 'Unicode'): save it as UTF-8 (in the editor, or: {convert.format('ru')})" in told
