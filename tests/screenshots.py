"""`make screenshots`: every screen of Katib in French and in Arabic, as PNG files.

Runs the real window on the real default model under Xvfb (re-running itself
under `xvfb-run` when there is no display): the first-run welcome, a letter
drafted by the model, a real PDF summarized, the history after those, the
models and the settings. Each language runs in its own process with a fresh
KATIB_HOME (the model is linked in, not copied). Files land in `screenshots/`
(not committed): `fr-2-draft.png`, `ar-3-summarize.png`…

    python tests/screenshots.py [--lang fr|ar] [--out DIR] [--quick]

`--quick` skips the generation steps (model runs), for checking layouts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("KATIB_EVAL", ROOT.parent / "shared" / "eval"))
SIZE = (1280, 800)

OFFICE = {
    "fr": dict(state="Royaume du Maroc", ministry="Ministère de l'Intérieur",
               direction="Province de Kénitra", service="Commune de Sidi Slimane — "
               "Service de l'état civil", city="Sidi Slimane", phone="05 37 50 12 34",
               signatory_name="Karim El Idrissi", signatory_title="Le Président du Conseil"),
    "ar": dict(state="المملكة المغربية", ministry="وزارة الداخلية",
               direction="عمالة إقليم القنيطرة",
               service="جماعة سيدي سليمان — مصلحة الحالة المدنية", city="سيدي سليمان",
               phone="05 37 50 12 34", signatory_name="كريم الإدريسي",
               signatory_title="رئيس المجلس الجماعي"),
}
REPLY = {
    "fr": dict(recipient_civility="mme", recipient_name="Fatima Benali",
               recipient_address="12, rue Al Massira, Sidi Slimane",
               subject="Demande de copie intégrale d'acte de naissance",
               request_date="2026-11-20", outcome="granted",
               procedure="Se présenter au guichet n° 3 avec la CIN."),
    "ar": dict(recipient_civility="mme", recipient_name="فاطمة بنعلي",
               recipient_address="12، شارع المسيرة، سيدي سليمان",
               subject="طلب نسخة كاملة من رسم الولادة",
               request_date="2026-11-20", outcome="granted",
               procedure="الحضور إلى الشباك رقم 3 مع البطاقة الوطنية."),
}
SOURCE = {"fr": "documents/pdf/fr-proces-verbal-2023-06-20.pdf",
          "ar": "documents/pdf/fr-proces-verbal-2023-06-20.pdf"}


def prepare_home(home: Path, lang: str) -> None:
    """A fresh KATIB_HOME with the default model linked in and the office identity set."""
    from katib.core.model_store import ModelStore
    from katib.core.paths import user_paths
    from katib.core.settings import OfficeIdentity, Settings, save_settings

    model = ModelStore(user_paths().ensure()).default_model_path()
    models = home / "models"
    models.mkdir(parents=True, exist_ok=True)
    target = models / model.name
    if not target.exists():
        try:
            os.link(model, target)
        except OSError:
            os.symlink(model, target)
    if (model.parent / "index.json").exists():
        shutil.copy(model.parent / "index.json", models / "index.json")
    save_settings(Settings(interface_language=lang, output_language=lang, first_run_done=True,
                           office=OfficeIdentity(**OFFICE[lang])),
                  home / "config" / "settings.json")


def spin_until(predicate, timeout: float) -> bool:
    """Run the event loop until `predicate()` holds or `timeout` seconds pass."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(25)
    poll.timeout.connect(lambda: loop.quit() if predicate() or time.monotonic() > deadline
                         else None)
    poll.start()
    if not predicate():
        loop.exec()
    poll.stop()
    return bool(predicate())


def settle(ms: int = 300) -> None:
    """Let layouts, fonts and repaints finish before a grab."""
    end = time.monotonic() + ms / 1000
    spin_until(lambda: time.monotonic() > end, ms / 1000 + 1)


def grab(widget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"  {path}", flush=True)


def shoot(lang: str, out: Path, quick: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from katib.core.paths import user_paths
    from katib.core.settings import load_settings
    from katib.ui.app import KatibApp
    from katib.ui.first_run_dialog import FirstRunDialog
    from katib.ui.main_window import MainWindow

    qt_app = QApplication.instance() or QApplication([sys.argv[0]])
    paths = user_paths().ensure()
    app = KatibApp(qt_app, paths=paths, settings=load_settings(paths.settings_file))
    if app.store is None:
        from katib.core.store import Store

        app.store = Store.open(paths, auto_backup=False)

    dialog = FirstRunDialog(app)
    dialog.show()
    grab(dialog, out / f"{lang}-0-first-run.png")
    dialog.close()

    window = MainWindow(app)
    window.resize(*SIZE)
    window.show()
    app.load_model()
    spin_until(lambda: app.lane.state in ("ready", "failed"), 120)

    draft = window.show_screen("draft")
    if draft is not None:
        index = draft.type_combo.findData("reply_citizen")
        if index >= 0:
            draft.type_combo.setCurrentIndex(index)
        lang_index = draft.lang_combo.findData(lang)
        if lang_index >= 0:
            draft.lang_combo.setCurrentIndex(lang_index)
        draft.form.set_values(REPLY[lang])
        if not quick:
            draft.generate()
            spin_until(lambda: not draft.busy(), 240)
        grab(window, out / f"{lang}-1-draft.png")

    summarize = window.show_screen("summarize")
    if summarize is not None:
        index = summarize.language_combo.findData(lang)
        summarize.language_combo.setCurrentIndex(index)
        if lang != "fr":  # a French source: each point is translated, so keep the note short
            summarize.detail_combo.setCurrentIndex(0)
        summarize.files.add_paths([EVAL / SOURCE[lang]])
        spin_until(lambda: not summarize.files.reading, 120)
        if not quick:
            summarize.start()
            spin_until(lambda: not summarize.busy(), 1200)
            cited = summarize.note.citations() if summarize.note else []
            if cited:
                summarize.show_citation(cited[0])
        grab(window, out / f"{lang}-2-summarize.png")

    history = window.show_screen("history")
    if history is not None:
        history.refresh()
        if history.rows():
            history.select(*history.rows()[0])
        grab(window, out / f"{lang}-3-history.png")
        history.search_edit.setText("proces verbal demolition" if lang == "fr" else "رسم الولادة")
        spin_until(lambda: not history.search_timer.isActive(), 5)
        grab(window, out / f"{lang}-4-history-search.png")

    for n, key in ((5, "models"), (6, "settings")):
        if window.show_screen(key) is not None:
            grab(window, out / f"{lang}-{n}-{key}.png")

    window.close()
    app.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("fr", "ar"))
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24",
                                sys.executable, *sys.argv])
    if args.lang is None:
        # One process per language: a fresh application, home and database each time.
        for lang in ("fr", "ar"):
            command = [sys.executable, __file__, "--lang", lang, "--out", str(out)]
            if args.quick:
                command.append("--quick")
            code = subprocess.call(command)
            if code:
                return code
        return 0
    print(f"screenshots ({args.lang}) -> {out}", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"katib-shots-{args.lang}-") as tmp:
        prepare_home(Path(tmp), args.lang)  # finds the model in the current KATIB_HOME first
        os.environ["KATIB_HOME"] = tmp
        shoot(args.lang, out, args.quick)
    sys.stdout.flush()
    # Qt objects torn down by the interpreter after a model thread ran can crash at exit
    # (PySide6); the files are written, so leave at once.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
