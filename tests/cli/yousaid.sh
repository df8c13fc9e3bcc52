# yousaid.sh - oaip-eval you-said: the statements fewest parent carers
# agreed with, in their words with counts, beside the school's evidence
# and next steps; small numbers never shown; no scores; privacy and
# escaping; bad input; one A4 page when printed by Chromium.
. "$top_srcdir/tests/cli/lib.sh"

EX=$top_srcdir/examples
SV=$top_srcdir/tests/data/survey
SURVEY=$EX/devon-parent-survey.csv
NEW=$EX/devon-primary.csv

# examples/devon-parent-survey.csv: 14 parent carers.  Fewest agree with
# C3 "Staff listen to me calmly and with respect." (5 of 14), then V1 and
# V4 (10 of 13, one Don't know each; V1 comes first in framework order).
case_ "you-said: Markdown"
run you-said --survey "$SURVEY" "$NEW"
expect_status 0
expect_out "# You said, we did"
expect_out "Thank you to the 14 parent carers who answered our survey."
expect_out "## “Staff listen to me calmly and with respect.”"
expect_out "**You said:** 5 of the 14 parent carers who answered agree, and 9 disagree."
expect_out "**We did:** In follow-up calls, 4 of the 5 parent carers"
expect_out "**We will:** We are still deciding what to do next, and will tell you."
expect_out "## “The school finds out what I need as a parent carer.”"
expect_out "**You said:** 10 of the 13 parent carers who answered agree, and 3 disagree. 1 said they did not know."
expect_out "**We will:** Add \"What would help you?\" to the SEN support review form."
check "three statements" test "$(grep -c '^## ' "$out")" -eq 3
check "C3 first" sh -c "grep '^## ' '$out' | head -1 | grep -q 'calmly'"
# the school's name and the date
expect_out "**devon primary** · 2026-11-23"
expect_out "They are not Devon County Council’s words."

case_ "you-said: no scores, levels or percentages"
expect_no_out "%"
expect_no_out "Embedded"
expect_no_out "Emerging"
expect_no_out "score"

case_ "you-said: identifying columns never reach the page"
run you-said --survey "$SV/microsoft-forms.csv" "$NEW"
expect_status 0
expect_no_out "Zebedee"
expect_no_out "@example.org"
expect_no_err "Zebedee"
expect_no_err "@example.org"
# comments are not part of this page
expect_no_out "javascript"

case_ "you-said: too few respondents share nothing"
run you-said --survey "$SV/entry-nine.csv" "$NEW"
expect_status 0
expect_out "Fewer than 10 parent carers answered, so we are not sharing the results"
expect_err "warning: fewer than 10 parent carers answered the survey"
check "no statement" test "$(grep -c '^## ' "$out")" -eq 0
run you-said --min-responses 5 --survey "$SV/entry-nine.csv" "$NEW"
expect_status 0
check "with K=5, statements" test "$(grep -c '^## ' "$out")" -eq 3

case_ "you-said: HTML, escaped"
printf 'indicator,rating,evidence,next_steps\ncommunicate-3,3,"<script>alert(1)</script>","[x](javascript:alert(1)) <b>"\n' >"$T/hostile.csv"
run you-said --school "<img src=x>" -F html --survey "$SURVEY" "$T/hostile.csv"
expect_status 0
expect_no_out "<script>"
expect_no_out "<img"
expect_no_out "<b>"
expect_out "&lt;script&gt;"
expect_out "&lt;img src=x&gt;"
run you-said --survey "$SURVEY" "$T/hostile.csv"
expect_no_out "](javascript:"
expect_no_raw "<script>"
expect_out "\\<script>"

case_ "you-said: long text is shortened, so the page stays one sheet"
long="We met parent carers and talked about it again"
long="$long $long $long $long $long $long $long $long $long $long $long"
printf 'indicator,rating,evidence,next_steps\n' >"$T/long.csv"
for i in communicate-3 value-1 value-4; do
	printf '%s,1,"%s","%s"\n' "$i" "$long" "$long" >>"$T/long.csv"
done
run you-said -o "$T/long.html" --survey "$SURVEY" "$T/long.csv"
expect_status 0
check "shortened with an ellipsis" grep -q 'talked about …</dd>' "$T/long.html"

case_ "you-said: usage and bad input"
run you-said "$NEW"
expect_status 2
expect_err "--survey is required"
run you-said --survey "$SURVEY"
expect_status 2
expect_err "no self-evaluation file given"
run you-said -F json --survey "$SURVEY" "$NEW"
expect_status 2
expect_err "unknown format 'json': expected markdown or html"
run you-said -o "$T/page.csv" --survey "$SURVEY" "$NEW"
expect_status 2
expect_file_absent "$T/page.csv"
cp "$SURVEY" "$T/answers.csv"
run you-said -o "$T/answers.csv" --survey "$T/answers.csv" "$NEW"
expect_status 2
expect_err "also an input"
check "survey untouched" cmp -s "$SURVEY" "$T/answers.csv"
printf 'indicator,rating\nwelcome-1,sometimes\n' >"$T/bad.csv"
run you-said -o "$T/bad.html" --survey "$SURVEY" "$T/bad.csv"
expect_status 3
expect_err "bad.csv:2: error: rating 'sometimes'"
expect_file_absent "$T/bad.html"
printf 'W1,W2\nSA,sometimes\n' >"$T/bad-survey.csv"
run you-said -o "$T/bad.html" --survey "$T/bad-survey.csv" "$NEW"
expect_status 3
expect_err "bad-survey.csv:2"
expect_file_absent "$T/bad.html"
run you-said --help
expect_status 0
expect_out "Usage: oaip-eval you-said"

# Printed by Chromium, the page is one A4 sheet, for the example and for
# the longest text the page shows.
case_ "you-said: one A4 page in Chromium"
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chrome" ] && command -v pdfinfo >/dev/null 2>&1; then
	run you-said -o "$T/page.html" --survey "$SURVEY" "$NEW"
	for page in page long; do
		"$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
			--disable-background-networking --disable-component-update \
			--disable-sync --user-data-dir="$T/chrome" \
			--print-to-pdf="$T/$page.pdf" "file://$T/$page.html" \
			>/dev/null 2>&1
		pages=$(pdfinfo "$T/$page.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
		check "$page.html prints on one page (got '$pages')" test "$pages" = 1
		check "$page.pdf is A4" sh -c "pdfinfo '$T/$page.pdf' | grep -q 'Page size:.*(A4)'"
	done
else
	echo "chromium or pdfinfo not found: print test skipped"
fi

finish
