"""Errors and warnings that carry where they come from.

Every problem the user can fix is a `Problem`: a file, a line when one is known, the field, and a
message that says what was wrong and what would be right. A build collects them all and reports
them together instead of stopping at the first one.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import total_ordering


@total_ordering
@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, printable as `path:line: field: message`."""

    path: str
    line: int | None = None
    field: str | None = None
    message: str = ""

    def __lt__(self, other: Problem) -> bool:
        """In file order, then line order, a problem of the whole file (no line) first: a dataclass's own order compared
        a line of None with a number, and `ssg build --watch` stopped with a TypeError on a file with both."""
        return _problem_order(self) < _problem_order(other)

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "field": self.field, "message": self.message}

    @classmethod
    def from_dict(cls, data: dict) -> Problem:
        return cls(data["path"], data.get("line"), data.get("field"), data.get("message", ""))


def with_lines(problems: Iterable[Problem], lines: dict[str, dict[str, int]], shown_as: str) -> list[Problem]:
    """Problems about articles (named `shown_as/<source path>`), each with the line of the front-matter key it is
    about where it had none: what is learnt of a whole site (translations, tags) is found after reading."""
    prefix = f"{shown_as}/"
    return [
        replace(p, line=lines.get(p.path.removeprefix(prefix), {}).get(p.field))
        if p.line is None and p.field and p.path.startswith(prefix)
        else p
        for p in problems
    ]


class SsgError(Exception):
    """Base of every error the command line turns into exit code 1 with a clean message."""

    def __init__(self, problems: Iterable[Problem] | Problem | str, warnings: Iterable[Problem] = ()):
        if isinstance(problems, str):
            problems = [Problem("ssg", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = sorted(set(problems), key=_problem_order)
        self.warnings: list[Problem] = sorted(set(warnings), key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        # Keep the problems intact when a worker process sends the error back.
        return (self.__class__, (self.problems, self.warnings))


def once(problems: Iterable[Problem]) -> list[Problem]:
    """Each of `problems` once, in the order first told: what a template reads twice on one line
    (`{% if article.extra.autor %}...{{ article.extra.autor }}`) was warned of, and counted, twice."""
    return list(dict.fromkeys(problems))


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """`problems` by file and line, as errors are listed: a long list of warnings is read file by file."""
    return sorted(problems, key=_problem_order)


def _problem_order(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field or "", problem.message)


class ConfigError(SsgError):
    """site.yaml is missing, unreadable or holds bad values."""


class ContentError(SsgError):
    """One or more articles are invalid; the build wrote nothing."""


class TemplateError(SsgError):
    """A template failed to compile or to render."""


class TemplateTimeoutError(TemplateError):
    """A page's templates ran past the time limit (`timelimit`): rendering more pages to find other mistakes, as a
    failed build does, would wait as long on each."""


class ArgumentError(SsgError):
    """A command's argument names what the command cannot take (`ssg new foo.txt`, a file outside content/): a usage
    error, exit code 2, as click's own for a bad option; the command line turns it into one."""


class OutputError(SsgError):
    """The output folder cannot be used safely (it holds files ssg did not write, ...)."""


def unreadable(path: str, shown: str) -> Problem:
    """The problem of a source file or folder at `path` that the build may not read (shown as `shown`), with the
    `chmod` that lets it: an article's file was a traceback, and a folder unzipped without r or x had its articles left
    out and taken off the site without a word."""
    mode = "a+rx" if os.path.isdir(path) else "a+r"
    return Problem(shown, None, None, f"cannot be read (permission denied): make it readable (chmod {mode} {shlex.quote(shown)})")
