"""Renderers: one module per output format, each a pure function of a result.

``text`` (rich, for terminals), ``json`` (the stable contract), ``sarif`` (code
scanning), ``markdown``, ``github`` (workflow annotations) and ``html`` (one
self-contained page with charts). Import the module you need; nothing is imported here.
"""
