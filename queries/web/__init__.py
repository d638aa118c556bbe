"""What the analyst web page reads: page-sized answers built from parameterised Cypher.

``cypher`` holds every query the page runs (constants, parameters only);
``search``, ``pages`` and ``targets`` shape their rows into the JSON the page
shows; ``queries.routes.web`` serves them under ``/api/`` and the page itself
at ``/``. Every list is paged, so a graph of 10,000 plans answers in pages of
at most ``MAX_PAGE_SIZE`` rows.
"""
