"""The Fellegi-Sunter model of a person: Splink comparisons and blocking rules.

Why each choice is made is in docs/linkage.md. In short: a name is a set of folded tokens
(never "surname" and "forename"), compared from the exact set down to a shared stem, with
term-frequency adjustments so that "Jean" or "Ishimwe" count for little; birth is compared
with its precision; the national ID on its whole and on its first 13 digits; phones with
term-frequency adjustments, so a phone many people share counts for little, and a hotline's
is no evidence at all. Blocking uses IDs, phones, name stems with birth year, district or
full date, pairs of stems or of their first letters, and the whole sorted name: never a
surname, which Rwandan names do not have.

Every level is written with Splink's dialect-neutral libraries (or plain SQL that DuckDB
and Spark read alike), so one model runs on both backends.
"""

from __future__ import annotations

from typing import Any, Literal

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on

MODEL_VERSION = "tabara-person-3"  # 3: spelled-alike names within 2 edits, hub phones, 2 blocks


def _level(level: Any, m: float, **options: Any) -> Any:
    return level.configure(m_probability=m, **options)


def name_comparison() -> Any:
    """Order-free names, most to least specific (docs/linkage.md, "Names")."""
    return cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("name_sorted"),
            _level(cll.ExactMatchLevel("name_sorted", term_frequency_adjustments=True), 0.55),
            _level(cll.ArrayIntersectLevel("name_tokens", min_intersection=2), 0.15),
            # Alike and at most two slips apart: Jaro-Winkler alone on the sorted string
            # rewards one long shared name ("McCarthy Silas"/"McCarthy William").
            _level(
                cll.And(
                    cll.JaroWinklerLevel("name_sorted", 0.92),
                    cll.DamerauLevenshteinLevel("name_sorted", 2),
                ).configure(label_for_charts="Jaro-Winkler distance of name_sorted >= 0.92"),
                0.08,
            ),
            _level(
                cll.ArraySubsetLevel("name_tokens").configure(label_for_charts="one name omitted"),
                0.06,
                tf_adjustment_column="name_rare",
            ),
            _level(
                cll.CustomLevel(
                    "name_rare_l = name_rare_r", label_for_charts="rarest token shared"
                ),
                0.05,
                tf_adjustment_column="name_rare",
            ),
            _level(
                cll.ArrayIntersectLevel("name_stems", min_intersection=2).configure(
                    label_for_charts="two stems shared"
                ),
                0.03,
            ),
            _level(
                cll.ArrayIntersectLevel("name_tokens", min_intersection=1).configure(
                    label_for_charts="one name shared"
                ),
                0.04,
            ),
            _level(
                cll.ArrayIntersectLevel("name_stems", min_intersection=1).configure(
                    label_for_charts="one stem shared"
                ),
                0.03,
            ),
            _level(cll.ElseLevel(), 0.04),
        ],
    )


def birth_comparison() -> Any:
    """Birth compared with its precision: full date, year only, or a year from an age."""
    either_approx = "(birth_precision_l <> 'date' OR birth_precision_r <> 'date')"
    either_age = "(birth_precision_l = 'age' OR birth_precision_r = 'age')"
    return cl.CustomComparison(
        output_column_name="birth",
        comparison_levels=[
            cll.CustomLevel("birth_year_l IS NULL OR birth_year_r IS NULL").configure(
                is_null_level=True
            ),
            _level(cll.ExactMatchLevel("birth_date"), 0.45),
            _level(cll.DamerauLevenshteinLevel("birth_date", 1), 0.08),
            _level(
                cll.CustomLevel(
                    f"(birth_year_l = birth_year_r AND {either_approx}) OR "
                    f"(abs(birth_year_l - birth_year_r) <= 1 AND {either_age})",
                    label_for_charts="same year as far as both are known",
                ),
                0.3,
            ),
            _level(
                cll.CustomLevel("birth_year_l = birth_year_r", label_for_charts="same year"), 0.05
            ),
            _level(
                cll.CustomLevel(
                    "abs(birth_year_l - birth_year_r) <= 1", label_for_charts="±1 year"
                ),
                0.07,
            ),
            _level(
                cll.CustomLevel(
                    f"abs(birth_year_l - birth_year_r) <= 2 AND {either_age}",
                    label_for_charts="±2 years, a side from an age",
                ),
                0.02,
            ),
            _level(cll.ElseLevel(), 0.03),
        ],
    )


def nin_comparison() -> Any:
    """Equal numbers are near-conclusive; different ones only moderate evidence against."""
    return cl.CustomComparison(
        output_column_name="nin",
        comparison_levels=[
            cll.NullLevel("nin"),
            _level(cll.ExactMatchLevel("nin"), 0.85),
            _level(
                cll.ExactMatchLevel("nin_core").configure(label_for_charts="first 13 digits"), 0.07
            ),
            _level(cll.DamerauLevenshteinLevel("nin", 1), 0.04),
            # Held, not learned: EM sees almost no true pair with two different numbers and
            # would make a difference conclusive; a re-issued number makes it only moderate.
            _level(cll.ElseLevel(), 0.04, fix_m_probability=True),
        ],
    )


def _exact(column: str, m: float, *, tf: bool = False, fix_else: bool = False) -> Any:
    return cl.CustomComparison(
        output_column_name=column,
        comparison_levels=[
            cll.NullLevel(column),
            _level(cll.ExactMatchLevel(column, term_frequency_adjustments=tf), m),
            _level(cll.ElseLevel(), 1 - m, fix_m_probability=fix_else),
        ],
    )


def phone_comparison() -> Any:
    """The phone as `phone_block`: a number on very many records (a hotline, an office) is
    no one's own, so it is no evidence either way, rather than a disagreement."""
    return cl.CustomComparison(
        output_column_name="phone",
        comparison_levels=[
            cll.NullLevel("phone_block"),
            _level(
                cll.ExactMatchLevel("phone_block", term_frequency_adjustments=True).configure(
                    label_for_charts="Exact match on phone"
                ),
                0.4,
            ),
            _level(cll.ElseLevel(), 0.6),
        ],
    )


def blocking_rules() -> list[Any]:
    """Candidate pairs: the union of these rules. None of them uses a surname."""
    return [
        block_on("nin"),
        block_on("nin_core"),
        block_on("phone_block"),
        block_on("block_stems", "birth_year", arrays_to_explode=["block_stems"]),
        block_on("block_stems", "district", arrays_to_explode=["block_stems"]),
        block_on("stem_pairs", arrays_to_explode=["stem_pairs"]),
        block_on("prefix_pairs", arrays_to_explode=["prefix_pairs"]),
        # A full date is rare enough that any stem, however common, may pair with it.
        block_on("name_stems", "birth_date", arrays_to_explode=["name_stems"]),
        block_on("name_sorted"),
    ]


def person_settings(
    *,
    probability_two_random_records_match: float,
    link_type: Literal["link_only", "link_and_dedupe", "dedupe_only"] = "dedupe_only",
    extra_comparisons: tuple[Any, ...] = (),
    extra_blocking: tuple[Any, ...] = (),
) -> SettingsCreator:
    """The untrained model (m probabilities are starting values that EM refines).

    The extras let a benchmark add fields Tabara's lists do not have (FEBRL's address).
    """
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name="unique_id",
        probability_two_random_records_match=probability_two_random_records_match,
        comparisons=[
            name_comparison(),
            birth_comparison(),
            _exact("sex", 0.97, fix_else=True),  # a wrong sex is a slip, not proof
            nin_comparison(),
            phone_comparison(),
            _exact("district", 0.6),
            *extra_comparisons,
        ],
        blocking_rules_to_generate_predictions=[*blocking_rules(), *extra_blocking],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        additional_columns_to_retain=[],
    )
