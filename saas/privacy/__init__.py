"""Data-subject rights (Art. 15, 17 DSGVO) and retention of personal data, across all features."""
