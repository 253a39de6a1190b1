"""Every form of the project's pages and every write of the API, sent extreme dates (0001-01-01,
9999-12-31, each bound and the day past it), extreme integers (±2⁶³, 2³¹, −1, 0, forty nines) and
control characters, NUL among them: the answer is never a server error, and nothing outside its
range (yos_tracker.ranges) is ever stored. Issue #29.

The forms are found as a person finds them: each organisation page is opened, and every form on it
that posts something typed is filled in as the browser shows it, then a few of its boxes are given
extreme values. So a new page's form is sent extremes too. One test per app's pages, and one for
the API's writes."""

import contextlib
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urldefrag, urljoin

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import resolve, reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from governance.models import CommitteeReport
from governance.models.reports import ReportKind
from improvement.models import Action
from performance.models import Measurement
from tests import ranged_world
from tests.demo_pages import ORG_PATTERNS, WALKER, lewisham_ids, valid_url
from yos_tracker.services import api_token_issue

pytestmark = pytest.mark.django_db

# No shrinking: an example sends every form of an app, and a failure already names the form and
# what was sent in it; shrinking would send them all again hundreds of times.
EXTREMES = settings(
    max_examples=12,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# The bounds and the days past them (of every range: cohorts' and periods' too), as a form's date
# box sends them (ISO) or as a person types them.
DATES = st.sampled_from(
    [
        *["0001-01-01", "1997-12-31", "1998-01-01", "9994-12-31", "9995-01-01", "9998-12-01", "9998-12-31"],
        *["9999-01-01", "9999-12-31", "10000-01-01", "31/12/9999", "01/01/0001"],
    ]
)
INTEGERS = st.one_of(
    st.sampled_from([-(2**63), -1, 0, 1, 5, 8, 9, 25, 26, 90, 91, 365, 366, 999, 3650, 3651, 32_767, 32_768]),
    st.sampled_from([999_999, 10**6, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 10**40 - 1]),
    st.integers(),
).map(str)
CONTROL = st.one_of(
    st.sampled_from(["\x00", "a\x00b", "\x01\x02\x1f", "\x7f", "\u202e\u200b", "\r\n\r\n", "\ufeff", "\x0b\x0c"]),
    st.text(st.characters(max_codepoint=0x1F), min_size=1, max_size=10),
)
# An input's type → what is typed into it.
TYPED = {"date": DATES, "number": INTEGERS, "text": CONTROL, "textarea": CONTROL, "email": CONTROL, "url": CONTROL}


# --- The forms on the pages --------------------------------------------------------------------


@dataclass
class Form:
    """A form as its page shows it: what the browser would send untouched (`shown`: each box as
    filled in, a ticked checkbox, a select's or a radio group's chosen option, or its first), the
    options of each single choice, and the input type of each box a person types in."""

    page: str
    action: str
    shown: dict[str, list[str]] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)

    @property
    def target(self) -> str:
        """Where the browser sends it: the action read against the page, without its fragment."""
        return urldefrag(urljoin(self.page, self.action)).url


class _FormReader(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page, self.forms, self.form, self.select, self.textarea = page, [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.form = Form(self.page, a.get("action") or "")
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") != "file":
            self._input(a["name"], a.get("type", "text"), a.get("value", ""), "checked" in a)
        elif tag == "select" and a.get("name"):
            self.select = (a["name"], "multiple" in a, [], [])  # name, multiple, options, chosen
        elif tag == "option" and self.select:
            self.select[2].append(a.get("value", ""))
            if "selected" in a:
                self.select[3].append(a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]

    def _input(self, name: str, kind: str, value: str, checked: bool) -> None:
        form = self.form
        if kind == "radio":
            form.options.setdefault(name, []).append(value)
            if checked or name not in form.shown:
                form.shown[name] = [value]
        elif kind != "checkbox" or checked:
            form.shown.setdefault(name, []).append(value)
        if kind in TYPED:
            form.typed[name] = kind

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.select and self.form:
            name, multiple, options, chosen = self.select
            self.form.shown[name] = chosen or options[:1]
            if not multiple:
                self.form.options[name] = options
            self.select = None
        elif tag == "textarea" and self.textarea and self.form:
            self.form.shown[self.textarea[0]] = [self.textarea[1].removeprefix("\n")]
            self.form.typed[self.textarea[0]] = "textarea"
            self.textarea = None


def _forms_on(client: Client, pages: list[str]) -> list[Form]:
    """Each distinct form on the pages that posts something a person types."""
    found = {}
    for page in pages:
        response = client.get(page)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        reader = _FormReader(page)
        reader.feed(response.content.decode())
        for form in reader.forms:
            key = (form.target, tuple(sorted(form.typed)))
            if form.typed and key not in found:
                found[key] = form
    return list(found.values())


def _app_of(path: str) -> str:
    return resolve(path.split("?")[0]).namespace or "core"


@pytest.fixture
def world():
    _, manager = ranged_world.build()
    walker = Client()
    walker.force_login(get_user_model().objects.get(username=WALKER))
    ids = lewisham_ids()
    pages = [url for pattern in ORG_PATTERNS if (url := valid_url(walker, pattern, ids))]
    # A youth justice plan's sign-off (the walk opens a committee report), and pages of no organisation.
    yj_plan = CommitteeReport.objects.get(kind=ReportKind.YJ_PLAN)
    pages += [
        reverse("governance:report_detail", kwargs={"org": "lewisham", "pk": yj_plan.pk}),
        reverse("services:new"),
        reverse("api_tokens"),
    ]
    api = Client(HTTP_AUTHORIZATION=f"Token {api_token_issue(user=manager, name='Tests')[1]}")
    return SimpleNamespace(client=walker, forms=_forms_on(walker, pages), api=api)


@st.composite
def _sent(draw, form: Form) -> dict[str, list[str]]:
    """The form as shown, with any option of each single choice, any of its date and number boxes
    given an extreme, and perhaps one of its text boxes given control characters."""
    sent = dict(form.shown)
    for name, options in form.options.items():
        if options:
            sent[name] = [draw(st.sampled_from(options))]
    ranged = sorted(name for name, kind in form.typed.items() if kind in ("date", "number"))
    for name in ranged:
        if draw(st.integers(0, 3)):  # three times in four
            sent[name] = [draw(TYPED[form.typed[name]])]
    text = sorted(set(form.typed) - set(ranged))
    if text and draw(st.booleans()):  # else what is typed in the text boxes is left to pass
        sent[draw(st.sampled_from(text))] = [draw(CONTROL)]
    return sent


def _send_every_form(world, app: str, data) -> None:
    """Each form of the app's pages, once, with extremes in it."""
    forms = [form for form in world.forms if _app_of(form.target) == app]
    assert forms, f"no form of {app} found"
    for form in forms:
        sent = data.draw(_sent(form), label=form.target)
        with _rolled_back():
            response = world.client.post(form.target, sent)
            assert response.status_code < 500, (form.target, sent)
            if response.status_code == 302:  # saved: the page it leads to shows what was saved
                assert world.client.get(response["Location"]).status_code < 500, response["Location"]
            assert ranged_world.out_of_range() == [], (form.target, sent)


@EXTREMES
@given(data=st.data())
def test_the_improvement_pages_forms(world, data):
    _send_every_form(world, "improvement", data)


@EXTREMES
@given(data=st.data())
def test_the_governance_pages_forms(world, data):
    _send_every_form(world, "governance", data)


@EXTREMES
@given(data=st.data())
def test_the_performance_pages_forms(world, data):
    _send_every_form(world, "performance", data)


@EXTREMES
@given(data=st.data())
def test_the_settings_members_tokens_and_new_service_forms(world, data):
    for app in sorted({_app_of(form.target) for form in world.forms} - {"improvement", "governance", "performance"}):
        _send_every_form(world, app, data)


def test_every_app_has_forms_that_are_sent_extremes(world):
    apps = {_app_of(form.target) for form in world.forms}
    assert apps >= {"improvement", "governance", "performance", "members", "services", "core"}
    assert len(world.forms) >= 40


# --- The API's writes ----------------------------------------------------------------------------


# An API write's fields → what is sent in them: text, dates (as JSON text), and numbers as JSON
# numbers or as text.
NUMBERS = st.one_of(INTEGERS.map(int), INTEGERS)
API_FIELDS = {
    "update": {"action": NUMBERS, "date": DATES, "narrative": CONTROL, "status": CONTROL},
    "value": {"value": NUMBERS, "numerator": NUMBERS, "denominator": NUMBERS, "note": CONTROL, "source": CONTROL},
    "values": {"period": DATES, "value": NUMBERS, "numerator": NUMBERS, "note": CONTROL, "indicator": CONTROL},
    "events": {
        **{"date": DATES, "proven_date": DATES, "gravity": NUMBERS, "reference": CONTROL, "team": CONTROL},
        **{"event": st.just("reoffence"), "kind": st.just("theft")},
    },
}


def _api_write(name: str, sent: dict) -> tuple[str, str, dict, dict]:
    """The request that makes the write `name` with `sent` in it: method, path, body, headers."""
    if name == "update":
        return "post", "updates/", {"action": Action.objects.get().pk, "status": "G", "narrative": "Done", **sent}, {}
    if name == "value":
        measurement = Measurement.objects.get()
        return "patch", f"measurements/{measurement.pk}/", sent, {"HTTP_IF_MATCH": f'"{measurement.version}"'}
    if name == "values":
        value = {"indicator": "CUSTODY_COUNT", "period": "2017-04", "value": 3, **sent}
        return "post", "measurements/bulk/", {"measurements": [value]}, {}
    event = {"reference": "LW-17-002", "event": "outcome", "date": "2017-02-01", "kind": "conviction", **sent}
    return "post", "cases/events/", {"events": [event]}, {}


@settings(EXTREMES, max_examples=60)  # one request an example
@given(data=st.data())
def test_the_apis_writes(world, data):
    name = data.draw(st.sampled_from(sorted(API_FIELDS)), label="write")
    fields = API_FIELDS[name]
    chosen = st.lists(st.sampled_from(sorted(fields)), min_size=1, max_size=3, unique=True)
    sent = data.draw(chosen.flatmap(lambda names: st.fixed_dictionaries({n: fields[n] for n in names})), label="sent")
    method, path, body, headers = _api_write(name, sent)
    with _rolled_back():
        response = getattr(world.api, method)(
            f"/api/v1/lewisham/{path}", json.dumps(body), content_type="application/json", **headers
        )
        assert response.status_code < 500, (path, body, response.content[:500])
        assert ranged_world.out_of_range() == [], (path, body)


@contextlib.contextmanager
def _rolled_back():
    """Each example starts from the same records, so that a failure replays exactly."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
