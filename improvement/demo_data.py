"""Demo improvement-plan data, transcribed from the source documents in shared/seeds/.

Which seed each organisation's data comes from:

* lewisham  -- seed 000 (Lewisham Safer Stronger Select Committee report, June 2017: "Full Joint
  Inspection into Lewisham Youth Offending Work - Progress of Improvement Plan", with Appendix A,
  the HMIP-approved performance dashboard, and Appendix B, the Independent Chair's overview of
  30 May 2017). One later update (terms of reference completed 9 June 2017) comes from the risk
  register in seed 004 (Lewisham Youth Justice Strategic Plan 2018-21).
* bromley   -- seed 003 (Bromley Education PDS Committee report ED15133, 24 November 2015, "Update on
  progress of the Youth Offending Service Improvement Plan"). The seed text does not include the
  plan itself (its Appendix 1), so the actions are the report's paragraphs (referenced 3.2.1 and
  so on) plus the four plan actions it names as not yet started (4(g), 3(h), 6(d), 6(e)). The
  seed gives only the count of judgements (four poor, one unsatisfactory, one satisfactory), not
  which area received which, so no per-area judgements are recorded.
* islington -- seed 001 (Islington Policy and Performance Scrutiny Committee report, 2 January 2017,
  "Update on Youth Offending Service Improvement Plan").
* southwark -- seed 002 (HMI Probation letter, "Report of Short Quality Screening (SQS) of youth
  offending work in Southwark", fieldwork 3-5 October 2016, published 2 November 2016). The letter
  has no improvement plan: the plan's actions are drawn from its two areas requiring improvement
  and the plan is left as a draft with no progress updates.

Where a document gives no day for a date, a date inside the period it describes is used (see the
notes beside each such date). No child's name or date of birth appears in any of the documents or
here; owners are given as roles.
"""

import datetime

PLANS = {
    # ------------------------------------------------------------------------------------------
    # Lewisham -- seed 000 (and seed 004 for one later update)
    # ------------------------------------------------------------------------------------------
    "lewisham": {
        "inspection": {
            "inspection_type": "full_joint",
            "framework": "2012",
            # Seed 000: fieldwork "in September 2016", report "published in Dec 16"; no days given.
            "fieldwork_start": datetime.date(2016, 9, 1),  # the document gives the month only
            "fieldwork_end": None,
            "published_on": datetime.date(2016, 12, 1),  # "published in Dec 16": the month only
            "lead_inspector": "",
            "report_url": "https://www.justiceinspectorates.gov.uk/hmiprobation/",
            "overall_judgement": None,
            "overall_narrative": (
                "HMI Probation undertook a Full Joint Inspection of Youth Offending Work in Lewisham in "
                "September 2016. The final report was published in December 2016. The inspection gives a "
                "judgement for each of six areas rather than an overall judgement: five areas were "
                "unsatisfactory (governance and partnership arrangements were described as ineffective) "
                "and work to ensure the sentence was served was good."
            ),
            "judgements": [
                {
                    "area": "Reducing reoffending",
                    "judgement": "Unsatisfactory",
                    "narrative": (
                        "Work to reduce reoffending was unsatisfactory. Although most initial assessments of "
                        "the reasons why children had offended were sufficient, the plans to address those "
                        "risks and the frequency with which those plans were reviewed were unsatisfactory, so "
                        "the impact on reoffending was limited."
                    ),
                },
                {
                    "area": "Protecting the public",
                    "judgement": "Unsatisfactory",
                    "narrative": (
                        "Work to protect the public and actual or potential victims was unsatisfactory. There "
                        "was some good work by case managers to protect the public, but plans lacked "
                        "measurable objectives, which meant interventions to address the risk of harm did not "
                        "always address the specific risks children posed."
                    ),
                },
                {
                    "area": "Protecting the child or young person",
                    "judgement": "Unsatisfactory",
                    "narrative": (
                        "Work to protect children and reduce their vulnerability was unsatisfactory. There was "
                        "some good safeguarding work undertaken by individual case managers. The immediate "
                        "sharing of information between the YOS and children's social care services about "
                        "missing children was not sufficiently robust."
                    ),
                },
                {
                    "area": "Ensuring the sentence is served",
                    "judgement": "Good",
                    "narrative": (
                        "Inspectors were pleased to find that work to ensure the sentence was served was good. "
                        "The YOS made consistently good efforts to understand and respond to things stopping "
                        "children or their parents/carers from engaging. Work to ensure young people complied "
                        "with their sentence was effective."
                    ),
                },
                {
                    "area": "Governance and partnership arrangements",
                    "judgement": "Unsatisfactory",
                    "narrative": (
                        "Governance and partnership arrangements were ineffective. There was a lot of "
                        "partnership activity in Lewisham and a sense of energy around the delivery of "
                        "services, but this was not always cohesive and the impact for children and young "
                        "people was inconsistent."
                    ),
                },
                {
                    "area": "Interventions to reduce reoffending",
                    "judgement": "Unsatisfactory",
                    "narrative": (
                        "Work to deliver interventions to reduce reoffending was unsatisfactory. A range of "
                        "interventions was available for case managers and partners but further work needed "
                        "to be done to engage with young people better. Interventions were not evaluated "
                        "routinely, so it was difficult for the YOS to understand what was effective."
                    ),
                },
            ],
            "strengths": [
                "Most initial assessments of the reasons why children had offended were sufficient.",
                "There was some good work by case managers to protect the public.",
                "There was some good safeguarding work undertaken by individual case managers.",
                (
                    "There was a lot of partnership activity in Lewisham and a sense of energy around the "
                    "delivery of services."
                ),
                "A range of interventions was available for case managers and partners.",
                (
                    "The YOS made consistently good efforts to understand and respond to things stopping "
                    "children or their parents/carers from engaging."
                ),
                "Work to ensure young people complied with their sentence was effective.",
            ],
            "areas_for_improvement": [
                (
                    "The plans to address those risks and the frequency with which those plans were reviewed "
                    "were unsatisfactory, so the impact on reoffending was limited."
                ),
                (
                    "Plans lacked measurable objectives, which meant interventions to address the risk of harm "
                    "did not always address the specific risks children posed."
                ),
                (
                    "The immediate sharing of information between the YOS and children's social care services "
                    "about missing children was not sufficiently robust."
                ),
                (
                    "Partnership activity was not always cohesive and the impact for children and young people "
                    "was inconsistent."
                ),
                "Further work needed to be done to engage with young people better.",
                (
                    "Interventions were not evaluated routinely, so it was difficult for the YOS to understand "
                    "what was effective."
                ),
            ],
        },
        "plan": {
            "title": "HMIP Improvement Plan (partnership 12 month action plan)",
            # Seed 000: a 12 month plan following the December 2016 report; progress reported at the
            # 6 month stage (June 2017), next report November 2017, finances reviewed December 2017.
            "period_start": datetime.date(2017, 1, 1),
            "period_end": datetime.date(2017, 12, 31),
            "status": "approved",
            "approved_by": "HM Inspectorate of Probation",
            "approved_on": None,
            "stale_after_days": 60,
        },
        "recommendations": [
            {
                "reference": "1",
                "kind": "recommendation",
                "addressed_to": "The Local Authority Chief Executive",
                "text": (
                    "The Youth Justice Management Board focuses on improving outcomes for children and young "
                    "people with all partners being accountable for a reduction in reoffending rates, better "
                    "management of risk of harm to others and the more effective protection of vulnerable "
                    "children and young people who have offended."
                ),
                "theme": "Governance and partnership",
                "theme_lead": "",
                "next_steps": [
                    (
                        "Strengthening Partnerships. The initial improvement phase has seen a growing awareness "
                        "within the Youth Justice partnership of the importance of close collaborative working at "
                        "every stage of the youth justice journey. The effectiveness of the Youth Justice "
                        "Management Board in finding joint solutions to mutual outcomes can be strengthened "
                        "further as analytical capacity and complimentary service level agreements to prevent "
                        "and reduce re-offending are fully realized."
                    ),
                    (
                        "Ensuring all statutory partners are fully contributing and exercising their oversight. "
                        "We do not yet have such strategic engagement from the Courts Service and changes to the "
                        "Community Rehabilitation Company (part of Probation)."
                    ),
                    (
                        "Engaging non-statutory and community partners who can play a key role - for example "
                        "education providers."
                    ),
                    (
                        "Ensuring that the current focus on culture and performance is sustainable given "
                        "financial and service pressures."
                    ),
                    (
                        "Ensure that the Board members are fully equipped to fulfill their roles and to "
                        "understand the impact of regional and national changes in policy on Lewisham YJMB."
                    ),
                    "Oversee resources available for the development of youth justice services.",
                ],
                "actions": [
                    {
                        "reference": "1.1",
                        "description": (
                            "Complete review of the Lewisham Youth Justice Management Board, including the "
                            "introduction of an independent chair."
                        ),
                        "success_measure": "Board Self-Assessment: HMIP Indicators of Effectiveness",
                        "owner": "Local Authority Chief Executive",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "Following the conclusion and proposals for change outlined in the HMIP "
                                    "report the board has undergone a complete review including the "
                                    "introduction of an independent chair."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "1.2",
                        "description": (
                            "A self-assessment framework to evaluate effectiveness for participant members."
                        ),
                        "success_measure": "Board Self-Assessment: HMIP Indicators of Effectiveness",
                        "owner": "Independent Chair, Youth Justice Management Board",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "Introduced by the Chair. During 2017 the Partnership Board reviewed its own "
                                    "effectiveness against national standards and put in place improvement "
                                    "processes."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "1.3",
                        "description": (
                            "A revision of the terms of reference for both the Quarterly Main board and "
                            "supporting Performance Sub-board."
                        ),
                        "success_measure": "Revised terms of reference in place for the main board and sub-board.",
                        "owner": "Independent Chair, Youth Justice Management Board",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "The Chair has introduced a revision of the terms of reference for both the "
                                    "Quarterly Main board and supporting Performance Sub-board."
                                ),
                            },
                            {
                                # Seed 004, risk register item 1: "No terms of reference for YJMB Board",
                                # mitigation "Complete terms of reference", status "Completed on 9/6/17".
                                "date": datetime.date(2017, 6, 9),
                                "status": "G",
                                "narrative": "Terms of reference completed on 9 June 2017 (YJMB risk register).",
                            },
                        ],
                    },
                    {
                        "reference": "1.4",
                        "description": (
                            "Activities outside of the meeting to strengthen Strategic and Operational "
                            "partnership working to improve ownership of Youth Justice priorities across the "
                            "range of services."
                        ),
                        "success_measure": "",
                        "owner": "Independent Chair, Youth Justice Management Board",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "In progress. The Independent Chair has met with the Independent Chairs of the "
                                    "Lewisham LSCB and ASB to ensure necessary coherence of the respective Boards."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "1.5",
                        "description": (
                            "Lead Person for each section of the improvement plan and clarity of responsibility "
                            "for implementation."
                        ),
                        "success_measure": "Proportions of Improvement Plan Actions: Red, Amber and Green",
                        "owner": "Independent Chair, Youth Justice Management Board",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "Named Board members established as Theme Leads to oversee the key "
                                    "recommendations of the HMIP Probation Inspection report. These Board members "
                                    "work to assure the whole Board that key development priorities are being "
                                    "delivered."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "1.6",
                        "description": (
                            "The introduction of a Principal Policy Officer to act as Clerk for the meeting, "
                            "co-ordinate actions and support the YOS Strategic Manager to update service policies."
                        ),
                        "success_measure": "",
                        "owner": "Independent Chair, Youth Justice Management Board",
                        "lead": "Principal Policy Officer",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "low",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": "Principal Policy Officer introduced as Clerk to the Board.",
                            },
                        ],
                    },
                    {
                        "reference": "1.7",
                        "description": (
                            "Develop an annual work plan to ensure the Board meets national expectations on "
                            "effective YOS Partnership Boards (YJB and HM Inspectorate of Probation)."
                        ),
                        "success_measure": "",
                        "owner": "Independent Chair, Youth Justice Management Board",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "During 2017 the Partnership Board developed an annual work plan and "
                                    "submitted an improvement Plan to HMIP and YJB to address the issues in the "
                                    "Inspection report."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "2",
                "kind": "recommendation",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "The Youth Justice Management Board considers a broader range of performance information "
                    "to enable a consistent focus on outcomes for children and young people"
                ),
                "theme": "Performance and outcomes",
                "theme_lead": "",
                "next_steps": [
                    (
                        "Evidencing improved Outcomes for Children and Young People. The YOS will continue to "
                        "work at a range of improvement activities to strengthen the quality of data through a "
                        "Live tracker of information, build on the partnership contribution to analyse "
                        "information in relation to understand the cohort and deploying resources accordingly."
                    ),
                    (
                        "Whilst young people have been involved in the reviews identified above the ongoing "
                        "delivery will ensure that young peoples feedback and input is included in service "
                        "redesign and changes."
                    ),
                ],
                "actions": [
                    {
                        "reference": "2.1",
                        "description": (
                            "Implementation of an in-depth Performance management partnership group to ensure "
                            "performance is linked to outcomes with detailed analysis of root cause to drive "
                            "activity."
                        ),
                        "success_measure": "",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "Performance management partnership group implemented. The Board has "
                                    "established oversight of a Performance Sub group with internal and external "
                                    "members so that Board can ensure improvement work is having the impact Board "
                                    "wishes to see."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2",
                        "description": (
                            "Temporary support through a Partnership Analyst to contribute to accurate and "
                            "relevant data reporting."
                        ),
                        "success_measure": "",
                        "owner": "YOS Strategic Manager",
                        "lead": "Partnership Analyst",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": "Temporary Partnership Analyst support in place.",
                            },
                        ],
                    },
                    {
                        "reference": "2.3",
                        "description": (
                            "The creation of a set of indicators to evidence outcomes for children and young "
                            "people (see Appendix A)."
                        ),
                        "success_measure": (
                            "Performance dashboard (Appendix A), approved by HMIP: national KPIs (first time "
                            "entrants, reoffending, custody, remands) and local KPIs (education, accommodation, "
                            "health, disproportionality, national standards, improvement plan, workforce, "
                            "relevant crime stats)."
                        ),
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "Set of indicators created; the performance dashboard (Appendix A) has been "
                                    "approved by HMIP."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "3",
                "kind": "recommendation",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "Planning for work with children and young people is carried out in all cases and is "
                    "regularly and meaningfully reviewed"
                ),
                "theme": "Assessment and planning",
                "theme_lead": "",
                "next_steps": [
                    "Structured mental health assessments and individualised intervention plans.",
                ],
                "actions": [
                    {
                        # Seed 000 lists no activities under this recommendation on its own; this action is
                        # taken from the activities listed in section 5.6.
                        "reference": "3.1",
                        "description": (
                            "A program of intensive training on Career Vision (YOS Database) and embedding of "
                            "ASSET Plus (new Youth Justice assessment framework)."
                        ),
                        "success_measure": (
                            "Proportion of National Standards: Red, Amber and Green; Monthly Case Audits: Good, "
                            "Satisfactory, Not Satisfactory, Poor"
                        ),
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "In progress: intensive training on Career Vision and embedding of ASSET Plus "
                                    "under way."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "4",
                "kind": "recommendation",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "Interventions are planned, address the areas identified in assessment, delivered with "
                    "integrity and evaluated"
                ),
                "theme": "Interventions",
                "theme_lead": "",
                "next_steps": [
                    (
                        "Service Remodel. The next steps of the roll out of a Trauma-Informed Service will see a "
                        "move from generic to a functional model based around Intake team for initial contacts, "
                        "Pre-Court and Pre-Sentence Report, ASSET+ assessment and case formulation and two "
                        "Interventions Teams one essentially managing Community Orders and a second responsible "
                        "for High Risk and Custody cases."
                    ),
                    (
                        "High levels of knowledge and awareness of mental health issues amongst staff, requiring "
                        "ongoing training, supervision and clinical support."
                    ),
                    (
                        "The development of trusting relationships with young people which emphasise their "
                        "strengths and resiliency."
                    ),
                    ('A safe environment and knowing when young people are "ready to address their difficulties".'),
                ],
                "actions": [
                    {
                        "reference": "4.1",
                        "description": (
                            "Introduce a new model of working adapted from the London Resettlement Consortium "
                            "Mayor's Office funded Victims Trauma project, to create a Trauma-informed Service."
                        ),
                        "success_measure": (
                            "Trauma - % of cases assess for trauma; Trauma - % of cases where a trauma informed "
                            "intervention is being delivered"
                        ),
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "The Service has introduced a new model of working. Our working definition of "
                                    "a trauma-informed service is: 'An intentional universal presumption that all "
                                    "people who come in contact with the service have exposure to trauma in their "
                                    "past and that with such a presumption, amend and adjust services "
                                    "accordingly'. Roll out continues."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "4.2",
                        "description": (
                            "Interventions review: rationalise the current group work provision, build theory and "
                            "evaluation into programmes and run direct interventions in the school environment."
                        ),
                        "success_measure": "",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "An interventions review has been undertaken. Many of the recommendations in "
                                    "this report have been adopted for example to rationalise the current group "
                                    "work provision, build theory and evaluation into programmes (e.g. new "
                                    "Trauma-Informed Weapons Awareness Programme) and to run direct interventions "
                                    "in the school environment."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "4.3",
                        "description": (
                            "Bring the FFT Functional Family Therapy work in house to focus exclusively on youth "
                            "justice cases."
                        ),
                        "success_measure": "Number of families in contact with the YOS receiving FFT.",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "The FFT Functional Family Therapy work has been brought in house to focus "
                                    "exclusively on youth justice cases which has resulted in four times as many "
                                    "families in contact with the YOS receiving the intervention. FFT Governance "
                                    "and effectiveness is subject to close scrutiny by the owners of the model in "
                                    "the USA."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "4.4",
                        "description": (
                            "Improvements in the quality of data credibility through specialist support and use "
                            "of anonymous staff surveys to identify database training needs."
                        ),
                        "success_measure": "",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "In progress: specialist support and anonymous staff surveys being used to "
                                    "identify database training needs."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "4.5",
                        "description": (
                            "Introduction of Strengths based, Trauma-Informed and Restorative delivery model: "
                            "re-design of team functions, new practice in screening and case formulation "
                            "techniques supported by CAMHS and on-going trauma training and clinical supervision."
                        ),
                        "success_measure": "Training completed (as per workforce plan)",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "Introduction of Strengths based, Trauma-Informed and Restorative delivery "
                                    "model has resulted in re-design of team functions, new practice in screening "
                                    "and case formulation techniques supported by CAMHS and on-going trauma "
                                    "training and clinical supervision."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "5",
                "kind": "recommendation",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "Quality assurance and management oversight in all case management work is conducted to a "
                    "good standard, including the delivery of interventions and review of work"
                ),
                "theme": "Quality assurance and management oversight",
                "theme_lead": "",
                "next_steps": [
                    "The refreshing of all Service policies and procedures to accord with the model.",
                    (
                        "Staff morale and capacity to address the context of very high risk and safeguarding "
                        "issues that the borough manages the funding provided will to a large degree influence "
                        "potential improved outcomes and impact."
                    ),
                ],
                "actions": [
                    {
                        "reference": "5.1",
                        "description": (
                            "A very thorough case audit process to monitor case level improvement, ensure "
                            "standards are being achieved to improve outcomes for young people and indicate "
                            "themes for training and development."
                        ),
                        "success_measure": "Monthly Case Audits: Good, Satisfactory, Not Satisfactory, Poor",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "A very thorough case audit process is being used to monitor case level "
                                    "improvement, ensure standards are being achieved to improve outcomes for "
                                    "young people and indicate themes for training and development."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "6",
                "kind": "recommendation",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "The risk and vulnerability management panel is functioning effectively given the pace of "
                    "work and volume of cases that it deals with"
                ),
                "theme": "Risk of harm and vulnerability",
                "theme_lead": "",
                "next_steps": [],
                "actions": [
                    {
                        "reference": "6.1",
                        "description": (
                            "Review of the risk and vulnerability management panel (RMVP): attendance, purpose, "
                            "effectiveness measures and strengthening links to other relevant panels."
                        ),
                        "success_measure": "",
                        "owner": "YOS Strategic Manager",
                        "lead": "YJMB partner and Performance Operational Manager",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "Review of RMVP completed by YJMB partner and Performance Operational Manager. "
                                    "Robust review included attendance, purpose, effectiveness measures and "
                                    "strengthening links to other relevant panels."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "6.2",
                        "description": (
                            "Cases referred to RMVP require a strategy meeting prior to the panel to propose "
                            "actions, identify agency responsibilities and problem solve."
                        ),
                        "success_measure": "",
                        "owner": "YOS Strategic Manager",
                        "lead": "Performance Operational Manager",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "RMVP cases now referred require strategy meeting prior to the panel to "
                                    "propose actions, identify agency responsibilities and problem solve."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "7",
                "kind": "recommendation",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "Education, training and employment providers have sufficient information about the "
                    "circumstances of children and young people before placements begin"
                ),
                "theme": "Education, training and employment",
                "theme_lead": "",
                "next_steps": [],
                "actions": [
                    {
                        "reference": "7.1",
                        "description": (
                            "Performance data to include a range of indicators that show outcomes, attendance, "
                            "exclusions, attainment, ethnicity etc."
                        ),
                        "success_measure": (
                            "Increasing the number of young people IN EET; % of young people who are in EET at "
                            "the end of their Order; EET Attendance; EET Attainment by end of Order"
                        ),
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 6, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "G",
                                "narrative": (
                                    "Performance data to now include a range of indicators that show outcomes, "
                                    "attendance, exclusions, attainment, ethnicity etc."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "7.2",
                        "description": (
                            "Closer collaborative working with education system to improve behaviour including "
                            "holding initial planning meetings at schools and restorative interventions."
                        ),
                        "success_measure": "",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "In progress: initial planning meetings being held at schools, and restorative "
                                    "interventions."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "8",
                "kind": "recommendation",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "The delivery of health services to YOS children and young people reflects the needs "
                    "identified in The Joint Strategic Needs Assessment 2014: Young People In Contact With The "
                    "Criminal Justice System including physical health, and speech, language and communication "
                    "needs"
                ),
                "theme": "Health",
                "theme_lead": "",
                "next_steps": [],
                "actions": [
                    {
                        "reference": "8.1",
                        "description": (
                            "JSNA refresh: strengthen information collection through Asset Plus, develop and "
                            "implement structured referral pathways, and strengthen data sharing between "
                            "partners through reciprocal agreements with a particular emphasis on schools."
                        ),
                        "success_measure": (
                            "Mental Health - Number Identified as requiring a service; Number receiving a CAMHS "
                            "assessment; Number receiving a CAMHS Specialist Intervention"
                        ),
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "A JSNA refresh has delivered interim findings including recommendations on "
                                    "strengthening information collection through Asset Plus: on developing and "
                                    "implementing structured pathways to guide case workers through the process of "
                                    "referrals to appropriate services when a specific need is identified: "
                                    "strengthening data sharing between partners through reciprocal agreements "
                                    "with a particular emphasis on schools."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "8.2",
                        "description": (
                            "Strengthening staff training for improved recognition of Speech Language "
                            "Communication Needs/SEN among the cohort."
                        ),
                        "success_measure": (
                            "Speech and Language - Number Identified as requiring a service; Number receiving a "
                            "S & L Assessment; Number receiving a S & L Specialist Intervention"
                        ),
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "Staff training on Speech Language Communication Needs/SEN being strengthened."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "8.3",
                        "description": (
                            "Mobilisation of new integrated young people's health service to deliver universal "
                            "and targeted health provision."
                        ),
                        "success_measure": "",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "Mobilisation of the new integrated young people's health service under way."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "9",
                "kind": "recommendation",
                "addressed_to": "The YOS Head of Service",
                "text": ("Information sharing with health, substance misuse and social care partners is improved."),
                "theme": "Information sharing",
                "theme_lead": "",
                "next_steps": [
                    (
                        "The effectiveness of the Youth Justice Management Board in finding joint solutions to "
                        "mutual outcomes can be strengthened further as analytical capacity and complimentary "
                        "service level agreements to prevent and reduce re-offending are fully realized."
                    ),
                ],
                "actions": [
                    {
                        "reference": "9.1",
                        "description": (
                            "New Service Level Agreement with Children's Social Care, especially alignment of "
                            "Early Help Strategy and new Lewisham MASH arrangements built around continuum of "
                            "need model."
                        ),
                        "success_measure": "Service Level Agreement with Children's Social Care in place.",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "A",
                                "narrative": (
                                    "Work commenced on new Service Level Agreement with Children's Social Care, "
                                    "especially alignment of Early Help Strategy and new Lewisham MASH "
                                    "arrangements built around continuum of need model."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "9.2",
                        "description": (
                            "Establish SLA criteria with new Young People's service provider for Substance Misuse "
                            "and Health and well-being."
                        ),
                        "success_measure": "SLA criteria agreed with the new provider.",
                        "owner": "YOS Strategic Manager",
                        "lead": "",
                        "start_date": datetime.date(2017, 1, 1),
                        "due_date": datetime.date(2017, 12, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2017, 5, 30),
                                "status": "P",
                                "narrative": (
                                    "Not started: SLA criteria to be established with new Young People's service "
                                    "provider for Substance Misuse and Health and well-being."
                                ),
                            },
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------------------------------
    # Bromley -- seed 003
    # ------------------------------------------------------------------------------------------
    "bromley": {
        "inspection": {
            "inspection_type": "full_joint",
            "framework": "2012",
            # Seed 003: "a Full Joint Inspection by HM Inspectorate of Probation (HMIP) in February 2015";
            # no days given.
            "fieldwork_start": datetime.date(2015, 2, 1),  # the document gives the month only
            "fieldwork_end": None,
            "published_on": None,
            "lead_inspector": "",
            "report_url": "",
            "overall_judgement": None,
            "overall_narrative": (
                "The Bromley Youth Offending Service (YOS) was subject to a Full Joint Inspection by HM "
                "Inspectorate of Probation (HMIP) in February 2015. The outcome of the inspection was "
                "disappointing with four out of five of six key judgements considered to be poor, 1 "
                "unsatisfactory and 1 satisfactory."
            ),
            # Seed 003 counts the judgements but does not say which area received which.
            "judgements": [],
            "strengths": [],
            "areas_for_improvement": [],
        },
        "plan": {
            "title": "Youth Offending Service Improvement Plan",
            # Seed 003: draft plan presented on 22 July 2015, since agreed by the YOS Management Board and
            # the HMIP Lead Inspector (no date given). The plan's end date is not given; the latest date in
            # the report is the HMIP survey deadline of 14 February 2016, so the plan is taken to run to the
            # end of the 2015/16 financial year.
            "period_start": datetime.date(2015, 7, 22),
            "period_end": datetime.date(2016, 3, 31),
            "status": "approved",
            "approved_by": "YOS Management Board and the HMIP Lead Inspector",
            "approved_on": None,
            "stale_after_days": 60,
        },
        "recommendations": [
            {
                "reference": "3.2",
                "kind": "objective",
                "addressed_to": "The Interim Head of the YOS",
                "text": "Leadership and Partnership",
                "theme": "Governance and leadership",
                "theme_lead": "",
                "next_steps": [
                    "YOS Performance Report to be updated for the November Management Board.",
                ],
                "actions": [
                    {
                        "reference": "3.2.1",
                        "description": (
                            "Complete the weekly data cleaning exercise in order to improve the quality of "
                            "information being recorded by the team, supporting the development and accuracy of "
                            "the YOS Performance Report."
                        ),
                        "success_measure": "Updated YOS Performance Report for the November Management Board.",
                        "owner": "Interim Head of the YOS",
                        "lead": "YOS Management Team",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2015, 11, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The service continues to complete the weekly data cleaning exercise in order "
                                    "to improve the quality of information being recorded by the team. This will "
                                    "support the development and accuracy of the YOS Performance Report which is "
                                    "currently being reviewed and will be updated for the November Management "
                                    "Board."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.2.2",
                        "description": (
                            "Restructure the team to maximise the support and scrutiny staff members can expect "
                            "from their line managers and to minimise the number of cases any one member of "
                            "staff holds."
                        ),
                        "success_measure": (
                            "Reduced number of staff each member of the YOS Management Team directly line "
                            "manages (Appendix 2)."
                        ),
                        "owner": "Interim Head of the YOS",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "G",
                                "narrative": (
                                    "The Interim Head of the YOS has undertaken a restructure of the team. This has "
                                    "reduced the number of staff each member of the YOS Management Team directly "
                                    "line manages (Appendix 2)."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.2.3",
                        "description": (
                            "Recruit an experienced locum senior practitioner to provide operational support to "
                            "the team until the permanent post is filled."
                        ),
                        "success_measure": "",
                        "owner": "Interim Head of the YOS",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "G",
                                "narrative": (
                                    "The service has recruited an experienced locum senior practitioner in order "
                                    "to provide operational support to the team until the permanent post is "
                                    "filled."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.2.4",
                        "description": (
                            "Reduce the number of locums employed in order to facilitate efficiency savings, and "
                            "fill vacant posts."
                        ),
                        "success_measure": "Vacant posts filled; fewer locums employed.",
                        "owner": "Interim Head of the YOS",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The team continues to reduce the number of locums it employs in order to "
                                    "facilitate efficiency savings. There are vacancies in three posts - an "
                                    "operational manager, senior practitioner and a qualified practitioner."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.2.5",
                        "description": (
                            "Develop a Continuous Professional Development Plan in partnership with workforce "
                            "development, so that members of staff have a clear development pathway and are "
                            "fully supported in their role."
                        ),
                        "success_measure": "Continuous Professional Development Plan agreed.",
                        "owner": "Interim Head of the YOS",
                        "lead": "Workforce development",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The service has developed a draft Continuous Professional Development Plan in "
                                    "partnership with workforce development. This is consistent with the "
                                    "development framework which has been adopted within other teams in the "
                                    "Children's Social Care Directorate."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "3.3",
                "kind": "objective",
                "addressed_to": "The Interim Head of the YOS",
                "text": "Quality, Assessment and Planning",
                "theme": "Quality, assessment and planning",
                "theme_lead": "",
                "next_steps": [
                    (
                        "The audit programme will continue on a monthly basis and has been expanded to include "
                        "pre court work. A report will be available in December."
                    ),
                    (
                        "The service would envisage that additional members of staff will complete this course "
                        "[the YJB accredited Effective Practice Certificate] next year."
                    ),
                ],
                "actions": [
                    {
                        "reference": "3.3.1",
                        "description": (
                            "Complete the statutory National Standards Audit (Reducing First Time Entrants and "
                            "Work with Victims of Crime) and develop an action plan to address the issues "
                            "identified (Appendix 3)."
                        ),
                        "success_measure": (
                            "Preventing offending - 100% of cases met the standard with improvements; "
                            "Out-of-court disposals - 40% met the standard with improvement, 54% met the "
                            "standard, 6% not met; Work with victims of crime - 80% of cases met the standard."
                        ),
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The service completed the statutory National Standards Audit where a total of "
                                    "29 cases were audited. Following the completion of this task the team "
                                    "developed an action plan to address the issues that had been identified by "
                                    "the audit (Appendix 3). The majority of these actions have been completed. "
                                    "The YOS Management team will continue to audit Pre-court cases."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.3.2",
                        "description": (
                            "Participate in the voluntary national reoffending 'deep dive' audit co-ordinated by "
                            "the Youth Justice Board (4 prolific offender cases: 2 with a successful outcome, 2 "
                            "without)."
                        ),
                        "success_measure": "Deep dive audit completed by the end of November 2015.",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 10, 1),
                        "due_date": datetime.date(2015, 11, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The service is currently participating in the voluntary national reoffending "
                                    "'deep dive' audit. The timetable for completion of this is the end of "
                                    "November 2015."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.3.3",
                        "description": "Monthly audit programme for court and community work.",
                        "success_measure": "Monthly audit reports; a report will be available in December.",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 9, 1),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The team commenced its audit programme in September 2015 for court and "
                                    "community work. However, due to annual leave commitments and the obligation "
                                    "to complete National Standards Audit the cohort size was small and it was "
                                    "decided to carry out a full benchmarking exercise in October. The audit "
                                    "programme will continue on a monthly basis and has been expanded to include "
                                    "pre court work."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.3.4",
                        "description": (
                            "Benchmarking audit of court and community cases to quality assure Asset/ROSH, "
                            "Intervention Plans, Risk Management Plans and Vulnerability Management Plans; "
                            "feed back to case holders where work is below standard and monitor improvement."
                        ),
                        "success_measure": (
                            "October 2015 baseline: Asset/ROSH 66% inadequate; Intervention Plan 80% inadequate; "
                            "Risk Management Plan 60% inadequate; Vulnerability Management Plan 45% good and 45% "
                            "inadequate."
                        ),
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 10, 1),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The team audited 15 court and community cases in October. Asset/ROSH - 66% "
                                    "of cases were judged to be inadequate; Intervention Plan - 80% inadequate; "
                                    "Risk Management Plan - 60% inadequate; Vulnerability Management Plan - 45% "
                                    "good and 45% inadequate. YOS managers will feedback to case holders where "
                                    "work has been found to be below standard and the cases will be monitored to "
                                    "ensure improvements take place."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.3.5",
                        "description": (
                            "Staff training to develop the skills and experience necessary to deliver the quality "
                            "of work required."
                        ),
                        "success_measure": "",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "Training has included a two day session on Critical and Analytical Thinking "
                                    "Skills and a three day session covering ASSET and Intervention Planning, "
                                    "Assessing and Managing Risk and Vulnerability and Report Writing. Staff have "
                                    "also attended drop in sessions delivered by the Restorative Justice workers "
                                    "and the CAMHS specialist."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.3.6",
                        "description": (
                            "Re-launch the Health Screening Procedure and review the level and range of support "
                            "provided by specialist workers seconded to the YOS."
                        ),
                        "success_measure": "Young people's needs are being met by seconded specialist workers.",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The Health Screening Procedure was re launched in October 2015 to provide "
                                    "clear guidance about how to access specialist advice and assistance. The YOS "
                                    "Management Team are currently reviewing the level and range of support "
                                    "provided by specialist workers who are seconded to the YOS."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.3.7",
                        "description": (
                            "Review internal processes, including the work and effectiveness of existing panels "
                            "and the remit and number of meetings that YOS Management attend."
                        ),
                        "success_measure": "",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": "The service is currently reviewing a number of internal processes.",
                            },
                        ],
                    },
                    {
                        "reference": "3.3.8",
                        "description": "Enrol staff on the YJB accredited Effective Practice Certificate.",
                        "success_measure": "Staff completing the Effective Practice Certificate.",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "low",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "One member of staff has been enrolled on the YJB accredited Effective Practice "
                                    "Certificate. The service would envisage that additional members of staff will "
                                    "complete this course next year."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.3.9",
                        "description": (
                            "Members of the YOS Management Team to attend the YJB Annual Convention (the Journey "
                            "of the Child), 25 and 26 November 2015."
                        ),
                        "success_measure": "",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 11, 1),
                        "due_date": datetime.date(2015, 11, 26),
                        "priority": "low",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "Three members of the YOS Management Team will be attending the next YJB Annual "
                                    "Convention on 25 and 26 November 2015."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "3.4",
                "kind": "objective",
                "addressed_to": "The Interim Head of the YOS",
                "text": "Children Looked After",
                "theme": "Children looked after",
                "theme_lead": "",
                "next_steps": [
                    (
                        "The Head of the Youth Offending Service will be discussing the issue of CLA reoffending "
                        "at the next meeting of the Corporate Parenting Strategy Group."
                    ),
                ],
                "actions": [
                    {
                        "reference": "3.4.1",
                        "description": (
                            "Recruit a case worker to fulfil the function of ROLAC (Responsible Officer Looked "
                            "After Children), to ensure that offending and reoffending is reduced amongst the "
                            "looked after children population of Bromley."
                        ),
                        "success_measure": "",
                        "owner": "Interim Head of the YOS",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "G",
                                "narrative": (
                                    "The service has recruited a case worker to fulfil the function for a ROLAC "
                                    "(Responsible Officer Looked After Children)."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.4.2",
                        "description": (
                            "Monitor the number of CLA on the YOS caseload by offence type and outcomes in the "
                            "monthly management data; ROLAC to work in partnership with the CLA team."
                        ),
                        "success_measure": "No further offending by CLA on the YOS caseload.",
                        "owner": "YOS Management Team",
                        "lead": "ROLAC officer",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The service monitors the number of CLA on the YOS caseload by offence type "
                                    "and outcomes in the updated monthly Management data. The ROLAC officer will "
                                    "work in partnership with the CLA team in Bromley to ensure there is no "
                                    "further offending."
                                ),
                            },
                        ],
                    },
                    {
                        # Numbered "3.2.3" in seed 003 (a numbering slip inside section 3.4).
                        "reference": "3.4.3",
                        "description": (
                            "Raise CLA reoffending at the Corporate Parenting Strategy Group, of which the Head of "
                            "the Youth Offending Service is a contributing member."
                        ),
                        "success_measure": "",
                        "owner": "Head of the Youth Offending Service",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The Head of the Youth Offending Service is a contributing member of the "
                                    "Corporate Parenting Strategy Group and will be discussing the issue of CLA "
                                    "reoffending at the next meeting."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "3.5",
                "kind": "objective",
                "addressed_to": "The Interim Head of the YOS",
                "text": "The Voice of the Young Person and other service users",
                "theme": "Voice of the young person",
                "theme_lead": "",
                "next_steps": [
                    ("Recommendations and feedback received will be fully considered by the YOS Management Team."),
                ],
                "actions": [
                    {
                        "reference": "3.5.1",
                        "description": (
                            "Case Managers request all young people complete a Service User Feedback form; analyse "
                            "the feedback."
                        ),
                        "success_measure": "Analysis from the first report available by mid-November.",
                        "owner": "YOS Management Team",
                        "lead": "Case Managers",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2015, 11, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "Case Managers request all young people complete a Service User Feedback form. "
                                    "The analysis from the first report should be available by mid-November."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.5.2",
                        "description": "Collate feedback from young people using the HMIP survey.",
                        "success_measure": "",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 2, 14),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "The service continues to collate feedback from young people using the HMIP "
                                    "survey. The deadline date to finish this task is 14 February 2016."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "3.5.3",
                        "description": (
                            "Involve parents/carers more in the implementation of plans and interventions."
                        ),
                        "success_measure": "",
                        "owner": "YOS Management Team",
                        "lead": "",
                        "start_date": datetime.date(2015, 7, 22),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "A",
                                "narrative": (
                                    "Following the completion of the National Standards Audit the service "
                                    "identified that parents/carers needed to be more involved in the "
                                    "implementation of plans and interventions and is currently investigating "
                                    "ways to address this."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                # The four plan actions seed 003 names as not yet started. Their wording is in the plan
                # (Appendix 1 to the report), which is not part of the seed text, so each is described only
                # by its reference.
                "reference": "Appendix 1",
                "kind": "objective",
                "addressed_to": "The Interim Head of the YOS",
                "text": (
                    "Work has commenced on all planned actions with the exception of 4(g), 3(h), 6(d) and 6(e), "
                    "where it is anticipated that this will commence in November."
                ),
                "theme": "Improvement Plan actions not yet started",
                "theme_lead": "",
                "next_steps": [
                    "Actions 4(g), 3(h), 6(d) and 6(e) are anticipated to commence in November 2015.",
                ],
                "actions": [
                    {
                        "reference": "4(g)",
                        "description": (
                            "Improvement Plan action 4(g) (wording in Appendix 1 to report ED15133, which is "
                            "not included in the source text)."
                        ),
                        "success_measure": "",
                        "owner": "",
                        "lead": "",
                        "start_date": datetime.date(2015, 11, 1),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "W",
                                "narrative": "Not yet started; it is anticipated that this will commence in November.",
                            },
                        ],
                    },
                    {
                        "reference": "3(h)",
                        "description": (
                            "Improvement Plan action 3(h) (wording in Appendix 1 to report ED15133, which is "
                            "not included in the source text)."
                        ),
                        "success_measure": "",
                        "owner": "",
                        "lead": "",
                        "start_date": datetime.date(2015, 11, 1),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "W",
                                "narrative": "Not yet started; it is anticipated that this will commence in November.",
                            },
                        ],
                    },
                    {
                        "reference": "6(d)",
                        "description": (
                            "Improvement Plan action 6(d) (wording in Appendix 1 to report ED15133, which is "
                            "not included in the source text)."
                        ),
                        "success_measure": "",
                        "owner": "",
                        "lead": "",
                        "start_date": datetime.date(2015, 11, 1),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "W",
                                "narrative": "Not yet started; it is anticipated that this will commence in November.",
                            },
                        ],
                    },
                    {
                        "reference": "6(e)",
                        "description": (
                            "Improvement Plan action 6(e) (wording in Appendix 1 to report ED15133, which is "
                            "not included in the source text)."
                        ),
                        "success_measure": "",
                        "owner": "",
                        "lead": "",
                        "start_date": datetime.date(2015, 11, 1),
                        "due_date": datetime.date(2016, 3, 31),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2015, 11, 24),
                                "status": "W",
                                "narrative": "Not yet started; it is anticipated that this will commence in November.",
                            },
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------------------------------
    # Islington -- seed 001
    # ------------------------------------------------------------------------------------------
    "islington": {
        "inspection": {
            "inspection_type": "reinspection",
            "framework": "2012",
            # Seed 001: "re-inspection by Her Majesty's Inspectorate of Probation in November 2015"; no days.
            "fieldwork_start": datetime.date(2015, 11, 1),  # the document gives the month only
            "fieldwork_end": None,
            "published_on": None,
            "lead_inspector": "",
            "report_url": "",
            "overall_judgement": "Poor",
            "overall_narrative": (
                "Islington Youth Offending Service was subject to re-inspection by Her Majesty's Inspectorate "
                "of Probation in November 2015. This inspection found that while there had been some "
                "improvements, overall performance remained poor. This represented the third poor inspection "
                "result for Islington in the past five years, and the first time ever nationally that "
                "re-inspection did not show improved performance."
            ),
            "judgements": [],
            "strengths": [
                "There had been some improvements.",
            ],
            "areas_for_improvement": [
                "Addressing the relationship with the police including co-location.",
                (
                    "Improving management of risk of harm and vulnerability and agencies understanding the "
                    "interplay between the two."
                ),
                "Support, training, resources and guidance for staff.",
            ],
        },
        "plan": {
            "title": "Youth Offending Service Improvement Plan",
            # Seed 001: "put in place in April 2016"; the three objectives are all "By April 2017".
            "period_start": datetime.date(2016, 4, 1),
            "period_end": datetime.date(2017, 4, 30),
            "status": "approved",
            "approved_by": "Youth Justice Services Management Board",
            "approved_on": None,
            "stale_after_days": 60,
        },
        "recommendations": [
            {
                "reference": "2.1",
                "kind": "objective",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "By April 2017, to have in place effective joint work between the local authority and police "
                    "to reduce offending, protect the public and keep children and young people safe, including "
                    "co-location of the police"
                ),
                "theme": "Police partnership",
                "theme_lead": "",
                "next_steps": [
                    "The first review of the Service Level Agreement is now set for later this month.",
                    (
                        "The Service Level Agreement meeting later this month will now focus on division of "
                        "responsibility between the roles of the two officers, to ensure accountability, "
                        "consistency and development of professional expertise."
                    ),
                    (
                        "Issues to remain to be resolved include the provision from police of a protocol for "
                        "communication with different police teams where a young person is named in more than "
                        "one police initiative."
                    ),
                ],
                "actions": [
                    {
                        "reference": "2.1.1",
                        "description": (
                            "Agree a Service Level Agreement between the Youth Offending Service and Islington "
                            "police setting out clearly the detail of how joint working will happen."
                        ),
                        "success_measure": "Service Level Agreement jointly agreed and signed off.",
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2016, 9, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 9, 30),
                                "status": "G",
                                "narrative": (
                                    "The Service Level Agreement between the Youth Offending Service and Islington "
                                    "police was jointly agreed and signed off in September 2016."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.1.2",
                        "description": (
                            "First review of the Service Level Agreement, including the police protocol for "
                            "communication with different police teams and division of responsibility between "
                            "the two seconded officers."
                        ),
                        "success_measure": (
                            "Police protocol for communication with different police teams provided; roles of the "
                            "two officers divided."
                        ),
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 10, 1),
                        "due_date": datetime.date(2017, 1, 31),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": (
                                    "The first review of the Service Level Agreement is now set for later this "
                                    "month. Issues to remain to be resolved include the provision from police of a "
                                    "protocol for communication with different police teams where a young person "
                                    "is named in more than one police initiative - though the Service Level "
                                    "Agreement does clarify that the Youth Offending Service police will be the "
                                    "conduit for information sharing across police teams."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.1.3",
                        "description": "Co-location of the seconded police officers with the Youth Offending Service.",
                        "success_measure": (
                            "Both seconded police officers present in the office full time; quicker turn around "
                            "times for intelligence requests."
                        ),
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                # Seed 001 says progress "has been impeded by delays to co-location" but gives no
                                # date; dated here inside the period before the equipment was installed.
                                "date": datetime.date(2016, 11, 30),
                                "status": "R",
                                "narrative": (
                                    "Progress against the Service Level Agreement has been impeded by delays to "
                                    "co-location."
                                ),
                            },
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "The police computer equipment was finally installed and up and running at the "
                                    "end of December 2016. This now means that both seconded police officers are "
                                    "present in the office full time, which will allow for much more consistent "
                                    "service provision and the inclusion of the officers as integrated members of "
                                    "the team, as well as enabling much quicker turn around times for intelligence "
                                    "requests."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.1.4",
                        "description": (
                            "Use the Youth Justice Board's re-offending toolkit to analyse the profile of young "
                            "people re-offending in Islington, in order to target resources most effectively on "
                            "areas of highest need."
                        ),
                        "success_measure": "Binary and frequency re-offending rates (YJB performance data).",
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": (
                                    "We are now using the Youth Justice Board's re-offending toolkit to analyse the "
                                    "profile of young people re-offending in Islington."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.1.5",
                        "description": (
                            "Agree a protocol with police and Community Safety services under which all "
                            "applications for youth civil orders have a formal consultation with Youth Offending "
                            "Service management, and the length and restrictions are discussed."
                        ),
                        "success_measure": (
                            "Fewer civil orders imposed; fewer restrictions; increased compliance rate."
                        ),
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "A protocol was agreed with police and Community Safety services. This has led "
                                    "to an overall decrease in the number of civil orders imposed, and where they "
                                    "are imposed, fewer restrictions leading to an increased compliance rate."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "2.2",
                "kind": "objective",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "By April 2017, manage risk of harm to others and safeguarding needs so that actual and "
                    "potential victims, including those who are also perpetrators, are protected as far as "
                    "possible."
                ),
                "theme": "Risk of harm and safeguarding",
                "theme_lead": "",
                "next_steps": [
                    (
                        "Youth Justice Board London team to undertake a two day intensive audit of our cases in "
                        "February."
                    ),
                    (
                        "Extend the Looked After partnership document to include young people engaged with "
                        "Independent Futures, and then the Children In Need service."
                    ),
                    "Complete the partnership document with the Integrated Gangs Team.",
                ],
                "actions": [
                    {
                        "reference": "2.2.1",
                        "description": (
                            "Improve the quality of case management of young people on court orders, with a keen "
                            "focus on identifying and responding to risk of harm and safeguarding issues, and "
                            "consistent oversight of these by managers."
                        ),
                        "success_measure": "Internal audits: the majority of cases dip sampled are of good quality.",
                        "owner": "YOS management team",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": (
                                    "Internal audits are showing that the quality of case management by Youth "
                                    "Offending Service practitioners has dramatically improved, and that the "
                                    "majority of cases dip sampled are of good quality."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.2",
                        "description": (
                            "Intensive National Standards audit to self assess quality across a range of "
                            "indicators, and take action against any remaining areas of development."
                        ),
                        "success_measure": "",
                        "owner": "YOS management team",
                        "lead": "",
                        "start_date": datetime.date(2016, 11, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": "An intensive National Standards audit is under way.",
                            },
                        ],
                    },
                    {
                        "reference": "2.2.3",
                        "description": (
                            "Youth Justice Board London team two day intensive audit of cases, following the "
                            "format and standard used by Her Majesty's Inspectorate of Probation."
                        ),
                        "success_measure": (
                            "A clear externally validated picture of how far the quality of our service has developed."
                        ),
                        "owner": "YOS Head of Service",
                        "lead": "Youth Justice Board London team",
                        "start_date": datetime.date(2016, 12, 1),
                        "due_date": datetime.date(2017, 2, 28),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "W",
                                "narrative": (
                                    "We have been fortunate to secure the agreement of the Youth Justice Board "
                                    "London team to undertake a two day intensive audit of our cases in February."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.4",
                        "description": (
                            "Review the systems within the Youth Offending Service to oversee and manage risk of "
                            "harm posed by young people."
                        ),
                        "success_measure": (
                            "Most concerning cases discussed monthly at a multi-agency panel with consistent and "
                            "sufficiently senior representation from all agencies."
                        ),
                        "owner": "YOS Service Manager",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "Panels have been streamlined, and the most concerning cases are discussed "
                                    "monthly at a multi-agency panel chaired by the Service Manager. "
                                    "Representation at this panel is now consistent and at sufficiently senior "
                                    "level from all agencies."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.5",
                        "description": "Review the Multi-Agency Public Protection processes.",
                        "success_measure": "Oversight of all eligible cases by the Service Manager.",
                        "owner": "YOS Service Manager",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "The Multi-Agency Public Protection processes have also now been reviewed, and "
                                    "there is oversight of all eligible cases by the Service Manager."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.6",
                        "description": (
                            "Train all case management staff in managing risk of harm, and in explaining its "
                            "management in reports for court."
                        ),
                        "success_measure": "All case management staff trained.",
                        "owner": "YOS management team",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "All case management staff have received training in managing risk of harm, "
                                    "and in explaining its management in reports for court."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.7",
                        "description": (
                            "Partnership document with Children's Social Care setting out how children and young "
                            "people who are Looked After will be consistently dealt with by the agencies involved."
                        ),
                        "success_measure": (
                            "Plans are aligned and consistent, with a shared responsibility for safeguarding and "
                            "risk management."
                        ),
                        "owner": "YOS management team",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "A partnership document developed jointly with managers in Children's Social "
                                    "Care has been finalised."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.8",
                        "description": (
                            "Extend the partnership document to young people engaged with Independent Futures, "
                            "then to the Children In Need service."
                        ),
                        "success_measure": "",
                        "owner": "YOS management team",
                        "lead": "",
                        "start_date": datetime.date(2016, 10, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": (
                                    "This is now being extended to include young people engaged with Independent "
                                    "Futures, and once this is completed will be developed further to include the "
                                    "Children In Need service."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.9",
                        "description": (
                            "Partnership document with the Integrated Gangs Team, so that where young people are "
                            "involved with more than one service the work is joined up and complementary."
                        ),
                        "success_measure": "",
                        "owner": "YOS management team",
                        "lead": "",
                        "start_date": datetime.date(2016, 10, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": (
                                    "There is also a partnership document being developed with the Integrated "
                                    "Gangs Team."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.10",
                        "description": (
                            "Ensure that mandatory safeguarding documents are always submitted when young people "
                            "enter the custodial estate."
                        ),
                        "success_measure": "Safeguarding documents submitted on time in every case.",
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "At the time of re-inspection, Islington was subject to escalation measures "
                                    "for poor performance in this area. Since then there have only been two "
                                    "occasions when documents were not submitted on time, and performance action "
                                    "taken in both cases to ensure there is not recurrence. The Youth Justice "
                                    "Board have positively noted the turn around in delivery against this measure."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.2.11",
                        "description": (
                            "Develop a process to ensure that exit plans are in place for all young people "
                            "completing court orders."
                        ),
                        "success_measure": "Exit plans in place for all young people completing court orders.",
                        "owner": "YOS management team",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "A process has been developed to ensure that exit plans are in place for all "
                                    "young people completing court orders. Exit plans can include transition to "
                                    "the adult estate, step down to Targeted Youth Service or involvement of the "
                                    "voluntary sector, where there are ongoing support needs."
                                ),
                            },
                        ],
                    },
                ],
            },
            {
                "reference": "2.3",
                "kind": "objective",
                "addressed_to": "The YOS Head of Service",
                "text": (
                    "By April 2017, to ensure all staff have the relevant training, support and resources to "
                    "manage the complex cases they hold"
                ),
                "theme": "Workforce training and support",
                "theme_lead": "",
                "next_steps": [
                    (
                        "There is more work to do to ensure full synergy of service delivery between the Youth "
                        "Offending Service and Targeted Youth Service."
                    ),
                    (
                        "We are also developing an Intensive Supervision and Surveillance service which enables "
                        "the most prolific and high risk young people to be safely and effectively managed in the "
                        "community, reducing the need for custody."
                    ),
                ],
                "actions": [
                    {
                        "reference": "2.3.1",
                        "description": (
                            "Develop greater integration between the Youth Offending Service and Targeted Youth "
                            "Service elements of the service."
                        ),
                        "success_measure": "",
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": (
                                    "Shared team meetings and awaydays, joint service planning and management "
                                    "functions and increased day to day contact over shared cases have led to more "
                                    "joined up working and consistency for young people. There is more work to do "
                                    "to ensure full synergy of service delivery but there has been significant "
                                    "progression."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.3.2",
                        "description": (
                            "Develop the management team across the whole service and establish clear lead areas "
                            "to drive forward progress."
                        ),
                        "success_measure": "",
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": (
                                    "This has included substantial work to develop the management team across the "
                                    "whole service, establish clear lead areas to drive forward progress."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.3.3",
                        "description": (
                            "Agree key underpinning principles for service delivery: 'Good Lives', restorative "
                            "approaches and trauma informed practice."
                        ),
                        "success_measure": "",
                        "owner": "Youth Justice Services Management Board",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "The managing Board for the Youth Offending Service has agreed three key "
                                    "underpinning principles for service delivery: 'Good Lives', a strengths-based "
                                    "approach to offender rehabilitation; restorative approaches in all areas of "
                                    "our practice; and trauma informed practice."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.3.4",
                        "description": (
                            "Develop a specialist court team, including training opportunities for youth court "
                            "magistrates."
                        ),
                        "success_measure": "The service provided to the court is consistent and high quality.",
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 4, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "G",
                                "narrative": (
                                    "We have developed a specialist court team, to ensure that the service we "
                                    "provide to the court is consistent and high quality. This includes providing "
                                    "training opportunities for youth court magistrates."
                                ),
                            },
                        ],
                    },
                    {
                        "reference": "2.3.5",
                        "description": (
                            "Develop an Intensive Supervision and Surveillance service so that the most prolific "
                            "and high risk young people can be safely and effectively managed in the community."
                        ),
                        "success_measure": "Reduced use of custody.",
                        "owner": "YOS Head of Service",
                        "lead": "",
                        "start_date": datetime.date(2016, 10, 1),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [
                            {
                                "date": datetime.date(2016, 12, 30),
                                "status": "A",
                                "narrative": (
                                    "We are developing an Intensive Supervision and Surveillance service. For the "
                                    "first time this quarter, the use of custody has gone down."
                                ),
                            },
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------------------------------
    # Southwark -- seed 002
    # ------------------------------------------------------------------------------------------
    "southwark": {
        "inspection": {
            "inspection_type": "short_quality_screening",
            "framework": "2012",
            "fieldwork_start": datetime.date(2016, 10, 3),
            "fieldwork_end": datetime.date(2016, 10, 5),
            "published_on": datetime.date(2016, 11, 2),
            "lead_inspector": "Yvonne McGuckian",
            "report_url": "http://www.justiceinspectorates.gov.uk/hmiprobation",
            "overall_judgement": None,
            "overall_narrative": (
                "Overall, we found excellent work being undertaken to understand and address the particularly "
                "complex situations of children and young people, some of whom used serious violence against "
                "their peers and the public. We found that the YOS, and partner agencies, had fundamentally "
                "changed their approach to addressing these challenges, and that this new approach was showing "
                "some real benefits in tackling offending behaviour, risk of harm to others and the "
                "vulnerability of children and young people. The approach was delivered consistently by "
                "energised, skilled and capable staff. (27 cases examined; published reoffending rate 41.0% for "
                "Southwark, compared to 37.8% for all England and Wales.)"
            ),
            # The letter rates no theme. Its commentary on each gives what went well and what did not;
            # these are its own sentences (or their opening words), filed as strengths or areas for
            # improvement, with the paragraphs they come from.
            "judgements": [
                {
                    "standard": "SQS 1",
                    "narrative": "From the letter's commentary, paragraphs 1.1 to 1.9.",
                    "strengths": [
                        "The quality of pre-sentence and referral order panel reports was of a consistently high "
                        "standard",
                        "Planning was effective, dynamic, focused and well sequenced.",
                        "Work to address offending behaviour was started promptly, sometimes before the child or "
                        "young person went to court.",
                    ],
                    "areas_for_improvement": [
                        "Too often, information from the Crown Prosecution Service was not available at the start "
                        "of the order",
                    ],
                },
                {
                    "standard": "SQS 2",
                    "narrative": "From the letter's commentary, paragraphs 2.1 to 2.5.",
                    "strengths": [
                        "There was an accurate assessment of the risk of harm posed by children and young people "
                        "in all but three cases.",
                        "We found appropriate and very quick responses to changes, including breach action.",
                    ],
                    "areas_for_improvement": [
                        "Critical information, however, was not always being received quickly from the police.",
                        "In the few cases where management oversight had not been as effective, this was because "
                        "managers tended to confirm the case managers view when a more critical approach was "
                        "needed.",
                    ],
                },
                {
                    "standard": "SQS 3",
                    "narrative": "From the letter's commentary, paragraphs 3.1 to 3.6.",
                    "strengths": [
                        "Southwark YOS effectively assessed and planned for the factors that made a child or young "
                        "person vulnerable.",
                        "Vulnerability planning was effective in almost all cases",
                        "Management oversight was highly effective, as were the escalation procedures",
                    ],
                    "areas_for_improvement": [],
                },
                {
                    "standard": "SQS 4",
                    "narrative": "From the letter's commentary, paragraphs 4.1 to 4.3.",
                    "strengths": [
                        "Factors that might hamper this were consistently assessed at the start of the order and "
                        "reviewed as time went on.",
                        "There was considered use of professional discretion, with efforts made to re-engage "
                        "children and young people when needed.",
                    ],
                    "areas_for_improvement": [],
                },
            ],
            "strengths": [
                "Excellent quality of assessment and planning, leading to focused and individual programmes of work.",
                "Effective balance of managing offending, risk of harm and vulnerability issues.",
                "Energised, knowledgeable and skilled staff team, well supported by colleagues and managers.",
                (
                    "Effective and supportive management oversight, appreciated by staff, which made sure of joint "
                    "responsibility and shared decision-making in complex cases."
                ),
                "An effective model of case management carefully implemented and resourced.",
                "Collaborative and joint working with parents/carers.",
                "Evidence that staff had established meaningful relationships with children and young people.",
            ],
            "areas_for_improvement": [
                (
                    "Crown Prosecution Service information should be available to assist with all assessments as "
                    "soon as possible."
                ),
                (
                    "Police intelligence should be provided quickly to assist with assessment and response to the "
                    "risk of serious harm to others."
                ),
            ],
        },
        "plan": {
            # The letter asks for no plan and none is in the documents; this short plan is drawn from the
            # two areas requiring improvement, so it is left as a draft.
            "title": "Response to the Short Quality Screening: areas requiring improvement",
            "period_start": datetime.date(2016, 11, 2),
            "period_end": datetime.date(2017, 4, 30),
            "status": "draft",
            "approved_by": "",
            "approved_on": None,
            "stale_after_days": 60,
        },
        "recommendations": [
            {
                "reference": "1",
                "kind": "recommendation",
                "addressed_to": "The Chair of the YOS Management Board",
                "text": (
                    "Crown Prosecution Service information should be available to assist with all assessments as "
                    "soon as possible."
                ),
                "theme": "Assessment",
                "theme_lead": "",
                "next_steps": [],
                "actions": [
                    {
                        "reference": "1.1",
                        "description": (
                            "Agree with the Crown Prosecution Service how its information on the offence will be "
                            "made available to the YOS at the start of every order."
                        ),
                        "success_measure": (
                            "Crown Prosecution Service information available at the start of the order in all cases."
                        ),
                        "owner": "Chair of the YOS Management Board",
                        "lead": "YOS Manager",
                        "start_date": datetime.date(2016, 11, 2),
                        "due_date": datetime.date(2017, 2, 28),
                        "priority": "high",
                        "updates": [],
                    },
                    {
                        "reference": "1.2",
                        "description": (
                            "Monitor through management oversight whether Crown Prosecution Service information "
                            "was available for each new assessment, so that staff can challenge a child or young "
                            "person's account of the offending where needed."
                        ),
                        "success_measure": "Proportion of new assessments with CPS information available.",
                        "owner": "YOS Manager",
                        "lead": "",
                        "start_date": datetime.date(2016, 11, 2),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "medium",
                        "updates": [],
                    },
                ],
            },
            {
                "reference": "2",
                "kind": "recommendation",
                "addressed_to": "The Chair of the YOS Management Board",
                "text": (
                    "Police intelligence should be provided quickly to assist with assessment and response to the "
                    "risk of serious harm to others."
                ),
                "theme": "Risk of harm",
                "theme_lead": "",
                "next_steps": [],
                "actions": [
                    {
                        "reference": "2.1",
                        "description": (
                            "Agree with the police a process for passing critical information about incidents "
                            "to the YOS in real time, rather than relying on staff requesting intelligence."
                        ),
                        "success_measure": (
                            "Police intelligence received without a request from the case manager, in time to "
                            "review risk of serious harm to others."
                        ),
                        "owner": "Chair of the YOS Management Board",
                        "lead": "YOS Manager",
                        "start_date": datetime.date(2016, 11, 2),
                        "due_date": datetime.date(2017, 2, 28),
                        "priority": "high",
                        "updates": [],
                    },
                    {
                        "reference": "2.2",
                        "description": (
                            "Review risk of serious harm to others promptly when police intelligence is received, "
                            "given the particular gang issues and prevalence of the use of knives."
                        ),
                        "success_measure": "",
                        "owner": "YOS Manager",
                        "lead": "",
                        "start_date": datetime.date(2016, 11, 2),
                        "due_date": datetime.date(2017, 4, 30),
                        "priority": "high",
                        "updates": [],
                    },
                ],
            },
        ],
    },
}

# ------------------------------------------------------------------------------------------
# Illustrative inspections: no seed gives a rating under HMIP's standards (2018 on), so this one
# is ours, to show an inspection scored out of 36 and a self-assessment set beside it
# (governance/demo_data.py). It is not an HMIP finding about Southwark, and says so.
# ------------------------------------------------------------------------------------------
ILLUSTRATIVE_INSPECTIONS = {
    "southwark": {
        "inspectorate": "Illustrative example: not an HMIP inspection",
        "inspection_type": "full_joint",
        "framework": "2021",
        "fieldwork_start": datetime.date(2023, 6, 5),
        "fieldwork_end": datetime.date(2023, 6, 9),
        "published_on": datetime.date(2023, 9, 14),
        "lead_inspector": "",
        "report_url": "",
        "overall_judgement": None,
        "overall_narrative": (
            "Illustrative: these ratings are made up for the demo, to show how the tracker scores an inspection "
            "under HMIP's standards. They are not HMIP's findings about Southwark."
        ),
        "judgements": [
            {"standard": "1.1", "judgement": "Good", "narrative": "Illustrative."},
            {"standard": "1.2", "judgement": "Good", "narrative": "Illustrative."},
            {"standard": "1.3", "judgement": "Requires improvement", "narrative": "Illustrative."},
            {"standard": "1.4", "judgement": "Requires improvement", "narrative": "Illustrative."},
            {"standard": "2.1", "judgement": "Good", "narrative": "Illustrative."},
            {"standard": "2.2", "judgement": "Requires improvement", "narrative": "Illustrative."},
            {"standard": "2.3", "judgement": "Good", "narrative": "Illustrative."},
            {"standard": "2.4", "judgement": "Inadequate", "narrative": "Illustrative."},
            {"standard": "3.1", "judgement": "Outstanding", "narrative": "Illustrative."},
            {"standard": "3.2", "judgement": "Good", "narrative": "Illustrative."},
            {"standard": "3.3", "judgement": "Good", "narrative": "Illustrative."},
            {"standard": "3.4", "judgement": "Requires improvement", "narrative": "Illustrative."},
            {"standard": "4.1", "judgement": "Good", "narrative": "Illustrative; rated, not scored."},
        ],
        "strengths": [],
        "areas_for_improvement": [],
    },
}
