"""Findable offices: favicon and app icon, robots.txt and sitemap.xml per office, canonical URLs, Open Graph
tags and schema.org JSON-LD."""
