#!/usr/bin/env python3
"""Builds annal's shipped actor knowledge base (data/actors/*.tsv) from the ../shared sources.

Usage: scripts/build_actor_kb.py [--shared ../shared/data] [--dictionaries data/dictionaries]
                                 [--out data/actors]

Inputs (see each SOURCE.md for provenance and license):
  reign/leaderlist_3_21.csv          REIGN leaders -> <ISO3>GOV for the tenure, <ISO3>ELI otherwise
  ucdp-actors/ucdp-actor-221.csv     UCDP rebel groups (Org 1) in one country -> <ISO3>REB
  i18n-iso-countries/langs/en.json   English country names (MIT) -> <ISO3>
  world-countries/countries.json     demonyms and alternative spellings (ODbL) -> <ISO3>
  countrycode/codelist_without_cldr.csv   used only for the COW/Gleditsch-Ward -> ISO3 code
                                     correspondence (no names or regexes are copied: GPL-3)
  ud-english/en_ewt-ud-train.conllu.gz    used only to leave out one-word leader names that are
                                     also lower-case English words ("Brown", "May"); not shipped
The Phoenix actor dictionaries are read so that names Phoenix already has are left out (Phoenix
wins); the loader (src/context/actor_kb.cc) applies the same rule again at load time.

Output format: doc/formats/actor_kb.md. Python 3 standard library only; output is deterministic.
"""

import argparse
import calendar
import csv
import gzip
import json
import os
import re
import sys

HEADER = ["name", "aliases", "code", "country", "start", "end", "source"]

# UCDP names left out by hand, with the reason.
UCDP_EXCLUDED = {
    "MAIDAN": "in news the word names the Kyiv square and the 2014 protests, not a rebel group",
}

# REIGN names left out by hand, with the reason.
REIGN_EXCLUDED = {
    "HOUTHI": "in news the word names the Ansar Allah movement far more often than its leader",
}


def norm_phrase(text):
    """Upper-case matching key of a name, close to the tokenizer's (words split on space/_/-)."""
    text = text.replace("_", " ").replace("\u2019", "'")
    words = re.findall(r"[^\s]+", text.upper())
    return " ".join(w.strip(",;:") for w in words if w.strip(",;:"))


def read_phoenix_names(dict_dir):
    """Every root name and '+' synonym of the Phoenix actor files, their 3-letter codes, and for
    each word the number of entries whose names contain it."""
    names, countries = set(), set()
    word_entries = {}
    entry = 0
    for fname in sorted(os.listdir(dict_dir)):
        if not (fname.startswith("Phoenix.") and fname.endswith(".actors.txt")):
            continue
        with open(os.path.join(dict_dir, fname), encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line or line.startswith("<!") or line.startswith("-->"):
                    continue
                for code in re.findall(r"\[([A-Z]{3})[\] ]", line):
                    countries.add(code)
                if line.startswith("["):
                    continue
                head = line.split("[", 1)[0].strip()
                if not head.startswith("+"):
                    entry += 1
                head = head.lstrip("+").rstrip("_")
                if head:
                    key = norm_phrase(head)
                    names.add(key)
                    for word in key.split():
                        word_entries.setdefault(word, set()).add(entry)
    return names, countries, {w: len(e) for w, e in word_entries.items()}


def read_agent_words(dict_dir):
    """Upper-case words of the agent dictionaries (ISLAMIC, MUSLIM, ARMY, REBEL...)."""
    words = set()
    for fname in ("Phoenix.agents.txt", "annal.agents.txt"):
        path = os.path.join(dict_dir, fname)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.split("#", 1)[0].split("[", 1)[0].strip().lstrip("+-")
                for word in re.split(r"[_\s]+", line):
                    word = word.strip("!{}()").upper()
                    if word.isalpha():
                        words.add(word)
    return words


def is_generic(name, lower_words, agent_words):
    """True when every word of `name` is a common English word, an agent word or a short particle:
    a description ("Islamic State", "Muslim Brotherhood", "Taiwanese insurgents") that Phoenix
    codes from its agents and that may mean other groups elsewhere, not a distinctive name."""
    for word in re.split(r"[\s\-]+", name):
        word = re.sub(r"[^A-Za-z]", "", word)
        low = word.lower()
        singular = low[:-1] if low.endswith("s") and len(low) > 3 else low
        if len(word) <= 2 or low in lower_words or singular in lower_words or word.upper() in agent_words:
            continue
        return False
    return True


def read_common_words(shared):
    """Lower-case word forms of UD English EWT train (common words are poor one-word names), the
    upper-cased proper nouns it has (common first and last names: Smith, Taylor, Arthur), and
    every form it has, lower-cased."""
    path = os.path.join(shared, "ud-english", "en_ewt-ud-train.conllu.gz")
    words, propn, any_case = set(), set(), set()
    if not os.path.exists(path):
        return words, propn, any_case
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line or line[0] in "#\n":
                continue
            cols = line.split("\t")
            if len(cols) > 3 and cols[1].islower():
                words.add(cols[1])
            if len(cols) > 3:
                any_case.add(cols[1].lower())
            if len(cols) > 3 and cols[3] == "PROPN":
                propn.add(cols[1].upper())
    return words, propn, any_case


def read_code_maps(shared):
    """COW letter code -> ISO3, Gleditsch-Ward number -> ISO3 (code correspondences only)."""
    cow, gw = {}, {}
    with open(os.path.join(shared, "countrycode", "codelist_without_cldr.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso3 = row.get("iso3c", "")
            if not iso3:
                continue
            if row.get("cowc"):
                cow.setdefault(row["cowc"], iso3)
            if row.get("gwn"):
                gw.setdefault(row["gwn"], iso3)
    # Countries that left the system or have no ISO code; CAMEO codes from the Phoenix file.
    cow.setdefault("GFR", "DEU")
    cow.setdefault("YUG", "SRB")
    gw.setdefault("345", "SRB")
    gw.setdefault("260", "DEU")
    return cow, gw


def iso_day(y, m, d):
    return "%04d-%02d-%02d" % (y, m, d)


class Writer:
    def __init__(self, phoenix):
        self.phoenix = phoenix
        self.rows = []
        self.skipped = {}

    def skip(self, why):
        self.skipped[why] = self.skipped.get(why, 0) + 1

    def add(self, name, aliases, code, country, start, end, source):
        for field in [name, code, country, start, end, source] + aliases:
            if "\t" in field or "\n" in field or "|" in field and field is not source:
                raise ValueError("bad field %r" % field)
        self.rows.append([name, "|".join(aliases), code, country, start, end, source])

    def write(self, path, comment):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("# annal actor knowledge base (format: doc/formats/actor_kb.md)\n")
            f.write("# GENERATED BY scripts/build_actor_kb.py; DO NOT EDIT (add rows to your own file)\n")
            for line in comment:
                f.write("# " + line + "\n")
            f.write("\t".join(HEADER) + "\n")
            for row in self.rows:
                f.write("\t".join(row) + "\n")


def decode_mixed(line):
    """REIGN mixes UTF-8 and Windows-1252 lines."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def clean_leader_name(raw):
    """'Gandhi, I.' -> 'Gandhi'; 'Kim Jong-Il' stays; drops bracketed notes."""
    name = re.sub(r"\(.*?\)", "", raw).strip()
    if "," in name:
        name = name.split(",", 1)[0].strip()
    name = re.sub(r"\s+", " ", name)
    return name


def build_reign(shared, phoenix, phoenix_countries, phoenix_words, common, cow):
    w = Writer(phoenix)
    spells = {}  # (name key) -> list of (iso3, start, end, leadid, name)
    with open(os.path.join(shared, "reign", "leaderlist_3_21.csv"), "rb") as f:
        lines = [decode_mixed(b) for b in f.read().splitlines()]
        for row in csv.DictReader(lines):
            name = clean_leader_name(row["leader"])
            iso3 = cow.get(row["stateabb"])
            if not name or not re.search(r"[A-Za-z]{2}", name):
                w.skip("no usable name")
                continue
            if iso3 is None or iso3 not in phoenix_countries:
                w.skip("country without a CAMEO code")
                continue
            try:
                sy, sm, sd = int(row["syear"]), int(row["smonth"]), int(row["sdate"])
                start = iso_day(sy, sm, sd)
            except ValueError:
                w.skip("bad start date")
                continue
            end = REIGN_LATER_ENDS.get(row["leadid"], "")
            if row["eyear"].strip():
                try:
                    ey, em = int(row["eyear"]), int(row["emonth"])
                    end = iso_day(ey, em, calendar.monthrange(ey, em)[1])
                except ValueError:
                    w.skip("bad end date")
                    continue
            in_office_2021 = not row["eyear"].strip()
            spells.setdefault(norm_phrase(name), []).append(
                (iso3, start, end, row["leadid"], name, in_office_2021))
    for key in sorted(spells):
        rows = spells[key]
        countries = sorted({r[0] for r in rows})
        name = rows[0][4]
        words = key.split()
        if len(countries) > 1:
            w.skip("same name leads different countries (ambiguous)")
            continue
        if key in REIGN_EXCLUDED:
            w.skip("excluded by hand")
            continue
        lower_words, propn, _ = common
        if len(words) == 1 and (len(key) < 4 or key.lower() in lower_words):
            w.skip("one-word name that is a common English word or too short")
            continue
        # A one-word name (REIGN gives many leaders by surname only) matches every mention of
        # that surname at any date, so only current leaders (in office at the end of the data,
        # March 2021) are kept by surname, and only when the word is not a common proper noun
        # in English text nor a word of any Phoenix name (Traore, Douglas, Benitez are many
        # people's names).
        if len(words) == 1:
            current = any(r[5] for r in rows)
            if not current:
                w.skip("one-word name of a past leader (too ambiguous)")
                continue
            if key in propn or phoenix_words.get(key, 0) > 0:
                w.skip("one-word name that is a common proper noun or in other Phoenix names")
                continue
        if key in phoenix:
            w.skip("name already in Phoenix (Phoenix wins)")
            continue
        iso3 = countries[0]
        for (_, start, end, leadid, _, _) in sorted(rows, key=lambda r: r[1]):
            w.add(name, [], iso3 + "GOV", iso3, start, end, "reign:" + leadid)
        # Outside the tenure: a political elite of the country (CAMEO ELI), as Phoenix codes
        # former and future leaders.
        w.add(name, [], iso3 + "ELI", iso3, "", "", "reign")
    return w


def build_ucdp(shared, phoenix, phoenix_countries, gw, lower_words, agent_words):
    w = Writer(phoenix)
    seen = set()
    with open(os.path.join(shared, "ucdp-actors", "ucdp-actor-221.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["Org"] != "1":
                w.skip("not a rebel group (Org != 1)")
                continue
            locs = sorted({gw.get(x.strip(), "?") for x in row["GWNOLoc"].split(",") if x.strip()})
            if len(locs) != 1 or locs[0] not in phoenix_countries:
                w.skip("not located in exactly one CAMEO country")
                continue
            iso3 = locs[0]
            name = re.sub(r"\s+", " ", row["NameData"]).strip()
            if name.startswith(("Government of", "Republic of", "Military faction", "Forces of")):
                w.skip("government or state-like faction")
                continue
            if len(name) <= 3 or not re.search(r"[a-z]", name) and len(name) <= 4:
                w.skip("short acronym (ambiguous in news text)")
                continue
            names = [name]
            for alt in (row["NameOrigFullEng"], row["NewNameFullEng"]):
                alt = re.sub(r"\s+", " ", alt or "").strip()
                if alt and alt.lower() != "n/a" and alt not in names and "|" not in alt:
                    names.append(alt)
            kept = [n for n in names if norm_phrase(n) not in phoenix]
            if len(kept) < len(names):
                w.skip("name already in Phoenix (Phoenix wins)")
                continue
            if norm_phrase(name) in UCDP_EXCLUDED:
                w.skip("excluded by hand")
                continue
            # A plain one-word plural ("Cobras", "Ninjas", "Outlaws") is a nickname that more
            # often means a sports team or anything else.
            if re.fullmatch(r"[A-Z][a-z]+s", name):
                w.skip("one-word plural nickname")
                continue
            distinctive = [n for n in kept if not is_generic(n, lower_words, agent_words)]
            if not distinctive or distinctive[0] != kept[0]:
                w.skip("generic name (common and agent words only)")
                continue
            kept = distinctive
            key = norm_phrase(kept[0])
            if key in seen:
                w.skip("duplicate name")
                continue
            seen.add(key)
            w.add(kept[0], kept[1:], iso3 + "REB", iso3, "", "", "ucdp:" + row["ActorId"])
    return w


def build_countries(shared, phoenix, phoenix_countries):
    """English names (i18n-iso-countries, MIT) and demonyms/alt spellings (world-countries, ODbL)."""
    iso2_to_3 = {c[0]: c[1] for c in json.load(open(
        os.path.join(shared, "i18n-iso-countries", "codes.json"), encoding="utf-8"))}
    names = Writer(phoenix)
    en = json.load(open(os.path.join(shared, "i18n-iso-countries", "langs", "en.json"), encoding="utf-8"))
    used = set()
    for iso2 in sorted(en["countries"]):
        iso3 = iso2_to_3.get(iso2)
        if iso3 not in phoenix_countries:
            names.skip("no CAMEO country code")
            continue
        value = en["countries"][iso2]
        all_names = value if isinstance(value, list) else [value]
        new = []
        for n in all_names:
            k = norm_phrase(n)
            if k in phoenix or k in used:
                names.skip("name already in Phoenix (Phoenix wins)")
                continue
            used.add(k)
            new.append(n)
        if new:
            names.add(new[0], new[1:], iso3, iso3, "", "", "i18n-iso-countries:en:" + iso2)
    extra = Writer(phoenix)
    for c in json.load(open(os.path.join(shared, "world-countries", "countries.json"), encoding="utf-8")):
        iso3 = c["cca3"]
        if iso3 not in phoenix_countries:
            extra.skip("no CAMEO country code")
            continue
        cands = [c["name"]["common"], c["name"]["official"]]
        cands += [a for a in c.get("altSpellings", []) if len(a) > 3 and re.fullmatch(r"[A-Za-z .'\-()]+", a)]
        dem = c.get("demonyms", {}).get("eng", {})
        cands += [dem.get("m", ""), dem.get("f", "")]
        new = []
        for n in cands:
            k = norm_phrase(n)
            if not k or len(k) < 4:
                continue
            if k in phoenix or k in used:
                extra.skip("name already in Phoenix or in the names file")
                continue
            used.add(k)
            new.append(n)
        if new:
            extra.add(new[0], new[1:], iso3, iso3, "", "", "world-countries:" + iso3)
    return names, extra


# REIGN's list ends in March 2021 and leaves the spells of leaders then in office open, so a
# REIGN leader who has since left would be coded as governing in every later article. These are
# the later ends of those spells (by REIGN leader id), from public record as known to the annal
# authors in mid-2025; a spell not listed stays open. Hand-written facts, not from REIGN. The
# one-word-name rule below still judges "in office" at the end of the REIGN data, so the names
# kept do not change; only their dates do.
REIGN_LATER_ENDS = {
    "ctb-2-1": "2025-01-20",      # USA Biden
    "cb-20-1": "2025-03-14",      # CAN Trudeau
    "se-31-2": "2021-09-17",      # BHM Minnis
    "A3.0-5": "2021-04-19",       # CUB Raul Castro (party first secretary)
    "se-41-4": "2021-07-07",      # HAI Jovenel Moise (killed)
    "ctb-70-2": "2024-09-30",     # MEX Lopez Obrador
    "ctb-90-1": "2024-01-14",     # GUA Giammattei
    "cb-91-1": "2022-01-27",      # HON Juan Orlando Hernandez
    "KS-94-2": "2022-05-08",      # COS Carlos Alvarado Quesada
    "ctb-95-1": "2024-07-01",     # PAN Cortizo
    "K3.1-25": "2022-08-07",      # COL Ivan Duque
    "se-130-1": "2021-05-24",     # ECU Lenin Moreno
    "ctb-135-03": "2021-07-28",   # PER Francisco Sagasti
    "ctb-140-2": "2022-12-31",    # BRA Bolsonaro
    "ctb-145-2": "2025-11-08",    # BOL Arce (end of the five-year term)
    "ctb-150-1": "2023-08-15",    # PAR Benitez
    "cb-155-3": "2022-03-11",     # CHL Sebastian Pinera
    "ctb-160-1": "2023-12-10",    # ARG Fernandez
    "ctb-165-1": "2025-03-01",    # URU Luis Pou
    "ctb-200-1": "2022-09-06",    # UKG Johnson
    "ctb-205-1": "2022-12-17",    # IRE Martin (first spell)
    "A3.0-44": "2024-07-02",      # NTH M. Rutte
    "ctb-211-2": "2025-02-03",    # BEL Alexander De Croo
    "cb-212-1": "2023-11-17",     # LUX Bettel
    "ctb-225-3": "2021-12-31",    # SWZ Parmelin (one-year presidency)
    "A3.0-59": "2021-12-08",      # GMY Merkel
    "cb-290-1": "2025-08-06",     # POL Duda
    "ctb-305-3": "2021-10-11",    # AUS Kurz
    "se-316-3": "2021-12-17",     # CZR Andrej Babis (first spell)
    "ctb-317-2": "2021-04-01",    # SLO Matovic
    "ctb-325-2": "2022-10-22",    # ITA Draghi
    "ctb-341-1": "2022-04-28",    # MNG Zdravko Krivokapic
    "ctb-343-2": "2022-01-16",    # MAC Zaev
    "se-345-4": "2024-05-02",     # YUG Ana Brnabic
    "ctb-347-2": "2021-03-22",    # KOS Hoti
    "ctb-349-5": "2022-06-01",    # SLV Jansa
    "cb-352-1": "2023-02-28",     # CYP Nikos Anastasiadis
    "se-355-6": "2021-05-12",     # BUL Boiko Borisov
    "ctb-359-5": "2021-08-06",    # MLD Aureliu Ciocoi (acting)
    "cb-360-2": "2025-02-12",     # ROM Iohannis
    "ctb-366-1": "2024-07-23",    # EST Kaja Kallas
    "ctb-367-3": "2023-09-15",    # LAT Karins
    "ctb-372-3": "2024-02-08",    # GRG Garibashvili
    "ctb-375-2": "2023-06-20",    # FIN Sanna Marin
    "cb-380-1": "2021-11-30",     # SWD Lofven
    "cb-385-1": "2021-10-14",     # NOR Solberg
    "CB-395-4": "2024-04-09",     # ICE Jakobsdottir
    "ctb-432-2": "2021-05-24",    # MLI Ba N'Daou
    "cb-433-1": "2024-04-02",     # SEN Macky Sall
    "A3.0-129": "2021-04-02",     # NIR Issoufou
    "A3.0-134": "2021-09-05",     # GUI Conde
    "cb-439-3": "2022-01-24",     # BFO Kabore
    "clb-450-1": "2024-01-22",    # LBR Weah
    "se-452-2": "2025-01-07",     # GHA Akufo-Addo
    "cb-475-1": "2023-05-29",     # NIG Buhari
    "A3.0-144": "2023-08-30",     # GAB Ondimba
    "A2.9-6667": "2021-04-20",    # CHA Deby (killed)
    "cb-501-1": "2022-09-13",     # KEN Kenyatta
    "cb-510-1": "2021-03-17",     # TAZ Magufuli (died)
    "se-520-3": "2022-05-23",     # SOM Farmajo
    "cb-541-1": "2025-01-15",     # MZM Nyusi
    "cb-551-2": "2021-08-24",     # ZAM Lungu
    "cb-565-1": "2024-02-04",     # NAM Geingob (died)
    "ctb-570-1": "2022-10-28",    # LES Majoro
    "ks-571-01": "2024-11-01",    # BOT Masisi
    "se-590-2": "2024-11-13",     # MAS Pravind Jugnauth
    "cb-620-06": "2021-03-15",    # LIB Fayez al-Sarraj
    "cb-630-1": "2021-08-03",     # IRN Rouhani
    "ctb-645-2": "2022-10-27",    # IRQ Al-Kadhimi
    "A2.9-7477": "2024-12-08",    # SYR Bashar al-Assad
    "A3.0-169": "2021-06-13",     # ISR Netanyahu (first spell of the list's end)
    "ctb-690-1": "2023-12-16",    # KUW Nawaf Al-Sabah (died)
    "A3.0-173": "2022-05-13",     # UAE Khalifa Al Nahayan (died)
    "cb-700-1": "2021-08-15",     # AFG Ashraf Ghani
    "A3.0-174": "2022-03-19",     # TKM Berdymukhammedov
    "se-712-1": "2021-06-25",     # MON Khaltmaagiin Battulga
    "se-732-3": "2022-05-10",     # ROK Moon Jae-in
    "ctb-740-1": "2021-10-04",    # JPN Yoshihide Suga
    "cb-760-4": "2024-01-28",     # BHU Lotay Tshering
    "ctb-770-4": "2022-04-10",    # PAK Imran Khan
    "A3.0-197": "2024-08-05",     # BNG Hasina Wazed
    "ctb-780-1": "2022-07-14",    # SRI G. Rajapakse
    "cb-781-3": "2023-11-17",     # MAD Ibrahim Solih
    "clb-790-6": "2021-07-13",    # NEP Oli (spell at the list's end)
    "cb-800-2": "2023-08-22",     # THI Prayuth Chan-ocha
    "A2.9-8668": "2023-08-22",    # CAM Hun Sen
    "A3.0-213": "2024-07-19",     # DRV Phu Trong (died)
    "ctb-820-1": "2021-08-16",    # MAL Muhyiddin Yassin
    "A2.9-8815": "2024-05-15",    # SIN Lee Hsien Loong
    "jb-840-1": "2022-06-30",     # PHI Rodrigo Duterte
    "cb-850-1": "2024-10-20",     # INS Joko Widodo
    "se-860-2": "2022-05-20",     # ETM Francisco Guterres
    "ctb-900-1": "2022-05-23",    # AUL Morrison
    "se-920-2": "2023-01-25",     # NEW Jacinda Ardern
    "ctb-940-1": "2024-05-02",    # SOL Sogavare
    "A3.0-227": "2022-12-24",     # FIJ Bainimarama
    "ctb-955-2": "2021-12-27",    # TON Tu'I'onetoa
    "kb-810-2": "2021-07-23",     # WSM Tuilaepa Sailele Malielegaoi
    "cb-52-1": "2025-03-17",      # TRI Rowley
    "cb-55-11": "2022-06-24",     # GRN Mitchell
    "cb-56-11": "2021-07-28",     # SLU Chastanet
    "cb-60-3": "2022-08-06",      # SKN Harris
}

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(repo, "..", "shared", "data"))
    ap.add_argument("--dictionaries", default=os.path.join(repo, "data", "dictionaries"))
    ap.add_argument("--out", default=os.path.join(repo, "data", "actors"))
    args = ap.parse_args()

    phoenix, phoenix_countries, phoenix_words = read_phoenix_names(args.dictionaries)
    common = read_common_words(args.shared)
    cow, gw = read_code_maps(args.shared)
    os.makedirs(args.out, exist_ok=True)

    reign = build_reign(args.shared, phoenix, phoenix_countries, phoenix_words, common, cow)
    reign.write(os.path.join(args.out, "reign_leaders.tsv"), [
        "Source: REIGN leader list 2021-03 (Bell, Besaw & Frank 2021, One Earth Future; builds on",
        "Archigos and LEAD). Leaders' surnames/short names and tenure dates; see data/actors/LICENSE.",
        "Spells open in March 2021 that have ended since are closed by REIGN_LATER_ENDS in the",
        "script (hand-written, public record as of mid-2025)."])
    # Generic words: any word of English web text, agent words, and words of several Phoenix
    # names (demonyms, "Front", "Liberation").
    generic = common[2] | {w.lower() for w, n in phoenix_words.items() if n >= 2}
    ucdp = build_ucdp(args.shared, phoenix, phoenix_countries, gw, generic,
                      read_agent_words(args.dictionaries))
    ucdp.write(os.path.join(args.out, "ucdp_groups.tsv"), [
        "Source: UCDP Actor Dataset 22.1 (Uppsala Conflict Data Program); rebel groups (Org 1)",
        "active in one country. UCDP gives no active years here, so codes are undated."])
    names, extra = build_countries(args.shared, phoenix, phoenix_countries)
    names.write(os.path.join(args.out, "country_names.tsv"), [
        "Source: i18n-iso-countries 7.14.0 English names (MIT); only names Phoenix lacks."])
    extra.write(os.path.join(args.out, "country_demonyms.tsv"), [
        "Source: world-countries 5.1.0 (mledoze/countries), ODC Open Database License 1.0:",
        "names, alternative spellings and English demonyms Phoenix lacks. This file is ODbL."])
    for label, w in (("reign_leaders", reign), ("ucdp_groups", ucdp), ("country_names", names),
                     ("country_demonyms", extra)):
        print("%s: %d rows; skipped: %s" % (label, len(w.rows),
              ", ".join("%s=%d" % kv for kv in sorted(w.skipped.items()))), file=sys.stderr)


if __name__ == "__main__":
    main()
