"""Board meetings: the list, the meeting editor, agenda builder, minutes and actions."""
