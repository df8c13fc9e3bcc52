#!/bin/sh
# web/page.sh - compile the oaip-eval library and web/oaip_web.c to
# WebAssembly and assemble BUILD_DIR/web/oaip-eval.html.  Run by
# web/build.sh once the libraries are built; only what changed is rebuilt.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$1
web=$build/web

[ -f "$build/Makefile" ] || {
	echo "web: error: no native build in $build (run ./bootstrap first)" >&2
	exit 1
}
# The library's sources, as Makefile.am lists them; the generated ones
# (the built-in frameworks) come from the native build.
make -s --no-print-directory -C "$build" lib/builtin_data.c
sources=$(make -s --no-print-directory -C "$build" print-lib-sources)
version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' "$build/config.h")

jobs=$(nproc 2>/dev/null || echo 2)
[ "$jobs" -le 2 ] || jobs=2
make -s --no-print-directory -j"$jobs" -f "$here/web.mk" \
	top="$top" build="$build" out="$web" prefix="$web/prefix" \
	SOURCES="$sources"

python3 "$here/assemble.py" "$here/shell.html" "$web/oaip-eval.js" \
	"$here/page.js" "$version" "$web/oaip-eval.html"
