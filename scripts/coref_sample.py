#!/usr/bin/env python3
"""Samples coreference-resolved actors from `annal code` output for judging by eye, and scores
the judged sample.

  annal code --date 2005-06-01 ../shared/data/bbc-news/bbc > out.jsonl
  scripts/coref_sample.py sample out.jsonl --docs ../shared/data/bbc-news/bbc --seed 1 > s.md
  (write y, n or ? after each "verdict:")
  scripts/coref_sample.py score s.md
  scripts/coref_sample.py count out.jsonl

An actor is one (document, span, resolution) - the same mention in two events counts once.
`sample` draws the same number of actors of each resolution kind (fewer when a kind has
fewer), with a fixed seed, and prints each with the evidence sentence and up to `--context`
bytes of the text before it, the actor's words marked [[like this]]. The articles' text is
copyrighted: keep sample files out of the repository.
"""
import argparse
import collections
import json
import os
import random
import re
import sys

KINDS = ["pronoun", "description", "short_name", "apposition", "document_country"]


def resolved_actors(path):
    """(doc_id, begin, end, kind) -> the first event's actor record, in file order."""
    actors = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            for role in ("source", "target"):
                a = e.get(role)
                if not a or not a.get("resolution"):
                    continue
                key = (e["doc_id"], a["span"][0], a["span"][1], a["resolution"])
                if key not in actors:
                    actors[key] = (e, role, a)
    return actors


def count(args):
    actors = resolved_actors(args.jsonl)
    c = collections.Counter(k[3] for k in actors)
    events = collections.Counter()
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            for role in ("source", "target"):
                a = e.get(role)
                if a and a.get("resolution"):
                    events[a["resolution"]] += 1
    print("kind\tactors\tactor-in-event")
    for k in KINDS:
        print(f"{k}\t{c[k]}\t{events[k]}")
    print(f"total\t{sum(c.values())}\t{sum(events.values())}")


def sample(args):
    actors = resolved_actors(args.jsonl)
    by_kind = collections.defaultdict(list)
    for key in actors:
        by_kind[key[3]].append(key)
    rng = random.Random(args.seed)
    per_kind = args.n // len(KINDS)
    out = sys.stdout
    out.write(f"# coreference sample: {args.jsonl}, seed {args.seed}, {per_kind} per kind\n\n")
    number = 0
    for kind in KINDS:
        keys = by_kind.get(kind, [])
        picked = rng.sample(keys, min(per_kind, len(keys)))
        picked.sort()
        for key in picked:
            e, role, a = actors[key]
            number += 1
            with open(os.path.join(args.docs, e["doc_id"]), encoding="utf-8",
                      errors="replace") as f:
                text = f.read()
            # Spans are byte offsets.
            raw = text.encode("utf-8")
            s_begin, s_end = e["sentence_span"]
            a_begin, a_end = a["span"]
            ctx_begin = max(0, s_begin - args.context)
            before = raw[ctx_begin:s_begin].decode("utf-8", "replace")
            sentence = (raw[s_begin:a_begin] + b"[[" + raw[a_begin:a_end] + b"]]" +
                        raw[a_end:s_end]).decode("utf-8", "replace")
            before = re.sub(r"\s+", " ", before)
            sentence = re.sub(r"\s+", " ", sentence)
            out.write(f"## {number} {kind} {e['doc_id']} sentence {e['sentence']} {role}\n")
            out.write(f"actor: {a['text']!r} -> {a.get('code')} entity={a.get('entity')!r}\n")
            out.write(f"event: {e['cameo']} {e['event_id']}\n")
            out.write(f"before: ...{before}\n")
            out.write(f"sentence: {sentence}\n")
            out.write("verdict: \n\n")


def score(args):
    kind = None
    tally = collections.defaultdict(collections.Counter)
    with open(args.judged, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"## \d+ (\w+) ", line)
            if m:
                kind = m.group(1)
                continue
            m = re.match(r"verdict:\s*(\S)", line)
            if m and kind:
                tally[kind][m.group(1).lower()] += 1
                kind = None
    print("kind\tright\tjudged\tprecision\tunsure")
    total_right = total = 0
    for k in KINDS:
        t = tally[k]
        judged = t["y"] + t["n"]
        total_right += t["y"]
        total += judged
        p = f"{t['y'] / judged:.2f}" if judged else "-"
        print(f"{k}\t{t['y']}\t{judged}\t{p}\t{t['?']}")
    p = f"{total_right / total:.2f}" if total else "-"
    print(f"all\t{total_right}\t{total}\t{p}")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("jsonl")
    s.add_argument("--docs", required=True, help="the directory `annal code` read")
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--n", type=int, default=50, help="actors in all, split evenly by kind")
    s.add_argument("--context", type=int, default=500, help="bytes of text before the sentence")
    s.set_defaults(func=sample)
    c = sub.add_parser("count")
    c.add_argument("jsonl")
    c.set_defaults(func=count)
    j = sub.add_parser("score")
    j.add_argument("judged")
    j.set_defaults(func=score)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
