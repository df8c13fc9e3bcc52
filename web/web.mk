# web.mk - compile the oaip-eval library and the page's entry points to
# WebAssembly objects and link the page.  Run by web/page.sh, which passes:
#   top       the source tree
#   build     the native build directory (config.h, lib/builtin_data.c)
#   out       BUILD_DIR/web
#   prefix    the WebAssembly libraries (web/build.sh)
#   SOURCES   the library's sources, from 'make print-lib-sources'
# Objects are rebuilt only when a source or a header it includes changes.

CC = emcc
CFLAGS = -std=c11 -O2 -Wall -Wextra
CPPFLAGS = -D_POSIX_C_SOURCE=200809L -I$(build) -I$(top)/lib -I$(build)/lib \
	-isystem $(prefix)/include -isystem $(prefix)/include/libxml2

objdir = $(out)/lib
c_sources = $(filter %.c,$(SOURCES))
objects = $(addprefix $(objdir)/,$(notdir $(c_sources:.c=.o))) $(objdir)/oaip_web.o
vpath %.c $(top)/lib $(build)/lib $(top)/web

LIBS = $(prefix)/lib/libxlsxwriter.a $(prefix)/lib/libzip.a \
	$(prefix)/lib/libxml2.a $(prefix)/lib/libjansson.a \
	$(prefix)/lib/libcmark.a $(prefix)/lib/libcsv.a $(prefix)/lib/libz.a

EXPORTS = _malloc,_free,_oaip_web_frameworks,_oaip_web_report,_oaip_web_template,_oaip_web_output,_oaip_web_messages
LDFLAGS = -O2 -sENVIRONMENT=web -sMODULARIZE=1 -sEXPORT_NAME=createOaip \
	-sSINGLE_FILE=1 -sALLOW_MEMORY_GROWTH=1 -sDYNAMIC_EXECUTION=0 \
	-sEXPORTED_FUNCTIONS=$(EXPORTS) \
	-sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8,HEAPU32 \
	--pre-js $(top)/web/pre.js

all: $(out)/oaip-eval.js

$(out)/oaip-eval.js: $(objects) $(LIBS) $(top)/web/pre.js $(top)/web/web.mk
	$(CC) $(LDFLAGS) -o $@ $(objects) $(LIBS)

$(objdir)/%.o: %.c
	@mkdir -p $(objdir)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(objects:.o=.d)
