#!/bin/sh
# web/build.sh - build the browser edition: build/web/oaip-eval.html.
#
#   sh web/build.sh [BUILD_DIR]
#
# Run by './bootstrap web' after the native build in BUILD_DIR (default
# build), which supplies the list of library sources (make
# print-lib-sources) and the generated lib/builtin_data.c.
#
# The libraries the command line links (libxml2, libcsv, cmark, jansson,
# zlib, libzip, libxlsxwriter) are built for WebAssembly with Emscripten
# from Debian's source packages, at exactly the versions installed on this
# machine (dpkg-query), with Debian's patches applied.  When the machine's
# apt sources have no deb-src entries, a sources file is added for the same
# Debian suites.  Emscripten's network "ports" are never used.
#
# Everything goes under BUILD_DIR/web: src/ (source packages), tree/
# (unpacked), obj/ (build directories), prefix/ (the built libraries),
# lib/ (the oaip-eval library's objects) and oaip-eval.html.  Each library
# is built once per version (a stamp in prefix/); reruns only rebuild the
# page.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=${1:-build}
case $build in
/*) ;;
*) build=$top/$build ;;
esac
web=$build/web
src=$web/src
tree=$web/tree
obj=$web/obj
prefix=$web/prefix
jobs=$(nproc 2>/dev/null || echo 2)
[ "$jobs" -le 2 ] || jobs=2
start_all=$(date +%s)

NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
export NODE_PATH
# Emscripten 3.1.6 loads WebAssembly with fetch() whenever it exists, which
# fails on a file path under Node.js >= 18: configure's test programs then
# could not run.
NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--no-experimental-fetch"
export NODE_OPTIONS
# Emscripten's own cache of system libraries ships with the Debian package.
# When it cannot be written (emcc takes a lock in it), a private cache is
# made of links to its files.
if [ -z "${EM_CACHE:-}" ] && [ ! -w /usr/share/emscripten/cache ]; then
	EM_CACHE=$web/emcache
	if [ ! -d "$EM_CACHE" ]; then
		cp -rs /usr/share/emscripten/cache "$EM_CACHE.tmp"
		rm -f "$EM_CACHE.tmp/cache.lock"
		mv "$EM_CACHE.tmp" "$EM_CACHE"
	fi
	export EM_CACHE
fi

log() { printf 'web: %s\n' "$*" >&2; }
die() {
	printf 'web: error: %s\n' "$*" >&2
	exit 1
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root or sudo to run: $*"
	fi
}

command -v emcc >/dev/null 2>&1 || die "emcc not found (apt-get install emscripten)"
mkdir -p "$src" "$tree" "$obj" "$prefix/lib" "$prefix/include" "$web/lib"

# ---- source packages ----------------------------------------------------
# The binary package the command line links, for each source package.
packages="libxml2:libxml2-dev libcsv:libcsv-dev cmark:libcmark-dev
jansson:libjansson-dev zlib:zlib1g-dev libzip:libzip-dev
libxlsxwriter:libxlsxwriter-dev"

# "1:1.2.13.dfsg-1" -> "1.2.13.dfsg-1": file names carry no epoch.
version_of() {
	v=$(dpkg-query -W -f '${source:Version}' "$1" 2>/dev/null) ||
		die "$1 is not installed (./bootstrap installs it)"
	[ -n "$v" ] || die "$1 is not installed (./bootstrap installs it)"
	printf '%s\n' "$v"
}

# deb-src entries for the Debian suites of the machine's deb entries.
add_deb_src() {
	list=/etc/apt/sources.list.d/oaip-eval-src
	log "adding deb-src entries for Debian's suites ($list.sources/.list)"
	tmp=$(mktemp)
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk 'BEGIN { RS = ""; ORS = "\n\n" }
		/(^|\n)Types:[^\n]*deb([ \n]|$)/ && /debian/ {
			gsub(/Types:[^\n]*/, "Types: deb-src"); print
		}' "$f"
	done >"$tmp"
	[ -s "$tmp" ] && as_root cp "$tmp" "$list.sources" &&
		as_root chmod 644 "$list.sources"
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -n 's/^[[:space:]]*deb[[:space:]]\(.*debian.*\)/deb-src \1/p' "$f"
	done >"$tmp"
	[ -s "$tmp" ] && as_root cp "$tmp" "$list.list" &&
		as_root chmod 644 "$list.list"
	rm -f "$tmp"
	as_root apt-get update -q >&2
}

fetched=false
for pair in $packages; do
	pkg=${pair%%:*}
	bin=${pair#*:}
	v=$(version_of "$bin")
	fv=${v#*:}
	if [ -f "$src/${pkg}_$fv.dsc" ]; then
		continue
	fi
	if ! apt-cache showsrc "$pkg" 2>/dev/null | grep -qx "Version: $v"; then
		$fetched && die "Debian's archive has no source for $pkg $v"
		add_deb_src
		fetched=true
	fi
	log "downloading the source of $pkg $v"
	(cd "$src" && apt-get source -q --download-only "$pkg=$v" >&2) ||
		die "could not download the source of $pkg $v"
done

# Unpack SOURCE VERSION (Debian's patches applied) into tree/; prints the
# directory.
unpack() {
	d=$tree/$1_$2
	if [ ! -f "$d/.unpacked" ]; then
		rm -rf "$d"
		log "unpacking $1 $2"
		dpkg-source --no-check -x "$src/$1_$2.dsc" "$d" >/dev/null
		touch "$d/.unpacked"
	fi
	printf '%s\n' "$d"
}

# Build one library unless its stamp for this version is there.
build_one() {
	pkg=$1
	bin=$2
	v=$(version_of "$bin")
	fv=${v#*:}
	stamp=$prefix/.built-${pkg}_$fv
	[ -f "$stamp" ] && return 0
	d=$(unpack "$pkg" "$fv")
	b=$obj/$pkg
	rm -rf "$b"
	mkdir -p "$b"
	log "building $pkg $v for WebAssembly"
	start=$(date +%s)
	# A subshell with its own set -e, outside any condition, so that the
	# first failing step stops the build.
	set +e
	(
		set -e
		"build_$pkg" "$d" "$b"
	) >"$b.log" 2>&1
	rc=$?
	set -e
	if [ $rc -ne 0 ]; then
		tail -40 "$b.log" >&2
		die "building $pkg failed (whole log: $b.log)"
	fi
	log "built $pkg in $(($(date +%s) - start)) s"
	touch "$stamp"
}

CFLAGS_WASM="-O2"
# Emscripten's toolchain file, with Node.js to run check programs (emcmake
# would add an option today's Node.js refuses).
cmake_wasm() {
	cmake -DCMAKE_TOOLCHAIN_FILE="$(em-config EMSCRIPTEN_ROOT)/cmake/Modules/Platform/Emscripten.cmake" \
		-DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node)" \
		-DCMAKE_BUILD_TYPE=Release \
		-DCMAKE_C_FLAGS="$CFLAGS_WASM" \
		-DCMAKE_INSTALL_PREFIX="$prefix" \
		-DCMAKE_PREFIX_PATH="$prefix" \
		-DCMAKE_FIND_ROOT_PATH="$prefix" \
		-DBUILD_SHARED_LIBS=OFF "$@"
}

build_zlib() {
	cd "$2"
	cp -a "$1"/. .
	CFLAGS="$CFLAGS_WASM" emconfigure ./configure --static --prefix="$prefix"
	emmake make -j"$jobs" libz.a
	emmake make install-libLTLIBRARIES install-headers 2>/dev/null ||
		{ cp libz.a "$prefix/lib/" && cp zlib.h zconf.h "$prefix/include/"; }
}

build_libcsv() {
	cd "$2"
	emcc $CFLAGS_WASM -c "$1/libcsv.c" -I"$1" -o libcsv.o
	emar rcs libcsv.a libcsv.o
	cp libcsv.a "$prefix/lib/"
	cp "$1/csv.h" "$prefix/include/"
}

build_libxml2() {
	cd "$2"
	# Minimal: no network, no iconv, no threads, no compression, no Python.
	CFLAGS="$CFLAGS_WASM" emconfigure "$1/configure" \
		--prefix="$prefix" --disable-shared --enable-static \
		--disable-maintainer-mode --disable-dependency-tracking \
		--without-python --without-http --without-ftp --without-iconv \
		--without-icu --without-threads --without-thread-alloc \
		--without-zlib --without-lzma --without-modules --without-debug \
		--without-catalog --without-docbook --without-legacy \
		--without-readline --without-history --without-html \
		--without-xptr --without-xinclude --without-c14n \
		--without-schematron --without-mem-debug --without-run-debug
	emmake make -j"$jobs" libxml2.la
	emmake make install-libLTLIBRARIES install-data
}

build_cmark() {
	cd "$2"
	cmake_wasm -DCMARK_TESTS=OFF -DCMARK_SHARED=OFF -DCMARK_STATIC=ON "$1"
	emmake make -j"$jobs" install
}

build_jansson() {
	cd "$2"
	cmake_wasm -DJANSSON_BUILD_DOCS=OFF -DJANSSON_WITHOUT_TESTS=ON \
		-DJANSSON_EXAMPLES=OFF -DJANSSON_BUILD_SHARED_LIBS=OFF "$1"
	emmake make -j"$jobs" install
}

build_libzip() {
	cd "$2"
	cmake_wasm -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
		-DENABLE_OPENSSL=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF \
		-DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF \
		-DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF \
		-DBUILD_DOC=OFF -DZLIB_INCLUDE_DIR="$prefix/include" \
		-DZLIB_LIBRARY="$prefix/lib/libz.a" "$1"
	emmake make -j"$jobs" install
}

build_libxlsxwriter() {
	cd "$2"
	cmake_wasm -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF -DUSE_SYSTEM_MINIZIP=OFF \
		-DUSE_OPENSSL_MD5=OFF -DUSE_NO_MD5=OFF \
		-DZLIB_INCLUDE_DIR="$prefix/include" \
		-DZLIB_LIBRARY="$prefix/lib/libz.a" "$1"
	emmake make -j"$jobs" install
}

# Most of the time goes to the libraries' configure checks, one compiler
# run after another: two lanes at once use both cores.  zlib comes before
# libzip and libxlsxwriter, which link it; libzip's checks alone take as
# long as the other lane's four libraries.
lane() {
	for pair in "$@"; do
		build_one "${pair%%:*}" "${pair#*:}"
	done
}
(lane libxml2:libxml2-dev libcsv:libcsv-dev cmark:libcmark-dev \
	jansson:libjansson-dev) &
lane1=$!
(lane zlib:zlib1g-dev libzip:libzip-dev libxlsxwriter:libxlsxwriter-dev) &
lane2=$!
failed=false
wait $lane1 || failed=true
wait $lane2 || failed=true
$failed && die "the WebAssembly libraries could not all be built"

log "WebAssembly libraries ready ($(($(date +%s) - start_all)) s)"

# ---- the oaip-eval library and the page -----------------------------------
exec sh "$here/page.sh" "$build"
