"""Checks of a report's narrative against its records, before it is rendered: where a sentence
states something the records contradict, the report's page says so beside that narrative, so
the officer can correct it before the meeting. The checks are few and plain, each explainable
in one line:

- a number of actions ("26 actions") must be the number on the plan in force at the period's end;
- "all … actions … <status>" ("all 32 actions rated GREEN") must be true of the plan's statuses;
- a plan's sign-off section saying it is signed off, agreed or endorsed needs a sign-off recorded.
"""

import re
from dataclasses import dataclass

from governance.models import CommitteeReport
from governance.models.reports import NARRATIVES, YJ_PLAN_HEADINGS
from improvement.models import ImprovementPlan, RagStatus
from improvement.selectors import plan_rollup

ACTIONS_COUNTED = re.compile(r"\b(\d+)\s+(?:improvement\s+plan\s+|plan\s+)?actions\b", re.IGNORECASE)
ALL_ACTIONS = re.compile(r"\ball\b(?:\s+\S+){0,3}?\s+actions\b(?P<rest>[^.;]*)", re.IGNORECASE)
SIGNED_OFF = re.compile(r"\b(signed off|agreed|endorsed|approved)\b", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?]+[.!?]?")


@dataclass(frozen=True)
class NarrativeWarning:
    section: str  # the narrative's heading
    sentence: str
    records: str  # what the records say instead


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.findall(text or "") if s.strip()]


def narratives_of(report: CommitteeReport) -> list[tuple[str, str, str]]:
    """(code, heading, text) of each narrative the report has written."""
    if report.is_plan:
        return [(code, title, (report.plan_text or {}).get(code, "")) for code, title, _ in YJ_PLAN_HEADINGS]
    return [(name, label, getattr(report, name)) for name, label in NARRATIVES]


def narrative_warnings(report: CommitteeReport) -> list[NarrativeWarning]:
    """Each sentence of the report's narrative that its records contradict, with what they say."""
    plan = ImprovementPlan.objects.for_org(report.organisation).in_force(report.period_end)
    rollup = plan_rollup(plan, report.period_end) if plan else None
    by_word = {}
    for status in RagStatus.objects.for_org(report.organisation):
        by_word[status.label.lower()] = status
        by_word[status.code.lower()] = status
    warnings = []
    for code, heading, text in narratives_of(report):
        for sentence in _sentences(text):
            warnings += _checked(report, code, heading, sentence, rollup, by_word, plan)
    return warnings


def _checked(report, code, heading, sentence, rollup, by_word, plan) -> list[NarrativeWarning]:
    found = []
    on = f"{report.period_end:%d/%m/%Y}"
    if rollup is not None:
        for number in ACTIONS_COUNTED.findall(sentence):
            if int(number) != rollup.total:
                found.append(
                    NarrativeWarning(
                        heading, sentence, f"the plan in force on {on}, “{plan.title}”, has {rollup.summary}"
                    )
                )
                break
        else:
            match = ALL_ACTIONS.search(sentence)
            words = re.findall(r"\w+", match["rest"]) if match else []
            status = next((by_word[w.lower()] for w in words if w.lower() in by_word), None)
            if status is not None and rollup.count_for(status.code) != rollup.total:
                said = f"on {on} the plan has {rollup.summary}, not all {status.label}"
                found.append(NarrativeWarning(heading, sentence, said))
    if report.is_plan and code == "sign_off" and SIGNED_OFF.search(sentence) and not report.sign_offs.exists():
        found.append(NarrativeWarning(heading, sentence, "no sign-off is recorded: the plan is a draft"))
    return found
