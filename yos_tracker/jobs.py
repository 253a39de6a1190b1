"""What every background job (an import, a render) shares: it is handed to the broker without
failing when the broker is down, and while it runs a heartbeat says its worker is alive, so a job
whose worker was lost is found and offered again instead of "running" for ever."""

import datetime
import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Q, QuerySet
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

logger = logging.getLogger(__name__)
# What publishing raises when Redis is unreachable.
BROKER_ERRORS = (BrokerOperationalError, ConnectionError, OSError, TimeoutError)


def send(task, *args) -> bool:
    """Hand a job to the broker. If the broker is down the job stays queued in the database and
    False is returned; the app's beat task sends it again once the broker is back (a job is
    claimed once, so sending twice runs it once)."""
    try:
        task.delay(*args)
    except BROKER_ERRORS as error:
        logger.warning("%s%s stays queued: the broker is unreachable (%s)", task.name, args, error)
        return False
    return True


def lost(running: QuerySet) -> QuerySet:
    """The jobs among `running` whose worker has not been heard from for JOB_LOST_AFTER_SECONDS:
    killed, out of memory, or its machine gone."""
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.JOB_LOST_AFTER_SECONDS)
    return running.filter(Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff))


class Heartbeat:
    """While a job runs on a worker, a thread writes `heartbeat_at` on its row every
    JOB_HEARTBEAT_SECONDS, and progress as soon as it is noted, on a database connection of its
    own: outside the job's transaction, so the job's page sees its progress as it goes.

    Run in the web process (tasks eager, the embedded SQLite default, which allows one writer at
    a time) nobody else is waiting on the row: progress is written as it comes, on the job's own
    connection, and there is no thread."""

    def __init__(self, row: QuerySet, *, on_worker: bool):
        self.row = row
        self.threaded = on_worker and connection.vendor != "sqlite"
        self.noted: dict = {}
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.woken = threading.Event()
        self.thread = threading.Thread(target=self._beat, name="job-heartbeat", daemon=True)

    def __enter__(self) -> "Heartbeat":
        if self.threaded:
            self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.threaded:
            self.stopped.set()
            self.woken.set()
            self.thread.join()

    def note(self, **fields) -> None:
        """Progress, written at once (by the thread, when there is one)."""
        if not self.threaded:
            self.row.update(**fields)
            return
        with self.lock:
            self.noted.update(fields)
        self.woken.set()

    def _beat(self) -> None:
        try:
            while not self.stopped.is_set():
                self.woken.clear()
                self._write()
                self.woken.wait(settings.JOB_HEARTBEAT_SECONDS)
            self._write()
        finally:
            connection.close()  # this thread's own connection

    def _write(self) -> None:
        with self.lock:
            fields, self.noted = self.noted, {}
        try:
            self.row.update(heartbeat_at=timezone.now(), **fields)
        except DatabaseError:
            logger.warning("A job's heartbeat could not be written", exc_info=True)
            with self.lock:
                self.noted = {**fields, **self.noted}
