"""Write an ssg project's articles as a Pelican site, for the speed comparison in the README.

    python benchmarks/pelican/convert.py SSG_PROJECT PELICAN_DIR
    pelican PELICAN_DIR/content -s PELICAN_DIR/pelicanconf.py -o PELICAN_DIR/output

Each article keeps its title, date, tags and body (Markdown); its slug is its file name, so that
no two articles share an output path. `lang` is left out: Pelican would treat a Russian article
as a translation of nothing.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml


def convert(project: Path, target: Path) -> int:
    shutil.rmtree(target, ignore_errors=True)
    (target / "content").mkdir(parents=True)
    shutil.copy(Path(__file__).with_name("pelicanconf.py"), target / "pelicanconf.py")
    count = 0
    for source in sorted((project / "content").rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        header = [
            f"Title: {meta['title']}",
            f"Date: {meta['date']}",
            f"Tags: {', '.join(meta.get('tags') or [])}",
            f"Slug: {source.stem}",
            "Category: news",
        ]
        (target / "content" / f"{source.parent.name}-{source.name}").write_text("\n".join(header) + "\n" + body, encoding="utf-8")
        count += 1
    return count


if __name__ == "__main__":
    print(convert(Path(sys.argv[1]), Path(sys.argv[2])), "articles")
