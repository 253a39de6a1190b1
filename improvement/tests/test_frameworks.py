"""HMIP's frameworks as loaded from improvement/framework_data.py, and how ratings add up."""

import pytest

from improvement import services
from improvement.choices import INSPECTION_PHRASES, InspectionType
from improvement.forms import InspectionForm
from improvement.models import Inspection, InspectionFramework

pytestmark = pytest.mark.django_db


def _framework(code):
    return InspectionFramework.objects.prefetch_related("standards", "levels").get(code=code)


def _ratings(framework, labels):
    """{standard pk: level}: the framework's scored standards in order, given these labels."""
    levels = {level.label: level for level in framework.levels.all()}
    scored = [s for s in framework.standards.all() if s.scored]
    return {s.pk: levels[label] for s, label in zip(scored, labels, strict=True)}


OUT, G, R, INAD = "Outstanding", "Good", "Requires improvement", "Inadequate"


def test_the_2018_framework_has_three_domains_of_four_standards():
    standards = _framework("hmip-2018").standards.all()
    assert [s.code for s in standards] == [f"{d}.{n}" for d in (1, 2, 3) for n in (1, 2, 3, 4)]
    assert [s.domain for s in standards][::4] == [
        "Domain 1: Organisational delivery",
        "Domain 2: Court disposals",
        "Domain 3: Out-of-court disposals",
    ]


@pytest.mark.parametrize(
    ("labels", "total", "overall"),
    [
        ([OUT] * 12, 36, OUT),
        ([OUT] * 7 + [G] * 5, 31, OUT),  # the lowest Outstanding total
        ([OUT] * 6 + [G] * 6, 30, G),
        ([G] * 12, 24, G),
        ([G] * 7 + [R] * 5, 19, G),  # the lowest Good total
        ([G] * 6 + [R] * 6, 18, R),
        ([R] * 7 + [INAD] * 5, 7, R),  # the lowest Requires improvement total
        ([R] * 6 + [INAD] * 6, 6, INAD),
        ([INAD] * 12, 0, INAD),
    ],
)
def test_twelve_ratings_add_up_out_of_36_to_the_overall_rating_hmip_bands_them_into(labels, total, overall):
    framework = _framework("hmip-2018")
    score = framework.score(_ratings(framework, labels))
    assert (score.total, score.maximum, score.overall.label) == (total, 36, overall)


def test_the_overall_rating_waits_until_every_scored_standard_is_rated():
    framework = _framework("hmip-2018")
    ratings = _ratings(framework, [G] * 12)
    ratings.pop(next(iter(ratings)))
    score = framework.score(ratings)
    assert (score.total, score.rated, score.expected, score.overall) == (22, 11, 12, None)


def test_resettlement_is_rated_from_2021_but_left_out_of_the_total():
    framework = _framework("hmip-2021")
    resettlement = framework.standards.get(title="Resettlement policy and provision")
    ratings = _ratings(framework, [G] * 12)
    ratings[resettlement.pk] = framework.levels.get(label=OUT)
    score = framework.score(ratings)
    assert (score.total, score.maximum, score.overall.label) == (24, 36, G)
    assert framework.standards.get(code="3.4").title == "Out-of-court disposal policy and provision"


def test_the_2012_areas_are_judged_and_never_scored():
    framework = _framework("hmip-2012")
    areas = {s.title for s in framework.standards.all()}
    assert {"Reducing reoffending", "Ensuring the sentence is served", "Interventions to reduce reoffending"} <= areas
    poor = framework.levels.get(label="Poor")
    score = framework.score({s.pk: poor for s in framework.standards.all()})
    assert not framework.is_scored and score.overall is None


def test_every_framework_cites_its_source():
    assert all(f.source for f in InspectionFramework.objects.all())


def test_saving_an_inspection_s_ratings_sets_the_overall_rating_its_total_gives(organisation):
    framework = _framework("hmip-2018")
    inspection = Inspection.objects.create(organisation=organisation, framework=framework, inspection_type="full_joint")
    levels = {level.label: level for level in framework.levels.all()}
    labels = [G, G, R, R, G, R, G, INAD, OUT, G, G, R]  # 19
    services.inspection_ratings_save(
        inspection=inspection,
        ratings={s: (levels[label], "") for s, label in zip(framework.standards.all(), labels, strict=True)},
    )
    inspection.refresh_from_db()
    assert inspection.score().total == 19 and inspection.overall_judgement.label == G
    # A standard no longer rated takes the overall rating away again.
    services.inspection_ratings_save(inspection=inspection, ratings={})
    inspection.refresh_from_db()
    assert inspection.overall_judgement is None and not inspection.judgements.exists()


def test_a_standard_of_another_framework_is_refused(organisation):
    inspection = Inspection.objects.create(
        organisation=organisation, framework=_framework("hmip-2018"), inspection_type="full_joint"
    )
    other = _framework("hmip-2012")
    with pytest.raises(Exception, match="inspection's framework"):
        services.inspection_ratings_save(
            inspection=inspection, ratings={other.standards.first(): (other.levels.first(), "")}
        )


def test_a_part_rated_inspection_shows_its_points_so_far_and_the_standards_not_rated(client, manager, organisation):
    framework = _framework("hmip-2018")
    inspection = Inspection.objects.create(organisation=organisation, framework=framework, inspection_type="full_joint")
    services.inspection_ratings_save(
        inspection=inspection, ratings={framework.standards.get(code="1.1"): (framework.levels.get(label=G), "")}
    )
    client.force_login(manager)
    html = " ".join(client.get(inspection.get_absolute_url()).content.decode().split())
    assert "1 of 12 scored standards rated" in html and "(2 points so far)" in html
    assert html.count("Not rated") == 11


def test_every_kind_of_inspection_is_named_with_its_article():
    assert set(INSPECTION_PHRASES) == set(InspectionType)
    assert INSPECTION_PHRASES[InspectionType.STANDARD] == "an inspection of youth justice services"


def test_the_inspections_judgement_choices_name_the_framework_in_words_not_its_code():
    choices = [label for _, label in InspectionForm().fields["overall_judgement"].choices][1:]
    assert "Good — HMI Probation inspection of youth offending services, from 2018" in choices
    assert not any("hmip-" in label for label in choices)
