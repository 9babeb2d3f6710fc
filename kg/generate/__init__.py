"""Data generators run from the source tree: the tables of kg/data and :mod:`kg.vocab`."""
