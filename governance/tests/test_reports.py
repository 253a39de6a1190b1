"""Committee reports: the PDF is checked from the PDF itself (text with pypdf, colours from
pdftoppm's page images), renders are idempotent, failures are recorded and retried."""

import datetime
import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from governance import renders, report_services, reporting
from governance.models import CommitteeReport, ReportRender
from governance.models.reports import RenderStatus
from improvement import services as improvement_services
from improvement.models import RagStatus
from improvement.tests.factories import ActionFactory, PlanFactory, RecommendationFactory, UpdateFactory
from yos_tracker.tests.helpers import wait_for

GREEN, RED = (0x00, 0x70, 0x3C), (0xD4, 0x35, 0x1C)


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo")
    return CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee")


def pdf_text(pdf: bytes) -> tuple[list[str], str]:
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    return pages, " ".join(" ".join(pages).split())


def page_pixels(pdf: bytes, page: int) -> list[tuple[int, int, int]]:
    """The page as RGB pixels, drawn by pdftoppm (poppler) at 40 dpi."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "40",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(source),
                str(Path(folder) / "page"),
            ],
            check=True,
            capture_output=True,
        )
        ppm = (Path(folder) / "page.ppm").read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    data = ppm[header.end() :]
    return [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]


def near(pixel, colour, tolerance=30) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


@pytest.mark.django_db
def test_lewishams_demo_report_says_what_the_committee_needs(demo):
    pdf, page_count = reporting.render_pdf(demo)
    pages, text = pdf_text(pdf)
    assert 8 <= page_count <= 40 and len(pages) == page_count

    # The cover table, as in seed 000.
    cover = " ".join(pages[0].split())
    for value in [
        "Safer Stronger Select Committee",
        "Key decision No",
        "Item no. 5",
        "Ward All",
        "Class Part 1 (public)",
        "28 June 2017",
        "Full Joint Inspection into Lewisham Youth Offending Work",
    ]:
        assert value in cover, value
    assert f"Page 1 of {page_count}" in cover and f"Page {page_count} of {page_count}" in pages[-1]

    # Every recommendation of the plan, quoted, with its status.
    for n in range(1, 10):
        assert f"Recommendation {n} " in text, n
    assert "26 actions: 14 Green, 11 Amber, 1 Purple" in text

    # Appendix A: indicator names with their RAG labels; Appendix B: the register's rows.
    appendix_a = next(i for i, p in enumerate(pages) if "Appendix A: performance dashboard" in p)
    dashboard = " ".join(" ".join(pages[appendix_a : appendix_a + 4]).split())
    # With its value a year before (seed 004: 56.3% for the January-March 2016 cohort).
    assert re.search(
        r"Reducing Reoffending: YJB Binary Rate Jan 2017 39\.7% 40\.0% Green ▲ Better 56\.3% −16\.6 points", dashboard
    )
    # Appendix A's own key for the lines no target rates (seed 000), and those lines rated on it.
    assert (
        "rated by judgement on the service's key: Green Target met Amber Toward met target Red Target not met "
        "Purple Target not started or problematic" in dashboard
    )
    assert re.search(r"Trauma - % of cases assessed for trauma — — 100\.0% Purple \(judged\)", dashboard)
    assert "Reducing the numbers of First Time Entrants to the YJS" in dashboard and "Amber" in dashboard
    appendix_b = " ".join(
        " ".join(p for p in pages if "Appendix B: risk register" in p or "Serious youth" in p).split()
    )
    assert "No terms of reference for the YJMB" in appendix_b and "Serious youth violence" in appendix_b
    assert "Appendix C: improvement plan actions" in text

    # Colours carry meaning too: Green and Red badges are drawn on the dashboard pages.
    pixels = page_pixels(pdf, appendix_a + 1)
    assert sum(near(p, GREEN) for p in pixels) > 20
    heat_page = next(i for i, p in enumerate(pages) if "Appendix B: risk register" in p) + 1
    assert sum(near(p, RED) for p in page_pixels(pdf, heat_page)) > 100  # the heat map's High cells


def struct_elements(node):
    """Every element of a tagged PDF's structure tree under node, depth first."""
    node = node.get_object()
    if "/S" in node:
        yield node
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        if isinstance(kid, IndirectObject | DictionaryObject):
            yield from struct_elements(kid)


@pytest.mark.django_db
def test_the_pdf_is_pdf_ua_with_its_language_title_outline_table_headers_and_charts_described(demo):
    pdf, _ = reporting.render_pdf(demo)
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert reader.metadata.title == demo.title and catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    assert 'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data().decode()

    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [item.title]

    headings = list(titles(reader.outline))  # WeasyPrint makes the outline from the headings
    assert "Appendix A: performance dashboard" in headings and "Appendix B: risk register" in headings
    assert "Recommendation 1" in headings

    elements = list(struct_elements(catalog["/StructTreeRoot"]))
    tags = {element["/S"] for element in elements}
    assert {"/Table", "/TH", "/TD", "/H1", "/H2"} <= tags
    # Data cells name their headers (/Headers): a screen reader says which column a figure is in.
    assert any(element["/A"].get("/Headers") for element in elements if element["/S"] == "/TD")
    # Every element with an /ID is listed, by that ID, in the root's /IDTree (ISO 32000-1, 14.7.2).
    listed = catalog["/StructTreeRoot"]["/IDTree"]["/Names"]
    by_id = {listed[i]: listed[i + 1].get_object() for i in range(0, len(listed), 2)}
    with_ids = {element["/ID"]: element for element in elements if "/ID" in element}
    assert with_ids and set(by_id) == set(with_ids) and all(by_id[key] is with_ids[key] for key in with_ids)
    figures = [element for element in elements if element["/S"] == "/Figure"]
    assert figures and all(figure.get("/Alt") for figure in figures)
    alternatives = " ".join(figure["/Alt"] for figure in figures)
    assert "Last 12 values of Reducing Reoffending: YJB Binary Rate" in alternatives  # a sparkline
    assert "Reducing Reoffending: YJB Binary Rate: Lewisham: " in alternatives  # a chart, with its values


@pytest.mark.django_db
def test_delivering_the_same_render_twice_yields_one_file(demo, manager, media_root):
    render = report_services.render_request(report=demo, user=manager)
    first = renders.render_execute(render_id=render.pk, task_id="task-1")
    again = renders.render_execute(render_id=render.pk, task_id="task-1")
    other = renders.render_execute(render_id=render.pk, task_id="task-2")
    assert first.status == again.status == other.status == RenderStatus.DONE
    assert first.content_hash == again.content_hash and again.file.name == first.file.name
    assert ReportRender.objects.count() == 1
    assert len(list((media_root / "reports" / "lewisham").iterdir())) == 1
    assert first.attempts == 1


@pytest.mark.django_db
def test_generating_again_makes_a_new_version_and_keeps_the_old(demo, manager, media_root):
    v1 = renders.render_execute(render_id=report_services.render_request(report=demo, user=manager).pk)
    v2 = renders.render_execute(render_id=report_services.render_request(report=demo, user=manager).pk)
    assert (v1.version, v2.version) == (1, 2)
    assert v1.file.name != v2.file.name
    assert len(list((media_root / "reports" / "lewisham").iterdir())) == 2


@pytest.mark.django_db
def test_a_failing_render_records_its_reason_and_a_retry_succeeds(demo, manager, monkeypatch):
    render = report_services.render_request(report=demo, user=manager)

    def broken(report, progress, **moment):
        progress("Collecting the figures")
        raise RuntimeError("font cache unavailable")

    monkeypatch.setattr(reporting, "render_pdf", broken)
    with pytest.raises(RuntimeError):
        renders.render_execute(render_id=render.pk, task_id="t1")
    render.refresh_from_db()
    assert render.status == RenderStatus.FAILED and "font cache unavailable" in render.error
    # The page says what could not be done, in words; the error itself stays in the log and admin.
    assert render.failure.startswith("It stopped because the figures could not be collected from the records.")
    assert "RuntimeError" not in render.failure and "font cache" not in render.failure
    assert "Traceback" in render.error
    monkeypatch.undo()
    report_services.render_retry(render=render)
    render.refresh_from_db()
    assert render.status == RenderStatus.QUEUED
    done = renders.render_execute(render_id=render.pk, task_id="t2")
    assert done.status == RenderStatus.DONE and done.attempts == 2 and done.version == 1


@pytest.mark.celery
def test_the_render_goes_through_the_worker(celery_worker, demo, manager):
    from django.db import transaction

    with transaction.atomic():
        render = report_services.render_request(report=demo, user=manager)
    render = wait_for(lambda: ReportRender.objects.filter(pk=render.pk, status=RenderStatus.DONE).first(), timeout=60)
    assert render.pages >= 8 and render.file.read(5) == b"%PDF-"


@pytest.mark.django_db
def test_the_command_renders_synchronously(demo, tmp_path):
    out = tmp_path / "report.pdf"
    call_command(
        "committee_report",
        "lewisham",
        "--committee",
        "Safer Stronger Select Committee",
        "--date",
        "2017-06-28",
        "--out",
        str(out),
    )
    assert out.read_bytes()[:5] == b"%PDF-"
    with pytest.raises(Exception, match="No report to"):
        call_command("committee_report", "lewisham", "--committee", "Nobody", "--date", "2017-06-28", "--out", str(out))


@pytest.mark.django_db
def test_a_new_report_is_prefilled_from_the_previous_one_to_the_committee(demo):
    initial = report_services.report_prefill(
        organisation=demo.organisation, committee="safer stronger select committee"
    )
    assert initial["purpose"] == demo.purpose and initial["background"] == demo.background
    assert str(initial["period_start"]) == "2017-06-29"


def test_a_corrected_update_is_marked_as_such_in_the_report(organisation):
    scale = {s.code: s for s in RagStatus.objects.install(organisation)}
    plan = PlanFactory(organisation=organisation)
    action = ActionFactory(recommendation=RecommendationFactory(plan=plan))
    corrected = UpdateFactory(action=action, date=datetime.date(2017, 5, 2), narrative="Firts audit done.")
    UpdateFactory(action=action, date=datetime.date(2017, 6, 1), narrative="Second audit done.")
    improvement_services.action_update_correct(
        update=corrected, date=corrected.date, status=scale["G"], narrative="First audit done.", reason="Spelling"
    )
    report = CommitteeReport.objects.create(
        organisation=organisation,
        committee="Safer Stronger Select Committee",
        meeting_date=datetime.date(2017, 6, 28),
        title="Youth Offending Service improvement plan",
        period_start=datetime.date(2017, 4, 1),
        period_end=datetime.date(2017, 6, 28),
        sections=["recommendations"],
    )
    text = " ".join(re.sub(r"<[^>]+>", " ", reporting.render_html(report)).split())
    today = timezone.localdate()
    assert f"02/05/2017 ({action.reference}, Green, corrected {today:%d/%m/%Y}): First audit done." in text
    assert f"01/06/2017 ({action.reference}, Amber): Second audit done." in text
