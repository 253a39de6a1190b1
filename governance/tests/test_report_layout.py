"""The committee report read as a councillor would: no table row split across pages, no
near-blank page, lists typed as "- item" printed as lists, badges and the summary bar in AA
contrast, and the comparator column in Appendix A."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from governance import reporting
from governance.models import CommitteeReport
from governance.tests.test_reports import pdf_text
from improvement.choices import RAG_SCALES
from yos_tracker.templatetags.yos_tags import _relative_luminance, rag_text_colour

pytestmark = pytest.mark.django_db
# A page with less than this of its own (the running header and footer aside) is near-blank.
NEAR_BLANK_WORDS = 40
RUNNING = re.compile(r"Part 1 \(public\)|Page \d+ of \d+")


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """Lewisham's demo report, rendered once for the module, in a transaction rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
        report = CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee")
        report.sections = [*[s for s in report.sections if s != "appendix_d"], "appendix_d"]
        report.save()
        html = reporting.render_html(report)
        pdf, _ = reporting.render_pdf(report)
        document = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
        rows = _pages_of_rows(document)
        filled = _filled_before_appendices(document)
        report.purpose = "Why this comes to the committee:\n- the plan's progress\n- the risks to it"
        listed = reporting.render_html(report)
        transaction.set_rollback(True)
    return {"html": html, "pages": pdf_text(pdf)[0], "rows": rows, "listed": listed, "filled": filled}


def _filled_before_appendices(document) -> list[tuple[str, float]]:
    """For each appendix that starts at the top of a page, how much of the page before it is
    filled (0 to 1), read from WeasyPrint's own layout (the running header and footer aside)."""
    found, seen = [], set()
    for number, page in enumerate(document.pages):
        root = page._page_box
        for box in root.descendants():
            classes = (box.element.get("class") or "").split() if box.element is not None else []
            if "appendix" not in classes or box.element_tag != "section" or id(box.element) in seen:
                continue  # not an appendix, or one begun on an earlier page
            seen.add(id(box.element))
            if number and not any(top < box.position_y for top in _content_tops(page)):  # it opens the page
                found.append((box.element.findtext("h2") or "", _filled(document.pages[number - 1])))
    return found


def _content(page):
    """A page's lines, pictures and table rows (its running header and footer aside)."""
    for child in page._page_box.children:
        if not isinstance(child, boxes.MarginBox):
            for box in child.descendants():
                if isinstance(box, boxes.LineBox | boxes.ReplacedBox | boxes.TableRowBox):
                    yield box


def _content_tops(page):
    return [box.position_y for box in _content(page)]


def _filled(page) -> float:
    """How far down its content area a page's lines, pictures and table rows reach (0 to 1)."""
    root = page._page_box
    bottoms = [box.position_y + box.margin_height() for box in _content(page)]
    return (max(bottoms, default=root.content_box_y()) - root.content_box_y()) / root.height


def _pages_of_rows(document) -> dict[str, set[int]]:
    """Each body row of every table (its text) with the pages it is drawn on. Header rows repeat
    on each page by design and are left out."""
    found: dict[int, tuple[str, set[int]]] = {}
    for number, page in enumerate(document.pages, start=1):
        for group in page._page_box.descendants():
            if isinstance(group, boxes.TableRowGroupBox) and not group.is_header:
                for row in group.children:
                    text = " ".join("".join(row.element.itertext()).split())
                    found.setdefault(id(row.element), (text, set()))[1].add(number)
    return {text: pages for text, pages in found.values()}


def body_words(page: str, title_words: int) -> int:
    return len(RUNNING.sub("", page).split()) - title_words


def test_no_page_but_the_last_is_near_blank(rendered):
    pages = rendered["pages"]
    title = len(
        [
            "Full",
            "Joint",
            "Inspection",
            "into",
            "Lewisham",
            "Youth",
            "Offending",
            "Work",
            "–",
            "Progress",
            "of",
            "Improvement",
            "Plan",
        ]
    )
    near_blank = [n for n, page in enumerate(pages[:-1], start=1) if body_words(page, title + 4) < NEAR_BLANK_WORDS]
    assert near_blank == []


def test_no_table_row_is_split_across_pages(rendered):
    """Read from WeasyPrint's own layout: every body row of every table is drawn on one page."""
    rows = rendered["rows"]
    assert len(rows) > 100  # the cover, the judgements, the dashboard, the register, the actions
    assert {text: sorted(pages) for text, pages in rows.items() if len(pages) > 1} == {}


def test_a_narrative_typed_as_dashes_prints_as_a_list(rendered):
    html = rendered["listed"]
    assert (
        "<p>Why this comes to the committee:</p><ul><li>the plan&#x27;s progress</li><li>the risks to it</li></ul>"
        in html
    )


def test_appendix_a_has_the_comparator_column(rendered):
    html, pages = rendered["html"], rendered["pages"]
    assert '<th scope="col">Comparator</th>' in html
    assert any("Comparator" in page and "London 42.9%" in " ".join(page.split()) for page in pages)


def test_appendix_d_is_the_self_assessment_of_the_period(rendered):
    html = rendered["html"]
    assert "Appendix D: the board's self-assessment" in html and "the latest self-assessment by 28 June 2017" in html


@pytest.mark.parametrize("colour", sorted({step["colour"] for scale in RAG_SCALES.values() for step in scale}))
def test_every_status_colour_carries_its_text_at_aa_contrast(colour):
    """The summary bar and the badges print a count or label on the status colour."""
    text = rag_text_colour(colour)
    lighter, darker = sorted((_relative_luminance(colour), _relative_luminance(text)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


def test_no_page_before_an_appendix_is_half_blank_and_no_mitigation_is_cut_short(rendered):
    """Appendices follow on rather than start a page of their own, which left the page before
    them mostly empty; a risk's mitigation is printed whole (risk 14's ended at "traini…")."""
    assert [(heading, filled) for heading, filled in rendered["filled"] if filled < 0.5] == []
    pages = " ".join(" ".join(rendered["pages"]).split())
    assert "continued application of training and individual performance management" in pages


def test_an_inspection_is_named_with_its_article(rendered):
    assert "undertook a Full Joint Inspection" in rendered["html"]
