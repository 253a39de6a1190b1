"""Querysets shared by every app; kept free of model imports so any models module, the
organisation's own included, can use them."""

from __future__ import annotations

from django.db import models
from django.http import Http404


class OrganisationScopedQuerySet(models.QuerySet):
    """Base queryset for records that belong to one organisation."""

    organisation_field = "organisation"

    @classmethod
    def through(cls, path: str) -> type[OrganisationScopedQuerySet]:
        """The queryset class for records that reach their organisation along `path`, e.g. "plan__organisation"."""
        return type(cls.__name__, (cls,), {"organisation_field": path})

    def for_org(self, organisation: models.Model):
        return self.filter(**{self.organisation_field: organisation})

    def get_for_org(self, organisation: models.Model, **lookup):
        """The record of this organisation matching `lookup`, or Http404."""
        try:
            return self.for_org(organisation).get(**lookup)
        except self.model.DoesNotExist:
            raise Http404(f"No such {self.model._meta.verbose_name}.") from None
