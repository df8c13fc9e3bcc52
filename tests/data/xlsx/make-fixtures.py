#!/usr/bin/python3
"""make-fixtures.py - write the small hand-made workbooks the xlsx reader
is tested on (tests/test_table.c, tests/cli/xlsx.sh), with nothing but the
Python standard library, so each file holds exactly the XML shown here.

    python3 tests/data/xlsx/make-fixtures.py tests/data/xlsx

The LibreOffice-saved fixture (libreoffice.xlsx) is made separately, by
LibreOffice itself (see README in this folder)."""
import os
import sys
import zipfile

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def workbook(sheets):
    """sheets: list of names; sheet i is worksheets/sheet{i+1}.xml"""
    wb = ('<?xml version="1.0" encoding="UTF-8"?>\n<workbook %s><sheets>' % NS +
          ''.join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (n, i + 1, i + 1)
                  for i, n in enumerate(sheets)) + '</sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            ''.join('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1)
                    for i in range(len(sheets))) +
            '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>')
    return wb, rels


def sheet(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet %s><sheetData>' % NS +
            ''.join(rows) + '</sheetData></worksheet>')


def write(name, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(out, name), 'w', compression) as z:
        for n, data in members:
            z.writestr(zipfile.ZipInfo(n, (2026, 1, 1, 0, 0, 0)), data,
                       compress_type=compression)


def book(name, sheets, strings, sheet_xml, extra=()):
    wb, rels = workbook(sheets)
    members = [('[Content_Types].xml', CT), ('_rels/.rels', RELS),
               ('xl/workbook.xml', wb), ('xl/_rels/workbook.xml.rels', rels),
               ('xl/sharedStrings.xml',
                '<?xml version="1.0" encoding="UTF-8"?>\n<sst %s>%s</sst>' % (NS, strings))]
    for i, x in enumerate(sheet_xml):
        members.append(('xl/worksheets/sheet%d.xml' % (i + 1), x))
    members.extend(extra)
    write(name, members)


# Every kind of cell a spreadsheet program writes, as Google Sheets and
# Excel write them: shared strings (one rich, with a phonetic run left
# out), inline strings, numbers 2 and 2.0, a boolean, a formula with its
# cached value, an error value; a notes sheet first, the return second.
strings = ('<si><t>indicator</t></si>'                                   # 0
           '<si><t>rating</t></si>'                                      # 1
           '<si><t>evidence</t></si>'                                    # 2
           '<si><r><t>Coffee </t></r><r><rPr><b/></rPr><t>mornings</t></r>'
           '<rPh sb="0" eb="1"><t>IGNORED</t></rPh></si>'                 # 3
           '<si><t xml:space="preserve">welcome-1</t></si>'              # 4
           '<si><t>School</t></si>'                                      # 5
           '<si><t>Oak &amp; Ash Primary</t></si>')                       # 6
kinds = sheet([
    '<row r="1"><c r="A1" t="s"><v>5</v></c><c r="B1" t="s"><v>6</v></c></row>',
    '<row r="2"><c r="A2" t="inlineStr"><is><t>Date</t></is></c><c r="B2" s="1"><v>46356</v></c></row>',
    '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c></row>',
    '<row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4"><v>2</v></c><c r="C4" t="s"><v>3</v></c></row>',
    '<row r="5"><c r="A5" t="inlineStr"><is><t>welcome-2</t></is></c><c r="B5"><v>3.0</v></c></row>',
    '<row r="6"><c r="A6" t="inlineStr"><is><t>welcome-3</t></is></c><c r="B6" t="str"><f>"Emb"&amp;"edded"</f><v>Embedded</v></c></row>',
    '<row r="7"><c r="A7" t="inlineStr"><is><t>welcome-4</t></is></c><c r="B7"><f>1+0</f><v>1</v></c><c r="C7" t="b"><v>1</v></c></row>',
    '<row r="8"><c r="A8" t="inlineStr"><is><t>value-1</t></is></c><c r="B8" t="inlineStr"><is><t>n/a</t></is></c><c r="C8" t="e"><v>#N/A</v></c></row>',
])
notes = sheet(['<row r="1"><c r="A1" t="inlineStr"><is><t>Read me first</t></is></c></row>'])
book('kinds.xlsx', ['Notes', 'Self-evaluation'], strings, [notes, kinds])

# Cells with no r attributes (allowed by the standard), in the first sheet.
plain = sheet(['<row><c t="inlineStr"><is><t>indicator</t></is></c><c t="inlineStr"><is><t>rating</t></is></c></row>',
               '<row><c t="inlineStr"><is><t>welcome-1</t></is></c><c><v>2</v></c></row>'])
book('no-refs.xlsx', ['Sheet1'], '', [plain])

# A DTD with the "billion laughs" entities: refused before any expansion.
lol = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
       '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
       '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
       '<worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
       '</sheetData></worksheet>' % NS)
book('dtd.xlsx', ['Self-evaluation'], '', [lol])

# An external entity: never fetched.
xxe = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
       '</sheetData></worksheet>' % NS)
book('xxe.xlsx', ['Self-evaluation'], '', [xxe])

# A zip bomb: 2 MiB of spaces deflate about 1000 to 1.
bomb = sheet(['<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c></row>']).replace(
    '<sheetData>', '<sheetData>' + ' ' * (2 * 1024 * 1024))
book('bomb.xlsx', ['Self-evaluation'], '', [bomb])

# A member of 65 MiB: over the limit whatever its ratio.
with zipfile.ZipFile(os.path.join(out, 'huge.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    wb, rels = workbook(['Self-evaluation'])
    for n, data in [('[Content_Types].xml', CT), ('xl/workbook.xml', wb),
                    ('xl/_rels/workbook.xml.rels', rels)]:
        z.writestr(zipfile.ZipInfo(n, (2026, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo('xl/worksheets/sheet1.xml', (2026, 1, 1, 0, 0, 0)),
               b'<' + b' ' * (65 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)

# Not workbooks.
write('docx.xlsx', [('[Content_Types].xml', CT), ('word/document.xml', '<w/>')])
write('ods.xlsx', [('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
                   ('content.xml', '<office/>')], zipfile.ZIP_STORED)
write('plain-zip.xlsx', [('notes.txt', 'hello')])
book('no-sheet-part.xlsx', ['Self-evaluation'], '', [])

# Broken XML in the sheet.
book('bad-xml.xlsx', ['Self-evaluation'], '', [sheet(['<row r="1"><c r="A1">'])])

# Truncated: the first half of kinds.xlsx.
data = open(os.path.join(out, 'kinds.xlsx'), 'rb').read()
open(os.path.join(out, 'truncated.xlsx'), 'wb').write(data[:len(data) // 2])
