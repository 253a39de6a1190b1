from yos_tracker import __version__
from yos_tracker.scoping import member_organisations

# The sections every organisation has, in navigation order: (path segment, label, what it holds).
SECTIONS = [
    (
        "improvement",
        "Improvement plan",
        "Inspection findings, recommendations and the RAG-rated actions of the improvement plan, "
        "with dated progress and evidence.",
    ),
    (
        "performance",
        "Performance",
        "Youth Justice Board and local indicators against their targets, with trends and comparators, "
        "and the monthly case audits.",
    ),
    (
        "governance",
        "Governance",
        "The management board: members, meetings and attendance, the risk register and the self-assessment.",
    ),
    ("reports", "Reports", "Progress reports to scrutiny committees and board packs, rendered as PDF."),
    (
        "settings",
        "Settings",
        "How the service rates, scores and reports: its RAG scale, audit grades, risk matrix, indicators "
        "and targets, the pooled budget and the weekly digest.",
    ),
]
SECTION_SEGMENTS = {segment for segment, _, _ in SECTIONS}


def navigation(request):
    """The top navigation: the current organisation, its sections, and the organisations to switch to."""
    context = {"app_version": __version__, "nav_sections": [], "switch_to": []}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return context

    organisation = getattr(request, "organisation", None)
    prefix = f"/{organisation.slug}/" if organisation else None
    section = ""
    if prefix and request.path.startswith(prefix):
        section = request.path[len(prefix) :].split("/", 1)[0]
    if section not in SECTION_SEGMENTS:
        section = ""

    if organisation:
        context["nav_sections"] = [
            {"label": label, "description": description, "url": f"{prefix}{segment}/", "active": segment == section}
            for segment, label, description in SECTIONS
        ]
    # Switching keeps you in the same section of the other organisation.
    context["switch_to"] = [
        {"name": org.name, "url": f"/{org.slug}/{section + '/' if section else ''}", "current": org == organisation}
        for org in member_organisations(request)
    ]
    return context
