"""Lewisham's demo staffing profile for its 2019/20 youth justice plan.

From seed 004 (Lewisham Youth Justice Strategic Plan 2018-21, its 2019/20 update): the teams and
their posts (its structure chart: an Intake team and two Intervention teams, each with an
Operational Manager and a Senior Practitioner, YOS Officers, Youth Support Officers and qualified
social workers), the Strategic YOS Manager and the Principal Policy Officer, the "two YOS police
officers", the increase "from 1 to 1.5 dedicated probation officers", the co-located CAMHS service,
the commissioned Speech and Language Therapist and the jointly funded Youth Engagement Officer.
The seed gives no FTE for the others, no numbers of officers, and nobody's sex or ethnicity: those
are illustrative, and every post says so in its note, which the plan prints."""

from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from governance.choices import Agency
from governance.models import StaffPost
from governance.models.staffing import Contract, Ethnicity, RoleType, Sex

NOTE = (
    "Demonstration data: the teams, the posts, the two police officers and the 1.5 FTE of probation officers are "
    "from Lewisham's Youth Justice Strategic Plan 2018-21; the other FTEs and every holder's sex and ethnicity are "
    "illustrative."
)
ONE, HALF = Decimal("1"), Decimal("0.5")
INTAKE, INTERVENTION_1, INTERVENTION_2, PARTNERS = (
    "Intake team",
    "Intervention team 1",
    "Intervention team 2",
    "Partnership staff",
)
STRATEGIC, OPERATIONAL = RoleType.STRATEGIC_MANAGER, RoleType.OPERATIONAL_MANAGER
P, A = RoleType.PRACTITIONER, RoleType.ADMINISTRATIVE
F, M = Sex.FEMALE, Sex.MALE
ASIAN, BLACK, MIXED, WHITE, OTHER = Ethnicity.ASIAN, Ethnicity.BLACK, Ethnicity.MIXED, Ethnicity.WHITE, Ethnicity.OTHER
LA, SECONDED = Agency.LOCAL_AUTHORITY, Contract.SECONDED

# (team, post, role, contract, agency, FTE, sex, ethnicity)
POSTS = [
    ("", "Strategic YOS Manager", STRATEGIC, Contract.PERMANENT, LA, ONE, F, BLACK),
    ("", "Principal Policy Officer", A, Contract.PERMANENT, LA, ONE, F, WHITE),
    (INTAKE, "Operational Manager", OPERATIONAL, Contract.PERMANENT, LA, ONE, M, BLACK),
    (INTAKE, "Senior Practitioner", P, Contract.PERMANENT, LA, ONE, F, WHITE),
    (INTAKE, "Qualified Social Worker", P, Contract.PERMANENT, LA, ONE, F, BLACK),
    (INTAKE, "YOS Officer", P, Contract.PERMANENT, LA, ONE, M, MIXED),
    (INTAKE, "Youth Support Officer", P, Contract.PERMANENT, LA, ONE, F, ASIAN),
    (INTERVENTION_1, "Operational Manager", OPERATIONAL, Contract.PERMANENT, LA, ONE, F, WHITE),
    (INTERVENTION_1, "Senior Practitioner", P, Contract.PERMANENT, LA, ONE, M, BLACK),
    (INTERVENTION_1, "YOS Officer", P, Contract.PERMANENT, LA, ONE, F, BLACK),
    (INTERVENTION_1, "YOS Officer", P, Contract.FIXED_TERM, LA, ONE, M, WHITE),
    (INTERVENTION_2, "Operational Manager", OPERATIONAL, Contract.PERMANENT, LA, ONE, M, WHITE),
    (INTERVENTION_2, "Senior Practitioner", P, Contract.PERMANENT, LA, ONE, F, MIXED),
    (INTERVENTION_2, "YOS Officer", P, Contract.PERMANENT, LA, ONE, M, BLACK),
    (INTERVENTION_2, "Youth Support Officer", P, Contract.TEMPORARY, LA, ONE, F, OTHER),
    (PARTNERS, "YOS Police Officer", P, SECONDED, Agency.POLICE, ONE, M, WHITE),
    (PARTNERS, "YOS Police Officer", P, SECONDED, Agency.POLICE, ONE, F, BLACK),
    (PARTNERS, "Probation Officer", P, SECONDED, Agency.PROBATION, ONE, F, WHITE),
    (PARTNERS, "Probation Officer", P, SECONDED, Agency.PROBATION, HALF, M, ASIAN),
    (PARTNERS, "CAMHS Clinician", P, SECONDED, Agency.HEALTH, ONE, F, WHITE),
    (PARTNERS, "Speech and Language Therapist", P, Contract.OUTSOURCED, Agency.HEALTH, HALF, F, WHITE),
    (PARTNERS, "Youth Engagement Officer", P, SECONDED, Agency.EDUCATION, ONE, M, BLACK),
]


def load_staffing(organisation) -> None:
    """Lewisham's posts, unless it has any already."""
    if StaffPost.objects.for_org(organisation).exists():
        return
    fields = ("team", "title", "role_type", "contract", "agency", "fte", "sex", "ethnicity")
    bulk_create_with_history(
        [StaffPost(organisation=organisation, note=NOTE, **dict(zip(fields, row, strict=True))) for row in POSTS],
        StaffPost,
    )
