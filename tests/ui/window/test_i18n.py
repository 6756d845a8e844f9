"""The interface's language: which one is chosen, what installing it does, and its menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from reader.ui.tasks.operations import ImportSummary
from reader.ui.tasks.progress import TaskProgress
from reader.ui.window.i18n import (
    ENV_VAR,
    SETTINGS_KEY,
    LanguageController,
    apply_language,
    available_languages,
    choose_language,
    install_translators,
    language_name,
    translations_dir,
)

NARROW_NBSP = "\u202f"


@pytest.fixture
def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "Fieldreader.ini"), QSettings.Format.IniFormat)


def test_command_line_beats_environment_beats_saved_choice_beats_system(ini: QSettings):
    ini.setValue(SETTINGS_KEY, "uk")
    env = {ENV_VAR: "ru"}
    assert choose_language("fr", settings=ini, environ=env, system="de_DE") == "fr"
    assert choose_language(None, settings=ini, environ=env, system="de_DE") == "ru"
    assert choose_language(None, settings=ini, environ={}, system="de_DE") == "uk"
    assert choose_language(None, settings=None, environ={}, system="fr_CD.UTF-8") == "fr"


def test_language_codes_are_normalised_and_posix_locales_mean_english():
    assert choose_language("fr-CD", environ={}, system="C") == "fr"
    assert choose_language("FR_be@euro", environ={}, system="C") == "fr"
    assert choose_language(None, environ={ENV_VAR: ""}, system="C") == "en"
    assert choose_language(None, environ={}, system="POSIX") == "en"


def test_french_is_shipped_compiled_beside_qts_own_dialog_strings():
    assert "fr" in available_languages()
    assert available_languages()[0] == "en"
    assert (translations_dir() / "fieldreader_fr.qm").stat().st_size > 10_000
    assert (translations_dir() / "fieldreader_fr.ts").is_file()
    assert language_name("fr") == "Français"
    assert language_name("en") == "English"


def test_installing_french_translates_our_strings_qts_and_numbers(french: QApplication):
    assert QCoreApplication.translate("TaskProgress", "Cancel") == "Annuler"
    assert QCoreApplication.translate("EntityTypes", "Armed group") == "Groupe armé"
    assert QLocale().toString(1500) == f"1{NARROW_NBSP}500"
    summary = ImportSummary(())
    assert summary.headline() == "Aucun fichier importable n’a été trouvé."
    progress = TaskProgress()
    assert progress.cancel_button.text() == "Annuler"
    progress.deleteLater()


def test_standard_dialog_buttons_come_from_qts_own_french(french: QApplication):
    parent = QWidget()
    box = QMessageBox(parent)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Close)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Annuler", "Fermer"}
    parent.deleteLater()


def test_english_and_untranslated_languages_install_nothing(qapp: QApplication):
    before = QLocale()
    try:
        assert install_translators(qapp, "fr")
        assert install_translators(qapp, "en") == []
        assert QCoreApplication.translate("TaskProgress", "Cancel") == "Cancel"
        assert install_translators(qapp, "xx") == []
        assert QCoreApplication.translate("TaskProgress", "Cancel") == "Cancel"
        assert QLocale().toString(1500) == "1,500"
    finally:
        QLocale.setDefault(before)


def test_apply_language_says_which_language_is_in_use(
    qapp: QApplication, ini: QSettings, monkeypatch: pytest.MonkeyPatch
):
    before = QLocale()
    monkeypatch.delenv(ENV_VAR, raising=False)
    try:
        assert apply_language(qapp, ini, "fr") == "fr"
        monkeypatch.setenv(ENV_VAR, "xx")
        assert apply_language(qapp, ini) == "en"
        assert QCoreApplication.translate("TaskProgress", "Cancel") == "Cancel"
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(before)


def test_the_language_menu_saves_the_choice_for_the_next_start(qapp: QApplication, ini: QSettings):
    controller = LanguageController(ini)
    parent = QWidget()
    menu = controller.make_menu(parent)
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert labels == ["&System Language", "&English", "&Français"]
    assert controller.language_actions[""].isChecked()
    picked: list[str] = []
    controller.chosen.connect(picked.append)
    controller.language_actions["fr"].trigger()
    assert picked == ["fr"]
    assert ini.value(SETTINGS_KEY) == "fr"
    assert controller.current() == "fr"
    assert controller.language_actions["fr"].isChecked()
    assert "Français" in controller.notice("fr")
    assert "next time" in controller.notice("fr")
    assert choose_language(None, settings=ini, environ={}, system="en_GB") == "fr"
    controller.language_actions[""].trigger()
    assert ini.value(SETTINGS_KEY) is None
    assert "system" in controller.notice("")
    parent.deleteLater()


def test_a_saved_language_no_longer_shipped_checks_the_system_entry(
    qapp: QApplication, ini: QSettings
):
    ini.setValue(SETTINGS_KEY, "xx")
    controller = LanguageController(ini)
    assert controller.language_actions[""].isChecked()


def test_shared_labels_and_outcomes_are_read_in_french(french: QApplication):
    from reader.library.errors import LibraryBusyError
    from reader.library.maintenance import Report
    from reader.ui.common.colours import COLOUR_LABELS, TYPE_LABELS, type_label
    from reader.ui.common.errors import error_message
    from reader.ui.safety.tasks import CheckDone
    from reader.ui.transfer.controller import TransferDone

    assert type_label("armed_group") == "Groupe armé"
    assert TYPE_LABELS["place"] == "Lieu"
    assert TYPE_LABELS.english("place") == "Place"
    assert list(TYPE_LABELS)[0] == "person"
    assert COLOUR_LABELS["yellow"] == "Jaune"
    assert CheckDone(Report()).headline() == "La bibliothèque est saine."
    done = TransferDone("export", Path("/x/l.json"), {"articles": 1500, "notes": 1})
    assert done.describe() == (
        f"Bibliothèque exportée (1{NARROW_NBSP}500 articles, 1 note) dans /x/l.json"
    )
    assert error_message(LibraryBusyError()).startswith("la bibliothèque est occupée")


def test_the_language_submenu_joins_a_menu_and_says_a_restart_is_needed(
    qapp: QApplication, ini: QSettings
):
    parent = QWidget()
    view = QMenu("View", parent)
    said: list[str] = []
    controller = LanguageController(ini, parent)
    submenu = controller.add_to(view, said.append)
    assert view.actions()[-1].menu() is submenu
    assert submenu.title() == "Interface &Language"
    controller.language_actions["fr"].trigger()
    assert said == ["Fieldreader will be in Français the next time it starts."]
    parent.deleteLater()
