"""HM Inspectorate of Probation's youth inspection frameworks, as plain data: each framework's
judgement scale, its standards (or areas of work), and how ratings add up where it scores.
Loaded by improvement.frameworks.frameworks_sync (a migration, and `manage.py sync_catalogue`).

Every fact is cited in the framework's "sources" (title, publisher, address, date, and what the
source says that the data relies on); what no source we could read confirms is listed, one
sentence each, in its "unverified", which the framework's page shows to users. Re-read in December
2026 with the stored copies of HMIP's pages and reports:

* hmip-2012: the SQS themes are seed 002's own headings (HMIP's SQS letter to Southwark, 2 November
  2016), and HMIP's SQS page says the report is "organised according to four inspection themes".
  The letter rates no theme: it comments on each, and lists key strengths and areas requiring
  improvement. So an SQS theme is "rated": False and an inspection records strengths and areas for
  improvement against it. The earlier data named the themes after the FJI areas and rated them.
* hmip-2018/2021: the four-point scale and the overall rating are HMIP's ("Our standards and
  ratings"); the 0-3 scores and the 0-36 bands are not in any stored copy we could read (they stop
  before a report's ratings annexe), so they stay listed as unverified.
* hmip-2025: the reports rate "two broad areas" (Wakefield, Wirral 2025); the victims standard asks
  V1.1 and V1.2 (HMIP's Head of Standards and Policy, as Why me? reported it, 29 May 2025);
  organisational delivery is inspected but rated by no report we read; how the two ratings give the
  overall one is not published in anything we could read (Wakefield: children "Outstanding", victims
  "Good", overall "Good").

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


def _cite(title: str, publisher: str, url: str, date: str, supports: str) -> dict:
    """One published source and the words of it the data relies on."""
    return {"title": title, "publisher": publisher, "url": url, "date": date, "supports": supports}


STANDARDS_AND_RATINGS = _cite(
    "Our standards and ratings",
    "HM Inspectorate of Probation",
    "https://www.justiceinspectorates.gov.uk/hmiprobation/about-hmi-probation/about-our-work/"
    "our-standards-and-ratings/",
    "undated web page",
    "“All services are rated overall as either ‘Outstanding’, ‘Good’, ‘Requires improvement’ or "
    "‘Inadequate’ as well as being rated at the level of individual standards.” “We refreshed our youth "
    "justice standards in 2021.”",
)
CONSULTATION_2017 = _cite(
    "Consultation on standards and ratings for inspecting youth offending services",
    "HM Inspectorate of Probation",
    "https://fdocuments.in/document/consultation-on-standards-and-ratings-for-inspecting-youth-spring-2018-"
    "our-inspections.html (a copy)",
    "8 November 2017",
    "Section 3, the standards framework; section 4, rating youth offending services.",
)
UNVERIFIED_SCORING = (
    "The scores (Inadequate 0, Requires improvement 1, Good 2, Outstanding 3) and the bands of the total out of "
    "36 (0–6 Inadequate, 7–18 Requires improvement, 19–30 Good, 31–36 Outstanding): HMIP prints them in each "
    "report's ratings annexe, but no copy we could read reaches that annexe."
)
UNVERIFIED_PROMPTS = (
    "The wording of each standard's questions, taken from HMIP's standards document and not re-read against "
    "its current copy."
)
SQS_LETTER = _cite(
    "Report of Short Quality Screening (SQS) of youth offending work in Southwark",  # seed 002
    "HM Inspectorate of Probation",
    "https://www.justiceinspectorates.gov.uk/hmiprobation",
    "2 November 2016",
    "Its commentary has four themes: “1. Reducing reoffending”, “2. Protecting the public”, “3. Protecting the "
    "child or young person”, “4. Making sure the sentence is served”; no theme is given a rating; the letter "
    "lists “Key strengths” and “Areas requiring improvement”.",
)

SQS = "short_quality_screening"  # improvement.choices.InspectionType

FRAMEWORKS = [
    {
        "code": "hmip-2012",
        "name": "HMI Probation youth offending work, 2012–2018 (Full Joint Inspection, Short Quality Screening)",
        "in_use": "September 2012 – 2018",
        "source": (
            "HMIP, Inspection programmes - Youth; HMIP's Full Joint Inspection press releases (Wakefield 2014); "
            "HMIP's Short Quality Screening page and its SQS letter to Southwark (2 November 2016). A Full Joint "
            "Inspection judges each area, with no overall judgement; a Short Quality Screening rates none of its "
            "four themes: it gives strengths and areas for improvement."
        ),
        "sources": [
            _cite(
                "Inspection programmes - Youth",
                "HM Inspectorate of Probation (Ministry of Justice website)",
                "http://www.justice.gov.uk/about/hmi-probation/inspection-programmes-youth",
                "undated web page",
                "The programme “began in September 2012”: Full Joint Inspection (FJI) and Short Quality Screening "
                "(SQS), whose focus “is work at the start of the sentence, along with pre-sentence reports”.",
            ),
            _cite(
                "Wakefield achieves reduction in reoffending (press release)",
                "HM Inspectorate of Probation",
                "https://justiceinspectorates.gov.uk/hmiprobation/media/press-releases/2014/10/fjiwakefield",
                "October 2014",
                "An FJI focuses on “six key areas: reducing the likelihood of reoffending, protecting the public, "
                "protecting children and young people, ensuring that the sentence is served, the effectiveness of "
                "governance and the delivery of interventions”, each judged (“satisfactory”, “good”).",
            ),
            _cite(
                "Short Quality Screenings",
                "HM Inspectorate of Probation",
                "https://www.justiceinspectorates.gov.uk/hmiprobation/about-hmi-probation/about-our-work/"
                "youth-inspection-programmes/inspecting-youth-offending-work/short-quality-screenings/",
                "undated web page (framework and criteria updated 23 February 2016)",
                "“The criteria and inspection report are organised according to four inspection themes.”",
            ),
            SQS_LETTER,
            _cite(
                "Update on progress of the Youth Offending Service Improvement Plan (Education PDS Committee, ED15133)",
                "London Borough of Bromley",
                "",
                "24 November 2015",
                "An FJI's judgements: “four out of five of six key judgements considered to be poor, 1 "
                "unsatisfactory and 1 satisfactory”.",
            ),
        ],
        "unverified": [
            "The judgement “Very good” for a Full Joint Inspection area: no source we could read uses it.",
            "“Court work and reports” as a seventh area, named in HMIP's Staffordshire release (June 2016): no "
            "copy of that release could be read when this framework was checked.",
        ],
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
        # Seed 002's four themes, in its words and order. The codes stay those the themes had, so an
        # installation's SQS records keep their theme (migration 0019 keeps any rating given before).
        + _in(
            "Short Quality Screening: no rating; strengths and areas for improvement per theme",
            [
                {"code": "SQS 1", "title": "Reducing reoffending", "rated": False, "inspection_type": SQS},
                {"code": "SQS 2", "title": "Protecting the public", "rated": False, "inspection_type": SQS},
                {
                    "code": "SQS 3",
                    "title": "Protecting the child or young person",
                    "rated": False,
                    "inspection_type": SQS,
                },
                {
                    "code": "SQS 4",
                    "title": "Making sure the sentence is served",
                    "rated": False,
                    "inspection_type": SQS,
                },
            ],
        ),
    },
    {
        "code": "yjb-ns-audit-2015",
        "name": "YJB National Standards audit of pre-court work, 2015",
        "in_use": "2015",
        "source": (
            "Bromley's report to its Education PDS Committee (24 November 2015), 3.3.1: the statutory National "
            "Standards Audit (Reducing First Time Entrants and Work with Victims of Crime), judging pre-court work in "
            "three categories. Not scored."
        ),
        "sources": [
            _cite(
                "Update on progress of the Youth Offending Service Improvement Plan (ED15133), paragraph 3.3.1",
                "London Borough of Bromley",
                "",
                "24 November 2015",
                "“The audit judged the quality of pre court work in three categories”; cases “met the standard”, "
                "“met the standard with improvement” or “the standard was not met”.",
            ),
        ],
        "unverified": [],
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
            "offending services (8 November 2017), sections 3 and 4. Each standard is rated on four points and "
            "the service overall; the total out of 36 gives the overall rating."
        ),
        "sources": [
            STANDARDS_AND_RATINGS,
            CONSULTATION_2017,
            _cite(
                "Haringey youth justice inspection 2024",
                "London Borough of Haringey",
                "https://haringey.gov.uk/children-young-people-families/early-help-haringey/youth-justice-service-"
                "yjs/haringey-youth-justice-inspection-2024",
                "2024",
                "Three domains: “domain 1 – organisational delivery”; “domains 2 and 3 look at the quality of: "
                "post-court supervision, out-of-court disposals”.",
            ),
        ],
        "unverified": [UNVERIFIED_SCORING, UNVERIFIED_PROMPTS],
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
            'HMIP, Our standards and ratings ("We refreshed our youth justice standards in 2021"); HMIP '
            "consultation of April 2020, Annexe A (revised standards). Scored as in 2018: the 12 standards of "
            "Domains 1–3 out of 36; resettlement is rated on its own and left out of the total."
        ),
        "sources": [
            STANDARDS_AND_RATINGS,
            _cite(
                "Consultation on standards and ratings for inspecting youth offending services",
                "HM Inspectorate of Probation",
                "https://vdocument.in/consultation-on-standards-and-ratings-for-inspecting-youth-2020-04-21-"
                "we-have.html (a copy)",
                "April 2020",
                "Annexe A, revised standards for youth justice services: out-of-court disposal policy and "
                "provision, and resettlement policy and provision.",
            ),
            _cite(
                "Wakefield Youth Justice Service ‘Requires improvement’ (press release)",
                "HM Inspectorate of Probation",
                "https://www.justiceinspectorates.gov.uk/hmiprobation/media/press-releases/2021/12/wakefield-yjs/",
                "December 2021",
                "“We also inspected the quality of resettlement policy and provision, which was separately rated "
                "as ‘Good’.”",
            ),
        ],
        "unverified": [UNVERIFIED_SCORING, UNVERIFIED_PROMPTS],
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
            "youth justice work with children and victims in Wakefield (2025). Reports rate two broad areas, work "
            "with children and work with victims, and give an overall rating; organisational delivery is "
            "inspected but not rated on its own. No published total."
        ),
        "sources": [
            _cite(
                "New Youth Inspection Programme Framework",
                "HM Inspectorate of Probation",
                "https://hmiprobation.justiceinspectorates.gov.uk/news/new-youth-inspection-programme-framework",
                "2025 (live with inspections from spring 2025)",
                "It “combines all statutory court work, out-of-court disposals, resettlement, and bail and remand "
                "into a single domain two standard and features the introduction of the victims’ standard”; the "
                "organisational delivery standards were revised “with a new focus on Appropriate Adult "
                "arrangements”.",
            ),
            _cite(
                "An inspection of youth justice work with children and victims in Wakefield",
                "HM Inspectorate of Probation",
                "https://hmiprobation.justiceinspectorates.gov.uk/document/an-inspection-of-youth-justice-work-"
                "with-children-and-victims-in-wakefield-2025",
                "2025",
                "“we have inspected and rated work with children and victims … across two broad areas: the "
                "quality of work done with children working with the YJS and the quality of work done with "
                "victims. Overall, Wakefield YJS was rated as ‘Good’.”",
            ),
            _cite(
                "An inspection of youth justice work with children and victims in Wirral",
                "HM Inspectorate of Probation",
                "https://hmiprobation.justiceinspectorates.gov.uk/document/an-inspection-of-youth-justice-work-"
                "with-children-and-victims-in-wirral-2025",
                "2025",
                "The same “two broad areas”, and an overall rating (“Overall, Wirral YJS was rated as ‘Good’”).",
            ),
            _cite(
                "Exceptional delivery earns Wakefield Youth Justice Service national praise",
                "Wakefield Council",
                "https://www.wakefield.gov.uk/your-district/exceptional-delivery-earns-wakefield-youth-justice-"
                "service-national-praise",
                "9 September 2025",
                "Rated ‘Good’ overall; “The delivery of services to children was rated ‘Outstanding’”; “support "
                "for victims was rated ‘Good’”.",
            ),
            _cite(
                "HMI Probation: How Youth Justice Services can meet the new victims’ standard",
                "Why me? (reporting HMIP's Head of Standards and Policy)",
                "https://why-me.org/2025/hmi-probation-how-youth-justice-services-can-meet-the-new-victims-standard/",
                "29 May 2025",
                "The standard: work “high-quality, individualised, and responsive driving positive outcomes and "
                "safety for victims”, with two questions, V1.1 and V1.2.",
            ),
        ],
        "unverified": [
            "How the two ratings give the overall rating: HMIP's youth justice rules and guidance, which say so, "
            "could not be read when this framework was checked. Wakefield (2025) was rated Outstanding for work "
            "with children, Good for work with victims and Good overall, so the overall rating is not simply the "
            "better of the two.",
            "Whether the organisational delivery findings weigh in either rating: the reports we read rate only "
            "the two broad areas.",
            "The questions of the work with children standard: HMIP's standards document could not be read when "
            "this framework was checked.",
        ],
        "bands": [],
        "levels": FOUR_POINT,
        "standards": [
            {
                "code": "1",
                "title": "Organisational delivery",
                "domain": "Domain 1: Organisational delivery (revised; includes Appropriate Adult arrangements)",
                "rated": False,
                "prompts": [
                    "Inspected, and not rated on its own: the reports rate the two broad areas below. Record what "
                    "the inspectors found as strengths and areas for improvement."
                ],
            },
            {
                "code": "2",
                "title": "Work with children",
                "domain": "Domain 2: Work with children (court work, out-of-court disposals, resettlement, bail "
                "and remand)",
                "prompts": [
                    "One standard for all statutory court work, out-of-court disposals, resettlement, and bail "
                    "and remand."
                ],
            },
            {
                "code": "V1",
                "title": "Work with victims",
                "domain": "Victims",
                "prompts": [
                    "V1.1 Is work with victims high-quality, individualised, and responsive?",
                    "V1.2 Do organisational arrangements and activity drive quality, individualised, and responsive "
                    "service for victims?",
                ],
            },
        ],
    },
]
