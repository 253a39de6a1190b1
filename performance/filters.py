import django_filters

from performance.choices import CaseType
from performance.models import AuditGrade, CaseAudit
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
