"""Craffu: scrutiny of inspection reports for a Police and Crime Commissioner's office."""

__version__ = "0.1.0"
