"""What `ssg init` takes from the configuration of the generator an archive comes from: Hugo's `hugo.toml` (or
`config.toml`, `.yaml`), Jekyll's `_config.yml`, Pelican's `pelicanconf.py` and `publishconf.py`.

`ssg init` in a moved archive's folder wrote site.yaml's defaults: the title of the folder's name, `lang: en`,
`timezone: UTC` and ssg's own permalink. A Pelican archive's `Date: 2020-10-14 08:45`, written in its `TIMEZONE`
(Europe/Moscow), was then read as UTC, three hours later, in every feed and page head, and every URL moved, without a
word. What the old configuration says of the site's title, address, language, time zone and URL pattern is written
into site.yaml instead, each checked as site.yaml's value is, and `ssg init` says what it took and what it left.
Pelican's files are read as text (their simple `NAME = 'value'` lines), never run.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .oldurls import HUGO_DEFAULT

HUGO_FILES = ("hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml")
JEKYLL_FILE = "_config.yml"
PELICAN_FILES = ("pelicanconf.py", "publishconf.py")  # (publishconf.py's SITEURL, the published one, wins)
# Pelican's URL fields, as ssg writes them: `{date:%Y}` is ssg's `{year}`.
_PELICAN_FIELDS = {"slug": "{slug}", "lang": "{lang}", "date:%Y": "{year}", "date:%m": "{month}", "date:%d": "{day}"}


# What ssg makes no page of, said by `ssg init` where the old site had them, with what keeps a link to one working.
_GONE = {
    "category": (
        "the old site's category pages ({url}) have no counterpart: ssg makes pages of tags, and categories: are kept for "
        "templates; add a category to an article's tags to list it there, and redirect the old pages in the server"
    ),
    "author": "the old site's author pages ({url}) have no counterpart in ssg: redirect them in the server",
    "page": (
        "the old site's pages ({url}) are at pages' own URLs in ssg (content/pages/, see docs/content.md): name each "
        "old URL in its aliases:"
    ),
}


class OldConfig(NamedTuple):
    """The site.yaml values taken from another generator's configuration, and what could not be."""

    source: str  # the file read: `config.toml`, `_config.yml`, `pelicanconf.py`
    values: dict[str, Any]  # option -> value, checked as site.yaml checks it
    left: list[str]  # what was there and is not taken, and why


def read_old_config(folder: Path, check: Callable[[str, Any], Any], bilingual: bool = False) -> OldConfig | None:
    """The values an archive's old configuration in `folder` gives ssg's options, each as `check(option, value)` makes
    it (a ValueError: left, saying why); None where there is none. The first found of Hugo's, Jekyll's, Pelican's.
    `bilingual`: the site gets languages (`ssg init --languages ru,en`); without, the other languages' pattern
    (`lang_permalink`, Pelican's `ARTICLE_LANG_URL`, which every pelicanconf.py has by default) is left, as site.yaml
    refuses it on a site of one language."""
    for found in (_hugo(folder), _jekyll(folder), _pelican(folder)):
        if found is not None:
            source, wanted, left = found
            values = {}
            for name, value in wanted.items():
                if name == "lang_permalink" and not bilingual:
                    left.append(
                        f"{name}: {value} places the articles of the site's other languages: with them (ssg init --languages ru,en), it is taken"
                    )
                    continue
                try:
                    values[name] = check(name, value)
                except ValueError as exc:
                    left.append(f"{name}: {exc}")
            if "base_url" not in wanted:  # (Pelican's SITEURL is often '' in pelicanconf.py: the address is elsewhere)
                left.append("base_url: the site's address is not there: write it in site.yaml")
            return OldConfig(source, values, left)
    return None


def _hugo(folder: Path) -> tuple[str, dict, list[str]] | None:
    import tomllib  # (here: only `ssg init` in a Hugo site reads one, and its import is 8-9 ms of every process)

    path = next((folder / name for name in HUGO_FILES if (folder / name).is_file()), None)
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError) as exc:
        return path.name, {}, [f"{path.name} could not be read ({exc})"]
    data = _lowered(data)
    wanted, left = _given(data, {"title": "title", "baseurl": "base_url", "timezone": "timezone"}), []
    lang = data.get("defaultcontentlanguage") or data.get("languagecode")
    if isinstance(lang, str):
        wanted["lang"] = _language(lang)
    _hugo_languages(data, wanted)
    patterns = data.get("permalinks")
    if isinstance(patterns, dict) and patterns:
        section = next((key for key in ("posts", "post", "news", "blog") if isinstance(patterns.get(key), str)), None)
        if section is None or len(patterns) > 1:
            left.append(
                f"permalinks: ssg has one pattern for every article: write it as permalink: (e.g. {{year}}/{{month}}/{{slug}}/) from {patterns!r}"
            )
        if section is not None:
            wanted["permalink"] = patterns[section]
    _hugo_article_urls(data, wanted, left)
    _hugo_tag_urls(data, wanted, left)
    taxonomies = data.get("taxonomies", {"tag": "tags", "category": "categories"})
    plural = taxonomies.get("category") if isinstance(taxonomies, dict) else None
    if isinstance(plural, str) and plural.strip("/ ") and _front_matter_names(folder / "content", "categories"):
        left.append(f"taxonomies: {_GONE['category'].format(url='/' + plural.strip('/ ') + '/<name>/')}")
    _hugo_feed(data, wanted)
    _hugo_ignored(data, wanted, left)
    return path.name, wanted, left


# A regular expression of Hugo's `ignoreFiles` that says a file's ending alone (`\.excalidraw\.md$`, `\.tmp$`), as such.
_ENDING = re.compile(r"((?:\\\.[\w-]+)+)\$")


def _hugo_ignored(data: dict, wanted: dict, left: list[str]) -> None:
    r"""`exclude:` of Hugo's `ignoreFiles`, regular expressions of the paths it does not read: those that say a file's
    ending (`\.excalidraw\.md$`) are `*.excalidraw.md`; any other is left, to write as a pattern (a regular
    expression, matched against a path that Hugo's version decides, is no glob to guess at)."""
    ignored = data.get("ignorefiles")
    if not isinstance(ignored, list) or not ignored:
        return
    patterns = [f"*{found[1].replace(chr(92), '')}" for item in ignored if isinstance(item, str) and (found := _ENDING.fullmatch(item))]
    others = [item for item in ignored if not (isinstance(item, str) and _ENDING.fullmatch(item))]
    if patterns:
        wanted["exclude"] = patterns
    if others:
        left.append(
            f"ignoreFiles: {others!r} are regular expressions: write in exclude: the content folder's files and folders they "
            "meant, as a .gitignore writes them (e.g. private/, '*.excalidraw.md')"
        )


def _front_matter_names(content: Path, key: str) -> bool:
    """Whether an article under `content` names `key` in its front matter (`categories:`, `categories =`): read from
    each Markdown file's start, once, by `ssg init`."""
    pattern = re.compile(rf"^{key}\s*[:=]", re.IGNORECASE | re.MULTILINE)
    for path in content.rglob("*.md"):
        try:
            with path.open("rb") as file:
                start = file.read(4096).decode("utf-8", "replace")
        except OSError:
            continue
        if pattern.search(start):
            return True
    return False


def _hugo_article_urls(data: dict, wanted: dict, left: list[str]) -> None:
    """`old_urls:` of where Hugo put each post: its posts' `[permalinks]` pattern, else Hugo's default, the content
    path (`/posts/союз-вернулся/`, letters kept); with `uglyURLs` a `.html` file (`/2021/x.html`). ssg's own pattern
    (`permalink:`) spells them otherwise (in Latin; `:title` is the title, not the file name, in Hugo's), and every
    article moved without a word: a page at each old address redirects to it now."""
    patterns = data.get("permalinks") if isinstance(data.get("permalinks"), dict) else {}
    section = next((key for key in ("posts", "post", "news", "blog") if isinstance(patterns.get(key), str)), None)
    pattern = patterns[section].strip() if section is not None else HUGO_DEFAULT
    if data.get("uglyurls") is True and pattern.endswith("/"):
        pattern = pattern.rstrip("/") + ".html"
    pattern = pattern if pattern.startswith("/") else f"/{pattern}"
    lang = data.get("defaultcontentlanguage") or "en"
    if data.get("defaultcontentlanguageinsubdir") is True and isinstance(lang, str):
        if "languages" in wanted:  # (the other languages' are under theirs; the default's too, which old_urls cannot say)
            left.append(
                f"old_urls: Hugo's defaultContentLanguageInSubdir put the default language's articles under /{lang}/ too, "
                f"where old_urls: has them at the root: name their old URLs in aliases:, or redirect /{lang}/ in the server"
            )
        else:
            pattern = f"/{lang}{pattern}"  # (its one language's folder)
    wanted["old_urls"] = {"hugo": pattern}


def _hugo_feed(data: dict, wanted: dict) -> None:
    """`feeds: {old_paths: [index.xml]}`: where Hugo wrote the site's RSS feed, which readers subscribed to follow no
    redirect page (`/index.xml`; `rss.xml` where `[outputFormats.RSS] baseName = "rss"`; under the language's folder
    with `defaultContentLanguageInSubdir`); none where the home page has no RSS (`disableKinds`, `[outputs] home`)."""
    disabled = data.get("disablekinds")  # (`data`'s own keys are lower case already: `_hugo`)
    if isinstance(disabled, list) and "rss" in [str(kind).lower() for kind in disabled]:
        return
    home = _lowered(data.get("outputs")).get("home")
    if isinstance(home, list) and "rss" not in [str(kind).lower() for kind in home]:
        return
    name = _lowered(_lowered(data.get("outputformats")).get("rss")).get("basename")
    path = f"{name if isinstance(name, str) and name.strip('/ ') else 'index'}.xml"
    lang = data.get("defaultcontentlanguage") or "en"
    if data.get("defaultcontentlanguageinsubdir") is True and isinstance(lang, str):
        path = f"{lang}/{path}"
    if path != "feed.xml":  # (ssg's own feed's address: kept as it is)
        wanted["feeds"] = {"old_paths": [path]}


def _lowered(table: Any) -> dict:
    """A TOML or YAML table with its keys in lower case, as Hugo reads them; {} for what is no table."""
    return {str(key).lower(): value for key, value in table.items()} if isinstance(table, dict) else {}


def _hugo_languages(data: dict, wanted: dict) -> None:
    """`languages:` of Hugo's `[languages]`, the default first (`defaultContentLanguage`, which is `en` unless set), the
    others by their `weight`, each with its `title` and `params.description` where given. Without it, a bilingual Hugo
    archive's site.yaml said `lang:` alone, and the first build failed on the first article and its translation (Hugo's
    `name.md` and `name.en.md`), one URL in two languages, until the user wrote the languages in by hand."""
    languages = data.get("languages")
    if not isinstance(languages, dict) or not languages or not all(isinstance(v, dict) for v in languages.values()):
        return
    default = data.get("defaultcontentlanguage", "en")
    codes = sorted(languages, key=lambda code: (code != default, _weight(languages[code]), str(code)))
    written = {}
    for code in codes:
        settings = _lowered(languages[code])
        params = settings.get("params") if isinstance(settings.get("params"), dict) else {}
        given = {"title": settings.get("title"), "description": params.get("description", settings.get("description"))}
        written[_language(str(code))] = {key: value for key, value in given.items() if isinstance(value, str) and value.strip()}
    wanted["lang"] = next(iter(written))
    if len(written) > 1:
        wanted["languages"] = written


def _weight(settings: dict) -> float:
    """A Hugo language's `weight` (its place in the language list), those without one last."""
    weight = next((value for key, value in settings.items() if str(key).lower() == "weight"), None)
    return weight if isinstance(weight, int | float) and not isinstance(weight, bool) else float("inf")


def _hugo_tag_urls(data: dict, wanted: dict, left: list[str]) -> None:
    """`old_tag_urls:` of where Hugo put each tag's page and feed: `/tags/роскосмос/` and its `index.xml`, under the
    taxonomy's own name where `taxonomies:` renames it, `.html` pages with `uglyURLs`, under the language's folder with
    `defaultContentLanguageInSubdir`; none where it has no tags, or made their paths otherwise (said in `left`)."""
    taxonomies = data.get("taxonomies", {"tag": "tags"})
    plural = taxonomies.get("tag") if isinstance(taxonomies, dict) else None
    if not isinstance(plural, str) or not plural.strip("/ "):
        return
    plural = plural.strip("/ ")
    settings = {"disablepathtolower": "disablePathToLower", "removepathaccents": "removePathAccents"}
    odd = [written for name, written in settings.items() if data.get(name) is True]
    permalinks = data.get("permalinks")
    if isinstance(permalinks, dict) and plural in permalinks:
        odd.append(f"permalinks: {{{plural}: {permalinks[plural]}}}")
    if odd:
        left.append(f"old_tag_urls: Hugo's {odd[0]} made its tags' addresses otherwise: write each tag's in tag_aliases:")
        return
    lang = data.get("defaultcontentlanguage") or "en"
    folder = f"/{lang}/{plural}" if data.get("defaultcontentlanguageinsubdir") is True and isinstance(lang, str) else f"/{plural}"
    page = f"{folder}/{{hugo}}.html" if data.get("uglyurls") is True else f"{folder}/{{hugo}}/"
    wanted["old_tag_urls"] = [page, f"{folder}/{{hugo}}/index.xml"]
    languages = data.get("languages")
    if isinstance(languages, dict) and len(languages) > 1:
        left.append(f"old_tag_urls: the tags of Hugo's other languages (/<lang>/{plural}/...): write each in tag_aliases:")


def _jekyll(folder: Path) -> tuple[str, dict, list[str]] | None:
    path = folder / JEKYLL_FILE
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return path.name, {}, [f"{path.name} could not be read ({exc})"]
    data = data if isinstance(data, dict) else {}
    wanted = _given(data, {"title": "title", "timezone": "timezone", "excerpt_separator": "excerpt_separator"})
    if isinstance(data.get("url"), str) and data["url"].strip():
        wanted["base_url"] = data["url"].strip().rstrip("/") + "/" + str(data.get("baseurl") or "").strip("/")
    lang = data.get("lang") or data.get("locale")  # (jekyll-seo-tag's `locale: ru_RU`)
    if isinstance(lang, str):
        wanted["lang"] = _language(lang)
    # No `permalink:` is Jekyll's `date` style: its posts' URLs start with their categories.
    wanted["permalink"] = data.get("permalink") or "date"
    # ... and its `:title` kept the file name's case and letters (/2021/03/09/Big-News.html), which ssg's {slug} does not.
    wanted["old_urls"] = {"jekyll": str(data.get("permalink") or "date").strip()}
    left = []
    if isinstance(data.get("exclude"), list) and data["exclude"]:
        # (Jekyll's are the site folder's: `Gemfile`, `node_modules/`, none of which ssg reads; its `_drafts/`, `_x`, neither.)
        left.append(
            "exclude: Jekyll's are paths in the site's folder, where ssg reads only the content folder and static/: "
            "write in exclude: those of the content folder that are no part of the site, as a .gitignore writes them"
        )
    return path.name, wanted, left


def _pelican(folder: Path) -> tuple[str, dict, list[str]] | None:
    settings: dict[str, Any] = {}
    read = [name for name in PELICAN_FILES if (folder / name).is_file()]
    if not read:
        return None
    for name in read:
        settings |= _assignments((folder / name).read_text(encoding="utf-8", errors="replace"))
    wanted, left = _given(settings, {"SITENAME": "title", "TIMEZONE": "timezone"}), []
    if isinstance(settings.get("SITEURL"), str) and settings["SITEURL"].startswith(("http://", "https://")):
        wanted["base_url"] = settings["SITEURL"]
    if isinstance(settings.get("DEFAULT_LANG"), str):
        wanted["lang"] = _language(settings["DEFAULT_LANG"])
    pattern = settings.get("ARTICLE_URL", "{slug}.html")  # (Pelican's default)
    written = re.sub(r"{([^}]*)}", lambda m: _PELICAN_FIELDS.get(m[1], m[0]), pattern) if isinstance(pattern, str) else None
    if written is None or re.search(r"{(?!(?:year|month|day|slug|lang)})", written):
        left.append(
            f"ARTICLE_URL: {pattern!r} has fields ssg's permalink: has no counterpart of (its are {{year}}, {{month}}, {{day}}, {{slug}}, {{lang}})"
        )
    else:
        wanted["permalink"] = written
    _pelican_tag_urls(settings, wanted, left)
    for key, default, what in (
        ("CATEGORY_URL", "category/{slug}.html", "category"),
        ("AUTHOR_URL", "author/{slug}.html", "author"),
        ("PAGE_URL", "pages/{slug}.html", "page"),
    ):
        if isinstance(url := settings.get(key, default), str) and url and settings.get(key.replace("_URL", "_SAVE_AS"), "x") != "":
            left.append(f"{key}: {_GONE[what].format(url=url)}")
    # The site's feeds, which readers subscribed to follow no redirect page: `FEED_ALL_ATOM` (`feeds/all.atom.xml`
    # unless set otherwise, or None) and the others Pelican writes where they are set.
    feeds = [settings.get("FEED_ALL_ATOM", "feeds/all.atom.xml")] + [settings.get(key) for key in ("FEED_ATOM", "FEED_ALL_RSS", "FEED_RSS")]
    if paths := [path.lstrip("/") for path in feeds if isinstance(path, str) and path.strip("/ ")]:
        wanted["feeds"] = {"old_paths": paths}
    lang_pattern = settings.get("ARTICLE_LANG_URL", "{slug}-{lang}.html")  # (the other languages' articles, Pelican's default)
    if isinstance(lang_pattern, str) and lang_pattern != pattern:
        wanted["lang_permalink"] = re.sub(r"{([^}]*)}", lambda m: _PELICAN_FIELDS.get(m[1], m[0]), lang_pattern)
    return " and ".join(read), wanted, left


def _pelican_tag_urls(settings: dict[str, Any], wanted: dict, left: list[str]) -> None:
    """`old_tag_urls:` of where Pelican put each tag's page (`TAG_URL`, `tag/{slug}.html` by default) and feeds
    (`TAG_FEED_ATOM`, none by default); none where it wrote no tag pages (an empty `TAG_SAVE_AS`), or spelt them
    otherwise (`SLUGIFY_USE_UNICODE`, said in `left`)."""
    if settings.get("TAG_SAVE_AS", "x") == "":
        return
    if settings.get("SLUGIFY_USE_UNICODE") is True:
        left.append(
            "old_tag_urls: Pelican's SLUGIFY_USE_UNICODE spelt its tags' addresses in their letters: write each tag's in tag_aliases:"
        )
        return
    found = []
    for key, default in (("TAG_URL", "tag/{slug}.html"), ("TAG_FEED_ATOM", None), ("TAG_FEED_RSS", None)):
        url = settings.get(key, default)
        if not isinstance(url, str) or "{slug}" not in url:
            continue
        if key != "TAG_URL" and not url.endswith(".xml"):
            left.append(f"old_tag_urls: {key} {url!r}: a static host serves no feed of another ending than .xml: redirect it in the server")
            continue
        found.append(f"/{url.lstrip('/').replace('{slug}', '{pelican}')}")
    if found:
        wanted["old_tag_urls"] = found


def _assignments(text: str) -> dict[str, Any]:
    """A Python settings file's top-level `NAME = literal` lines (a string, number, list, dict), read without running
    it: anything else (an expression, an import) is passed over."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return {}
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):  # (`{[1]: 2}`: no literal it can make)
                continue
    return found


def _given(data: dict, names: dict[str, str]) -> dict[str, Any]:
    """ssg's options of `data`'s keys named in `names`, where they hold a value."""
    return {option: data[key] for key, option in names.items() if data.get(key) not in (None, "")}


def _language(code: str) -> str:
    """A language as ssg's `lang:` takes it: Hugo's `en-us` and Jekyll's `ru_RU` are `en` and `ru` (a site's language,
    not its country); `pt-BR` stays."""
    code = code.strip().replace("_", "-")
    primary, _, region = code.partition("-")
    return code if region and region.isupper() and primary.lower() in ("pt", "zh") else primary.lower()
