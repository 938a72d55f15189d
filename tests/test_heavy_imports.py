"""spaCy is imported without torch (thinc would import it, ~1 s on a cold `qa.ask`), and torch stays importable."""

import subprocess
import sys

_SCRIPT = """
import sys
from qa.verify.nlp import parse
doc = parse("Officials said on Monday that the bridge would reopen in May.")
print("torch" in sys.modules, [t.dep_ for t in doc][:3])
from qa.heavy_imports import import_torch
torch = import_torch()
print(torch.tensor([1.0, 2.0]).sum().item())
"""


def test_parser_loads_without_torch_and_torch_still_imports_after():
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120, check=True)
    first, second = out.stdout.strip().splitlines()
    assert first.startswith("False ")  # the parse ran and torch was not imported for it
    assert "ROOT" in first or "nsubj" in first
    assert second == "3.0"  # the hidden entry was removed: torch imports normally afterwards


_ALREADY = """
import sys
import torch  # something imported torch first: spaCy then sees it as usual
from qa.heavy_imports import import_spacy
import_spacy()
import thinc.compat
print(thinc.compat.has_torch)
"""


def test_torch_imported_first_is_left_alone():
    out = subprocess.run([sys.executable, "-c", _ALREADY], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "True"
