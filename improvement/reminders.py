"""The weekly e-mail to each action owner who has an account: overdue, due soon, stale."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from improvement.choices import PlanStatus
from improvement.models import Action, ImprovementPlan, ReminderSent

DUE_SOON_DAYS = 14


@dataclass
class Digest:
    overdue: list[Action] = field(default_factory=list)
    due_soon: list[Action] = field(default_factory=list)
    stale: list[Action] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len({a.pk for a in self.overdue + self.due_soon + self.stale})


def digests(*, today: datetime.date) -> dict[int, Digest]:
    """Each owner's digest (by user id), from the plans still in force: one query per plan."""
    result: dict[int, Digest] = {}
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    for plan in ImprovementPlan.objects.exclude(status=PlanStatus.CLOSED).select_related("organisation"):
        actions = (
            Action.objects.filter(recommendation__plan=plan, owner__isnull=False, owner__is_active=True)
            .with_progress(today=today, stale_after_days=plan.stale_after_days)
            .filter(current_is_complete=False)
            .select_related("recommendation__plan__organisation")
        )
        for action in actions:
            digest = result.setdefault(action.owner_id, Digest())
            if action.is_overdue:
                digest.overdue.append(action)
            elif action.due_date and today <= action.due_date <= soon:
                digest.due_soon.append(action)
            if action.is_stale:
                digest.stale.append(action)
    return {user_id: d for user_id, d in result.items() if d.count}


def reminders_send(*, today: datetime.date) -> int:
    """Send this week's digests not yet sent; returns how many were sent. Safe to run twice."""
    week = ReminderSent.week_of(today)
    users = get_user_model().objects.in_bulk(list(pending := digests(today=today)))
    sent = 0
    for user_id, digest in pending.items():
        user = users[user_id]
        if not user.email:
            continue
        try:
            with transaction.atomic():
                # The unique row is the claim: a concurrent or repeated run fails here and moves on.
                ReminderSent.objects.create(user=user, week_starting=week, actions=digest.count)
                send_mail(
                    subject=f"Your improvement plan actions: {digest.count} need attention",
                    message=render_to_string(
                        "improvement/email/reminder.txt",
                        {"user": user, "digest": digest, "site_url": settings.SITE_URL, "today": today},
                    ),
                    from_email=None,
                    recipient_list=[user.email],
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
