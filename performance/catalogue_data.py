"""The indicator catalogue: categories and indicators, as plain data.

Where it comes from:

* seed 000 (Lewisham Safer Stronger Select Committee report, June 2017), "Appendix A - performance
  dashboard - HMIP approved": the categories and the indicator lines, in the order the appendix
  lists them. Names keep the appendix's wording where the indicator comes from there (two obvious
  slips are mended: "Trauma - % of cases assess for trauma" reads "assessed").
* seed 001 (Islington, January 2017): the five YJB national indicators it reports on - first-time
  entrants, binary reoffending, frequency reoffending, reoffences per reoffender, use of custody.
* seed 003 (Bromley, November 2015): the case-audit areas (Asset/ROSH, intervention plans, risk
  management plans, vulnerability management plans) reported as % inadequate and % good.
* seed 004 (Lewisham Youth Justice Strategic Plan 2018-21): the live tracker and the per-100,000
  first-time-entrant rate.
* The YJB key performance indicators in force from April 2023 (YJB guidance "Key performance
  indicators for youth justice services"), summarised in our own words; each cites, in its source,
  the wording it was checked against (GUIDANCE and the others below), or is marked unverified.

Each indicator's source cites the document it comes from (APPENDIX_A and the others below) and is
shown to administrators alone; one whose definition could not be checked is marked unverified, and
its page says so to everyone.

Scope: "national" for the YJB national measures and the YJB KPIs; "local" for Lewisham's own
measures (the LAC breakdowns, the live tracker and everything under Appendix A's "Local KPIs").
For "ratio" indicators value = numerator / denominator * multiplier; for "direct" ones the value
is entered as it stands.
"""

from decimal import Decimal

CATEGORIES = [  # (code, name), in the order of Lewisham's Appendix A, then the YJB KPIs
    ("first_time_entrants", "First time entrants"),
    ("reoffending", "Reoffending"),
    ("custody", "Custody"),
    ("remands", "Remands"),
    ("education", "Education, training and employment"),
    ("accommodation", "Accommodation"),
    ("health", "Health"),
    ("disproportionality", "Disproportionality"),
    ("national_standards", "National standards"),
    ("case_audits", "Case audits"),
    ("improvement_plan", "Improvement plan"),
    ("workforce", "Workforce"),
    ("crime", "Relevant crime statistics"),
    ("yjb_kpis", "YJB key performance indicators (from April 2023)"),
]


KPI_COUNTS = {  # what a service counts for the YJB's quarterly KPI return: key → what is counted
    "orders_ended": "children whose programme or order ended in the period",
    "accommodation_end": "children in suitable accommodation at the end of their programme or order",
    "ete_end": "children in suitable ETE at the end of their programme or order",
    "mh_need": "children with a screened or identified mental health or wellbeing need",
    "mh_offered": "children with a planned or offered mental health or wellbeing intervention",
    "mh_attending": "children attending a mental health or wellbeing intervention",
    "sm_need": "children with a screened or identified substance misuse need",
    "sm_offered": "children with planned or offered substance misuse intervention or treatment",
    "sm_attending": "children attending substance misuse intervention or treatment",
    "wider_services": "children on an early help, child in need or child protection plan, or looked after",
    "released": "children released from custody in the period",
    "accommodation_release": "children released from custody with suitable accommodation arrangements",
    "ete_release": "children released from custody attending a suitable ETE arrangement",
    "send_identified": "children with an identified SEND/ALN need",
    "send_plan": "children with an identified SEND/ALN need and a formal plan in place",
    "send_ete_plan": "children with SEND/ALN in suitable ETE with a formal learning plan for the academic year",
    "oocd_ended": "children whose out-of-court disposal intervention ended in the period",
    "oocd_completed": "children who completed their out-of-court disposal intervention successfully",
    "caseload": "children on the caseload in the period",
    "sv_convicted": "children on the caseload convicted of a serious violence offence in the period",
    "victims": "victims of offences by children the service worked with in the period",
    "victims_consented": "victims who consented to be contacted",
    "victims_rj": "victims engaged in restorative justice opportunities",
    "victims_views": "victims who were asked for their views",
    "victims_informed": "victims given information about the progress of the case",
    "victims_support": "victims offered or referred to support services",
}


# The documents the other indicators come from, cited in each one's source (shown to administrators).
APPENDIX_A = (
    'London Borough of Lewisham, "Full Joint Inspection into Lewisham Youth Offending Work - Progress of '
    'Improvement Plan", Safer Stronger Select Committee, June 2017, Appendix A "Performance dashboard - HMIP '
    'approved"'
)
BROMLEY_AUDITS = (
    'London Borough of Bromley, "Update on progress of the Youth Offending Service Improvement Plan", report '
    "ED15133, Education Policy Development and Scrutiny Committee, 24 November 2015, 3.3.4 (the case audit: "
    '"Asset/ROSH - 66% of cases were judged to be inadequate")'
)
BROMLEY_SCALE = (
    'London Borough of Bromley, "Update on progress of the Youth Offending Service Improvement Plan", report '
    'ED15133, 24 November 2015, 3.1.2: "white indicates the work is not planned to start"'
)
LEWISHAM_PLAN = (
    'Lewisham Youth Justice Management Board, "Lewisham Youth Justice Strategic Plan 2018-21" (June 2018): '
    'first-time entrants counted "per 100,000"'
)
CUSTODY_RATE_SOURCE = (
    "The YJB's national measure of the use of custody; its rate per 1,000 of the 10-17 population could not be "
    "checked against a published definition."
)
OWN_MEASURE = "This application's own measure, computed from the improvement plan's records; no published source."


# The sources the YJB KPIs were checked against (read December 2026), cited in each one's source.
GUIDANCE = (
    'YJB, "Key performance indicators for youth justice services", GOV.UK guidance, '
    "https://www.gov.uk/guidance/key-performance-indicators-for-youth-justice-services (read December 2026)"
)
FIRST_PUBLISHED = (
    'YJB, "Key performance indicators for youth justice services" as first published for April 2023 (GovWire copy, '
    "http://govwire.co.uk/news/youth-justice-board-for-england-wales/guidance-key-performance-indicators-for-youth-"
    "justice-services-44451)"
)
VICTIMS_BLOG = (
    'Why me?, "Youth Justice Board release report on their new KPIs" (2025), '
    "https://why-me.org/youth-justice-board-release-report-on-their-new-kpis/"
)
GOVERNANCE_GUIDANCE = (
    'YJB, "Youth justice service governance and leadership", GOV.UK, 10 December 2021, https://www.gov.uk/'
    "government/publications/youth-justice-service-governance-and-leadership/youth-justice-service-governance-and-"
    "leadership"
)
VICTIMS_SUB_MEASURES = (
    f"{VICTIMS_BLOG}, which quotes KPI 10's headline measure only; the copies of the YJB's guidance that could be "
    "read (GOV.UK, GovWire) end before KPI 10's sub-measures."
)


def _kpi(
    code,
    name,
    definition,
    numerator,
    denominator,
    source,
    *,
    polarity="higher_better",
    guidance_open="",
    unverified=False,
) -> dict:
    """A YJB KPI or sub-measure: a quarterly percentage, one count of the KPI return over another
    (KPI_COUNTS keys; KPI 7's, computed from the board's attendance, are named in words). Its page
    says what the guidance leaves open (guidance_open, read after "The guidance leaves open: ") and
    whether its wording could be checked (unverified)."""
    return {
        "code": code,
        "name": name,
        "category": "yjb_kpis",
        "scope": "national",
        "unit": "percent",
        "polarity": polarity,
        "frequency": "quarterly",
        "definition": definition,
        "computation": "ratio",
        "numerator_label": KPI_COUNTS.get(numerator, numerator),
        "denominator_label": KPI_COUNTS.get(denominator, denominator),
        "multiplier": Decimal("100"),
        "source": source,
        "guidance_open": guidance_open,
        "unverified": unverified,
        "counts": (numerator, denominator) if numerator in KPI_COUNTS else None,
    }


INDICATORS = [
    # ------------------------------------------------------------------ First time entrants
    {
        "code": "FTE_COUNT",
        "source": APPENDIX_A,
        "name": "Reducing the numbers of First Time Entrants to the YJS",
        "category": "first_time_entrants",
        "scope": "national",
        "unit": "count",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Number of children aged 10-17 living in the area who received their first youth caution or "
            "conviction, counted over the 12 months to the end of the period (a rolling 12-month count)."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "FTE_LAC_COUNT",
        "source": APPENDIX_A,
        "name": "Reducing the numbers of LAC First Time Entrants to the YJS",
        "category": "first_time_entrants",
        "scope": "local",
        "unit": "count",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Number of looked-after children who became first-time entrants (first youth caution or "
            "conviction) in the 12 months to the end of the period: a local breakdown of the national measure."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "FTE_RATE",
        "source": LEWISHAM_PLAN,
        "name": "First time entrants per 100,000 of the 10–17 population",
        "category": "first_time_entrants",
        "scope": "national",
        "unit": "rate_100k",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "YJB national measure: children aged 10-17 receiving their first youth caution or conviction "
            "in the 12 months to the end of the quarter, per 100,000 of the local 10-17 population "
            "(ONS mid-year estimate)."
        ),
        "computation": "ratio",
        "numerator_label": "first-time entrants",
        "denominator_label": "10–17 population",
        "multiplier": Decimal("100000"),
    },
    # ------------------------------------------------------------------ Reoffending
    {
        "code": "REOFF_BINARY",
        "source": APPENDIX_A,
        "name": "Reducing Reoffending: YJB Binary Rate",
        "category": "reoffending",
        "scope": "national",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "YJB proven reoffending measure: the percentage of the cohort (children cautioned, convicted or "
            "released from custody in the cohort period) who committed a proven reoffence within 12 months, "
            "with a further 6 months for the offence to be proven."
        ),
        "computation": "ratio",
        "numerator_label": "reoffenders",
        "denominator_label": "children in the cohort",
        "multiplier": Decimal("100"),
    },
    {
        "code": "REOFF_FREQUENCY",
        "source": APPENDIX_A,
        "name": "Reducing Reoffending: YJB Frequency Rate",
        "category": "reoffending",
        "scope": "national",
        "unit": "ratio",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "YJB proven reoffending measure: the number of proven reoffences committed by the cohort in the "
            "12-month follow-up, divided by the number of children in the cohort (reoffences per child)."
        ),
        "computation": "ratio",
        "numerator_label": "reoffences",
        "denominator_label": "children in the cohort",
        "multiplier": Decimal("1"),
    },
    {
        "code": "REOFF_PER_REOFFENDER",
        "source": APPENDIX_A,
        "name": "Reducing Reoffending: YJB Reoffence by Reoffenders Rate",
        "category": "reoffending",
        "scope": "national",
        "unit": "ratio",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "YJB proven reoffending measure: the number of proven reoffences committed by the cohort in the "
            "12-month follow-up, divided by the number of cohort members who reoffended."
        ),
        "computation": "ratio",
        "numerator_label": "reoffences",
        "denominator_label": "reoffenders",
        "multiplier": Decimal("1"),
    },
    {
        "code": "LT_BINARY",
        "source": APPENDIX_A,
        "name": "Reducing Reoffending: Live Tracker Binary Rate",
        "category": "reoffending",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Local live tracker: the percentage of children who received a substantive outcome since the "
            "tracker cohort began (January) who have reoffended so far, updated month by month."
        ),
        "computation": "ratio",
        "numerator_label": "tracked children who have reoffended",
        "denominator_label": "children tracked",
        "multiplier": Decimal("100"),
        "cumulative": True,
    },
    {
        "code": "LT_FREQUENCY",
        "source": APPENDIX_A,
        "name": "Reducing Reoffending: Live Tracker Frequency Rate",
        "category": "reoffending",
        "scope": "local",
        "unit": "ratio",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Local live tracker: reoffences committed so far by the tracked cohort divided by the number of "
            "children tracked."
        ),
        "computation": "ratio",
        "numerator_label": "reoffences by tracked children",
        "denominator_label": "children tracked",
        "multiplier": Decimal("1"),
        "cumulative": True,
    },
    {
        "code": "LT_PER_REOFFENDER",
        "source": APPENDIX_A,
        "name": "Reducing Reoffending: Live Tracker Reoffence by Reoffenders Rate",
        "category": "reoffending",
        "scope": "local",
        "unit": "ratio",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Local live tracker: reoffences committed so far by the tracked cohort divided by the number of "
            "tracked children who have reoffended."
        ),
        "computation": "ratio",
        "numerator_label": "reoffences by tracked children",
        "denominator_label": "tracked children who have reoffended",
        "multiplier": Decimal("1"),
        "cumulative": True,
    },
    {
        "code": "LT_FIRST_MONTH",
        "source": APPENDIX_A,
        "name": "Reducing Reoffending: Live Tracker Reoffending in First Month of Supervision",
        "category": "reoffending",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Local live tracker: the percentage of tracked children who reoffended within the first month "
            "of their supervision by the YOS."
        ),
        "computation": "ratio",
        "numerator_label": "tracked children who reoffended in their first month of supervision",
        "denominator_label": "children tracked",
        "multiplier": Decimal("100"),
        "cumulative": True,
    },
    {
        "code": "LT_VIOLENT",
        "source": APPENDIX_A,
        "name": "Reducing Offending: Live Tracker % of Violent Reoffences",
        "category": "reoffending",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Local live tracker: violent offences (violence against the person and robbery) as a "
            "percentage of all reoffences committed so far by the tracked cohort."
        ),
        "computation": "ratio",
        "numerator_label": "violent reoffences",
        "denominator_label": "reoffences by tracked children",
        "multiplier": Decimal("100"),
        "cumulative": True,
    },
    {
        "code": "LAC_REOFF_BINARY",
        "source": APPENDIX_A,
        "name": "Reducing LAC Reoffending: Binary Rate",
        "category": "reoffending",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "The YJB binary reoffending rate for the looked-after children in the cohort: the percentage of "
            "them who committed a proven reoffence in the 12-month follow-up."
        ),
        "computation": "ratio",
        "numerator_label": "looked-after reoffenders",
        "denominator_label": "looked-after children in the cohort",
        "multiplier": Decimal("100"),
    },
    {
        "code": "LAC_REOFF_FREQUENCY",
        "source": APPENDIX_A,
        "name": "Reducing LAC Reoffending: Frequency Rate",
        "category": "reoffending",
        "scope": "local",
        "unit": "ratio",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "Proven reoffences committed by the looked-after children in the cohort, divided by the number "
            "of looked-after children in the cohort."
        ),
        "computation": "ratio",
        "numerator_label": "reoffences by looked-after children",
        "denominator_label": "looked-after children in the cohort",
        "multiplier": Decimal("1"),
    },
    {
        "code": "LAC_REOFF_PER_REOFFENDER",
        "source": APPENDIX_A,
        "name": "Reducing LAC Reoffending: Reoffence by Reoffenders Rate",
        "category": "reoffending",
        "scope": "local",
        "unit": "ratio",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "Proven reoffences committed by the looked-after children in the cohort, divided by the number "
            "of them who reoffended."
        ),
        "computation": "ratio",
        "numerator_label": "reoffences by looked-after children",
        "denominator_label": "looked-after reoffenders",
        "multiplier": Decimal("1"),
    },
    # ------------------------------------------------------------------ Custody
    {
        "code": "CUSTODY_COUNT",
        "source": APPENDIX_A,
        "name": "Reducing the number of Custodial Disposals",
        "category": "custody",
        "scope": "national",
        "unit": "count",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Number of custodial sentences (detention and training orders and longer sentences) given to "
            "children in the 12 months to the end of the period (a rolling 12-month count)."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "CUSTODY_LAC_COUNT",
        "source": APPENDIX_A,
        "name": "Reducing the number of LAC receiving Custodial Disposals",
        "category": "custody",
        "scope": "local",
        "unit": "count",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Number of custodial sentences given to looked-after children in the 12 months to the end of the "
            "period: a local breakdown of the national measure."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "CUSTODY_RATE",
        "source": CUSTODY_RATE_SOURCE,
        "unverified": True,
        "name": "Custodial sentences per 1,000 of the 10–17 population",
        "category": "custody",
        "scope": "national",
        "unit": "rate_1000",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "YJB national measure of the use of custody: custodial sentences given to children in the "
            "12 months to the end of the quarter, per 1,000 of the local 10-17 population."
        ),
        "computation": "ratio",
        "numerator_label": "custodial sentences",
        "denominator_label": "10–17 population",
        "multiplier": Decimal("1000"),
    },
    # ------------------------------------------------------------------ Remands
    {
        "code": "REMAND_NIGHTS",
        "source": APPENDIX_A,
        "name": "Reducing the use of Remand: Total Number of Bed Nights",
        "category": "remands",
        "scope": "national",
        "unit": "nights",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Total nights spent by the area's children on remand to youth detention accommodation during "
            "the month (the bed nights the local authority pays for)."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "REMAND_YOUNG_PEOPLE",
        "source": APPENDIX_A,
        "name": "Reducing the use of Remand: Total Number of Young People on Remand",
        "category": "remands",
        "scope": "national",
        "unit": "count",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": "Number of different children who spent at least one night on remand during the month.",
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    # ------------------------------------------------------------------ Education, training and employment
    {
        "code": "EET_CASELOAD",
        "source": APPENDIX_A,
        "name": "Increasing the number of young people IN EET",
        "category": "education",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Snapshot at the end of the month: the percentage of children on the YOS caseload who are in "
            "education, training or employment. Kept as a percentage so that a shrinking caseload does not "
            "read as a fall."
        ),
        "computation": "ratio",
        "numerator_label": "children on the caseload in EET",
        "denominator_label": "children on the caseload",
        "multiplier": Decimal("100"),
    },
    {
        "code": "EET_END_ORDER",
        "source": APPENDIX_A,
        "name": "% of young people who are in EET at the end of their Order",
        "category": "education",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Of the children whose order ended in the month, the percentage who were in education, training "
            "or employment when it ended."
        ),
        "computation": "ratio",
        "numerator_label": "children in EET at the end of their order",
        "denominator_label": "children whose order ended in the period",
        "multiplier": Decimal("100"),
    },
    {
        "code": "EET_ATTENDANCE",
        "source": APPENDIX_A,
        "name": "EET Attendance",
        "category": "education",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Attendance of children on the caseload at their school, college or training place in the "
            "month: sessions attended as a percentage of sessions available."
        ),
        "computation": "ratio",
        "numerator_label": "sessions attended",
        "denominator_label": "sessions available",
        "multiplier": Decimal("100"),
    },
    {
        "code": "EET_ATTAINMENT",
        "source": APPENDIX_A,
        "name": "EET Attainment by end of Order",
        "category": "education",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Of the children whose order ended in the month, the percentage who gained a qualification or "
            "accredited outcome during the order."
        ),
        "computation": "ratio",
        "numerator_label": "children gaining a qualification or accredited outcome during their order",
        "denominator_label": "children whose order ended in the period",
        "multiplier": Decimal("100"),
    },
    # ------------------------------------------------------------------ Accommodation
    {
        "code": "ACCOM_END_ORDER",
        "source": APPENDIX_A,
        "name": "% in Suitable Accommodation at the end of their Order",
        "category": "accommodation",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Of the children whose order ended in the month, the percentage living in suitable "
            "accommodation when it ended."
        ),
        "computation": "ratio",
        "numerator_label": "children in suitable accommodation at the end of their order",
        "denominator_label": "children whose order ended in the period",
        "multiplier": Decimal("100"),
    },
    {
        "code": "ACCOM_RELEASE",
        "source": APPENDIX_A,
        "name": (
            "% of young people who have had accommodation confirmed 2 weeks prior to release from custody "
            "(remand or sentence)"
        ),
        "category": "accommodation",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Of the children released from custody (remand or sentence) in the month, the percentage whose "
            "accommodation was confirmed at least two weeks before release."
        ),
        "computation": "ratio",
        "numerator_label": "children with accommodation confirmed two weeks before release",
        "denominator_label": "children released from custody",
        "multiplier": Decimal("100"),
    },
    # ------------------------------------------------------------------ Health
    {
        "code": "MH_IDENTIFIED",
        "source": APPENDIX_A,
        "name": "Mental Health - Number Identified as requiring a service",
        "category": "health",
        "scope": "local",
        "unit": "count",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Number of children screened in the month and identified as needing a mental health service. "
            "Higher is treated as better: the aim is to find the need that is there."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "MH_CAMHS_ASSESSMENT",
        "source": APPENDIX_A,
        "name": "Mental Health - Number receiving a CAMHS assessment",
        "category": "health",
        "scope": "local",
        "unit": "count",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": "Number of children on the caseload who received a CAMHS assessment in the month.",
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "MH_CAMHS_INTERVENTION",
        "source": APPENDIX_A,
        "name": "Mental Health - Number receiving a CAMHS Specialist Intervention",
        "category": "health",
        "scope": "local",
        "unit": "count",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": "Number of children on the caseload receiving a specialist CAMHS intervention in the month.",
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "SL_IDENTIFIED",
        "source": APPENDIX_A,
        "name": "Speech and Language - Number Identified as requiring a service",
        "category": "health",
        "scope": "local",
        "unit": "count",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Number of children screened in the month and identified as having speech, language and "
            "communication needs requiring a service. Higher is treated as better: the need is under-identified."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "SL_ASSESSMENT",
        "source": APPENDIX_A,
        "name": "Speech and Language - Number receiving a S & L Assessment",
        "category": "health",
        "scope": "local",
        "unit": "count",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": "Number of children who received a speech and language therapy assessment in the month.",
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "SL_INTERVENTION",
        "source": APPENDIX_A,
        "name": "Speech and Language - Number receiving a S & L Specialist Intervention",
        "category": "health",
        "scope": "local",
        "unit": "count",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Number of children receiving a specialist speech and language therapy intervention in the month."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "TRAUMA_ASSESSED",
        "source": APPENDIX_A,
        "name": "Trauma - % of cases assessed for trauma",
        "category": "health",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Snapshot at the end of the month: the percentage of open cases that have been assessed for trauma."
        ),
        "computation": "ratio",
        "numerator_label": "open cases assessed for trauma",
        "denominator_label": "open cases",
        "multiplier": Decimal("100"),
    },
    {
        "code": "TRAUMA_INTERVENTION",
        "source": APPENDIX_A,
        "name": "Trauma - % of cases where a trauma informed intervention is being delivered",
        "category": "health",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Snapshot at the end of the month: the percentage of open cases in which a trauma-informed "
            "intervention is being delivered."
        ),
        "computation": "ratio",
        "numerator_label": "open cases with a trauma-informed intervention being delivered",
        "denominator_label": "open cases",
        "multiplier": Decimal("100"),
    },
    # ------------------------------------------------------------------ Disproportionality
    {
        "code": "DISPROP_TOOLKIT",
        "source": APPENDIX_A,
        "name": "Disproportionality toolkit",
        "category": "disproportionality",
        "scope": "local",
        "unit": "ratio",
        "polarity": "lower_better",
        "frequency": "quarterly",
        "definition": (
            "To be confirmed (Appendix A: 'Toolkit - TBC'). Intended: the YJB disproportionality toolkit's "
            "relative rate of Black and minority ethnic children at each stage of the youth justice system "
            "compared with their share of the 10-17 population (1 = proportionate)."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    # ------------------------------------------------------------------ National standards
    {
        "code": "LOCAL_STANDARDS",
        "source": APPENDIX_A,
        "name": "Local Standards",
        "category": "national_standards",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Appendix A lists 'Local Standards' without a definition, between the disproportionality toolkit "
            "and national standards. Taken here as the percentage of the service's own practice standards "
            "met in the month's audited cases."
        ),
        "computation": "ratio",
        "numerator_label": "local standards met",
        "denominator_label": "local standards assessed",
        "multiplier": Decimal("100"),
    },
    {
        "code": "NS_MET",
        "source": APPENDIX_A,
        "name": "Proportion of National Standards met",
        "category": "national_standards",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "National Standards audit: the percentage of standards assessed in the month's audited cases "
            "that were met (Appendix A reports them Red, Amber and Green)."
        ),
        "computation": "ratio",
        "numerator_label": "standards met",
        "denominator_label": "standards assessed",
        "multiplier": Decimal("100"),
    },
    # ------------------------------------------------------------------ Case audits (computed from the audits)
    {
        "code": "CA_AUDITED",
        "source": APPENDIX_A,
        "name": "Monthly case audits: number of cases audited",
        "category": "case_audits",
        "scope": "local",
        "unit": "count",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": "Number of cases dip-sampled and graded by managers in the month's case audit.",
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "CA_GOOD",
        "source": APPENDIX_A,
        "name": "% of audited cases graded good or better overall",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": "Of the cases audited in the month, the percentage given an overall grade of good or better.",
        "computation": "ratio",
        "numerator_label": "cases graded good or better",
        "denominator_label": "cases audited",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_INADEQUATE",
        "source": APPENDIX_A,
        "name": "% of audited cases graded in the lowest grades overall",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Of the cases audited in the month, the percentage given an overall grade in the lowest grades of "
            "the scale (Lewisham: not satisfactory or poor; Bromley: inadequate)."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded inadequate",
        "denominator_label": "cases audited",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_GOOD_ASSESSMENT",
        "source": BROMLEY_AUDITS,
        "name": "Case audits - assessment (Asset/AssetPlus, risk of serious harm): % good or better",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            'Of the cases audited in the month where it applies ("not applicable" is left out), '
            "the percentage whose assessment (Asset/AssetPlus and risk of "
            "serious harm) was graded good or better."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded good or better",
        "denominator_label": "cases audited where it applies",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_INADEQUATE_ASSESSMENT",
        "source": BROMLEY_AUDITS,
        "name": "Case audits - assessment (Asset/AssetPlus, risk of serious harm): % inadequate",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            'Of the cases audited in the month where it applies ("not applicable" is left out), '
            "the percentage whose assessment (Asset/AssetPlus and risk of "
            "serious harm) was graded in the lowest grades."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded inadequate",
        "denominator_label": "cases audited where it applies",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_GOOD_INTERVENTION",
        "source": BROMLEY_AUDITS,
        "name": "Case audits - intervention plan: % good or better",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            'Of the cases audited in the month where it applies ("not applicable" is left out), '
            "the percentage whose intervention plan was graded good or better."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded good or better",
        "denominator_label": "cases audited where it applies",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_INADEQUATE_INTERVENTION",
        "source": BROMLEY_AUDITS,
        "name": "Case audits - intervention plan: % inadequate",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            'Of the cases audited in the month where it applies ("not applicable" is left out), '
            "the percentage whose intervention plan was graded in the lowest grades."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded inadequate",
        "denominator_label": "cases audited where it applies",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_GOOD_RISK",
        "source": BROMLEY_AUDITS,
        "name": "Case audits - risk management plan: % good or better",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            'Of the cases audited in the month where it applies ("not applicable" is left out), '
            "the percentage whose risk management plan was graded good or better."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded good or better",
        "denominator_label": "cases audited where it applies",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_INADEQUATE_RISK",
        "source": BROMLEY_AUDITS,
        "name": "Case audits - risk management plan: % inadequate",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            'Of the cases audited in the month where it applies ("not applicable" is left out), '
            "the percentage whose risk management plan was graded in the "
            "lowest grades."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded inadequate",
        "denominator_label": "cases audited where it applies",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_GOOD_VULNERABILITY",
        "source": BROMLEY_AUDITS,
        "name": "Case audits - vulnerability (safety and wellbeing) plan: % good or better",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            'Of the cases audited in the month where it applies ("not applicable" is left out), '
            "the percentage whose vulnerability (safety and wellbeing) "
            "management plan was graded good or better."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded good or better",
        "denominator_label": "cases audited where it applies",
        "multiplier": Decimal("100"),
    },
    {
        "code": "CA_INADEQUATE_VULNERABILITY",
        "source": BROMLEY_AUDITS,
        "name": "Case audits - vulnerability (safety and wellbeing) plan: % inadequate",
        "category": "case_audits",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            'Of the cases audited in the month where it applies ("not applicable" is left out), '
            "the percentage whose vulnerability (safety and wellbeing) "
            "management plan was graded in the lowest grades."
        ),
        "computation": "ratio",
        "numerator_label": "cases graded inadequate",
        "denominator_label": "cases audited where it applies",
        "multiplier": Decimal("100"),
    },
    # ------------------------------------------------------------------ Improvement plan
    {
        "code": "BOARD_SELF_ASSESSMENT",
        "source": APPENDIX_A,
        "name": "Board Self-Assessment: HMIP Indicators of Effectiveness",
        "category": "improvement_plan",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "annual",
        "definition": (
            "The management board's annual self-assessment against HMI Probation's indicators of effective "
            "governance and leadership: the percentage of indicators the board judges it meets."
        ),
        "computation": "ratio",
        "numerator_label": "indicators of effectiveness met",
        "denominator_label": "indicators of effectiveness assessed",
        "multiplier": Decimal("100"),
    },
    {
        "code": "IP_GREEN",
        "source": APPENDIX_A,
        "name": "% of improvement plan actions rated Green",
        "category": "improvement_plan",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Proportions of improvement plan actions: the percentage of the plan's actions rated Green "
            "(target met / completed) at the end of the month."
        ),
        "computation": "ratio",
        "numerator_label": "actions rated Green",
        "denominator_label": "actions in the plan",
        "multiplier": Decimal("100"),
    },
    {
        "code": "IP_AMBER",
        "source": APPENDIX_A,
        "name": "% of improvement plan actions rated Amber",
        "category": "improvement_plan",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Proportions of improvement plan actions: the percentage of the plan's actions rated Amber "
            "(toward target / in progress) at the end of the month."
        ),
        "computation": "ratio",
        "numerator_label": "actions rated Amber",
        "denominator_label": "actions in the plan",
        "multiplier": Decimal("100"),
    },
    {
        "code": "IP_RED",
        "source": APPENDIX_A,
        "name": "% of improvement plan actions rated Red",
        "category": "improvement_plan",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Proportions of improvement plan actions: the percentage of the plan's actions rated Red "
            "(target not met / slipped) at the end of the month."
        ),
        "computation": "ratio",
        "numerator_label": "actions rated Red",
        "denominator_label": "actions in the plan",
        "multiplier": Decimal("100"),
    },
    {
        "code": "IP_WHITE",
        "source": BROMLEY_SCALE,
        "name": "% of improvement plan actions rated White",
        "category": "improvement_plan",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Proportions of improvement plan actions: the percentage of the plan's actions rated White "
            "(not started; Bromley's scale, seed 003) at the end of the month."
        ),
        "computation": "ratio",
        "numerator_label": "actions rated White",
        "denominator_label": "actions in the plan",
        "multiplier": Decimal("100"),
    },
    {
        "code": "IP_PURPLE",
        "source": APPENDIX_A,
        "name": "% of improvement plan actions rated Purple",
        "category": "improvement_plan",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Proportions of improvement plan actions: the percentage of the plan's actions rated Purple "
            "(not started or problematic; Lewisham's scale, seed 000 Appendix A) at the end of the month."
        ),
        "computation": "ratio",
        "numerator_label": "actions rated Purple",
        "denominator_label": "actions in the plan",
        "multiplier": Decimal("100"),
    },
    {
        "code": "IP_NO_UPDATE",
        "source": OWN_MEASURE,
        "name": "% of improvement plan actions with no update yet",
        "category": "improvement_plan",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Proportions of improvement plan actions: the percentage of the plan's actions with no progress "
            "update at the end of the month, so that the proportions add up to 100%."
        ),
        "computation": "ratio",
        "numerator_label": "actions with no update",
        "denominator_label": "actions in the plan",
        "multiplier": Decimal("100"),
    },
    # ------------------------------------------------------------------ Workforce
    {
        "code": "WF_VACANCY",
        "source": APPENDIX_A,
        "name": "Vacancy",
        "category": "workforce",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": "Vacant posts as a percentage of the service's established posts at the end of the month.",
        "computation": "ratio",
        "numerator_label": "vacant posts",
        "denominator_label": "established posts",
        "multiplier": Decimal("100"),
    },
    {
        "code": "WF_ABSENCE",
        "source": APPENDIX_A,
        "name": "Long term Absence",
        "category": "workforce",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Staff on long-term absence (four weeks or more) as a percentage of staff in post at the end of the month."
        ),
        "computation": "ratio",
        "numerator_label": "staff on long-term absence",
        "denominator_label": "staff in post",
        "multiplier": Decimal("100"),
    },
    {
        "code": "WF_AGENCY",
        "source": APPENDIX_A,
        "name": "Agency",
        "category": "workforce",
        "scope": "local",
        "unit": "percent",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Posts filled by agency (locum) workers as a percentage of established posts at the end of the month."
        ),
        "computation": "ratio",
        "numerator_label": "posts filled by agency workers",
        "denominator_label": "established posts",
        "multiplier": Decimal("100"),
    },
    {
        "code": "WF_TRAINING",
        "source": APPENDIX_A,
        "name": "Training completed (as per workforce plan)",
        "category": "workforce",
        "scope": "local",
        "unit": "percent",
        "polarity": "higher_better",
        "frequency": "monthly",
        "definition": (
            "Staff who have completed the training the workforce plan requires of them so far, as a "
            "percentage of staff in post."
        ),
        "computation": "ratio",
        "numerator_label": "staff up to date with workforce-plan training",
        "denominator_label": "staff in post",
        "multiplier": Decimal("100"),
    },
    # ------------------------------------------------------------------ Relevant crime statistics
    {
        "code": "CRIME_SYV",
        "source": APPENDIX_A,
        "name": "Serious Youth Violence",
        "category": "crime",
        "scope": "local",
        "unit": "count",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Police-recorded serious youth violence in the borough in the month: offences of most serious "
            "violence, or violence with injury, where the victim was aged 1-19 (Metropolitan Police definition)."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "CRIME_KNIFE_U25",
        "source": APPENDIX_A,
        "name": "Knife enabled crime under 25 (excluding Domestic Abuse)",
        "category": "crime",
        "scope": "local",
        "unit": "count",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Police-recorded knife-enabled crimes in the borough in the month with a victim aged under 25, "
            "excluding domestic abuse."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    {
        "code": "CRIME_GUN",
        "source": APPENDIX_A,
        "name": "Gun enabled crime",
        "category": "crime",
        "scope": "local",
        "unit": "count",
        "polarity": "lower_better",
        "frequency": "monthly",
        "definition": (
            "Police-recorded gun-enabled crimes (a firearm used, fired or threatened) in the borough in the month."
        ),
        "computation": "direct",
        "numerator_label": "",
        "denominator_label": "",
        "multiplier": Decimal("1"),
    },
    # ------------------------------------------------------------------ YJB KPIs from April 2023
    # Each KPI's headline measure (the code the dashboards have always used) and its sub-measures,
    # each citing what it was checked against (GUIDANCE, FIRST_PUBLISHED, VICTIMS_BLOG above). Where
    # the readable copies of the guidance end before a measure's wording (KPIs 6 to 9, KPI 7's
    # disproportionality element, KPI 10's sub-measures), the measure is marked unverified and its
    # page says so. A choice the guidance leaves to the service is stated in guidance_open.
    _kpi(
        "KPI1_ACCOMMODATION",
        "KPI 1: Suitable accommodation",
        "YJB KPI 1: of the children whose intervention programme or order ended in the quarter, the percentage in "
        "suitable accommodation at the end of it.",
        "accommodation_end",
        "orders_ended",
        f'{GUIDANCE}, KPI 1: "The proportion of children in suitable accommodation at the end of their intervention '
        'programme/order".',
    ),
    _kpi(
        "KPI1_ACCOMMODATION_CUSTODY",
        "KPI 1b: Suitable accommodation on release from custody",
        "YJB KPI 1 sub-measure: of the children released from custody in the quarter, the percentage with "
        "suitable accommodation arrangements.",
        "accommodation_release",
        "released",
        f'{FIRST_PUBLISHED}, KPI 1: "children in the community and being released from custody with suitable '
        'accommodation arrangements".',
    ),
    _kpi(
        "KPI2_ETE",
        "KPI 2: Education, training and employment",
        "YJB KPI 2: of the children whose intervention programme or order ended in the quarter, the percentage in "
        "suitable education, training or employment at the end of it.",
        "ete_end",
        "orders_ended",
        f'{GUIDANCE}, KPI 2: "The proportion of children in suitable ETE at the end of their intervention '
        'programme/order".',
    ),
    _kpi(
        "KPI2_ETE_CUSTODY",
        "KPI 2b: Suitable ETE on release from custody",
        "YJB KPI 2 sub-measure: of the children released from custody in the quarter, the percentage attending a "
        "suitable education, training or employment arrangement.",
        "ete_release",
        "released",
        f'{FIRST_PUBLISHED}, KPI 2: "children in the community and being released from custody attending a '
        'suitable ETE arrangement".',
    ),
    _kpi(
        "KPI3_SEND",
        "KPI 3: Special educational needs and disabilities / additional learning needs",
        "YJB KPI 3: of the children with an identified SEND need (ALN in Wales), the percentage with a formal plan "
        "in place.",
        "send_plan",
        "send_identified",
        f'{GUIDANCE}, KPI 3: "The number of children with a formal plan in place as a proportion of children with an '
        'identified SEND need (or ALN in Wales)".',
    ),
    _kpi(
        "KPI3_SEND_ETE",
        "KPI 3b: Children with SEND/ALN in suitable ETE with a learning plan",
        "YJB KPI 3 sub-measure: of the children with an identified SEND need (ALN in Wales), the percentage in "
        "suitable ETE with a formal learning plan in place for the current academic year.",
        "send_ete_plan",
        "send_identified",
        f'{FIRST_PUBLISHED}, KPI 3: "have an identified SEND need (or ALN in Wales), are in suitable ETE and have '
        'a formal learning plan in place for the current academic year".',
    ),
    _kpi(
        "KPI4_MENTAL_HEALTH",
        "KPI 4: Mental health and emotional wellbeing",
        "YJB KPI 4, step 1 of its cascade: of the children whose order ended in the quarter, the percentage with a "
        "screened or identified need for an intervention to improve mental health or emotional wellbeing.",
        "mh_need",
        "orders_ended",
        f'{GUIDANCE}, KPI 4: "The number of children with a screened or identified need for an intervention to '
        "improve mental health or emotional wellbeing at the end of their order as a proportion of children with "
        'an order ending in the period".',
        guidance_open="whether a higher share is better. Here it is: a need that is found can be met.",
    ),
    _kpi(
        "KPI4_MH_OFFERED",
        "KPI 4b: Mental health interventions planned or offered",
        "YJB KPI 4, step 2: of the children with a screened or identified need, the percentage with a planned or "
        "offered intervention.",
        "mh_offered",
        "mh_need",
        f'{FIRST_PUBLISHED}, KPI 4: "and of that the percentage of planned/offered interventions".',
    ),
    _kpi(
        "KPI4_MH_ATTENDING",
        "KPI 4c: Mental health interventions attended",
        "YJB KPI 4, step 3: of the children with a planned or offered intervention, the percentage attending it.",
        "mh_attending",
        "mh_offered",
        f'{FIRST_PUBLISHED}, KPI 4: "of that percentage of children attending interventions".',
    ),
    _kpi(
        "KPI5_SUBSTANCE_MISUSE",
        "KPI 5: Substance misuse",
        "YJB KPI 5, step 1 of its cascade: of the children whose order ended in the quarter, the percentage with a "
        "screened or identified need for intervention or treatment to address substance misuse.",
        "sm_need",
        "orders_ended",
        f'{GUIDANCE}, KPI 5: "The number of children with a screened or identified need for intervention/treatment '
        "to address substance misuse at the end of their order as a proportion of the number of children with an "
        'order ending in the period".',
        guidance_open="whether a higher share is better. Here it is: a need that is found can be met.",
    ),
    _kpi(
        "KPI5_SM_OFFERED",
        "KPI 5b: Substance misuse treatment planned or offered",
        "YJB KPI 5, step 2: of the children with a screened or identified need, the percentage with planned or "
        "offered intervention or treatment.",
        "sm_offered",
        "sm_need",
        f'{FIRST_PUBLISHED}, KPI 5: "and of that the percentage of children with planned or offered '
        'intervention/treatment".',
    ),
    _kpi(
        "KPI5_SM_ATTENDING",
        "KPI 5c: Substance misuse treatment attended",
        "YJB KPI 5, step 3: of the children with planned or offered intervention or treatment, the percentage "
        "attending it.",
        "sm_attending",
        "sm_offered",
        f'{FIRST_PUBLISHED}, KPI 5: "and of that the percentage number of children attending intervention/treatment".',
    ),
    _kpi(
        "KPI6_OOCD",
        "KPI 6: Out-of-court disposals completed",
        "YJB KPI 6: of the children whose out-of-court disposal intervention ended in the quarter, the percentage "
        "who completed it successfully.",
        "oocd_completed",
        "oocd_ended",
        f'{GUIDANCE}: KPI 6 is named "Out-of-court disposals"; the copies that could be read end before its wording.',
        unverified=True,
    ),
    _kpi(
        "KPI7_BOARD_ATTENDANCE",
        "KPI 7: Management board attendance",
        "YJB KPI 7: attendance of senior partners at the youth justice management board - places filled in person "
        "by the senior partners (children's social care, the local authority, education, police, probation and "
        "health) as a percentage of their places at the board meetings held in the quarter. Computed from the "
        "board's attendance.",
        "senior partner attendances in person at board meetings",
        "senior partner places at board meetings held in the period",
        f'{GUIDANCE}: KPI 7 is named "Management board attendance"; the copies that could be read end before its '
        f"wording. Who counts: the statutory partners of a youth offending team, Crime and Disorder Act 1998, s. 39; "
        f"{GOVERNANCE_GUIDANCE}, on members senior enough to commit their agency's resources.",
        guidance_open="who counts as a senior partner, and whether a deputy's attendance counts as the partner's. "
        "Here the statutory partners count (the local authority, its children's social care and education, police, "
        "probation, health), not the independent chair, the service's own managers or advisers; a place filled by "
        "a deputy is recorded but counts as not attended in person.",
        unverified=True,
    ),
    _kpi(
        "KPI7_DISPROPORTIONALITY_DATA",
        "KPI 7b: Partners contributing disproportionality data",
        "YJB KPI 7 element: of the senior partners on the management board in the quarter, the percentage who "
        "contributed data from their agency that identifies disproportionality. Computed from the board's "
        "attendance records.",
        "senior partners who contributed data identifying disproportionality",
        "senior partners on the management board in the period",
        f"{GUIDANCE}: KPI 7, the partners' contribution of data identifying disproportionality; the copies that "
        "could be read end before its wording.",
        unverified=True,
    ),
    _kpi(
        "KPI8_WIDER_SERVICES",
        "KPI 8: Wider services",
        "YJB KPI 8: of the children whose order ended in the quarter, the percentage also supported by wider "
        "services - an early help plan, a child in need or child protection plan, or looked after (care and "
        "support plans in Wales).",
        "wider_services",
        "orders_ended",
        f'{GUIDANCE}: KPI 8 is named "Wider services"; the copies that could be read end before its wording.',
        guidance_open="whether a higher share is better. Here it is, as children linked to the wider support they "
        "need; read it alongside the area's own context.",
        unverified=True,
    ),
    _kpi(
        "KPI9_SERIOUS_VIOLENCE",
        "KPI 9: Serious violence",
        "YJB KPI 9: children convicted of a serious violence offence (drug, robbery or violence against the person "
        "offences with a gravity score of 5 or more) in the quarter, as a percentage of the children on the "
        "caseload. A conviction counts, not a proven offence dealt with out of court.",
        "sv_convicted",
        "caseload",
        f'{GUIDANCE}: KPI 9 is named "Serious violence"; the copies that could be read end before its wording.',
        polarity="lower_better",
        guidance_open="what the count of children convicted is divided by. Here it is the children on the "
        "caseload in the quarter, so that services of any size compare.",
        unverified=True,
    ),
    _kpi(
        "KPI10_VICTIMS",
        "KPI 10: Victims",
        "YJB KPI 10: of the victims who consented to be contacted, the percentage engaged in restorative justice "
        "opportunities.",
        "victims_rj",
        "victims_consented",
        f'{VICTIMS_BLOG}, quoting KPI 10: "The number of victims engaged in restorative justice opportunities as a '
        'proportion of the total number of victims who consent to be contacted."',
    ),
    _kpi(
        "KPI10_VICTIMS_CONSENT",
        "KPI 10b: Victims consenting to contact",
        "YJB KPI 10 sub-measure: of the victims of the children's offences in the quarter, the percentage who "
        "consented to be contacted by the service.",
        "victims_consented",
        "victims",
        VICTIMS_SUB_MEASURES,
        unverified=True,
    ),
    _kpi(
        "KPI10_VICTIMS_VIEWS",
        "KPI 10c: Victims whose views were sought",
        "YJB KPI 10 sub-measure: of the victims who consented to contact, the percentage asked for their views to "
        "inform the child's plan or disposal.",
        "victims_views",
        "victims_consented",
        VICTIMS_SUB_MEASURES,
        unverified=True,
    ),
    _kpi(
        "KPI10_VICTIMS_INFORMED",
        "KPI 10d: Victims kept informed",
        "YJB KPI 10 sub-measure: of the victims who consented to contact, the percentage given information about "
        "the progress of the child's case where they asked for it.",
        "victims_informed",
        "victims_consented",
        VICTIMS_SUB_MEASURES,
        unverified=True,
    ),
    _kpi(
        "KPI10_VICTIMS_SUPPORT",
        "KPI 10e: Victims offered support",
        "YJB KPI 10 sub-measure: of the victims who consented to contact, the percentage offered or referred to "
        "support services.",
        "victims_support",
        "victims_consented",
        VICTIMS_SUB_MEASURES,
        unverified=True,
    ),
]
