"""Parts of the office-holder generator (``kg/generate/gen_officeholders.py``) that read sources
other than Peppercat's pages: the Wikidata items of the positions (``office_items``)."""
