"""What the browser's search.js makes of a text, run by node: the query side the index's Python must match."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

SEARCH_JS = Path(__file__).parent.parent / "themes" / "default" / "static" / "assets" / "search.js"


def folded_by_search_js(texts: list[str]) -> list[str]:
    """Each of `texts` as search.js's foldQuery, lower-cased as lunr does, leaves it (analysis.fold's twin)."""
    script = (
        "const { foldQuery } = require(process.argv[1]);"
        "const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(texts.map((t) => foldQuery(t).toLowerCase())));"
    )
    done = subprocess.run(["node", "-e", script, str(SEARCH_JS)], input=json.dumps(texts), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)
