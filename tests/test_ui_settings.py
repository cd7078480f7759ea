"""Settings screen: office identity, languages, font size, all saved and applied."""

from __future__ import annotations

from katib.core.settings import load_settings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_settings_are_saved_and_applied(qtbot, make_app):
    from katib.ui.settings_view import SettingsView

    app = make_app(language="en")
    view = SettingsView(app)
    qtbot.addWidget(view)
    view.office_edits["ministry"].setText("وزارة الداخلية")
    view.office_edits["signatory_name"].setText("Karim Alaoui")
    view.output_language.setCurrentIndex(view.output_language.findData("ar"))
    view.threads.setValue(1)
    view.font_size.setValue(14)
    view.interface_language.setCurrentIndex(view.interface_language.findData("ar"))
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)

    saved = load_settings(app.paths.settings_file)
    assert saved.office.ministry == "وزارة الداخلية"
    assert saved.office.signatory_name == "Karim Alaoui"
    assert (saved.output_language, saved.threads, saved.font_size) == ("ar", 1, 14)
    assert saved.interface_language == "ar"
    assert QApplication.font().pointSize() == 14
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.save_button.text() == "&حفظ"
    # A Latin name keeps its left-to-right direction in the Arabic interface.
    assert view.office_edits["signatory_name"].layoutDirection() == Qt.LayoutDirection.LeftToRight
    app.settings.font_size = 11
    app.apply_font_size()
