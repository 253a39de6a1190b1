"""Lewisham's June 2017 progress report to the Safer Stronger Select Committee (seed 000), as a
report definition: the narrative sections are the report's own text."""

import datetime

LEWISHAM_REPORT = {
    "committee": "Safer Stronger Select Committee",
    "meeting_date": datetime.date(2017, 6, 28),  # the report is dated "June 2017"; the day is not given
    "item_number": "5",
    "title": "Full Joint Inspection into Lewisham Youth Offending Work – Progress of Improvement Plan",
    "key_decision": False,
    "wards": "All",
    "contributors": "Youth Offending Service Strategic Manager",
    "contact_officer": (
        "the Head of Crime Reduction and Supporting People, and the Strategic Youth Offending Service Manager"
    ),
    "period_start": datetime.date(2016, 12, 1),
    "period_end": datetime.date(2017, 6, 28),
    "purpose": (
        "HMI Probation undertook a Full Joint Inspection of Youth Offending Work in Lewisham in September "
        "2016. The final report was published in December 2016. This report outlines the progress of the HMIP"
        " Improvement Plan following the publication of the report, at the six-month stage."
    ),
    "recommendations_text": (
        "- Note the progress against the Improvement Plan\n- Further progress made against the Improvement "
        "Plan to be reported to the Select Committee in November 2017"
    ),
    "background": (
        "The Full Joint Inspection is part of a programme of risk proportionate Inspection of Youth Offending"
        " Work agreed by Ministers. This document outlines the HMIP recommendations for improvement, update "
        "on the partnership 12 month action plan which has been approved by HMIP and the related key "
        "performance indicators to evaluate and evidence progress against the agreed elements of the plan. "
        "The Full Joint Inspection (FJI) is undertaken in six local authority areas per year, five of which "
        "are normally in England and one in Wales. It focuses primarily on those areas where there is cause "
        "for concern about performance. This is determined following analysis of information received from "
        "the Youth Justice Board (YJB), intelligence gained from other inspections and publicly available "
        "data, and through consultation with other inspectorates via quarterly 'Information Bank' meetings. "
        "Government policy requires inspections to be undertaken as unannounced or with very short notice. "
        "Work should be inspected 'as is' and with the minimum of preparatory overheads, rather than as the "
        "inspected body 'would like it to be'"
    ),
    "financial": (
        "There have been financial considerations both in the short and long term in relation to delivering "
        "against the improvement plan. These will be reviewed in Dec 17."
    ),
    "legal": (
        "The Council is under a number of statutory obligations to reduce crime and anti-social behaviour. "
        "The Crime and Disorder Act 1998 requires the Council to formulate and implement a strategy for the "
        "reduction of crime and disorder; the Anti Social Behaviour 2003 requires the Council as a local "
        "housing authority to have policies and procedures for dealing with anti-social behaviour and the "
        "Race Relations (Amendment) Act 2000 places the Council under a duty to have, when carrying out its "
        "functions, due regard to the need to eliminate unlawful discrimination and promote good relations "
        "between persons of different racial groups.\nThe Local Government Act 1999 places a duty on the "
        "local authorities to secure continuous improvement in the way its functions are exercised having "
        "regard to the combination of economy, efficiency and effectiveness.\nSection 2 of the Local "
        "Government Act 2000 empowers the local authority to do anything which it considers likely to achieve"
        " the promotion or improvement of the economic, social or environmental well-being of all or any "
        "persons within the local authority's area.\nThese statutory duties amongst others feed into the "
        "Council's Safer Lewisham Strategy."
    ),
    "equalities": (
        "Developing safe and secure communities is central to the work of the Council as a whole and in "
        "particular to the Community Services directorate. Reducing and preventing crime, reducing fear of "
        "crime and supporting vulnerable communities is critical to the well-being of all our citizens."
    ),
    "crime_disorder": (
        "Section 17 places a duty on partners to do all they can to reasonably prevent crime and disorder in "
        "their area. The level of crime and its impact is influenced by the decisions and activities taken in"
        " the day-to- day of local bodies and organisations. The responsible authorities are required to "
        "provide a range of services in their community from policing, fire protection, planning, consumer "
        "and environmental protection, transport and highways. They each have a key statutory role in "
        "providing these services and, in carrying out their core activities, can significantly contribute to"
        " reducing crime and improving the quality of life in their area."
    ),
    "environmental": (
        "All appropriate services are consulted about on agreed activity before proceeding where Key "
        "decisions made may have environmental implications"
    ),
    "conclusion": (
        "There have been some significant decisions and progress made in critical areas of the improvement "
        "plan. The programme of work in place will build on these and be focusing on and driving forward the "
        "quality, new model of delivery and outcomes for young people."
    ),
}


# Lewisham's youth justice plan for 2019/20: the 2019 update of its Youth Justice Strategic Plan
# 2018-21 (seed 004). The narratives are the seed's own words, shortened; where the seed says
# nothing under a heading of the YJB's 2024 structure (which post-dates it), the plan says so.
LEWISHAM_PLAN_2019 = {
    "plan_year": 2019,
    "meeting_date": datetime.date(2019, 6, 30),  # the usual submission date; the seed gives no day
    "title": "Lewisham Youth Justice Strategic Plan 2018-21: 2019/20 update",
    "contact_officer": "the Strategic Youth Offending Service Manager",
    "plan_text": {
        "introduction": (
            "In the period 2017/18 Lewisham Youth Offending Service undertook a major review based on the HMIP "
            "findings in 2016. For 2019/20 the focus will be on how the Service can continue to build upon its "
            "achievements in reducing the number of first time entrants further, maintaining strong performance "
            "in relation to reductions in re-offending and youth custody (both remand and sentenced). Key to "
            "achieving these outcomes will be the development of the Trauma-informed Restorative approach."
        ),
        "local_context": (
            "Lewisham is home to over 306,000 people. Children and young people make up about 25 per cent of "
            "Lewisham's population, and some 66% of Lewisham residents aged 0-19 are of BME heritage, compared to "
            "some 76% of the schools population and 46% for the borough as a whole."
        ),
        "child_first": (
            "Lewisham YOS is now described as a 'Trauma-Informed Service' (Department of Education – Innovation "
            "Unit). Complementing the strengths based model is the think family approach with a tiered offer of "
            "support and the development of Functional Family Therapy (Lewisham YOS is an accredited FFT Agency)."
        ),
        "voice_of_child": (
            "Our vision is for the YOS to be a service where children and young people feel that their views and "
            "experiences are encouraged, valued, respected and most importantly acted upon to shape services that "
            "meet their needs. Examples to date have been:\n"
            "- Focus groups to consult on Referral panel\n"
            "- Young person participation in Youth Justice Management Board engagement session\n"
            "- The appointment of a Young Person to be a YOS rep to advise the team and the YOS board"
        ),
        "governance": (
            "The recruitment of an experienced and credible independent chair who is also chair of the London "
            "YOS Assistant Director Network. The Board is now able to evidence improvement using annual self "
            "assessments of Board effectiveness. The YJMB Performance Sub-group allows partnership work to focus "
            "on data and operational collaboration."
        ),
        "board_development": (
            "Following the conclusion and proposals for change outlined in the HMIP report the board has undergone "
            "a complete review, including the introduction of an independent chair. The Board have also undertaken "
            "training on the trauma informed approach and a session with partners to address Unconscious Bias."
        ),
        "resources": (
            "Staffing accounts for 90% of annual expenditure across the service each year with only a small "
            "number of contracts and external services provided. All expenditure is overseen by the Youth Justice "
            "Management Board; daily management is delegated to the Strategic YOS Manager."
        ),
        "previous_plan": "The Improvement Plan for 18/19 has been achieved with all 32 actions rated GREEN and "
        "signed off by the YJMB.",
        "performance": (
            "In 2018/19 the YOS has introduced a monthly data oversight meeting attended by all managers and a NEET "
            "review meeting. The 2017 and 2018 full year cohorts are being tracked for rate of re-offending on a "
            "monthly basis."
        ),
        "priorities": (
            "- Further embedding of the new Service design, moving from a generic team to a functional model of "
            "team delivery\n- An intensive application of data collection and analysis across the partnership "
            "to inform strategic and tactical work\n- Further development of Speech and Language Therapy work"
        ),
        "over_represented": (
            "Positive reduction in BAME entering the Youth Justice System (33% compared to 29% white). Training "
            "across the partnership on Unconscious Bias, which recognises that decision making at early stages of "
            "development and other important transitions contributes to over-representation and disproportionality."
        ),
        "prevention": (
            "A strengthening of the relationship with Compass (the Children and Young People's health service), "
            "which includes a health and wellbeing program for triage cases."
        ),
        "diversion": (
            "A widening of the brief for the NHS England-funded Liaison and Diversion project, with all young people "
            "who are arrested having contact with YOS staff at the police station or court as the new aim."
        ),
        "education": (
            "A NEET review meeting reviews progress on reducing the numbers who are not in education training or "
            "employment. Having a Speech and Language Therapy specialist on site has enhanced the capacity of the "
            "team to engage and represent the considerable speech, language and education needs of the YOS cohort."
        ),
        "restorative": (
            "To further embed the Restorative Justice model into the work of the Referral Order Panel. Where there "
            "is also a community based victim harmed in the incident, they are to be engaged with restoratively."
        ),
        "serious_violence": (
            "Closer operational activity with police and Serious Youth Violence Teams to manage high risk cases. The "
            "multi-agency Concern Hub works with those who are missing or who are victims of child sexual "
            "exploitation, child exploitation, harmful sexual behaviour, county lines, serious youth violence and "
            "gangs."
        ),
        "remands": "The Intake team takes all Court and First contact work, including remands.",
        "custody_resettlement": (
            "Increased contact with young people in custody, joint work with the institutions and work on pathways "
            "to effective resettlement in the community."
        ),
        "families": (
            "A revision and enhancement of our family offer. The 'Think Family' strand of the YOS vision was "
            "implemented in recognition that there needed to be a focus on viewing our work with young people "
            "within the family context and environment."
        ),
        "standards": (
            "With the support of the Performance team a full self-evaluation against HMIP standards comparing "
            "September 2016 to our current delivery in December 2018 has been completed."
        ),
        "workforce": (
            "The staff team continue to receive one-to-one clinical supervision. All Team members have completed "
            "a series of one-day, joint training sessions on increasing awareness and understanding bias in its "
            "many forms."
        ),
        "evidence": (
            "Lewisham YOS has trained staff in the use of Project Oracle and the Theory of Change. Each team has a "
            "Logic Model and set of RAG rated outcomes to drive performance improvement. The Operational Managers "
            "use these to engage their staff in ownership and achievement of positive outcomes."
        ),
        "service_development": (
            "Lewisham and Southwark YOS are working in partnership with NPS and are piloting a new transitions "
            "program to further improve Youth to adult transitions."
        ),
        "challenges": (
            "Lewisham YOS is always running with an over spend on the remand budget. There will be a shortfall of "
            "£301k based on predictions for remand overspend."
        ),
        "sign_off": "The Strategic Plan was signed off by all key partners who contribute to the Youth Justice "
        "Partnership in Lewisham.",
    },
}
