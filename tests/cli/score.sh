# score.sh - oaip-eval score: exact scores over the examples, formats,
# --target, --phase, --fail-under, bad input and escaping.
. "$top_srcdir/tests/cli/lib.sh"

EX=$top_srcdir/examples
D=$top_srcdir/tests/data/score

# One line of JSON with the pretty-printing spaces taken out, so a whole
# object can be matched with expect_json.  (The objects matched hold no
# string with ", " or ": " in it.)
json_compact() {
	tr -d '\n' <"$1" | sed -e 's/: /:/g' -e 's/,  */,/g' -e 's/{  */{/g' \
		-e 's/\[  */[/g' -e 's/  *}/}/g' -e 's/  *\]/]/g'
}

expect_json() {
	if json_compact "$out" | grep -qF -- "$1"; then pass; else fail "JSON lacks '$1'"; fi
}

expect_file_has() {
	if grep -qF -- "$2" "$1"; then pass; else fail "'$1' lacks '$2'"; fi
}

expect_file_lacks() {
	if grep -qF -- "$2" "$1"; then fail "'$1' has '$2'"; else pass; fi
}

# ---------------------------------------------------------------------
# examples/devon-primary.csv, framework devon, target Established (2),
# top level Embedded (3).  Ratings by hand from the file:
#
#   Welcome and Care    welcome-1..5 = 2, 3, 2, 1, 1
#                       9 / 15 = 60.0%; 5 of 5 rated, 3 at target, 2 gaps
#   Value and Include   value-1 = 1, value-2 blank, value-3 = 2,
#                       value-4 = 0, value-5 = 2
#                       5 / 12 = 41.67% -> 41.7%; 4 of 5 rated, 2 at, 2 gaps
#   Communicate         communicate-1..6 = 2, 1, 3, 1, 2, blank
#                       9 / 15 = 60.0%; 5 of 6 rated, 3 at, 2 gaps
#   Work in Partnership partnership-1 = 2, -2 = 1, -3 n/a, -4 = 0
#                       3 / 9 = 33.33% -> 33.3%; 3 of 4 rated (1 n/a),
#                       1 at, 2 gaps
#   overall = (60 + 41.667 + 60 + 33.333) / 4 = 195 / 4 = 48.75 -> 48.8
#
# Bands: every cornerstone has at least half its indicators rated, gaps,
# and a score below the target's 66.7% but at least half of it (33.3%):
# Below target; Value and Include and Communicate still have blanks:
# "(partly evaluated)".
case_ "devon example: Markdown"
run score "$EX/devon-primary.csv"
expect_status 0
expect_out "# Partnership with parent carers: "
expect_out "- **Self-evaluation file:** devon-primary.csv"
# only the file's name, never the folders it was kept in
expect_no_out "$EX"
expect_out "- **Date of this report:** 2026-11-23"
expect_out "- **Framework:** Working in partnership with parent carers, Devon County Council (framework id devon, version 2025)"
expect_out "- **Target level:** Established (2) on a scale from Not yet (0) to Embedded (3)"
expect_out "| Welcome and Care | 60.0% — 5 of 5 indicators rated, 3 at or above target, 2 below | Below target |"
expect_out "| Value and Include | 41.7% — 4 of 5 indicators rated, 2 at or above target, 2 below | Below target (partly evaluated) |"
expect_out "| Communicate | 60.0% — 5 of 6 indicators rated, 3 at or above target, 2 below | Below target (partly evaluated) |"
expect_out "| Work in Partnership | 33.3% — 3 of 4 indicators rated (1 not applicable), 1 at or above target, 2 below | Below target |"
expect_out "| **Overall** | **48.8%** — the average of 4 cornerstone scores | |"
expect_out "17 of 20 indicators rated: 9 at or above the target (Established), 8 below it, 2 not yet evaluated, 1 not applicable."
expect_out "## How scores are worked out"
expect_out "### Welcome and Care (2 gaps)"
expect_out "#### welcome-4: Help parent carers feel confident."
expect_out "- **Rating:** Not yet (0); the target is Established (2)"
expect_out "- **Next steps:** Write a short guide to SEN support reviews with our Parent Carer Forum Devon contact by Easter."
expect_out "- Proactive communication, transparency and kindness from all school staff"
expect_out "> “School has helped me have confidence as a parent.” — Parent carer"
expect_out "- **welcome-2** (Embedded): Care about the wellbeing of parent carers."
expect_out "- **value-2** (Value and Include): Understand parent carers."
expect_out "- **communicate-6** (Communicate): Use positive and helpful language."
expect_out "- **partnership-3** (Work in Partnership): Encourage and take on board"
expect_out "© Devon County Council"
expect_no_out "**Phase:**"
check "nothing on stderr" test ! -s "$err"

case_ "devon example: JSON"
run score -F json "$EX/devon-primary.csv"
expect_status 0
expect_json '"framework":"devon",'
expect_json '"target":2,"target_label":"Established","phase":null,'
expect_json '"overall":48.8,"rated":17,"total":20,'
expect_json '{"id":"welcome-and-care","title":"Welcome and Care","score":60.0,"rated":5,"total":5,"na":0,"not_evaluated":0,"at_target":3,"gaps":2,"band":"Below target"'
expect_json '{"id":"value-and-include","title":"Value and Include","score":41.7,"rated":4,"total":5,"na":0,"not_evaluated":1,"at_target":2,"gaps":2,"band":"Below target (partly evaluated)"'
expect_json '{"id":"communicate","title":"Communicate","score":60.0,"rated":5,"total":6,"na":0,"not_evaluated":1,"at_target":3,"gaps":2,"band":"Below target (partly evaluated)"'
expect_json '{"id":"work-in-partnership","title":"Work in Partnership","score":33.3,"rated":3,"total":4,"na":1,"not_evaluated":0,"at_target":1,"gaps":2,"band":"Below target"'
expect_json '"gaps":[{"indicator":"welcome-4","cornerstone":"welcome-and-care","rating":1,"rating_label":"Emerging","target":2,'
expect_json '"not_evaluated":["value-2","communicate-6"],"not_applicable":["partnership-3"],'
expect_json '"date":"2026-11-23",'
# The gaps come first, in cornerstone order.
got=$(grep -o '"indicator": "[^"]*"' "$out" | head -n 8 | sed 's/.*: "//; s/"$//' | tr '\n' ' ')
check "gaps in cornerstone order" test "$got" = "welcome-4 welcome-5 value-1 value-4 communicate-2 communicate-4 partnership-2 partnership-4 "

# ---------------------------------------------------------------------
# examples/west-sussex-secondary.csv, framework west-sussex (scale 0-3,
# target 2).  Ratings by cornerstone, by hand from the file:
#
#   Welcome and Care    e1-06 = 2, e1-15 = 2               4/6  = 66.7%
#   Value and Include   e1-03 = 2, e1-07 = 2, e1-08 = 2, e1-09 n/a
#                       (early years), e1-10 = 1, e2-04 = 2  9/15 = 60.0%
#   Communicate         e1-02 = 2, e1-12 = 2, e1-13 = 3, e1-14 = 1,
#                       e1-17 = 1 (post-16), e2-02 = 2, e2-03 = 1
#                                                          12/21 = 57.1%
#   Work in Partnership e1-01 = 1, e1-04 = 2, e1-05 = 1, e1-11 = 0,
#                       e1-16 = 1 (post-16), e2-01 = 2      7/18 = 38.9%
#   overall = (66.667 + 60 + 57.143 + 38.889) / 4 = 55.675 -> 55.7
#
# Welcome and Care has no gaps and 66.7% is below the "Above target"
# line (83.3%): At target.
case_ "west-sussex example: no phase filter"
run score -f west-sussex -F json "$EX/west-sussex-secondary.csv"
expect_status 0
expect_json '"framework":"west-sussex",'
expect_json '"overall":55.7,"rated":20,"total":21,'
expect_json '{"id":"welcome-and-care","title":"Welcome and Care","score":66.7,"rated":2,"total":2,"na":0,"not_evaluated":0,"at_target":2,"gaps":0,"band":"At target"'
expect_json '{"id":"value-and-include","title":"Value and Include","score":60.0,"rated":5,"total":6,"na":1,"not_evaluated":0,"at_target":4,"gaps":1,"band":"Below target"'
expect_json '{"id":"communicate","title":"Communicate","score":57.1,"rated":7,"total":7,"na":0,"not_evaluated":0,"at_target":4,"gaps":3,"band":"Below target"'
expect_json '{"id":"work-in-partnership","title":"Work in Partnership","score":38.9,"rated":6,"total":6,"na":0,"not_evaluated":0,"at_target":2,"gaps":4,"band":"Below target"'
expect_json '"not_evaluated":[],"not_applicable":["e1-09"],'

case_ "west-sussex example: Markdown"
run score -f west-sussex "$EX/west-sussex-secondary.csv"
expect_status 0
expect_out "| Welcome and Care | 66.7% — 2 of 2 indicators rated, 2 at or above target | At target |"
expect_out "| Communicate | 57.1% — 7 of 7 indicators rated, 4 at or above target, 3 below | Below target |"
expect_out "| **Overall** | **55.7%** — the average of 4 cornerstone scores | |"
expect_out "- **Framework:** Partnership and co-production with children, young people and parents carers, West Sussex County Council (framework id west-sussex, version 2021-08-25)"

# --phase school leaves out e1-09 (early years), e1-16 and e1-17
# (post-16):
#   Welcome and Care 66.7%; Value and Include 9/15 = 60.0% (5 of 5);
#   Communicate 2+2+3+1+2+1 = 11/18 = 61.1%;
#   Work in Partnership 1+2+1+0+2 = 6/15 = 40.0%
#   overall = (66.667 + 60 + 61.111 + 40) / 4 = 56.944 -> 56.9
case_ "west-sussex example: --phase school"
run score -f west-sussex --phase school -F json "$EX/west-sussex-secondary.csv"
expect_status 0
expect_json '"phase":"school",'
expect_json '"overall":56.9,"rated":18,"total":18,'
expect_json '{"id":"value-and-include","title":"Value and Include","score":60.0,"rated":5,"total":5,"na":0,'
expect_json '{"id":"communicate","title":"Communicate","score":61.1,"rated":6,"total":6,'
expect_json '{"id":"work-in-partnership","title":"Work in Partnership","score":40.0,"rated":5,"total":5,'
expect_json '"not_applicable":[],'
run score -f west-sussex --phase school "$EX/west-sussex-secondary.csv"
expect_out "- **Phase:** school (3 framework indicators that do not apply in this phase are left out)"
expect_out "| **Overall** | **56.9%** — the average of 4 cornerstone scores | |"

# --phase early-years keeps e1-09 (n/a) and leaves out e1-10, e1-16 and
# e1-17: Value and Include 2+2+2+2 = 8/12 = 66.7% with no gaps;
# overall = (66.667 + 66.667 + 61.111 + 40) / 4 = 58.611 -> 58.6
case_ "west-sussex example: --phase early-years"
run score -f west-sussex --phase early-years -F json "$EX/west-sussex-secondary.csv"
expect_status 0
expect_json '"overall":58.6,'
expect_json '{"id":"value-and-include","title":"Value and Include","score":66.7,"rated":4,"total":5,"na":1,"not_evaluated":0,"at_target":4,"gaps":0,"band":"At target"'

# ---------------------------------------------------------------------
# --target: the scores stay, the gaps move.
# With Embedded (3) every rating below 3 is a gap: welcome 4, value 4,
# communicate 4, partnership 3 = 15; strengths welcome-2, communicate-3.
case_ "--target embedded"
for t in embedded Embedded 3 " embedded "; do
	run score --target "$t" -F json "$EX/devon-primary.csv"
	expect_status 0
	expect_json '"target":3,"target_label":"Embedded",'
	expect_json '"overall":48.8,'
	expect_json '"score":60.0,"rated":5,"total":5,"na":0,"not_evaluated":0,"at_target":1,"gaps":4,'
	expect_json '"score":33.3,"rated":3,"total":4,"na":1,"not_evaluated":0,"at_target":0,"gaps":3,'
done
run score --target embedded "$EX/devon-primary.csv"
expect_out "- **Target level:** Embedded (3) on a scale"
expect_out "15 indicators are rated below the target (Embedded)"
expect_out "2 indicators are rated at or above the target (Embedded)."

case_ "--target not-yet: nothing is below it"
run score --target "not yet" -F json "$EX/devon-primary.csv"
expect_status 0
expect_json '"target":0,'
expect_json '"gaps":[],'

case_ "--target that is not a level"
run score --target 7 "$EX/devon-primary.csv"
expect_status 2
expect_out_empty
expect_err "unknown target level '7': expected one of 0-3, not yet, emerging, established, embedded"
run score --target sometimes -o "$T/t.md" "$EX/devon-primary.csv"
expect_status 2
expect_file_absent "$T/t.md"

# ---------------------------------------------------------------------
# A framework file of its own: weights, a 1-4 scale, a phase.
#   Welcome and Care  w-a 4 (weight 2), w-b 1:  (8 + 1) / (8 + 4) = 75.0%
#   Value and Include v-a 2, v-b 4 (weight 3, early years only):
#                     (2 + 12) / (4 + 12) = 87.5%; school: 2/4 = 50.0%
#   Communicate       c-a 3 (weight 0.5), c-b 2 (weight 1.5):
#                     (1.5 + 3) / (2 + 6) = 56.25% -> 56.3% (halves up)
#   Work in Partnership p-a blank: null
#   overall = (75 + 87.5 + 56.25) / 3 = 72.917 -> 72.9
#   school: (75 + 50 + 56.25) / 3 = 60.417 -> 60.4
case_ "weights and a scale from 1"
run score -f "$D/weighted.xml" -F json "$D/weighted.csv"
expect_status 0
expect_json '"framework":"weighted",'
expect_json '"overall":72.9,'
expect_json '"score":75.0,'
expect_json '"score":87.5,'
expect_json '"score":56.3,'
expect_json '{"id":"work-in-partnership","title":"Work in Partnership","score":null,"rated":0,"total":1,"na":0,"not_evaluated":1,"at_target":0,"gaps":0,"band":"Not yet evaluated"'
expect_json '{"indicator":"w-b","cornerstone":"welcome-and-care","rating":1,"rating_label":"Starting","target":3,"weight":1.0,'
expect_json '{"indicator":"c-b","cornerstone":"communicate","rating":2,"rating_label":"Developing","target":3,"weight":1.5,'
run score -f "$D/weighted.xml" "$D/weighted.csv"
expect_out "| Communicate | 56.3% — 2 of 2 indicators rated, 1 at or above target, 1 below | Below target |"
expect_out "| **Overall** | **72.9%** — the average of 3 cornerstone scores; Work in Partnership is not yet evaluated | |"
expect_out "On this scale the lowest level counts as 1, not 0, so no score falls below 25.0%."
expect_out "Some indicators carry more weight than others"
expect_out "- **Rating:** Developing (2); the target is Secure (3); weight 1.5"
run score -f "$D/weighted.xml" --phase school -F json "$D/weighted.csv"
expect_json '"overall":60.4,'
expect_json '"score":50.0,"rated":1,"total":1,'

# ---------------------------------------------------------------------
# Output formats and files
case_ "-o infers the format from the extension"
run score -o "$T/r.json" "$EX/devon-primary.csv"
expect_status 0
expect_out_empty
check "r.json is JSON" grep -qF '"overall": 48.8,' "$T/r.json"
run score -o "$T/r.md" "$EX/devon-primary.csv"
expect_status 0
expect_file_has "$T/r.md" "| **Overall** | **48.8%**"
run score -o "$T/r.markdown" "$EX/devon-primary.csv"
expect_file_has "$T/r.markdown" "## Summary"
run score -o "$T/r.html" "$EX/devon-primary.csv"
expect_status 0
expect_file_has "$T/r.html" "<html"
expect_file_has "$T/r.html" "48.8%"
run score -F json -o "$T/forced.md" "$EX/devon-primary.csv"
expect_status 2
expect_err "-F json disagrees with the name '$T/forced.md'"
expect_file_absent "$T/forced.md"
run score -F json -o "$T/no-extension" "$EX/devon-primary.csv"
expect_status 0
expect_file_has "$T/no-extension" '"overall": 48.8,'
run score -o - -F json "$EX/devon-primary.csv"
expect_out '"overall": 48.8,'
run score --format=html --output="$T/long.html" --framework=devon "$EX/devon-primary.csv"
expect_status 0
expect_file_has "$T/long.html" "<html"

case_ "unknown format or option"
run score -F pdf "$EX/devon-primary.csv"
expect_status 2
expect_err "unknown format 'pdf'"
expect_out_empty
run score -F csv "$EX/devon-primary.csv"
expect_status 2
run score --colour "$EX/devon-primary.csv"
expect_status 2
expect_err "unknown option '--colour'"
run score -z "$EX/devon-primary.csv"
expect_status 2
expect_err "unknown option '-z'"
run score -F
expect_status 2
expect_err "needs an argument"
run score
expect_status 2
expect_err "no self-evaluation file given"
run score "$EX/devon-primary.csv" "$EX/west-sussex-secondary.csv"
expect_status 2
expect_err "give one self-evaluation file, not 2"
run score --phase kindergarten "$EX/devon-primary.csv"
expect_status 2
expect_err "unknown phase 'kindergarten'"

case_ "--help"
run score --help
expect_status 0
expect_out "Usage: oaip-eval score [OPTION]... FILE"
expect_out "--fail-under=N"
run help score
expect_status 0
expect_out "Usage: oaip-eval score"

# ---------------------------------------------------------------------
# --fail-under compares the overall score as shown (48.8).
case_ "--fail-under"
run score --fail-under 0 "$EX/devon-primary.csv"
expect_status 0
run score --fail-under 48.8 "$EX/devon-primary.csv"
expect_status 0
expect_no_err "below"
run score --fail-under 48.9 -o "$T/fu.md" "$EX/devon-primary.csv"
expect_status 1
expect_err "oaip-eval: overall score 48.8 is below --fail-under 48.9"
expect_file_has "$T/fu.md" "| **Overall** | **48.8%**"
run score --fail-under 60 -F json "$EX/devon-primary.csv"
expect_status 1
expect_err "oaip-eval: overall score 48.8 is below --fail-under 60"
expect_out '"overall": 48.8,'
run score --fail-under 100 "$D/blank.csv"
expect_status 1
run score --fail-under 0 -o "$T/blank.md" "$D/blank.csv"
expect_status 1
expect_err "no overall score"
expect_file_has "$T/blank.md" "| **Overall** | not scored — nothing is rated yet | |"
for bad in 101 -1 abc 50x "" nan; do
	run score --fail-under "$bad" "$EX/devon-primary.csv"
	expect_status 2
	expect_err "--fail-under '$bad' is not a number from 0 to 100"
done
for bad in 101% %60 "60%%" 60x%; do
	run score --fail-under "$bad" "$EX/devon-primary.csv"
	expect_status 2
	expect_err "--fail-under '$bad' is not a number from 0 to 100"
done

case_ "--fail-under takes 60% as well as 60"
run score --fail-under 60% -o "$T/fu60.md" "$EX/devon-primary.csv"
expect_status 1
expect_err "oaip-eval: overall score 48.8 is below --fail-under 60%"
check "the report is still written" test -s "$T/fu60.md"
run score --fail-under 48.8% "$EX/devon-primary.csv"
expect_status 0
run score --fail-under 0.5% "$EX/devon-primary.csv"
expect_status 0

# 0.6 would pass any school: it is almost always meant as 60%.
case_ "--fail-under refuses a fraction, with a hint"
for frac in 0.6 .6 0.99 0.05; do
	run score --fail-under "$frac" -o "$T/frac.md" "$EX/devon-primary.csv"
	expect_status 2
	expect_err "--fail-under '$frac' looks like a fraction: give a percentage (for 60%, write 60 or 60%)"
	expect_file_absent "$T/frac.md"
done

# ---------------------------------------------------------------------
# Nothing rated
case_ "a self-evaluation with nothing rated"
run score -F json "$D/blank.csv"
expect_status 0
expect_json '"overall":null,"rated":0,"total":20,'
expect_json '{"id":"communicate","title":"Communicate","score":null,"rated":0,"total":6,"na":0,"not_evaluated":6,"at_target":0,"gaps":0,"band":"Not yet evaluated"'

# ---------------------------------------------------------------------
# Bad input: exit 3, file:line on stderr, no report written.
case_ "bad rating"
run score -o "$T/bad.md" "$D/bad-rating.csv"
expect_status 3
expect_err "bad-rating.csv:4: error: rating 'often' is not one of 0-3, not yet, emerging, established, embedded, n/a"
expect_file_absent "$T/bad.md"
expect_out_empty

case_ "unknown indicator"
run score -F json "$D/unknown-indicator.csv"
expect_status 3
expect_err "unknown-indicator.csv:3: error: unknown indicator 'welcome-9'"
expect_out_empty

case_ "missing file and framework"
run score -o "$T/missing.md" "$T/no-such-file.csv"
expect_status 3
expect_err "no-such-file.csv"
expect_file_absent "$T/missing.md"
run score -f "$T/no-such-framework.xml" -o "$T/missing.md" "$EX/devon-primary.csv"
expect_status 3
expect_err "no-such-framework.xml"
expect_file_absent "$T/missing.md"
run score -f no-such-framework "$EX/devon-primary.csv"
expect_status 3

case_ "a failed run leaves an existing report untouched"
run score -o "$T/keep.md" "$EX/devon-primary.csv"
expect_status 0
cp "$T/keep.md" "$T/keep.orig"
run score -o "$T/keep.md" "$D/bad-rating.csv"
expect_status 3
check "keep.md unchanged after bad input" cmp -s "$T/keep.md" "$T/keep.orig"
run score --target 9 -o "$T/keep.md" "$EX/west-sussex-secondary.csv"
expect_status 2
check "keep.md unchanged after a usage error" cmp -s "$T/keep.md" "$T/keep.orig"
check "no temporary file left" sh -c "! ls '$T' | grep -q 'tmp-'"

case_ "an unwritable output"
run score -o "$T/no-such-dir/r.md" "$EX/devon-primary.csv"
expect_status 3
expect_err "no-such-dir/r.md"

# ---------------------------------------------------------------------
# School text is escaped: it reads the same but makes no markup.
case_ "injection in evidence and next steps"
run score "$D/injection.csv"
expect_status 0
expect_no_raw "<script>"
expect_no_out "](javascript:"
expect_no_out "](https:"
expect_no_raw "<img"
expect_no_raw "<script"
expect_no_raw "<b>"
expect_out '- **Evidence:** \[click\]\(javascript:alert(1)) !\[x\]\(https\://evil/x.png) \<script>alert(1)\</script> \| a \| b \|  '
expect_out '\# heading  '
expect_out '- **Next steps:** \- item  '
expect_out '1\. one  '
check "no heading made from evidence" sh -c "! grep -q '^# heading' '$out'"
run score -o "$T/inj.html" "$D/injection.csv"
expect_status 0
expect_file_lacks "$T/inj.html" "<script"
expect_file_lacks "$T/inj.html" "<img src=x"
run score -F json "$D/injection.csv"
expect_out '"evidence": "[click](javascript:alert(1)) ![x](https://evil/x.png) <script>alert(1)</script> | a | b |\n# heading\n<img src=x onerror=alert(1)>",'

# ---------------------------------------------------------------------
# "How scores are worked out" is true for the target in use.
case_ "--target embedded: the explanation fits the top level"
run score --target embedded "$EX/devon-primary.csv"
expect_status 0
# Bands with t = 100%: 60.0% is at least 50.0% (Below target), 41.7% and
# 33.3% are under it (Well below target).
expect_out "| Welcome and Care | 60.0% — 5 of 5 indicators rated, 1 at or above target, 4 below | Below target |"
expect_out "| Value and Include | 41.7% — 4 of 5 indicators rated, 0 at or above target, 4 below | Well below target (partly evaluated) |"
expect_out "| Work in Partnership | 33.3% — 3 of 4 indicators rated (1 not applicable), 0 at or above target, 3 below | Well below target |"
expect_out "For example, one indicator rated Embedded (3) and one rated Established (2) score (3 + 2) / (3 + 3) = 83.3%."
expect_no_out "(3 + 3) / (3 + 3)"
expect_out "The target is the top level of the scale, so a cornerstone scores 100.0% only when every rated indicator is at the target: any lower score means at least one gap."
expect_no_out "can hide gaps"
expect_no_out "at least 100.0%"
expect_no_out "**Above target:**"
expect_no_out "**Mostly at target:**"
expect_out "- **Below target:** some indicators are below the target, and the score is at least 50.0%."
expect_out "- **Well below target:** some indicators are below the target, and the score is under 50.0%."

case_ "--target not-yet: the explanation fits the lowest level"
run score --target 0 "$EX/devon-primary.csv"
expect_status 0
# Nothing can be below Not yet: no gaps, and a cornerstone with a Not yet
# rating is at the target (the lowest level), never "Established".
expect_out "| Welcome and Care | 60.0% — 5 of 5 indicators rated, 5 at or above target | Above target |"
expect_out "| Value and Include | 41.7% — 4 of 5 indicators rated, 4 at or above target | At target (partly evaluated) |"
expect_out "| Work in Partnership | 33.3% — 3 of 4 indicators rated (1 not applicable), 3 at or above target | At target |"
expect_out "The target, Not yet (0), is the lowest level of the scale, so no rated indicator can be below it and none is listed as a gap."
expect_out "(0 + 1) / (3 + 3) = 16.7%"
expect_no_out "at least 0.0%"
expect_no_out "**Below target:**"
expect_no_out "**Well below target:**"
expect_no_out "**Mostly at target:**"
expect_out "- **Above target:** every rated indicator is at or above the target, and the score is at least 50.0%."

# ---------------------------------------------------------------------
# One indicator rated Embedded in each cornerstone, 16 of 20 blank: four
# scores of 100.0% that say little.
case_ "one indicator rated per cornerstone"
run score "$D/one-each.csv"
expect_status 0
expect_out "**Only 4 of 20 indicators are rated so far: these scores say little yet.**"
check "the caution comes before the scores" sh -c "grep -n 'Only 4 of 20' '$out' | cut -d: -f1 | { read a; b=\$(grep -n '^| Welcome and Care' '$out' | cut -d: -f1); [ \"\$a\" -lt \"\$b\" ]; }"
expect_out "| Welcome and Care | 100.0% — 1 of 5 indicators rated, 1 at or above target | Too few rated to judge |"
expect_out "| Value and Include | 100.0% — 1 of 5 indicators rated, 1 at or above target | Too few rated to judge |"
expect_out "| Communicate | 100.0% — 1 of 6 indicators rated, 1 at or above target | Too few rated to judge |"
expect_out "| Work in Partnership | 100.0% — 1 of 4 indicators rated, 1 at or above target | Too few rated to judge |"
expect_out "| **Overall** | **100.0%** — the average of 4 cornerstone scores | Too few rated to judge |"
expect_no_out "Above target |"
run score -F json "$D/one-each.csv"
expect_json '"score":100.0,"rated":1,"total":5,"na":0,"not_evaluated":4,"at_target":1,"gaps":0,"band":"Too few rated to judge"'

# ---------------------------------------------------------------------
# A cornerstone all n/a, one with no indicator in the phase, and a scale
# with a level called "Developing".
#   Welcome and Care  w-a 2, w-b 1 of 0-2, target 1 (Developing):
#                     3/4 = 75.0%, no gaps; t = 50%, "Above target" from 75%
#   Value and Include v-a 0: 0.0%, a gap, under 25%: Well below target
#   Communicate       both n/a: Not applicable
#   Work in Partnership p-a is early years only: Not part of this phase
#   overall = (75 + 0) / 2 = 37.5
case_ "cornerstones left out of the overall say why"
run score -f "$D/phased.xml" --phase school "$D/phased.csv"
expect_status 0
expect_out "| Welcome and Care | 75.0% — 2 of 2 indicators rated, 2 at or above target | Above target |"
expect_out "| Value and Include | 0.0% — 1 of 1 indicator rated, 0 at or above target, 1 below | Well below target |"
expect_out "| Communicate | not scored — 0 of 2 indicators rated (2 not applicable) | Not applicable |"
expect_out "| Work in Partnership | not scored — no indicator applies in this phase | Not part of this phase |"
expect_out "| **Overall** | **37.5%** — the average of 2 cornerstone scores; Communicate is not applicable; Work in Partnership is not part of this phase | |"
expect_out "- **Not part of this phase:** none of the cornerstone's indicators applies in this phase."
check "no band is a level's name" sh -c "! grep -E '\| (Not started|Developing|Secure)( \(partly evaluated\))? \|\$' '$out'"
run score -f "$D/phased.xml" --phase school -F json "$D/phased.csv"
expect_json '"title":"Communicate","score":null,"rated":0,"total":2,"na":2,"not_evaluated":0,"at_target":0,"gaps":0,"band":"Not applicable"'
expect_json '"title":"Work in Partnership","score":null,"rated":0,"total":0,"na":0,"not_evaluated":0,"at_target":0,"gaps":0,"band":"Not part of this phase"'
run score -f "$D/phased.xml" "$D/phased.csv"
expect_out "| Work in Partnership | 100.0% — 1 of 1 indicator rated, 1 at or above target | Above target |"
expect_no_out "**Not part of this phase:**"

# ---------------------------------------------------------------------
# Sections in SPEC.md's order; strengths with the school's evidence.
case_ "sections in order, strengths with evidence"
run score "$EX/devon-primary.csv"
got=$(grep '^## ' "$out" | tr '\n' '|')
check "sections in order" test "$got" = "## Summary|## How scores are worked out|## Strengths|## Gaps: indicators below the target|## Not yet evaluated|## Not applicable|## About the framework|"
expect_out "- **welcome-2** (Embedded): Care about the wellbeing of parent carers."
expect_out "  - **Evidence:** Coffee mornings each half term; 14 parent carers attended in autumn."
expect_out "  - **Next steps:** Ask the parent carers who come what would make the sessions easier to get to, and try one after school."

case_ "standard input"
run_in "$EX/devon-primary.csv" score -
expect_status 0
expect_out "# Partnership with parent carers: self-evaluation"
expect_out "- **Self-evaluation file:** standard input"
expect_no_out "**School:**"
expect_out "| **Overall** | **48.8%**"

# ---------------------------------------------------------------------
# Addresses in school text are shown, never made into links by GitHub.
case_ "no autolinks from evidence"
run score "$D/links.csv"
expect_status 0
wj=$(printf '\342\201\240')
expect_out "- **Evidence:** See www\\.example.org and https\\://example.org/send or write to head$wj\\@school.example.org"
expect_out "- **Next steps:** mailto:senco$wj\\@school.example.org"
expect_no_raw "www\\."
expect_no_raw "://"

finish
