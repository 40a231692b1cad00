"""The persistent record of articles already written, shared across runs.

A store answers one question: has this key of this kind (``url`` or
``content``) been seen by this spider before? Keys are namespaced by spider,
like scrapy-redis keys them. ``SqliteSeenStore`` keeps them in
``output/state/seen.sqlite``; another backend (Redis, say) implements the
same four methods and is named in the ``SEEN_STORE`` setting.
"""

import sqlite3
import time
from abc import ABC, abstractmethod
from pathlib import Path


class SeenStore(ABC):
    """Per-spider set of seen keys; ``kind`` separates URL ids from content hashes."""

    @classmethod
    def from_settings(cls, settings, namespace: str) -> "SeenStore":
        uri = settings["SEEN_STORE_URI"] or str(Path(settings["OUTPUT_DIR"]) / "state" / "seen.sqlite")
        return cls(uri, namespace)

    @abstractmethod
    def contains(self, kind: str, key: str) -> bool: ...

    @abstractmethod
    def add(self, kind: str, keys: list[str]) -> None: ...

    @abstractmethod
    def count(self, kind: str) -> int: ...

    def close(self) -> None:  # noqa: B027 - optional for backends without resources
        pass


class SqliteSeenStore(SeenStore):
    """SQLite file in WAL mode: every ``add`` is committed at once, so a killed
    crawl loses nothing it had recorded, and parallel crawls can share the file."""

    def __init__(self, path: str, namespace: str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.namespace = namespace
        self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS seen (namespace TEXT NOT NULL, kind TEXT NOT NULL,"
            " key TEXT NOT NULL, first_seen REAL NOT NULL, PRIMARY KEY (namespace, kind, key))"
            " WITHOUT ROWID"
        )

    def contains(self, kind: str, key: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM seen WHERE namespace=? AND kind=? AND key=?", (self.namespace, kind, key)
        ).fetchone()
        return row is not None

    def add(self, kind: str, keys: list[str]) -> None:
        now = time.time()
        # One transaction for all the keys (in autocommit mode each row would be a commit of its own).
        self._db.execute("BEGIN")
        try:
            self._db.executemany(
                "INSERT OR IGNORE INTO seen VALUES (?, ?, ?, ?)", [(self.namespace, kind, k, now) for k in keys]
            )
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def count(self, kind: str) -> int:
        return self._db.execute(
            "SELECT COUNT(*) FROM seen WHERE namespace=? AND kind=?", (self.namespace, kind)
        ).fetchone()[0]

    def close(self) -> None:
        self._db.close()
