"""The dashboard section: what needs attention."""
