"""Serve a directory on 127.0.0.1 for a crawl benchmark: nginx when installed, else Python's http.server.

``StaticServer(root, workdir)`` is a context manager; ``base_url`` is where
it listens, ``fast`` says whether it is nginx, ``cpu_seconds()`` is the CPU
the server processes used so far (to show the server did not compete with
the crawler for the cores).

nginx runs as a foreground child process (``daemon off``) with a minimal
configuration written to ``workdir``: one worker, keep-alive, sendfile,
open-file cache, no access log, no gzip. The fallback is a
``ThreadingHTTPServer`` (``python -m http.server``, HTTP/1.0: a new
connection per request) in its own process; it spends about ten times the
CPU of nginx per page, which the crawler then lacks on a 2-core machine.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    types {{ text/html html htm; }}
    default_type application/octet-stream;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    open_file_cache max=10000 inactive=60s;
    client_body_temp_path {workdir}/temp/body;
    proxy_temp_path {workdir}/temp/proxy;
    fastcgi_temp_path {workdir}/temp/fastcgi;
    uwsgi_temp_path {workdir}/temp/uwsgi;
    scgi_temp_path {workdir}/temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""
START_TIMEOUT = 10.0


class ServerFailed(RuntimeError):
    """The web server did not start; the message says where its log is."""
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU of ``pid`` and its children (nginx's worker), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return own + sum(process_cpu_seconds(int(child)) for child in children)


class StaticServer:
    def __init__(self, root: Path, workdir: Path):
        self.root, self.workdir = root, workdir
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.nginx = shutil.which("nginx") or next(
            (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(path, os.X_OK)), None
        )
        self.process: subprocess.Popen | None = None

    @property
    def fast(self) -> bool:
        return self.nginx is not None

    @property
    def description(self) -> str:
        if self.fast:
            version = subprocess.run([self.nginx, "-v"], capture_output=True, text=True).stderr.strip()
            return f"{version.removeprefix('nginx version: ')}, 1 worker, keep-alive, sendfile, access log off"
        return "Python ThreadingHTTPServer (nginx is not installed), HTTP/1.0, no keep-alive"

    def __enter__(self) -> "StaticServer":
        log = (self.workdir / "server.log").open("wb")
        if self.fast:
            # Started by root, nginx's worker runs as nobody: it must be able to read the site.
            for directory in (self.workdir, self.root):
                directory.chmod(0o755)
            (self.workdir / "temp").mkdir(exist_ok=True)
            conf = self.workdir / "nginx.conf"
            conf.write_text(NGINX_CONF.format(workdir=self.workdir, root=self.root, port=self.port))
            # -e: the error log before the configuration is read (default /var/log/nginx, often not writable).
            command = [self.nginx, "-p", str(self.workdir), "-c", str(conf), "-e", str(self.workdir / "nginx-error.log")]
        else:
            command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", str(self.root), str(self.port)]
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        self.wait_until_listening()
        return self

    def wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailed(f"the web server exited at start; see {self.workdir / 'server.log'}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise ServerFailed(f"the web server did not listen on port {self.port} within {START_TIMEOUT:.0f} s")

    def cpu_seconds(self) -> float:
        return process_cpu_seconds(self.process.pid) if self.process else 0.0

    def __exit__(self, *exc_info) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
