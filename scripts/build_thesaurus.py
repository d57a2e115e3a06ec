"""Build saas/directory/data/openthesaurus_de.txt.gz from Debian's mythes-de (OpenThesaurus, LGPL-2.1+).

    python scripts/build_thesaurus.py [/usr/share/mythes/th_de_DE_v2.dat]

The MyThes file lists every synonym set once per member word. This keeps each set once, with its
single-word terms only: annotations such as "(ugs.)" are removed, hypernyms and hyponyms
("(Oberbegriff)", "(Unterbegriff)") are dropped, "Depressions..." becomes the stem "Depressions".
One set per line, terms separated by "|". The result ships with Lotse, so the search needs no Debian
package at run time.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/mythes/th_de_DE_v2.dat")
TARGET = Path(__file__).resolve().parent.parent / "saas" / "directory" / "data" / "openthesaurus_de.txt.gz"
_ANNOTATION = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß-]*[A-Za-zÄÖÜäöüß]$")


def terms(line: str) -> list[str]:
    found = []
    for raw in line.split("|")[1:]:
        if "Oberbegriff" in raw or "Unterbegriff" in raw:
            continue
        term = _ANNOTATION.sub("", raw).strip()
        if term.endswith("...") and not term.startswith("..."):
            term = term[:-3]
        if _WORD.match(term) and term not in found:
            found.append(term)
    return found


def main() -> None:
    seen: set[tuple[str, ...]] = set()
    sets: list[str] = []
    with SOURCE.open(encoding="utf-8") as fh:
        next(fh)  # encoding line
        for line in fh:
            if not line.startswith("-|"):
                continue
            found = terms(line.rstrip("\n"))
            key = tuple(sorted(found))
            if len(found) >= 2 and key not in seen:
                seen.add(key)
                sets.append("|".join(found))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# OpenThesaurus (www.openthesaurus.de), LGPL-2.1+, via Debian mythes-de; built by scripts/build_thesaurus.py\n"
    )
    with gzip.open(TARGET, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(header)
        out.write("\n".join(sets) + "\n")
    print(f"{len(sets)} synonym sets → {TARGET} ({TARGET.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
