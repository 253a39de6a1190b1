"""Processes tests own: a Redis on a spare port and Celery worker subprocesses, which fault tests
may break, and an S3-compatible server for the media storage. The machine's shared Redis and any
other worker are never touched."""

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import boto3
import redis
from django.conf import settings
from django.db import connection

from yos_tracker.celery import app
from yos_tracker.media import s3_storage
from yos_tracker.tests.helpers import wait_for

# Seconds an unacknowledged message waits before the broker gives it to another worker. Short
# for the workers tests start, so that a test can outwait it; in production it is an hour.
VISIBILITY_TIMEOUT = 2


def _spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnRedis:
    """A Redis server started (and stopped, and started again on the same port) by the test."""

    def __init__(self, workdir: Path):
        self.port = _spare_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = workdir
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        wait_for(lambda: _answers(client), timeout=10)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


def _answers(client) -> bool:
    try:
        return client.ping()
    except redis.ConnectionError:
        return False


def use_broker(url: str) -> None:
    """Point this process's Celery app at `url`. The app caches its connection pool; forget it
    so the next one is looked up for the new URL. (Not closed: kombu keeps one pool per URL for
    the whole process, and a closed one would be handed back when the test switches back.)"""
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


class Worker:
    """`celery worker` in a subprocess on the test database and a broker of the test's choosing."""

    def __init__(self, broker_url: str, media_root: Path, log: Path, *, pool: str, visibility_timeout: int, env: dict):
        db = connection.settings_dict
        self.env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "REDIS_URL": broker_url,
            "CELERY_BROKER_URL": broker_url,
            "MEDIA_ROOT": str(media_root),
            "CELERY_VISIBILITY_TIMEOUT": str(visibility_timeout),
            **{name: str(value) for name, value in env.items()},
        }
        self.pool, self.log = pool, log
        self.process = None

    def start(self) -> "Worker":
        command = [sys.executable, "-m", "celery", "-A", "yos_tracker", "worker", "--pool", self.pool]
        command += ["--concurrency", "1", "--without-heartbeat", "--without-gossip", "--without-mingle"]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [*command, "--loglevel", "INFO"],
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for(lambda: "ready." in self.log.read_text(), timeout=60)
        return self

    def children(self) -> list[int]:
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False)
        return [int(pid) for pid in found.stdout.split()]

    def kill(self) -> None:
        """SIGKILL the whole worker, as the OOM killer or a pulled plug would: no shutdown at all."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.kill()


class S3Server:
    """moto's S3-compatible server (a real HTTP server in its own process, not a mock of boto3)
    on a spare port, with one private bucket. `storage` is the STORAGES entry production would
    build for it; `client` reads the bucket directly, past the storage under test."""

    bucket = "yos-media"  # bucket names must be valid DNS names
    region = "eu-west-2"

    def __init__(self):
        self.port = _spare_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        credentials = {"access_key": "testing", "secret_key": "testing"}
        self.storage = s3_storage(bucket=self.bucket, endpoint_url=self.endpoint, region=self.region, **credentials)
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=self.region,
            aws_access_key_id=credentials["access_key"],
            aws_secret_access_key=credentials["secret_key"],
        )
        self.process = None

    def start(self) -> "S3Server":
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # it logs every request; a pipe nobody reads would fill and stall it
        )
        wait_for(self._listening, timeout=20)
        self.client.create_bucket(Bucket=self.bucket, CreateBucketConfiguration={"LocationConstraint": self.region})
        return self

    def _listening(self) -> bool:
        assert self.process.poll() is None, f"moto_server exited with {self.process.returncode}"
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
        except OSError:
            return False
        return True

    def objects(self) -> dict[str, bytes]:
        """Every object in the bucket, by key."""
        listed = self.client.list_objects_v2(Bucket=self.bucket).get("Contents", [])
        return {o["Key"]: self.client.get_object(Bucket=self.bucket, Key=o["Key"])["Body"].read() for o in listed}

    def empty(self) -> None:
        for key in self.objects():
            self.client.delete_object(Bucket=self.bucket, Key=key)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class Gunicorn:
    """The application served as production serves it (gunicorn, two workers) from a subprocess,
    on the test database and the parts named in `env` (REDIS_URL, CELERY_BROKER_URL...)."""

    def __init__(self, media_root: Path, log: Path, *, workers: int = 2, env: dict):
        db = connection.settings_dict
        self.port = _spare_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{name: value for name, value in os.environ.items() if name not in ("REDIS_URL", "CELERY_BROKER_URL")},
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "MEDIA_ROOT": str(media_root),
            **{name: str(value) for name, value in env.items()},
        }
        self.workers, self.log = workers, log
        self.process = None

    def start(self) -> "Gunicorn":
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "yos_tracker.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
        ]
        command += ["--workers", str(self.workers), "--no-control-socket", "--timeout", "60"]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                command,
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for(self._answering, timeout=60)
        return self

    def _answering(self) -> bool:
        assert self.process.poll() is None, f"gunicorn exited: {self.log.read_text()[-2000:]}"
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
        except OSError:
            return False
        return True

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
