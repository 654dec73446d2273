"""Git's merge-conflict markers left in a file: told as such, on the line of `<<<<<<<`.

Two editors change the same lines of an article or of site.yaml, `git pull` stops with a
conflict, and the file is saved with `<<<<<<< HEAD`, `=======` and `>>>>>>> theirs` lines in it.
In front matter or site.yaml that read as a puzzling YAML error on another line; in an article's
body it was published, `=======` made a heading. A marker line is only one that starts the line,
in a `<<<<<<<` ... `=======` ... `>>>>>>>` run, outside fenced code (an article about git may show
one as an example). A stylesheet or script of static/ is copied as it is: there the markers were published too.
"""

from __future__ import annotations

import re

_OURS = re.compile(r"<{7}(?: .*)?")
_SPLIT = re.compile(r"={7}")
_THEIRS = re.compile(r">{7}(?: .*)?")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def conflict_message(text: str, fences: bool = True) -> tuple[int, str] | None:
    """The 1-based line of the first unresolved conflict in `text` and what to do about it, or None. `fences`: skip
    Markdown's fenced code (False for a stylesheet or script, where ``` means nothing)."""
    if "<<<<<<<" not in text:  # (the one test almost every file takes)
        return None
    ours = split = None
    fence = ""
    for number, ended in enumerate(text.split("\n"), start=1):
        line = ended.removesuffix("\r")  # (a site.yaml or template saved with Windows line ends)
        found = _FENCE.match(line) if fences else None
        if found and not fence:
            fence = found[1]
            continue
        # (closed as CommonMark closes it: by a run as long at least, of its character, and nothing after: a ```` fence
        # showing a ``` one goes on past it)
        if found and found[1].startswith(fence) and set(found[1]) == {fence[0]} and not line[found.end() :].strip():
            fence = ""
            continue
        if fence:
            continue
        if _OURS.fullmatch(line):
            ours, split = number, None
        elif ours is not None and split is None and _SPLIT.fullmatch(line):
            split = number
        elif split is not None and _THEIRS.fullmatch(line):
            return ours, (
                f"an unresolved merge conflict: git's <<<<<<< line here, ======= on line {split}, >>>>>>> on line {number}; "
                "keep the lines you want of the two versions and delete the three marker lines"
            )
    return None
