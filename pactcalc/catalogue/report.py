"""Words of the report area: id → (nl, en), with ``{named}`` placeholders (see the package)."""

WORDS: dict[str, tuple[str, str]] = {}
