"""pactcalc: business cases for PACT agreements in the Dutch social domain."""

__version__ = "0.1.0"
