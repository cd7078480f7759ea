"""Templates are data: the six bundled types load; bad files are reported by name and
line and skipped; a new type dropped into a folder works with no code change."""

from __future__ import annotations

from pathlib import Path

import pytest
from katib.core.drafting import Drafter, load_templates, parse_template
from katib.core.drafting.templates import bundled_dir
from katib.core.errors import TemplateError
from katib.core.settings import OfficeIdentity

TYPES = {"reply_citizen", "service_letter", "note_service", "convocation", "attestation",
         "proces_verbal"}

GOOD = """id = "{id}"
form = "personal"
[labels]
fr = "Demande de pièces"
ar = "طلب وثائق"
en = "Request for documents"
[[fields]]
name = "recipient_name"
type = "text"
required = true
labels = {{ fr = "Nom", ar = "الاسم", en = "Name" }}
[[fields]]
name = "subject"
type = "text"
labels = {{ fr = "Objet", ar = "الموضوع", en = "Subject" }}
[frame]
blocks = ["letterhead", "place_date", "recipient", "subject", "salutation", "body", "closing", "signature"]
[body.text.default]
lead.fr = "J'ai l'honneur de vous demander les pièces suivantes."
lead.ar = "يشرفني أن أطلب منكم الوثائق التالية."
lead.en = "I have the honour to ask you for the following documents."
points.fr = ["objet : {{subject}}"]
points.ar = ["الموضوع: {{subject}}"]
points.en = ["subject: {{subject}}"]
"""


def good(type_id: str = "request_documents") -> str:
    return GOOD.format(id=type_id)


def test_the_six_bundled_types_load_with_three_languages():
    templates = load_templates(user=False)
    assert templates.errors == []
    assert set(templates.ids()) == TYPES
    for template in templates.types():
        assert set(template.labels) == {"fr", "ar", "en"} and all(template.labels.values())
        assert template.fields and "body" in template.blocks
        for field in template.fields:
            assert all(field.labels[lang].strip() for lang in ("fr", "ar", "en")), field.name
            for choice in field.choices:
                assert all(choice.labels[lang] for lang in ("fr", "ar", "en"))


def test_reply_has_three_outcomes_and_refusal_requires_legal_basis_and_appeal():
    reply = load_templates(user=False).get("reply_citizen")
    assert set(reply.body) == {"granted", "refused", "incomplete"}
    assert {"legal_basis", "appeal"} <= reply.required_names({"outcome": "refused"})
    assert "legal_basis" not in reply.required_names({"outcome": "granted"})
    assert "missing_items" in reply.required_names({"outcome": "incomplete"})


@pytest.mark.parametrize("mutation, line_hint, detail", [
    (lambda t: t.replace('form = "personal"', 'form = personal', 1), "form = personal", "line"),
    (lambda t: t.replace('type = "text"\nrequired', 'type = "paragraphs"\nrequired', 1),
     '"paragraphs"', "unknown type"),
    (lambda t: t.replace('form = "personal"\n', '', 1), None, "missing key 'form'"),
    (lambda t: t.replace("J'ai l'honneur de vous demander",
                         "{{ config.__class__ }} J'ai l'honneur", 1), "config", "looks like code"),
    (lambda t: t.replace("les pièces suivantes.", "{% for x in y %}", 1), "{%", "looks like code"),
    (lambda t: t.replace("Demande de pièces", "<script>alert(1)</script>", 1), "<script",
     "looks like code"),
    (lambda t: t.replace("Demande de pièces", "__import__('os')", 1), "__import__",
     "looks like code"),
    (lambda t: t.replace("objet : {subject}", "objet : {secret_key}", 1), "secret_key",
     "does not name a field"),
    (lambda t: t.replace('"closing", ', '"footer_art", ', 1), "footer_art", "unknown frame block"),
])
def test_a_malformed_template_is_reported_with_name_and_line_and_skipped(
        tmp_path, mutation, line_hint, detail):
    folder = tmp_path / "templates"
    folder.mkdir()
    bad = mutation(good("broken_type"))
    assert bad != good("broken_type")
    (folder / "broken.toml").write_text(bad, encoding="utf-8")
    (folder / "fine.toml").write_text(good("fine_type"), encoding="utf-8")
    templates = load_templates([folder], user=False)
    assert "broken_type" not in templates and "fine_type" in templates
    assert len(templates) == len(TYPES) + 1  # the bundled six still load
    [problem] = templates.errors
    assert problem.name == "broken.toml"
    if line_hint:
        line = bad.splitlines()[problem.line - 1]
        assert line_hint in line, (problem, line)
    assert detail in problem.detail
    for lang in ("fr", "ar", "en"):
        text = problem.localized(lang)
        assert "broken.toml" in text and str(problem.line) in text


def test_bad_toml_syntax_gives_the_parser_line(tmp_path):
    with pytest.raises(TemplateError) as info:
        parse_template(good() + '\n[labels\nfr = "x"\n', "syntax.toml")
    assert info.value.params["line"] == len(good().splitlines()) + 2
    assert "syntax.toml" in info.value.localized("fr")


def test_unreadable_and_non_utf8_files_are_skipped(tmp_path):
    data = good("latin_type").encode("utf-8").replace("pièces".encode(), "pi\xe8ces".encode("latin-1"))
    (tmp_path / "latin1.toml").write_bytes(data)
    templates = load_templates([tmp_path], user=False)
    assert [p.name for p in templates.errors] == ["latin1.toml"]
    assert "latin_type" not in templates


def test_a_required_field_that_no_block_shows_is_refused():
    text = good().replace('name = "subject"\ntype = "text"\n',
                          'name = "subject"\ntype = "text"\nrequired = true\n', 1)
    text = text.replace('points.fr = ["objet : {subject}"]', 'points.fr = []', 1) \
        .replace('points.ar = ["الموضوع: {subject}"]', 'points.ar = []', 1) \
        .replace('points.en = ["subject: {subject}"]', 'points.en = []', 1)
    text = text.replace('"subject", ', '', 1)
    with pytest.raises(TemplateError) as info:
        parse_template(text, "hidden.toml")
    assert "subject" in info.value.params["detail"]


def test_a_new_type_in_the_user_folder_works_without_code(monkeypatch, tmp_path):
    monkeypatch.setenv("KATIB_HOME", str(tmp_path / "home"))
    from katib.core.paths import user_paths

    folder = user_paths().user_templates
    folder.mkdir(parents=True)
    (folder / "request_documents.toml").write_text(good(), encoding="utf-8")
    # A user template with a bundled id replaces the bundled one.
    override = good("attestation").replace("Demande de pièces", "Attestation maison")
    (folder / "attestation.toml").write_text(override, encoding="utf-8")
    templates = load_templates()
    assert "request_documents" in templates
    assert templates.get("attestation").labels["fr"] == "Attestation maison"
    drafter = Drafter(None, templates, OfficeIdentity(city="Rabat", signatory_name="A. B.",
                                                      signatory_title="Chef de service"))
    draft = drafter.draft("request_documents", "fr", {"recipient_name": "Nadia Alami",
                                                      "subject": "Dossier de bourse"})
    text = draft.full_text()
    assert "Madame, Monsieur Nadia" not in text  # civility unknown: the name alone
    assert "\nMadame, Monsieur,\n" in text  # and the appel that fits both
    assert "Nadia Alami" in text and "Objet\u00a0: Dossier de bourse" in text
    assert draft.body.startswith("J'ai l'honneur de vous demander")


def test_unknown_type_is_one_clear_localized_line():
    templates = load_templates(user=False)
    with pytest.raises(TemplateError) as info:
        templates.get("lettre_au_pape")
    for lang in ("fr", "ar", "en"):
        text = info.value.localized(lang)
        assert "lettre_au_pape" in text and "\n" not in text and "reply_citizen" in text


def test_templates_folder_holds_only_toml_data():
    for path in Path(bundled_dir()).iterdir():
        assert path.suffix == ".toml", path
