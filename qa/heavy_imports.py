"""Heavy imports that more than one stage makes: one lock for them, and spaCy without torch.

thinc (spaCy's layer library) imports torch whenever torch is installed, to offer its PyTorch wrapper. The
verifier's `en_core_web_sm` pipeline runs on thinc's numpy operations and never uses torch, yet importing spaCy
cost ~1.4 s instead of ~0.4 s on this 2-core machine, paid by a cold `python -m qa.ask` at its first sentence
check (torch is installed for the embedder's fallback). `import_spacy()` hides torch from that one import.
"""

from __future__ import annotations

import sys
import threading
from types import ModuleType

# Held while torch is hidden, and by every place that imports torch, so that no thread meets the hidden torch.
HEAVY_IMPORT_LOCK = threading.RLock()


def import_spacy() -> ModuleType:
    """spaCy, imported without torch unless something in this process has imported torch already."""
    with HEAVY_IMPORT_LOCK:
        if "spacy" in sys.modules or "torch" in sys.modules:
            import spacy

            return spacy
        sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError while set
        try:
            import spacy
        finally:
            if "torch" in sys.modules and sys.modules["torch"] is None:
                del sys.modules["torch"]
        return spacy


def import_torch() -> ModuleType:
    """torch, never while `import_spacy()` hides it."""
    with HEAVY_IMPORT_LOCK:
        import torch

        return torch
