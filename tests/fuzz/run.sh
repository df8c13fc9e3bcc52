#!/bin/sh
# run.sh SECONDS - build the libFuzzer targets with clang (ASan + UBSan) in
# build-fuzz/ and run each for SECONDS (default 60), seeded from examples/,
# frameworks/ and tests/data/ (fuzz_xlsx from the workbooks there,
# fuzz_survey from the parent carers' responses, CSV and workbooks).  A
# crash stops the run with its input saved under build-fuzz/; add that
# input to tests/data/regress/ (a survey's as survey-*.csv or .xlsx) so
# make check keeps it fixed.  Prints executions per target.
set -eu
cd "$(dirname "$0")/../.."
top=$(pwd)
seconds=${1:-60}
BUILD_DIR=build-fuzz CONFIGURE_FLAGS="CC=clang --enable-fuzzing" ./bootstrap
cd build-fuzz
mkdir -p corpus/csv corpus/xml corpus/pipeline corpus/xlsx corpus/survey
cp "$top"/examples/*.csv corpus/csv/
find "$top/tests/data" -name '*.csv' -exec cp {} corpus/csv/ \; 2>/dev/null || true
cp "$top"/examples/*.csv corpus/pipeline/
cp "$top"/frameworks/*.xml corpus/xml/
cp "$top"/examples/*.xlsx corpus/xlsx/
find "$top/tests/data" -name '*.xlsx' -size -200k -exec cp {} corpus/xlsx/ \; 2>/dev/null || true
find "$top/tests/data" -name '*.xml' -exec cp {} corpus/xml/ \; 2>/dev/null || true
cp "$top"/examples/devon-parent-survey.csv corpus/survey/
for d in survey area/surveys; do
	find "$top/tests/data/$d" -type f \( -name '*.csv' -o -name '*.xlsx' \) \
		-size -200k -exec cp {} corpus/survey/ \; 2>/dev/null || true
done

status=0
for t in selfeval:csv framework:xml pipeline:pipeline xlsx:xlsx survey:survey; do
	name=${t%%:*}
	corpus=corpus/${t#*:}
	echo "fuzz_$name: $seconds s"
	if ! ASAN_OPTIONS=detect_leaks=1 "./tests/fuzz/fuzz_$name" \
		-max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="fuzz_$name-" "$corpus" \
		>"fuzz_$name.log" 2>&1; then
		status=1
		echo "fuzz_$name: FAILED"
		tail -40 "fuzz_$name.log"
	fi
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "fuzz_$name.log" | sed "s/^/fuzz_$name: /"
done
exit $status
