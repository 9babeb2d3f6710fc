"""Parts of the topic generator (``kg/generate/gen_topics.py``): reading the IPTC scheme and the
branches kept (``scheme``, ``branches.tsv``), and the wording table's rules (``wording``)."""
