"""The master key: where it is kept, how it is found, created and replaced.

Each store's interviews have data keys of their own, wrapped by the store's master key,
which is never in the database. natid looks for it, in this order:

1. ``NATID_MASTER_KEY``: the key itself, base64 (a server's secret store sets it);
2. ``NATID_KEY_FILE``: the path of a key file;
3. the OS keyring (only when the ``keyring`` package is installed, has a backend, and
   holds natid's entry for the store: ``natid init --keyring`` puts it there);
4. the key file of the store in the user's data folder: ``keys/STORE-ID.key`` (the
   folder is ``NATID_KEY_DIR`` when set).

A key file holds one line, ``natid-master-key-v1 BASE64``, and must be readable by its
owner only: natid refuses a file others may read, and says which chmod to run. Replacing
a key (``natid keys rotate``, and every purge) first writes the new one beside the old as
``….key.new``; once the database holds the data keys re-wrapped, the new file replaces the
old. If natid stops in between, the next opening finds the new key there and finishes.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from engine.store.base import StoreError
from engine.store.crypto import KEY_BYTES, new_key

HEADER = "natid-master-key-v1"
KEYRING_SERVICE = "natid"


class MasterKeyError(StoreError):
    """The master key is missing, is not this store's, or cannot be read."""

    code = "NATID-E065"


class UnsafeKeyFileError(StoreError):
    """The key file may be read or changed by other users: natid refuses it."""

    code = "NATID-E066"


@dataclass(frozen=True)
class MasterKey:
    """A master key, its id (a fingerprint that reveals nothing of it) and where it is."""

    key: bytes
    source: str
    """Where it is kept, in words ('the key file …', 'NATID_MASTER_KEY', 'the OS keyring')."""
    path: Path | None = None
    """The key file, when it is kept in one."""
    in_keyring: bool = False

    @property
    def id(self) -> str:
        """The key's id: the start of a hash of it (safe to show and to store)."""
        return hashlib.sha256(b"natid master key id\x00" + self.key).hexdigest()[:16]


def key_dir() -> Path:
    """The folder of the per-store key files."""
    chosen = os.environ.get("NATID_KEY_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("natid", appauthor=False)) / "keys"


def key_file(store_id: str) -> Path:
    """The key file natid uses for a store (``NATID_KEY_FILE``, else its own file)."""
    chosen = os.environ.get("NATID_KEY_FILE")
    return Path(chosen) if chosen else key_dir() / f"{store_id}.key"


def _staged(path: Path) -> Path:
    return path.with_name(path.name + ".new")


def _decode(text: str, where: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise MasterKeyError(f"{where} does not hold a natid master key (32 bytes in base64); "
                             "restore it from its backup")
    return key


def read_key_file(path: Path) -> MasterKey:
    """The key in a key file, refusing one that others may read.

    Raises:
        UnsafeKeyFileError: the file may be read or written by others.
        MasterKeyError: it cannot be read or holds no key.
    """
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise MasterKeyError(f"cannot read the key file {path}: {error.strerror}") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UnsafeKeyFileError(
            f"the key file {path} may be read by other users (mode {stat.S_IMODE(mode):o}): "
            f"natid will not use it until you run 'chmod 600 {path}'")
    try:
        text = path.read_text("ascii")
    except (OSError, UnicodeDecodeError) as error:
        raise MasterKeyError(f"cannot read the key file {path}: {error}") from None
    header, _, encoded = text.strip().partition(" ")
    if header != HEADER:
        raise MasterKeyError(f"{path} is not a natid key file; restore it from its backup")
    return MasterKey(_decode(encoded, f"the key file {path}"), f"the key file {path}", path)


def _keyring() -> object | None:
    """The keyring module when it is installed and has a usable backend."""
    try:
        import keyring  # type: ignore[import-not-found, unused-ignore]
        from keyring.backends import fail  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    try:
        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
    except Exception:
        return None
    return keyring  # type: ignore[no-any-return]


def _from_keyring(store_id: str) -> MasterKey | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        text = keyring.get_password(KEYRING_SERVICE, store_id)  # type: ignore[attr-defined]
    except Exception:
        return None
    if not text:
        return None
    return MasterKey(_decode(str(text), "the OS keyring's natid entry"), "the OS keyring",
                     in_keyring=True)


def find(store_id: str, wanted: str | None) -> MasterKey | None:
    """The master key for a store, from the first place that has one (None: none found).

    ``wanted`` is the id the store records; a staged ``.new`` key file with that id is
    taken (and put in place), finishing a replacement that was cut off.
    """
    given = os.environ.get("NATID_MASTER_KEY")
    if given:
        return MasterKey(_decode(given, "NATID_MASTER_KEY"), "NATID_MASTER_KEY")
    path = key_file(store_id)
    staged = _staged(path)
    if wanted is not None and staged.exists():
        candidate = read_key_file(staged)
        if candidate.id == wanted:
            os.replace(staged, path)
            return read_key_file(path)
    if path.exists():
        return read_key_file(path)
    return _from_keyring(store_id)


def _write_private(path: Path, key: bytes, *, exclusive: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    descriptor = os.open(path, flags, 0o600)
    try:
        os.fchmod(descriptor, 0o600)
        os.write(descriptor, f"{HEADER} {base64.b64encode(key).decode()}\n".encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def create(store_id: str, *, use_keyring: bool = False) -> tuple[MasterKey, bool]:
    """Make a new master key for a store and keep it (key file, or the OS keyring).

    Returns the key and whether it is new: when another process has just written the
    store's key file, that key is returned instead.

    Raises:
        MasterKeyError: it cannot be kept there.
    """
    key = new_key()
    if use_keyring:
        keyring = _keyring()
        if keyring is None:
            raise MasterKeyError("there is no OS keyring here (install the 'keyring' package "
                                 "on a desktop that has one), so the key was not created; "
                                 "leave out --keyring to keep it in a key file")
        keyring.set_password(KEYRING_SERVICE, store_id,  # type: ignore[attr-defined]
                             base64.b64encode(key).decode())
        return MasterKey(key, "the OS keyring", in_keyring=True), True
    path = key_file(store_id)
    # Written whole under another name, then linked into place: never seen half-written.
    pending = path.with_name(f"{path.name}.{os.getpid()}.{new_key().hex()[:8]}.tmp")
    try:
        _write_private(pending, key, exclusive=True)
        try:
            os.link(pending, path)
        except FileExistsError:
            return read_key_file(path), False
        finally:
            pending.unlink()
    except OSError as error:
        raise MasterKeyError(f"cannot write the key file {path}: {error.strerror}") from None
    return MasterKey(key, f"the key file {path}", path), True


def discard(master: MasterKey) -> None:
    """Remove a key natid just created and did not use (another process won the race)."""
    if master.path is not None:
        with contextlib.suppress(OSError):
            master.path.unlink()


@dataclass(frozen=True)
class Replacement:
    """A new master key written aside, to be put in place once the database uses it."""

    new: MasterKey
    staged: Path
    final: Path | None
    keyring_id: str | None = None


def stage(store_id: str, old: MasterKey, new_key_file: Path | None = None) -> Replacement:
    """Write a new master key beside the old one (``….key.new``), not yet in use.

    Raises:
        MasterKeyError: the old key comes from NATID_MASTER_KEY and no file was given for
            the new one, or the file cannot be written.
    """
    key = new_key()
    if old.path is not None:
        final: Path | None = old.path
        staged = _staged(old.path)
    elif old.in_keyring:
        final, staged = None, _staged(key_file(store_id))
    elif new_key_file is not None:
        final, staged = None, new_key_file
    else:
        raise MasterKeyError("the master key comes from NATID_MASTER_KEY, which natid cannot "
                             "change: give --new-key-file FILE for the new key, then put its "
                             "contents in NATID_MASTER_KEY")
    try:
        _write_private(staged, key, exclusive=staged == new_key_file)
    except FileExistsError:
        raise MasterKeyError(f"{staged} exists already: choose another file") from None
    except OSError as error:
        raise MasterKeyError(f"cannot write the new key to {staged}: {error.strerror}") from None
    where = (f"the key file {final}" if final else "the OS keyring" if old.in_keyring
             else f"the key file {staged} (set NATID_MASTER_KEY from it)")
    return Replacement(MasterKey(key, where, final, in_keyring=old.in_keyring), staged, final,
                       store_id if old.in_keyring else None)


def put_in_place(replacement: Replacement) -> None:
    """Make the staged key the one in use, destroying the old one."""
    if replacement.final is not None:
        os.replace(replacement.staged, replacement.final)
        with contextlib.suppress(OSError):
            directory = os.open(replacement.final.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
    elif replacement.keyring_id is not None:
        keyring = _keyring()
        if keyring is not None:
            keyring.set_password(KEYRING_SERVICE,  # type: ignore[attr-defined]
                                 replacement.keyring_id,
                                 base64.b64encode(replacement.new.key).decode())
            replacement.staged.unlink()


def abandon(replacement: Replacement) -> None:
    """Remove a staged key the database never used."""
    with contextlib.suppress(OSError):
        replacement.staged.unlink()
