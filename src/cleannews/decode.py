"""Bytes to text: UTF-8, else the charset that charset-normalizer detects.

The core takes text; what a user hands over as bytes is decoded here, in Python, where the
tools for damaged and non-UTF-8 input are.
"""

from __future__ import annotations

__all__ = ["MAX_INVALID_UTF8_SHARE", "to_text"]

# One stray byte in a UTF-8 document is damage, not another charset: up to this share of
# the bytes may be invalid before the charset is detected instead.
MAX_INVALID_UTF8_SHARE = 0.001


def to_text(data: object) -> str:
    """Decode ``bytes`` (UTF-8, else the detected charset); pass ``str`` through.

    Anything else raises ``TypeError`` naming the type, so a pipeline learns at once that a
    record held ``None`` or a number instead of text.
    """
    if isinstance(data, str):
        return data
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            damaged = raw.decode("utf-8", errors="replace")
            if damaged.count("\ufffd") <= max(1, MAX_INVALID_UTF8_SHARE * len(raw)):
                return damaged  # a stray byte or two: keep UTF-8, mark the damage
        from charset_normalizer import from_bytes  # only for non-UTF-8 input

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")
    raise TypeError(f"cleannews expects str or bytes, not {type(data).__name__}")
