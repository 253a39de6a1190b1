"""The weekly digest: each action owner with an account is e-mailed, once a week and once per
organisation, the actions they own that are overdue, due soon or stale. Organisations switch it
on or off and say what "due soon" means (ReminderSettings)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from improvement.choices import PlanStatus
from improvement.models import Action, ImprovementPlan, ReminderSent, ReminderSettings
from yos_tracker.models import Organisation


@dataclass
class Digest:
    overdue: list[Action] = field(default_factory=list)
    due_soon: list[Action] = field(default_factory=list)
    stale: list[Action] = field(default_factory=list)
    due_soon_days: int = 14

    @property
    def count(self) -> int:
        return len({a.pk for a in self.overdue + self.due_soon + self.stale})


def digests(*, organisation: Organisation, today: datetime.date) -> dict[int, Digest]:
    """Each owner's digest of this organisation (by user id), from its plans still in force: one
    query per plan."""
    config = ReminderSettings.objects.filter(organisation=organisation).first()
    days = config.due_soon_days if config else ReminderSettings._meta.get_field("due_soon_days").default
    result: dict[int, Digest] = {}
    soon = today + datetime.timedelta(days=days)
    for plan in ImprovementPlan.objects.for_org(organisation).exclude(status=PlanStatus.CLOSED):
        actions = (
            Action.objects.filter(recommendation__plan=plan, owner__isnull=False, owner__is_active=True)
            .with_progress(today=today, stale_after_days=plan.stale_after_days)
            .filter(current_is_complete=False)
            .select_related("recommendation__plan__organisation")
        )
        for action in actions:
            digest = result.setdefault(action.owner_id, Digest(due_soon_days=days))
            if action.is_overdue:
                digest.overdue.append(action)
            elif action.due_date and today <= action.due_date <= soon:
                digest.due_soon.append(action)
            if action.is_stale:
                digest.stale.append(action)
    return {user_id: d for user_id, d in result.items() if d.count}


def reminders_send(*, today: datetime.date, organisation: Organisation | None = None) -> int:
    """Send this week's digests not yet sent, of every organisation that has the digest on (or
    of the one given); returns how many were sent. Safe to run twice."""
    organisations = (
        [organisation] if organisation else Organisation.objects.filter(reminder_settings__enabled=True).order_by("pk")
    )
    return sum(_send_for(org, today) for org in organisations)


def _send_for(organisation: Organisation, today: datetime.date) -> int:
    week = ReminderSent.week_of(today)
    pending = digests(organisation=organisation, today=today)
    users = get_user_model().objects.in_bulk(list(pending))
    sent = 0
    for user_id, digest in pending.items():
        user = users[user_id]
        if not user.email:
            continue
        try:
            with transaction.atomic():
                # The unique row is the claim: a concurrent or repeated run fails here and moves on.
                ReminderSent.objects.create(
                    user=user, organisation=organisation, week_starting=week, actions=digest.count
                )
                send_mail(
                    subject=f"Your improvement plan actions at {organisation}: {digest.count} need attention",
                    message=render_to_string(
                        "improvement/email/reminder.txt",
                        {
                            "user": user,
                            "digest": digest,
                            "organisation": organisation,
                            "site_url": settings.SITE_URL,
                            "today": today,
                        },
                    ),
                    from_email=None,
                    recipient_list=[user.email],
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
