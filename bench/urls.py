from django.urls import path

from bench.views import bare
from yos_tracker.urls import urlpatterns as application

urlpatterns = [path("bench/bare/<slug:org>/", bare, name="bench_bare"), *application]
