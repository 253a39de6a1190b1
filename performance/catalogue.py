"""Loading the shared indicator catalogue (performance/catalogue_data.py) into the database.

Used by a data migration, so every installation — the demo and a council's — starts with the
YJB's national measures and key performance indicators and Lewisham's local indicators; run
`python manage.py sync_catalogue` after editing the data to bring an installation up to date.
"""

from performance.catalogue_data import CATEGORIES, INDICATORS
from yos_tracker.records import upsert

# What a new service tracks to start with: the YJB's national measures and its key performance
# indicators from April 2023, in the catalogue's order. Managers track more, or fewer, later.
STARTER_INDICATORS = [i["code"] for i in INDICATORS if i["scope"] == "national" or i["category"] == "yjb_kpis"]


def catalogue_sync(category_model, indicator_model) -> int:
    """Create or update every category and indicator by code, writing only what the data changes
    (yos_tracker.records). Takes the model classes so a migration can pass its historical models.
    Returns the number of indicators."""
    categories = {}
    for order, (code, name) in enumerate(CATEGORIES):
        categories[code], _ = upsert(category_model.objects, code=code, defaults={"name": name, "order": order})
    # Services' own local indicators (an organisation field, from migration 0006 on) are not the
    # catalogue's to touch; the migration that first loaded the catalogue predates them.
    shared = {"organisation": None} if any(f.name == "organisation" for f in indicator_model._meta.fields) else {}
    # An earlier migration's model lacks the fields added since; the migration that adds one
    # syncs again.
    known = {f.name: f for f in indicator_model._meta.fields}
    for position, data in enumerate(INDICATORS):
        fields = {k: _fitted(known[k], v) for k, v in data.items() if k in known and k not in ("code", "category")}
        if "position" in known:  # lists follow the catalogue's order (Indicator.position)
            fields["position"] = position
        upsert(
            indicator_model.objects,
            code=data["code"],
            **shared,
            defaults={**fields, "category": categories[data["category"]]},
        )
    return len(INDICATORS)


def _fitted(field, value):
    """The value as an earlier migration's narrower column holds it (PostgreSQL refuses a longer
    one): the migration that widened the column syncs again, writing it whole."""
    limit = getattr(field, "max_length", None)
    return value[:limit] if limit and isinstance(value, str) else value
