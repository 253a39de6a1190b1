from governance.models import StaffPost
from yos_tracker.forms import DateInput, RecordForm


class StaffPostForm(RecordForm):
    class Meta:
        model = StaffPost
        fields = [
            "team",
            "title",
            "role_type",
            "contract",
            "agency",
            "fte",
            "sex",
            "ethnicity",
            "start_date",
            "end_date",
            "note",
        ]
        widgets = {"start_date": DateInput, "end_date": DateInput}
        help_texts = {
            "agency": "The employer, or the agency that seconds the post.",
            "start_date": "Blank: in post before any plan this records.",
            "end_date": "When the post ended or its holder left. A change of hours or holder ends this post and "
            "starts a new one, so that earlier plans show it as it was.",
        }
