"""Office administration: the office's people and roles, its profile, sites and office hours."""
