"""estrategy: a company's digital strategy as code."""

__version__ = "0.1.0.dev0"
