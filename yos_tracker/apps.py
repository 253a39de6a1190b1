from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, pre_migrate

from yos_tracker import page_cache


class CoreConfig(AppConfig):
    """The core: organisations, memberships and roles, and what every app shares."""

    name = "yos_tracker"
    verbose_name = "Organisations and access"

    def ready(self) -> None:
        connection_created.connect(page_cache.watch_connection, dispatch_uid="yos_tracker.page_cache")
        pre_migrate.connect(page_cache.migration_started, dispatch_uid="yos_tracker.page_cache")
        post_migrate.connect(page_cache.migration_finished, dispatch_uid="yos_tracker.page_cache")
