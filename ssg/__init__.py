"""ssg: a static site generator for news-article archives."""

__version__ = "0.1.0"
