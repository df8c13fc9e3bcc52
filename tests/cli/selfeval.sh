# selfeval.sh - self-evaluation CSVs through the program: the examples
# score, each kind of bad input exits 3 with its file:line and writes
# nothing, and validate reports the same problems.
. "$top_srcdir/tests/cli/lib.sh"

D=$top_srcdir/tests/data/selfeval
E=$top_srcdir/examples
LEVELS="0-3, not yet, emerging, established, embedded, n/a"

# bad FILE MESSAGE: score exits 3 with MESSAGE on stderr, nothing on stdout
# and no report file; validate finds the same problem (exit 1).
bad() {
	file=$D/$1
	case_ "$1"
	run score "$file"
	expect_status 3
	expect_err "$file:$2"
	expect_out_empty
	run score -o "$T/report.html" "$file"
	expect_status 3
	expect_file_absent "$T/report.html"
	run validate -f devon "$file"
	expect_status 1
	expect_err "$file:$2"
}

bad bad-rating.csv "5: error: rating 'sometimes' is not one of $LEVELS"
bad unknown-indicator.csv "3: error: unknown indicator 'welcom-2' (did you mean 'welcome-2'?)"
bad duplicate.csv "5: error: duplicate indicator 'welcome-1' (first on line 2)"
bad missing-column.csv "1: error: missing required column 'rating' (the header has 'indicator', 'evidence')"
bad unterminated.csv "3: error: unterminated quoted field"
bad stray-quote.csv "2: error: unexpected '\"' in a field that does not start with one"
bad binary.csv "3: error: binary file"
bad empty.csv "1: error: empty file: expected a header row with the columns 'indicator' and 'rating'"
bad utf16.csv "1: error: UTF-16 text is not supported"

case_ "every error in a file is reported, each on its own line"
printf 'indicator,rating,evidence\nwelcome-1,often,"two\nlines"\nwelcom-2,2,\nwelcome-3,2,\nwelcome-3,3,\n' >"$T/many.csv"
run score "$T/many.csv"
expect_status 3
expect_err "$T/many.csv:2: error: rating 'often' is not one of $LEVELS"
expect_err "$T/many.csv:4: error: unknown indicator 'welcom-2' (did you mean 'welcome-2'?)"
expect_err "$T/many.csv:6: error: duplicate indicator 'welcome-3' (first on line 5)"
check "three errors" test "$(grep -c ': error: ' "$err")" -eq 3
expect_out_empty

case_ "a return made for another framework: recognised without -f, one error with the wrong -f"
run score "$E/west-sussex-secondary.csv"
expect_status 0
expect_err "$E/west-sussex-secondary.csv: note: framework 'west-sussex' recognised from the indicator ids (give -f to choose another)"
check "one line on stderr" test "$(wc -l <"$err")" -eq 1
expect_out "West Sussex"
run score -f devon "$E/west-sussex-secondary.csv"
expect_status 3
expect_err "$E/west-sussex-secondary.csv: error: the indicators are those of framework 'west-sussex', not 'devon': use -f west-sussex"
check "one error, not one per indicator" test "$(wc -l <"$err")" -eq 1
expect_out_empty

case_ "examples/devon-primary.csv scores"
run score "$E/devon-primary.csv"
expect_status 0
expect_no_err "error"
expect_no_err "note"
expect_out "devon primary"

case_ "examples/west-sussex-secondary.csv scores for post-16"
run score -f west-sussex --phase post-16 "$E/west-sussex-secondary.csv"
expect_status 0
expect_no_err "error"
run validate -f west-sussex "$E/west-sussex-secondary.csv"
expect_status 0

case_ "examples/excel-export-windows1252.csv: read as Windows-1252, one note"
run score "$E/excel-export-windows1252.csv"
expect_status 0
expect_err "$E/excel-export-windows1252.csv: note: not valid UTF-8; read as Windows-1252"
check "exactly one line on stderr" test "$(wc -l <"$err")" -eq 1
# the school's words reach the report as UTF-8
expect_out "Parents’ evening slots"
expect_out "£300 from the PTA"
run validate -f devon "$E/excel-export-windows1252.csv"
expect_status 0
expect_err "note: not valid UTF-8; read as Windows-1252"

case_ "UTF-8 with a BOM and CRLF line ends"
run validate -f devon "$D/bom-crlf.csv"
expect_status 0
expect_no_err "error"
expect_no_err "note"
run score -F json "$D/bom-crlf.csv"
expect_status 0
expect_out '"framework"'

case_ "a header with no rows: nothing evaluated yet, not an error"
run score -F json "$D/header-only.csv"
expect_status 0
expect_no_err "error"

case_ "standard input"
run_in "$E/devon-primary.csv" score -
expect_status 0
expect_out "standard input"
run_in "$D/bad-rating.csv" score -
expect_status 3
expect_err "<stdin>:5: error: rating 'sometimes'"
expect_out_empty

case_ "a missing file"
run score "$T/no-such-school.csv"
expect_status 3
expect_err "$T/no-such-school.csv"
expect_out_empty

finish
