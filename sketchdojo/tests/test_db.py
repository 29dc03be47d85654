"""sketchdojo.db.model_update: only the fields that changed are written."""

import pytest
from django.db import connection

from projects.tests.factories import ProjectFactory
from sketchdojo.db import model_update

pytestmark = pytest.mark.django_db


def test_only_changed_fields_are_saved_with_updated_at(django_assert_num_queries):
    project = ProjectFactory(title="Old", description="Same")
    with django_assert_num_queries(1) as queries:
        changed = model_update(project, data={"title": "New", "description": "Same"}, fields=["title", "description"])
    assert changed == ["title"]
    sql = queries.captured_queries[0]["sql"]
    quoted = {name: connection.ops.quote_name(name) in sql for name in ("title", "updated_at", "description")}
    assert quoted == {"title": True, "updated_at": True, "description": False}
    project.refresh_from_db()
    assert (project.title, project.description) == ("New", "Same")


def test_nothing_changed_saves_nothing(django_assert_num_queries):
    project = ProjectFactory(title="Same")
    with django_assert_num_queries(0):
        assert model_update(project, data={"title": "Same", "ignored": 1}, fields=["title"]) == []
