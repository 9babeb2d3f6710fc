"""Developer tools run from the source tree, such as the generator of :mod:`kg.vocab`."""
