"""The shared template pieces: the RAG badge and the history table."""

from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string

from yos_tracker.choices import Role
from yos_tracker.history import history_rows
from yos_tracker.models import Membership
from yos_tracker.templatetags.yos_tags import rag_text_colour


class TestRagBadge:
    def test_it_shows_the_label_and_the_colour_from_data(self):
        status = SimpleNamespace(label="Slipped", colour="#d4351c", meaning="Past its due date")
        html = render_to_string("includes/rag_badge.html", {"status": status})
        assert ">Slipped</span>" in html
        assert "--rag-colour: #d4351c" in html
        assert 'title="Past its due date"' in html

    @pytest.mark.parametrize(
        "background, text",
        [
            ("#ffffff", "#000000"),
            ("#00703c", "#ffffff"),
            ("#ffdd00", "#000000"),
            ("#4c2c92", "#ffffff"),
            ("#fff", "#000000"),
        ],
    )
    def test_text_colour_contrasts_with_the_background(self, background, text):
        assert rag_text_colour(background) == text

    def test_a_missing_status_reads_as_no_status(self):
        assert "No status" in render_to_string("includes/rag_badge.html", {"status": None})

    def test_labels_are_escaped(self):
        html = render_to_string("includes/rag_badge.html", {"status": SimpleNamespace(label="<b>x</b>", colour="#fff")})
        assert "&lt;b&gt;x&lt;/b&gt;" in html


@pytest.mark.django_db
class TestHistory:
    def test_it_lists_who_changed_which_field_from_what_to_what(self, administrator, manager):
        membership = Membership.objects.get(user=manager)
        membership._history_user = administrator
        membership.role = Role.OFFICER
        membership.save()

        rows = history_rows(membership.history.all())
        assert [r.action for r in rows] == ["Changed", "Created"]
        change = rows[0].changes[0]
        assert (change.field, change.old, change.new) == ("Role", "Manager", "Officer")
        assert rows[0].who == administrator.get_full_name()

        html = render_to_string("includes/history_table.html", {"history": rows})
        assert "<del>Manager</del>" in html and "<ins>Officer</ins>" in html


@pytest.mark.django_db
def test_a_record_loaded_in_bulk_has_an_empty_history(organisation):
    organisation.history.all().delete()
    assert history_rows(organisation.history.all()) == []
    assert "No changes recorded." in render_to_string("includes/history_table.html", {"history": []})
