"""Files written whole or not at all, and their checksums (torch-free)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["sha256", "write_atomic"]


def write_atomic(
    path: Path, data: bytes | None = None, writer: Callable[[str], None] | None = None
) -> None:
    """Write a file via a temporary sibling and ``os.replace`` (no half-written files)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if writer is not None:
            os.close(fd)
            writer(tmp)
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data or b"")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def sha256(path: Path) -> str:
    """The file's SHA-256, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
