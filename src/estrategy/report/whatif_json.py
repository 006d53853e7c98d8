"""The JSON output of ``whatif``: :meth:`estrategy.whatif.Simulation.to_dict`."""

from __future__ import annotations

from estrategy.report._json import dumps
from estrategy.whatif import Simulation

__all__ = ["render"]


def render(simulation: Simulation, *, lang: str = "en") -> str:
    """The simulation as indented JSON (``version``, ``model``, ``removed`` …).

    Only the findings' ``message`` is in ``lang``, as in the JSON output of ``check``;
    every other field is the same in every language.
    """
    return dumps(simulation.to_dict(lang))
