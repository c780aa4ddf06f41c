"""The user guide inside the app: F1 opens the page that belongs to the screen in front.

The guide is Markdown (docs/handbuch); QTextBrowser shows Markdown, its links and pictures
itself, so the guide needs no HTML build and no browser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImageReader,
    QKeySequence,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kpass.resource_files import handbook_dir

INDEX = "index.md"
#: a place in a page, written for GitHub as ``## <a id="name"></a>Heading``
_ANCHOR = re.compile(r'<a (?:id|name)="([^"]+)"></a>')
_IMAGE_MARGIN = 48  # px kept free beside a picture (scroll bar, document margins)
#: the page of the guide for each screen of the main window (its object name)
PAGES: dict[str, str] = {
    "searchPage": "sachbearbeitung/erster-antrag.md",
    "householdPage": "sachbearbeitung/erster-antrag.md",
    "renewalsPage": "sachbearbeitung/verlaengerung.md",
    "objectionsPage": "sachbearbeitung/widerspruch.md",
    "approvalsPage": "leitung/vier-augen.md",
    "dashboard": "leitung/uebersicht.md",
    "whatIfPanel": "leitung/was-waere-wenn.md",
    "auditView": "leitung/protokoll.md",
}


def page_for(screen: str) -> str:
    return PAGES.get(screen, INDEX)


class GuideBrowser(QTextBrowser):
    """Markdown pages of the guide. Qt's Markdown reader knows no anchors and shows a heading
    that holds one as plain text: the anchors are taken out when a page is read and kept
    as heading texts, so that ``page.md#name`` still scrolls to its heading; pictures wider
    than the window are shown at the window's width."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: dict[str, str] = {}
        self.sourceChanged.connect(self._after_load)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        path = Path(name.toLocalFile() if isinstance(name, QUrl) else name)
        if path.suffix != ".md" or not path.is_file():
            return super().loadResource(kind, name)
        lines = []
        self.anchors = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            found = _ANCHOR.search(line)
            if found:
                line = _ANCHOR.sub("", line)
                self.anchors[found.group(1)] = line.lstrip("#").strip()
            lines.append(line)
        return "\n".join(lines)

    def _after_load(self, source: QUrl) -> None:
        # source() is not yet the new page while this signal runs: use the one it names
        self._fit_pictures(Path(source.toLocalFile()).parent)
        self.go_to_anchor(source.fragment())

    def go_to_anchor(self, name: str) -> None:
        """Scroll the heading that carried the anchor ``name`` to the top (the heading block
        itself: the same words may stand earlier, in a link to it)."""
        heading = self.anchors.get(name)
        if not heading:
            return
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip() == heading:
                cursor = QTextCursor(block)
                self.setTextCursor(cursor)
                top = self.cursorRect(cursor).top()
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() + top)
                return
            block = block.next()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        source = self.source()
        if source.isLocalFile():
            self._fit_pictures(Path(source.toLocalFile()).parent)

    def _fit_pictures(self, base: Path) -> None:
        room = max(200, self.viewport().width() - _IMAGE_MARGIN)
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                shape = fragment.charFormat()
                if shape.isImageFormat():
                    image = shape.toImageFormat()
                    width = QImageReader(str(base / image.name())).size().width()
                    wanted = min(width, room)
                    if width > 0 and image.width() != wanted:
                        fitted = QTextImageFormat(image)
                        fitted.setWidth(wanted)
                        cursor = QTextCursor(self.document())
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(),
                                           QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(fitted)
                fragments += 1
            block = block.next()


class HandbookWindow(QDialog):
    """A window of its own beside the main window (not modal: the guide stays open while
    the caseworker follows it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handbookWindow")
        self.setWindowTitle(self.tr("Handbuch – kpass"))
        self.root = handbook_dir()
        self.browser = GuideBrowser()
        self.browser.setObjectName("handbookText")
        self.browser.setAccessibleName(self.tr("Handbuch"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        self.back = QPushButton(self.tr("&Zurück"))
        self.back.setAccessibleName(self.tr("Zurück"))
        self.back.setShortcut(QKeySequence.StandardKey.Back)
        self.contents = QPushButton(self.tr("&Inhalt"))
        self.contents.setAccessibleName(self.tr("Inhalt"))
        self.close_button = QPushButton(self.tr("Schließen"))  # Esc closes it too
        self.close_button.setAccessibleName(self.tr("Schließen"))
        self.missing = QLabel(self.tr("Das Handbuch ist in dieser Installation nicht "
                                      "enthalten."))
        self.missing.setObjectName("handbookMissing")
        self.missing.setWordWrap(True)
        self.missing.setVisible(self.root is None)
        self.back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.back.setEnabled(False)
        self.contents.clicked.connect(lambda: self.show_page(INDEX))
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for button in (self.back, self.contents):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.missing)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.resize(900, 760)

    def page_path(self, page: str) -> Path | None:
        if self.root is None:
            return None
        path = self.root / page
        return path if path.is_file() else self.root / INDEX

    def show_page(self, page: str) -> None:
        path = self.page_path(page)
        if path is None:
            return
        self.browser.setSource(QUrl.fromLocalFile(str(path)),
                               QTextDocument.ResourceType.MarkdownResource)
        self.browser.setFocus()

    def current_page(self) -> str:
        """The page shown, relative to the guide's folder ("" when none is)."""
        if self.root is None:
            return ""
        shown = Path(self.browser.source().toLocalFile())
        try:
            return shown.relative_to(self.root).as_posix()
        except ValueError:
            return ""

    def follow(self, link: QUrl) -> None:
        """A link in the guide: another page (or a place in one) is shown here; a web
        address goes to the system's browser, which QTextBrowser cannot replace."""
        if link.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(link)
            return
        target = self.browser.source().resolved(link)
        if target.toLocalFile() == self.browser.source().toLocalFile():
            self.browser.go_to_anchor(target.fragment())
            return
        if not Path(target.toLocalFile()).is_file():
            return
        kind = (QTextDocument.ResourceType.MarkdownResource
                if target.path().endswith(".md") else QTextDocument.ResourceType.UnknownResource)
        self.browser.setSource(target, kind)
