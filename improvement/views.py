from django.shortcuts import render

from yos_tracker.scoping import org_view


@org_view()
def index(request):
    return render(request, "improvement/index.html")
