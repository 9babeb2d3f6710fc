"""Findings cross process boundaries (-j workers, Dask): they must arrive equal and usable."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys

from kg.findings import Ref

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_a_ref_pickled_in_another_process_is_the_same_dictionary_key():
    # string hashes differ between processes; a Ref must not carry its hash across
    code = ("import pickle, sys; from kg.findings import Ref; "
            "sys.stdout.buffer.write(pickle.dumps([Ref('Country', 'Kazakhstan'), Ref('Person', 'Lula')]))")
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=ROOT)
    data = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True).stdout
    got = pickle.loads(data)
    table = {Ref("Country", "Kazakhstan"): "state", Ref("Person", "Lula"): "person"}
    assert [table.get(r) for r in got] == ["state", "person"]
    assert got == sorted(got) and got[0] < Ref("Country", "Mongolia")
