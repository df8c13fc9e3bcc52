#!/usr/bin/python3
"""fill-workbook.py TEMPLATE.xlsx RETURN.csv OUT.xlsx [SCHOOL]

Fill a workbook made by 'oaip-eval template -o TEMPLATE.xlsx' with the
ratings, evidence and next steps of a CSV return, as a school would by
hand in Excel: each rating as the drop-down offers it, each cell in its
row.  Writes examples/devon-primary.xlsx from examples/devon-primary.csv,
and is used by the tests for the round trip template -> filled -> score.
Needs openpyxl (Debian: python3-openpyxl)."""
import csv
import sys

import openpyxl

template, source, out = sys.argv[1:4]
school = sys.argv[4] if len(sys.argv) > 4 else None

wb = openpyxl.load_workbook(template)
ws = wb['Self-evaluation']
header = None
rows = {}
for row in ws.iter_rows():
    values = [c.value for c in row]
    if header is None:
        if 'indicator' in values and 'rating' in values:
            header = {v: i for i, v in enumerate(values) if v}
        elif values and values[0] == 'School' and school:
            row[1].value = school
        continue
    if values[header['indicator']]:
        rows[values[header['indicator']]] = row

with open(source, encoding='utf-8-sig', newline='') as f:
    for r in csv.DictReader(f):
        row = rows.get(r['indicator'])
        if row is None:
            # not in this template (another phase): left out
            continue
        for col in ('rating', 'evidence', 'next_steps'):
            if r.get(col):
                row[header[col]].value = r[col]
wb.save(out)
