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
from collections.abc import Iterator

_OURS = re.compile(r"<{7}(?: .*)?")
_SPLIT = re.compile(r"={7}")
_THEIRS = re.compile(r">{7}(?: .*)?")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def conflict_message(text: str, fences: bool = True) -> tuple[int, str] | None:
    """The 1-based line of the first unresolved conflict in `text` and what to do about it, or None. `fences`: skip
    Markdown's fenced code (False for a stylesheet or script, where ``` means nothing). The lines of the conflicts
    after it are named too: a pull that stopped on an article often leaves one in its front matter and one in its
    text, and a build told of the first only failed again on the second once that was fixed."""
    if "<<<<<<<" not in text:  # (the one test almost every file takes)
        return None
    found = list(_conflicts(text, fences))
    if not found:
        return None
    (ours, split, theirs), more = found[0], [str(line) for line, _, _ in found[1:]]
    others = f" (and {'another conflict on line' if len(more) == 1 else 'other conflicts on lines'} {', '.join(more)})" if more else ""
    return ours, (
        f"an unresolved merge conflict: git's <<<<<<< line here, ======= on line {split}, >>>>>>> on line {theirs}; "
        f"keep the lines you want of the two versions and delete the three marker lines{others}"
    )


def _conflicts(text: str, fences: bool) -> Iterator[tuple[int, int, int]]:
    """The lines of each conflict's `<<<<<<<`, `=======` and `>>>>>>>` in `text`, outside fenced code if `fences`."""
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
        elif ours is not None and split is not None and _THEIRS.fullmatch(line):
            yield ours, split, number
            ours = split = None
