"""Development tools run from a checkout (``python -m tools.docs``); not part of the
installed package, because they read the repository's ``tests/`` and write ``docs/``."""
