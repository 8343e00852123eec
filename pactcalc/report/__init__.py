"""The report model: a computed scenario (and its analysis) as an ordered list of
sections, written once for every format. See :mod:`pactcalc.report.blocks`."""
