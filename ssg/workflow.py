"""The GitHub Actions workflow `ssg init` writes: build, check the links, publish to GitHub Pages.

`--base-url` comes from actions/configure-pages, so the same file is right for a user site
(https://user.github.io/), a project site under a sub-path (https://user.github.io/archive/) and
a custom domain, with no edit to site.yaml. See docs/deploy.md.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .gitrepo import repository_of

WORKFLOW_PATH = ".github/workflows/pages.yml"

PAGES_WORKFLOW = """\
# Build the archive{where} with ssg and publish it to GitHub Pages on every push to {branch_said}.
# Once: repository Settings -> Pages -> Build and deployment -> Source: "GitHub Actions".
name: Publish to GitHub Pages

on:
  push:
    branches: [{branch}]
  schedule:
    # Daily: an article dated later is left out until its date, and published by the first build after it.
    - cron: "17 4 * * *"
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

{defaults}env:
  # The pip requirement CI installs ssg from, e.g. "ssg @ git+https://github.com/you/ssg@v0.1.0"
  # (no PyPI name: "ssg" on PyPI is another project). Change it if you install ssg another way.
  SSG_REQUIREMENT: "{requirement}"

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - id: pages
        uses: actions/configure-pages@v5
      - name: Install ssg
        run: |
          if [ -z "$SSG_REQUIREMENT" ]; then
            echo "::error file=.github/workflows/pages.yml::SSG_REQUIREMENT is empty: set it to where pip can install ssg from (see the comment above it)"
            exit 1
          fi
          pip install "$SSG_REQUIREMENT"
      # The build cache of the last run (each article as read, keyed by its bytes): with it, a build reads only the
      # articles changed since, half a cold build's time or less. One the build cannot use (another ssg, another
      # Python, cut short) it makes again: the output is the same either way, and deleting it (Actions -> Caches) is safe.
      # The path is site.yaml's cache_dir.
      - uses: actions/cache@v4
        with:
          path: {cache_path}
          key: ssg-${{{{ github.sha }}}}
          restore-keys: ssg-
      # The site's address on Pages, e.g. https://user.github.io/archive/, whatever site.yaml says;
      # into public/ whatever its output_dir says, as the two steps below read it from there.
      - run: ssg build -o public --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - run: ssg check --links public
      # v4 leaves out files starting with a dot, so public/.ssg-manifest.json is not published.
      - uses: actions/upload-pages-artifact@v4
        with:
          path: {public}

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


# What a workflow that publishes to GitHub Pages uses: Pages' own action, or the actions that push a gh-pages branch.
_DEPLOYS = ("actions/deploy-pages", "peaceiris/actions-gh-pages", "JamesIves/github-pages-deploy-action")


def other_pages_workflows(top: Path) -> list[str]:
    """The workflows beside ssg's in `top` (`PagesPlace.top`) that publish to GitHub Pages too (a Hugo or Jekyll site's, moved from):
    each push ran both, the last to finish published, and that could be the old generator's site."""
    found = []
    for path in sorted((top / ".github" / "workflows").glob("*.y*ml")):
        if path.as_posix().endswith(WORKFLOW_PATH) or path.suffix not in (".yml", ".yaml"):
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if any(deploy in text for deploy in _DEPLOYS):
            found.append(path.relative_to(top).as_posix())
    return found


def other_pages_warning(top: Path) -> list[str]:
    """A warning for each of `other_pages_workflows`, for `ssg init` and `ssg workflow` to print once they wrote ssg's."""
    return [
        f"warning: {name} publishes to GitHub Pages too: both would run on every push, and the last to finish wins (the "
        f"old site's, maybe); delete it to publish with {WORKFLOW_PATH}"
        for name in other_pages_workflows(top)
    ]


DEFAULT_BRANCH = "main"


@dataclass(frozen=True)
class PagesPlace:
    """Where the GitHub Pages workflow of an archive goes, and which pushes it publishes."""

    top: Path  # the folder whose .github/workflows/ GitHub reads: the repository's top, or the archive's outside git
    folder: str  # the archive's folder from `top`, in the workflow's terms (`site`, `news/ru`); "" where it is `top`
    branch: str  # the branch whose pushes publish the site
    branch_known: bool  # `branch` is the one the repository is on, not `DEFAULT_BRANCH` for want of one

    @property
    def path(self) -> Path:
        """The workflow file."""
        return self.top / WORKFLOW_PATH

    def under(self, path: str) -> str:
        """`path`, relative to the archive's folder, as the workflow's actions take it: from the repository's top (only
        `run:` steps start in the archive's folder). An absolute one, or the runner's home's (`~/x`), as it is."""
        if not self.folder or posixpath.isabs(path) or path.startswith("~"):
            return path
        return posixpath.normpath(posixpath.join(self.folder, path))


def pages_place(folder: Path) -> PagesPlace:
    """The workflow's place for the archive in `folder`. It publishes on pushes to the branch the repository is on: a
    repository made with `git init -b master` had `branches: [main]`, and only the daily schedule ever ran it. Outside
    git, on a detached HEAD or with no git: `main`, GitHub's default for a new repository.

    It goes to the repository's top, with the archive's folder for its steps to run in: GitHub reads workflows there
    alone, and `ssg init mono/site` wrote `mono/site/.github/workflows/pages.yml`, which never ran (and moved to the top
    by hand, built the repository's top folder). Outside git, or no git: into the archive's folder."""
    repository = repository_of(folder)
    branch = repository.branch if repository is not None else None
    top, inside = Path(folder), ""
    if repository is not None:
        archive, repository_top = Path(os.path.abspath(folder)).resolve(), repository.top.resolve()
        if archive.is_relative_to(repository_top):
            inside = "" if archive == repository_top else archive.relative_to(repository_top).as_posix()
            # (The top as the user named the archive, `mono/site` -> `mono`, for the messages; git's own where a link
            # between the two makes that another folder.)
            up = Path(os.path.abspath(folder)).parents[len(inside.split("/")) - 1] if inside else Path(folder)
            top = up if up.resolve() == repository_top else repository.top
    return PagesPlace(top, inside, branch or DEFAULT_BRANCH, branch is not None)


def pages_workflow(place: PagesPlace, cache_dir: str = ".ssg-cache") -> str:
    """The workflow's text for `place`; `cache_dir`: site.yaml's, the folder the workflow keeps from one run to the next."""
    defaults = ""
    if place.folder:  # (`defaults:` reaches the `run:` steps alone; the actions' paths are written under the folder)
        defaults = (
            f"# The archive is the folder {place.folder}/ of this repository: ssg runs there, and the paths below are under it.\n"
            f"defaults:\n  run:\n    working-directory: {_yaml_text(place.folder)}\n\n"
        )
    return PAGES_WORKFLOW.format(
        requirement=install_requirement() or "",
        cache_path=json.dumps(place.under(cache_dir), ensure_ascii=False),
        public=_yaml_text(place.under("public")),
        branch=_yaml_text(place.branch),
        branch_said=place.branch,
        where=f" in {place.folder}/" if place.folder else "",
        defaults=defaults,
    )


def pages_notes(place: PagesPlace, shown: str) -> list[str]:
    """What `ssg init` and `ssg workflow` tell of the workflow they wrote (`shown`: its path, as the command shows it):
    which pushes publish the site."""
    why = "the branch this repository is on" if place.branch_known else "change `branches:` in it if you push another"
    notes = [f"{shown} publishes the site on every push to {place.branch} ({why}), and daily"]
    if place.folder:
        notes.append(
            f"  it is at the repository's top, the only place GitHub reads workflows from, and builds the archive in {place.folder}/"
        )
    return notes


def _yaml_text(text: str) -> str:
    """`text` as a YAML string: as it is where YAML reads it so (`master`, `release/2026`), else quoted (`"1.0"`, `"on"`)."""
    plain = re.fullmatch(r"[\w./-]+", text) is not None and yaml.safe_load(text) == text
    return text if plain else json.dumps(text, ensure_ascii=False)


def install_requirement() -> str | None:
    """How this ssg was installed, as a pip requirement CI can use; None when CI cannot install it the same way.

    A `pip install git+https://...` records its repository and commit (PEP 610), which CI can
    install again. Any other install (a local checkout, a wheel) has no address CI can reach, and
    a version pin would be wrong: "ssg" on PyPI is an unrelated project. The workflow then stops
    with a message until the user fills in the requirement (`ssg init` says so).
    """
    # (Imported here: importlib.metadata brings the email package, 20-25 ms of every process, and only `ssg init`
    # and `ssg workflow` ask this.)
    from importlib import metadata

    try:
        direct = json.loads(metadata.distribution("ssg").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        direct = {}
    vcs = direct.get("vcs_info", {})
    url = direct.get("url", "")
    if url.startswith("ssh://"):  # (CI has no key to clone with: the same repository over https, as GitHub and GitLab serve it)
        parts = urlsplit(url)
        url = f"https://{parts.hostname}{parts.path}"
    if vcs.get("vcs") != "git" or not url.startswith("https://"):
        return None
    requirement = f"ssg @ git+{url}@{vcs.get('commit_id') or vcs.get('requested_revision') or 'HEAD'}"
    # A fork that keeps ssg in a folder of its repository (pip's `#subdirectory=`): without it CI's pip finds no project.
    subdirectory = direct.get("subdirectory")
    return f"{requirement}#subdirectory={subdirectory}" if isinstance(subdirectory, str) and subdirectory.strip("/") else requirement
