"""The GIN indexes of the two kinds the site search added after its first migration: partners and
the activities of published cooperation plans (search/sources.py; as search/migrations/0001, the
expression is written out as it was when this migration was made)."""

from django.db import migrations

INDEXES = [
    (
        "search_partners_vector",
        "CREATE INDEX \"search_partners_vector\" ON \"members_partner\" USING gin ((near_search_vector((COALESCE(\"name_en\", '') || ' ' || COALESCE(\"name_mn\", '') || ' ' || COALESCE(\"name_zh_hans\", '') || ' ' || COALESCE(\"name_ko\", '') || ' ' || COALESCE(\"name_ja\", '') || ' ' || COALESCE(\"name_ru\", '') || ' ' || COALESCE(\"acronym\", '')), (COALESCE(\"name_en\", '')), (COALESCE(\"name_ru\", '')), (COALESCE(\"description_en\", '') || ' ' || COALESCE(\"description_mn\", '') || ' ' || COALESCE(\"description_zh_hans\", '') || ' ' || COALESCE(\"description_ko\", '') || ' ' || COALESCE(\"description_ja\", '') || ' ' || COALESCE(\"description_ru\", '')), (COALESCE(\"description_en\", '')), (COALESCE(\"description_ru\", '')))))",
    ),
    (
        "search_plans_vector",
        "CREATE INDEX \"search_plans_vector\" ON \"plans_planactivity\" USING gin ((near_search_vector((COALESCE(\"description_en\", '') || ' ' || COALESCE(\"description_mn\", '') || ' ' || COALESCE(\"description_zh_hans\", '') || ' ' || COALESCE(\"description_ko\", '') || ' ' || COALESCE(\"description_ja\", '') || ' ' || COALESCE(\"description_ru\", '')), (COALESCE(\"description_en\", '')), (COALESCE(\"description_ru\", '')), (COALESCE(\"counterpart_en\", '') || ' ' || COALESCE(\"counterpart_mn\", '') || ' ' || COALESCE(\"counterpart_zh_hans\", '') || ' ' || COALESCE(\"counterpart_ko\", '') || ' ' || COALESCE(\"counterpart_ja\", '') || ' ' || COALESCE(\"counterpart_ru\", '') || ' ' || COALESCE(\"target_en\", '') || ' ' || COALESCE(\"target_mn\", '') || ' ' || COALESCE(\"target_zh_hans\", '') || ' ' || COALESCE(\"target_ko\", '') || ' ' || COALESCE(\"target_ja\", '') || ' ' || COALESCE(\"target_ru\", '') || ' ' || COALESCE(\"indicator_en\", '') || ' ' || COALESCE(\"indicator_mn\", '') || ' ' || COALESCE(\"indicator_zh_hans\", '') || ' ' || COALESCE(\"indicator_ko\", '') || ' ' || COALESCE(\"indicator_ja\", '') || ' ' || COALESCE(\"indicator_ru\", '') || ' ' || COALESCE(\"baseline_en\", '') || ' ' || COALESCE(\"baseline_mn\", '') || ' ' || COALESCE(\"baseline_zh_hans\", '') || ' ' || COALESCE(\"baseline_ko\", '') || ' ' || COALESCE(\"baseline_ja\", '') || ' ' || COALESCE(\"baseline_ru\", '') || ' ' || COALESCE(\"responsible_en\", '') || ' ' || COALESCE(\"responsible_mn\", '') || ' ' || COALESCE(\"responsible_zh_hans\", '') || ' ' || COALESCE(\"responsible_ko\", '') || ' ' || COALESCE(\"responsible_ja\", '') || ' ' || COALESCE(\"responsible_ru\", '')), (COALESCE(\"counterpart_en\", '') || ' ' || COALESCE(\"target_en\", '') || ' ' || COALESCE(\"indicator_en\", '') || ' ' || COALESCE(\"baseline_en\", '') || ' ' || COALESCE(\"responsible_en\", '')), (COALESCE(\"counterpart_ru\", '') || ' ' || COALESCE(\"target_ru\", '') || ' ' || COALESCE(\"indicator_ru\", '') || ' ' || COALESCE(\"baseline_ru\", '') || ' ' || COALESCE(\"responsible_ru\", '')))))",
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_functions_and_indexes"),
        ("members", "0002_partner_in_current_brochure"),
        ("plans", "0001_initial"),
    ]

    operations = [migrations.RunSQL(sql, f'DROP INDEX IF EXISTS "{name}"') for name, sql in INDEXES]
