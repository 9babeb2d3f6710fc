"""Parts of the people generator (``kg/tools/gen_people.py``): the sources it reads
(``sources``) and the forms of a name (``names``)."""
