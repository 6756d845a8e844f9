"""Qt's own words that its shipped catalogue no longer translates, translated with ours.

Where the desktop offers no file dialog of its own, File › Import…, Back Up Library… and
every other file chooser show Qt's widget dialog. Its labels read "&Look in:" and "Files
of &type:" and its list calls a folder "Folder" (context ``QAbstractFileIconProvider``,
"All other platforms"), but ``qtbase_fr.qm`` — the catalogue the window loads, from
``resources/translations/`` or Qt's own folder (``qt_fr.qm`` there only points to it) —
translates the older "Look in:" and "Files of type:" and the older context of "Folder":
Qt changed those source strings and its French catalogue did not follow, so they stayed
English. Neither the order the translators are installed in nor when the dialog is made
is at fault (the file-name label, the buttons and the columns of the same dialog are
French).

The interface's own catalogue (``fieldreader_<language>.qm``) is installed last, so it is
asked first for every string of the application, Qt's included: the strings listed here,
each in Qt's own context, take their translation from it. Nothing needs this module at
run time; it is here so that ``packaging/translations.py`` (lupdate over ``reader/ui``)
keeps these strings in the ``.ts``, and :func:`qt_strings` gives them as the window's
language writes them (the tests compare them with what Qt's dialog shows).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["qt_strings"]


def qt_strings() -> dict[str, str]:
    """Each Qt string this module translates (``context|source``) and its translation
    in the window's language (the source itself in English)."""
    translate = QCoreApplication.translate
    return {
        "QFileDialog|&Look in:": translate("QFileDialog", "&Look in:"),
        "QFileDialog|Files of &type:": translate("QFileDialog", "Files of &type:"),
        "QAbstractFileIconProvider|Folder": translate(
            "QAbstractFileIconProvider", "Folder", "All other platforms"
        ),
        "QAbstractFileIconProvider|Drive": translate("QAbstractFileIconProvider", "Drive"),
    }
