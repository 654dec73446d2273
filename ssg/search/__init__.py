"""Client-side search: per-article terms (cached by the build) and the sharded index files.

The browser queries the index with lunr.js, so lunr's query syntax works, but it never downloads
the whole index: terms are split into shards by their sorted order, and a query loads only the
shards that hold its terms (`writer` describes the files, search.js is the client).
"""

from .analysis import INVISIBLE, article_terms
from .model import FIELDS, SUPPORTED_LANGUAGES, TERMS_VERSION, SearchConfig, SearchDoc, TermsCache
from .writer import DamagedTermsError, Indexer, IndexFile, index_files, write_index

__all__ = [
    "DamagedTermsError",
    "FIELDS",
    "INVISIBLE",
    "SUPPORTED_LANGUAGES",
    "TERMS_VERSION",
    "IndexFile",
    "Indexer",
    "SearchConfig",
    "SearchDoc",
    "TermsCache",
    "article_terms",
    "index_files",
    "write_index",
]
