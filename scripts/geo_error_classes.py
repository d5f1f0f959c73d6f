#!/usr/bin/env python3
"""Sorts the geoparser's errors on the gold sets into kinds, from `annal eval-geo --dump`.

Usage (from the repository root):
    build/annal eval-geo --dev --dump /tmp/geo.tsv
    python3 scripts/geo_error_classes.py /tmp/geo.tsv [--gazetteer data/gazetteer/gazetteer.bin.zst]

Kinds, per gold toponym that is not found within 161 km:
  missed:gold-not-in-gazetteer   the gold place (by GeoNames id) is not a gazetteer entry at all
                                 (continents, counties, rivers, buildings, villages under 500)
  missed:key-exists              the gold phrase is a gazetteer key, but no mention was emitted
                                 (a filter dropped it: person context, all-caps, population floor)
  missed:no-key                  the phrase is no key (demonyms of regions, misspellings)
  wrong:same-id-far              the right GeoNames id, but our reference point for it is >161 km
                                 from the gold's (countries and admin-1 regions)
  wrong:other-place              another gazetteer entry than the gold's (disambiguation)
  wrong:gold-not-in-gazetteer    a mention, but the gold place is not a gazetteer entry
Each kind is split by the gold entry's kind (country, admin1, place) when it is in the gazetteer.
"""

import argparse
import collections
import csv
import struct
import subprocess
import sys
import unicodedata

KINDS = {0: "country", 1: "admin1", 2: "place", 3: "continent"}
ENTRY = struct.Struct("<IiiIIHBc3s8s8sx")  # doc/formats/gazetteer.md
KEY = struct.Struct("<IHBxI")


def read_gazetteer(path):
    """(entry kind by geonameid, set of keys) of a gazetteer file."""
    raw = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout
    _, _, entries, keys, _ = struct.unpack_from("<8sIIII", raw, 0)
    strings = 24 + entries * ENTRY.size + keys * KEY.size
    kind_by_id = {}
    for i in range(entries):
        row = ENTRY.unpack_from(raw, 24 + i * ENTRY.size)
        kind_by_id.setdefault(row[0], row[6])
    key_set = set()
    for i in range(keys):
        off, length, _, _ = KEY.unpack_from(raw, 24 + entries * ENTRY.size + i * KEY.size)
        key_set.add(raw[strings + off:strings + off + length].decode("ascii"))
    return kind_by_id, key_set


def normalize(name):
    """Close to NormalizePlaceName(): enough to test whether a phrase is a key."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(s.replace("\u2019", "'").split()).upper()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", help="TSV written by `annal eval-geo --dump`")
    ap.add_argument("--gazetteer", default="data/gazetteer/gazetteer.bin.zst")
    ap.add_argument("--examples", type=int, default=8, help="phrases shown per kind")
    args = ap.parse_args()
    kind_by_id, keys = read_gazetteer(args.gazetteer)
    counts = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(collections.Counter)
    totals = collections.Counter()
    with open(args.dump, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            suite = row["set"]
            totals[suite] += 1
            outcome = row["outcome"]
            gold_id = int(row["gold_id"] or 0)
            if outcome == "correct":
                counts[suite]["correct"] += 1
                continue
            if gold_id not in kind_by_id:
                label = outcome + ":gold-not-in-gazetteer"
            elif outcome == "missed":
                label = "missed:" + ("key-exists" if normalize(row["phrase"]) in keys else "no-key")
            else:
                label = "wrong:" + ("same-id-far" if int(row["id"] or 0) == gold_id
                                    else "other-place")
            if gold_id in kind_by_id:
                label += " (" + KINDS[kind_by_id[gold_id]] + ")"
            counts[suite][label] += 1
            shown = row["phrase"] + (" -> " + row["name"] + "/" + row["iso3"] if row["name"] else "")
            examples[(suite, label)][shown] += 1
    for suite, c in counts.items():
        n = totals[suite]
        print(f"{suite}: {n} gold toponyms")
        for label, k in sorted(c.items(), key=lambda x: -x[1]):
            ex = "; ".join(f"{p} x{m}" for p, m in examples[(suite, label)].most_common(args.examples))
            print(f"  {label:<42} {k:5d} {k / n:6.3f}  {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
