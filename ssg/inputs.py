"""Everything a build reads, as one hash: a build with the inputs of the last build into the same
folder, whose output is still as that build left it, has nothing to do.

The inputs are the project's files (content, templates, interface strings, static files, and the
files articles link to, each by path, size and change time, as the content cache sees them), site.yaml
as read, the build options, ssg's own code and the installed libraries. Time counts too: an
article dated after the last build is published by a later one, so each build notes the first
such date, and a build after it is a real one. The output counts as "as left" when its manifest
is the one the last build wrote and every file in it is still there.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from pathlib import Path

from . import sitemap
from .config import Config
from .content import Article
from .load import content_stats, path_stamp, unpublished_static
from .output import Manifest
from .scripts import other_form
from .themeconfig import theme_chain

_PUBLISH_FROM = attrgetter("publish_from")


@dataclass(frozen=True)
class Inputs:
    """The hash of a build's inputs, and the content files' `file_stamp`s it was made from (for the reader)."""

    digest: str
    content: dict[str, tuple[int, int]]
    folders: str = ""  # the theme's, templates', strings' and static files' paths and `file_stamp`s (`_folders`)


def gather(config: Config, options: tuple, code: str, content: dict[str, tuple[int, int]] | None = None) -> Inputs:
    """`options`: the build options that change the output (drafts, future, strict) and the umask, which its files'
    modes come from; `code`: `code_version()`;
    `content`: `content_stats` of the content folder, where the caller has them."""
    if content is None:
        content = content_stats(config.content_path, exclude=config.exclude)
    digest = hashlib.sha256()
    limits = repr(sitemap.MAX_URLS)  # read at build time, not from the code on disk (tests lower it)
    folders = _folders(config)
    for part in (code, limits, repr(config.settings()), repr(options), repr(content), folders):
        digest.update(part.encode())
        digest.update(b"\0")
    return Inputs(digest.hexdigest(), content, folders)


def record(
    inputs: Inputs,
    manifest: Manifest,
    articles: Iterable[Article],
    now: datetime | None,
    copied: Iterable[Path],
    summary: dict,
    changes: Iterable[datetime] = (),
    embeds_in: Path | None = None,
) -> str:
    """What to remember of a successful build, as JSON for `last_build` to check the next build against.

    `manifest` is the one the build left; `now` the time future articles were judged by (None
    when they are all published); `copied` the files articles link to; `summary` what the build
    result reports; `changes`: other times at which the same inputs build otherwise (a warning
    about a date that far ahead goes: `checks.far_future`; a page dated later is published; an
    article expires), before `now` or after it.

    The build holds from `since`, the latest of those times up to `now`, until `due`, the first after it: a build
    judged by an earlier clock (`--clock`) than one that published an article left it published, "up to date"."""
    articles = list(articles)
    changes = list(changes)
    # (The latest compared first, in C: every save asks of 10,000 articles, most often with none dated later.)
    later = now is not None and max(map(_PUBLISH_FROM, articles), default=now) > now
    future = [a.publish_from for a in articles if a.publish_from > now] if later else []
    due = min((*future, *(c for c in changes if now is None or c > now)), default=None)
    since = None
    if now is not None:
        published = (
            max((a.publish_from for a in articles if a.publish_from <= now), default=None)
            if later
            else max(map(_PUBLISH_FROM, articles), default=None)
        )
        since = max((*([published] if published else []), *(c for c in changes if c <= now)), default=None)
    state = {
        "inputs": inputs.digest,
        "manifest": list(manifest.signature or ()),
        "due": due.isoformat() if due else None,
        "since": since.isoformat() if since else None,
        "copied": [[str(path), *path_stamp(path)] for path in copied],
        # (the names a copied file has written the other way, absent: one added there, a Mac's `фото-й.jpg` beside
        # Linux's, is the file a link finds first, and the build "up to date" kept the other's copy)
        "absent": [twin for path in copied if (twin := _twin(path)) and not os.path.lexists(twin)],
        "summary": summary,
    }
    if embeds_in is not None:  # (the content folder, where an article embeds a file as Obsidian does: `embed_hint`)
        state["files_named"] = [os.fspath(embeds_in), _file_names(embeds_in)]
    return json.dumps(state, ensure_ascii=False)


def _file_names(content: Path) -> str:
    """The names of every file under the content folder, hashed: what an Obsidian embed's warning is made of (the
    one file of its name, wherever it is). Its warning told of no file after one was added, the build "up to date"
    (found in review). Asked only of an archive with such embeds."""
    digest = hashlib.sha256()
    for folder, folders, names in os.walk(content):
        folders.sort()
        digest.update("\0".join([folder, *sorted(names)]).encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def up_to_date(saved: str | None, inputs: Inputs, now: datetime, manifest: Callable[[], Manifest], output: Path) -> dict | None:
    """The summary of the last build if this one would make exactly its output, else None.

    `manifest` gives the output folder's manifest; it is asked for only when the inputs match.
    """
    try:
        state = json.loads(saved) if saved else None
        if not state or state["inputs"] != inputs.digest or state["due"] and now >= datetime.fromisoformat(state["due"]):
            return None
        if state.get("since") and now < datetime.fromisoformat(state["since"]):  # (an earlier clock: `--clock`)
            return None
        if any(path_stamp(path) != (size, changed) for path, size, changed in state["copied"]):
            return None
        if any(map(os.path.lexists, state.get("absent", ()))):
            return None
        if "files_named" in state and _file_names(Path(state["files_named"][0])) != state["files_named"][1]:
            return None  # (a file an embed names was added, moved or removed: its warning says otherwise now)
        left = manifest()
        prefix = os.path.join(output, "")
        if list(left.signature or ()) != state["manifest"] or not all(os.path.isfile(prefix + path) for path in left.files):
            return None
        return state["summary"]
    except (ValueError, TypeError, KeyError):
        return None  # a damaged record: build


def _twin(path: Path) -> str | None:
    """`path` with its file name's letters written the other way (`scripts.other_form`), or None."""
    other = other_form(path.name)
    return os.path.join(os.path.dirname(path), other) if other else None


def _folders(config: Config) -> str:
    """Path and `file_stamp` of every file of the theme (and those it extends) and the site's templates, strings and
    static files."""
    seen = []
    themes = [theme.path for theme in theme_chain(config)]  # the site's theme and each it extends
    for folder in (*themes, config.root / config.templates_dir, config.root / "i18n", config.root / config.static_dir):
        for parent, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                if not unpublished_static(name):  # (a swap file or backup beside a template: no input of a build)
                    path = os.path.join(parent, name)
                    seen.append(f"{path}\0{path_stamp(path)}")
    return "\n".join(seen)
