"""The frameworks as HMIP published them (issue #30): a Short Quality Screening's four themes, with
strengths and areas for improvement and no rating, in seed 002's words; the 2025 programme as its
reports show it; every fact cited, and what no source confirms shown to users as unverified."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils.html import escape

from improvement.demo_data import PLANS
from improvement.forms import InspectionJudgementsForm
from improvement.framework_data import FRAMEWORKS
from improvement.frameworks import frameworks_sync
from improvement.models import Inspection, InspectionFramework, InspectionJudgement, JudgementLevel, Standard

pytestmark = pytest.mark.django_db

# Seed 002, HMIP's "Report of Short Quality Screening (SQS) of youth offending work in Southwark"
# (2 November 2016), quoted exactly: the headings of its commentary, in order, ...
SEED_002_THEMES = [
    "1. Reducing reoffending",
    "2. Protecting the public",
    "3. Protecting the child or young person",
    "4. Making sure the sentence is served",
]
# ... and the paragraphs of that commentary the demo's Southwark findings are taken from.
SEED_002_PARAGRAPHS = {
    "1.1": (
        "1.1. The quality of pre-sentence and referral order panel reports was of a consistently high "
        "standard, providing a balanced and carefully assessed view of offending, risk of harm to others "
        "and vulnerability. We saw effective management oversight of reports, which made sure that both "
        "the courts and the referral order panels received accurate information. Importantly we found "
        "that credible alternatives to custody were provided to the courts."
    ),
    "1.3": (
        "1.3. Too often, information from the Crown Prosecution Service was not available at the start "
        "of the order; this limited the opportunity for staff to provide immediate challenge to a child "
        "or young person's account of the offending. This was particularly important for staff in fully "
        "understanding the child or young person's perspective and for those who denied the offence or "
        "might have been fearful of talking to YOS staff."
    ),
    "1.5": (
        "1.5. Planning was effective, dynamic, focused and well sequenced. Children and young people had "
        "been meaningfully involved, as had parents and carers. Planning was flexible and responsive to "
        "situations as they developed and the case management model being used supported this. We saw "
        "numerous examples of staff making adaptations to interventions to increase their likely impact."
    ),
    "1.6": (
        "1.6. Work to address offending behaviour was started promptly, sometimes before the child or "
        "young person went to court. The YOS's own analysis showed that reoffending occurred quickly and "
        "so the timely start of interventions was helpful. Planning was well coordinated with the work "
        "of other agencies and thought had been given to exit planning, including good transition "
        "planning."
    ),
    "2.1": (
        "2.1. There was an accurate assessment of the risk of harm posed by children and young people in "
        "all but three cases. Case managers were very focused on risk of harm and there was good "
        "management oversight in this area of work. Most of the children and young people in the cases "
        "we saw posed some risk of harm to others; sometimes this was significant. Risk of harm to "
        "specific victims was assessed well and responded to in almost all relevant cases."
    ),
    "2.3": (
        "2.3. The circumstances of children and young people can change very quickly and purposeful "
        "reviews need to take place in order to make sure that the risk of harm to others is recognised "
        "and then responded to effectively. We found appropriate and very quick responses to changes, "
        "including breach action. Critical information, however, was not always being received quickly "
        "from the police. The process relied on staff requesting intelligence; this was often too late "
        "and could only happen when case managers heard about incidents from other sources. Given the "
        "particular gang issues and prevalence of the use of knives, real-time information would support "
        "more effective work."
    ),
    "2.5": (
        "2.5. Management oversight of work to reduce the risk of harm had led to improvements in the "
        "quality of practice in almost all of the cases. In the few cases where management oversight had "
        "not been as effective, this was because managers tended to confirm the case managers view when "
        "a more critical approach was needed."
    ),
    "3.1": (
        "3.1. Southwark YOS effectively assessed and planned for the factors that made a child or young "
        "person vulnerable. All staff understood that most of the children and young people faced issues "
        "that put them in vulnerable situations, including the mental health of some parents/carers and "
        "gang issues. We saw excellent use of home visits which helped staff to fully appreciate "
        "situations, some effective joint work with children's social care and, notably, direct work "
        "with parents/carers to improve relationships and home circumstances."
    ),
    "3.3": (
        "3.3. Vulnerability planning was effective in almost all cases; the use of written statements "
        "making it clear to individuals why adults were worried about them, and what actions would "
        "reduce that risk. Referrals had been made to other agencies if the work could not be undertaken "
        "by the YOS."
    ),
    "3.6": (
        "3.6. As we found in other areas of work, safeguarding and vulnerability issues were constantly "
        "reviewed, and action had been taken when needed. Staff had a good understanding of the "
        "principles of effective safeguarding work and had established strong relationships with partner "
        "agencies to make sure that they took relevant action. Management oversight was highly "
        "effective, as were the escalation procedures, on the few occasions where these were needed. As "
        "a result, a number of children and young people had been well protected."
    ),
    "4.1": (
        "4.1. In order for children and young people to complete their sentences, we expect that they "
        "are given appropriate support. Factors that might hamper this were consistently assessed at the "
        "start of the order and reviewed as time went on. The involvement of parents/carers was "
        "maintained throughout orders and the YOS supported effective parenting."
    ),
    "4.3": (
        "4.3. There was considered use of professional discretion, with efforts made to re-engage "
        "children and young people when needed. Breach was used effectively in cases where there were "
        "serious risk of harm issues and this was appropriate."
    ),
}


def _sqs_themes():
    return list(Standard.objects.filter(framework__code="hmip-2012", inspection_type="short_quality_screening"))


@pytest.fixture
def sqs(organisation):
    framework = InspectionFramework.objects.get(code="hmip-2012")
    return Inspection.objects.create(
        organisation=organisation, framework=framework, inspection_type="short_quality_screening"
    )


def _url(name, **kwargs):
    return reverse(f"improvement:{name}", kwargs={"org": "lewisham", **kwargs})


class TestShortQualityScreening:
    def test_its_themes_are_the_four_headings_of_seed_002_in_order(self):
        themes = [f"{s.code.removeprefix('SQS ')}. {s.title}" for s in _sqs_themes()]
        assert themes == SEED_002_THEMES

    def test_no_theme_takes_a_rating_or_counts_toward_a_score(self):
        assert [(s.rated, s.scored) for s in _sqs_themes()] == [(False, False)] * 4

    def test_a_rating_given_to_a_theme_is_refused(self, sqs):
        theme = _sqs_themes()[0]
        good = JudgementLevel.objects.get(framework=sqs.framework, label="Good")
        judgement = InspectionJudgement(inspection=sqs, standard=theme, level=good, strengths="Sound reports.")
        with pytest.raises(ValidationError, match="no rating"):
            judgement.clean()

    def test_its_form_offers_strengths_and_areas_for_each_theme_and_no_scale(self, sqs):
        form = InspectionJudgementsForm(inspection=sqs)
        assert [s.title for s in form.standards] == [h.split(". ", 1)[1] for h in SEED_002_THEMES]
        for theme in form.standards:
            assert f"level_{theme.pk}" not in form.fields
            assert {f"strengths_{theme.pk}", f"areas_for_improvement_{theme.pk}"} <= set(form.fields)

    def test_a_full_joint_inspection_is_asked_for_its_areas_on_the_scale_and_not_for_sqs_themes(self, organisation):
        fji = Inspection.objects.create(
            organisation=organisation,
            framework=InspectionFramework.objects.get(code="hmip-2012"),
            inspection_type="full_joint",
        )
        form = InspectionJudgementsForm(inspection=fji)
        assert [s.code for s in form.standards] == [f"FJI {n}" for n in range(1, 8)]
        assert all(f"level_{s.pk}" in form.fields for s in form.standards)

    def test_the_manager_records_a_theme_s_findings_and_the_page_shows_them(self, client, manager, sqs):
        theme = _sqs_themes()[1]
        client.force_login(manager)
        response = client.post(
            _url("inspection_ratings", pk=sqs.pk),
            {
                f"strengths_{theme.pk}": "Accurate assessment of risk of harm.\nQuick responses to changes.",
                f"areas_for_improvement_{theme.pk}": "Police information arrives late.",
            },
        )
        assert response.status_code == 302
        judgement = sqs.judgements.get()
        assert (judgement.standard, judgement.level) == (theme, None)
        assert judgement.strengths_list == ["Accurate assessment of risk of harm.", "Quick responses to changes."]
        page = client.get(_url("inspection_detail", pk=sqs.pk)).content.decode()
        assert "SQS 2 Protecting the public" in page
        assert "Quick responses to changes." in page and "Police information arrives late." in page
        assert "No rating given" in page

    def test_the_demo_s_southwark_findings_are_seed_002_s_words_under_their_own_theme(self):
        judgements = PLANS["southwark"]["inspection"]["judgements"]
        assert [j["standard"] for j in judgements] == ["SQS 1", "SQS 2", "SQS 3", "SQS 4"]
        for judgement in judgements:
            theme = judgement["standard"].removeprefix("SQS ")
            commentary = " ".join(p for n, p in SEED_002_PARAGRAPHS.items() if n.startswith(f"{theme}."))
            for line in judgement["strengths"] + judgement["areas_for_improvement"]:
                assert line in commentary, line


class TestProgramme2025:
    """HMIP's 2025 reports rate "two broad areas": work with children and work with victims
    (Wakefield, Wirral 2025), and give an overall rating."""

    def test_it_rates_work_with_children_and_work_with_victims(self):
        framework = InspectionFramework.objects.get(code="hmip-2025")
        assert [s.title for s in framework.standards.all() if s.rated] == ["Work with children", "Work with victims"]

    def test_organisational_delivery_is_inspected_and_not_rated_on_its_own(self):
        delivery = Standard.objects.get(framework__code="hmip-2025", code="1")
        assert (delivery.title, delivery.rated, delivery.scored) == ("Organisational delivery", False, False)

    def test_the_victims_standard_asks_v1_1_and_v1_2(self):
        victims = Standard.objects.get(framework__code="hmip-2025", code="V1")
        assert victims.prompts == [
            "V1.1 Is work with victims high-quality, individualised, and responsive?",
            "V1.2 Do organisational arrangements and activity drive quality, individualised, and responsive "
            "service for victims?",
        ]

    def test_its_overall_rating_is_recorded_as_given_and_how_it_is_reached_is_shown_as_unverified(self):
        framework = InspectionFramework.objects.get(code="hmip-2025")
        report = next(s for s in framework.sources if s["url"].endswith("victims-in-wakefield-2025"))
        assert "two broad areas" in report["supports"]
        assert not framework.is_scored
        assert any(fact.startswith("How the two ratings give the overall rating") for fact in framework.unverified)


@pytest.mark.parametrize("data", FRAMEWORKS, ids=lambda data: data["code"])
def test_every_framework_cites_each_source_by_title_publisher_date_and_its_words(data):
    assert data["sources"]
    for source in data["sources"]:
        assert all(source[key] for key in ("title", "publisher", "date", "supports")), source


def test_the_framework_page_shows_users_what_no_source_confirms(client, manager):
    client.force_login(manager)
    framework = InspectionFramework.objects.get(code="hmip-2018")
    page = client.get(_url("framework_detail", code="hmip-2018")).content.decode()
    assert 'id="unverified"' in page
    assert all(escape(fact) in page for fact in framework.unverified)
    assert any("0–6 Inadequate" in fact for fact in framework.unverified)


def test_a_framework_whose_every_fact_is_cited_shows_no_unverified_list(client, manager):
    client.force_login(manager)
    page = client.get(_url("framework_detail", code="yjb-ns-audit-2015")).content.decode()
    assert 'id="unverified"' not in page
    assert "met the standard with improvement" in page


def test_syncing_an_installation_with_the_old_themes_corrects_them():
    old = Standard.objects.filter(framework__code="hmip-2012", code="SQS 4")
    old.update(title="Court work and pre-sentence reports", rated=True, scored=True, inspection_type="")
    frameworks_sync(InspectionFramework, JudgementLevel, Standard)
    theme = old.get()
    assert (theme.title, theme.rated, theme.scored) == ("Making sure the sentence is served", False, False)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_rating_stored_on_a_theme_before_the_correction_is_kept_in_words():
    old = _migrate([("improvement", "0017_every_value_in_range")])
    Organisation = old.get_model("yos_tracker", "Organisation")
    southwark = Organisation.objects.create(name="Southwark Youth Offending Service", slug="southwark")
    framework = old.get_model("improvement", "InspectionFramework").objects.get(code="hmip-2012")
    theme = framework.standards.get(code="SQS 4")
    theme.title = "Court work and pre-sentence reports"
    theme.save()
    inspection = old.get_model("improvement", "Inspection").objects.create(
        organisation=southwark, framework=framework, inspection_type="short_quality_screening"
    )
    old.get_model("improvement", "InspectionJudgement").objects.create(
        inspection=inspection, standard=theme, level=framework.levels.get(label="Good"), narrative="Sound reports."
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    judgement = InspectionJudgement.objects.get(inspection_id=inspection.pk)
    assert judgement.level is None
    assert judgement.standard.title == "Making sure the sentence is served"
    assert judgement.narrative == (
        "Recorded before this was corrected to HMIP's published framework, which gives it no rating: "
        "“Good”, under “SQS 4 Court work and pre-sentence reports”.\n\nSound reports."
    )


# Sign-in, membership and session reads included (the services the person may open read once, for
# the scope and the navigation alike); the standards and levels come in one query each.
QUERIES = {"framework_list": 6, "framework_detail": 8}


@pytest.mark.parametrize("page", ["framework_list", "framework_detail"])
def test_the_framework_pages_take_a_fixed_number_of_queries(client, manager, page, django_assert_num_queries):
    client.force_login(manager)
    client.get(_url("framework_list"))  # the first request of a session reads more (the session itself)
    kwargs = {"code": "hmip-2021"} if page == "framework_detail" else {}
    with django_assert_num_queries(QUERIES[page]):
        assert client.get(_url(page, **kwargs)).status_code == 200
