"""The documentation site's build: the pages and tables generated from the code.

``mkdocs.yml`` loads :mod:`docsite.hooks`, which adds the generated pages (one per rule and
language) and fills the generated tables of hand-written pages. The tests import the same
functions, so what they check is what the site shows.
"""
