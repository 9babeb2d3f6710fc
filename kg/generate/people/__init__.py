"""Parts of the people generator (``kg/generate/gen_people.py``): the sources it reads
(``sources``) and the forms of a name (``names``)."""
