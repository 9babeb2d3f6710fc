"""The tools around a built graph: named queries and SPARQL (``queries``, ``inspect``), validation
and statistics (``inspect``), pushing to a store (``push``) and the scale-out build on a dask
cluster (``distributed``). The findings sidecar ``kg merge`` reads is ``kg.findings_io``, beside the
finding types it writes."""
