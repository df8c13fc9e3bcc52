# man.sh - the manual pages are well-formed mdoc(7) and document every
# command, option and exit status the program has.
. "$top_srcdir/tests/cli/lib.sh"

if [ -z "${MANDOC:-}" ]; then
	echo "mandoc not found: install the mandoc package"
	exit 77
fi

case_ "mandoc -Tlint"
for page in "$top_srcdir"/man/*.[15]; do
	if "$MANDOC" -Tlint -W warning "$page" >"$T/lint" 2>&1; then
		pass
	else
		fail "$(basename "$page") is not lint-clean: $(head -3 "$T/lint")"
	fi
done

case_ "no merge leftovers in the manual pages and README"
# mandoc reads a conflict marker as text, so lint alone would not see one.
for page in "$top_srcdir"/man/*.[157] "$top_srcdir/README"; do
	[ -f "$page" ] || continue
	if grep -n '^<<<<<<< \|^=======$\|^>>>>>>> ' "$page" >"$T/markers"; then
		fail "$(basename "$page") holds merge leftovers: $(head -1 "$T/markers")"
	else
		pass
	fi
done

case_ "every command in --help is in oaip-eval(1)"
run --help
expect_status 0
for cmd in $(sed -n 's/^  \([a-z]\{2,\}\) .*/\1/p' "$out"); do
	check "oaip-eval(1) documents '$cmd'" grep -q "^\.Cm $cmd\$" "$top_srcdir/man/oaip-eval.1"
done

case_ "every long option of each command is in oaip-eval(1)"
for cmd in template score compare validate show frameworks plan you-said; do
	run help "$cmd"
	expect_status 0
	for opt in $(grep -o -- '--[a-z][a-z-]*' "$out" | sort -u); do
		name=${opt#--}
		check "oaip-eval(1) documents $cmd $opt" grep -q "^\.\(Op \)\?Fl -$name\|Fl -$name\b\|Fl [a-zA-Z] , Fl -$name" "$top_srcdir/man/oaip-eval.1"
	done
done

case_ "exit statuses 0-3 are documented"
sed -n '/^\.Sh EXIT STATUS/,/^\.Sh EXAMPLES/p' "$top_srcdir/man/oaip-eval.1" >"$T/exit"
for n in 0 1 2 3; do
	check "EXIT STATUS lists $n" grep -q "^\.It $n\$" "$T/exit"
done

finish
