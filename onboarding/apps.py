from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    """Setting up a service: the top of the import graph, since a new service needs something
    from every app (its RAG scale, audit grades, risk matrix, indicators and digest)."""

    name = "onboarding"
    verbose_name = "Setting up services"
