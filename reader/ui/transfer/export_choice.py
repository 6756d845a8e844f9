"""Where an export goes, and whether private notes go with it: the file dialogs of the exports.

The exports leave private notes and highlights out unless asked. :class:`ExportChooser`
asks for the export's folder (the Markdown vault) or file (the library JSON) in Qt's own
file dialog, with one more line at its foot when the library holds private notes: an
"Include N private notes and highlights" checkbox, off by default. :func:`export_dialog`
builds that dialog (tests look at it without running it); :meth:`ExportChooser.folder` and
:meth:`ExportChooser.file` run it and give back ``(path, include_private)``, with an empty
path when the user cancelled.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QGridLayout, QWidget

JSON_FILTER = QT_TRANSLATE_NOOP("ExportChooser", "Fieldreader library (*.json);;All files (*)")


def include_private_label(count: int) -> str:
    """The checkbox's words for a library with ``count`` private notes."""
    if count == 1:
        return QCoreApplication.translate("ExportChooser", "Include 1 private note or highlight")
    return QCoreApplication.translate(
        "ExportChooser", "Include {count} private notes and highlights"
    ).format(count=count)


def export_dialog(
    parent: QWidget | None,
    title: str,
    private_count: int,
    *,
    folder: bool,
    suggested: str = "",
) -> tuple[QFileDialog, QCheckBox | None]:
    """A file dialog titled ``title`` choosing a folder (``folder``) or a JSON file to
    save, and its Include Private checkbox (``None`` when there is nothing private)."""
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # to hold the checkbox
    if folder:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(QCoreApplication.translate("ExportChooser", str(JSON_FILTER)))
        dialog.setDefaultSuffix("json")
        if suggested:
            dialog.selectFile(suggested)
    box: QCheckBox | None = None
    if private_count > 0:
        box = QCheckBox(include_private_label(private_count), dialog)
        box.setObjectName("includePrivate")
        box.setToolTip(
            QCoreApplication.translate(
                "ExportChooser",
                "Private notes stay out of exports unless you tick this; the export "
                "says how many it left out",
            )
        )
        layout = dialog.layout()
        if isinstance(layout, QGridLayout):
            layout.addWidget(box, layout.rowCount(), 0, 1, layout.columnCount())
        elif layout is not None:  # a style with another layout: the box still shows
            layout.addWidget(box)
    return dialog, box


class ExportChooser:
    """Runs the export dialogs (tests pass a stand-in with the same two methods)."""

    def folder(self, parent: QWidget | None, private_count: int) -> tuple[str, bool]:
        """The folder for the Markdown notes, and whether private notes go too."""
        dialog, box = export_dialog(
            parent,
            QCoreApplication.translate("ExportChooser", "Export Notes as Markdown"),
            private_count,
            folder=True,
        )
        return self._run(dialog, box)

    def file(self, parent: QWidget | None, private_count: int, suggested: str) -> tuple[str, bool]:
        """The JSON file for the library, and whether private notes go too."""
        dialog, box = export_dialog(
            parent,
            QCoreApplication.translate("ExportChooser", "Export Library"),
            private_count,
            folder=False,
            suggested=suggested,
        )
        return self._run(dialog, box)

    @staticmethod
    def _run(dialog: QFileDialog, box: QCheckBox | None) -> tuple[str, bool]:
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return "", False
            return dialog.selectedFiles()[0], bool(box is not None and box.isChecked())
        finally:
            dialog.deleteLater()
