# validate.sh - 'oaip-eval validate': framework XML and self-evaluations.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/frameworks

case_ "the shipped frameworks are valid"
for f in "$top_srcdir"/frameworks/*.xml; do
	run validate "$f"
	expect_status 0
	expect_out "$(basename "$f"): ok (framework '"
	check "nothing on stderr for $(basename "$f")" test ! -s "$err"
done
run validate "$top_srcdir/frameworks/devon.xml" "$data/custom.xml"
expect_status 0
expect_out "devon.xml: ok (framework 'devon', 20 indicators)"
expect_out "custom.xml: ok (framework 'custom', 4 indicators)"

case_ "broken frameworks: every problem with file and line"
check_broken() {
	file=$1 line=$2 message=$3
	run validate "$data/$file"
	expect_status 1
	expect_err "$file:$line: error: $message"
	expect_out_empty
}
check_broken duplicate-id.xml 20 "duplicate id 'c-welcome' (first used on line 19)"
check_broken unknown-cornerstone.xml 26 "unknown cornerstone 'talk': expected welcome-and-care, value-and-include, communicate or work-in-partnership"
check_broken no-cornerstone.xml 31 "indicator 'c-partner' has no cornerstone"
check_broken cornerstone-without-indicator.xml 3 "no indicator belongs to cornerstone 'work-in-partnership'"
check_broken scale-order.xml 11 "level value 10 is not greater than the value of the level before it (12)"
check_broken bad-target.xml 8 "scale target 'great' is not a level: expected one of none, some, good"
check_broken not-well-formed.xml 14 "opening and ending tag mismatch"
check "one message for a well-formedness error" test "$(wc -l <"$err")" -eq 1
check_broken schema.xml 21 "did not expect element exemple there"

case_ "parent carers' questions: at most 150 characters, no two alike"
run validate "$data/bad-asks.xml"
expect_status 1
expect_err "bad-asks.xml:25: error: ask of indicator 'c-value' is 155 characters long: at most 150 fit on a form"
expect_err "bad-asks.xml:34: error: ask of indicator 'c-communicate' is the same as the ask of 'c-welcome' (line 21)"

case_ "several problems in one file are reported together"
run validate "$data/several.xml"
expect_status 1
expect_err "several.xml:8: error: scale target 'great' is not a level"
expect_err "several.xml:20: error: duplicate id 'c-welcome'"
expect_err "several.xml:21: error: did not expect element exemple there"
expect_err "several.xml:26: error: unknown cornerstone 'talk'"
expect_err "several.xml:31: error: weight '0' is not a positive number"

case_ "good and bad files together"
run validate "$data/custom.xml" "$data/duplicate-id.xml"
expect_status 1
expect_out "custom.xml: ok"
expect_no_out "duplicate-id.xml"
expect_err "duplicate-id.xml:20:"

case_ "--format github"
run validate --format github "$data/duplicate-id.xml" "$data/custom.xml"
expect_status 1
expect_out "::error file=$data/duplicate-id.xml,line=20::duplicate id 'c-welcome' (first used on line 19)"
expect_out "custom.xml: ok"
check "nothing on stderr" test ! -s "$err"
run validate --format xml "$data/custom.xml"
expect_status 2
expect_err "unknown format 'xml': expected text or github"

case_ "document type declarations are refused; files are never revealed"
printf 'SECRET-%s\n' 9f3a71 >"$T/secret.txt"
cat >"$T/xxe.xml" <<EOF2
<?xml version="1.0"?>
<!DOCTYPE framework [
  <!ENTITY s SYSTEM "file://$T/secret.txt">
]>
<framework id="x"><title>&s;</title></framework>
EOF2
run validate "$T/xxe.xml"
expect_status 1
expect_err "xxe.xml:2: error: document type declarations are not allowed"
expect_no_err "SECRET-9f3a71"
expect_no_out "SECRET-9f3a71"
check "one message" test "$(wc -l <"$err")" -eq 1
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE framework ['
	echo '<!ENTITY a "lollollollollollollollollollol">'
	prev=a
	for e in b c d e f g h i j k l m n o p; do
		printf '<!ENTITY %s "' "$e"
		for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&%s;' "$prev"; done
		printf '">\n'
		prev=$e
	done
	echo ']>'
	echo '<framework id="x"><title>&p;</title></framework>'
} >"$T/laughs.xml"
run validate "$T/laughs.xml"
expect_status 1
expect_err "laughs.xml:2: error: document type declarations are not allowed"
check "one message" test "$(wc -l <"$err")" -eq 1

case_ "unreadable files"
run validate "$T/missing.xml"
expect_status 3
expect_err "missing.xml: error: no such file or directory"
run validate "$data/duplicate-id.xml" "$T/missing.csv"
expect_status 3
expect_err "duplicate-id.xml:20:"
expect_err "missing.csv: error: no such file or directory"
if [ "$(id -u)" -ne 0 ]; then
	cp "$data/custom.xml" "$T/locked.xml"
	chmod 000 "$T/locked.xml"
	run validate "$T/locked.xml"
	expect_status 3
	expect_err "locked.xml: error: cannot open file: Permission denied"
fi

case_ "usage errors"
run validate
expect_status 2
expect_err "no file to validate"
run validate --bogus "$data/custom.xml"
expect_status 2
expect_err "unknown option '--bogus'"
run validate --help
expect_status 0
expect_out "Usage: oaip-eval validate"

case_ "a file is a framework by name or by content"
{
	# A byte order mark and blank space, then no XML declaration.
	printf '\357\273\277  \n'
	sed 1d "$data/custom.xml"
} >"$T/framework.txt"
run validate "$T/framework.txt"
expect_status 0
expect_out "framework.txt: ok (framework 'custom', 4 indicators)"

case_ "self-evaluation CSVs"
printf 'indicator,rating\nwelcome-1,3\nwelcome-2,n/a\n' >"$T/school.csv"
run validate "$T/school.csv"
expect_status 0
expect_out "school.csv: ok (self-evaluation for framework 'devon': 20 indicators, 1 rated, 1 n/a, 18 not evaluated)"
printf 'indicator,rating\nwelcome-1,3\nwelcome-2,sometimes\n' >"$T/bad.csv"
run validate "$T/bad.csv" "$T/school.csv"
expect_status 1
expect_err "bad.csv:3: error: rating 'sometimes' is not one of 0-3, not yet, emerging, established, embedded, n/a"
expect_out "school.csv: ok"

case_ "a return with nothing rated is valid, but not called ok"
"$OAIP" template >"$T/blank.csv"
run validate "$T/blank.csv"
expect_status 0
expect_out "blank.csv: valid, but nothing is rated (self-evaluation for framework 'devon': 20 indicators, 0 rated, 0 n/a, 20 not evaluated)"
expect_no_out "blank.csv: ok"
expect_err "blank.csv: warning: nothing is rated: every indicator is blank or n/a (is this a blank template?)"
printf 'indicator,rating\nwelcome-1,n/a\n' >"$T/all-na.csv"
run validate "$T/all-na.csv"
expect_out "all-na.csv: valid, but nothing is rated"
run validate --format github "$T/blank.csv"
expect_out "::warning file=$T/blank.csv::nothing is rated"

case_ "a directory: every .csv in it, in name order, as for compare"
mkdir -p "$T/returns" "$T/returns/sub" "$T/empty"
cp "$top_srcdir/examples/devon-primary.csv" "$T/returns/b-school.csv"
cp "$T/school.csv" "$T/returns/a-school.csv"
cp "$T/bad.csv" "$T/returns/c-school.csv"
cp "$T/blank.csv" "$T/returns/.hidden.csv"
cp "$T/bad.csv" "$T/returns/sub/d-school.csv"
echo 'notes' >"$T/returns/notes.txt"
run validate "$T/returns"
expect_status 1
expect_out "$T/returns/a-school.csv: ok"
expect_out "$T/returns/b-school.csv: ok (self-evaluation for framework 'devon': 20 indicators, 17 rated"
expect_err "$T/returns/c-school.csv:3: error: rating 'sometimes'"
expect_no_out "hidden"
expect_no_out "notes.txt"
expect_no_err "d-school"
expect_no_err "is a directory"
check "in name order" test "$(sed -n 's/: ok.*//p' "$out" | tr '\n' ' ')" = "$T/returns/a-school.csv $T/returns/b-school.csv "
run validate "$T/returns/"
expect_out "$T/returns/a-school.csv: ok"
run validate "$T/empty"
expect_status 3
expect_err "$T/empty: warning: no .csv or .xlsx files in this directory"
expect_err "oaip-eval: error: no files to validate"
run validate "$T/empty" "$T/school.csv"
expect_status 0
expect_out "school.csv: ok"
run validate "$T/no-such-dir/"
expect_status 3
expect_err "$T/no-such-dir/: error: no such file or directory"

case_ "-f loads a framework from a file"
printf 'indicator,rating\nc-value,Some\nc-partner,10\n' >"$T/custom.csv"
run validate -f "$data/custom.xml" "$T/custom.csv"
expect_status 0
expect_out "custom.csv: ok (self-evaluation for framework 'custom': 4 indicators, 2 rated, 0 n/a, 2 not evaluated)"
run validate -f "$data/custom.xml" "$T/school.csv"
expect_status 1
expect_err "school.csv: error: the indicators are those of framework 'devon', not 'custom': use -f devon"
run validate -f "$data/bad-target.xml" "$T/custom.csv"
expect_status 3
expect_err "bad-target.xml:8: error: scale target 'great' is not a level"
run validate -f nope "$T/custom.csv"
expect_status 3
expect_err "unknown framework 'nope'"

case_ "the example in oaip-framework(5) is valid"
man=$top_srcdir/man/oaip-framework.5
if grep -q 'example-begin' "$man" 2>/dev/null && grep -q 'example-end' "$man"; then
	sed -n '/^\.\\" example-begin/,/^\.\\" example-end/p' "$man" |
		sed -e '1d' -e '$d' -e '/^\.Bd/d' -e '/^\.Ed/d' -e 's/\\e/\\/g' \
			>"$T/man-example.xml"
	run validate "$T/man-example.xml"
	expect_status 0
	expect_out "man-example.xml: ok (framework '"
else
	echo "SKIP: $man has no example-begin/example-end markers yet"
fi

finish
