"""The Settings section: office profile and interface language."""
