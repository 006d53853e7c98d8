"""Package data: the embedded demo model, the tactic and role catalogue."""
