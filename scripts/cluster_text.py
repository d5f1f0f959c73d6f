#!/usr/bin/env python3
"""Writes the unlabelled news text that scripts/build_word_clusters.sh clusters.

  scripts/cluster_text.py SHARED_DIR OUT_DIR

Writes OUT_DIR/bbc.txt (the 2,225 BBC News articles), OUT_DIR/india.txt (the 1,257 Times of
India articles of IndiaPoliceEvents, docs.jsonl, with their cp1252 mojibake repaired) and
OUT_DIR/ecbplus.txt (the 982 ECB+ texts, one tokenised sentence per paragraph, without the URL
line of the ecbplus files). Paragraphs are separated by blank lines; `annal cluster` analyses
each paragraph on its own. Files are visited in sorted order, so the output is deterministic.
"""
import gzip
import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

MOJIBAKE = {'â€™': "'", 'â€˜': "'", 'â€œ': '"', 'â€\ufffd': '"', 'â€\x9d': '"',
            'â€"': '-', 'â€”': '-', 'â€“': '-', 'â€¢': '*', 'â€š': ','}


def paragraphs(text):
    return [p.strip() for p in re.split(r'\n\s*\n', text) if p.strip()]


def main():
    shared, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with open(out / 'bbc.txt', 'w', encoding='utf-8') as f:
        for path in sorted((shared / 'data/bbc-news/bbc').glob('*/*.txt')):
            text = path.read_bytes().decode('utf-8', errors='replace')
            for p in paragraphs(text):
                f.write(p + '\n\n')
    with open(out / 'india.txt', 'w', encoding='utf-8') as f:
        with open(shared / 'data/india-police-events/docs.jsonl', encoding='utf-8') as docs:
            for line in docs:
                text = json.loads(line)['doc_text']
                for bad, good in MOJIBAKE.items():
                    text = text.replace(bad, good)
                for p in paragraphs(text):
                    f.write(p + '\n\n')
    with open(out / 'ecbplus.txt', 'w', encoding='utf-8') as f:
        for path in sorted((shared / 'data/ecbplus/ECB+').glob('*/*.xml.gz')):
            root = ET.fromstring(gzip.decompress(path.read_bytes()))
            sentences = {}
            for token in root.iter('token'):
                sentences.setdefault(int(token.get('sentence')), []).append(token.text or '')
            for number in sorted(sentences):
                if number == 0 and 'ecbplus' in path.name:
                    continue  # the source URL
                f.write(' '.join(t for t in sentences[number] if t) + '\n\n')


if __name__ == '__main__':
    main()
