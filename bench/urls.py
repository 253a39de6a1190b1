from django.urls import path

from bench.views import bare, bare_write
from yos_tracker.urls import urlpatterns as application

urlpatterns = [
    path("bench/bare/<slug:org>/", bare, name="bench_bare"),
    path("bench/bare-write/<int:action>/", bare_write, name="bench_bare_write"),
    *application,
]
