"""Writing a command's result to a file, without ever replacing one by surprise."""

from __future__ import annotations


def write_new(path: str, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path``; an existing file is replaced only with ``force``.

    Raises:
        UsageError: the file exists (without ``force``) or cannot be written.
    """
    from engine.errors import UsageError

    try:
        with open(path, "wb" if force else "xb") as stream:
            stream.write(data)
    except FileExistsError:
        raise UsageError(f"{path} exists already: choose another name, or add --force to "
                         "replace it") from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
