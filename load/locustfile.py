"""Board members reading dashboards and plans; managers posting progress updates.

Every update a manager posts carries a unique narrative, and each success (HTTP 200 from the
inline form with the confirmation) is written to LOAD_LEDGER, one line per update, so the
check afterwards can prove none was lost and none doubled."""

import os
import re
import uuid

from locust import HttpUser, between, task

LEDGER = os.environ.get("LOAD_LEDGER", "load-ledger.txt")
PASSWORD = os.environ.get("DEMO_PASSWORD", "yos-demo-2026")
ACTION_URLS = os.environ["LOAD_ACTION_URLS"].split(",")
PLAN_URL = os.environ["LOAD_PLAN_URL"]
STATUS_ID = os.environ["LOAD_STATUS_ID"]


class Person(HttpUser):
    abstract = True
    username = ""

    def on_start(self):
        self.client.get("/accounts/login/")
        token = self.client.cookies.get("csrftoken")
        self.client.post(
            "/accounts/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="sign in",
        )


class BoardMember(Person):
    weight = 3
    wait_time = between(0.5, 1.5)
    username = "lewisham.board"

    @task(3)
    def dashboard(self):
        self.client.get("/lewisham/performance/", name="dashboard")

    @task(2)
    def plan(self):
        self.client.get(PLAN_URL, name="plan overview")


class Manager(Person):
    weight = 1
    wait_time = between(0.5, 1.5)
    username = "lewisham.manager"

    @task
    def post_update(self):
        marker = f"load-{uuid.uuid4().hex}"
        url = ACTION_URLS[hash(marker) % len(ACTION_URLS)]
        with self.client.post(
            url,
            {"date": "2017-06-01", "status": STATUS_ID, "narrative": marker},
            headers={"X-CSRFToken": self.client.cookies.get("csrftoken", ""), "HX-Request": "true"},
            name="post update",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and re.search("Your update is added", response.text):
                with open(LEDGER, "a") as ledger:
                    ledger.write(marker + "\n")
                response.success()
            else:
                response.failure(f"update not confirmed ({response.status_code})")
