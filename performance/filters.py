import django_filters
from django.db.models import Exists, OuterRef, Q

from performance.choices import CaseType, Scope
from performance.models import AuditGrade, CaseAudit, Indicator, IndicatorCategory, TrackedIndicator
from yos_tracker.forms import DateInput


class CaseAuditFilter(django_filters.FilterSet):
    month = django_filters.DateFilter(label="Month", method="filter_month", widget=DateInput)
    case_type = django_filters.ChoiceFilter(choices=CaseType.choices, empty_label="Any type")
    overall = django_filters.ModelChoiceFilter(queryset=AuditGrade.objects.none(), empty_label="Any grade")
    reference = django_filters.CharFilter(field_name="case_reference", lookup_expr="icontains", label="Case reference")

    class Meta:
        model = CaseAudit
        fields = []

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["overall"].queryset = AuditGrade.objects.for_org(organisation)

    def filter_month(self, queryset, name, value):
        return queryset.filter(month=value.replace(day=1))


# The category of the YJB's key performance indicators from April 2023 (performance/catalogue_data.py).
KPI_CATEGORY = "yjb_kpis"


class IndicatorFilter(django_filters.FilterSet):
    """The catalogue's search: words of the code, name or definition, and which set, category and
    whether the service tracks it."""

    SETS = [
        ("national", "YJB national measures"),
        ("kpis", "YJB key performance indicators (2023)"),
        ("local", "Local indicators (shared catalogue)"),
        ("own", "The service's own"),
    ]

    q = django_filters.CharFilter(label="Search", method="filter_words")
    framework = django_filters.ChoiceFilter(label="Set", choices=SETS, empty_label="Any set", method="filter_set")
    category = django_filters.ModelChoiceFilter(
        queryset=IndicatorCategory.objects.all(), empty_label="Any category", label="Category"
    )
    tracking = django_filters.ChoiceFilter(
        label="Tracked",
        choices=[("yes", "Tracked"), ("no", "Not tracked")],
        empty_label="Tracked or not",
        method="filter_tracked",
    )

    class Meta:
        model = Indicator
        fields = []

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.filters["q"].field.help_text = "A code, or words of the name or definition."

    def filter_words(self, queryset, name, value):
        # Every word must be found, each in the code, the name or the definition.
        for word in value.split()[:10]:
            queryset = queryset.filter(
                Q(code__icontains=word) | Q(name__icontains=word) | Q(definition__icontains=word)
            )
        return queryset

    def filter_set(self, queryset, name, value):
        kpis = Q(category__code=KPI_CATEGORY)
        return queryset.filter(
            {
                "national": Q(organisation__isnull=True, scope=Scope.NATIONAL) & ~kpis,
                "kpis": Q(organisation__isnull=True) & kpis,
                "local": Q(organisation__isnull=True, scope=Scope.LOCAL),
                "own": Q(organisation=self.organisation),
            }[value]
        )

    def filter_tracked(self, queryset, name, value):
        tracked = Exists(TrackedIndicator.objects.for_org(self.organisation).filter(indicator=OuterRef("pk")))
        return queryset.filter(tracked if value == "yes" else ~tracked)
