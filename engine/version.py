"""natid's version, read by pyproject.toml and the cache."""

__version__ = "0.1.0"
