"""The run lock: one ``crawlall`` at a time per output directory.

The lock is ``<OUTPUT_DIR>/state/crawlall.lock`` held with ``flock``: the
kernel lets go of it when the holder dies however it dies, so a crashed or
killed run never blocks the next one. The file records the holder (pid, run
id, start time) for the refusal message; a record still there when a run
takes the lock was left by a run that died, and is reported as recovered.
The file is emptied, not deleted, on release: deleting it would let two
waiting runs lock two different files.
"""

import fcntl
import json
import os
from datetime import datetime, timezone
from pathlib import Path


class RunLocked(Exception):
    """Another run holds the lock; the message names it."""


class RunLock:
    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    @classmethod
    def for_output(cls, output_dir: str) -> "RunLock":
        return cls(Path(output_dir) / "state" / "crawlall.lock")

    def acquire(self, run_id: str) -> dict | None:
        """Take the lock; returns the record a dead run left behind, if any. Raises RunLocked."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _record(fd)
            os.close(fd)
            raise RunLocked(_describe(holder, self.path)) from None
        stale = _record(fd)
        record = {"pid": os.getpid(), "run_id": run_id,
                  "started": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(record).encode(), 0)
        self._fd = fd
        return stale

    def release(self) -> None:
        if self._fd is None:
            return
        os.ftruncate(self._fd, 0)
        os.close(self._fd)
        self._fd = None


def _record(fd: int) -> dict | None:
    raw = os.pread(fd, 4096, 0)
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return {"pid": "?", "run_id": "?", "started": "?"}


def _describe(holder: dict | None, path: Path) -> str:
    if not holder:
        return f"another crawlall run is in progress (lock {path})"
    return (f"another crawlall run is in progress: run {holder.get('run_id')}, pid {holder.get('pid')},"
            f" started {holder.get('started')} (lock {path})")
