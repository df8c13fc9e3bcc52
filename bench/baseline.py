#!/usr/bin/env python3
"""baseline.py - the comparison done the straightforward way, for timing.

    python3 bench/baseline.py TEMPLATE.csv DIR OUT.json

Reads the framework's indicators and cornerstones from a blank template
(`oaip-eval template`), then every .csv file of DIR in name order with the
csv module, and scores each with the same model as oaip-eval: per
cornerstone 100 * sum(rating) / sum(top rating) over the rated
indicators (weights are 1 in the built-in frameworks), overall the mean
of the cornerstone scores that exist.  Writes per-school scores, the
area's spread and the training priorities as JSON.
"""
import collections
import csv
import json
import os
import statistics
import sys

CORNERSTONES = ["welcome-and-care", "value-and-include", "communicate",
                "work-in-partnership"]
LEVELS = {"0": 0, "1": 1, "2": 2, "3": 3,
          "not yet": 0, "not-yet": 0, "emerging": 1, "established": 2,
          "embedded": 3}
NA = {"n/a", "na", "not applicable"}
TOP, TARGET = 3, 2


def read_framework(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    # The header follows the template's details block.
    h = next(i for i, r in enumerate(rows)
             if "indicator" in r and "rating" in r)
    col = {name: i for i, name in enumerate(rows[h])}
    return {r[col["indicator"]]: r[col["cornerstone"]]
            for r in rows[h + 1:] if r}


def score_file(path, framework):
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except UnicodeDecodeError:
        with open(path, encoding="cp1252", newline="") as f:
            rows = list(csv.reader(f))
    header = [h.strip().lower() for h in rows[0]]
    ind_col, rating_col = header.index("indicator"), header.index("rating")
    total = collections.Counter(framework.values())
    sums = collections.Counter()
    rated = collections.Counter()
    below, rated_ids = [], []
    seen = set()
    for line, row in enumerate(rows[1:], start=2):
        ind = row[ind_col].strip()
        if ind not in framework or ind in seen:
            raise ValueError("%s:%d: bad indicator %r" % (path, line, ind))
        seen.add(ind)
        r = row[rating_col].strip().lower()
        if r == "" or r in NA:
            continue
        if r not in LEVELS:
            raise ValueError("%s:%d: rating %r" % (path, line, r))
        c = framework[ind]
        sums[c] += LEVELS[r]
        rated[c] += 1
        rated_ids.append(ind)
        if LEVELS[r] < TARGET:
            below.append(ind)
    scores = {c: 100.0 * sums[c] / (TOP * rated[c]) if rated[c] else None
              for c in CORNERSTONES}
    present = [s for s in scores.values() if s is not None]
    return {
        "file": path,
        "overall": sum(present) / len(present) if present else None,
        "cornerstones": [{"id": c, "score": scores[c], "rated": rated[c],
                          "total": total[c]} for c in CORNERSTONES],
    }, below, rated_ids


def spread(values):
    if not values:
        return None
    if len(values) == 1:
        q = [values[0]] * 3
    else:
        q = statistics.quantiles(values, n=4, method="inclusive")
    return {"n": len(values), "mean": statistics.fmean(values),
            "min": min(values), "q1": q[0], "median": q[1], "q3": q[2],
            "max": max(values)}


def main():
    template, directory, out = sys.argv[1:4]
    framework = read_framework(template)
    schools, unreadable = [], []
    below, rated = collections.Counter(), collections.Counter()
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".csv") or name.startswith("."):
            continue
        path = os.path.join(directory, name)
        try:
            school, gaps, rated_ids = score_file(path, framework)
        except (ValueError, IndexError, OSError) as e:
            unreadable.append({"file": path, "error": str(e)})
            continue
        schools.append(school)
        below.update(gaps)
        rated.update(rated_ids)
    area = {}
    for i, c in enumerate(CORNERSTONES):
        area[c] = spread([s["cornerstones"][i]["score"] for s in schools
                          if s["cornerstones"][i]["score"] is not None])
    area["overall"] = spread([s["overall"] for s in schools
                              if s["overall"] is not None])
    priorities = [{"indicator": ind, "below_target": n, "rated": rated[ind]}
                  for ind, n in below.most_common(10)]
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"schools": schools, "area": area,
                   "priorities": priorities, "unreadable": unreadable}, f)


if __name__ == "__main__":
    main()
