"""A tree's expanders drawn from small images, so no Python style hook draws them.

The readable expander (:class:`~reader.ui.common.theme.ReadableStyle`) is a small filled
triangle, right when its group is closed, down when open, in the text colour mixed over the
page (:func:`~reader.ui.common.theme.expander_colour`), in the selection's text colour when
its row is selected. Drawn by the style, it is Python that Qt calls for every primitive it
draws, and the first call costs a window's first paint 25-35 ms (issue 19). Here the same
triangles (:func:`~reader.ui.common.theme.branch_triangle`, the style's own geometry) are
painted once into PNG files as wide as the tree's indentation, at one and two device pixels
per pixel (``name@2x.png``, which Qt picks on a hi-DPI screen), and stylesheet rules
(:func:`expander_sheet`) have Qt's stylesheet style draw them, centred in the branch: pixel
for pixel what the style draws. Qt centres an image on a whole pixel, so an image's height
must have the parity of the rows' for its triangle to fall where the style's does: there
are images for rows of an even and of an odd height (:data:`IMAGE_HEIGHTS`), and the
tree's :data:`ROWS_PROPERTY` chooses (:func:`row_parity`). The rules belong in a sheet set
before the tree is first shown (a sheet set on a shown tree restyles it: 6-7 ms on two
cores); the property is guessed then and corrected, with a restyle of the tree alone, only
if its rows turn out otherwise.

The files are kept in a cache folder (the portable data folder's ``cache``, else the
desktop's cache location), named by what they show, so a later start only checks that they
are there. When no folder can be written, :func:`expander_sheet` gives ``""`` and the
readable style draws the expanders as before.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QStandardPaths, Qt
from PySide6.QtGui import QColor, QPainter

from reader.locations import portable_root
from reader.ui.common.theme import Theme, branch_triangle, expander_colour

if TYPE_CHECKING:  # made only when a file is missing
    from PySide6.QtGui import QImage

#: Bumped when the drawing changes, so that older files are not used.
VERSION = 1
SCALES = (1, 2)  # device pixels per pixel: ordinary and hi-DPI screens
#: The tree property that says whether its rows are an even or an odd number of pixels
#: tall, and the images' heights for each: an image is drawn centred on a whole pixel, so
#: its height has the parity of the rows' for the triangle to fall where the style draws it.
ROWS_PROPERTY = "expanderRows"
IMAGE_HEIGHTS = {"even": 12, "odd": 13}
#: (pseudo-states of the rule, open?, selected?) for each image
STATES = (
    ("closed", False, False),
    ("open", True, False),
    ("closed:selected", False, True),
    ("open:selected", True, True),
)


def cache_folder() -> Path | None:
    """Where the expander images are kept: ``cache`` in the portable data folder, else the
    desktop's cache location for the application; None when there is none."""
    root = portable_root()
    if root is not None:
        base = root / "cache"
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        if not location:
            return None
        base = Path(location)
    return base / f"expanders-v{VERSION}"


def expander_colours(theme: Theme) -> tuple[QColor, QColor]:
    """The triangles' colours in ``theme``: on a row, and on a selected row."""
    return expander_colour(QColor(theme.text), QColor(theme.base)), QColor(theme.selection_text)


def draw_expander(width: int, height: int, colour: QColor, *, open_: bool, scale: int) -> QImage:
    """A ``width`` x ``height`` image (``scale`` device pixels per pixel) of the expander
    drawn as the readable style draws it in a branch of that size."""
    from PySide6.QtGui import QImage  # a later start finds the files: no image made

    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(branch_triangle(QRectF(0, 0, width, height), open_=open_))
    painter.end()
    return image


def _file_name(colour: QColor, open_: bool, width: int, height: int, scale: int) -> str:
    shape = "open" if open_ else "closed"
    suffix = "" if scale == 1 else f"@{scale}x"
    return f"{shape}-{colour.name()[1:]}-{width}x{height}{suffix}.png"


def _ensure(path: Path, make: QImage) -> bool:
    """Write ``make`` to ``path`` (written whole, then moved in, so a start running at the
    same time never reads half a file); whether it is there."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not make.save(str(partial), "PNG"):
            partial.unlink(missing_ok=True)
            return False
        os.replace(partial, path)
    except OSError:
        return False
    return True


def _listing(folder: Path) -> set[str]:
    """The names of the files in ``folder`` (none if it is not there): one look at the
    disk for all the images."""
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def expander_images(
    theme: Theme, width: int, height: int, folder: Path | None = None
) -> dict[str, Path] | None:
    """The expander images of a branch ``width`` x ``height`` in ``theme``, by the
    pseudo-states of their rule (:data:`STATES`), made in ``folder`` (default
    :func:`cache_folder`) if they are not there yet; None when they cannot be made."""
    folder = folder if folder is not None else cache_folder()
    if folder is None or width <= 0 or height <= 0:
        return None
    there = _listing(folder)
    normal, selected = expander_colours(theme)
    images: dict[str, Path] = {}
    for state, open_, chosen in STATES:
        colour = selected if chosen else normal
        for scale in SCALES:
            name = _file_name(colour, open_, width, height, scale)
            if name not in there:
                image = draw_expander(width, height, colour, open_=open_, scale=scale)
                if not _ensure(folder / name, image):
                    return None
            if scale == 1:
                images[state] = folder / name
    return images


def row_parity(height: int) -> str:
    """``even`` or ``odd``: which of the images (:data:`IMAGE_HEIGHTS`) centre an expander
    in rows ``height`` pixels tall as the style does (on the same pixel, or between two)."""
    return "odd" if height % 2 else "even"


#: The rules made in this process, by what they were made for: a theme switched back and
#: forth, or a pane built again, looks at the disk once.
_SHEETS: dict[tuple[str, str, str, int, Path], str] = {}


def expander_sheet(selector: str, theme: Theme, width: int, folder: Path | None = None) -> str:
    """Stylesheet rules that draw the expanders of the trees ``selector`` names from images
    (branches ``width`` wide, in ``theme``), those for rows of an even or an odd height as
    the tree's :data:`ROWS_PROPERTY` says (:func:`row_parity`); ``""`` when the images
    cannot be made."""
    folder = folder if folder is not None else cache_folder()
    if folder is None:
        return ""
    key = (selector, theme.text + theme.base, theme.selection_text, width, folder)
    if key in _SHEETS:
        return _SHEETS[key]
    rules = []
    for parity, height in IMAGE_HEIGHTS.items():
        images = expander_images(theme, width, height, folder)
        if images is None:
            return ""
        for state, path in images.items():
            url = path.as_posix().replace("\\", "\\\\").replace('"', '\\"')
            rules.append(
                f'{selector}[{ROWS_PROPERTY}="{parity}"]::branch:has-children:{state} '
                f'{{ image: url("{url}"); }}'
            )
    _SHEETS[key] = sheet = "\n".join(rules) + "\n"
    return sheet
