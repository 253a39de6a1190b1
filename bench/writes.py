"""Progress updates posted through the whole stack, as a manager's browser posts them: gunicorn,
the session, the CSRF check (the token the action page's cookie sets, sent back in the header
htmx sends), the form, the service, history and the page cache's versions. Each update carries a
unique narrative, and only an answer confirming it ("Your update is added") counts, so the bench
can prove afterwards that every confirmed update is stored."""

import itertools
import threading
import time
import urllib.parse
import urllib.request
import uuid
from http.cookies import SimpleCookie

from django.conf import settings
from django.utils import timezone

from improvement.models import Action, ProgressUpdate, RagStatus

CONFIRMED = b"Your update is added"


class Writer:
    """A signed-in manager of one service posting updates to its actions."""

    def __init__(self, base: str, session: str, organisation, label: str):
        self.base, self.label = base, label
        actions = Action.objects.filter(recommendation__plan__organisation=organisation).order_by("pk")
        # Taken in turn, so no action gathers the run's updates (its page lists them all).
        self.actions = list(actions.values_list("pk", flat=True))
        self.slug = organisation.slug
        self.status = RagStatus.objects.for_org(organisation).current().values_list("pk", flat=True).first()
        self.today = timezone.localdate().isoformat()
        cookies = f"{settings.SESSION_COOKIE_NAME}={session}"
        with urllib.request.urlopen(urllib.request.Request(base + self._path(0), headers={"Cookie": cookies})) as page:
            jar = SimpleCookie()
            for header in page.headers.get_all("Set-Cookie") or []:
                jar.load(header)
        self.csrf = jar[settings.CSRF_COOKIE_NAME].value
        self.cookies = f"{cookies}; {settings.CSRF_COOKIE_NAME}={self.csrf}"

    def _path(self, turn: int, bare: bool = False) -> str:
        action = self.actions[turn % len(self.actions)]
        return f"/bench/bare-write/{action}/" if bare else f"/{self.slug}/improvement/actions/{action}/"

    def post(self, turn: int, bare: bool = False) -> str | None:
        """Post one update to the turn's action, on its page or the bare write (bench.views); its
        narrative when confirmed."""
        narrative = f"bench-{self.label}-{uuid.uuid4().hex}"
        body = {"date": self.today, "status": self.status, "narrative": narrative}
        request = urllib.request.Request(
            self.base + self._path(turn, bare),
            data=urllib.parse.urlencode(body).encode(),
            headers={"Cookie": self.cookies, "X-CSRFToken": self.csrf, "HX-Request": "true"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return narrative if response.status == 200 and CONFIRMED in response.read() else None
        except OSError:  # an error status or a dropped connection: not confirmed
            return None

    def stored(self) -> set[str]:
        """The narratives of this writer's updates in the database."""
        return set(
            ProgressUpdate.objects.filter(narrative__startswith=f"bench-{self.label}-").values_list(
                "narrative", flat=True
            )
        )


class Paced:
    """A writer beside the readers: from start() to stop(), one update sent every 1/per_second
    seconds, each in a thread of its own, whether or not the ones before have been answered (as
    people post, not waiting on one another)."""

    def __init__(self, writer: Writer, per_second: float):
        self.writer, self.per_second = writer, per_second
        self.sent, self.confirmed = 0, []
        self._stop = threading.Event()
        self._posts: list[threading.Thread] = []
        self._clock = threading.Thread(target=self._send)

    def _post(self, turn: int) -> None:
        if narrative := self.writer.post(turn):
            self.confirmed.append(narrative)

    def _send(self) -> None:
        started = time.perf_counter()
        while not self._stop.wait(max(0.0, started + self.sent / self.per_second - time.perf_counter())):
            post = threading.Thread(target=self._post, args=(self.sent,))
            post.start()
            self._posts.append(post)
            self.sent += 1

    def start(self) -> None:
        self._clock.start()

    def stop(self) -> None:
        """Stop sending, and wait for the answers to what was sent."""
        self._stop.set()
        self._clock.join()
        for post in self._posts:
            post.join()


def throughput(writer: Writer, concurrency: int, seconds: float, bare: bool = False) -> tuple[float, list[str]]:
    """Updates confirmed a second with `concurrency` lanes each posting one after another without
    pause (to actions in turn, none two lanes share) for `seconds`; and their narratives."""
    confirmed: list[str] = []
    deadline = time.perf_counter() + seconds

    def post_until_deadline(lane: int):
        for turn in itertools.count(lane, concurrency):
            if time.perf_counter() >= deadline:
                return
            if narrative := writer.post(turn, bare):
                confirmed.append(narrative)

    started = time.perf_counter()
    lanes = [threading.Thread(target=post_until_deadline, args=(lane,)) for lane in range(concurrency)]
    for lane in lanes:
        lane.start()
    for lane in lanes:
        lane.join()
    return len(confirmed) / (time.perf_counter() - started), confirmed
