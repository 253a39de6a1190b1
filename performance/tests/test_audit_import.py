"""Case audits as services keep them: their own grade words, asked about once; their own header
for the auditor; and answers kept for the service the moment they are given, so a corrected file
uploaded again is not asked the same questions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from performance.models import AuditGrade, CaseAudit
from yos_tracker.models import LabelAlias

pytestmark = pytest.mark.django_db

HEADER = "Month,Case reference,Case type,Assessment,Intervention plan,Risk management plan,Vulnerability plan,Overall"
URL = reverse("performance:audit_import", kwargs={"org": "lewisham"})


def _upload(client, *lines, header=HEADER):
    return client.post(URL, {"file": SimpleUploadedFile("audits.csv", "\n".join([header, *lines]).encode())})


@pytest.fixture
def importing(client, manager, organisation):
    AuditGrade.objects.install(organisation, "lewisham")
    manager.first_name, manager.last_name = "Ada", "Okafor"
    manager.save()
    client.force_login(manager)
    return client


def test_a_grade_word_is_asked_once_and_the_answer_kept_for_a_corrected_file(importing, organisation):
    first = _upload(
        importing,
        "Oct 2015,LW-2015-001,Court order,Requires improvement,Good,Good,Good,Requires improvement",
        "Oct 2015,LW-2015-002,Court order,Good,requires improvement,Good,Good,Good",
        "Oct 2015,LW-2015-003,Court order,Good,Good,Good,Good,Outstanding",
    )
    result = first.context["result"]
    assert [(q.label, q.rows) for q in result.labels] == [("Requires improvement", (2, 3)), ("Outstanding", (4,))]
    assert result.label_words.heading == "Grades the service's scale does not know"

    # Answered, not confirmed: the person goes back and uploads a corrected file instead.
    importing.post(URL, {"token": first.context["token"], "label:Requires improvement": "not_satisfactory"})
    assert list(LabelAlias.objects.for_org(organisation).values_list("importer", "label", "code")) == [
        ("audits", "requires improvement", "not_satisfactory")
    ]
    corrected = _upload(
        importing,
        "Oct 2015,LW-2015-001,Court order,Requires improvement,Good,Good,Good,Requires improvement",
        "Oct 2015,LW-2015-002,Court order,Good,requires improvement,Good,Good,Good",
    )
    result = corrected.context["result"]
    assert result.labels == [] and result.errors == []
    importing.post(URL, {"token": corrected.context["token"], "confirm": "1"})
    audit = CaseAudit.objects.get(case_reference="LW-2015-001")
    assert (audit.assessment.code, audit.overall.code) == ("not_satisfactory", "not_satisfactory")


def test_a_column_mapping_is_kept_the_moment_it_is_given(importing, organisation):
    header = f"{HEADER},QA officer"
    line = "Oct 2015,LW-2015-001,Court order,Good,Good,Good,Good,Good,Ada Okafor"
    first = _upload(importing, line, header=header)
    assert first.context["result"].unknown_headers == ["QA officer"]
    importing.post(URL, {"token": first.context["token"], "column:QA officer": "auditor"})

    again = _upload(importing, line, header=header)
    result = again.context["result"]
    assert result.unknown_headers == [] and result.is_valid
    importing.post(URL, {"token": again.context["token"], "confirm": "1"})
    assert CaseAudit.objects.get().auditor.get_full_name() == "Ada Okafor"


def test_the_auditor_column_names_a_member_or_keeps_the_name_as_written(importing, manager, make_member, organisation):
    colleague = make_member(organisation, "manager", "bo.lind")
    preview = _upload(
        importing,
        "Oct 2015,LW-2015-001,Court order,Good,Good,Good,Good,Good,bo.lind",
        "Oct 2015,LW-2015-002,Court order,Good,Good,Good,Good,Good,Former Auditor",
        "Oct 2015,LW-2015-003,Court order,Good,Good,Good,Good,Good,",
        header=f"{HEADER},Audited by",
    )
    result = preview.context["result"]
    assert [row.detail for row in result.rows] == [
        "Good",
        "Good; audited by Former Auditor, who has no account here",
        "Good; no auditor given: audited by you",
    ]
    importing.post(URL, {"token": preview.context["token"], "confirm": "1"})
    audits = {a.case_reference: a for a in CaseAudit.objects.all()}
    assert audits["LW-2015-001"].auditor == colleague
    assert (audits["LW-2015-002"].auditor, audits["LW-2015-002"].auditor_display) == (None, "Former Auditor")
    assert audits["LW-2015-003"].auditor == manager
    assert "Former Auditor" in importing.get(reverse("performance:audit_list", kwargs={"org": "lewisham"})).text

    # The export names each auditor as the importer reads them, so a round trip changes nothing.
    retitled = _upload(
        importing, "Oct 2015,LW-2015-002,Court order,Good,Good,Good,Good,Good,Ada Okafor", header=f"{HEADER},Auditor"
    )
    assert retitled.context["result"].rows[0].changes == [("Auditor", "Former Auditor", "Ada Okafor")]
