#!/usr/bin/env python3
"""Regenerate data/first-names.tsv from the US Census 1990 first-name files.

Usage: scripts/first-names.py DIST_MALE_FIRST DIST_FEMALE_FIRST > data/first-names.tsv

The files are `dist.male.first` and `dist.female.first` of the 1990 Census name study (public domain), as shipped
in the PyPI package `names` 0.3.0 (`pip download names==0.3.0`, then look inside the archive's `names/` folder).
Each line is NAME FREQ CUMULATIVE RANK. A name is m or f when its frequency in one file is at least four times
its frequency in the other, else u. Python 3 stdlib only.
"""

import sys

HEADER = """# First names with their usual gender (m, f, or u when both are common), for telling a person's name from
# other capitalised words and for matching he/she and Mr./Mrs. to a person.
# Source: US Census Bureau, 1990 Census name files dist.male.first and dist.female.first (a US government work,
# public domain), as redistributed in the PyPI package `names` 0.3.0 (MIT). Gender is m or f when one frequency
# is at least four times the other, else u. Regenerate: see scripts/first-names.py."""


def read(path):
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0]] = float(parts[1])
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    male, female = read(sys.argv[1]), read(sys.argv[2])
    print(HEADER)
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        gender = "m" if m > 0 and m >= 4 * f else "f" if f > 0 and f >= 4 * m else "u"
        print(f"{name.capitalize()}\t{gender}")


if __name__ == "__main__":
    main()
