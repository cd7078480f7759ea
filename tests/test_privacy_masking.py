"""Reversible masking inside Katib, irreversible in the export (issue 7, "citizens' data").

- the store keeps the mapping beside its draft or summary (format 3, with a
  migration from older files), in one transaction with the masked text, in a
  database readable by the user only; deleting the item deletes the mapping;
- a masked draft or summary exported to .docx never holds an original value:
  the .docx zip is scanned byte by byte (every part, decompressed) and
  LibreOffice's own text of it is scanned too.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from katib.core.paths import Paths
from katib.core.privacy import Masking
from katib.core.privacy.docx_redact import redact_docx
from katib.core.store import Store
from katib.core.store_schema import MIGRATIONS, connect, migrate

FIELDS = {"person_name": "Zineb Ammor", "cin": "AB123456"}
BODY_FR = ("Nous attestons que Mme Zineb Ammor, titulaire de la CIN AB123456, demeurant "
           "12 rue Ibn Sina, Agdal, Rabat, joignable au 06 12 34 56 78 ou à "
           "zineb.ammor@example.ma, exerce les fonctions de technicienne depuis 2015.")
BODY_AR = ("نشهد بأن السيدة زينب عمور، الحاملة للبطاقة الوطنية رقم AB123456، الساكنة "
           "بزنقة ابن سينا رقم 12 حي أكدال الرباط، الهاتف 0612345678، تعمل تقنية منذ 2015.")
ORIGINALS_FR = ["Zineb Ammor", "AB123456", "06 12 34 56 78", "zineb.ammor@example.ma",
                "rue Ibn Sina"]
ORIGINALS_AR = ["زينب عمور", "AB123456", "0612345678", "ابن سينا"]


def make_paths(root: Path) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


@pytest.fixture
def store(tmp_path):
    with Store.open(make_paths(tmp_path), auto_backup=False) as opened:
        yield opened


def test_a_masked_draft_is_kept_with_its_mapping_and_restored_later(tmp_path):
    paths = make_paths(tmp_path)
    with Store.open(paths, auto_backup=False) as store:
        draft_id = store.create_draft("attestation", "fr", "Attestation", FIELDS, BODY_FR)
        masking = Masking(lang="fr", names=["Zineb Ammor"])
        masked = masking.mask(BODY_FR)
        store.apply_masking("draft", draft_id, masked, masking.to_dict())
    # Another day: the database alone gives the masked text and the way back.
    with Store.open(paths, auto_backup=False) as store:
        draft = store.get_draft(draft_id)
        assert draft.text == masked and not any(o in masked for o in ORIGINALS_FR)
        # The original stays a version of the draft (inside Katib), the masked text is the last.
        assert draft.versions[0].text == BODY_FR and draft.versions[-1].text == masked
        back = Masking.from_dict(store.get_masking("draft", draft_id))
        assert back.restore(draft.text) == BODY_FR
        # The masked text is what search sees; the originals are not in the index body.
        assert [h.id for h in store.search("technicienne")] == [draft_id]
        store.apply_masking("draft", draft_id, back.restore(draft.text), None)
        assert store.get_masking("draft", draft_id) is None
        assert store.get_draft(draft_id).text == BODY_FR
        events = [e["event"] for e in store.audit_log("draft", draft_id)]
        assert events[:2] == ["unmasked", "masked"]
        # The audit trail says how many values, never which.
        assert not any(o in json.dumps(store.audit_log()) for o in ORIGINALS_FR)
        # A copy of a masked draft can be restored too.
        store.apply_masking("draft", draft_id, masked, masking.to_dict())
        copy_id = store.duplicate_draft(draft_id)
        assert store.get_masking("draft", copy_id) == masking.to_dict()
    database = paths.database
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_a_masked_summary_keeps_its_data_and_mapping_and_dies_with_its_row(store):
    data = {"sections": [{"title": "Points clés", "points": [BODY_AR + " [1]"]}],
            "passages": {"1": {"key": "1", "file": "pv.docx", "text": BODY_AR, "page": None,
                               "paragraph": 1, "before": "", "after": ""}}}
    summary_id = store.add_summary("Note", "ar", BODY_AR, data)
    masking = Masking(lang="ar", names=["زينب عمور"])
    masked_text, masked_data = masking.mask(BODY_AR), masking.mask_all(data)
    store.apply_masking("summary", summary_id, masked_text, masking.to_dict(), masked_data)
    kept = store.get_summary(summary_id)
    assert kept.text == masked_text and "[الاسم-1]" in kept.text
    assert not any(o in json.dumps(kept.data, ensure_ascii=False) for o in ORIGINALS_AR)
    back = Masking.from_dict(store.get_masking("summary", summary_id))
    assert back.restore_all(kept.data) == data and back.restore(kept.text) == BODY_AR
    # Retention erases the item for real: the mapping goes with it.
    store.delete("summary", summary_id)
    store.purge_deleted()
    rows = sqlite3.connect(store.path).execute("SELECT count(*) FROM summaries "
                                               "WHERE masking IS NOT NULL").fetchone()
    assert rows[0] == 0


def test_masking_is_saved_with_its_text_or_not_at_all(store):
    from katib.core.store_errors import ItemNotFound

    with pytest.raises(ItemNotFound):
        store.apply_masking("draft", 999, "[NOM-1]", {"originals": {"[NOM-1]": "x"}})
    with pytest.raises(ValueError):
        store.apply_masking("document", 1, "x", None)


def test_a_version_2_database_gets_the_masking_column_with_its_data_intact(tmp_path):
    paths = make_paths(tmp_path)
    paths.data.mkdir(parents=True)
    # A database exactly as format 2 left it (its own migrations, stopped at 2).
    db = connect(paths.database)
    migrate(db, target=2)
    db.conn.execute("INSERT INTO drafts (type_id, lang, title, fields, text, created_at, "
                    "updated_at) VALUES ('attestation', 'fr', 'Ancienne', '{}', ?, 't', 't')",
                    [BODY_FR])
    db.conn.commit()
    columns = {c.name for c in db["drafts"].columns}
    assert "masking" not in columns and "deleted_at" in columns
    db.conn.close()
    assert max(MIGRATIONS) == 3
    with Store.open(paths, auto_backup=False) as store:
        assert store.get_draft(1).text == BODY_FR
        assert store.get_masking("draft", 1) is None
        masking = Masking(lang="fr", names=["Zineb Ammor"])
        store.apply_masking("draft", 1, masking.mask(BODY_FR), masking.to_dict())
        assert store.integrity_check() == ["ok"]
    conn = sqlite3.connect(paths.database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    for table in ("drafts", "summaries"):
        assert "masking" in [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    conn.close()
    assert stat.S_IMODE(paths.database.stat().st_mode) == 0o600


# -- the export ------------------------------------------------------------------------

def docx_bytes(path: Path) -> bytes:
    """Every part of the .docx, decompressed, plus the zip itself."""
    with zipfile.ZipFile(path) as archive:
        return path.read_bytes() + b"".join(archive.read(n) for n in archive.namelist())


def libreoffice_text(path: Path, out: Path) -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice is part of the test set-up"
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{out}/lo",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    return (out / (path.stem + ".txt")).read_text(encoding="utf-8")


def letter(path: Path, body: str, name: str, rtl: bool = False) -> None:
    """A letter with the name in the header, the recipient line, a table and the title."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = f"Dossier de {name}"
    doc.add_paragraph(f"À l'attention de {name}")
    paragraph = doc.add_paragraph()
    for piece in (body[:20], body[20:]):  # a name split across two runs
        paragraph.add_run(piece)
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Intéressé(e)", name
    doc.core_properties.title = f"Attestation {name}"
    doc.core_properties.author = name
    doc.save(path)


@pytest.mark.parametrize("lang,body,name,originals", [
    ("fr", BODY_FR, "Zineb Ammor", ORIGINALS_FR),
    ("ar", BODY_AR, "زينب عمور", ORIGINALS_AR),
])
def test_the_export_of_a_masked_item_never_holds_an_original(tmp_path, lang, body, name,
                                                               originals):
    masking = Masking(lang=lang, names=[name])
    masked_body = masking.mask(body)
    assert not any(o in masked_body for o in originals)
    # The exporter wrote the masked body, but the frame repeats the name in clear.
    source = tmp_path / "export-en-clair.docx"
    letter(source, masked_body, name)
    assert name.encode() in docx_bytes(source)
    target = tmp_path / "attestation.docx"
    redact_docx(source, target, masking=masking.to_dict())
    raw = docx_bytes(target)
    for original in originals + [name]:
        assert original.encode("utf-8") not in raw, original
    # The labels are the ones on screen, and nothing can restore them from the file.
    text = libreoffice_text(target, tmp_path)
    label = {"fr": "[NOM-1]", "ar": "[الاسم-1]"}[lang]
    assert label in masked_body and label in text
    for original in originals:
        assert original not in text, original
    assert b"originals" not in raw and masking.originals  # the mapping stayed in Katib
