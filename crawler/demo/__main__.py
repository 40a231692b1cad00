"""``python -m crawler.demo [--host H] [--port N] [--anchor ISO]``: serve the demo portal."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from .portal import CST, DemoPortal
from .server import DemoServer


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m crawler.demo",
                                 description="Serve the 青溪新闻网 demo portal on a local port.")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    ap.add_argument("--anchor", help="anchor time, ISO 8601 (default: now, Asia/Shanghai)")
    args = ap.parse_args(argv)
    anchor = None
    if args.anchor:
        anchor = datetime.fromisoformat(args.anchor)
        if anchor.tzinfo is None:
            anchor = anchor.replace(tzinfo=CST)
    portal = DemoPortal(anchor)
    server = DemoServer(portal, host=args.host, port=args.port).start()
    print(server.base_url, flush=True)
    print(f"anchor {portal.anchor.isoformat()}  articles {len(portal.expected_articles())}",
          file=sys.stderr, flush=True)
    for key, paths in portal.listing_paths.items():
        print(f"  {key}: {server.base_url}{paths[0]}", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
