"""``python -m pactcalc``."""

from pactcalc.cli import main

main()
