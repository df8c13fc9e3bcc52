# progress.sh - oaip-eval score --previous: "Since last time" over last
# year's and this year's example returns, in every format; a previous
# return that cannot be read, or is for another framework; -o never
# names the previous return; escaping.
. "$top_srcdir/tests/cli/lib.sh"

EX=$top_srcdir/examples
D=$top_srcdir/tests/data/progress
OLD=$EX/devon-primary-2025.csv
NEW=$EX/devon-primary.csv

json_compact() {
	tr -d '\n' <"$1" | sed -e 's/: /:/g' -e 's/,  */,/g' -e 's/{  */{/g' \
		-e 's/\[  */[/g' -e 's/  *}/}/g' -e 's/  *\]/]/g'
}
expect_json() {
	if json_compact "$out" | grep -qF -- "$1"; then pass; else fail "JSON lacks '$1'"; fi
}

# ---------------------------------------------------------------------
# Last year (devon-primary-2025.csv), by hand:
#   Welcome   welcome-1..5 = 2, 1, 2, 0, blank   5/12 = 41.7%, 4 of 5
#   Value     value-1 = 0, -2 blank, -3..5 = 1   3/12 = 25.0%, 4 of 5
#   Communic. 1, 0, 2, 1, 1, blank               5/15 = 33.3%, 5 of 6
#   Partner.  2, 1, blank, 0                     3/9  = 33.3%, 3 of 4
#   overall (41.667 + 25 + 33.333 + 33.333) / 4 = 33.3
# This year (devon-primary.csv, see score.sh): 60.0, 41.7, 60.0, 33.3,
# overall 48.8.  Changes as shown: +18.3, +16.7, +26.7, 0, overall +15.5.
# Up a level: welcome-2 (1->3), welcome-4 (0->1), value-1 (0->1),
# value-3, value-5, communicate-1, -5 (1->2), communicate-2 (0->1),
# communicate-3 (2->3); down: value-4 (1->0).  Gaps closed: welcome-2,
# value-3, value-5, communicate-1, communicate-5.  New gap: welcome-5
# (blank last year, Emerging now).
case_ "score --previous: Markdown"
run score --previous "$OLD" "$NEW"
expect_status 0
expect_out "## Since last time"
expect_out "Overall: 33.3% then, 48.8% now (up 15.5 points); indicators now 17 of 20 rated, was 16 of 20."
expect_out "| Welcome and Care | 41.7% | 60.0% | up 18.3 points | now 5 of 5 rated, was 4 of 5 |"
expect_out "| Value and Include | 25.0% | 41.7% | up 16.7 points | 4 of 5 rated, as last time |"
expect_out "| Communicate | 33.3% | 60.0% | up 26.7 points | 5 of 6 rated, as last time |"
expect_out "| Work in Partnership | 33.3% | 33.3% | no change | 3 of 4 rated, as last time |"
expect_out "9 indicators moved up a level and 1 indicator moved down; 5 gaps closed and 1 new gap."
expect_out "- **value-4:** was Emerging (1), now Not yet (0)"
expect_out "- **welcome-5:** was not rated, now Emerging (1)"
expect_out "| communicate-5 | Start a weekly SENCo drop-in after school. | SENCo drop-in every Thursday"
# the section sits after the summary, before the method
check "after the summary" sh -c "grep -n '^## ' '$out' | sed -n '2p' | grep -q 'Since last time'"

case_ "score --previous: JSON previous"
run score -F json --previous "$OLD" "$NEW"
expect_status 0
expect_json "\"previous\":{\"file\":\"$OLD\""
expect_json "\"overall\":33.3,\"overall_change\":15.5"
expect_json "{\"id\":\"welcome-and-care\",\"score\":41.7,\"change\":18.3,"
expect_json "{\"id\":\"work-in-partnership\",\"score\":33.3,\"change\":0.0,"
expect_json "{\"indicator\":\"value-4\",\"from\":1,\"to\":0}"
expect_json "{\"indicator\":\"welcome-2\",\"from\":1,\"to\":3}"
expect_json "\"gaps_closed\":[\"welcome-2\",\"value-3\",\"value-5\",\"communicate-1\",\"communicate-5\"]"
expect_json "\"new_gaps\":[\"welcome-5\"]"
check "moved holds 10" test "$(json_compact "$out" | grep -o '"from":' | wc -l)" -eq 10
# this year's report is unchanged around it
expect_json "\"overall\":48.8"

case_ "score --previous: HTML chart with a table alternative"
run score -o "$T/r.html" --previous "$OLD" "$NEW"
expect_status 0
check "section" grep -q '<h2 id="previous">Since last time</h2>' "$T/r.html"
check "contents entry" grep -q '<a href="#previous">Since last time</a>' "$T/r.html"
check "chart is an image with a title and description" \
	grep -q 'role="img" aria-labelledby="previous-chart-1-title previous-chart-1-desc"' "$T/r.html"
check "description repeats the numbers" \
	grep -q 'Welcome and Care: 41.7% last time, 60.0% this time (up 18.3 points).' "$T/r.html"
check "the table" grep -q "<caption id=\"previous-table-1-caption\">Each cornerstone" "$T/r.html"
check "bars say their series in words" grep -q 'Last time <tspan font-weight="700">41.7%</tspan>' "$T/r.html"

case_ "score without --previous has no such section"
run score "$NEW"
expect_no_out "Since last time"
run score -F json "$NEW"
expect_no_out '"previous"'

case_ "score --previous: a null score either side"
printf 'indicator,rating\nwelcome-1,2\n' >"$T/old.csv"
printf 'indicator,rating\nvalue-1,3\n' >"$T/new.csv"
run score -F json --previous "$T/old.csv" "$T/new.csv"
expect_status 0
expect_json "{\"id\":\"welcome-and-care\",\"score\":66.7,\"change\":null,"
expect_json "{\"id\":\"value-and-include\",\"score\":null,\"change\":null,"
expect_json "\"no_longer_rated\":[\"welcome-1\"]"
run score --previous "$T/old.csv" "$T/new.csv"
expect_out "| Welcome and Care | 66.7% | no score | no comparison | now 0 of 5 rated, was 1 of 5 |"
expect_out "An indicator left blank or marked not applicable is not counted as a gap closed."

case_ "score --previous: the previous return has errors"
run score -o "$T/bad.md" --previous "$D/old-bad.csv" "$NEW"
expect_status 3
expect_err "old-bad.csv:3: error: rating 'sometimes'"
expect_err "the last self-evaluation"
expect_file_absent "$T/bad.md"
run score --previous "$T/missing.csv" "$NEW"
expect_status 3
expect_err "missing.csv"

case_ "score --previous: another framework's return"
run score --previous "$EX/west-sussex-secondary.csv" "$NEW"
expect_status 3
expect_err "use different frameworks ('west-sussex' and 'devon')"
expect_out_empty
run score -f devon --previous "$EX/west-sussex-secondary.csv" "$NEW"
expect_status 3
expect_err "west-sussex-secondary.csv"
expect_err "the last self-evaluation"
expect_out_empty

case_ "score --previous: a return made with another version of the framework"
printf 'indicator,rating,evidence,next_steps\nwelcome-1,1,,Start a coffee morning\nwelcome-9,2,,Old step\nvalue-1,0,,\nvalue-2,1,,\ncommunicate-1,1,,\nwelcome-2,1,,\nwelcome-3,2,,\nwelcome-4,0,,\nwelcome-5,1,,\nvalue-3,1,,\nvalue-4,1,,\nvalue-5,1,,\ncommunicate-2,0,,\ncommunicate-3,2,,\ncommunicate-4,1,,\ncommunicate-5,1,,\npartnership-1,2,,\npartnership-2,1,,\npartnership-4,0,,\n' >"$T/old-version.csv"
run score --previous "$T/old-version.csv" "$NEW"
expect_status 0
expect_err "note: '$T/old-version.csv' was made with another version of the framework (indicators not in this one: 1; this one's not in it: 2)"
expect_out "The last self-evaluation was made with another version of the framework: 1 indicator of it is not in this one and 2 indicators of this one are not in it."
expect_out "### In the last self-evaluation, not in this framework"
expect_out "- **welcome-9:** was Established (2)"
expect_out "### In this framework, not in the last self-evaluation"
expect_out "- **communicate-6:** was not in the last self-evaluation, now not rated"
run score -F json --previous "$T/old-version.csv" "$NEW"
expect_json "\"gone_indicators\":[\"welcome-9\"]"
expect_json "\"new_indicators\":[\"communicate-6\",\"partnership-3\"]"
# a misspelt id in this year's return is still an error
printf 'indicator,rating\nwelcome-9,2\nwelcome-1,2\n' >"$T/typo.csv"
run score --previous "$OLD" "$T/typo.csv"
expect_status 3
expect_err "unknown indicator 'welcome-9'"

case_ "score --previous: -o never names the previous return"
cp "$OLD" "$T/last.csv"
run score -o "$T/last.csv" --previous "$T/last.csv" "$NEW"
expect_status 2
expect_err "also an input"
check "previous return untouched" cmp -s "$OLD" "$T/last.csv"

case_ "score --previous: text from a school is escaped"
run score -F html --previous "$D/old-hostile.csv" "$D/new-hostile.csv"
expect_status 0
expect_no_out "<script>"
expect_no_out "<img"
expect_out "&lt;script&gt;"
run score --previous "$D/old-hostile.csv" "$D/new-hostile.csv"
expect_no_out "](javascript:"
expect_no_raw "<script>"

finish
