"""Local HTTP server for :class:`crawler.demo.portal.DemoPortal`.

``http.server.ThreadingHTTPServer`` in a daemon thread, HTTP/1.1 with
Content-Length (keep-alive works), no request logging, GET and HEAD.
Responses with ``delay`` > 0 are sent after sleeping that long.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .portal import DemoPortal, PortalResponse


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    timeout = 30  # close idle keep-alive connections eventually

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass

    def _respond(self, head_only: bool) -> None:
        portal: DemoPortal = self.server.portal  # type: ignore[attr-defined]
        try:
            resp = portal.handle(self.path)
        except Exception:  # pragma: no cover - never expected
            resp = PortalResponse(500, [("Content-Type", "text/plain; charset=utf-8")],
                                  b"Internal Server Error")
        if resp.delay > 0:
            time.sleep(resp.delay)
        self.send_response(resp.status)
        for name, value in resp.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(resp.body)))
        self.end_headers()
        if not head_only:
            self.wfile.write(resp.body)

    def do_GET(self):  # noqa: N802
        self._respond(head_only=False)

    def do_HEAD(self):  # noqa: N802
        self._respond(head_only=True)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True

    def handle_error(self, request, client_address):  # quiet: clients may hang up
        pass


class DemoServer:
    """Serve a :class:`DemoPortal` on ``host:port`` (port 0 = any free port).

    >>> with DemoServer(DemoPortal()) as srv:
    ...     srv.base_url  # doctest: +SKIP
    'http://127.0.0.1:43121'
    """

    def __init__(self, portal: DemoPortal, host: str = "127.0.0.1", port: int = 0):
        self.portal = portal
        self.host = host
        self.port = port
        self.base_url = ""
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> "DemoServer":
        if self._httpd is not None:
            return self
        httpd = _Server((self.host, self.port), _Handler)
        httpd.portal = self.portal  # type: ignore[attr-defined]
        host, port = httpd.server_address[:2]
        self.port = port
        self.base_url = f"http://{host}:{port}"
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="demo-portal", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def serve_forever(self) -> None:
        """Block until interrupted (used by ``python -m crawler.demo``)."""
        if self._httpd is None:
            self.start()
        try:
            while self._thread is not None and self._thread.is_alive():
                self._thread.join(0.5)
        finally:
            self.stop()

    def __enter__(self) -> "DemoServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
