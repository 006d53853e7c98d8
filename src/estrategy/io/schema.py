"""The JSON Schema of model files, generated from the model's attrs classes."""

from __future__ import annotations

from typing import Any

__all__ = ["json_schema"]


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of model files."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}
