"""The tools around a built graph: named queries and SPARQL (``queries``, ``inspect``), validation
and statistics (``inspect``), pushing to a store (``push``), the findings sidecar that ``kg merge``
reads (``findings_io``) and the scale-out build on a dask cluster (``distributed``)."""
