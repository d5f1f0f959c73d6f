#!/bin/sh
# Rebuilds the word clusters that scripts/train_parser_model.sh trains the model with.
# Deterministic: the same inputs, in the same order, and seed give the same file. One core,
# about a minute.
#
#   scripts/build_word_clusters.sh [BUILD_DIR] [SHARED_DIR] [OUT] [ewt]
#
# Inputs (from SHARED_DIR; see the SOURCE.md next to each for provenance and licence):
#   data/ud-english/en_ewt-ud-train.conllu.gz   UD English EWT train, FORM column (CC BY-SA 4.0)
#   data/bbc-news/bbc/*/*.txt                   BBC News 2004-2005, 2,225 articles (copyright BBC)
#   data/india-police-events/docs.jsonl         Times of India, March 2002, 1,257 articles
#                                               (copyright Times of India)
#   data/ecbplus/ECB+/*/*.xml.gz                ECB+ news texts, 982 (CC BY 3.0)
# The news text is copyrighted and never shipped; only the word -> cluster table derived from
# it goes into the model file. With the fourth argument `ewt` only the EWT train text is used
# (the licence-clean fallback).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$repo/build"}
shared=${2:-"$repo/../shared"}
out=${3:-"$repo/build/word_clusters.tsv"}
only=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zcat "$shared/data/ud-english/en_ewt-ud-train.conllu.gz" > "$tmp/en_ewt-ud-train.conllu"
if [ "$only" = ewt ]; then
  "$build/annal" cluster --conllu "$tmp/en_ewt-ud-train.conllu" --out "$out" --seed 1
else
  python3 "$repo/scripts/cluster_text.py" "$shared" "$tmp"
  "$build/annal" cluster --conllu "$tmp/en_ewt-ud-train.conllu" \
    --text "$tmp/bbc.txt" "$tmp/india.txt" "$tmp/ecbplus.txt" --out "$out" --seed 1
fi
