"""The sample archive served by a real nginx under /archive/, crawled from its home page.

The server block is the one docs/deploy.md gives for a sub-path, so the documentation is tested
too. Every page is reached by following links; no link may be broken, and no request may leave
/archive/ (checked on the links found and again on nginx's access log).
"""

from __future__ import annotations

import getpass
import http.client
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from ssg.build import BuildOptions, build
from ssg.config import load_config

from .conftest import NOW, REPO

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BASE_URL = "https://news.example.net/archive/"  # not the publisher's example.org, which the footer links
OLD_URL = "2021/07/nauka-docks-with-the-iss/"  # content/2021/nauka-docking.md's `aliases:`


@pytest.fixture(autouse=True)
def nginx_installed() -> None:
    """Missing nginx is a failure, not a skip: `make test` and CI install it."""
    assert Path(NGINX).exists(), "this test needs nginx (apt-get install nginx; make test does it)"


def documented_server_block() -> str:
    """The sub-path `server { … }` block of docs/deploy.md."""
    blocks = re.findall(r"```nginx\n(.*?)```", (REPO / "docs" / "deploy.md").read_text(encoding="utf-8"), re.S)
    return next(b for b in blocks if "location /archive/" in b)


def nginx_conf(tmp: Path, server: str) -> str:
    """A whole nginx.conf around one `server { … }` block, everything nginx writes kept in `tmp`."""
    temp = "\n".join(f"    {kind}_temp_path {tmp}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""
user {getpass.getuser()};  # workers must read the test's temporary folder (ignored unless root)
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {tmp}/access.log;
{temp}
{server}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_nginx(tmp: Path, server: Callable[[int], str], probe: str = "/") -> Iterator[int]:
    """nginx with the `server { … }` block that `server` gives for a port, until the block ends; yields its port.
    `probe`: a path to HEAD to know that nginx answers."""
    failed = ""
    for _ in range(5):  # (a port free when picked may be taken by another test's server before nginx binds it)
        port = free_port()
        (tmp / "nginx.conf").write_text(nginx_conf(tmp, server(port)), encoding="utf-8")
        process = subprocess.Popen(
            [NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if _listening(process, port, probe) or "Address already in use" not in (failed := process.stderr.read().decode()):
            break
    try:
        if process.poll() is not None:
            pytest.fail(f"nginx did not start: {failed}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, Path, Path]]:
    """nginx serving the sample archive at http://127.0.0.1:<port>/archive/; yields (URL, access log, site folder)."""
    tmp = tmp_path_factory.mktemp("nginx")
    site = tmp / "www" / "archive"
    result = build(load_config(REPO, base_url=BASE_URL, output_dir=str(site)), BuildOptions(now=NOW))
    assert result.warnings == []
    block = documented_server_block()

    def documented(port: int) -> str:
        return block.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/var/www/archive/", f"{site}/")

    with running_nginx(tmp, documented, "/archive/") as port:  # (under the sub-path: the crawl test reads the log)
        yield f"http://127.0.0.1:{port}/archive/", tmp / "access.log", site


def _listening(process: subprocess.Popen, port: int, probe: str) -> bool:
    """Whether nginx answers on `port` within 10 s; False once it has exited (its stderr tells why)."""
    deadline = time.monotonic() + 10
    while process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                connection.sendall(f"HEAD {probe} HTTP/1.0\r\n\r\n".encode())
                if b"\r\nServer: nginx" in connection.recv(1000):  # (not another test's server: nginx retries binding)
                    return True
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.terminate()
            pytest.fail("nginx did not answer within 10 s")
        time.sleep(0.05)
    return False


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in ("href", "src", "action") or (tag == "meta" and name == "content" and value.startswith("http"))):
                self.links.append(value)
            if value and name == "srcset":
                self.links += [c.split()[0] for c in value.split(",") if c.strip()]


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


class Crawl:
    """Everything reachable from the start URLs, following links on the server only."""

    def __init__(self, root: str):
        self.root = root
        self.origin = root[: root.index("/", len("http://"))]
        self.status: dict[str, int] = {}
        self.broken: list[str] = []
        self.outside: list[str] = []

    def local(self, url: str) -> str | None:
        """The server URL a link means, or None for other sites; canonical URLs map onto the server."""
        if url.startswith(BASE_URL):
            return self.root + url[len(BASE_URL) :]
        if urlsplit(url).netloc == urlsplit(BASE_URL).netloc:
            self.outside.append(url)
            return None
        return url if url.startswith(self.origin) else None

    def run(self, *start: str) -> Crawl:
        queue = [(url, "(start)") for url in start]
        while queue:
            url, found_on = queue.pop()
            if url in self.status:
                continue
            status, kind, body = fetch(url)
            self.status[url] = status
            if status != 200 and not url.endswith("/no/such/page/"):
                self.broken.append(f"{found_on}: {url}: {status}")
            if kind != "text/html":
                continue
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            for link in parser.links:
                target = urldefrag(urljoin(url, link))[0]
                if urlsplit(target).scheme not in ("http", "https"):
                    continue
                target = self.local(target)
                if target is None:
                    continue
                if not urlsplit(target).path.startswith("/archive/"):
                    self.outside.append(f"{url}: {link}")
                    continue
                queue.append((target, url))
        return self


def sitemap_urls(root: str) -> set[str]:
    status, _, body = fetch(root + "sitemap.xml")
    assert status == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text.replace(BASE_URL, root) for loc in ElementTree.fromstring(body).findall("s:url/s:loc", ns)}


def test_crawl_under_a_sub_path_finds_no_broken_link_and_never_leaves_it(server):
    root, access_log, site = server
    crawl = Crawl(root).run(root, root + "no/such/page/", root + OLD_URL)  # (an old URL is where readers come from elsewhere)
    assert crawl.broken == [] and crawl.outside == []
    pages = {url for url, status in crawl.status.items() if status == 200 and url.endswith("/")}
    site_pages = {root + p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html")}
    assert sorted(site_pages - pages) == []
    assert len(pages) > 80
    assert sitemap_urls(root) <= pages  # every page search engines are told of is reachable by links
    assert any(u.endswith("/assets/style.css") for u in crawl.status) and any(u.endswith(".jpg") for u in crawl.status)
    assert any(u.endswith("/feed.xml") for u in crawl.status) and any("/search/" in u for u in crawl.status)
    requested = [line.split('"')[1].split()[1] for line in access_log.read_text().splitlines() if '"' in line]
    assert len(requested) >= len(crawl.status) and all(path.startswith("/archive/") for path in requested)


def test_an_old_url_leads_to_its_article_under_the_sub_path(server):
    """The sample article's `aliases:` entry: a page there whose refresh, as a browser resolves it, is the article."""
    root, _, _ = server
    status, kind, body = fetch(root + OLD_URL)
    page = body.decode("utf-8")
    assert status == 200 and kind == "text/html" and '<meta name="robots" content="noindex">' in page
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page)[1]
    assert f'<link rel="canonical" href="{BASE_URL}2021/07/29/nauka-docking/">' in page
    status, _, article = fetch(urljoin(root + OLD_URL, refresh))
    assert urljoin(root + OLD_URL, refresh) == root + "2021/07/29/nauka-docking/"
    assert status == 200 and b"Nauka docks with the ISS" in article
    assert sitemap_urls(root).isdisjoint({root + OLD_URL})


def test_missing_pages_get_the_404_page_with_working_links(server):
    root, _, _ = server
    status, kind, body = fetch(root + "2021/no/such/page/")
    assert status == 404 and kind == "text/html"
    html = body.decode("utf-8")
    assert 'href="/archive/assets/style.css"' in html and 'href="/archive/tags/"' in html
    assert fetch(root.rstrip("/").rsplit("/", 1)[0] + "/tags/")[0] == 404  # nothing outside /archive/ is served


def test_the_sub_path_without_its_slash_leads_to_the_home_page(server):
    """`https://example.org/archive`, as people type and link it, was the domain's own 404 (found by a new user's trial)."""
    root, _, _ = server
    address = urlsplit(root)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", address.path.rstrip("/"))
        response = connection.getresponse()
        assert response.status == 301 and response.getheader("Location").endswith(address.path)
    finally:
        connection.close()


def test_robots_and_feeds_are_served_with_absolute_urls_under_the_sub_path(server):
    root, _, _ = server
    status, _, robots = fetch(root + "robots.txt")
    assert status == 200 and f"Sitemap: {BASE_URL}sitemap.xml" in robots.decode()
    status, kind, feed = fetch(root + "feed.xml")
    assert status == 200 and kind in ("text/xml", "application/xml", "application/atom+xml")
    links = re.findall(rb'href="([^"]+)"', feed)
    assert links and all(link.startswith(BASE_URL.encode()) or b"news.example.net" not in link for link in links)
