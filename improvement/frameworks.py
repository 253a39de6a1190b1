"""Loading the inspection frameworks (improvement/framework_data.py) into the database: by a data
migration on every installation, and by `manage.py sync_catalogue` after the data is edited.
Updates in place by code and label, so the inspections and self-assessments that rate a
framework's standards keep them, and writes only what the data changes (yos_tracker.records)."""

from improvement.framework_data import FRAMEWORKS
from yos_tracker.records import upsert


def _known(model, values: dict) -> dict:
    """The values the model has fields for: an early migration's historical model lacks the fields
    later migrations add (Standard.rated), and a later migration syncs again with them."""
    names = {field.name for field in model._meta.get_fields()}
    return {name: value for name, value in values.items() if name in names}


def frameworks_sync(framework_model, level_model, standard_model) -> int:
    """Create or update every framework, level and standard. Takes the model classes so a migration
    can pass its historical models. Never deletes: a standard dropped from the data keeps the
    ratings given to it. Returns the number of frameworks."""
    for order, data in enumerate(FRAMEWORKS):
        framework, _ = upsert(
            framework_model.objects,
            code=data["code"],
            defaults=_known(
                framework_model,
                {
                    "name": data["name"],
                    "in_use": data["in_use"],
                    "source": data["source"],
                    "sources": data.get("sources", []),
                    "unverified": data.get("unverified", []),
                    "bands": data["bands"],
                    "order": order,
                },
            ),
        )
        # Levels take the data's order; a level the data no longer names (one an installation
        # added) follows them, in its old order.
        levels = list(level_model.objects.filter(framework=framework).order_by("rank"))
        named = [label for label, _, _ in data["levels"]]
        ranks = {label: rank for rank, label in enumerate(named, start=1)}
        ranks |= {
            lv.label: rank for rank, lv in enumerate((lv for lv in levels if lv.label not in named), len(named) + 1)
        }
        if any(lv.rank != ranks[lv.label] for lv in levels):
            # Ranks are unique within a framework: park the present ones out of the way first, so
            # a level inserted above them (2012's "Very good") can take rank 1.
            for level in levels:
                level.rank += 1000
                level.save(update_fields=["rank"])
        for label, colour, score in data["levels"]:
            upsert(
                level_model.objects,
                framework=framework,
                label=label,
                defaults={"rank": ranks[label], "colour": colour, "score": score},
            )
        for level in levels:
            if level.label not in named:
                upsert(level_model.objects, pk=level.pk, defaults={"rank": ranks[level.label]})
        for position, standard in enumerate(data["standards"]):
            upsert(
                standard_model.objects,
                framework=framework,
                code=standard["code"],
                defaults=_known(
                    standard_model,
                    {
                        "title": standard["title"],
                        "domain": standard.get("domain", ""),
                        "prompts": standard.get("prompts", []),
                        "scored": standard.get("scored", standard.get("rated", True)),
                        "rated": standard.get("rated", True),
                        "inspection_type": standard.get("inspection_type", ""),
                        "order": position,
                    },
                ),
            )
    return len(FRAMEWORKS)
