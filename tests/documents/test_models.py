"""Documents: symbols, what a document belongs to, one checked file per language."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from assemblies.models import Resolution
from documents.models import Document, DocumentFile, build_symbol
from members.models import MemberGovernment
from tests.documents.conftest import PDF

pytestmark = pytest.mark.django_db
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "80_documents.json"


def test_every_recorded_resolution_has_its_symbol():
    symbols = dict(Document.objects.filter(kind="resolution").values_list("resolution_id", "symbol"))
    assert set(symbols) == set(Resolution.objects.values_list("pk", flat=True))
    assert Document.objects.get(resolution__motion__agenda_item__title_en="Admission of a new member").symbol == (
        "NEAR/GA/12/RES/2"
    )
    assert sorted(s for s in symbols.values() if s.startswith("NEAR/WC/")) == ["NEAR/WC/11/RES/1", "NEAR/WC/11/RES/2"]


def test_the_fixture_symbols_are_the_ones_the_model_builds():
    rows = json.loads(FIXTURE.read_text())
    documents = {d.pk: d for d in Document.objects.select_related("session")}
    assert [row["fields"]["symbol"] for row in rows] == [documents[row["pk"]].built_symbol() for row in rows]


def test_a_resolution_document_carries_the_titles_of_its_agenda_item_in_six_languages():
    document = Document.objects.get(symbol="NEAR/GA/12/RES/2")
    assert (document.title_en, document.title_zh_hans, document.title_ru) == (
        "Admission of a new member",
        "新会员入会",
        document.resolution.motion.agenda_item.title_ru,
    )


def test_the_symbol_is_built_from_body_session_series_and_number(make_document, ga12):
    assert make_document(number=3, kind="agenda").symbol == "NEAR/GA/12/DOC/3"
    assert make_document(number=1, kind="minutes").symbol == "NEAR/GA/12/MIN/1"
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    assert (
        make_document(number=2, body="SEC", session=None, member=hyogo, date=datetime.date(2024, 5, 1)).symbol
        == "NEAR/SEC/2024/DOC/2"
    )
    assert build_symbol(body="WC", kind="resolution", number=4, session=ga12) == "NEAR/WC/12/RES/4"


def test_a_second_document_with_the_same_symbol_is_refused(make_document):
    make_document(number=5)
    with pytest.raises(ValidationError, match="NEAR/GA/12/DOC/5"):
        make_document(number=5)
    with transaction.atomic(), pytest.raises(IntegrityError, match="document_unique_symbol"):
        Document.objects.create(
            kind="plan",
            body="GA",
            number=5,
            title_en="Twin",
            date=datetime.date(2018, 1, 1),
            session_id=Document.objects.get(symbol="NEAR/GA/12/DOC/5").session_id,
        )


def test_a_document_belongs_to_exactly_one_thing(make_document):
    hyogo = MemberGovernment.objects.get(slug="hyogo")
    document = make_document()
    with transaction.atomic(), pytest.raises(IntegrityError, match="document_belongs_to_one_thing"):
        Document.objects.filter(pk=document.pk).update(member=hyogo)
    with transaction.atomic(), pytest.raises(IntegrityError, match="document_belongs_to_one_thing"):
        Document.objects.filter(pk=document.pk).update(session=None)


def test_the_body_must_be_the_sessions(make_document):
    with pytest.raises(ValidationError, match="issued by the General Assembly"):
        make_document(body="WC")


def test_one_file_per_language_checked_by_content(make_document, attach, media):
    document = make_document()
    version = attach(document, "zh-hans", "决议.pdf")
    assert (version.content_type, version.size) == ("application/pdf", len(PDF))
    assert Path(version.file.path).read_bytes() == PDF
    assert version.file.name.startswith(f"documents/{document.pk}/zh-hans-")
    with pytest.raises(ValidationError, match="Language version with this Document and Language already exists"):
        attach(document, "zh-hans")
    with pytest.raises(ValidationError, match="not what its name says"):
        attach(document, "en", "fake.pdf", b"MZ\x90\x00 not a pdf at all")
    with pytest.raises(ValidationError, match="not accepted here"):
        attach(document, "en", "script.html", b"<script>alert(1)</script>")
    assert list(DocumentFile.objects.filter(document=document).values_list("language", flat=True)) == ["zh-hans"]
