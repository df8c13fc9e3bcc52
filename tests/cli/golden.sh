#!/bin/sh
# golden.sh - whole reports for the examples, compared with the expected
# files in tests/golden/: a change of wording or layout shows as one diff
# to review.  After a deliberate change, `make update-golden` rewrites
# the expected files (UPDATE_GOLDEN=1) and the diff goes into the commit.
#
# Each report is made from the source tree with relative paths, with the
# date fixed by SOURCE_DATE_EPOCH and the version replaced by VERSION, so
# the files do not change from one machine, day or release to another.
. "${top_srcdir:?}/tests/cli/lib.sh"

golden=$top_srcdir/tests/golden
version=$("$OAIP" --version | sed 's/^oaip-eval //')

# golden NAME ARGS...: run the command in the source tree; its output,
# with the version masked, must equal tests/golden/NAME.
golden() {
	name=$1
	shift
	case_ "golden $name"
	status=0
	(cd "$top_srcdir" && ${TESTS_WRAPPER:-} "$OAIP" "$@") >"$out" 2>"$err" </dev/null || status=$?
	sed "s/oaip-eval $version/oaip-eval VERSION/g" "$out" >"$T/got"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$T/got" "$golden/$name"
		pass
		return
	fi
	if [ ! -f "$golden/$name" ]; then
		fail "no $golden/$name: run make update-golden"
	elif cmp -s "$golden/$name" "$T/got"; then
		pass
	else
		fail "differs from tests/golden/$name (make update-golden if meant):"
		diff -u "$golden/$name" "$T/got" | sed -n '1,40p'
	fi
}

for f in md html json; do
	golden "score-devon-primary.$f" score -F "$f" examples/devon-primary.csv
	golden "score-west-sussex-secondary.$f" score -f west-sussex \
		-F "$f" examples/west-sussex-secondary.csv
	golden "score-weighted.$f" score -f tests/data/score/weighted.xml \
		-F "$f" tests/data/score/weighted.csv
	golden "score-phased.$f" score -f tests/data/score/phased.xml \
		--phase school -F "$f" tests/data/score/phased.csv
done
for f in md html json csv; do
	golden "compare.$f" compare -F "$f" tests/data/compare/returns
done

finish
