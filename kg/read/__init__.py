"""Reading: an input file (text, HTML, JSON, ...) becomes an :class:`~kg.read.articles.Article`.

``readers`` picks a reader by suffix or content; ``articles`` splits text into sentences and
finds the date line; ``dates`` and ``language`` are the parsers they share."""
