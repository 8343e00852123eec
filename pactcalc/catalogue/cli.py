"""Words of the cli area: id → (nl, en), with ``{named}`` placeholders (see the package).

The reasons an output is refused (:mod:`pactcalc.output`) and the lines the command line
prints besides a renderer's output.
"""

WORDS: dict[str, tuple[str, str]] = {
    "cli.write.folder_name": (
        "de naam eindigt op een scheidingsteken en noemt dus een map; geef een bestandsnaam",
        "the name ends in a path separator, so it names a folder; give a file name",
    ),
    "cli.write.is_folder": (
        "dit is een map; geef een bestandsnaam",
        "this is a folder; give a file name",
    ),
    "cli.write.read_only": (
        "het bestand is alleen-lezen; maak het schrijfbaar (chmod u+w) of kies een ander pad",
        "the file is read-only; make it writable (chmod u+w) or choose another path",
    ),
    # "warning" stays English in both languages, as in every diagnostic (grep, CI matchers)
    "cli.check.not_regular": (
        "{path}: warning: geen gewoon bestand (een pipe, socket of apparaat); overgeslagen",
        "{path}: warning: not a regular file (a pipe, socket or device); skipped",
    ),
    # usage errors, framed by click in English: worded in English unless --lang says so
    "cli.usage.thousands": (
        "'{value}' heeft een punt tussen de duizendtallen; schrijf {fixed}",
        "'{value}' has a dot between thousands; write {fixed}",
    ),
    "cli.usage.decimal_comma": (
        "'{value}' heeft een decimale komma; schrijf {fixed}",
        "'{value}' has a decimal comma; write {fixed}",
    ),
    "cli.usage.not_euros": (
        "'{value}' is geen bedrag in euro's van 0 of meer, zoals 10000",
        "'{value}' is not an amount of euros of 0 or more, such as 10000",
    ),
    "cli.usage.is_folder": (
        "bestand {path!r} is een map.",
        "file {path!r} is a directory.",
    ),
    "cli.compare.two_files": (
        "geef twee of meer scenariobestanden",
        "give two or more scenario files",
    ),
}
