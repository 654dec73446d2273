"""Minimal Pelican twin of the ssg benchmark site (`convert.py` writes the articles into content/).

Like benchmarks/hugo/: one page per article, the home page and each tag page 20 articles a page,
the tag index, and an Atom feed of the newest articles (full text) for the site and each tag.
Pelican's own default theme; nothing fetched. Off, as ssg's equivalents differ: category, author
and archive pages.
"""

SITENAME = "Benchmark archive"
SITEURL = "https://example.org"
TIMEZONE = "Europe/Moscow"
DEFAULT_LANG = "en"
PATH = "content"
DEFAULT_PAGINATION = 20
ARTICLE_URL = ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html"
TAG_URL, TAG_SAVE_AS = "tags/{slug}/", "tags/{slug}/index.html"
FEED_ALL_ATOM = "feed.xml"
TAG_FEED_ATOM = "tags/{slug}/feed.xml"
FEED_MAX_ITEMS = 20
CATEGORY_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = None
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
