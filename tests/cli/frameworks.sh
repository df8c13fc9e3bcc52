# frameworks.sh - 'oaip-eval frameworks' and 'oaip-eval show'.
. "$top_srcdir/tests/cli/lib.sh"

not_grep_file() { ! grep -q "$@"; }

data=$top_srcdir/tests/data/frameworks

case_ "frameworks lists every built-in with its counts"
run frameworks
expect_status 0
expect_out "devon"
expect_out "west-sussex"
expect_out "Devon County Council"
expect_out "West Sussex County Council"
expect_out "Working in partnership with parent carers"
# id, indicators, then Welcome and Care, Value and Include, Communicate,
# Work in Partnership; the default is marked with '*'.
check "devon row: default, 20 = 5/5/6/4" \
	grep -Eq '^devon \* +20 +5 +5 +6 +4 +Devon County Council' "$out"
check "west-sussex row: 21 = 2/6/7/6" \
	grep -Eq '^west-sussex +21 +2 +6 +7 +6 +West Sussex County Council' "$out"
expect_out "* the default framework, used when -f is not given"

case_ "frameworks options"
run frameworks --help
expect_status 0
expect_out "Usage: oaip-eval frameworks"
run help frameworks
expect_status 0
expect_out "Usage: oaip-eval frameworks"
run frameworks devon
expect_status 2
expect_err "unexpected argument 'devon'"
run frameworks --bogus
expect_status 2
expect_err "unknown option '--bogus'"

case_ "show devon holds every indicator and the quotes"
run show devon
expect_status 0
expect_out "# Working in partnership with parent carers"
expect_out "Publisher: Devon County Council"
expect_out "Target: 2 Established"
for c in "Welcome and Care" "Value and Include" "Communicate" "Work in Partnership"; do
	expect_out "**$c**"
done
for n in 1 2 3 4 5; do expect_out "\`welcome-$n\`"; done
for n in 1 2 3 4 5; do expect_out "\`value-$n\`"; done
for n in 1 2 3 4 5 6; do expect_out "\`communicate-$n\`"; done
for n in 1 2 3 4; do expect_out "\`partnership-$n\`"; done
expect_out "> School has helped me have confidence as a parent"
expect_out "> — Parent carer"
expect_out "What this could look like"
check "20 indicators listed" test "$(grep -c '^- `[a-z]*-[0-9]`' "$out")" -eq 20
check "nothing on stderr" test ! -s "$err"

case_ "show with no argument shows the default framework"
cp "$out" "$T/devon.md"
run show
expect_status 0
check "same as 'show devon'" cmp -s "$out" "$T/devon.md"

case_ "show west-sussex gives phases"
run show west-sussex
expect_status 0
for n in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17; do
	expect_out "\`e1-$n\`"
done
for n in 01 02 03 04; do expect_out "\`e2-$n\`"; done
expect_out "Expectation 1"
expect_out "*Value and Include · early years*"
expect_out "*Communicate · post-16*"

case_ "show a framework file"
run show "$data/custom.xml"
expect_status 0
expect_out "# Custom test framework"
expect_out "- 0 None (\`none\`): Nothing in place yet"
expect_out "Target: 10 Good"
expect_out "weight 2"
expect_out "> They know my name"
run show -o "$T/custom.md" "$data/custom.xml"
expect_status 0
expect_out_empty
check "written to -o" grep -q '^# Custom test framework' "$T/custom.md"

case_ "show -F html: one accessible page with every indicator, example and quote"
run show -F html devon
expect_status 0
expect_out '<!DOCTYPE html>'
expect_out '<html lang="en-GB">'
expect_out '<title>Working in partnership with parent carers</title>'
expect_out '<h1>Working in partnership with parent carers</h1>'
expect_out '<main id="main">'
expect_out '<nav aria-label="Contents">'
expect_out '<h2 id="scale">Rating scale</h2>'
expect_out 'Target: 2 Established.'
expect_out '<li><strong>Welcome and Care</strong>'
check "20 indicators listed" test "$(grep -c '<li class="indicator"><p><span class="ind-id">[a-z]*-[0-9]</span>' "$out")" -eq 20
expect_out '<blockquote><p>School has helped me have confidence as a parent.</p></blockquote>'
expect_out '<figcaption>— <cite>Parent carer</cite></figcaption>'
expect_out '<h4>What this could look like</h4>'
expect_out 'Parent carers are asked (W1): '
expect_out '@top-left{content:"Working in partnership with parent carers";'
check "no script" not_grep_file -i '<script' "$out"
check "headings in order" sh -c "grep -o '<h[1-6]' '$out' | uniq | tr -d '<h\n' | grep -qxE '12(3?4?)*'"
run show -o "$T/devon.html"
expect_status 0
expect_out_empty
check "-o x.html writes HTML" grep -q '^<!DOCTYPE html>' "$T/devon.html"
run show -F html west-sussex
expect_out '<span class="muted">Value and Include · early years</span>'
run show -F html "$data/custom.xml"
expect_out 'Target: 10 Good.'
expect_out 'weight 2'

case_ "show -F: only markdown and html"
run show -F json devon
expect_status 2
expect_err "unknown format 'json': expected markdown or html"
run show -o "$T/devon.json"
expect_status 2
expect_err "'$T/devon.json' names a json file, but show writes markdown or html"
expect_file_absent "$T/devon.json"
run show -F markdown -o "$T/devon-md.html"
expect_status 2
expect_err "-F markdown disagrees with the name '$T/devon-md.html'"
expect_file_absent "$T/devon-md.html"
run show -o "$T/devon.pdf"
expect_status 2
expect_err "names a .pdf file, but show cannot write one: give -o a .md or .html name"
expect_file_absent "$T/devon.pdf"

case_ "show refuses what it cannot load"
run show nope
expect_status 3
expect_err "unknown framework 'nope'"
expect_out_empty
run show "$data/duplicate-id.xml"
expect_status 3
expect_err "duplicate-id.xml:20: error: duplicate id 'c-welcome' (first used on line 19)"
expect_out_empty
run show "$T/missing.xml"
expect_status 3
expect_err "missing.xml: error: cannot open file"
run show -F html "$T/missing.xml"
expect_status 3
expect_out_empty
run show devon west-sussex
expect_status 2
expect_err "unexpected argument 'west-sussex'"

finish
