#!/usr/bin/env python3
"""Builds annal's compact gazetteer (data/gazetteer/gazetteer.bin.zst) from GeoNames extracts.

Usage (from the repository root, with ../shared laid out as usual):
    python3 scripts/build_gazetteer.py --shared ../shared --out data/gazetteer/gazetteer.bin.zst

The output is deterministic for the same inputs and the same `zstd` program: entries and keys are
sorted, nothing depends on dict order or the clock. The format is written down in
doc/formats/gazetteer.md; src/context/gazetteer.cc reads it.

Sources (all under --shared/data):
  geonames-geobank/cities15000.txt, countryInfo.tsv, regionInfo.tsv, country_translations.json
      GeoNames, CC-BY 4.0.
  geonames-cities500/cities500.txt.gz   GeoNames, CC-BY 4.0 (small places; older extract, so a place
      also in cities15000 takes its cities15000 row).
  i18n-iso-countries/langs/en.json      MIT: English country names and aliases.
  world-countries/countries.json        ODbL 1.0: country reference points (latlng), English
      demonyms and alternative spellings. The table derived from it is marked ODbL in
      data/gazetteer/LICENSE.
And from the repository: data/gazetteer/geonames_reference_points.tsv (GeoNames, CC-BY 4.0;
written by scripts/geo_reference_points.py): GeoNames' own points of countries, admin-1 regions
and continents, which replace the estimated points where present.
"""

import argparse
import gzip
import json
import math
import os
import struct
import subprocess
import sys
import unicodedata

MAGIC = b"ANNALGZT"
VERSION = 2

KIND_COUNTRY, KIND_ADMIN1, KIND_PLACE, KIND_CONTINENT = 0, 1, 2, 3
KEY_NAME, KEY_ALTERNATE, KEY_ABBREVIATION, KEY_DEMONYM = 0, 1, 2, 3

# Letters that NFKD does not split into base + mark.
_SPECIAL = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
            "Œ": "OE", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
            "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-", "\u2011": "-",
            "\u2012": "-", "\u2013": "-", "\u2014": "-"}


def normalize(name):
    """The matching key of a name: diacritics removed, ASCII upper case, single spaces.

    Returns None when the name is not plain Latin script after that (not usable for English text).
    Must agree with NormalizePlaceName() in src/context/gazetteer.cc.
    """
    out = []
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(ch):
            continue
        out.append(_SPECIAL.get(ch, ch))
    s = "".join(out)
    s = " ".join(s.split())
    if not s or any(ord(c) > 127 for c in s):
        return None
    return s.upper()


# Hand-written aliases (annal's own data): short forms used in English news that the sources lack
# or that they give only as ambiguous two-letter codes.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "NL": ["Holland"],
    "MM": ["Burma"],
    "CI": ["Ivory Coast"],
    "CZ": ["Czech Republic"],
    "KP": ["North Korea"],
    "KR": ["South Korea"],
    "VA": ["Vatican"],
    "PS": ["Palestinian Territories", "Palestinian territories"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "CV": ["Cape Verde"],
}

# Short forms of big cities that English news uses and GeoNames' alternate names lack or that the
# alternate-name filter drops as all-caps codes (annal's own table), by geonameid.
PLACE_ALIASES = {
    5368361: ["L.A."],          # Los Angeles
    5128581: ["NYC", "N.Y.C."],  # New York City
    4560349: ["Philly"],        # Philadelphia
    5391959: ["S.F."],          # San Francisco
}

# AP-style and postal abbreviations of US states and Canadian provinces (annal's own table). They
# count only after a comma, as admin context ("Paris, Tenn."), never on their own.
ADMIN1_ABBREVIATIONS = {
    "US.AL": ["Ala.", "AL"], "US.AK": ["AK"], "US.AZ": ["Ariz.", "AZ"], "US.AR": ["Ark.", "AR"],
    "US.CA": ["Calif.", "Cal.", "CA"], "US.CO": ["Colo.", "CO"], "US.CT": ["Conn.", "CT"],
    "US.DE": ["Del.", "DE"], "US.DC": ["D.C.", "DC"], "US.FL": ["Fla.", "FL"],
    "US.GA": ["Ga.", "GA"], "US.HI": ["HI"], "US.ID": ["ID"], "US.IL": ["Ill.", "IL"],
    "US.IN": ["Ind.", "IN"], "US.IA": ["IA"], "US.KS": ["Kan.", "Kans.", "KS"],
    "US.KY": ["Ky.", "KY"], "US.LA": ["La.", "LA"], "US.ME": ["ME"], "US.MD": ["Md.", "MD"],
    "US.MA": ["Mass.", "MA"], "US.MI": ["Mich.", "MI"], "US.MN": ["Minn.", "MN"],
    "US.MS": ["Miss.", "MS"], "US.MO": ["Mo.", "MO"], "US.MT": ["Mont.", "MT"],
    "US.NE": ["Neb.", "Nebr.", "NE"], "US.NV": ["Nev.", "NV"], "US.NH": ["N.H.", "NH"],
    "US.NJ": ["N.J.", "NJ"], "US.NM": ["N.M.", "NM"], "US.NY": ["N.Y.", "NY"],
    "US.NC": ["N.C.", "NC"], "US.ND": ["N.D.", "ND"], "US.OH": ["OH"], "US.OK": ["Okla.", "OK"],
    "US.OR": ["Ore.", "Oreg.", "OR"], "US.PA": ["Pa.", "Penn.", "PA"], "US.RI": ["R.I.", "RI"],
    "US.SC": ["S.C.", "SC"], "US.SD": ["S.D.", "SD"], "US.TN": ["Tenn.", "TN"],
    "US.TX": ["Texas", "Tex.", "TX"], "US.UT": ["UT"], "US.VT": ["Vt.", "VT"],
    "US.VA": ["Va.", "VA"], "US.WA": ["Wash.", "WA"], "US.WV": ["W.Va.", "W. Va.", "WV"],
    "US.WI": ["Wis.", "Wisc.", "WI"], "US.WY": ["Wyo.", "WY"],
    "CA.01": ["Alta.", "AB"], "CA.02": ["B.C.", "BC"], "CA.03": ["Man.", "MB"],
    "CA.04": ["N.B.", "NB"], "CA.05": ["Nfld.", "NL"], "CA.07": ["N.S.", "NS"],
    "CA.08": ["Ont.", "ON"], "CA.09": ["P.E.I.", "PEI"], "CA.10": ["Que.", "Qc", "QC"],
    "CA.11": ["Sask.", "SK"],
}


# Continents (GeoNames feature code CONT) by geonameid: English name and demonyms (annal's own
# table). A continent is an entry only when geonames_reference_points.tsv has its point.
CONTINENTS = {
    6255146: ("Africa", ["African", "Africans"]),
    6255147: ("Asia", ["Asian", "Asians"]),
    6255148: ("Europe", ["European", "Europeans"]),
    6255149: ("North America", ["North American", "North Americans"]),
    6255150: ("South America", ["South American", "South Americans"]),
    6255151: ("Oceania", []),
    6255152: ("Antarctica", []),
}


# Abbreviated and spelled-out forms of name-initial words ("Mount Pleasant" / "Mt. Pleasant").
NAME_VARIANTS = [("Mount ", "Mt. "), ("Saint ", "St. "), ("Fort ", "Ft. "), ("Sainte ", "Ste. "),
                 ("Port ", "Pt. ")]


def with_variants(names):
    out = set(names)
    for n in names:
        for full, short in NAME_VARIANTS:
            if n.startswith(full):
                out.add(short + n[len(full):])
            elif n.startswith(short):
                out.add(full + n[len(short):])
    return out


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def alternate_ok(alt):
    """English-usable alternate names: Latin script, no digits, not an airport/ISO-like code."""
    if len(alt) < 3 or any(c.isdigit() for c in alt):
        return False
    letters = [c for c in alt if c.isalpha()]
    if not letters:
        return False
    if all(c.isupper() for c in letters) and "." not in alt:
        return False  # IATA codes and shouting (ALV, LAX)
    if not alt[0].isupper():
        return False  # "les Escaldes"-style lower-case variants and transliteration noise
    return normalize(alt) is not None


def trimmed_midpoint(points, trim=0.01):
    """Midpoint of the trimmed bounding box of (lat, lon) points.

    A region's reference point when the source gives none: the trim (a share of the points at
    each edge) keeps a remote outlier (an island, a mislocated row) from dragging the box. A box
    wider than 180 degrees of longitude is measured across the antimeridian instead (Chukotka,
    Fiji, the Aleutians).
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = int(len(lats) * trim)
    lon_mid = (lons[k] + lons[-1 - k]) / 2
    if lons[-1 - k] - lons[k] > 180:
        east = sorted(lon + 360 if lon < 0 else lon for lon in lons)
        lon_mid = (east[k] + east[-1 - k]) / 2
        if lon_mid > 180:
            lon_mid -= 360
    return (lats[k] + lats[-1 - k]) / 2, lon_mid


# The admin-1 reference point: the midpoint of the region's settled extent, trimmed by one place in
# 500 at each edge. Gold sets annotated with GeoNames (TR-News, LGL, GeoWebNews) score a region
# against GeoNames' own ADM1 point, which lies near the centre of the region's area; in big
# regions settled mostly along one edge (Alberta, Quebec, Queensland) a 1% trim cut off the
# sparse far side and pulled the point 200-400 km towards the populated edge. Chosen on
# GeoWebNews, the development set: 246 of its 255 admin-1 toponyms within 161 km, against 237
# with a 1% trim and 230 for the mean of the places.
ADMIN1_TRIM = 0.002


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared", help="the shared data folder (has data/)")
    ap.add_argument("--out", default="data/gazetteer/gazetteer.bin.zst")
    ap.add_argument("--no-cities500", action="store_true", help="skip small places")
    ap.add_argument("--points", default="data/gazetteer/geonames_reference_points.tsv",
                    help="GeoNames reference points of countries, regions and continents")
    args = ap.parse_args()
    data = os.path.join(args.shared, "data")
    geobank = os.path.join(data, "geonames-geobank")

    # Countries.
    countries = {}  # iso2 -> dict
    for r in read_tsv(os.path.join(geobank, "countryInfo.tsv")):
        countries[r[0]] = {"iso3": r[1], "name": r[4], "population": int(r[7] or 0),
                           "geonameid": int(r[16]), "names": {r[4]}}
    with open(os.path.join(geobank, "country_translations.json"), encoding="utf-8") as f:
        translations = json.load(f)
    by_gid = {c["geonameid"]: c for c in countries.values()}
    for gid, langs in translations.items():
        c = by_gid.get(int(gid))
        if c and "en" in langs:
            c["names"].add(langs["en"])
    with open(os.path.join(data, "i18n-iso-countries", "langs", "en.json"), encoding="utf-8") as f:
        for iso2, names in json.load(f)["countries"].items():
            if iso2 in countries:
                for n in names if isinstance(names, list) else [names]:
                    if len(n) > 2:
                        countries[iso2]["names"].add(n)
    with open(os.path.join(data, "world-countries", "countries.json"), encoding="utf-8") as f:
        world = json.load(f)
    demonyms = {}  # iso2 -> set
    for w in world:
        c = countries.get(w["cca2"])
        if c is None:
            continue
        c["latlng"] = w.get("latlng")
        for n in [w["name"]["common"], w["name"]["official"]] + w.get("altSpellings", []):
            if len(n) > 3 or (len(n) == 3 and n.isupper()):
                c["names"].add(n)
        eng = w.get("demonyms", {}).get("eng", {})
        ds = set()
        for d in (eng.get("m"), eng.get("f")):
            if d:
                ds.add(d)
                if d[-1] in "ni":
                    ds.add(d + "s")  # Russians, Israelis
        demonyms[w["cca2"]] = ds
    for iso2, names in COUNTRY_ALIASES.items():
        countries[iso2]["names"].update(names)

    # Places: cities15000, then cities500 for places it lacks.
    places = {}
    def add_rows(lines, with_alternates):
        for line in lines:
            f = line.rstrip("\n").split("\t")
            gid = int(f[0])
            if gid in places:
                continue
            if f[8] not in countries:
                continue
            names = {f[1], f[2]}
            if with_alternates:
                names.update(a for a in f[3].split(",") if alternate_ok(a))
            names = with_variants(names)
            places[gid] = {"geonameid": gid, "name": f[1], "ascii": f[2], "names": names,
                           "lat": float(f[4]), "lon": float(f[5]), "fclass": f[6], "fcode": f[7],
                           "iso2": f[8], "admin1": f[10], "population": int(f[14] or 0)}
    with open(os.path.join(geobank, "cities15000.txt"), encoding="utf-8") as f:
        add_rows(f, True)
    if not args.no_cities500:
        with gzip.open(os.path.join(data, "geonames-cities500", "cities500.txt.gz"), "rt",
                       encoding="utf-8") as f:
            add_rows(f, False)

    # GeoNames' own points, where known, replace the estimates below.
    reference = {}  # geonameid -> (lat, lon)
    for r in read_tsv(args.points):
        reference[int(r[0])] = (float(r[3]), float(r[4]))

    # Points per country and admin1, for reference points the sources do not give.
    pts = {}
    pop = {}
    for p in places.values():
        for key in (p["iso2"], p["iso2"] + "." + p["admin1"]):
            pts.setdefault(key, []).append((p["lat"], p["lon"]))
            pop[key] = pop.get(key, 0) + p["population"]

    entries = []  # (kind, geonameid, name, iso3, admin1, lat, lon, population, fclass, fcode, keys)
    for iso2 in sorted(countries):
        c = countries[iso2]
        if c["geonameid"] in reference:
            lat, lon = reference[c["geonameid"]]
        elif c.get("latlng"):
            lat, lon = c["latlng"]
        elif iso2 in pts:
            lat, lon = trimmed_midpoint(pts[iso2])
        else:
            continue  # no point at all (e.g. uninhabited territories without data)
        keys = [(n, KEY_NAME if n == c["name"] else KEY_ALTERNATE) for n in c["names"]]
        keys += [(d, KEY_DEMONYM) for d in demonyms.get(iso2, ())]
        entries.append((KIND_COUNTRY, c["geonameid"], c["name"], c["iso3"], "", lat, lon,
                        c["population"], "A", "PCLI", keys))
    for r in sorted(read_tsv(os.path.join(geobank, "regionInfo.tsv")), key=lambda r: r[0]):
        code, name, ascii_name, gid = r[0], r[1], r[2], int(r[3])
        iso2, _, a1 = code.partition(".")
        if iso2 not in countries or code not in pts:
            continue
        lat, lon = reference.get(gid) or trimmed_midpoint(pts[code], ADMIN1_TRIM)
        keys = [(name, KEY_NAME), (ascii_name, KEY_ALTERNATE)]
        keys += [(a, KEY_ABBREVIATION) for a in ADMIN1_ABBREVIATIONS.get(code, ())]
        entries.append((KIND_ADMIN1, gid, name, countries[iso2]["iso3"], a1, lat, lon,
                        pop.get(code, 0), "A", "ADM1", keys))
    for gid in sorted(places):
        p = places[gid]
        keys = [(n, KEY_NAME if n == p["name"] else KEY_ALTERNATE) for n in p["names"]]
        keys += [(a, KEY_ALTERNATE) for a in PLACE_ALIASES.get(gid, ())]
        entries.append((KIND_PLACE, gid, p["name"], countries[p["iso2"]]["iso3"], p["admin1"],
                        p["lat"], p["lon"], p["population"], p["fclass"], p["fcode"], keys))

    for gid in sorted(CONTINENTS):
        if gid not in reference:
            continue
        name, dems = CONTINENTS[gid]
        keys = [(name, KEY_NAME)] + [(d, KEY_DEMONYM) for d in dems]
        lat, lon = reference[gid]
        entries.append((KIND_CONTINENT, gid, name, "", "", lat, lon, 0, "L", "CONT", keys))

    # Serialise: header, entries, keys, string pool.
    strings = bytearray()
    string_at = {}
    def intern(s):
        b = s.encode("utf-8")
        if b not in string_at:
            string_at[b] = len(strings)
            strings.extend(b)
        return string_at[b], len(b)

    entry_bytes = bytearray()
    key_rows = []
    for idx, (kind, gid, name, iso3, a1, lat, lon, population, fclass, fcode, keys) in \
            enumerate(entries):
        off, ln = intern(name)
        assert len(iso3) == (0 if kind == KIND_CONTINENT else 3) and len(a1) <= 8 and len(fcode) <= 8, (iso3, a1, fcode)
        entry_bytes += struct.pack("<IiiIIHBc3s8s8sx", gid, round(lat * 1e5), round(lon * 1e5),
                                   min(population, 0xFFFFFFFF), off, ln, kind,
                                   (fclass or "?").encode(), iso3.encode(), fcode.encode(),
                                   a1.encode())
        best = {}
        for text, key_kind in keys:
            k = normalize(text)
            if k is None:
                continue
            best[k] = min(best.get(k, 99), key_kind)
        for k, key_kind in best.items():
            key_rows.append((k.encode("ascii"), idx, key_kind))
    key_rows.sort()
    key_bytes = bytearray()
    for k, idx, key_kind in key_rows:
        off, ln = intern(k.decode("ascii"))
        key_bytes += struct.pack("<IHBxI", off, ln, key_kind, idx)

    header = struct.pack("<8sIIII", MAGIC, VERSION, len(entries), len(key_rows), len(strings))
    payload = header + bytes(entry_bytes) + bytes(key_bytes) + bytes(strings)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    raw = args.out[:-4] if args.out.endswith(".zst") else args.out + ".raw"
    with open(raw, "wb") as f:
        f.write(payload)
    subprocess.run(["zstd", "-q", "-f", "-19", "--no-progress", raw, "-o", args.out], check=True)
    os.remove(raw)
    kinds = [e[0] for e in entries]
    print(f"{args.out}: version {VERSION}, {len(entries)} entries "
          f"({kinds.count(KIND_COUNTRY)} countries, {kinds.count(KIND_ADMIN1)} admin1, "
          f"{kinds.count(KIND_PLACE)} places, {kinds.count(KIND_CONTINENT)} continents), {len(key_rows)} keys, "
          f"{len(payload)} bytes raw, {os.path.getsize(args.out)} bytes compressed")


if __name__ == "__main__":
    sys.exit(main())
