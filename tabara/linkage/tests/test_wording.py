"""Every level of the model is named in words of its own, in each language."""

from __future__ import annotations

import pytest
from django.utils import translation

from tabara.linkage.settings import person_settings
from tabara.linkage.wording import LEVELS, level_text


@pytest.mark.parametrize("language", ["rw", "en", "fr"])
def test_every_level_of_the_model_has_words(language: str) -> None:
    model = person_settings(probability_two_random_records_match=0.01)
    levels = [
        (comparison["output_column_name"], level["label_for_charts"])
        for comparison in model.get_settings("duckdb").as_dict()["comparisons"]
        for level in comparison["comparison_levels"]
        if not level.get("is_null_level")
    ]
    assert len(levels) > 20
    with translation.override(language):
        texts = {level: level_text(*level) for level in levels}
    assert [level for level in levels if level not in LEVELS] == []
    # Levels of one comparison read differently (except "the same"/"different" pairs).
    for comparison in ("name", "birth", "nin"):
        words = [text for (c, _), text in texts.items() if c == comparison]
        assert len(words) == len(set(words)), comparison
