"""AES-256-GCM as the store uses it: sealed bytes with a format byte, and wrapped keys.

Everything that identifies a person is stored sealed: ``0x01 | nonce (12) | ciphertext
and tag``. The format byte tells sealed bytes from the canonical JSON that stores
written before encryption hold (it starts with ``{``). The associated data binds each
ciphertext to its place (the interview, the event's number, the file's hash), so a
ciphertext moved to another row does not open.
"""

from __future__ import annotations

import os

SEALED = b"\x01"
"""The first byte of sealed bytes (AES-256-GCM, 96-bit random nonce, 128-bit tag)."""
NONCE_BYTES = 12
KEY_BYTES = 32


class SealBroken(Exception):
    """Sealed bytes that do not open: altered, moved, or under another key."""


def new_key() -> bytes:
    """A random 256-bit key."""
    return os.urandom(KEY_BYTES)


def is_sealed(data: bytes) -> bool:
    """Whether stored bytes are sealed (not plain, as written before encryption)."""
    return data[:1] == SEALED


class Sealer:
    """Seals and opens bytes under one key (the AES-GCM context is made once)."""

    def __init__(self, key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(key) != KEY_BYTES:
            raise ValueError("an AES-256 key has 32 bytes")
        self._aead = AESGCM(key)

    def seal(self, plain: bytes, place: bytes) -> bytes:
        """``plain`` sealed for ``place`` (the associated data)."""
        nonce = os.urandom(NONCE_BYTES)
        return SEALED + nonce + self._aead.encrypt(nonce, plain, place)

    def open(self, sealed: bytes, place: bytes) -> bytes:
        """The plain bytes back.

        Raises:
            SealBroken: the bytes were altered, belong to another place, or to another key.
        """
        from cryptography.exceptions import InvalidTag

        if not is_sealed(sealed) or len(sealed) < 1 + NONCE_BYTES + 16:
            raise SealBroken("not sealed bytes")
        nonce = sealed[1:1 + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, sealed[1 + NONCE_BYTES:], place)
        except InvalidTag:
            raise SealBroken("the authentication tag does not match") from None


def event_place(interview_id: str, seq: int) -> bytes:
    """The associated data of an event's payload."""
    return f"natid-event\x00{interview_id}\x00{seq}".encode()


def file_place(interview_id: str, sha256: str) -> bytes:
    """The associated data of a stored file (the plain file's SHA-256)."""
    return f"natid-file\x00{interview_id}\x00{sha256}".encode()


def key_place(interview_id: str) -> bytes:
    """The associated data of an interview's wrapped data key."""
    return f"natid-data-key\x00{interview_id}".encode()
