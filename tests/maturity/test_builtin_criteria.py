"""The built-in criteria: one module per dimension, in the order of the default model."""

from __future__ import annotations

import importlib

from estrategy.maturity import BUILTIN_CRITERIA, default_maturity_model

# Pinned: reports, JSON outputs and custom maturity models name these ids, in this order.
IDS = (
    "stakes-and-mission",
    "situation-analysis",
    "smart-objectives",
    "challenged-strategies",
    "tactics-serve-strategy",
    "two-volets",
    "tactics-with-actions",
    "complete-actions",
    "on-schedule",
    "budget-focus",
    "tactics-measured",
    "objectives-measured",
    "regular-reviews",
    "lessons-learned",
    "kpis-on-track",
    "objectives-achieved",
    "digital-lead",
    "presupposed-roles",
    "role-competences",
    "action-skills",
    "expert-supervision",
    "change-support",
    "tools-with-purpose",
    "crm-backbone",
    "back-serves-front",
    "efficiency",
    "data-capability",
    "adoption",
    "transversality",
    "genuine-groups",
    "upward-paths",
    "esn-reach",
    "pull-tactics",
    "mixed-energy",
    "coordinated-contacts",
    "audience-coverage",
)


def test_the_builtin_criteria_keep_their_ids_and_order() -> None:
    assert tuple(BUILTIN_CRITERIA) == IDS


def test_each_criterion_lives_in_the_module_of_its_dimension() -> None:
    for dimension in default_maturity_model().dimensions:
        module = importlib.import_module(f"estrategy.maturity.criteria.{dimension.id}")
        assert [c.id for c in module.CRITERIA] == [c.id for c in dimension.criteria]
        assert f"``{dimension.id}``" in (module.__doc__ or "")
        for item in module.CRITERIA:
            assert item.function.__module__ == module.__name__


def test_every_criterion_is_described_by_its_docstring() -> None:
    for item in BUILTIN_CRITERIA.values():
        assert item.description == " ".join((item.function.__doc__ or "").split())
        assert item.description


def test_the_delivery_criteria_are_the_results() -> None:
    delivery = [c.id for c in BUILTIN_CRITERIA.values() if c.delivery]
    assert delivery == ["on-schedule", "kpis-on-track", "objectives-achieved", "adoption"]
