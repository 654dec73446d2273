"""Interface strings: the theme's and the site's `i18n/` files, checked as they load, and `t`, which pages call.

A theme keeps one file of strings per language (`en.yaml`, and parts such as `search.en.yaml`); a site's own
`i18n/` overrides them key by key. What is wrong in a file is said on its line when it loads (a placeholder its
string may not use, a date pattern Babel cannot use), not on the template line that first used it as a
`KeyError`. A key no language has is an error where a template asks for it (it printed the key); a language
missing a key the English strings have shows the English one. A language without strings of its own gets a
warning, and its dates in its own locale's format (the English pattern gave "грудня 5, 2026, 3:19 дп").
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale
from jinja2 import nodes
from markupsafe import Markup, escape

from .config import CONFIG_FILE, Config
from .datepatterns import bad_pattern, locale_patterns, pattern_problem
from .errors import Problem, TemplateError
from .yamlload import read_mapping

DATE_KEYS = ("datetime_long", "datetime_short")  # Babel patterns, not text: a language without them takes its locale's
# What ssg's own code asks for (an image's credit in feeds, a footnote's way back), for a theme that has no such strings.
SSG_STRINGS = {"image_source": "Image source: {credit}", "footnote_back": "Back to footnote {n} in the text"}

Origin = tuple[str, int | None]  # a string's file, as messages show it, and line


@dataclass(frozen=True)
class Origins:
    """Where each string came from, for what is said about it."""

    lines: dict[tuple[str, str], Origin] = field(default_factory=dict)  # (lang, key) -> file and line
    files: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> the keys its files give
    english: dict[str, str] = field(default_factory=dict)  # key -> the theme's English file that has it (search.en.yaml)
    themes: set[str] = field(default_factory=set)  # the keys the themes' files give, in any language
    own: dict[str, Origin] = field(default_factory=dict)  # the keys the site's own files give -> the first one's file, line


def load_strings(
    theme_folders: Sequence[Path], site_folder: Path, shown: Callable[[Path], str]
) -> tuple[dict[str, dict[str, str]], Origins]:
    """The strings of each language (the site's over the theme's, and a theme's over those of the theme it extends:
    `theme_folders` the last one extended first; key by key) and where each came from, every problem of the files at
    once (`TemplateError`). `shown`: a path as messages name it (relative to the project)."""
    texts: dict[str, dict[str, str]] = {}
    origins = Origins()
    problems: list[Problem] = []
    reference: dict[str, frozenset[str] | None] = {}  # the theme's English strings' placeholders: what `t` is called with
    for folder in (*theme_folders, site_folder):
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
            lang, name = path.stem.split(".")[-1], shown(path)
            for key, (text, line) in _read(path, name, problems).items():
                texts.setdefault(lang, {})[key] = text
                origins.lines[(lang, key)] = (name, line)
                if folder == site_folder:
                    origins.own.setdefault(key, (name, line))
                else:
                    origins.themes.add(key)
                if folder != site_folder and lang == "en":
                    origins.english[key], reference[key] = path.name, _placeholders(text)
    for lang, keys in texts.items():
        origins.files[lang] = frozenset(keys)
    for (lang, key), (name, line) in origins.lines.items():
        problem = _string_problem(key, texts[lang][key], reference.get(key))
        if problem:
            problems.append(Problem(name, line, key, problem))
    if problems:
        raise TemplateError(problems)
    return texts, origins


def _read(path: Path, name: str, problems: list[Problem]) -> dict[str, tuple[str, int | None]]:
    """A strings file's key -> (text, line), or nothing, its problems added to `problems`."""
    data, lines = read_mapping(path, name, problems, "key: text")
    found = {}
    for key, value in data.items():
        if value is None or isinstance(value, (dict, list)):
            what = "is empty" if value is None else "is no text"
            problems.append(
                Problem(name, lines.get(str(key)), str(key), f"{what} (write its text, or remove the line for the English one)")
            )
            continue
        found[str(key)] = (str(value), lines.get(str(key)))
    return found


def _placeholders(text: str) -> frozenset[str] | None:
    """The `{name}` placeholders of a string (None where it is no format string: a { without its })."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return None
    return frozenset(name.split(".")[0].split("[")[0] for name in fields)


def _string_problem(key: str, text: str, allowed: frozenset[str] | None) -> str | None:
    """What is wrong with one string: a date pattern Babel cannot use, a placeholder the theme's English string does
    not have (`t` is called with that one's values: `{cnt}` for `{count}` failed the page with a KeyError)."""
    if key in DATE_KEYS:
        problem = pattern_problem(text)
        return bad_pattern(text, problem) if problem else None
    if not allowed:  # (a string the theme formats with no values: its braces are text)
        return None
    found = _placeholders(text)
    if found is None:
        return f"{text!r} has a {{ without its }} (the placeholders it may use: {_listed(allowed)}; a brace itself is written {{{{)"
    unknown = sorted(found - allowed)
    if unknown:
        return f"unknown placeholder {{{unknown[0]}}} in {text!r} (this string may use {_listed(allowed)})"
    return None


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))


def translator(
    texts: dict[str, dict[str, str]],
    origins: Origins,
    lang: str,
    default_lang: str,
    others: Callable[[str], Callable[..., str]] | None = None,
) -> Callable[..., str]:
    """`t` for one language: its strings with their fallbacks merged (English, the site's language, the language's
    base: `pt` for `pt-BR`), so that each of a page's ~40 look-ups is one dict get. Its dates: its own patterns, else
    site.yaml's, else its locale's (never another language's, whose pattern put "грудня 5, 2026").

    `t(key, lang="en")` gives another language's string, as `format_date(d, lang="en")` its date: a page in one
    language that speaks to readers of the others (a bilingual site's one 404 page) needs their words. `others` gives
    that language's `t` (the theme's, made once); without it one is made for the call."""
    own_lang = lang
    base = lang.split("-")[0]
    chain = ("en", default_lang, base, lang)  # the first choice last: it wins
    strings = dict(SSG_STRINGS)
    for code in chain:
        strings.update(texts.get(code, {}))
    own = texts.get(base, {}) | texts.get(lang, {})
    long, short = locale_patterns(lang)
    strings["datetime_long"] = own.get("datetime_long", long)
    strings["datetime_short"] = own.get("datetime_short", own.get("datetime_long", short))

    def t(key: str, lang: str | None = None, **values: Any) -> str:
        if lang is not None and lang != own_lang:
            other = others(lang) if others is not None else translator(texts, origins, lang, default_lang)
            return other(key, **values)
        text = strings.get(key)
        if text is None:
            raise jinja2.UndefinedError(_unknown_key(key, own_lang, texts))
        if not values:
            return text
        try:
            if any(isinstance(value, Markup) for value in values.values()):  # (`credit=image.credit | markdownify`)
                return Markup(escape(text)).format_map(values)  # the string's text escaped, other values too
            return text.format_map(values)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            where = next((origins.lines[(code, key)] for code in reversed(chain) if (code, key) in origins.lines), None)
            raise jinja2.UndefinedError(_unfilled(key, text, values, exc, where)) from None

    # `t.has(key)`: whether `t(key)` has a string to give, so a template can show something else where none is (the
    # search page names a hit's language by the theme's string, else by the language's own name).
    t.has = strings.__contains__  # type: ignore[attr-defined]
    return t


def _unknown_key(key: str, lang: str, texts: dict[str, dict[str, str]]) -> str:
    """What to say of `t(key)` where neither `lang` nor a language it falls back to has `key`."""
    having = sorted(code for code, strings in texts.items() if key in strings)
    if having:  # (a string given in another language only: there is no text to show)
        return (
            f"t({key!r}): no interface string {key!r} in {lang}, only in {', '.join(having)} "
            f"(add it to {'' if lang == 'en' else f'i18n/{lang}.yaml, or to '}i18n/en.yaml, which every language falls back to)"
        )
    known = sorted({k for strings in texts.values() for k in strings} | set(SSG_STRINGS))
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    also = "" if lang == "en" else ", and to i18n/en.yaml for the languages that fall back to English"
    return f"t({key!r}): no interface string {key!r} in {lang} or any language (add {key}: ... to i18n/{lang}.yaml{also}{hint})"


def _unfilled(key: str, text: str, values: dict[str, Any], exc: Exception, where: Origin | None) -> str:
    """What to say of `t(key, **values)` whose string asks for a value the call does not give (or is no format string)."""
    place = "" if where is None else f" ({where[0]}{'' if where[1] is None else f':{where[1]}'})"
    given = ", ".join(sorted(values))
    if isinstance(exc, KeyError):
        return f"t({key!r}): the string {text!r}{place} uses {{{exc.args[0]}}}, which this call does not give (it gives {given})"
    return f"t({key!r}): the string {text!r}{place} is no format string: {exc} (a brace itself is written {{{{)"


def unfilled_calls(
    own: Iterable[tuple[str, nodes.Template]], others: Callable[[], Iterable[nodes.Template]], texts: dict[str, dict[str, str]]
) -> list[Problem]:
    """A warning on each line of a project's template (`own`: its file as shown, its parse) that calls `t("key")`
    without values for a string with placeholders that some template (`own`, or `others()`: the rest, parsed only where
    there is such a call) or ssg fills: a designer's `{{ t("image_source") }}` printed "Источник изображения: {credit}".
    A string no template gives values to (the search page's, which search.js fills) may be printed as it is."""
    bare, filled = [], set(SSG_STRINGS)
    for file, ast in own:
        # (a call whose text the template goes on with fills it there: t("image_source") | replace("{credit}", ...),
        # t("page_n_of_m").format(page=1, pages=2))
        went_on = {id(node.node) for node in ast.find_all((nodes.Filter, nodes.Getattr)) if isinstance(node.node, nodes.Call)}
        for call in ast.find_all(nodes.Call):
            key = _t_key(call)
            if key is None or id(call) in went_on:
                continue
            if call.kwargs or call.dyn_kwargs:
                filled.add(key)
            elif len(call.args) == 1 and (names := _placeholders(_text(key, texts))):
                bare.append((file, call.lineno, key, sorted(names)))
    if bare and any(key not in filled for _, _, key, _ in bare):
        filled |= {_t_key(call) for ast in others() for call in ast.find_all(nodes.Call) if call.kwargs or call.dyn_kwargs}
    problems = []
    for file, line, key, names in bare:
        if key in filled:
            given = ", ".join(f"{name}=..." for name in names)
            values = f"value{'s' * (len(names) > 1)}"
            message = f"t({key!r}) prints {_text(key, texts)!r} with {_listed(names)} as it is (give the {values}: t({key!r}, {given}))"
            problems.append(Problem(file, line, None, message))
    return problems


def _text(key: str, texts: dict[str, dict[str, str]]) -> str:
    """A string's English text (else any language's, else ssg's own): what its placeholders are read from."""
    return next((strings[key] for strings in (texts.get("en", {}), *texts.values()) if key in strings), SSG_STRINGS.get(key, ""))


def is_t_call(call: nodes.Call) -> bool:
    """Whether a template's call is `t(...)` with a key (the strings' function every template has)."""
    return isinstance(call.node, nodes.Name) and call.node.name == "t" and bool(call.args)


def _t_key(call: nodes.Call) -> str | None:
    """The key a `t("key", ...)` call names, where it is written as it is."""
    if is_t_call(call) and isinstance(call.args[0], nodes.Const):
        return call.args[0].value if isinstance(call.args[0].value, str) else None
    return None


def string_warnings(origins: Origins, config: Config, checking: bool) -> list[Problem]:
    """A warning, on site.yaml's line that names it, for each of the site's languages without interface strings of its
    own (its pages showed English ones, silently); with `checking` (`ssg check`), one for each language missing some
    of those the theme's English files have, listing them. Only there: a translation may lag behind a theme's update,
    and every build saying so would hide the warnings that need acting on."""
    warnings = []
    if not any(origins.files.values()):  # (a theme with no strings at all writes its words in its templates: none to copy)
        return warnings
    english = sorted(set(origins.english.values())) or ["en.yaml"]
    for code in config.language_codes:
        given = origins.files.get(code.split("-")[0], frozenset()) | origins.files.get(code, frozenset())
        if code == "en":
            continue
        if not given:
            key = "lang" if code == config.lang else "languages"
            files = " and ".join(f"i18n/{name}" for name in english)
            ours = " and ".join(f"i18n/{name.removesuffix('en.yaml')}{code}.yaml" for name in english)
            message = (
                f"the theme {config.theme!r} has no interface strings in {code} ({_name(code)}), so its pages show the English "
                f"ones (dates are in {code}'s own format): copy the theme's {files} to {ours} in the project and translate them "
                "(`ssg theme` says where the theme is)"
            )
            warnings.append(Problem(CONFIG_FILE, config.line_of(key), key, message))
        elif checking:
            warnings += _missing(origins, code, given)
    return warnings


def _name(code: str) -> str:
    """A language's name in English (Ukrainian), as Babel knows it."""
    return Locale.parse(code.replace("-", "_")).english_name or code


def _missing(origins: Origins, code: str, given: frozenset[str]) -> list[Problem]:
    """A warning for each of the theme's English files whose keys `code` lacks some of (they show in English)."""
    by_file: dict[str, list[str]] = {}
    for key, name in origins.english.items():
        if key not in given and key not in DATE_KEYS:  # (dates fall back to the language's own, not to English)
            by_file.setdefault(name, []).append(key)
    return [
        Problem(
            f"i18n/{name.removesuffix('en.yaml')}{code}.yaml",
            None,
            None,
            f"{len(keys)} of the theme's strings are not translated into {code} and show in English: {', '.join(sorted(keys))} "
            f"(copy them from the theme's i18n/{name} and translate them)",
        )
        for name, keys in sorted(by_file.items())
    ]
