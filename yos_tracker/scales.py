"""An organisation's scales: its RAG statuses and its case-audit grades are both short ordered
lists of labelled colours that the organisation may edit. This module is what they share: the
queryset, installing one of the source documents' scales, reordering, and deleting a step only
while no record uses it (otherwise it is retired: kept on the records that have it, no longer
offered for new ones).
"""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.deletion import ProtectedError, RestrictedError

from yos_tracker.querysets import OrganisationScopedQuerySet


class ScaleQuerySet(OrganisationScopedQuerySet):
    """The manager of a scale's model. The model names its scales: SCALES (name → rows),
    DEFAULT_SCALE, and ORDER_FIELD, the field that orders its steps."""

    def current(self):
        """The steps that may be chosen for a new record."""
        return self.filter(retired=False)

    def choosable(self, *keep):
        """The current steps, and those a record being edited already has (retired or not)."""
        return self.filter(Q(retired=False) | Q(pk__in=[step.pk for step in keep if step is not None]))

    def install(self, organisation, scale: str | None = None) -> list[models.Model]:
        return scale_install(
            self.model, organisation=organisation, rows=self.model.SCALES[scale or self.model.DEFAULT_SCALE]
        )


def scale_install(model: type[models.Model], *, organisation, rows: Sequence[dict]) -> list[models.Model]:
    """Give an organisation a scale (one of the source documents', as rows of field values) if it
    has none yet. Takes the model class so that a data migration can pass its historical model."""
    manager = model._default_manager
    existing = list(manager.filter(organisation=organisation))
    if existing:
        return existing
    return [manager.create(organisation=organisation, **row) for row in rows]


@transaction.atomic
def scale_step_move(step: models.Model, *, by: int) -> None:
    """Move a step up (by=-1) or down (by=1) its scale, swapping places with its neighbour."""
    field = step.ORDER_FIELD
    steps = list(type(step).objects.for_org(step.organisation).select_for_update().order_by(field, "pk"))
    index = next(i for i, s in enumerate(steps) if s.pk == step.pk)
    target = index + by
    if not 0 <= target < len(steps):
        return
    base = min(getattr(s, field) for s in steps)  # audit grades count from 1, RAG statuses from 0
    steps[index], steps[target] = steps[target], steps[index]
    for position, each in enumerate(steps, start=base):
        if getattr(each, field) != position:
            setattr(each, field, position)
            each.save(update_fields=[field])
    step.refresh_from_db()


@transaction.atomic
def scale_step_delete(step: models.Model) -> None:
    """Delete a step no record uses. One that is in use is refused, with what uses it: the
    database's protecting foreign keys decide, so a use added by another app is counted too."""
    try:
        with transaction.atomic():
            step.delete()
    except (ProtectedError, RestrictedError) as error:
        used = len(error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects)
        noun = "record uses" if used == 1 else "records use"
        raise ValidationError(
            f"“{step.label}” cannot be deleted: {used} {noun} it. Retire it instead: it stays on those "
            "records and is no longer offered for new ones."
        ) from None


def scale_step_retire(step: models.Model, *, retired: bool = True) -> None:
    """Retire a step (or bring it back). The last step that can still be chosen stays."""
    if retired and not type(step).objects.for_org(step.organisation).current().exclude(pk=step.pk).exists():
        raise ValidationError(f"“{step.label}” is the last one that can be chosen; add another before retiring it.")
    step.retired = retired
    step.save(update_fields=["retired"])
