"""Every string of the window is translated in French, Arabic and English."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
UI_DIR = ROOT / "desktop" / "katib" / "ui"


def _messages(lang: str) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(TS_DIR / f"katib_{lang}.ts")
    found = {}
    for context in tree.getroot().findall("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def _source_strings() -> set[tuple[str, str]]:
    """(class, text) of every self.tr("…") and (context, text) of QCoreApplication.translate."""
    found = set()
    for path in UI_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "tr" and node.args
                        and isinstance(node.args[0], ast.Constant)):
                    found.add((cls.name, node.args[0].value))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "translate" and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) for a in node.args[:2])):
                found.add((node.args[0].value, node.args[1].value))
    return found


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_every_string_is_translated(lang):
    messages = _messages(lang)
    missing = sorted(_source_strings() - set(messages))
    assert missing == [], f"run `make translations`: {missing[:5]}"
    unfinished = [key for key, tr in messages.items()
                  if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
                  or not (tr.text or "").strip()]
    assert unfinished == [], f"{lang}: untranslated {unfinished[:5]}"
    for (_, source), tr in messages.items():
        # Placeholders survive translation; Arabic strings are really Arabic.
        for marker in ("%1", "%2", "%3"):
            assert (marker in source) == (marker in tr.text), (lang, source)
    if lang == "ar":
        arabic = [tr.text for tr in messages.values()
                  if any("\u0600" <= c <= "\u06ff" for c in tr.text)]
        assert len(arabic) >= 0.8 * len(messages)


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_compiled_translations_load(qapp, lang):
    from katib.ui.app import katib_translation
    from PySide6.QtCore import QTranslator

    path = katib_translation(lang)
    assert path is not None, "the .qm files are built by `make setup` (make qm)"
    translator = QTranslator()
    assert translator.load(path)
    expected = {"fr": "Rédiger", "ar": "تحرير", "en": "Draft"}[lang]
    assert translator.translate("MainWindow", "Draft") == expected
