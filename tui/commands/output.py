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


def check_destination(output: str | None, *, force: bool, file_only: str = "") -> None:
    """Refuse a bad destination before anything is done or recorded.

    ``file_only`` names a format that cannot go to the screen ('a PDF', 'an XLSX
    workbook').

    Raises:
        UsageError: the format needs a file and none is given, or the file exists
            (without ``force``).
    """
    from pathlib import Path

    from engine.errors import UsageError

    if file_only and not output:
        suffix = file_only.split()[1].lower()
        raise UsageError(f"{file_only} needs a file: add -o FILE.{suffix}")
    if output and Path(output).exists() and not force:
        raise UsageError(f"{output} exists already: choose another name, or add --force to "
                         "replace it")


def write_result(output: str | None, data: bytes, what: str, *, force: bool) -> None:
    """Write ``data`` to ``output`` and say so on stderr; without ``output``, to stdout."""
    import sys

    if not output:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_new(output, data, force=force)
    print(f"{what} written to {output}", file=sys.stderr)
