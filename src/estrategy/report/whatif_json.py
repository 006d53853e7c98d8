"""The JSON output of ``whatif``: :meth:`estrategy.whatif.Simulation.to_dict`."""

from __future__ import annotations

from estrategy.report._json import dumps
from estrategy.whatif import Simulation

__all__ = ["render"]


def render(simulation: Simulation) -> str:
    """The simulation as indented JSON (``version``, ``model``, ``removed`` …)."""
    return dumps(simulation.to_dict())
