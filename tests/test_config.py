"""site.yaml: every bad value is reported on its line, saying what would be right, never with a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ssg.cli import main
from ssg.config import load_config
from ssg.errors import ConfigError

from .conftest import SITE_YAML, article


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def problems(project, yaml: str) -> list[str]:
    """The messages site.yaml (SITE_YAML and `yaml` after it) gives when it is read."""
    project.write({"site.yaml": SITE_YAML + yaml})
    with pytest.raises(ConfigError) as caught:
        load_config(project.root)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("code", ["uk", "de"])
def test_a_search_language_without_a_stemmer_is_an_error_on_its_line(project, command, code):
    """`search: {languages: [uk]}` stopped build and check with a Python traceback from the index's code (and the
    preview showed "internal error")."""
    project.write({"site.yaml": SITE_YAML + f"search: {{languages: [en, {code}]}}\n", "content/a.md": article("A", "2021-01-01")})
    result = run("-C", str(project.root), command)
    assert result.exit_code == 1
    assert f"error: site.yaml:5: search: languages: '{code}' is not supported (use en, ru)\n" in result.output
    assert "Traceback" not in result.output and not (project.root / "public").exists()


def test_search_languages_take_language_codes_by_the_articles_rule(project):
    assert problems(project, "search:\n  languages: [EN]\n") == ["site.yaml:5: search: languages: 'EN' is not a language code (use en, ru, ...)"]
