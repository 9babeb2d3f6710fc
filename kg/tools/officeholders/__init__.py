"""Parts of the office-holder generator (``kg/tools/gen_officeholders.py``) that read sources
other than Peppercat's pages: the Wikidata items of the positions (``office_items``)."""
