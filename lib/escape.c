/* escape.c - escaping for HTML, Markdown and CSV, in one place.
 *
 * Every piece of text a report did not write itself (a school's evidence,
 * next steps, names and file names, and the framework's own wording) goes
 * through one of these functions.  All three also clean the text: bytes
 * that are not valid UTF-8 and control characters other than tab and line
 * breaks become U+FFFD, so a report is always valid UTF-8 and shows where
 * something unprintable was. */
#include "config.h"

#include <string.h>

#include "private.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */
#define WORD_JOINER "\xE2\x81\xA0" /* U+2060 */

/* Length of the valid UTF-8 sequence starting at s (s[0] >= 0x80), or 0
 * if it is not one.  s is NUL-terminated, so reading stops at its end. */
static size_t utf8_len(const unsigned char *s)
{
	return oaip_utf8_decode((const char *)s, 4, NULL);
}

/* Copy the non-ASCII character at *p (valid UTF-8, else U+FFFD) and move
 * past it. */
static void put_non_ascii(oaip_buf *out, const unsigned char **p)
{
	size_t n = utf8_len(*p);
	if (n) {
		oaip_buf_putn(out, (const char *)*p, n);
		*p += n;
	} else {
		oaip_buf_puts(out, REPLACEMENT);
		(*p)++;
	}
}

static bool is_control(unsigned c)
{
	return c < 0x20 || c == 0x7F;
}

/* ------------------------------------------------------------------ */
/* CSS                                                                */

void oaip_escape_css_string(oaip_buf *out, const char *s)
{
	oaip_buf_putc(out, '"');
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p) {
		unsigned c = *p;
		if (c >= 0x80) {
			put_non_ascii(out, &p);
			continue;
		}
		p++;
		if (is_control(c))
			oaip_buf_putc(out, ' ');
		else if (c == '"' || c == '\\' || c == '<' || c == '>')
			/* a hex escape ends at the space after it */
			oaip_buf_printf(out, "\\%x ", c);
		else
			oaip_buf_putc(out, (char)c);
	}
	oaip_buf_putc(out, '"');
}

/* ------------------------------------------------------------------ */
/* HTML                                                               */

void oaip_escape_html(oaip_buf *out, const char *s)
{
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		if (c >= 0x80) {
			put_non_ascii(out, &p);
			continue;
		}
		p++;
		switch (c) {
		case '&':
			oaip_buf_puts(out, "&amp;");
			break;
		case '<':
			oaip_buf_puts(out, "&lt;");
			break;
		case '>':
			oaip_buf_puts(out, "&gt;");
			break;
		case '"':
			oaip_buf_puts(out, "&quot;");
			break;
		case '\'':
			oaip_buf_puts(out, "&#39;");
			break;
		case '\r':
			/* CRLF and a lone CR are both one line break. */
			if (*p != '\n')
				oaip_buf_putc(out, '\n');
			break;
		case '\t':
		case '\n':
			oaip_buf_putc(out, (char)c);
			break;
		default:
			if (is_control(c))
				oaip_buf_puts(out, REPLACEMENT);
			else
				oaip_buf_putc(out, (char)c);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Markdown
 *
 * The aim: whatever the input, the output is inline text that CommonMark
 * and GitHub-flavoured Markdown read back as exactly that text (but for
 * an invisible word joiner before some '@', see below) - no link,
 * image, autolink, raw HTML, emphasis, code, heading, list, quote, table
 * cell break or thematic break - while ordinary prose stays readable as
 * plain text (no backslash before every full stop or bracket).
 *
 * Escaped everywhere with a backslash:
 *   \ ` [ ] < | ~ $ @ { }
 *   (code, links and images, raw HTML and autolinks, table cells,
 *   strikethrough, maths, '@' (see below), and the attribute lists of
 *   kramdown, which GitHub Pages uses)
 * Escaped where they could start markup:
 *   * _ unless they cannot open or close emphasis: spaces on both sides
 *       ("2 * 3", "a _ b"), or for '_' letters or digits on both sides
 *       ("elm_school.csv": GFM never makes intraword '_' emphasis)
 *   #   first on a line (a heading), or after a space when only '#'s
 *       and spaces follow to the end of the line (a heading's closing
 *       sequence, which would vanish)
 *   >   first on a line (a block quote)
 *   &   before a letter, digit or '#' (an entity such as &lt; or &#60;)
 *   (   straight after ']' (a link destination)
 *   :   before '/' (GitHub's "https://", "http://" and "ftp://"
 *       autolinks: it looks for an unescaped "://" in the source)
 *   .   after "www", in any case (GitHub's "www." autolinks, which
 *       likewise need "www." in the source)
 *   - + =             first on a line (lists, setext headings, breaks)
 *   . )               after the digits that start a line, when a space
 *                     or the line's end follows (ordered lists)
 *
 * A backslash does not stop GitHub's e-mail autolinks ("a@b.co",
 * "mailto:a@b.co", "xmpp:a@b.co"): GitHub finds them in the text once the
 * escapes are read.  So an '@' that follows a character an address could
 * end with (a letter, a digit, . + - _ or :), or that starts the text
 * (what comes before it is not known here), gets U+2060 WORD JOINER
 * before it: invisible, but the '@' no longer follows the address.
 *
 * Spaces and tabs that start a line are dropped (indented code); a tab
 * becomes a space; runs of line breaks become one space, or one hard line
 * break ("  " + newline) when keep_newlines, never a blank line, so the
 * text stays one paragraph.  Trailing white space is dropped. */

static bool is_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(unsigned c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_blank(unsigned c)
{
	return c == ' ' || c == '\t';
}

static bool is_newline(unsigned c)
{
	return c == '\n' || c == '\r';
}

static int lower(unsigned c)
{
	return c >= 'A' && c <= 'Z' ? (int)(c + ('a' - 'A')) : (int)c;
}

/* Is the text just before p (from start) "www", in any case? */
static bool after_www(const unsigned char *start, const unsigned char *p)
{
	return p - start >= 3 && lower(p[-1]) == 'w' && lower(p[-2]) == 'w' &&
	       lower(p[-3]) == 'w';
}

/* Is the character at p written with a space on each side: one before
 * it (not at the start of a line), and after it spaces or line breaks
 * and then more text (trailing white space is dropped)? */
static bool spaced(const unsigned char *start, const unsigned char *p,
                   bool line_start)
{
	if (line_start || p == start || !(is_blank(p[-1]) || is_newline(p[-1])))
		return false;
	const unsigned char *q = p + 1;
	if (!is_blank(*q) && !is_newline(*q))
		return false;
	while (is_blank(*q) || is_newline(*q))
		q++;
	return *q != '\0';
}

/* Could the '#' at p end a heading's line as its closing sequence: after
 * white space, with only '#'s and spaces after it to the end of the
 * line? */
static bool closing_hashes(const unsigned char *start, const unsigned char *p)
{
	if (p == start || !(is_blank(p[-1]) || is_newline(p[-1])))
		return false;
	const unsigned char *q = p;
	while (*q == '#')
		q++;
	while (is_blank(*q))
		q++;
	return *q == '\0' || is_newline(*q);
}

static bool needs_escape(const unsigned char *start, const unsigned char *p,
                         bool line_start, const unsigned char *list_mark)
{
	unsigned c = *p;
	switch (c) {
	case '\\':
	case '`':
	case '{':
	case '}':
	case '[':
	case ']':
	case '<':
	case '|':
	case '~':
	case '$':
	case '@':
		return true;
	case '*':
		return !spaced(start, p, line_start);
	case '_':
		return !spaced(start, p, line_start) &&
		       !(p > start && is_alnum(p[-1]) && is_alnum(p[1]));
	case '#':
		return line_start || closing_hashes(start, p);
	case '>':
		return line_start;
	case '&':
		return is_alnum(p[1]) || p[1] == '#';
	case '(':
		return p > start && p[-1] == ']';
	case ':':
		return p[1] == '/';
	case '.':
		return p == list_mark || after_www(start, p);
	case ')':
		return p == list_mark;
	case '-':
	case '+':
	case '=':
		return line_start;
	default:
		return false;
	}
}

void oaip_escape_markdown(oaip_buf *out, const char *s, bool keep_newlines)
{
	if (!s)
		return;
	const unsigned char *start = (const unsigned char *)s;
	const unsigned char *p = start;
	bool line_start = true;  /* the next visible character starts a line */
	bool any = false;        /* something has been written */
	bool pending_nl = false; /* a line break waits for the next text */
	size_t pending_sp = 0;   /* spaces wait for the next text */
	const unsigned char *list_mark = NULL; /* the '.' or ')' of "12." */

	while (*p) {
		unsigned c = *p;
		if (is_newline(c)) {
			pending_nl = true;
			p++;
			continue;
		}
		if (is_blank(c)) {
			pending_sp++;
			p++;
			continue;
		}
		/* A visible character: first write what is waiting. */
		if (pending_nl && any) {
			if (keep_newlines) {
				oaip_buf_puts(out, "  \n");
				line_start = true;
			} else {
				oaip_buf_putc(out, ' ');
			}
		} else if (pending_sp && any && !line_start) {
			while (pending_sp--)
				oaip_buf_putc(out, ' ');
		}
		pending_nl = false;
		pending_sp = 0;
		any = true;

		if (line_start && is_digit(c)) {
			const unsigned char *q = p;
			while (is_digit(*q))
				q++;
			/* An ordered list item: at most nine digits, then
			 * '.' or ')' and a space or the end of the line
			 * ("100.0%" is a number, not a list). */
			if ((*q == '.' || *q == ')') && q - p <= 9 &&
			    (is_blank(q[1]) || is_newline(q[1]) || !q[1]))
				list_mark = q;
		}
		if (c >= 0x80) {
			put_non_ascii(out, &p);
		} else if (is_control(c)) {
			oaip_buf_puts(out, REPLACEMENT);
			p++;
		} else {
			if (c == '@' && (p == start || is_alnum(p[-1]) ||
			                 strchr(".+-_:", p[-1]) != NULL))
				oaip_buf_puts(out, WORD_JOINER);
			if (needs_escape(start, p, line_start, list_mark))
				oaip_buf_putc(out, '\\');
			oaip_buf_putc(out, (char)c);
			p++;
		}
		line_start = false;
	}
}

/* ------------------------------------------------------------------ */
/* CSV (RFC 4180)                                                     */

void oaip_escape_csv(oaip_buf *out, const char *s)
{
	if (!s)
		s = "";
	size_t len = strlen(s);
	/* A spreadsheet reads a cell starting with one of these as a
	 * formula (or, for tab and CR, may drop them and then read one). */
	const char *first = s;
	while (*first == ' ')
		first++;
	bool formula = *first && strchr("=+-@\t\r", *first) != NULL;
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL ||
	             (len && (is_blank((unsigned char)s[0]) ||
	                      is_blank((unsigned char)s[len - 1])));
	if (quote)
		oaip_buf_putc(out, '"');
	if (formula)
		oaip_buf_putc(out, '\'');
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		if (c >= 0x80) {
			put_non_ascii(out, &p);
			continue;
		}
		p++;
		if (c == '"')
			oaip_buf_puts(out, "\"\"");
		else if (is_control(c) && c != '\t' && c != '\r' && c != '\n')
			oaip_buf_puts(out, REPLACEMENT);
		else
			oaip_buf_putc(out, (char)c);
	}
	if (quote)
		oaip_buf_putc(out, '"');
}
