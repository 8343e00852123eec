"""Renderers: a computed Document in, text out. Formatting only — no arithmetic."""
