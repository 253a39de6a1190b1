"""Demo governance data for Lewisham Youth Offending Service, as plain Python data.

Where each part comes from:

- RISK_MATRIX: seed 004 (Lewisham Youth Justice Strategic Plan 2018-21), "Risk scoring matrix" printed after
  the register in section E: a 3 x 3 grid, likelihood (Low, Medium, High) across and impact down, each cell
  likelihood x impact (1, 2, 3 / 2, 4, 6 / 3, 6, 9). The document gives no bands or colours for the scores:
  the bands below are assumed.
- RISKS: seed 004, section E "Risks to future delivery against the youth justice outcome measures",
  transcribed row by row, including recorded scores that disagree with the matrix. Titles and categories
  are ours; everything else is the document's text (runs of spaces collapsed).
- CONTRIBUTIONS: seed 004, section C "Partner contributions to the youth offending partnership pooled budget
  2019/20", every agency row in order, in pounds.
- BOARD: seed 004 section B (structure and governance) and seed 000 (Lewisham Safer Stronger Select Committee,
  June 2017) section 5.3 and Appendix B (the Independent Chair's overview, 30 May 2017).
- MEMBERS: the agencies seed 004 (sections B and D, and risks 11 and 15) and seed 000 Appendix B place around
  the board. The documents name almost no members, so members are recorded by role; start dates are
  illustrative.
- MEETINGS: illustrative. Agenda items, decisions and actions are drawn from the plan's themes and dated
  events (seed 004): the June 2018 decision to adopt a three-year plan, the risk reviews of 05/12/18 and
  22/03/19, the December 2018 board review of the Domain 1 self-assessment, the 32 green improvement actions.
  Attendance is invented but plausible.
- SELF_ASSESSMENTS: seed 004 ("Lewisham Self-assessment 2018", September 2016 compared with December 2018)
  and seed 000 (the 2016 inspection headlines), against Domain 1 of HMIP's 2018 standards. The documents
  publish no ratings; the ratings are ours. OTHER_SELF_ASSESSMENTS: Southwark's, made up for the demo and
  set beside its illustrative inspection (improvement/demo_data.py); Bromley's National Standards audit of
  2015 (seed 003, 3.3.1).

No child is named and no date of birth appears anywhere in this file.
"""

import datetime
from decimal import Decimal

from performance.demo_data import CUSTODY_COUNTS, year_on_year

# Seed 004 writes "Custody down 45% (23 compared to 44 previous year)"; 23 of 44 is down 47.7%. The milestone is
# computed from the custody counts the dashboard shows, so the two cannot disagree.
_CUSTODY_NOW, _CUSTODY_BEFORE = year_on_year(CUSTODY_COUNTS, datetime.date(2018, 12, 1))
CUSTODY_MILESTONE = (
    f"Custody down {(1 - Decimal(_CUSTODY_NOW) / _CUSTODY_BEFORE) * 100:.1f}% on the year "
    f"({_CUSTODY_NOW} compared to {_CUSTODY_BEFORE})"
)

# ---------------------------------------------------------------------------------------------------------------
# Risk matrix (seed 004, section E, "Risk scoring matrix")
# ---------------------------------------------------------------------------------------------------------------
# The document defines the matrix (score = likelihood x impact, Low=1, Medium=2, High=3, so scores 1-9) but not
# the bands or colours of its RAG rating: the bands below are ASSUMED (the default of this project).
RISK_MATRIX = {
    "size": 3,
    "levels": ["Low", "Medium", "High"],  # 1, 2, 3
    "bands": [  # (lowest score, highest score, band label, hex colour) covering 1..9; 5, 7 and 8 cannot occur
        (1, 2, "Low", "#00703c"),
        (3, 4, "Medium", "#ffbf47"),
        (6, 9, "High", "#d4351c"),
    ],
}

# ---------------------------------------------------------------------------------------------------------------
# Risk register (seed 004, section E)
# ---------------------------------------------------------------------------------------------------------------
# "The Youth Justice Management Board have been mapping risks to future delivery and RAG rating them below".
# Owners are initials as written; where a cell holds several, they are joined with ", ".
RISKS = [
    {
        "number": 1,
        "raised_on": datetime.date(2017, 5, 9),
        "title": "No terms of reference for the YJMB",
        "description": "No terms of reference for YJMB Board",
        "owner": "GR",
        "category": "Governance",
        "inherent_likelihood": "Low",
        "inherent_impact": "High",
        "inherent_score_recorded": 3,
        "mitigations": "Complete terms of reference",
        "residual_likelihood": "Low",
        "residual_impact": "Low",
        "residual_score_recorded": 1,
        "last_reviewed": datetime.date(2017, 6, 12),
        "status": "completed",
        "status_commentary": "Completed on 9 /6/17",
    },
    {
        "number": 2,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Partnership analytic capacity",
        "description": (
            "Partnership analytic capacity: speed of improvement is at risk without adequate analysis re data on "
            "system.\n\nEnsuring sufficient capacity"
        ),
        "owner": "GR",
        "category": "Performance",
        "inherent_likelihood": "Medium",
        "inherent_impact": "High",
        "inherent_score_recorded": 2,
        "mitigations": "Identify and deploy shared resource available",
        "residual_likelihood": "Medium",
        "residual_impact": "Medium",
        "residual_score_recorded": 3,
        "last_reviewed": datetime.date(2018, 4, 20),
        "status": "open",
        "status_commentary": (
            "Support from Partnership Analyst has helped growth of in-house team skills to stable position. "
            "Need to maintain this in Business continuity planning"
        ),
    },
    {
        "number": 3,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Recruiting and sustaining a skilled workforce",
        "description": "Ensuring skilled workforce is recruited and sustained",
        "owner": "KC",
        "category": "Workforce",
        "inherent_likelihood": "Medium",
        "inherent_impact": "Medium",
        "inherent_score_recorded": 4,
        "mitigations": "HR strategy",
        "residual_likelihood": "Medium",
        "residual_impact": "Medium",
        "residual_score_recorded": 1,
        "last_reviewed": datetime.date(2018, 2, 26),
        "status": "open",  # "All posts filled." does not say completed or closed
        "status_commentary": "All posts filled.",
    },
    {
        "number": 4,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Unmet physical and mental health needs of young people",
        "description": "Unmet physical health and mental health needs of young people",
        "owner": "CM",
        "category": "Health",
        "inherent_likelihood": "Medium",
        "inherent_impact": "Medium",
        "inherent_score_recorded": 4,
        "mitigations": "Implement JSNA",
        "residual_likelihood": "Low",
        "residual_impact": "Medium",
        "residual_score_recorded": 2,
        "last_reviewed": datetime.date(2017, 7, 20),
        "status": "open",
        "status_commentary": (
            "Unmet need likely to reduce due to new Compass service and active implementation of JSNA findings"
        ),
    },
    {
        "number": 5,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Young people with high levels of risk and vulnerability",
        "description": (
            "Young people with high levels of risk and vulnerability (nature and complexity).This now also sits "
            "between MET, emerging contextual safeguarding service and YOS"
        ),
        "owner": "KC",
        "category": "Safeguarding",
        "inherent_likelihood": "High",
        "inherent_impact": "High",
        "inherent_score_recorded": 6,
        "mitigations": "Case management system",
        "residual_likelihood": "Medium",
        "residual_impact": "Medium",
        "residual_score_recorded": 4,
        "last_reviewed": datetime.date(2019, 3, 22),
        "status": "open",
        "status_commentary": (
            "Lewisham is moving away from MET and towards the Concern Hub This process carefully manages data, "
            "with full consideration given to the recent learning gained from the Gangs Matrix review."
        ),
    },
    {
        "number": 6,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Recruitment of core YOS staff to the new service model",
        "description": "Recruitment of core YOS staff to new service model",
        "owner": "KC",
        "category": "Workforce",
        "inherent_likelihood": "Low",
        "inherent_impact": "High",
        "inherent_score_recorded": 3,
        "mitigations": "Recruitment strategy",
        "residual_likelihood": "Low",
        "residual_impact": "Low",
        "residual_score_recorded": 1,
        "last_reviewed": datetime.date(2017, 9, 22),
        "status": "completed",
        "status_commentary": "Completed",
    },
    {
        "number": 7,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Capacity of YOS staff to deliver the new model",
        "description": "Capacity for YOS staff to be able to deliver new model",
        "owner": "KC",
        "category": "Workforce",
        "inherent_likelihood": "Low",
        "inherent_impact": "High",
        "inherent_score_recorded": 3,
        "mitigations": "Training and support strategy",
        "residual_likelihood": "Low",
        "residual_impact": "High",
        "residual_score_recorded": 3,
        "last_reviewed": datetime.date(2018, 2, 26),
        "status": "open",
        "status_commentary": "On-going review",
    },
    {
        "number": 8,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Embedding the trauma-informed approach beyond the YOS",
        "description": (
            "Trauma-informed approach and how this is embedded beyond YOS internal and within Police re "
            "consistency and use of TI language etc."
        ),
        "owner": "GSM, KC, AF",
        "category": "Practice",
        "inherent_likelihood": "Medium",
        "inherent_impact": "Medium",
        "inherent_score_recorded": 4,
        "mitigations": "Promotion of Trauma Informed work at Lewisham strategic boards",
        "residual_likelihood": "Medium",
        "residual_impact": "Medium",
        "residual_score_recorded": 3,
        "last_reviewed": datetime.date(2018, 2, 26),
        "status": "open",
        "status_commentary": "Embedding of T.I. model still ongoing",
    },
    {
        "number": 9,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Serious youth violence",
        "description": (
            "Serious Youth Violence remains a major concern for the YOS. The level of risk being managed, coupled "
            "with the seriousness of the cases intensifies the risks. 70% of all cases on the Live Tracker "
            "involved violence, drug-dealing and weapons."
        ),
        "owner": "AF, GC",
        "category": "Public protection",
        "inherent_likelihood": "High",
        "inherent_impact": "High",
        "inherent_score_recorded": 9,
        "mitigations": "Responding to Mayor’s knife crime strategy",
        "residual_likelihood": "High",
        "residual_impact": "High",
        "residual_score_recorded": 6,
        "last_reviewed": datetime.date(2019, 3, 22),
        "status": "open",
        "status_commentary": (
            "The framework around Lewisham’s Public Health approach to violence is being developed to include a "
            "new governance structure and Violence Reduction Board, which will report to SLP."
        ),
    },
    {
        "number": 10,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Vicarious trauma and resilience of staff",
        "description": "Vicarious trauma and resilience of staff",
        "owner": "KC",
        "category": "Workforce",
        "inherent_likelihood": "Medium",
        "inherent_impact": "Medium",
        "inherent_score_recorded": 4,
        "mitigations": "Internal training and Clinical supervision",
        "residual_likelihood": "Medium",
        "residual_impact": "Medium",
        "residual_score_recorded": 4,
        "last_reviewed": datetime.date(2018, 2, 26),
        "status": "open",
        "status_commentary": "No change",
    },
    {
        "number": 11,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Key partner engagement with the Board at the right seniority",
        "description": "Key partner engagement with the YJM Board at right seniority",
        "owner": "GR",
        "category": "Governance",
        "inherent_likelihood": "Medium",
        "inherent_impact": "Medium",
        "inherent_score_recorded": 3,
        "mitigations": "Chair engagement with partners to redress gaps",
        "residual_likelihood": "High",
        "residual_impact": "Medium",
        "residual_score_recorded": 3,
        "last_reviewed": datetime.date(2018, 12, 5),
        "status": "open",
        "status_commentary": (
            "Discussion with representatives from Court and Education taking place. Inductions for new members "
            "have been taking place."
        ),
    },
    {
        "number": 12,
        "raised_on": datetime.date(2017, 6, 9),
        "title": "Consistent language and messages across key partners",
        "description": (
            "Ensuring that key partners at board and meeting level work towards greater consistency re language "
            "and messages."
        ),
        "owner": "AB, SW",
        "category": "Partnerships",
        "inherent_likelihood": "Medium",
        "inherent_impact": "Medium",
        "inherent_score_recorded": 4,
        "mitigations": "Promotion of Trauma informed language at strategic level",
        "residual_likelihood": "High",
        "residual_impact": "Low",
        "residual_score_recorded": 3,
        "last_reviewed": datetime.date(2018, 12, 5),
        "status": "open",
        "status_commentary": "SLP discussions and Board agenda track this",
    },
    {
        "number": 13,
        "raised_on": datetime.date(2017, 6, 13),
        "title": "Three KPIs do not improve in the 12-month period",
        "description": "Three KPIs do not improve in the 12 Month period",
        "owner": "KC",
        "category": "Performance",
        "inherent_likelihood": "Medium",
        "inherent_impact": "High",
        "inherent_score_recorded": 2,
        "mitigations": "Improved Board scrutiny at PSG and Board and coherent actions to address",
        "residual_likelihood": "Medium",
        "residual_impact": "High",
        "residual_score_recorded": 2,
        "last_reviewed": datetime.date(2018, 12, 5),
        "status": "open",
        "status_commentary": "Significant improvement in KPI data being reported to Dec 18 Board",
    },
    {
        "number": 14,
        "raised_on": datetime.date(2017, 6, 13),
        "title": "Readiness for inspection",
        "description": "Readiness for any Inspections",
        "owner": "KC, GR",
        "category": "Inspection",
        "inherent_likelihood": "Medium",
        "inherent_impact": "Medium",
        "inherent_score_recorded": 4,
        "mitigations": (
            "YOS Staff activity targeted towards inspection readiness in whole service and individual team "
            "meetings, the continued application of training and individual performance management."
        ),
        "residual_likelihood": "Medium",
        "residual_impact": "Medium",
        "residual_score_recorded": 4,
        "last_reviewed": datetime.date(2018, 12, 5),
        "status": "open",
        "status_commentary": (
            "Board Dec 18 will review self -assessment of Domain 1 done in summer 18 Greenwich review"
        ),
    },
    {
        "number": 15,
        "raised_on": datetime.date(2017, 6, 13),
        "title": "Partnership structural changes, e.g. reducing police staff numbers",
        "description": (
            "Partnership structural changes e.g. Police - the new policing regime coming through points to a "
            "continued reduction of police staff numbers."
        ),
        "owner": "GR",
        "category": "Partnerships",
        "inherent_likelihood": "High",
        "inherent_impact": "Medium",
        "inherent_score_recorded": 6,
        "mitigations": "Ensure partnership discussions at board re potential changes and implications.",
        "residual_likelihood": "High",
        "residual_impact": "Medium",
        "residual_score_recorded": 4,
        "last_reviewed": datetime.date(2019, 3, 22),
        "status": "open",
        "status_commentary": (
            "The YOS reports that Borough Command changes have had a positive impact on the service to date."
        ),
    },
    {
        "number": 16,
        "raised_on": datetime.date(2017, 6, 13),
        "title": "Sustainable funding",
        "description": "Sustainable Funding – both local Partnership and central funding pressures",
        "owner": "GSM",
        "category": "Finance",
        "inherent_likelihood": "Medium",
        "inherent_impact": "High",
        "inherent_score_recorded": 6,
        "mitigations": "MOPAC funding, YJB funding 18/19 and Budget Planning 19/20 to be considered",
        "residual_likelihood": "Medium",
        "residual_impact": "High",
        "residual_score_recorded": 6,
        "last_reviewed": datetime.date(2019, 3, 22),
        "status": "open",
        "status_commentary": "Currently awaiting YJB practice grant announcements due in May 2019 (TBC).",
    },
    {
        "number": 17,
        "raised_on": datetime.date(2018, 4, 20),
        "title": "Met knife crime and drug strategy: first-time entrants and custody may rise",
        "description": (
            "MET Knife Crime & Drug Strategy: Expectations that FTE and Custody figures for young people will rise "
            "in 18/19, due to Stop and Search being used more widely. Is a separate action plan required around "
            "this action?"
        ),
        # The extracted text reads "GR" then "GSMKC": taken to be GSM and KC run together.
        "owner": "GR, GSM, KC",
        "category": "Performance",
        "inherent_likelihood": "High",
        "inherent_impact": "High",
        "inherent_score_recorded": 9,
        "mitigations": "Review of OOCD informed by HMIP guidance.",
        "residual_likelihood": "High",  # written "high" in the document
        "residual_impact": "High",  # written "high" in the document
        "residual_score_recorded": 9,
        "last_reviewed": datetime.date(2019, 3, 22),
        "status": "open",
        "status_commentary": "Continue to monitor.",
    },
]
# Recorded scores that disagree with likelihood x impact (recorded vs computed):
#   risk 2:  pre 2 vs 6 (Medium x High);    post 3 vs 4 (Medium x Medium)
#   risk 3:  post 1 vs 4 (Medium x Medium)
#   risk 5:  pre 6 vs 9 (High x High)
#   risk 8:  post 3 vs 4 (Medium x Medium)
#   risk 9:  post 6 vs 9 (High x High)
#   risk 11: pre 3 vs 4 (Medium x Medium);  post 3 vs 6 (High x Medium)
#   risk 13: pre 2 vs 6 (Medium x High);    post 2 vs 6 (Medium x High)
#   risk 15: post 4 vs 6 (High x Medium)
# Eleven scores in eight risks; all other recorded scores match the matrix.

# ---------------------------------------------------------------------------------------------------------------
# Pooled budget (seed 004, section C)
# ---------------------------------------------------------------------------------------------------------------
CONTRIBUTIONS_YEAR = "2019/20"
# Blank cells in the document (Local Authority payments in kind; every cell of "Other") are recorded as 0.
# The document's total row reads staffing 1,609,033, payments in kind 80,000, other delegated 109,630,
# total 1,798,663. Its staffing column sums to 1,604,319 (and the row totals to 1,793,949): the printed
# staffing total is 4,714 more than its rows. The rows are transcribed as printed.
CONTRIBUTIONS = [
    {
        "agency": "Police",
        "staffing": Decimal("0"),
        "payments_in_kind": Decimal("80000"),
        "other_delegated": Decimal("0"),
    },
    {
        "agency": "Police and Crime Commissioner",
        "staffing": Decimal("0"),
        "payments_in_kind": Decimal("0"),
        "other_delegated": Decimal("0"),
    },
    {
        "agency": "Probation",
        "staffing": Decimal("75000"),
        "payments_in_kind": Decimal("0"),
        "other_delegated": Decimal("10000"),
    },
    {
        "agency": "Health",
        "staffing": Decimal("106456"),
        "payments_in_kind": Decimal("0"),
        "other_delegated": Decimal("0"),
    },
    {
        "agency": "Local Authority",
        "staffing": Decimal("927017"),
        "payments_in_kind": Decimal("0"),  # blank in the document
        "other_delegated": Decimal("99630"),
    },
    {
        "agency": "Wales Assembly Government",
        "staffing": Decimal("0"),
        "payments_in_kind": Decimal("0"),
        "other_delegated": Decimal("0"),
    },
    {
        "agency": "YJB",
        "staffing": Decimal("495846"),
        "payments_in_kind": Decimal("0"),
        "other_delegated": Decimal("0"),
    },
    {
        "agency": "Other",
        "staffing": Decimal("0"),
        "payments_in_kind": Decimal("0"),
        "other_delegated": Decimal("0"),
    },
]

# ---------------------------------------------------------------------------------------------------------------
# The board (seed 004 section B; seed 000 section 5.3 and Appendix B)
# ---------------------------------------------------------------------------------------------------------------
BOARD = {
    "name": "Lewisham Youth Justice Management Board",
    "terms_of_reference": (
        "The Lewisham Youth Justice Management Board is the statutory youth justice partnership board for the "
        "borough and is responsible for the work of the Youth Offending Service and the wider crime prevention "
        "partnership. It bridges the criminal justice system, community safety and children's services, and "
        "makes sure partnership resources are deployed to deliver the local Youth Justice Plan and the three "
        "national outcomes: fewer first time entrants, less reoffending and less use of custody. The board holds "
        "the multi-agency youth justice service to account for performance, including scrutiny of reports to the "
        "Youth Justice Board; holds the partners to account for supporting and delivering the plan; and leads the "
        "strategic development of youth justice services. It monitors the prevention of youth crime agenda and "
        "the delivery of the statutory principal aims at local level, including reducing the likelihood of "
        "reoffending by young people and the risk of harm they may cause to other people and themselves. It "
        "oversees all expenditure of the pooled budget and the HMIP improvement plan, naming a lead board member "
        "for each section of the plan. The main board meets quarterly under an independent chair, supported by a "
        "Principal Policy Officer as clerk; members assess the board's effectiveness each year through a "
        "self-assessment framework, take part in activities outside meetings to strengthen strategic and "
        "operational working, and share training in the trauma-informed restorative model."
    ),
    # The terms of reference were completed on 9/6/17 (risk 1); reviewed a year later.
    "terms_of_reference_review": datetime.date(2018, 6, 9),
    "sub_groups": [
        {
            "name": "Performance Sub-group",
            "terms_of_reference": (
                "The Performance Sub-group (Performance Sub-board) reports to the main board and has internal and "
                "external members. It monitors objectives linked to performance indicators, measures and "
                "outcomes, within the national framework set by the Youth Justice Board and against locally "
                "agreed priorities, using the HMIP-approved performance dashboard and the live reoffending "
                "tracker. It carries out the statutory work of data collation and analysis, national standards "
                "audits and other reviews; analyses the root causes of performance to direct partnership activity; "
                "and assures the board that improvement work is having the impact it wants to see. It focuses on "
                "data and operational collaboration, with its work directed by the main board."
            ),
        },
    ],
}

# Members are recorded by role. The documents name the Independent Chair and two officers, but the demo does not
# use personal names, so that illustrative attendance is never attributed to a real person. Start dates are
# illustrative: the Chair was in post by 9 May 2017 (risk 1, owner GR); the reconstituted board's terms of
# reference were completed on 9 June 2017; education and court representatives were still being engaged in
# December 2018 (risk 11) and are given a start of June 2018 so that they appear in every meeting below.
MEMBERS = [
    {
        "name": "Independent Chair",
        "agency": "independent_chair",
        "role": "Independent Chair",
        "statutory": False,
        "seniority": "Independent Chair",
        "start_date": datetime.date(2017, 5, 9),
        "end_date": None,
    },
    {
        "name": "Executive Director for Community Services",
        "agency": "local_authority",
        "role": "Executive Director for Community Services, London Borough of Lewisham",
        "statutory": True,
        "seniority": "Director",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "Head of Crime Reduction and Supporting People",
        "agency": "local_authority",
        "role": "Head of Crime Reduction and Supporting People, Directorate for Community Services",
        "statutory": True,
        "seniority": "Head of Service",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "YOS Strategic Manager",
        "agency": "youth_justice_service",
        "role": "Strategic Youth Offending Service Manager",
        "statutory": True,
        "seniority": "Head of Service",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "Executive Director for Children and Young People",
        "agency": "childrens_services",
        "role": "Executive Director for Children and Young People, London Borough of Lewisham",
        "statutory": True,
        "seniority": "Director",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "Borough Commander",
        "agency": "police",
        "role": "Borough Commander, Metropolitan Police",
        "statutory": True,
        "seniority": "Chief Superintendent",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "Head of Lewisham National Probation Service",
        "agency": "probation",
        "role": "Head of Lewisham Local Delivery Unit, National Probation Service",
        "statutory": True,
        "seniority": "Head of Service",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "Community Rehabilitation Company representative",
        "agency": "probation",
        "role": "Senior manager, London Community Rehabilitation Company",
        "statutory": True,
        "seniority": "Senior Manager",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "Health commissioning lead",
        "agency": "health",
        "role": "Children and young people's health commissioning lead (NHS and council joint commissioning)",
        "statutory": True,
        "seniority": "Head of Service",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "Head of Crime, Enforcement and Regulation",
        "agency": "community_safety",
        "role": "Head of Crime, Enforcement and Regulation Service (community safety and serious youth violence)",
        "statutory": False,
        "seniority": "Head of Service",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
    {
        "name": "Education representative",
        "agency": "education",
        "role": "Representative of the Local Authority's Education Department",
        "statutory": False,
        "seniority": "Head of Service",
        "start_date": datetime.date(2018, 6, 1),
        "end_date": None,
    },
    {
        "name": "Youth Court representative",
        "agency": "courts",
        "role": "HM Courts and Tribunals Service representative for the youth court",
        "statutory": False,
        "seniority": "Legal Team Manager",
        "start_date": datetime.date(2018, 6, 1),
        "end_date": None,
    },
    {
        # The YJB said it would step back from attending the board once Lewisham was no longer a priority YOT
        # (seed 004, section B); end_date is left open as the document gives no date.
        "name": "Youth Justice Board adviser",
        "agency": "youth_justice_adviser",
        "role": "Youth Justice Board London adviser",
        "statutory": False,
        "seniority": "Adviser",
        "start_date": datetime.date(2017, 6, 9),
        "end_date": None,
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Board meetings, June 2018 to May 2019 (illustrative)
# ---------------------------------------------------------------------------------------------------------------
# ATTENDANCE IS ILLUSTRATIVE: the documents do not record it. The chair and most statutory partners attend most of
# the time; the Community Rehabilitation Company less so; the courts and education are weakest until the chair's
# engagement (risk 11, 05/12/18); the Youth Justice Board adviser steps back in 2019 (seed 004, section B).
# Seed 004 describes a quarterly main board; six meetings are shown here, as asked for the demo, and are
# anchored where the document gives dates (June 2018, 5 December 2018, 22 March 2019).
MEETINGS = [
    {
        "date": datetime.date(2018, 6, 13),
        "agenda": [
            "Proposal to adopt a three-year Youth Justice Strategic Plan 2018-21",
            "HMIP Improvement Plan: progress and RAG ratings",
            "Performance report Q4 2017/18: first time entrants, reoffending and custody",
            "Risk register review",
            "Unconscious bias training for the wider partnership (May/June 2018)",
        ],
        "decisions": (
            "The board agreed to adopt a three-year planning framework, updated each year with the annual budget "
            "forecast. It noted the improvement plan RAG ratings and asked each theme lead to report on amber "
            "actions at the next meeting."
        ),
        "attendance": {
            "Independent Chair": "present",
            "Executive Director for Community Services": "present",
            "Head of Crime Reduction and Supporting People": "present",
            "YOS Strategic Manager": "present",
            "Executive Director for Children and Young People": "deputy",
            "Borough Commander": "present",
            "Head of Lewisham National Probation Service": "present",
            "Community Rehabilitation Company representative": "apologies",
            "Health commissioning lead": "present",
            "Head of Crime, Enforcement and Regulation": "present",
            "Education representative": "apologies",
            "Youth Court representative": "absent",
            "Youth Justice Board adviser": "present",
        },
        "actions": [
            {
                "description": "Draft the Youth Justice Strategic Plan 2018-21 for partner sign-off",
                "owner": "YOS Strategic Manager",
                "due": datetime.date(2018, 9, 12),
                "status": "G",
            },
        ],
    },
    {
        "date": datetime.date(2018, 9, 12),
        "agenda": [
            "Performance Sub-group report and the HMIP-approved dashboard",
            "Live reoffending tracker: annual review 2018",
            "First Time Entrants action plan: progress",
            "Budget monitoring 2018/19, including the remand budget",
        ],
        "decisions": (
            "The board endorsed the live tracker as its main early signal on reoffending and asked the "
            "Performance Sub-group to report the special educational needs findings to the Lewisham Inclusion "
            "Board. It noted the remand overspend and asked for a forecast for 2019/20."
        ),
        "attendance": {
            "Independent Chair": "present",
            "Executive Director for Community Services": "deputy",
            "Head of Crime Reduction and Supporting People": "present",
            "YOS Strategic Manager": "present",
            "Executive Director for Children and Young People": "present",
            "Borough Commander": "deputy",
            "Head of Lewisham National Probation Service": "present",
            "Community Rehabilitation Company representative": "absent",
            "Health commissioning lead": "present",
            "Head of Crime, Enforcement and Regulation": "apologies",
            "Education representative": "absent",
            "Youth Court representative": "apologies",
            "Youth Justice Board adviser": "present",
        },
        "actions": [
            {
                "description": "Forecast the remand budget for 2019/20 and report the expected shortfall",
                "owner": "Head of Crime Reduction and Supporting People",
                "due": datetime.date(2018, 12, 5),
                "status": "G",
            },
            {
                "description": "Share live tracker findings on special educational needs with the Inclusion Board",
                "owner": "Executive Director for Children and Young People",
                "due": datetime.date(2018, 12, 5),
                "status": "A",
            },
        ],
    },
    {
        "date": datetime.date(2018, 10, 31),
        "agenda": [
            "Board development session: the trauma-informed restorative model",
            "HMIP inspection framework 2018: Domain 1 organisational delivery",
            "Out of Court Disposals: review of decision making",
            "Concern Hub: proposal for a multi-agency response to exploitation and serious youth violence",
        ],
        "decisions": (
            "The board agreed to review the Out of Court Disposal decision-making process with the police, "
            "including a joint decision-making panel, and supported the development of the Concern Hub."
        ),
        "attendance": {
            "Independent Chair": "present",
            "Executive Director for Community Services": "present",
            "Head of Crime Reduction and Supporting People": "present",
            "YOS Strategic Manager": "present",
            "Executive Director for Children and Young People": "present",
            "Borough Commander": "present",
            "Head of Lewisham National Probation Service": "apologies",
            "Community Rehabilitation Company representative": "present",
            "Health commissioning lead": "deputy",
            "Head of Crime, Enforcement and Regulation": "present",
            "Education representative": "apologies",
            "Youth Court representative": "absent",
            "Youth Justice Board adviser": "apologies",
        },
        "actions": [
            {
                "description": "Design a joint Out of Court Disposal decision-making panel with police colleagues",
                "owner": "Borough Commander",
                "due": datetime.date(2019, 3, 22),
                "status": "A",
            },
        ],
    },
    {
        "date": datetime.date(2018, 12, 5),
        "agenda": [
            "Performance report to December 2018: KPIs",
            "Self-assessment of Domain 1 (summer 2018 Greenwich review)",
            "Risk register review",
            "Key partner engagement: courts and education; induction of new members",
        ],
        "decisions": (
            "The board noted significant improvement in the KPI data and reviewed the Domain 1 self-assessment, "
            "comparing September 2016 with December 2018. It reviewed the risk register and asked the chair to "
            "continue discussions with representatives of the courts and education."
        ),
        "attendance": {
            "Independent Chair": "present",
            "Executive Director for Community Services": "present",
            "Head of Crime Reduction and Supporting People": "present",
            "YOS Strategic Manager": "present",
            "Executive Director for Children and Young People": "apologies",
            "Borough Commander": "present",
            "Head of Lewisham National Probation Service": "present",
            "Community Rehabilitation Company representative": "apologies",
            "Health commissioning lead": "present",
            "Head of Crime, Enforcement and Regulation": "present",
            "Education representative": "present",
            "Youth Court representative": "apologies",
            "Youth Justice Board adviser": "present",
        },
        "actions": [
            {
                "description": "Complete inductions for new board members from the courts and education",
                "owner": "Independent Chair",
                "due": datetime.date(2019, 3, 22),
                "status": "G",
            },
        ],
    },
    {
        "date": datetime.date(2019, 3, 22),
        "agenda": [
            "HMIP Improvement Plan 2018/19: sign-off",
            "Risk register review",
            "Lewisham's public health approach to violence and the Violence Reduction Board",
            "Budget planning 2019/20 and the YJB practice grant",
        ],
        "decisions": (
            "The board signed off the Improvement Plan for 2018/19 with all 32 actions rated green. It reviewed "
            "the risk register and agreed to keep sustainable funding and the knife crime and drug strategy risks "
            "under review until the YJB practice grant is announced."
        ),
        "attendance": {
            "Independent Chair": "present",
            "Executive Director for Community Services": "present",
            "Head of Crime Reduction and Supporting People": "present",
            "YOS Strategic Manager": "present",
            "Executive Director for Children and Young People": "present",
            "Borough Commander": "deputy",
            "Head of Lewisham National Probation Service": "present",
            "Community Rehabilitation Company representative": "absent",
            "Health commissioning lead": "apologies",
            "Head of Crime, Enforcement and Regulation": "present",
            "Education representative": "present",
            "Youth Court representative": "absent",
            "Youth Justice Board adviser": "absent",
        },
        "actions": [
            {
                "description": "Agree partner contributions to the pooled budget for 2019/20",
                "owner": "Head of Crime Reduction and Supporting People",
                "due": datetime.date(2019, 5, 22),
                "status": "G",
            },
            {
                "description": "Decide whether a separate action plan is needed for the knife crime and drug strategy",
                "owner": "Borough Commander",
                "due": datetime.date(2019, 5, 22),
                "status": "R",
            },
        ],
    },
    {
        "date": datetime.date(2019, 5, 22),
        "agenda": [
            "Youth Justice Strategic Plan: update for 2019/20",
            "Partner contributions to the pooled budget 2019/20",
            "Key challenges for 2019-21: report by the Independent Chair",
            "Youth to adult transitions: the NPS pilot with Southwark",
        ],
        "decisions": (
            "The board agreed the 2019/20 update of the strategic plan and the partner contributions to the pooled "
            "budget, and adopted the chair's key challenges for 2019-21 as the basis of its work plan."
        ),
        "attendance": {
            "Independent Chair": "present",
            "Executive Director for Community Services": "deputy",
            "Head of Crime Reduction and Supporting People": "apologies",
            "YOS Strategic Manager": "present",
            "Executive Director for Children and Young People": "deputy",
            "Borough Commander": "present",
            "Head of Lewisham National Probation Service": "present",
            "Community Rehabilitation Company representative": "present",
            "Health commissioning lead": "present",
            "Head of Crime, Enforcement and Regulation": "apologies",
            "Education representative": "present",
            "Youth Court representative": "present",
            "Youth Justice Board adviser": "absent",
        },
        "actions": [],
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Self-assessment (HMIP Domain 1, organisational delivery)
# ---------------------------------------------------------------------------------------------------------------
# The documents give no ratings for either date. The 2016 ratings follow the inspection headlines (seed 000:
# governance and partnership arrangements "ineffective"; interventions, planning and oversight unsatisfactory);
# the 2018 ratings are our reading of the improvement the plan describes (seed 004). Both are chosen by us to
# show the improvement from 2016 to 2018.
SELF_ASSESSMENTS = [
    {
        "framework": "hmip-2018",
        "date": datetime.date(2016, 9, 1),
        "title": "Domain 1 organisational delivery: position at the HMIP full joint inspection, September 2016",
        "ratings": {
            "1.1": (
                "Inadequate",
                "HMIP found governance and partnership arrangements ineffective: a lot of partnership activity "
                "and energy, but not cohesive and with inconsistent impact for children. The board considered a "
                "narrow range of performance information and had no current terms of reference.",
            ),
            "1.2": (
                "Requires improvement",
                "Quality assurance and management oversight of case work were not consistently to a good "
                "standard; planning and review of plans were unsatisfactory. The service had absorbed "
                "significant budget reductions since the 2013 restructure.",
            ),
            "1.3": (
                "Inadequate",
                "Interventions were not routinely planned against assessment or evaluated; health services did "
                "not reflect the needs identified in the 2014 JSNA; the risk and vulnerability management panel "
                "was stretched; education providers lacked information before placements began.",
            ),
            "1.4": (
                "Requires improvement",
                "Information sharing with health, substance misuse and social care partners needed to improve, "
                "including the immediate sharing of information about missing children; data quality and use "
                "of the case management system were weak.",
            ),
        },
    },
    {
        "framework": "hmip-2018",
        "date": datetime.date(2018, 12, 1),
        "title": "Lewisham Self-assessment 2018: Domain 1 organisational delivery, December 2018",
        "ratings": {
            "1.1": (
                "Good",
                "An experienced independent chair, revised terms of reference for the main board and the "
                "Performance Sub-group, an annual self-assessment of board effectiveness and named lead members "
                "for each section of the improvement plan; all 32 improvement actions rated green. Strategic "
                "engagement of the courts and education is still being built.",
            ),
            "1.2": (
                "Good",
                "All posts filled, including four growth posts; monthly one-to-one clinical supervision; "
                "extensive training in the trauma-informed restorative model, unconscious bias and vicarious "
                "trauma. Staff capacity and resilience remain on the risk register.",
            ),
            "1.3": (
                "Good",
                "A trauma-informed service remodelled into intake and two intervention teams; co-located CAMHS, "
                "in-house Functional Family Therapy, speech and language therapy, liaison and diversion; JSNA "
                "findings implemented; the Concern Hub and NPS transitions pilot in development. Embedding the "
                "model consistently and the family offer still need work.",
            ),
            "1.4": (
                "Good",
                "All major policies revised; a live reoffending tracker, management oversight reports and a "
                "monthly data oversight meeting; a repository of evidence matched to HMIP requirements. "
                "Sustaining analytic capacity is a continuing risk.",
            ),
        },
    },
]


# Logic models: seed 004 ("Each team has a Logic Model and set of RAG rated outcomes", with the
# three teams' responsibilities and caseloads under "Service structure"). The seed's appendix 3,
# the models themselves, is not in the text: the outcomes and their ratings here are illustrative.
LOGIC_MODEL_NOTE = "Teams and activities from seed 004; outcomes and ratings are illustrative."
LOGIC_MODELS = [
    {
        "name": "Intake team",
        "aim": "All court and first contact work: new pre-sentence reports, out of court disposals and remands.",
        "inputs": "Operational Manager\nSenior Practitioner\nYouth Support Officers\nYOS Officers\n"
        "Qualified Social Workers",
        "activities": "New pre-sentence reports\nInitial AssetPlus screenings and assessments, and case "
        "formulations\nOut of court disposals, including Liaison and Diversion\nCourt duty, bail support and "
        "remand",
        "outputs": "Out of court disposals\nShort Referral Orders\nNew pre-sentence reports\nInitial screenings "
        "and assessments",
        "outcomes": [
            (
                "short",
                "Every child is screened for speech, language and communication needs",
                [],
                [
                    (datetime.date(2019, 1, 31), "R", "Screening not yet routine at intake"),
                    (datetime.date(2019, 5, 31), "R", "Therapist in post; screening still below half of new cases"),
                ],
            ),
            (
                "long",
                "Fewer children enter the youth justice system",
                ["FTE_RATE"],
                [
                    (datetime.date(2019, 3, 31), "G", "First-time entrants down on the year"),
                ],
            ),
        ],
    },
    {
        "name": "Intervention team 1",
        "aim": "Case manage Youth Rehabilitation Orders and Referral Orders not managed by Intake.",
        "inputs": "Operational Manager\nSenior Practitioner\nYOS Officers\nClinical supervision",
        "activities": "Post-court case formulation, planning and delivery of interventions\nCore "
        "interventions, individual and group\nReparation and unpaid work",
        "outputs": "Youth Rehabilitation Orders\nReferral Orders\nGroups\nReparation",
        "outcomes": [
            (
                "short",
                "Interventions follow each child's case formulation",
                [],
                [
                    (datetime.date(2019, 3, 31), "A", "Formulations in most new cases"),
                ],
            ),
            (
                "long",
                "Fewer children reoffend",
                ["REOFF_BINARY"],
                [
                    (datetime.date(2019, 3, 31), "G", "Binary rate under 40%"),
                ],
            ),
        ],
    },
    {
        "name": "Intervention team 2",
        "aim": "Custody cases and cases assessed as high risk of harm to others, with Intensive Supervision "
        "and Surveillance.",
        "inputs": "Operational Manager\nSenior Practitioner\nYOS Officers\nSerious Youth Violence Team",
        "activities": "Intensive Supervision and Surveillance\nJoint management of high-risk cases with the "
        "police\nResettlement work with the secure estate",
        "outputs": "YROs with ISS\nDetention and Training Orders\nSection 91 and 226 sentences",
        "outcomes": [
            (
                "short",
                "High-risk cases are managed jointly with the police",
                [],
                [
                    (datetime.date(2019, 3, 31), "A", "Joint reviews monthly"),
                ],
            ),
            (
                "long",
                "Fewer custodial sentences and remand episodes",
                ["CUSTODY_COUNT"],
                [
                    (datetime.date(2019, 3, 31), "G", CUSTODY_MILESTONE),
                ],
            ),
        ],
    },
]


# Made up for the demo (no seed rates Southwark under HMIP's standards): the board's view before its
# illustrative 2023 inspection, above the inspectors on three standards and below on one.
ILLUSTRATIVE = "Illustrative."
OTHER_SELF_ASSESSMENTS = {
    "southwark": {
        "framework": "hmip-2021",
        "inspection_by": "Illustrative example: not an HMIP inspection",
        "date": datetime.date(2023, 3, 31),
        "title": "Board self-assessment before inspection, March 2023 (illustrative)",
        "ratings": {
            "1.1": ("Good", ILLUSTRATIVE),
            "1.2": ("Good", ILLUSTRATIVE),
            "1.3": ("Good", ILLUSTRATIVE),
            "1.4": ("Requires improvement", ILLUSTRATIVE),
            "2.1": ("Good", ILLUSTRATIVE),
            "2.2": ("Good", ILLUSTRATIVE),
            "2.3": ("Good", ILLUSTRATIVE),
            "2.4": ("Requires improvement", ILLUSTRATIVE),
            "3.1": ("Good", ILLUSTRATIVE),
            "3.2": ("Good", ILLUSTRATIVE),
            "3.3": ("Good", ILLUSTRATIVE),
            "3.4": ("Requires improvement", ILLUSTRATIVE),
            "4.1": ("Good", ILLUSTRATIVE),
        },
    },
    # Seed 003 (Bromley, November 2015), 3.3.1: the statutory National Standards Audit, 29 cases. The seed
    # gives each category's split of cases, not one rating: the rating is the most common outcome, and the
    # commentary quotes the split. The seed gives no date; the audit was done by the report (November 2015).
    "bromley": {
        "framework": "yjb-ns-audit-2015",
        "date": datetime.date(2015, 10, 1),
        "title": "National Standards Audit 2015: pre-court work, 29 cases",
        "ratings": {
            "NS 1": ("Standard met with improvement", "100% of cases met the standard with improvements."),
            "NS 2": (
                "Standard met",
                "40% of cases met the standard with improvement, 54% met the standard and in 6% the standard was "
                "not met.",
            ),
            "NS 3": ("Standard met", "80% of cases met the standard."),
        },
    },
}
