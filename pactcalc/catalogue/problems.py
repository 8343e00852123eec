"""Words of the problems area: id → (nl, en), with ``{named}`` placeholders (see the package)."""

WORDS: dict[str, tuple[str, str]] = {}
