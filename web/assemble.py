#!/usr/bin/env python3
"""assemble.py - put the browser edition together as one HTML file.

    python3 web/assemble.py SHELL MODULE_JS PAGE_JS VERSION OUT

SHELL is web/shell.html; MODULE_JS the Emscripten output (the WebAssembly
inlined); PAGE_JS web/page.js.  The Content-Security-Policy allows exactly
these two scripts (by their SHA-256) and the compiling of the inlined
WebAssembly, and forbids every connection, form, plug-in and base URL.
Styles are inline (the page's and the report's, which the report frame
inherits the policy for); images only as data: URLs.  The file is written
atomically; at most 8 MB.
"""
import base64
import hashlib
import os
import re
import sys

LIMIT = 8 * 1024 * 1024
# What the file inputs accept: a workbook or CSV.
XLSX_OR_CSV = (".csv,.xlsx,text/csv,"
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def main():
    shell, module_js, page_js, version, out = sys.argv[1:]
    html = open(shell, encoding="utf-8").read()
    module = open(module_js, encoding="utf-8").read()
    page = open(page_js, encoding="utf-8").read()
    for name, text in (("module", module), ("page", page)):
        if "</script" in text.lower():
            sys.exit(f"assemble.py: the {name} script contains '</script'")
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in (module, page))
    csp = ("default-src 'none'; "
           f"script-src {hashes} 'wasm-unsafe-eval'; "
           "style-src 'unsafe-inline'; img-src data:; "
           "connect-src 'none'; frame-src 'none'; child-src 'none'; "
           "worker-src 'none'; object-src 'none'; media-src 'none'; "
           "font-src 'none'; manifest-src 'none'; "
           "form-action 'none'; base-uri 'none'")
    for key, value in (("@CSP@", csp), ("@VERSION@", version),
                       ("@XLSX_OR_CSV@", XLSX_OR_CSV)):
        if key not in html:
            sys.exit(f"assemble.py: {key} missing from {shell}")
        html = html.replace(key, value)
    if re.search(r"@(?!MODULE_JS@|PAGE_JS@)[A-Z_]+@", html):
        sys.exit(f"assemble.py: an unknown @PLACEHOLDER@ in {shell}")
    # The scripts last, so that nothing in them is taken for a placeholder.
    head, sep, tail = html.partition("@MODULE_JS@")
    if not sep:
        sys.exit(f"assemble.py: @MODULE_JS@ missing from {shell}")
    tail_head, sep, tail_tail = tail.partition("@PAGE_JS@")
    if not sep:
        sys.exit(f"assemble.py: @PAGE_JS@ missing from {shell}")
    data = (head + module + tail_head + page + tail_tail).encode("utf-8")
    if len(data) > LIMIT:
        sys.exit(f"assemble.py: the page is {len(data)} bytes, over 8 MB")
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, out)
    print(f"web: {out}: {len(data)} bytes")


if __name__ == "__main__":
    main()
