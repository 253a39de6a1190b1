from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The core: organisations, memberships and roles, and what every app shares."""

    name = "yos_tracker"
    verbose_name = "Organisations and access"
