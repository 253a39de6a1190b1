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
