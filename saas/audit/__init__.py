"""Audit log: who did what, when — append-only, and never personal data of citizens."""
