"""The embedded default's SECRET_KEY: random on first run, then read back from a 0600 file.

Imported by config/settings.py before Django is set up, so only the standard library is used.
"""

import os
import secrets
import tempfile
from pathlib import Path


def secret_key_from_file(path: Path) -> str:
    """Return the key stored at `path`, creating it (mode 0600, never overwritten) if missing."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole to a private temporary file, then linked into place: link() refuses an
        # existing name, so of two processes starting at once one key wins and both read it.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")  # mode 0600
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50) + "\n")
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    key = path.read_text().strip()
    if not key:
        raise RuntimeError(f"{path} is empty: delete it to have a new SECRET_KEY made, or set SECRET_KEY.")
    return key
