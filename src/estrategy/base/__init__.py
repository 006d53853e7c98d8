"""The lowest layer: what every other package may use, and which imports none of them.

- :mod:`estrategy.base.errors`: :class:`~estrategy.base.errors.EstrategyError`, the root of
  every error the library raises for bad input or bad use.
- :mod:`estrategy.base.lazy`: lazy re-exports for package ``__init__`` modules, so that
  ``import estrategy`` stays fast.
- :mod:`estrategy.base.display`: notebook display and pandas conversion of results.
"""
