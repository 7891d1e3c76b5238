#!/usr/bin/python3
"""Writes test/fixtures/xlsx/: one register as each spreadsheet tool we can run here saves it.

    LO_EDIT=path/to/lo_edit.py /usr/bin/python3 scripts/make-xlsx-fixtures.py

Needs Node (the CLI), Debian's python3-openpyxl, and for the LibreOffice fixture
libreoffice-calc-nogui + python3-uno and LO_EDIT, a script that edits an .xlsx through
LibreOffice's UNO API (open, apply typed edits, save), as a person would in Calc.
The files are committed, so the tests need only Node; run this again when a tool changes.

  cli.xlsx             `support-desk init` (exceljs), the register every other file starts from
  openpyxl-notes.xlsx  opened and saved by openpyxl, keeping the header notes (openpyxl
                       writes them as xl/comments/commentN.xml, a path exceljs 4.4 cannot find)
  openpyxl-plain.xlsx  the same with every note removed, as a finance script might leave it
  libreoffice.xlsx     opened in LibreOffice Calc, a client's Monthly hours typed, saved as .xlsx
"""
import json, os, subprocess, sys, tempfile
import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'xlsx')
LO_EDIT = os.environ.get('LO_EDIT')
if not LO_EDIT:
    sys.exit('LO_EDIT is not set: it names the LibreOffice editing script (see the top of this file)')
os.makedirs(OUT, exist_ok=True)

base = os.path.join(OUT, 'cli.xlsx')
if os.path.exists(base):
    os.remove(base)
subprocess.run(['npm', 'run', '-s', 'cli', '--', 'init', '--workbook', base, '--tz', 'America/Denver',
                '--account', 'support@helpdesk.test'], cwd=ROOT, check=True)

def client_row(ws):
    """A client typed in by the script, so each writer's cells are read back, not only the headers."""
    header = [c.value for c in ws[1]]
    # The first row with no Client ID: max_row counts the formatted, empty rows too.
    row = next(r for r in range(2, ws.max_row + 2) if ws.cell(row=r, column=1).value in (None, ''))
    for key, value in {'Client ID': 'CANYON', 'Name': 'Canyon Outfitters', 'Domains': 'canyon.test',
                       'Plan': 'Standard', 'Monthly hours': 10, 'Status': 'Active'}.items():
        ws.cell(row=row, column=header.index(key) + 1, value=value)

wb = openpyxl.load_workbook(base)
client_row(wb['Clients'])
wb.save(os.path.join(OUT, 'openpyxl-notes.xlsx'))

wb = openpyxl.load_workbook(base)
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            cell.comment = None
client_row(wb['Clients'])
wb.save(os.path.join(OUT, 'openpyxl-plain.xlsx'))

with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as ops:
    json.dump([
        {'op': 'type', 'sheet': 'Clients', 'cell': 'A2', 'text': 'CANYON'},
        {'op': 'typeAt', 'sheet': 'Clients', 'row': 2, 'header': 'Name', 'text': 'Canyon Outfitters'},
        {'op': 'typeAt', 'sheet': 'Clients', 'row': 2, 'header': 'Domains', 'text': 'canyon.test'},
        {'op': 'typeAt', 'sheet': 'Clients', 'row': 2, 'header': 'Plan', 'text': 'Standard'},
        {'op': 'typeAt', 'sheet': 'Clients', 'row': 2, 'header': 'Monthly hours', 'text': '10'},
        {'op': 'typeAt', 'sheet': 'Clients', 'row': 2, 'header': 'Status', 'text': 'Active'},
    ], ops)
subprocess.run(['/usr/bin/python3', LO_EDIT, base, os.path.join(OUT, 'libreoffice.xlsx'), ops.name], check=True)
os.remove(ops.name)
print('wrote', ', '.join(sorted(os.listdir(OUT))))
