from unittest import mock

import pytest
from django.test import override_settings


def test_healthy_database_answers_200(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["status"] == "ok"


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_unreachable_broker_answers_503(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")


def test_broken_database_answers_503(client, db):
    from brightspots import health

    with mock.patch.object(health.connection, "cursor", side_effect=RuntimeError("down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["database"].startswith("error")


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_only_get(client, db, method):
    assert getattr(client, method)("/healthz/").status_code == 405
