"""`ssg serve`: build into a preview folder, serve it, rebuild on every save, reload open pages.

The site side (watching, rebuilding, the lock and the epoch) is `watch.Rebuilder`; this module
is the HTTP side, the MkDocs scheme (habit 8 of STYLE.md):
- each request holds the rebuilder's lock shared while it reads its file, and a rebuild holds it
  exclusively, so no request ever sees a build half committed;
- every HTML page is served with the epoch it was read at and a small script that listens to
  `/__ssg__/events` (Server-Sent Events): another epoch means reload, problems mean the error
  overlay, none means no overlay. A failed build keeps the last good site and its epoch.

A file served as it is (anything but an HTML page that gets the script) is opened under the lock and sent after it is
let go, from the disk as it goes (`socket.sendfile`): a build moves its files in by renaming, so the open file stays
that build's whole, and a long video to a slow phone holds up no rebuild nor fills the memory. It is sent in part where
a single byte range is asked for (`byte_range`): a browser seeks a video so, and Safari plays no mp4 without it.

Behind a proxy that serves the preview at a sub-path of its own (jupyter-server-proxy's `/user/x/proxy/8000/`,
code-server's `/proxy/8000/`, nginx's `location /preview/ { proxy_pass http://127.0.0.1:8000/; }`) a path from the
server's root leads out of it: the script's stream and every redirect name their place relative to the page asked
for (`relative`), which the browser resolves to the same place directly and through such a proxy.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import ipaddress
import json
import mimetypes
import os
import re
import select
import socket
import socketserver
import sys
import threading
import time
import traceback
import webbrowser
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, unquote, urlsplit

import click

from .build import BuildOptions
from .config import load_config
from .entry import colour
from .errors import Problem, SsgError
from .locks import hold_lock, release_lock
from .output import MANIFEST
from .resources import Lack, lacking
from .urls import NOT_FOUND, output_file
from .watch import LiveState, Rebuilder, View, stopped_by_signals

EVENTS_PATH = "/__ssg__/events"
PORT_ATTEMPTS = 20
PLAIN = "text/plain; charset=utf-8"
HEARTBEAT = 15.0  # seconds between SSE comments, so a closed tab's thread finds out and ends
# Connections answered at once (a thread and a file descriptor each): a browser opens 6 to a host, a tab's live reload
# holds one; more are told 503. 300 held half-open took every descriptor under `ulimit -n 256`, and the rebuild failed.
MAX_CONNECTIONS = 64
# Seconds a request has for its line and headers, however it trickles them (a slow client's, or one holding the
# connection on purpose: one header line every 5 s kept it for ever); an idle kept-alive connection is closed after it.
HEADER_TIMEOUT = 10.0
BUSY_WAIT = 0.1  # seconds the server waits before it accepts again where it has no descriptor left (it spun on it)
TYPES = {  # our own table: the platform's mime.types differs between machines and lacks charsets
    **dict.fromkeys((".html", ".htm"), "text/html; charset=utf-8"),
    **dict.fromkeys((".js", ".mjs"), "text/javascript; charset=utf-8"),
    **dict.fromkeys((".json", ".map"), "application/json; charset=utf-8"),
    **dict.fromkeys((".jpg", ".jpeg"), "image/jpeg"),
    ".css": "text/css; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": PLAIN,
    ".svg": "image/svg+xml; charset=utf-8",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".otf": "font/otf",
}


@dataclass(frozen=True)
class ServeOptions:
    """The flags of `ssg serve`."""

    host: str = "127.0.0.1"
    port: int = 8000  # 0: any free port (tests)
    open_browser: bool = False
    reload: bool = True  # inject the live-reload script
    drafts: bool = True  # drafts and future articles, as an author wants to see them
    poll: bool | None = None  # look for changes rather than hear file events (None: where they may not come; `Watcher`)
    allowed_hosts: tuple[str, ...] = ()  # names besides localhost and addresses a request may be for (`refused`)


def content_type(path: Path) -> str:
    return TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


# An address that means every one of the machine's (`--host 0.0.0.0`): no browser opens it. The preview's address is
# the local one here; others are told the machine's own (`network_addresses`).
WILDCARDS = {"0.0.0.0": "127.0.0.1", "::": "::1"}


def bare_host(host: str) -> str:
    """`host` without the brackets of an IPv6 address copied from a URL (`[::1]`)."""
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def in_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def network_addresses(ipv6: bool) -> list[str]:
    """This machine's addresses that others on its network may open the preview at, for one that listens on all
    (`WILDCARDS`), as Vite lists them: the one its default route goes out by (a UDP socket "connected" to a
    documentation address, which sends nothing), then those its name resolves to; loopback and link-local ones
    (which need an interface named) left out. IPv6 ones only where it listens on IPv6 (`::`)."""
    families = (socket.AF_INET, socket.AF_INET6) if ipv6 else (socket.AF_INET,)
    found = []
    for family in families:
        with suppress(OSError), socket.socket(family, socket.SOCK_DGRAM) as udp:  # (no route, no IPv6: none)
            udp.connect(("192.0.2.1" if family == socket.AF_INET else "2001:db8::1", 9))
            found.append(udp.getsockname()[0])
    with suppress(OSError, UnicodeError):
        found += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, type=socket.SOCK_STREAM) if info[0] in families]
    addresses: list[str] = []
    for address in found:
        ip = ipaddress.ip_address(address.partition("%")[0])
        if not (ip.is_loopback or ip.is_link_local or ip.is_unspecified) and str(ip) not in addresses:
            addresses.append(str(ip))
    return addresses


def is_local(host: str) -> bool:
    """Whether only this machine can reach `host` (127.0.0.0/8, ::1, localhost)."""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refused(headers: Message, allowed: tuple[str, ...]) -> str | None:
    """Why a request is not answered, or None. The preview holds drafts, and a page of another site the author has open
    could read it (a security trial read an embargoed draft's title):
    - by a name of its own that its DNS turns to 127.0.0.1 (DNS rebinding): the request is for that name, not for
      localhost or an address, which no rebinding can use (`.local`, the network's own names, are taken too);
    - by loading its index files and latest.js as scripts (which call a function that page defines): a request another
      site's page makes, other than following a link (`Sec-Fetch-Site`, `Sec-Fetch-Mode`), as Vite refuses them.
    `allowed`: the names a proxy of the author's passes on (`--allow-host`: JupyterHub's, a Codespace's); one with a
    leading dot (`.example.org`) allows itself and every name under it, as Vite's allowedHosts does."""
    host = headers.get("Host")
    try:
        name = host_name(host) if host is not None else None
    except ValueError:
        name = ""  # (what no browser sends, `evil.com@` or `localhost#@evil.com`: refused, not read leniently)
    if (
        name is not None
        and not _addressed(name)
        and not allowed_name(name, allowed)
        and name != "localhost"
        and not name.endswith((".localhost", ".local"))
    ):
        allow = f", or, for a proxy of yours that passes its own name on, ssg serve --allow-host {name}" if name else ""
        return (
            f"ssg serve answers requests for localhost and IP addresses, not for {name or host!r}: a page of another site "
            f"could read the preview, drafts included, by a name that leads here; open the address the terminal shows{allow}"
        )
    if headers.get("Sec-Fetch-Site") in ("cross-site", "same-site") and headers.get("Sec-Fetch-Mode") not in (None, "navigate"):
        return "ssg serve does not answer another site's page: it could read the preview, drafts included"
    return None


_WELL_FORMED_HOST = re.compile(r"(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::\d+)?")


def allowed_name(name: str, allowed: tuple[str, ...]) -> bool:
    """Whether `name` (`host_name`'s) is one of `allowed`, or under one of them that starts with a dot."""
    return any(name == entry or (entry.startswith(".") and (name.endswith(entry) or name == entry[1:])) for entry in allowed)


def allowed_host(value: str) -> str:
    """An `--allow-host` value as `refused` compares it (`host_name`'s), or a ValueError saying what is taken."""
    try:
        name = host_name(value.strip())
    except ValueError:
        name = ""
    if not name.strip("."):
        raise ValueError(
            f"{value!r} is none of what it takes: a host name (hub.example.org), or one with a leading dot for every name "
            "under it (.example.org)"
        )
    return name


def host_name(host: str) -> str:
    """The name a Host header (or `--allow-host`) gives: lower case, without its port, an IPv6 address's brackets or a
    final dot (`localhost.` is localhost). A ValueError for what is no host (`evil.com@`, `a#@b`)."""
    if not _WELL_FORMED_HOST.fullmatch(host):
        raise ValueError(f"{host!r} is not a host name or address")
    return (urlsplit(f"//{host}").hostname or "").rstrip(".")


def _addressed(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def inside(folder: Path, url_path: str) -> Path | None:
    """The path under `folder` that a decoded URL path names, or None if it would lead out of it.

    `..` segments are refused outright; symlinks are resolved and must still land in `folder`.
    """
    parts = url_path.split("/")
    if ".." in parts or "\0" in url_path or "\\" in url_path:
        return None
    real = folder.joinpath(*(p for p in parts if p not in ("", "."))).resolve()
    return real if real == folder or real.is_relative_to(folder) else None


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes = b""
    type: str = "text/html; charset=utf-8"
    location: str | None = None
    file: Path | None = None  # a file of the preview, not read yet: sent from disk (`PreviewHandler._send_file`)


def relative(path: str, location: str) -> str:
    """`location` (a path from the server's root, %-encoded, with its query if any) as a reference relative to the
    request's `path` (as sent): the browser resolves it to the same place whatever prefix a proxy strips or puts in
    front (RFC 9110 allows a relative Location). `./` starts one that goes down: a first segment with a colon in it
    would read as a scheme."""
    target, mark, query = location.partition("?")
    here, there = path.split("/")[1:-1], target.split("/")[1:]  # the request's folders; the location's, and its name
    common = 0
    while common < min(len(here), len(there) - 1) and unquote(here[common]) == unquote(there[common]):
        common += 1
    return ("../" * (len(here) - common) or "./") + "/".join(there[common:]) + mark + query


def events_url(view: View, path: str) -> str:
    """Where the script of the page at `path` (as sent) listens, relative to it (`relative`): under the site's path,
    where base_url has one, as a proxy that passes on only that path (`location /archive/`) passes it on."""
    mount = view.mount if unquote(path).startswith(view.mount) else "/"
    return relative(path, quote(mount) + EVENTS_PATH[1:])


def lookup(view: View, raw_path: str, query: str) -> Response:
    """The response to GET `raw_path` (still %-encoded) from the files of `view`: a file found is named, not read (a
    page that gets the live-reload script is read by the caller; any other file is sent from the disk)."""
    found = locate(view, unquote(raw_path), query)
    if found is None:
        return not_found(view)
    if isinstance(found, Response):
        return found
    return Response(200, type=content_type(found), file=found)


def byte_range(header: str | None, size: int) -> range | None:
    """The bytes a `Range` header asks for of a file of `size` bytes (RFC 9110 14.1.2): `bytes=100-199`, `bytes=100-`
    (to the end) or `bytes=-500` (the last 500), an end past the file's cut to it. An empty range where none of the
    file is asked for (the answer is 416). None for the whole file: no header, one in other units or not readable, or
    several ranges, which RFC 9110 lets a server answer with the whole file (nginx and `hugo server` answer them with a
    multipart body; browsers ask for one range, to seek a video or go on with a download, and so does curl -C). A dozen
    lines of the standard: no library of ours reads it (http.server does not, and werkzeug would be a dependency for it)."""
    found = _BYTE_RANGE.fullmatch(header or "")
    if found is None or not (found[1] or found[2]):
        return None
    if not found[1]:  # the last so many bytes (none: nothing asked for)
        return range(max(size - int(found[2]), 0), size) if int(found[2]) else range(0)
    start = int(found[1])
    if found[2] and int(found[2]) < start:
        return None  # (`bytes=200-100` is no range: ignored, as the standard says)
    return range(start, min(int(found[2]) + 1, size) if found[2] else size) if start < size else range(0)


_BYTE_RANGE = re.compile(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", re.IGNORECASE)


def locate(view: View, path: str, query: str = "") -> Path | Response | None:
    """What GET `path` (%-decoded) finds among the files of `view`, reading none: the file to send, a redirect (to the
    mount, or a folder's path with its slash), or None where there is nothing."""
    if not path.startswith(view.mount):
        if view.mount.startswith(path.rstrip("/") + "/"):
            return Response(302, type=PLAIN, location=quote(view.mount))
        return None
    target = inside(view.folder, path[len(view.mount) :])
    if target is not None and _is(Path.is_dir, target):
        if not path.endswith("/"):
            return Response(301, type=PLAIN, location=quote(path + "/") + (f"?{query}" if query else ""))
        target = inside(view.folder, output_file(path[len(view.mount) :]))
    return target if target is not None and _is(Path.is_file, target) else None


def _is(kind: Callable[[Path], bool], path: Path) -> bool:
    """`path.is_dir()` or `.is_file()`, False where the system refuses the name: a URL with a segment of 256
    characters or more (ENAMETOOLONG, which pathlib raises) got no answer at all, the error taken for a closed
    connection (`PreviewServer.handle_error`), where it names nothing: the preview's 404 page."""
    try:
        return kind(path)
    except OSError:
        return False


def moved_to(rebuilder: Rebuilder, path: str) -> str | None:
    """Where the page a tab showed at `path`, which is not there now, went: an article or page whose date or slug a build
    changed (`Rebuilder.moved`), or any page, once base_url's path changed (`Rebuilder.remounted`): the tab reloaded
    into a 404 (`/2021/x/` after `base_url: https://example.org/archive/`, or the reverse)."""
    if path in rebuilder.moved:
        return rebuilder.moved[path]
    for old, new in rebuilder.remounted.items():
        if path.startswith(old):
            there = new + path[len(old) :]
            there = rebuilder.moved.get(there, there)
            if locate(rebuilder.view, there) is not None:  # (there, as a file or a redirect: read nothing to know it)
                return there
    return None


def not_found(view: View) -> Response:
    page = inside(view.folder, NOT_FOUND)
    if page is not None and page.is_file():
        return Response(404, page.read_bytes())
    return Response(404, b"<!doctype html>\n<title>Not found</title>\n<h1>Not found</h1>\n<p>Nothing here (yet).</p>\n")


class PreviewServer(ThreadingHTTPServer):
    """One thread per connection; knows its open connections so that stopping never waits on one."""

    daemon_threads = False
    block_on_close = True  # server_close() joins every request thread: nothing is left behind
    request_queue_size = 128  # the default 5 drops connections when a few tabs load at once (1 s retry)

    def __init__(self, address: tuple[str, int], preview: Preview):
        self.preview = preview
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, PreviewHandler)

    def get_request(self) -> tuple[socket.socket, object]:
        """The next connection. Where the process (or the system) has no file descriptor left, the listening socket
        stays ready and `serve_forever` asked again at once, at full CPU: it waits a moment first."""
        try:
            return super().get_request()
        except OSError as error:
            if lacking(error) in (Lack.FILES, Lack.SYSTEM_FILES, Lack.MEMORY):
                time.sleep(BUSY_WAIT)
            raise

    def verify_request(self, request: socket.socket, client_address: object) -> bool:  # type: ignore[override]
        """Whether a connection is answered: not one over MAX_CONNECTIONS, which is told 503 (the browser's page
        says to try again) and closed."""
        if self._slots.acquire(blocking=False):
            return True
        with suppress(OSError):
            request.setblocking(False)  # (a few bytes into a new socket's empty buffer: never waits)
            request.sendall(BUSY)
            request.shutdown(socket.SHUT_WR)
            drain(request)
        return False

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # HTTPServer's would do a reverse DNS lookup
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        with self._open_lock:
            admitted = request in self._open  # (not one `verify_request` turned away)
            self._open.discard(request)
        super().shutdown_request(request)
        if admitted:
            self._slots.release()

    def close_connections(self) -> None:
        """Wake every thread blocked on a client (idle keep-alive, browser pre-connects, streams)."""
        with self._open_lock:
            for request in self._open:
                with suppress(OSError):
                    request.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a connection early is normal; anything else is our bug: say so briefly."""
        if not isinstance(sys.exc_info()[1], OSError):
            click.secho(f"serve: error answering a request:\n{traceback.format_exc()}", fg="red", err=True, color=colour())


BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\nConnection: close\r\n"
    b"Content-Length: 66\r\n\r\nssg serve has too many connections open now: try again in a moment\n"
)


def drain(request: socket.socket) -> None:
    """Read what the client of a connection about to be closed sent (its request), for a moment and a few KB at most:
    a socket closed with data unread sends a reset, not an end, and a reset that comes in before the client read the
    503 sent it loses it (over a real network). Never waits longer than BUSY_DRAIN: the server accepts no connection
    meanwhile."""
    end, read = time.monotonic() + BUSY_DRAIN, 0
    with suppress(OSError, ValueError):
        while read < BUSY_DRAIN_BYTES and (left := end - time.monotonic()) > 0:
            if not select.select([request], [], [], left)[0]:
                return
            data = request.recv(BUSY_DRAIN_BYTES)
            if not data:
                return
            read += len(data)


BUSY_DRAIN = 0.05  # seconds a connection told 503 is read from before it is closed (`drain`)
BUSY_DRAIN_BYTES = 65536  # bytes read at most from it


class PreviewServer6(PreviewServer):
    address_family = socket.AF_INET6


class PreviewHandler(BaseHTTPRequestHandler):
    """GET and HEAD of preview files (the live-reload script added to HTML) and the event stream."""

    server: PreviewServer
    server_version = "ssg-serve"
    timeout = 60  # an idle connection is closed eventually even if nobody stops the server
    disable_nagle_algorithm = True  # headers and body are two writes: don't let the second wait 40 ms

    def setup(self) -> None:
        super().setup()
        self._reading = _Deadline(self.rfile.detach(), self.connection, self.timeout)
        self.rfile = io.BufferedReader(self._reading)

    def handle_one_request(self) -> None:
        """One request: its line and headers within HEADER_TIMEOUT of asking for them, in all (`_Deadline`)."""
        self._reading.until(time.monotonic() + HEADER_TIMEOUT)
        super().handle_one_request()

    def parse_request(self) -> bool:
        parsed = super().parse_request()  # (which reads the headers)
        self._reading.until(None)  # (read: the answer may take its time, a stream or a video's for ever)
        return parsed

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        live, url = self.server.preview.rebuilder, urlsplit(self.path)
        why = refused(self.headers, self.server.preview.options.allowed_hosts)
        if why is not None:
            self._send(Response(403, (why + "\n").encode(), type=PLAIN), send_body)
            return
        if url.path.endswith(EVENTS_PATH):  # (at the root, under base_url's path, or its last one: `events_url`)
            self._stream(live.state, send_body)
            return
        opened = None
        with live.lock.shared():
            response = lookup(live.view, url.path, url.query)
            moved = moved_to(live, unquote(url.path)) if response.status == 404 else None
            if moved:  # a page whose date, slug or base_url's path changed: the tab that showed it follows it
                response = Response(302, type=PLAIN, location=quote(moved))
            if self.server.preview.options.reload and response.type.startswith("text/html"):
                body = response.file.read_bytes() if response.file is not None else response.body
                response = replace(response, body=inject(body, live.state.epoch, events_url(live.view, url.path)), file=None)
            elif response.file is not None:
                opened = response.file.open("rb")  # (under the lock: this build's file, whichever is there once it is let go)
        if opened is not None:
            with opened:
                self._send_file(opened, response.type, send_body)
            return
        if response.location:
            response = replace(response, location=relative(url.path, response.location))
        self._send(response, send_body)

    def _send(self, response: Response, send_body: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build, not a cached one
        if response.location:
            self.send_header("Location", response.location)
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def _send_file(self, opened: BinaryIO, media_type: str, send_body: bool) -> None:
        """A file of the preview as it is on disk: whole (200), or the one byte range asked for (206), or 416 where
        the range is past its end. An `If-Range` asks for the range only if the file is still the one it names, by
        a validator; the preview gives none (no-store), so the file may have changed: it is sent whole, as RFC 9110
        says. The body goes from the file to the socket in the kernel where it can (`socket.sendfile`)."""
        size = os.fstat(opened.fileno()).st_size
        wanted = None if "If-Range" in self.headers else byte_range(self.headers.get("Range"), size)
        if wanted is not None and not wanted:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return
        self.send_response(200 if wanted is None else 206)
        self.send_header("Content-Type", media_type)
        self.send_header("Accept-Ranges", "bytes")
        if wanted is None:
            wanted = range(size)
        else:
            self.send_header("Content-Range", f"bytes {wanted.start}-{wanted.stop - 1}/{size}")
        self.send_header("Content-Length", str(len(wanted)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body and wanted:
            self.connection.sendfile(opened, wanted.start, len(wanted))

    def _stream(self, state: LiveState, send_body: bool) -> None:
        """The event stream: the current state at once, then each change, until the client goes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        # nginx buffers what it proxies (proxy_buffering on, its default): the first message waited there for more, and
        # pages behind it never reloaded nor showed the overlay. This header turns that off for the stream alone.
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        if not send_body:
            return
        seen = -1
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not state.closed:
                news = state.wait(seen, HEARTBEAT)
                if news is None:
                    self.wfile.write(b": still here\n\n")
                    continue
                seen, message = news
                self.wfile.write(f"data: {message}\n\n".encode())
        except OSError:  # the tab was closed or reloaded
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the terminal is for build results, not for every request."""


# Injected into HTML responses only (never into built files). `epoch` is the build the page came
# from; the stream says which build is current. A browser allows only six connections per host and each open stream
# holds one: its tabs share one (`navigator.locks`, `BroadcastChannel`), and hidden tabs let go of theirs. The overlay says
# its English words in English (`lang`), whatever the page's language, so a screen reader reads them so.
SCRIPT = """<script data-ssg-live-reload>(() => {
  const epoch = %d, url = %s;
  let source = null, timer = 0, pause = 1000;
  const overlay = (problems) => {
    let host = document.getElementById("ssg-problems");
    if (!problems.length) return host && host.remove();
    if (!host) {
      host = Object.assign(document.createElement("div"), {id: "ssg-problems", lang: "en", dir: "ltr"});
      host.attachShadow({mode: "open"});
      document.documentElement.append(host);
    }
    const box = document.createElement("div"), list = document.createElement("ul"), title = document.createElement("strong");
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;z-index:2147483647;" +
      "padding:1em 1.25em;background:#2b0d0f;color:#fde8e8;font:14px/1.5 ui-monospace,monospace;border-top:4px solid #e5484d";
    list.style.cssText = "margin:.5em 0 0;padding-left:1.25em";
    title.textContent = `ssg: the last build failed (${problems.length}); showing the last good site. Save a fix and this goes away.`;
    for (const p of problems) {
      const item = document.createElement("li"), where = document.createElement("b");
      where.textContent = p.line ? `${p.path}:${p.line}` : p.path;
      item.append(where, `: ${p.field ? p.field + ": " : ""}${p.message}`);
      list.append(item);
    }
    box.append(title, list);
    host.shadowRoot.replaceChildren(box);
  };
  // The tabs of one browser share one stream where they can (Chromium opens 6 connections to a host, and a stream holds
  // one: a 7th tab hung): the visible tab holding a lock keeps it and passes each message on over a channel; the
  // others listen, and one takes the lock when that tab goes. Without those APIs (no locks for a page over plain HTTP
  // at an address other than localhost's), each visible tab keeps its own.
  const shared = "locks" in navigator && "BroadcastChannel" in window;
  const name = "ssg-live-reload " + new URL(url, location.href).href;
  const channel = shared ? new BroadcastChannel(name) : null;
  let last = null, release = null, waiting = null;
  const heard = (data) => {
    const state = JSON.parse(data);
    if (state.epoch !== epoch) { stop(); location.reload(); } else overlay(state.problems);
  };
  const connect = () => {
    const stream = source = new EventSource(new URL(url, location.href));  // (relative to the page, whatever a <base> says)
    timer = 0;
    stream.onopen = () => { pause = 1000; };
    stream.onmessage = (event) => {
      last = event.data;
      if (channel) channel.postMessage(event.data);
      heard(event.data);
    };
    // The browser connects again by itself after a dropped connection, but gives up for good on an answer that is not
    // the stream (a proxy's 502 while ssg serve restarts): then this page does, after a pause that grows to 5 s.
    stream.onerror = () => {
      if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
      source = null;
      timer = setTimeout(connect, pause);
      pause = Math.min(pause * 2, 5000);
    };
  };
  const stop = () => {
    clearTimeout(timer);
    timer = 0;
    if (source) { source.close(); source = null; }
    if (release) { release(); release = null; }
    if (waiting) { waiting.abort(); waiting = null; }
  };
  const start = () => {
    if (!channel) return connect();
    waiting = new AbortController();
    navigator.locks.request(name, {signal: waiting.signal}, () => new Promise((done) => {
      waiting = null;
      release = done;
      connect();
    })).catch(() => {});  // (given up: the tab was hidden while it waited)
    channel.postMessage("ask");  // (the tab holding it answers with the state now: a save may have come meanwhile)
  };
  // A hidden tab lets the messages pass: it reloaded on every save, where before the shared stream it reloaded once,
  // as it was shown again. Shown, it asks for the state (`start`), and reloads then if a save came meanwhile.
  if (channel) channel.onmessage = (event) => {
    if (event.data === "ask") { if (source && last) channel.postMessage(last); }
    else if (!document.hidden) heard(event.data);
  };
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) stop();
    else if (!source && !timer && !release && !waiting) start();
  });
  if (!document.hidden) start();
})();</script>
"""


class _Deadline(io.RawIOBase):
    """A connection's reading side (`raw`, its socket's) whose reads end together by a deadline (`until`), where one
    is set: a socket's own timeout bounds each read alone, and a client sending a byte in time before each held the
    connection for ever."""

    def __init__(self, raw: io.RawIOBase, connection: socket.socket, idle: float | None):
        super().__init__()
        self._raw, self._connection, self._idle, self._deadline = raw, connection, idle, None

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()
        super().close()

    def until(self, deadline: float | None) -> None:
        self._deadline = deadline
        if deadline is None:
            self._connection.settimeout(self._idle)

    def readinto(self, buffer: memoryview) -> int | None:  # type: ignore[override]
        if self._deadline is not None:
            left = self._deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the request's line and headers took too long")
            self._connection.settimeout(left)
        return self._raw.readinto(buffer)


def inject(html: bytes, epoch: int, events_url: str) -> bytes:
    """`html` with the live-reload script before its last `</body>` (or at the end)."""
    script = (SCRIPT % (epoch, json.dumps(events_url))).encode()
    at = html.lower().rfind(b"</body>")
    return html + script if at < 0 else html[:at] + script + html[at:]


def bind(host: str, port: int, preview: Preview) -> PreviewServer:
    """A server on `port`, or on the next free one when it is taken (the caller says so)."""
    server_class = PreviewServer6 if ":" in host else PreviewServer
    last = port + PORT_ATTEMPTS - 1 if port else 0
    for candidate in range(port, last + 1):
        try:
            return server_class((host, candidate), preview)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise SsgError(Problem("serve", None, "host", f"cannot listen on {host}:{candidate}: {exc.strerror or exc}")) from None
    raise SsgError(Problem("serve", None, "port", f"ports {port} to {last} on {host} are all in use; choose another with --port"))


class Preview:
    """`ssg serve` put together: the HTTP server, and a `Rebuilder` whose builds it serves.

    `start()` returns once the site is served; `run()` rebuilds until `stop()` (or Ctrl-C: the
    command runs it in the main thread, where an interrupted build cleans up after itself).
    """

    def __init__(self, project: Path, options: ServeOptions = ServeOptions()):
        self.options = options = replace(options, host=bare_host(options.host))
        drafts = options.drafts
        include = None if drafts else "ssg serve without --no-drafts shows them"
        self.rebuilder = Rebuilder(
            project,
            BuildOptions(drafts=drafts, future=drafts, force=True, waiting=functools.partial(click.echo, err=True)),
            include=include,
            poll=options.poll,
        )
        self.server: PreviewServer | None = None
        self._thread: threading.Thread | None = None
        self._session: tuple[Path, int | None] | None = None  # the lock file of the preview folder, and its handle (`_hold`)

    @property
    def url(self) -> str:
        """The preview's address on this machine (`--open` opens it): where it listens on every address, the local one."""
        assert self.server is not None, "start() first"
        host, port = self.server.server_address[:2]
        return f"http://{in_url(WILDCARDS.get(str(host), str(host)))}:{port}{self.rebuilder.view.mount}"

    def network_urls(self) -> list[str]:
        """Where others on the network open the preview, where it listens on every address; else none."""
        assert self.server is not None, "start() first"
        host, port = self.server.server_address[:2]
        if host not in WILDCARDS:
            return []
        return [f"http://{in_url(address)}:{port}{self.rebuilder.view.mount}" for address in network_addresses(ipv6=host == "::")]

    def start(self) -> None:
        """Bind, watch, build once, serve. A bad site.yaml here raises: there is nothing to show yet."""
        config = load_config(self.rebuilder.project)
        output = self.rebuilder.target(config).output_path
        self._session = _hold(output)
        self.server = bind(self.options.host, self.options.port, self)
        _say_where(self._session, self.url)
        port = self.server.server_address[1]
        if self.options.port and port != self.options.port:
            click.secho(f"Port {self.options.port} is in use; serving on port {port} instead.", fg="yellow", color=colour())
        if not is_local(self.options.host):
            shows = "drafts and future articles included" if self.options.drafts else "published articles only (--no-drafts)"
            click.secho(
                f"warning: listening on {in_url(self.options.host)}: others on your network can see the preview: {shows}.",
                fg="yellow",
                err=True,
                color=colour(),
            )
        self.rebuilder.start(config)  # watching before the first build: saves made during it count
        shown = "drafts and future articles included" if self.options.drafts else "published articles only"
        click.echo(f"Building a preview ({shown}) into {output} ...")
        marker, shows = _shows_path(output), _shows(self.rebuilder.options)
        if (output / MANIFEST).is_file() and _read_shows(marker) == shows:
            # The preview an earlier `ssg serve` left is shown at once, while this one's first build (which goes over
            # the whole site, several seconds at 10,000 articles) runs; open tabs reload when it is done. Not one built
            # with other settings: `--no-drafts --host 0.0.0.0` showed the network the last session's drafts meanwhile.
            self.rebuilder.view = self.rebuilder.view_of(config)
            self._serve("the last session's preview until this build is done")
            self.rebuilder.first_build(config)
        else:
            marker.unlink(missing_ok=True)  # (until this build is in: a stop half-way leaves no word of its folder)
            self.rebuilder.first_build(config)
            if self.rebuilder.last is not None:  # (built: the folder holds this session's preview)
                with suppress(OSError):  # (a full disk: the next session builds before it serves, as without one)
                    marker.write_text(shows, encoding="utf-8")
            self._serve(None)

    def _serve(self, what: str | None) -> None:
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, name="ssg-serve-http")
        self._thread.start()
        _say_where(self._session, self.url)  # (with the site's path now that the first build found it)
        click.echo(f"Serving {self.url} ({what + '; ' if what else ''}Ctrl-C to stop)")
        for url in self.network_urls():
            click.echo(f"  on your network: {url}")
        if self.options.open_browser:
            webbrowser.open(self.url)

    def run(self) -> None:
        self.rebuilder.run()

    def stop(self) -> None:
        """Stop watching and serving; returns when every thread of ours has ended."""
        self.rebuilder.stop()
        if self.server is not None:
            if self._thread is not None:
                self.server.shutdown()
                self._thread.join()
            self.server.close_connections()
            self.server.server_close()
        if self._session is not None:
            (path, handle), self._session = self._session, None
            release_lock(path, handle)


def _hold(folder: Path) -> tuple[Path, int | None]:
    """Hold the preview folder `folder` for this `ssg serve` as long as it runs, or raise `SsgError` naming the one that
    holds it: a second preview of the project started on the next port, and the two failed each other's builds on every
    save ("another ssg build is writing this folder now")."""
    path = folder.with_name(folder.name + ".serving")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return path, hold_lock(path)
    except BlockingIOError as busy:
        where = getattr(busy, "held", "")
        message = f"another ssg serve is previewing this project{f' at {where}' if where else ''}: open it there, or stop it (Ctrl-C) first"
        raise SsgError(Problem("serve", None, None, message)) from None


def _shows_path(folder: Path) -> Path:
    """The file beside the preview folder `folder` that says what its last build showed (`_shows`)."""
    return folder.with_name(folder.name + ".shows")


def _shows(options: BuildOptions) -> str:
    """What a preview built with `options` shows, as `_shows_path` keeps it: which drafts and future articles."""
    return json.dumps({"drafts": options.drafts, "future": options.future})


def _read_shows(path: Path) -> str | None:
    """`_shows` of the preview folder's last build, where known."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None


def _say_where(session: tuple[Path, int | None] | None, url: str) -> None:
    """Write the held preview's address into its lock file, for a second `ssg serve` to name."""
    handle = session[1] if session is not None else None
    if handle is not None:
        os.ftruncate(handle, 0)
        with contextlib.suppress(OSError):  # (a full disk: the address is a courtesy to the next `ssg serve`, which
            os.pwrite(handle, f"{url} (process {os.getpid()})".encode(), 0)  # still finds the lock held)


def serve(project: Path, options: ServeOptions) -> None:
    """`ssg serve`: preview with live reload until Ctrl-C; raises SsgError when it cannot start."""
    preview = Preview(project, options)
    with stopped_by_signals():
        try:
            preview.start()
            preview.run()
        finally:
            preview.stop()
    click.echo("Stopped.")
