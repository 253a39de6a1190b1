"""HM Inspectorate of Probation's youth inspection frameworks, as plain data: each framework's
judgement scale, its standards (or areas of work), and how ratings add up where it scores.
Loaded by improvement.frameworks.frameworks_sync (a migration, and `manage.py sync_catalogue`).

Sources, by framework (what each says is quoted in the framework's "source"):

* hmip-2012, the 2012–18 programme of Full Joint Inspections (FJI) and Short Quality Screenings
  (SQS): HMIP, "Inspection programmes - Youth" (justice.gov.uk/about/hmi-probation/
  inspection-programmes-youth: the programme "began in September 2012"); the areas are those
  HMIP's FJI press releases name - five in 2013 (Warwickshire, January 2013: "reducing the
  likelihood of reoffending, protecting the public, protecting children and young people,
  ensuring that the sentence is served and governance arrangements"), six by 2016 adding "court
  work and reports" (Staffordshire, June 2016) or "work to deliver interventions" (Lewisham,
  December 2016; seed 000). The words HMIP used for an area: very good, good, satisfactory,
  unsatisfactory; "poor" is the word seeds 003 and 000's sources use. HMIP's page on SQS says its
  criteria are "organised according to four inspection themes" at the start of the sentence;
  we could not read the themes' names, so the SQS areas below take the names of the FJI areas
  the SQS shares "a subset of the questions" with, and say so.
* hmip-2018, from June 2018: HMIP, "Our standards and ratings" (justiceinspectorates.gov.uk/
  hmiprobation/about-hmi-probation/about-our-work/our-standards-and-ratings/): "All services are
  rated overall as either 'Outstanding', 'Good', 'Requires improvement' or 'Inadequate' as well as
  being rated at the level of individual standards"; HMIP, "Consultation on standards and ratings
  for inspecting youth offending services" (8 November 2017), sections 3 (the standards
  framework) and 4 (rating). Three domains (HMIP press release, Hampshire, September 2018: "the
  organisation's leadership and delivery of its services; work with those dealt with by the
  courts; and with children and young people dealt with out of court"); "12 aspects of work" rated
  with an overall rating (HMIP press release, 24 November 2020). The scoring - Inadequate 0,
  Requires improvement 1, Good 2, Outstanding 3, the total of 0–36 banded 0–6 Inadequate, 7–18
  Requires improvement, 19–30 Good, 31–36 Outstanding - is the one HMIP prints in the ratings
  section of each youth inspection report from 2018; the stored copies we could search stop
  before that section, so check it against a report's annexe when the data is next reviewed.
* hmip-2021, from 2021: "Our standards and ratings": "We refreshed our youth justice standards in
  2021"; HMIP, "Consultation on the inspection of youth justice services": "We inspect YJSs
  against 13 standards, covering organisational delivery, court disposals and out-of-court
  disposals and (since 2021) resettlement"; HMIP's April 2020 consultation, Annexe A (revised
  standards): a new out-of-court disposal policy and provision standard, and resettlement policy
  and provision (Magistrates' Association response, 23 June 2020). Resettlement is rated apart
  and left out of the 36-point total, so the 12 other standards keep the 2018 scoring.
* hmip-2025, from spring 2025: HMIP news, "New Youth Inspection Programme Framework": it "combines
  all statutory court work, out-of-court disposals, resettlement, and bail and remand into a
  single domain two standard and features the introduction of the victims' standard", and the
  organisational delivery standards were revised "with a new focus on Appropriate Adult
  arrangements". Reports rate "two broad areas: the quality of work done with children … and the
  quality of work done with victims" and give an overall rating (Wakefield, 2025). HMIP has not
  published, in anything we could read, how the 2025 ratings add up, so it has no total here.

* yjb-ns-audit-2015, not an inspection: the YJB's statutory National Standards audit of pre-court
  work of 2015 (reducing first-time entrants, work with victims of crime), as seed 003 (Bromley,
  November 2015), 3.3.1 reports it: "The audit judged the quality of pre court work in three
  categories" - preventing offending, out-of-court disposals, work with victims of crime - with
  cases that "met the standard", "met the standard with improvement" or where "the standard was
  not met". A service records its audit as a self-assessment against it.

The standards' prompts are HMIP's headline questions for each standard, as the 2018 and 2021
standards documents put them.
"""

FOUR_POINT = [  # label, colour, score
    ("Outstanding", "#005a30", 3),
    ("Good", "#00703c", 2),
    ("Requires improvement", "#f47738", 1),
    ("Inadequate", "#d4351c", 0),
]
BANDS_OUT_OF_36 = [[0, 6, "Inadequate"], [7, 18, "Requires improvement"], [19, 30, "Good"], [31, 36, "Outstanding"]]

DOMAIN_1 = "Domain 1: Organisational delivery"
DOMAIN_2 = "Domain 2: Court disposals"
DOMAIN_3 = "Domain 3: Out-of-court disposals"

ORGANISATIONAL_DELIVERY = [
    {
        "code": "1.1",
        "title": "Governance and leadership",
        "prompts": [
            "Is there a clear local vision and strategy for the delivery of a high-quality, personalised and "
            "responsive service for all children?",
            "Do the partnership arrangements actively support effective service delivery?",
            "Does the leadership of the youth offending team support effective service delivery?",
        ],
    },
    {
        "code": "1.2",
        "title": "Staff",
        "prompts": [
            "Do staffing and workload levels support the delivery of a high-quality, personalised and responsive "
            "service?",
            "Do the skills of staff support the delivery of such a service for all children?",
            "Does the oversight work of managers support high-quality delivery and professional development?",
            "Are arrangements for learning and development comprehensive and responsive?",
            "Do managers pay sufficient attention to staff engagement?",
        ],
    },
    {
        "code": "1.3",
        "title": "Partnerships and services",
        "prompts": [
            "Is there a sufficiently comprehensive and up-to-date analysis of the profile of children, to ensure "
            "that the right services are in place?",
            "Does the partnership provide the volume, range and quality of services needed to meet the needs of "
            "all children?",
            "Are arrangements with statutory partners, providers and other agencies established, maintained and "
            "used effectively to deliver high-quality services?",
        ],
    },
    {
        "code": "1.4",
        "title": "Information and facilities",
        "prompts": [
            "Are the necessary policies and guidance in place to enable staff to deliver a quality service?",
            "Does the delivery environment meet the needs of all children and enable staff to deliver a quality "
            "service?",
            "Do the information and communication technology systems enable staff to deliver a quality service?",
            "Are analysis, evidence and learning used effectively to drive improvement?",
        ],
    },
]


def _case_work(domain_number: int, kind: str) -> list[dict]:
    """Domains 2 and 3 ask the same four questions of the cases inspected."""
    return [
        {
            "code": f"{domain_number}.1",
            "title": "Assessment",
            "prompts": [
                f"Is assessment well-informed, analytical and personalised, actively involving the child and their "
                f"parents or carers? ({kind})"
            ],
        },
        {
            "code": f"{domain_number}.2",
            "title": "Planning",
            "prompts": [
                f"Is planning well-informed, holistic and personalised, actively involving the child and their "
                f"parents or carers? ({kind})"
            ],
        },
        {
            "code": f"{domain_number}.3",
            "title": "Implementation and delivery",
            "prompts": [
                f"Are high-quality, well-focused, personalised and coordinated services delivered, engaging the "
                f"child and their parents or carers? ({kind})"
            ],
        },
    ]


REVIEWING = {
    "code": "2.4",
    "title": "Reviewing",
    "prompts": [
        "Are reviews of progress well-informed, analytical and personalised, actively involving the child and "
        "their parents or carers?"
    ],
}


def _in(domain: str, standards: list[dict]) -> list[dict]:
    return [{**s, "domain": domain} for s in standards]


FRAMEWORKS = [
    {
        "code": "hmip-2012",
        "name": "HMI Probation youth offending work, 2012–2018 (Full Joint Inspection, Short Quality Screening)",
        "in_use": "September 2012 – 2018",
        "source": (
            "HMIP, Inspection programmes - Youth (justice.gov.uk/about/hmi-probation/inspection-programmes-youth); "
            "the areas HMIP's FJI press releases name (Warwickshire 2013, Staffordshire 2016, Lewisham 2016). "
            "Not scored: each area is judged, with no overall judgement."
        ),
        "bands": [],
        "levels": [
            ("Very good", "#005a30", None),
            ("Good", "#00703c", None),
            ("Satisfactory", "#85994b", None),
            ("Unsatisfactory", "#f47738", None),
            ("Poor", "#d4351c", None),
        ],
        "standards": _in(
            "Full Joint Inspection",
            [
                {"code": "FJI 1", "title": "Reducing reoffending"},
                {"code": "FJI 2", "title": "Protecting the public"},
                {"code": "FJI 3", "title": "Protecting the child or young person"},
                {"code": "FJI 4", "title": "Ensuring the sentence is served"},
                {"code": "FJI 5", "title": "Governance and partnership arrangements"},
                {"code": "FJI 6", "title": "Interventions to reduce reoffending"},
                {"code": "FJI 7", "title": "Court work and reports"},
            ],
        )
        + _in(
            "Short Quality Screening (work at the start of the sentence; theme names after the FJI areas)",
            [
                {"code": "SQS 1", "title": "Reducing the likelihood of reoffending"},
                {"code": "SQS 2", "title": "Protecting the public"},
                {"code": "SQS 3", "title": "Protecting the child or young person"},
                {"code": "SQS 4", "title": "Court work and pre-sentence reports"},
            ],
        ),
    },
    {
        "code": "yjb-ns-audit-2015",
        "name": "YJB National Standards audit of pre-court work, 2015",
        "in_use": "2015",
        "source": (
            "Seed 003 (Bromley, November 2015), 3.3.1: the statutory National Standards Audit (Reducing First "
            "Time Entrants and Work with Victims of Crime), judging pre-court work in three categories. Not scored."
        ),
        "bands": [],
        "levels": [
            ("Standard met", "#00703c", None),
            ("Standard met with improvement", "#ffbf47", None),
            ("Standard not met", "#d4351c", None),
        ],
        "standards": _in(
            "Pre-court work",
            [
                {"code": "NS 1", "title": "Preventing offending"},
                {"code": "NS 2", "title": "Out-of-court disposals"},
                {"code": "NS 3", "title": "Work with victims of crime"},
            ],
        ),
    },
    {
        "code": "hmip-2018",
        "name": "HMI Probation inspection of youth offending services, from 2018",
        "in_use": "June 2018 – 2021",
        "source": (
            "HMIP, Our standards and ratings; HMIP, Consultation on standards and ratings for inspecting youth "
            "offending services (8 November 2017), sections 3 and 4; the ratings section of HMIP's youth "
            "inspection reports: each standard scores Inadequate 0, Requires improvement 1, Good 2, Outstanding 3; "
            "the total out of 36 gives the overall rating, 0–6 Inadequate, 7–18 Requires improvement, "
            "19–30 Good, 31–36 Outstanding."
        ),
        "bands": BANDS_OUT_OF_36,
        "levels": FOUR_POINT,
        "standards": _in(DOMAIN_1, ORGANISATIONAL_DELIVERY)
        + _in(DOMAIN_2, [*_case_work(2, "court disposals"), REVIEWING])
        + _in(
            DOMAIN_3,
            [
                *_case_work(3, "out-of-court disposals"),
                {
                    "code": "3.4",
                    "title": "Joint working",
                    "prompts": [
                        "Does joint working with the police support the delivery of high-quality, personalised and "
                        "coordinated services?"
                    ],
                },
            ],
        ),
    },
    {
        "code": "hmip-2021",
        "name": "HMI Probation inspection of youth justice services, standards refreshed in 2021",
        "in_use": "2021 – spring 2025",
        "source": (
            'HMIP, Our standards and ratings ("We refreshed our youth justice standards in 2021"); HMIP, '
            'Consultation on the inspection of youth justice services ("13 standards … and (since 2021) '
            'resettlement"); HMIP consultation of April 2020, Annexe A. Scored as in 2018: the 12 standards of '
            "Domains 1–3 out of 36; resettlement is rated on its own and left out of the total."
        ),
        "bands": BANDS_OUT_OF_36,
        "levels": FOUR_POINT,
        "standards": _in(DOMAIN_1, ORGANISATIONAL_DELIVERY)
        + _in(DOMAIN_2, [*_case_work(2, "court disposals"), REVIEWING])
        + _in(
            DOMAIN_3,
            [
                *_case_work(3, "out-of-court disposals"),
                {
                    "code": "3.4",
                    "title": "Out-of-court disposal policy and provision",
                    "prompts": [
                        "Is there a high-quality, evidence-based out-of-court disposal service in place that promotes "
                        "diversion and supports sustainable desistance?"
                    ],
                },
            ],
        )
        + _in(
            "Resettlement (rated, not scored)",
            [
                {
                    "code": "4.1",
                    "title": "Resettlement policy and provision",
                    "scored": False,
                    "prompts": [
                        "Is there a high-quality, evidence-based resettlement service for children leaving custody?"
                    ],
                }
            ],
        ),
    },
    {
        "code": "hmip-2025",
        "name": "HMI Probation youth justice inspection programme, from 2025",
        "in_use": "spring 2025 –",
        "source": (
            "HMIP news, New Youth Inspection Programme Framework (live from spring 2025); HMIP, An inspection of "
            "youth justice work with children and victims in Wakefield (2025): rated across the quality of work "
            "with children and the quality of work with victims, with an overall rating. No published total."
        ),
        "bands": [],
        "levels": FOUR_POINT,
        "standards": [
            {
                "code": "1",
                "title": "Organisational delivery",
                "domain": "Domain 1: Organisational delivery (revised; includes Appropriate Adult arrangements)",
            },
            {
                "code": "2",
                "title": "Work with children",
                "domain": "Domain 2: Court work, out-of-court disposals, resettlement, bail and remand",
                "prompts": [
                    "One standard for all statutory court work, out-of-court disposals, resettlement, and bail "
                    "and remand."
                ],
            },
            {
                "code": "V1",
                "title": "Work with victims",
                "domain": "Victims",
                "prompts": ["Is work with victims high-quality, individualised, and responsive?"],
            },
        ],
    },
]
