import django_filters
from django import forms
from django.db.models import F, Q

from improvement.models import Action


class TickedFilter(django_filters.Filter):
    """A tick box: ticked keeps only the rows where the field is true; unticked filters nothing."""

    field_class = forms.BooleanField

    def filter(self, qs, value):
        return qs.filter(**{self.field_name: True}) if value else qs


# Sort key → (label, ordering). Sorting by reference keeps the plan's own order and its grouping.
SORTS = {
    "reference": ("Reference", ("recommendation__order", "order", "pk")),
    "due": ("Due date", (F("due_date").asc(nulls_last=True), "recommendation__order", "order")),
    "status": ("Status", (F("current_status_order").asc(nulls_last=True), "recommendation__order", "order")),
    "owner": ("Owner", ("owner_name", "owner__last_name", "recommendation__order", "order")),
}


class ActionFilter(django_filters.FilterSet):
    """Filters of the plan overview. Every value lives in the query string, so a filtered view
    can be bookmarked or sent to a colleague."""

    status = django_filters.ChoiceFilter(label="Status", method="filter_status", empty_label="Any status")
    owner = django_filters.CharFilter(label="Owner", method="filter_owner")
    theme = django_filters.ChoiceFilter(label="Theme", field_name="recommendation__theme", empty_label="Any theme")
    due_before = django_filters.DateFilter(
        label="Due on or before",
        field_name="due_date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    overdue = TickedFilter(label="Overdue only", field_name="is_overdue")
    stale = TickedFilter(label="Stale only", field_name="is_stale")
    sort = django_filters.ChoiceFilter(
        label="Sort by", method="filter_sort", empty_label=None, choices=[(k, label) for k, (label, _) in SORTS.items()]
    )

    NO_UPDATE = "none"

    class Meta:
        model = Action
        fields = []

    def __init__(self, *args, scale, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self._scale = {status.code: status for status in scale}
        self.filters["status"].extra["choices"] = [(s.code, s.label) for s in scale] + [(self.NO_UPDATE, "No update")]
        self.filters["theme"].extra["choices"] = [(t, t) for t in themes]

    def filter_status(self, queryset, name, value):
        if value == self.NO_UPDATE:
            return queryset.filter(current_status_pk__isnull=True)
        status = self._scale.get(value)
        return queryset.filter(current_status_pk=status.pk) if status else queryset.none()

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS[value][1])

    def filter_owner(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(owner_name__icontains=word)
                | Q(owner__first_name__icontains=word)
                | Q(owner__last_name__icontains=word)
            )
        return queryset
