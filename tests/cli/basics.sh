# basics.sh - the command skeleton: help, version, usage errors, exit
# statuses and write errors on standard output.
. "$top_srcdir/tests/cli/lib.sh"

case_ "--help lists every command"
run --help
expect_status 0
for c in template score compare validate frameworks show help; do
	expect_out "  $c "
done
expect_out "Exit status:"

case_ "--version"
run --version
expect_status 0
expect_out "oaip-eval "

case_ "help COMMAND shows that command's usage"
for c in template score compare validate frameworks show; do
	run help "$c"
	expect_status 0
	expect_out "$c"
	expect_out "Usage:"
done
run "$c" --help
expect_status 0
expect_out "Usage:"

case_ "no command is a usage error"
run
expect_status 2
expect_err "oaip-eval: no command given"
expect_err "Try 'oaip-eval --help'"
expect_out_empty

case_ "unknown command"
run frobnicate
expect_status 2
expect_err "unknown command 'frobnicate'"

case_ "unknown top-level option"
run --frobnicate
expect_status 2
expect_err "unknown option '--frobnicate'"

case_ "unknown option of a command names the command's help"
for c in template score compare validate frameworks show; do
	run "$c" --no-such-option
	expect_status 2
	expect_err "Try 'oaip-eval help $c'"
	expect_out_empty
done

case_ "a mistyped command or option gets a suggestion"
run scor "$top_srcdir/examples/devon-primary.csv"
expect_status 2
expect_err "oaip-eval: unknown command 'scor' (did you mean 'score'?)"
expect_out_empty
run valdiate x.csv
expect_err "unknown command 'valdiate' (did you mean 'validate'?)"
run hlep
expect_err "unknown command 'hlep' (did you mean 'help'?)"
run help scroe
expect_status 2
expect_err "unknown command 'scroe' (did you mean 'score'?)"
run --verison
expect_status 2
expect_err "unknown option '--verison' (did you mean '--version'?)"
run score --fial-under=60 "$top_srcdir/examples/devon-primary.csv"
expect_status 2
expect_err "unknown option '--fial-under=60' (did you mean '--fail-under'?)"
expect_err "Try 'oaip-eval help score'"
run compare --frameworks devon x.csv
expect_err "unknown option '--frameworks' (did you mean '--framework'?)"
# Nothing close: no guess.
run frobnicate
expect_no_err "did you mean"
run score --colour x.csv
expect_no_err "did you mean"

case_ "help for an unknown command"
run help frobnicate
expect_status 2
expect_err "unknown command 'frobnicate'"

case_ "help --help shows the general help"
run help --help
expect_status 0
expect_out "Usage: oaip-eval COMMAND"

case_ "a report never replaces a school's return"
cp "$top_srcdir/examples/devon-primary.csv" "$T/ours.csv"
cp "$T/ours.csv" "$T/ours.orig"
run score -o "$T/ours.csv" "$T/ours.csv"
expect_status 2
expect_err "the output '$T/ours.csv' is also an input"
check "score left the return untouched" cmp -s "$T/ours.csv" "$T/ours.orig"
ln -s "$T/ours.csv" "$T/link.md"
run score -o "$T/link.md" "$T/ours.csv"
expect_status 2
check "not even through a symbolic link" cmp -s "$T/ours.csv" "$T/ours.orig"
mkdir -p "$T/returns"
cp "$T/ours.csv" "$T/returns/a.csv"
run compare -o "$T/returns/a.csv" "$T/returns"
expect_status 2
expect_err "is also an input"
check "compare left the return untouched" cmp -s "$T/returns/a.csv" "$T/ours.orig"
run score -o "$T/report.csv" "$T/ours.csv"
expect_status 2
expect_err "names a CSV file, but score writes markdown, html or json"
expect_file_absent "$T/report.csv"

case_ "a write error on standard output is reported"
if [ -w /dev/full ]; then
	status=0
	"$OAIP" --help >/dev/full 2>"$err" || status=$?
	check "exit status is not 0 (was $status)" test "$status" -ne 0
	expect_err "cannot write to standard output"
	status=0
	"$OAIP" template >/dev/full 2>"$err" || status=$?
	check "template to a full disk fails (was $status)" test "$status" -ne 0
	expect_err "standard output"
	check "the error is reported once" test "$(grep -c 'standard output' "$err")" -eq 1
fi

finish
