"""The formats: each draws the report model (:mod:`pactcalc.report`) its own way, or
renders a check run, a comparison or a problem. Formatting only — no arithmetic: every
number (the histogram's bins too) comes from the engine or the analysis."""
