"""The legally required pages of every office: Impressum (§ 5 DDG), Datenschutzerklärung (DSGVO Art. 13/14),
Erklärung zur Barrierefreiheit (BITV 2.0 / BFSG) and a page in Leichte Sprache."""
