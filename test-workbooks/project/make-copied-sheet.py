"""Copies a project sheet inside a project return with LibreOffice, as a unit adding a project would, and fills the
copy's 项目名称 (run by make-copied-sheet.sh, which starts LibreOffice with a profile of its own).

Usage: python3 make-copied-sheet.py PORT INPUT OUTPUT SHEET COPY NAME
"""
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(60):
        try:
            return resolver.resolve("uno:socket,host=127.0.0.1,port=%s;urp;StarOffice.ComponentContext" % port)
        except Exception:
            time.sleep(1)
    raise SystemExit("LibreOffice did not answer on port %s" % port)


def local_names(sheet):
    try:
        return list(sheet.NamedRanges.ElementNames)
    except AttributeError:
        return []


def main(port, source, target, sheet_name, copy_name, project_name):
    context = connect(port)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
    sheets = document.Sheets
    position = list(sheets.ElementNames).index(sheet_name) + 1
    sheets.copyByName(sheet_name, copy_name, position)
    copy = sheets.getByName(copy_name)
    names = local_names(copy)
    print("sheets: %s" % ", ".join(sheets.ElementNames))
    print("sheet-scoped names on %s: %d%s" % (copy_name, len(names), " (pj_name among them)" if "pj_name" in names else ""))
    if "pj_name" in names:
        cells = copy.NamedRanges.getByName("pj_name").ReferredCells
        cell = cells.getCellByPosition(0, 0)
        print("pj_name of the copy refers to %s" % copy.NamedRanges.getByName("pj_name").Content)
    else:
        cell = copy.getCellRangeByName("B3")
        print("no sheet-scoped pj_name on the copy: filling B3")
    cell.setString(project_name)
    document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    document.close(True)
    print("saved %s" % target)


if __name__ == "__main__":
    main(*sys.argv[1:7])
