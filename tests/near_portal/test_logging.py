"""A staff member refused by a permission (403) is one line in the log, not a traceback (issue 13, point 12)."""

import logging

import pytest


@pytest.mark.django_db
def test_a_staff_403_is_logged_in_one_line_without_traceback(client, django_user_model, caplog):
    client.force_login(django_user_model.objects.create_user("no-role", is_staff=True))
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/admin/members/membergovernment/add/")
    assert response.status_code == 403
    [record] = [record for record in caplog.records if record.name == "django.request"]
    assert record.getMessage() == "Forbidden (Permission denied): /admin/members/membergovernment/add/"
    assert (record.exc_info, record.exc_text) == (None, None)
