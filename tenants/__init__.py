"""Offices (tenants), their sites, umbrella associations, and the scoping that keeps offices apart."""
