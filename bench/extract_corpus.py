#!/usr/bin/env python3
"""Scores `chiso extract` on the labelled report paragraphs of ../shared/corpus/report-figures
(read in place; nothing is copied): typed recall (a label counts when a reported figure has its
value and its kind — dossier fields by field, with "COMBINED" early-and-on-time labels matched by
resolved_in_time; rate, score and rank by kind; labels of kind "other" are not counted), the
share of reported numbers that are no labelled figure, and the negatives reported (a reported
figure whose text overlaps a negative's surface; a plan target reported as kind `target` is
not a figure and passes). Prints every figure read, and the labels missed.

Usage: python3 bench/extract_corpus.py [CORPUS_FOLDER]   (builds chiso in debug first)
"""
import csv
import io
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "report-figures")
subprocess.run(["swift", "build", "--product", "chiso"], cwd=ROOT, check=True, capture_output=True)
chiso = os.path.join(ROOT, ".build", "debug", "chiso")

labels = list(csv.DictReader(open(os.path.join(folder, "labels.csv"), encoding="utf-8")))
negatives = list(csv.DictReader(open(os.path.join(folder, "negatives.csv"), encoding="utf-8")))
files = sorted({l["file"] for l in labels})

def matches(label, figure):
    if abs(float(label["value"]) - float(figure["value"])) > 1e-9:
        return False
    kind = label["figure"]
    if kind in ("rate", "score", "rank"):
        return figure["kind"] == kind
    if figure["kind"] != "dossiers":
        return False
    if figure["figure"] == kind:
        return True
    return kind == "resolved_on_time" and "COMBINED" in label["note"] and figure["figure"] == "resolved_in_time"

typed = matched = reported = unlabelled = negatives_reported = targets = 0
for name in files:
    text = open(os.path.join(folder, name), encoding="utf-8").read()
    out = subprocess.run([chiso, "extract", os.path.join(folder, name), "--format", "csv", "-q"], capture_output=True, text=True, check=True)
    figures = list(csv.DictReader(io.StringIO(out.stdout)))
    mine = [l for l in labels if l["file"] == name]
    print(f"== {name}: {len(figures)} figures")
    for f in figures:
        print(f"   {f['kind']:8} {f['figure']:28} {f['value']:>10} {f['max'] or '':>7} {f['index'] or '':9} {'~' if f['approximate'] else ' '} {f['period'] or '':8} {f['text']}")
    # Recall: each label matched by a distinct figure.
    free = list(figures)
    for label in mine:
        if label["figure"] == "other":
            continue
        typed += 1
        hit = next((f for f in free if matches(label, f)), None)
        if hit:
            matched += 1
            free.remove(hit)
        else:
            print(f"   MISSED {label['figure']} {label['value']}  ({label['note'][:90]})")
    values = {float(l["value"]) for l in mine}
    for f in figures:
        if f["kind"] == "target":
            targets += 1
        reported += 1
        if float(f["value"]) not in values:
            unlabelled += 1
            print(f"   UNLABELLED {f['kind']} {f['figure']} {f['value']}  «{f['text']}»")
    for negative in (n for n in negatives if n["file"] == name):
        surface = negative["value"]
        for m in re.finditer(re.escape(surface), text):
            for f in figures:
                start = int(f["offset"])
                if start < m.end() and m.start() < start + len(f["text"]):
                    if f["kind"] == "target" and "TARGET" in negative["why"]:
                        continue
                    negatives_reported += 1
                    print(f"   NEGATIVE reported: {surface!r} as {f['kind']} {f['figure']} ({negative['why']})")

print()
print(f"typed recall: {matched}/{typed} = {100 * matched / typed:.1f}%  (target ≥ 90%)")
print(f"reported numbers that are no labelled figure: {unlabelled}/{reported} = {100 * unlabelled / max(1, reported):.1f}%  (target ≤ 5%)")
print(f"negatives reported: {negatives_reported}  (target 0); targets read as their own kind: {targets}")
