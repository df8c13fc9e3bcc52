#!/usr/bin/env python3
"""survey_baseline.py - parent carers' answers counted the plain way.

    python3 bench/survey_baseline.py QUESTIONS.csv RESPONSES.csv OUT.json

QUESTIONS.csv is `oaip-eval survey template`.  Reads RESPONSES.csv with the
csv module, matches question columns by their statement, and counts as
oaip-survey(5) says: per question the answers at each level, answered (all
but Don't know), agree % and score; per cornerstone the same pooled, and
respondents (rows with any answer).  No small-number rule: the numbers
are all large here.  Writes JSON for checking against oaip-eval.
"""
import csv
import json
import sys

SCALE = {"stronglyagree": "strongly_agree", "sa": "strongly_agree",
         "agree": "agree", "a": "agree", "disagree": "disagree", "d": "disagree",
         "stronglydisagree": "strongly_disagree", "sd": "strongly_disagree",
         "dontknow": "dont_know", "dk": "dont_know"}
POINTS = {"strongly_agree": 3, "agree": 2, "disagree": 1,
          "strongly_disagree": 0}


def key(s):
    return "".join(c for c in s.lower() if c.isalnum())


questions = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
by_key = {key(q["question"]): q for q in questions}
counts = {q["indicator"]: dict.fromkeys(list(POINTS) + ["dont_know"], 0)
          for q in questions}
respondents = 0
cs_resp = {}
with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
    r = csv.reader(f)
    head = next(r)
    cols = [(i, by_key[key(h)]) for i, h in enumerate(head)
            if key(h) in by_key]
    for row in r:
        seen = set()
        for i, q in cols:
            a = key(row[i]) if i < len(row) else ""
            if not a:
                continue
            counts[q["indicator"]][SCALE[a]] += 1
            seen.add(q["cornerstone"])
        if seen:
            respondents += 1
            for c in seen:
                cs_resp[c] = cs_resp.get(c, 0) + 1


def summary(c):
    answered = sum(c[k] for k in POINTS)
    agree = c["strongly_agree"] + c["agree"]
    points = sum(POINTS[k] * c[k] for k in POINTS)
    return answered, round(100 * agree / answered, 1), \
        round(100 * points / (3 * answered), 1)


out = {"respondents": respondents, "indicators": [], "cornerstones": []}
pooled = {}
for q in questions:
    c = counts[q["indicator"]]
    answered, agree_pct, score = summary(c)
    out["indicators"].append({"indicator": q["indicator"],
                              "answered": answered, "counts": c,
                              "agree_pct": agree_pct, "score": score})
    p = pooled.setdefault(q["cornerstone"], dict.fromkeys(c, 0))
    for k in c:
        p[k] += c[k]
for cs, p in pooled.items():
    out["cornerstones"].append({"id": cs, "respondents": cs_resp.get(cs, 0),
                                "score": summary(p)[2]})
json.dump(out, open(sys.argv[3], "w"), indent=2)
