#!/bin/sh
# Rebuilds data/models/en_ewt.annalsyn (tagger + lemmatiser + dependency parser) from
# UD English EWT (CC BY-SA 4.0), as shipped, with word clusters learned from EWT train and
# unlabelled news text (scripts/build_word_clusters.sh lists the exact inputs; only the
# word -> cluster table goes into the model). Deterministic: the same data and seed give the
# same file. Uses one core; takes a few minutes.
#
#   scripts/train_parser_model.sh [BUILD_DIR] [SHARED_DIR]
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$repo/build"}
shared=${2:-"$repo/../shared"}
ud="$shared/data/ud-english"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for split in train dev; do
  zcat "$ud/en_ewt-ud-$split.conllu.gz" > "$tmp/en_ewt-ud-$split.conllu"
done
sh "$repo/scripts/build_word_clusters.sh" "$build" "$shared" "$tmp/word_clusters.tsv"
"$build/annal" train all \
  --train "$tmp/en_ewt-ud-train.conllu" --dev "$tmp/en_ewt-ud-dev.conllu" \
  --clusters "$tmp/word_clusters.tsv" \
  --out "$repo/data/models/en_ewt.annalsyn" --seed 1
