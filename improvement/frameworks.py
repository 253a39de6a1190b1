"""Loading the inspection frameworks (improvement/framework_data.py) into the database: by a data
migration on every installation, and by `manage.py sync_catalogue` after the data is edited.
Updates in place by code and label, so the inspections and self-assessments that rate a
framework's standards keep them."""

from improvement.framework_data import FRAMEWORKS


def frameworks_sync(framework_model, level_model, standard_model) -> int:
    """Create or update every framework, level and standard. Takes the model classes so a migration
    can pass its historical models. Never deletes: a standard dropped from the data keeps the
    ratings given to it. Returns the number of frameworks."""
    for order, data in enumerate(FRAMEWORKS):
        framework, _ = framework_model.objects.update_or_create(
            code=data["code"],
            defaults={
                "name": data["name"],
                "in_use": data["in_use"],
                "source": data["source"],
                "bands": data["bands"],
                "order": order,
            },
        )
        # Ranks are unique within a framework: park the present ones out of the way, so a level
        # inserted above them (2012's "Very good") can take rank 1; a level the data no longer
        # names (one an installation added) then follows the data's, in its old order.
        levels = list(level_model.objects.filter(framework=framework).order_by("rank"))
        for level in levels:
            level.rank += 1000
            level.save(update_fields=["rank"])
        named = [label for label, _, _ in data["levels"]]
        for rank, (label, colour, score) in enumerate(data["levels"], start=1):
            level_model.objects.update_or_create(
                framework=framework, label=label, defaults={"rank": rank, "colour": colour, "score": score}
            )
        for rank, level in enumerate((lv for lv in levels if lv.label not in named), start=len(named) + 1):
            level.rank = rank
            level.save(update_fields=["rank"])
        for position, standard in enumerate(data["standards"]):
            standard_model.objects.update_or_create(
                framework=framework,
                code=standard["code"],
                defaults={
                    "title": standard["title"],
                    "domain": standard.get("domain", ""),
                    "prompts": standard.get("prompts", []),
                    "scored": standard.get("scored", True),
                    "order": position,
                },
            )
    return len(FRAMEWORKS)
